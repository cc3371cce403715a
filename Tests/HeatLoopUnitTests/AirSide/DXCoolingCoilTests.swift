import HeatLoop
import HeatLoopTestSupport
import Testing

/// The CRAC coil of EnergyPlus `1ZoneDataCenterCRAC_wPumpedDXCoolingCoil.idf`.
func liebertCoil(curves: DXCoilCurves = .liebertDSE125) -> DXCoolingCoil {
    DXCoolingCoil(ratedTotalCapacity: Watts(148_300), ratedSensibleHeatRatio: 0.83, ratedCOP: 4.5669,
                  ratedAirFlow: 8.5, curves: curves)
}

@Suite struct DXCoolingCoilTests {
    let ratedWetBulb = DXCoolingCoil.ratedInletWetBulb
    let ratedOutdoor = DXCoolingCoil.ratedOutdoorDryBulb

    /// At the rating point (19.44 °C wb, 35 °C outdoor, rated flow) and full load, both curve sets give
    /// the rated capacity and COP (curves normalised there: DOE-2 biquadratics to ±0.1 %, the Liebert
    /// EIR table to 0.4 % since its grid point is 34.89 °C).
    @Test(arguments: [DXCoilCurves.energyPlusPackagedAC, .liebertDSE125])
    func ratedConditionsGiveRatedCapacityAndCOP(curves: DXCoilCurves) {
        let coil = liebertCoil(curves: curves)
        let capacity = coil.availableCapacity(enteringWetBulb: ratedWetBulb, outdoorDryBulb: ratedOutdoor, flowFraction: 1)
        #expect(capacity.isApproximatelyEqual(to: 148_300, relativeTolerance: 1e-3))
        let step = coil.step(sensibleLoad: capacity, enteringWetBulb: ratedWetBulb, outdoorDryBulb: ratedOutdoor,
                             flowFraction: 1)
        #expect(step.runtimeFraction == 1)
        #expect(step.unmetSensible == 0)
        #expect((step.sensibleRemoved / step.power).isApproximatelyEqual(to: 4.5669, relativeTolerance: 4e-3))
        #expect(!step.curvesClamped)
    }

    @Test(arguments: [DXCoilCurves.energyPlusPackagedAC, .liebertDSE125])
    func capacityAndCOPFallAsOutdoorWarms(curves: DXCoilCurves) {
        let coil = liebertCoil(curves: curves)
        var previous = (capacity: Double.infinity, cop: Double.infinity)
        for outdoor in stride(from: 20.0, through: 46.0, by: 2) {
            let capacity = coil.availableCapacity(enteringWetBulb: ratedWetBulb, outdoorDryBulb: outdoor, flowFraction: 1)
            let step = coil.step(sensibleLoad: 0.5 * capacity, enteringWetBulb: ratedWetBulb, outdoorDryBulb: outdoor,
                                 flowFraction: 1)
            let cop = step.sensibleRemoved / step.power
            #expect(capacity <= previous.capacity + 1e-9, "capacity rose at \(outdoor) °C")
            #expect(cop < previous.cop, "COP did not fall at \(outdoor) °C")
            previous = (capacity, cop)
        }
    }

    /// EnergyPlus cycling losses: RTF = PLR / PLF(PLR), PLF = 0.85 + 0.15 PLR, so at half load the
    /// compressor runs 0.5 / 0.925 = 54.05 % of the time and draws more than half its full-load power.
    @Test func partLoadFractionRaisesPower() {
        let coil = liebertCoil(curves: .energyPlusPackagedAC)
        let capacity = coil.availableCapacity(enteringWetBulb: ratedWetBulb, outdoorDryBulb: ratedOutdoor, flowFraction: 1)
        let full = coil.step(sensibleLoad: capacity, enteringWetBulb: ratedWetBulb, outdoorDryBulb: ratedOutdoor, flowFraction: 1)
        let half = coil.step(sensibleLoad: 0.5 * capacity, enteringWetBulb: ratedWetBulb, outdoorDryBulb: ratedOutdoor,
                             flowFraction: 1)
        #expect(half.partLoadRatio.isApproximatelyEqual(to: 0.5))
        #expect(half.runtimeFraction.isApproximatelyEqual(to: 0.5 / 0.925))
        #expect(half.power.isApproximatelyEqual(to: full.power * 0.5 / 0.925))
        #expect(half.power > 0.5 * full.power)
    }

    @Test func overloadIsUnmetAndCurveClampingReported() {
        let coil = liebertCoil(curves: .energyPlusPackagedAC)
        let step = coil.step(sensibleLoad: 400_000, enteringWetBulb: 19.44, outdoorDryBulb: 50, flowFraction: 1)
        #expect(step.runtimeFraction == 1)
        #expect(step.unmetSensible.isApproximatelyEqual(to: 400_000 - step.availableCapacity))
        #expect(step.curvesClamped)
    }

    @Test func compressorLockedOutBelowMinimumOutdoorTemperature() {
        let coil = liebertCoil()
        let step = coil.step(sensibleLoad: 50_000, enteringWetBulb: 16, outdoorDryBulb: -26, flowFraction: 1)
        #expect(step.power == 0)
        #expect(step.unmetSensible == 50_000)
    }

    /// The ADP/BF method must give back the rated SHR at the rating point (it is how BF_rated was set),
    /// and a dry data-centre return (29 °C, W = 0.006) must come out dry with the curves read at the
    /// dry-out wet bulb, above the air's own wet bulb.
    @Test func apparatusDewPointReproducesRatedSHRAndDryCoil() {
        let coil = liebertCoil(curves: .energyPlusPackagedAC)
        let bypass = coil.bypassFactor(airMassFlow: coil.ratedAirMassFlow)
        #expect(bypass > 0 && bypass < 0.5)
        let p = Psychrometrics.standardSeaLevelPressure
        let ratedW = Psychrometrics.humidityRatio(dryBulb: DXCoolingCoil.ratedInletDryBulb, wetBulb: ratedWetBulb, pressure: p)
        let rated = coil.moisture(inletDryBulb: DXCoolingCoil.ratedInletDryBulb, inletHumidityRatio: ratedW,
                                  outdoorDryBulb: ratedOutdoor, flowFraction: 1, pressure: p)
        #expect(rated.sensibleHeatRatio.isApproximatelyEqual(to: 0.83, relativeTolerance: 0.01))
        #expect(!rated.isDry)
        let dry = coil.moisture(inletDryBulb: 29, inletHumidityRatio: 0.006, outdoorDryBulb: 30, flowFraction: 1, pressure: p)
        #expect(dry.isDry && dry.sensibleHeatRatio == 1)
        #expect(dry.curveWetBulb > Psychrometrics.wetBulb(dryBulb: 29, humidityRatio: 0.006, pressure: p))
    }

    @Test func lookupTableInterpolatesAndHoldsEdges() {
        let table = LookupTable2D.liebertEconophaseEIR
        #expect(table(19, 34.88889) == 1.0)
        #expect(table(19, -30) == 0.042)
        #expect(table(19, 60) == 1.5)
        #expect(table(19, 0.5 * (21 + 23.77778)).isApproximatelyEqual(to: 0.5 * (0.6723 + 0.7227)))
        #expect(LookupTable2D(x: [1, 0], y: [0], values: [1, 2]) == nil)
    }
}
