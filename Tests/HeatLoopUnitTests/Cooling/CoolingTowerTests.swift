import HeatLoop
import HeatLoopTestSupport
import Testing

/// 2 MW tower at the CTI point (approach 3.9 K, range 5.6 K), 20 kW of fans (n 3, φ_min 0.2), COC 4,
/// drift 0.008 % of the circulating water (EnergyPlus default).
private let tower = CoolingTower(
    designCapacity: .megawatts(2), approach: TemperatureDelta(3.9), range: TemperatureDelta(5.6),
    fan: AffinityMachine(designPower: .kilowatts(20), exponent: 3, minimumFraction: 0.2),
    cyclesOfConcentration: 4, driftFraction: 0.008 / 100)

private let cp = 4180.0, hfg = 2.442e6 // Fluid.waterSpecificHeat, Fluid.waterLatentHeat

@Suite("Cooling tower")
struct CoolingTowerTests {
    @Test("leaving water = wet bulb + approach up to design heat")
    func approach() {
        for wetBulb in [-5.0, 10, 18.3, 25, 28] {
            for load in [1e3, 0.5e6, 1.2e6, 2e6] {
                #expect(tower.leavingWater(load: load, wetBulb: wetBulb).isApproximatelyEqual(to: wetBulb + 3.9, relativeTolerance: 1e-14))
                let step = tower.step(load: load, wetBulb: wetBulb)
                #expect(step.leavingWater.isApproximatelyEqual(to: wetBulb + 3.9, relativeTolerance: 1e-14))
                // Constant flow 2e6/(4180·5.6) = 85.44 kg/s: the water enters R·Q/Q_d warmer.
                #expect((step.enteringWater - step.leavingWater).isApproximatelyEqual(to: load / (tower.designWaterFlow * cp)))
            }
        }
        // Above design the fan is at full speed and the leaving water floats: 20 + 3.9·3/2 = 25.85 °C.
        let over = tower.step(load: 3e6, wetBulb: 20)
        #expect(over.leavingWater.isApproximatelyEqual(to: 25.85, relativeTolerance: 1e-14))
        #expect(over.fanSpeed == 1)
    }

    /// Hand calculation with the CTI / Perry's Handbook §11 formulas in their own units (gpm, °F):
    /// E = 0.00085 · flow · range, D = drift · flow, B = E/(C − 1) − D, make-up M = E + D + B.
    @Test("make-up water = evaporation (0.00085 per °F of range) + drift + blow-down, by hand in gpm and °F")
    func water() {
        let step = tower.step(load: 1e6, wetBulb: 20)
        // Circulating 2e6/(4180 · 5.6) = 85.4408749 kg/s; at 1 MW the range is 5.6/2 = 2.8 K = 5.04 °F.
        // In gpm (1 gpm = 3.785411784 L/min at 1 kg/L, the CTI convention): 85.4408749 · 60 / 3.785411784 =
        // 1354.265 gpm; E = 0.00085 · 1354.265 · 5.04 = 5.801673 gpm = 0.366029 kg/s.
        let flowGPM = 2e6 / (cp * 5.6) * 60 / 3.785411784
        let evaporationGPM = 0.00085 * flowGPM * 2.8 * 1.8
        let perGPM = 3.785411784 / 60  // kg/s per gpm
        #expect(step.evaporation.isApproximatelyEqual(to: evaporationGPM * perGPM, relativeTolerance: 1e-12))
        #expect(step.evaporation.isApproximatelyEqual(to: 0.366029, relativeTolerance: 1e-5))
        // Drift 0.008 % of 1354.265 gpm = 0.108341 gpm = 6.835270e-3 kg/s.
        #expect(step.drift.isApproximatelyEqual(to: 8e-5 * flowGPM * perGPM, relativeTolerance: 1e-12))
        #expect(step.drift.isApproximatelyEqual(to: 6.835270e-3, relativeTolerance: 1e-6))
        // Blow-down at 4 cycles: 5.801673/3 − 0.108341 = 1.825550 gpm.
        #expect(step.blowdown.isApproximatelyEqual(to: (evaporationGPM / 3 - 8e-5 * flowGPM) * perGPM, relativeTolerance: 1e-12))
        #expect(step.waterUse == step.evaporation + step.blowdown + step.drift)
        // Solids balance: make-up carries C times the solids concentration of blow-down + drift.
        #expect(step.waterUse.isApproximatelyEqual(to: 4 * (step.blowdown + step.drift), relativeTolerance: 1e-12))
        // Latent share of the heat: E·h_fg/Q = 0.00153 · 2.442e6 / 4180 = 0.8938 (not all heat evaporates).
        #expect((step.evaporation * hfg / 1e6).isApproximatelyEqual(to: 0.00153 * hfg / cp, relativeTolerance: 1e-12))
        #expect(step.evaporation * hfg < 0.9e6)
        // Few cycles and a large drift: blow-down never negative.
        let dirty = CoolingTower.water(circulating: 100, range: 1, cyclesOfConcentration: 20, driftFraction: 0.001)
        #expect(dirty.blowdown == 0 && dirty.drift == 0.1)
        // Idle: no fans, no water.
        let idle = tower.step(load: 0, wetBulb: 20)
        #expect(idle.fanPower == 0 && idle.waterUse == 0)
    }

