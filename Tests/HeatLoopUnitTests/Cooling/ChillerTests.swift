import HeatLoop
import HeatLoopTestSupport
import Testing

/// Carnot chiller, η 0.55 (DESIGN §3.4 default), 1 MW, 2 K evaporator and 10 K condenser approach, COP ≤ 12.
private let chiller = Chiller(model: .carnot(efficiency: 0.55), capacity: .megawatts(1),
                              evaporatorApproach: TemperatureDelta(2), condenserApproach: TemperatureDelta(10),
                              maximumCOP: 12)

@Suite("Chiller")
struct ChillerTests {
    @Test("Carnot COP at a hand-computed point")
    func carnotCOP() {
        // 18 °C chilled water, 30 °C outdoor: T_evap = 16 °C = 289.15 K, T_cond = 40 °C = 313.15 K,
        // COP = 0.55 · 289.15 / 24 = 6.62635416666667.
        #expect(chiller.cop(chilledWaterLeaving: 18, dryBulb: 30).isApproximatelyEqual(to: 0.55 * 289.15 / 24))
        #expect(chiller.cop(chilledWaterLeaving: 18, dryBulb: 30).isApproximatelyEqual(to: 6.62635416666667,
                                                                                        relativeTolerance: 1e-13))
        // 35 °C outdoor: T_cond = 318.15 K, lift 29 K, COP = 0.55 · 289.15 / 29 = 5.48387931034483.
        #expect(chiller.cop(chilledWaterLeaving: 18, dryBulb: 35).isApproximatelyEqual(to: 5.48387931034483,
                                                                                        relativeTolerance: 1e-13))
    }

    @Test("COP capped at the maximum for small or negative lifts")
    func copCap() {
        // 9 °C outdoor: lift 3 K → 0.55 · 289.15 / 3 = 53 → 12.
        #expect(chiller.cop(chilledWaterLeaving: 18, dryBulb: 9) == 12)
        // 5 °C outdoor: condensing below evaporating → 12.
        #expect(chiller.cop(chilledWaterLeaving: 18, dryBulb: 5) == 12)
        // COP falls as the outdoor air warms.
        let cops = stride(from: 20.0, through: 45, by: 1).map { chiller.cop(chilledWaterLeaving: 18, dryBulb: $0) }
        #expect(zip(cops, cops.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test("load above capacity is clamped; power = removed / COP")
    func capacityClamp() {
        let cop = 6.62635416666667
        let part = chiller.step(load: 0.6e6, chilledWaterLeaving: 18, dryBulb: 30)
        #expect(part.removed == 0.6e6)
        #expect(part.power.isApproximatelyEqual(to: 0.6e6 / cop, relativeTolerance: 1e-13))
        let over = chiller.step(load: 1.5e6, chilledWaterLeaving: 18, dryBulb: 30)
        #expect(over.removed == 1e6)
        #expect(over.power.isApproximatelyEqual(to: 1e6 / cop, relativeTolerance: 1e-13))
        for idle in [chiller.step(load: 0, chilledWaterLeaving: 18, dryBulb: 30),
                     chiller.step(load: -5, chilledWaterLeaving: 18, dryBulb: 30)] {
            #expect(idle.removed == 0 && idle.power == 0)
        }
    }

    // MARK: Electric EIR

    @Test("EIR: P = Q_avail/COP_ref · EIRFT · EIRFPLR(PLR) at part load, by hand from the curves")
    func eirPartLoad() throws {
        let set = try #require(ChillerCurveSet.named("york-yk-vsd"))
        let c = set.curves
        let eir = Chiller(curveSet: set, capacity: .megawatts(2))
        let (t, tc) = (7.0, 25.0)
        let available = 2e6 * c.capacityFunction(t, tc)
        let step = eir.step(load: 0.6 * available, chilledWaterLeaving: t, condenserEntering: tc)
        #expect(step.removed.isApproximatelyEqual(to: 0.6 * available))
        #expect(step.partLoadRatio.isApproximatelyEqual(to: 0.6) && step.cyclingRatio == 1 && step.falseLoad == 0)
        let expected = available / 6.84 * c.eirFunctionOfTemperature(t, tc) * c.eirFunctionOfPartLoad(0.6)
        #expect(step.power.isApproximatelyEqual(to: expected, relativeTolerance: 1e-12))
        #expect(step.heatRejected == step.removed + step.power)
        #expect(!step.curveInputsClamped)
        // Capacity scales with the site's size, the COP does not.
        let big = Chiller(curveSet: set, capacity: .megawatts(6))
            .step(load: 1.8 * available, chilledWaterLeaving: t, condenserEntering: tc)
        #expect((big.removed / big.power).isApproximatelyEqual(to: step.removed / step.power, relativeTolerance: 1e-12))
    }

    @Test("EIR: load above PLR_max · Q_avail is not met")
    func eirMaximumPartLoad() throws {
        let set = try #require(ChillerCurveSet.named("carrier-30xa-screw"))
        let eir = Chiller(curveSet: set, capacity: .megawatts(1))
        let available = eir.availableCapacity(chilledWaterLeaving: 7, condenserEntering: 35)
        let step = eir.step(load: 5e6, chilledWaterLeaving: 7, condenserEntering: 35)
        // PLR_max 1.15 for the 30XA; its EIRFPLR is fitted only up to 1.0, so the input is clamped and reported.
        #expect(step.removed.isApproximatelyEqual(to: 1.15 * available))
        #expect(step.curveInputsClamped)
    }

    @Test("EIR: below the minimum PLR the chiller cycles, power × PLR / PLR_min")
    func eirCycling() throws {
        // York YK VSD: PLR_min = minimum unloading = 0.20, so no false loading.
        let set = try #require(ChillerCurveSet.named("york-yk-vsd"))
        let eir = Chiller(curveSet: set, capacity: .megawatts(2))
        let available = eir.availableCapacity(chilledWaterLeaving: 7, condenserEntering: 25)
        let atMinimum = eir.step(load: 0.2 * available, chilledWaterLeaving: 7, condenserEntering: 25)
        #expect(atMinimum.cyclingRatio == 1)
        for plr in [0.02, 0.05, 0.1, 0.15, 0.19] {
            let step = eir.step(load: plr * available, chilledWaterLeaving: 7, condenserEntering: 25)
            #expect(step.removed.isApproximatelyEqual(to: plr * available))
            #expect(step.cyclingRatio.isApproximatelyEqual(to: plr / 0.2))
            #expect(step.power.isApproximatelyEqual(to: atMinimum.power * plr / 0.2, relativeTolerance: 1e-12))
            #expect(step.falseLoad.isApproximatelyEqual(to: 0, absoluteTolerance: 1e-6))
        }
    }

    @Test("EIR: between PLR_min and the minimum unloading ratio the compressor false-loads")
    func eirFalseLoading() throws {
        // Trane CGAM40: PLR_min 0.15, minimum unloading 0.25 (AirCooledChiller.idf).
        let set = try #require(ChillerCurveSet.named("trane-cgam-scroll"))
        let eir = Chiller(curveSet: set, capacity: .megawatts(1))
        let available = eir.availableCapacity(chilledWaterLeaving: 7, condenserEntering: 30)
        let unloaded = eir.step(load: 0.25 * available, chilledWaterLeaving: 7, condenserEntering: 30)
        // 0.15 ≤ PLR < 0.25: the compressor stays at 0.25, power flat, the difference is false load.
        for plr in [0.15, 0.2, 0.24] {
            let step = eir.step(load: plr * available, chilledWaterLeaving: 7, condenserEntering: 30)
            #expect(step.cyclingRatio == 1)
            #expect(step.power.isApproximatelyEqual(to: unloaded.power, relativeTolerance: 1e-12))
            #expect(step.falseLoad.isApproximatelyEqual(to: (0.25 - plr) * available, relativeTolerance: 1e-9))
        }
        // PLR 0.06 < 0.15: cycles (CR 0.4) at the minimum-unloading power; false load 0.25·0.4·Q_avail − Q.
        let low = eir.step(load: 0.06 * available, chilledWaterLeaving: 7, condenserEntering: 30)
        #expect(low.cyclingRatio.isApproximatelyEqual(to: 0.4))
        #expect(low.power.isApproximatelyEqual(to: unloaded.power * 0.4, relativeTolerance: 1e-12))
        #expect(low.falseLoad.isApproximatelyEqual(to: (0.25 * 0.4 - 0.06) * available, relativeTolerance: 1e-9))
        // Condenser heat stays evaporator + compressor: the bypassed hot gas never reaches the condenser.
        #expect(low.heatRejected == low.removed + low.power)
    }

    @Test("EIR air-cooled: full-load COP falls as the dry bulb rises; outside the fitted range it is clamped and flagged",
          arguments: ChillerCurveSet.all.filter { $0.curves.condenser == .air })
    func airCooledCOP(set: ChillerCurveSet) {
        let eir = Chiller(curveSet: set, capacity: .megawatts(1))
        let y = set.curves.capacityFunction.yRange
        let lowest = max(y.lowerBound, 25)
        let temperatures = stride(from: lowest, through: y.upperBound, by: 1).map { $0 }
        let cops = temperatures.map { eir.cop(chilledWaterLeaving: 7, dryBulb: $0) }
        #expect(zip(cops, cops.dropFirst()).allSatisfy { $0 > $1 }, "\(set.slug): \(cops)")
        // Part-load steps agree with the trend.
        let powers = temperatures.map { eir.step(load: 0.5e6, chilledWaterLeaving: 7, dryBulb: $0).power }
        #expect(zip(powers, powers.dropFirst()).allSatisfy { $0 < $1 }, "\(set.slug)")
        // Above the fitted range: inputs clamped, same result as at the bound, and reported.
        let hot = eir.step(load: 0.5e6, chilledWaterLeaving: 7, dryBulb: y.upperBound + 4)
        let bound = eir.step(load: 0.5e6, chilledWaterLeaving: 7, dryBulb: y.upperBound)
        #expect(hot.curveInputsClamped && !bound.curveInputsClamped)
        #expect(hot.power == bound.power && hot.removed == bound.removed)
    }

    @Test("EIR: condenser fan power = Q_ref · ratio · cycling ratio (EnergyPlus field)")
    func condenserFans() throws {
        var curves = try #require(ChillerCurveSet.named("carrier-30rb-scroll")).curves
        curves.condenserFanPowerRatio = 0.012
        let eir = Chiller(model: .electricEIR(curves), capacity: .megawatts(1), evaporatorApproach: TemperatureDelta(0),
                          condenserApproach: TemperatureDelta(0), maximumCOP: .infinity)
        let available = eir.availableCapacity(chilledWaterLeaving: 7, condenserEntering: 35)
        #expect(eir.step(load: 0.5 * available, chilledWaterLeaving: 7, dryBulb: 35).condenserFanPower
            .isApproximatelyEqual(to: 12_000))
        // PLR 0.05 with PLR_min 0.1: fans cycle with the compressor, half the time.
        #expect(eir.step(load: 0.05 * available, chilledWaterLeaving: 7, dryBulb: 35).condenserFanPower
            .isApproximatelyEqual(to: 6_000))
        #expect(eir.step(load: 0, chilledWaterLeaving: 7, dryBulb: 35).condenserFanPower == 0)
    }

    @Test("EIR: a chilled-water setpoint above the fitted range is clamped and reported")
    func clampedChilledWater() throws {
        let set = try #require(ChillerCurveSet.named("carrier-19xr-vsd"))
        let eir = Chiller(curveSet: set, capacity: .megawatts(1))
        // x range 7.22…12.78 °C: 18 °C data-centre chilled water is evaluated at 12.78 °C.
        let high = eir.step(load: 0.5e6, chilledWaterLeaving: 18, condenserEntering: 24)
        let edge = eir.step(load: 0.5e6, chilledWaterLeaving: 12.78, condenserEntering: 24)
        #expect(high.curveInputsClamped && !edge.curveInputsClamped)
        #expect(high.power == edge.power)
    }
}
