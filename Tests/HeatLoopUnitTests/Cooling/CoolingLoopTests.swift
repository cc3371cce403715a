import HeatLoop
import HeatLoopTestSupport
import Testing

/// A facility-water loop: 35 °C supply, 10 K design ΔT, 2 MW design heat, C = 1.8e8 J/K (≈ 43 m³ of water),
/// a 30 kW pump (ideal affinity n = 3, φ_min 0.3) and a dry cooler (3 MW at 15 K ITD, 3 K approach), no
/// chiller. With 1 MW of heat the flow is 1e6/(4180·10) = 23.923 kg/s, so ṁ c_p = 100 000 W/K: the
/// numbers below are exact by hand.
private let loop = CoolingLoop(
    supplySetpoint: Celsius(35), designDeltaT: TemperatureDelta(10), designHeat: .megawatts(2),
    thermalCapacity: 1.8e8,
    pump: AffinityMachine(designPower: .kilowatts(30), exponent: 3, minimumFraction: 0.3),
    rejection: .dryCooler(
        DryCooler(designCapacity: .megawatts(3), designInletDifference: TemperatureDelta(15),
                  approach: TemperatureDelta(3),
                  fan: AffinityMachine(designPower: .kilowatts(20), exponent: 2.6, minimumFraction: 0.2),
                  designAirFlow: KilogramsPerSecond(100), adiabatic: nil),
        trimChiller: nil))

private let dt = 900.0 // 15-min step, s

@Suite("Cooling loop")
struct CoolingLoopTests {
    @Test("variable flow keeps the design ΔT; return = supply + Q_in/(ṁ c_p); pump affinity")
    func flowAndReturn() {
        // Design flow 2e6/(4180·10) = 47.8468899521531 kg/s.
        #expect(loop.designFlow.isApproximatelyEqual(to: 47.8468899521531, relativeTolerance: 1e-13))
        let c = loop.collect(heat: 1e6, supply: 35, stepSeconds: dt)
        // ṁ = 1e6/(4180·10): half design flow.
        #expect((c.flow * 4180 * 10).isApproximatelyEqual(to: 1e6))
        // Pump at φ = 0.5: 30 kW · 0.125 = 3750 W, and its heat enters the water.
        #expect(c.pumpPower.isApproximatelyEqual(to: 3_750))
        #expect(c.heatIn.isApproximatelyEqual(to: 1_003_750))
        // Return = 35 + 1 003 750 / 100 000 = 45.0375 °C.
        #expect(c.returnTemperature.isApproximatelyEqual(to: 45.0375, relativeTolerance: 1e-13))
        // At the setpoint the loop sheds exactly what came in.
        #expect(c.heatToShed.isApproximatelyEqual(to: 1_003_750))
    }

    @Test("flow bounded by the minimum fraction and by design flow")
    func flowBounds() {
        // 0.2 MW wants 0.1 of design flow → φ_min 0.3: ṁ c_p = 0.3 · 200 000 = 60 000 W/K, pump 30 kW · 0.027 = 810 W.
        let low = loop.collect(heat: 0.2e6, supply: 35, stepSeconds: dt)
        #expect((low.flow * 4180).isApproximatelyEqual(to: 60_000))
        #expect(low.pumpPower.isApproximatelyEqual(to: 810))
        #expect(low.returnTemperature.isApproximatelyEqual(to: 35 + 200_810.0 / 60_000, relativeTolerance: 1e-13))
        // 3 MW above the 2 MW design: design flow, full pump power, ΔT grows to 3.03e6/200 000 = 15.15 K.
        let high = loop.collect(heat: 3e6, supply: 35, stepSeconds: dt)
        #expect(high.flow.isApproximatelyEqual(to: loop.designFlow))
        #expect(high.pumpPower.isApproximatelyEqual(to: 30_000))
        #expect(high.returnTemperature.isApproximatelyEqual(to: 50.15, relativeTolerance: 1e-13))
    }

    @Test("plant short of capacity: supply drifts up by (Q_in − Q_out)Δt/C")
    func driftsUpWhenShort() {
        let supply = 35.0
        let c = loop.collect(heat: 1e6, supply: supply, stepSeconds: dt)
        // 38 °C air: the approach limit binds, 100 000 W/K · (45.0375 − 38 − 3) K = 403 750 W removed.
        let step = loop.reject(c, recovered: 0, supply: supply, stepSeconds: dt, dryBulb: 38, wetBulb: 25)
        #expect(step.rejection.removed.isApproximatelyEqual(to: 403_750, relativeTolerance: 1e-12))
        // (1 003 750 − 403 750) W · 900 s / 1.8e8 J/K = 3 K → 38 °C.
        #expect(step.nextSupply.isApproximatelyEqual(to: 38, relativeTolerance: 1e-12))
        #expect(step.unmet.isApproximatelyEqual(to: 600_000, relativeTolerance: 1e-11))
        checkLoopEnergyBalance(loop: loop, supply: supply, collection: c, recovered: 0, step: step, stepSeconds: dt)
    }