    @Test("fan speed that holds the approach: φ = Q / Q_full, Q_full = Q_d (T_in − T_wb)/(R + A)")
    func fan() {
        // Design heat: full speed, full power.
        #expect(tower.step(load: 2e6, wetBulb: 20).fanPower.isApproximatelyEqual(to: 20_000))
        // Half heat: T_in − T_wb = 3.9 + 2.8 = 6.7 K, Q_full = 2 MW · 6.7/9.5, φ = 0.5 · 9.5/6.7 = 0.708955223880597.
        let half = tower.step(load: 1e6, wetBulb: 20)
        #expect(half.fanSpeed.isApproximatelyEqual(to: 0.708955223880597, relativeTolerance: 1e-13))
        #expect(half.fanPower.isApproximatelyEqual(to: 20_000 * 0.708955223880597 * 0.708955223880597 * 0.708955223880597,
                                                   relativeTolerance: 1e-12))
        // A trickle runs at φ_min: 20 kW · 0.2³ = 160 W.
        #expect(tower.step(load: 1e3, wetBulb: 20).fanPower.isApproximatelyEqual(to: 160))
        // Fan speed rises with load.
        let speeds = stride(from: 0.1e6, through: 2e6, by: 0.1e6).map { tower.step(load: $0, wetBulb: 20).fanSpeed }
        #expect(zip(speeds, speeds.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("economiser exchanger limit: loop water leaves ≥ tower water + A_hx (closed form, both branches)")
    func exchangerLimit() {
        // 40 kg/s from 22 °C, wet bulb 10 °C, 1.5 K exchanger: Q₁ = 40·4180·(22 − 1.5 − 10 − 3.9) = 1 103 520 W ≤ 2 MW.
        let q1 = tower.exchangerLimit(waterIn: 22, flow: 40, exchangerApproach: 1.5, wetBulb: 10)
        #expect(q1.isApproximatelyEqual(to: 1_103_520, relativeTolerance: 1e-12))
        // 200 kg/s from 22 °C: Q₁ = 5.5176 MW > 2 MW, so the tower water floats:
        // Q = 200·4180·10.5 / (1 + 200·4180·3.9/2e6) = 8 778 000 / 2.6302 = 3 337 388.8 W.
        let q2 = tower.exchangerLimit(waterIn: 22, flow: 200, exchangerApproach: 1.5, wetBulb: 10)
        #expect(q2.isApproximatelyEqual(to: 8_778_000 / 2.6302, relativeTolerance: 1e-12))
        // Self-consistent: loop water leaves exactly A_hx above the tower water at that heat.
        let leavingLoop = 22 - q2 / (200 * cp)
        #expect(leavingLoop.isApproximatelyEqual(to: tower.leavingWater(load: q2, wetBulb: 10) + 1.5, relativeTolerance: 1e-12))
        // Water too warm: nothing, never negative.
        #expect(tower.exchangerLimit(waterIn: 14, flow: 40, exchangerApproach: 1.5, wetBulb: 10) == 0)
    }
}
