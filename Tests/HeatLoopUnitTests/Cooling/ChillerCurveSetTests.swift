import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("Chiller curve sets (EnergyPlus 25.2 DataSets)")
struct ChillerCurveSetTests {
    @Test("every shipped set at its reference point gives its reference capacity and COP (±1 %)",
          arguments: ChillerCurveSet.all)
    func ratedPoint(set: ChillerCurveSet) {
        // The curves are normalised at the reference temperatures: CAPFT = EIRFT = EIRFPLR(1) = 1 up to the
        // fit's residual. Measured from the IDF coefficients: largest deviation 0.62 % (Trane CGAM40 CAPFT
        // 1.0062), all others ≤ 0.5 %.
        let curves = set.curves
        let chiller = Chiller(curveSet: set, capacity: curves.referenceCapacity)
        let t = curves.referenceChilledWaterLeaving.value, tc = curves.referenceCondenserEntering.value
        let available = chiller.availableCapacity(chilledWaterLeaving: t, condenserEntering: tc)
        #expect(available.isApproximatelyEqual(to: curves.referenceCapacity.value, relativeTolerance: 0.01), "\(set.slug)")
        #expect(chiller.cop(chilledWaterLeaving: t, condenserEntering: tc)
            .isApproximatelyEqual(to: curves.referenceCOP, relativeTolerance: 0.01), "\(set.slug)")
        #expect(curves.eirFunctionOfPartLoad(1).isApproximatelyEqual(to: 1, relativeTolerance: 0.005), "\(set.slug)")
        // A step at exactly the available capacity: full load, compressor running all the time, COP as rated.
        let step = chiller.step(load: available, chilledWaterLeaving: t, condenserEntering: tc)
        #expect(step.removed.isApproximatelyEqual(to: available))
        #expect(step.partLoadRatio.isApproximatelyEqual(to: 1) && step.cyclingRatio == 1 && step.falseLoad == 0)
        #expect((step.removed / step.power).isApproximatelyEqual(to: curves.referenceCOP, relativeTolerance: 0.01), "\(set.slug)")
        #expect(!step.curveInputsClamped, "\(set.slug): the reference point lies inside the curves' ranges")
    }

    @Test("the library covers air and water, screw and centrifugal, and VSD; slugs are unique and found")
    func coverage() {
        let all = ChillerCurveSet.all
        #expect(all.count >= 5)
        #expect(Set(all.map(\.slug)).count == all.count)
        #expect(all.contains { $0.curves.condenser == .air && $0.compressor == .screw })
        #expect(all.contains { $0.curves.condenser == .water && $0.compressor == .screw })
        #expect(all.contains { $0.curves.condenser == .water && $0.compressor == .centrifugal && $0.variableSpeed })
        #expect(all.contains { $0.curves.condenser == .water && $0.compressor == .centrifugal && !$0.variableSpeed })
        for set in all {
            #expect(ChillerCurveSet.named(set.slug) == set)
            #expect(ChillerCurveSet.named(set.energyPlusName) == set)
            #expect(set.slug == set.slug.lowercased() && !set.slug.contains(" "))
            #expect(set.source.hasPrefix("EnergyPlus 25.2 DataSets/"))
            let c = set.curves
            #expect(c.minimumPartLoadRatio <= c.minimumUnloadingRatio && c.minimumUnloadingRatio < 1)
            #expect(c.maximumPartLoadRatio >= 1)
        }
        #expect(ChillerCurveSet.named("carrier-19xr-vsd")?.energyPlusName
            == "ElectricEIRChiller Carrier 19XR 1586kW/5.53COP/VSD")
        #expect(ChillerCurveSet.named("no-such-chiller") == nil)
    }

    @Test("values copied from the IDF (spot check: Carrier 30XA160, AirCooledChiller.idf)")
    func spotCheck() throws {
        let set = try #require(ChillerCurveSet.named("carrier-30xa-screw"))
        #expect(set.energyPlusName == "ElectricEIRChiller Carrier 30XA160 535.1kW/3.1COP")
        #expect(set.curves.referenceCapacity == Watts(535_100) && set.curves.referenceCOP == 3.1)
        #expect(set.curves.referenceChilledWaterLeaving == Celsius(6.67))
        #expect(set.curves.referenceCondenserEntering == Celsius(35))
        #expect(set.curves.condenser == .air && set.curves.condenserFanPowerRatio == 0)
        #expect(set.curves.capacityFunction.xRange == 4.44...10 && set.curves.capacityFunction.yRange == 29.44...46.11)
        #expect(set.curves.minimumPartLoadRatio == 0.1 && set.curves.maximumPartLoadRatio == 1.15)
    }
}