    @Test("plant with enough capacity brings a warm loop back to its setpoint in one step")
    func returnsToSetpoint() {
        let supply = 36.0
        let c = loop.collect(heat: 1e6, supply: supply, stepSeconds: dt)
        // To shed: 1 003 750 W + 1.8e8 J/K · 1 K / 900 s = 1 203 750 W.
        #expect(c.heatToShed.isApproximatelyEqual(to: 1_203_750, relativeTolerance: 1e-12))
        let step = loop.reject(c, recovered: 0, supply: supply, stepSeconds: dt, dryBulb: 10, wetBulb: 5)
        #expect(step.rejection.mode == .free)
        #expect(step.rejection.removed.isApproximatelyEqual(to: 1_203_750, relativeTolerance: 1e-12))
        #expect(step.nextSupply.isApproximatelyEqual(to: 35, relativeTolerance: 1e-12))
        #expect(step.unmet == 0)
        checkLoopEnergyBalance(loop: loop, supply: supply, collection: c, recovered: 0, step: step, stepSeconds: dt)
    }

    @Test("heat taken by the evaporator cools the water the plant sees")
    func recoveryBeforeRejection() {
        let c = loop.collect(heat: 1e6, supply: 35, stepSeconds: dt)
        // 400 kW recovered: plant water in 45.0375 − 4 = 41.0375 °C; at 36 °C air its approach limit is
        // 100 000 · (41.0375 − 39) = 203 750 W (at 45.0375 °C it would have been 603 750 W, all of the rest).
        let step = loop.reject(c, recovered: 400_000, supply: 35, stepSeconds: dt, dryBulb: 36, wetBulb: 25)
        #expect(step.rejection.removed.isApproximatelyEqual(to: 203_750, relativeTolerance: 1e-11))
        // Stored: 1 003 750 − 400 000 − 203 750 = 400 000 W → +2 K.
        #expect(step.nextSupply.isApproximatelyEqual(to: 37, relativeTolerance: 1e-12))
        checkLoopEnergyBalance(loop: loop, supply: 35, collection: c, recovered: 400_000, step: step, stepSeconds: dt)
        // With enough capacity (10 °C air) the plant takes only what recovery left: 603 750 W.
        let cool = loop.reject(c, recovered: 400_000, supply: 35, stepSeconds: dt, dryBulb: 10, wetBulb: 5)
        #expect(cool.rejection.removed.isApproximatelyEqual(to: 603_750, relativeTolerance: 1e-12))
        #expect(cool.nextSupply.isApproximatelyEqual(to: 35, relativeTolerance: 1e-12))
        checkLoopEnergyBalance(loop: loop, supply: 35, collection: c, recovered: 400_000, step: cool, stepSeconds: dt)
    }

    @Test("a loop below its setpoint warms with its own heat")
    func belowSetpoint() {
        // 0.1 MW at 34 °C: to shed max(0, 100 810 − 200 000) = 0; supply rises 100 810·900/1.8e8 = 0.50405 K.
        let c = loop.collect(heat: 0.1e6, supply: 34, stepSeconds: dt)
        #expect(c.heatToShed == 0)
        let step = loop.reject(c, recovered: 0, supply: 34, stepSeconds: dt, dryBulb: 5, wetBulb: 2)
        #expect(step.rejection.removed == 0)
        #expect(step.nextSupply.isApproximatelyEqual(to: 34.50405, relativeTolerance: 1e-12))
        checkLoopEnergyBalance(loop: loop, supply: 34, collection: c, recovered: 0, step: step, stepSeconds: dt)
    }

    @Test("a hot spell and its recovery, step by step")
    func hotSpell() {
        var supply = 35.0
        var previous = supply
        for index in 0..<48 {
            let hot = index < 8
            let c = loop.collect(heat: 1e6, supply: supply, stepSeconds: dt)
            let step = loop.reject(c, recovered: 0, supply: supply, stepSeconds: dt,
                                   dryBulb: hot ? 38 : 10, wetBulb: hot ? 25 : 5)
            checkLoopEnergyBalance(loop: loop, supply: supply, collection: c, recovered: 0, step: step, stepSeconds: dt)
            if hot {
                // Short every hot step: unmet heat, and the supply keeps rising.
                #expect(step.unmet > 0)
                #expect(step.nextSupply > previous)
            } else {
                #expect(step.unmet == 0)
                #expect(step.nextSupply.isApproximatelyEqual(to: 35, relativeTolerance: 1e-12))
            }
            previous = step.nextSupply
            supply = step.nextSupply
        }
    }
}
