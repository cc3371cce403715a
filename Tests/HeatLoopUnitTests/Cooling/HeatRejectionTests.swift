import HeatLoop
import Testing

/// Dry cooler: 1 MW at 10 K ITD, 3 K approach, 20 kW fans (n 2.6, φ_min 0.2). Trim chiller: Carnot η 0.55,
/// 1 MW, approaches 2 K / 10 K, COP ≤ 12.
private let dryCooler = DryCooler(
    designCapacity: .megawatts(1), designInletDifference: TemperatureDelta(10), approach: TemperatureDelta(3),
    fan: AffinityMachine(designPower: .kilowatts(20), exponent: 2.6, minimumFraction: 0.2),
    designAirFlow: KilogramsPerSecond(100), adiabatic: nil)
private let trim = Chiller(model: .carnot(efficiency: 0.55), capacity: .megawatts(1),
                           evaporatorApproach: TemperatureDelta(2), condenserApproach: TemperatureDelta(10),
                           maximumCOP: 12)
private let economiser = HeatRejection.dryCooler(dryCooler, trimChiller: trim)

@Suite("Heat-rejection plants and economiser modes")
struct HeatRejectionTests {
    @Test("free cooling: the dry cooler alone takes the whole load")
    func free() {
        // 50 kg/s from 40 °C, 20 °C air: Q_full = 1 MW·20/10 = 2 MW < 50·4180·17 = 3.553 MW → capacity 2 MW.
        let step = economiser.step(load: 1.5e6, waterIn: 40, flow: 50, setpoint: 30, dryBulb: 20, wetBulb: 15)
        #expect(step.mode == .free)
        #expect(step.removed.isApproximatelyEqual(to: 1.5e6))
        #expect(step.chillerPower == 0)
        // φ = 1.5/2 = 0.75: 20 kW · 0.75^2.6 = 9466.49653970231 W (bc -l).
        #expect(step.fanPower.isApproximatelyEqual(to: 9466.49653970231, relativeTolerance: 1e-12))
        checkLoopEnergyBalance(heatIn: 1.5e6, recovered: 0, rejected: step.removed, stored: 0)
    }

    @Test("partial: the dry cooler pre-cools, the trim chiller takes the rest")
    func partial() {
        // 50 kg/s from 24 °C with 20 °C air: approach limit 50·4180·(24 − 20 − 3) = 209 000 W (< Q_full 0.4 MW).
        let step = economiser.step(load: 0.5e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 20, wetBulb: 15)
        #expect(step.mode == .partial)
        #expect(step.removed.isApproximatelyEqual(to: 0.5e6))
        #expect(step.fanPower.isApproximatelyEqual(to: 20_000))
        // Chiller: 291 000 W at 18 °C leaving, 20 °C air: COP = 0.55·289.15/14 = 11.3594642857143.
        #expect(step.chillerPower.isApproximatelyEqual(to: 291_000 / 11.3594642857143, relativeTolerance: 1e-12))
        checkLoopEnergyBalance(heatIn: 0.5e6, recovered: 0, rejected: step.removed, stored: 0)
    }

    @Test("mechanical: air too warm for the dry cooler, the chiller does everything")
    func mechanical() {
        // 35 °C air, 24 °C water: no dry-cooler capacity. COP = 0.55·289.15/29 = 5.48387931034483.
        let step = economiser.step(load: 0.8e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 35, wetBulb: 24)
        #expect(step.mode == .mechanical)
        #expect(step.removed.isApproximatelyEqual(to: 0.8e6))
        #expect(step.fanPower == 0)
        #expect(step.chillerPower.isApproximatelyEqual(to: 0.8e6 / 5.48387931034483, relativeTolerance: 1e-12))
        checkLoopEnergyBalance(heatIn: 0.8e6, recovered: 0, rejected: step.removed, stored: 0)
        // 2 MW against a 1 MW chiller: 1 MW stays in the water.
        let short = economiser.step(load: 2e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 35, wetBulb: 24)
        #expect(short.removed.isApproximatelyEqual(to: 1e6))
        checkLoopEnergyBalance(heatIn: 2e6, recovered: 0, rejected: short.removed, stored: 1e6)
    }

    @Test("dry cooler without trim chiller: what it cannot remove stays in the water")
    func noTrim() {
        let plant = HeatRejection.dryCooler(dryCooler, trimChiller: nil)
        let partial = plant.step(load: 0.5e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 20, wetBulb: 15)
        #expect(partial.mode == .partial)
        #expect(partial.chillerPower == 0)
        checkLoopEnergyBalance(heatIn: 0.5e6, recovered: 0, rejected: partial.removed, stored: 0.5e6 - 209_000)
        let hot = plant.step(load: 0.5e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 35, wetBulb: 24)
        #expect(hot.mode == .mechanical)
        checkLoopEnergyBalance(heatIn: 0.5e6, recovered: 0, rejected: hot.removed, stored: 0.5e6)
    }

    @Test("air-cooled chiller plant is always mechanical, clamped at capacity")
    func chillerPlant() {
        let plant = HeatRejection.chiller(trim)
        let cold = plant.step(load: 0.4e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: -5, wetBulb: -6)
        #expect(cold.mode == .mechanical)
        #expect(cold.fanPower == 0 && cold.waterUse == 0)
        // −5 °C air: lift negative → COP at its cap, 12.
        #expect(cold.chillerPower.isApproximatelyEqual(to: 0.4e6 / 12))
        checkLoopEnergyBalance(heatIn: 0.4e6, recovered: 0, rejected: cold.removed, stored: 0)
        let over = plant.step(load: 1.6e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 30, wetBulb: 20)
        checkLoopEnergyBalance(heatIn: 1.6e6, recovered: 0, rejected: over.removed, stored: 0.6e6)
    }

    @Test("CoolingMode raw values match the result file (0 free, 1 partial, 2 mechanical)")
    func modeCodes() {
        #expect(CoolingMode.free.rawValue == 0 && CoolingMode.partial.rawValue == 1 && CoolingMode.mechanical.rawValue == 2)
        #expect(CoolingMode.free < .partial && CoolingMode.partial < .mechanical)
        #expect(CoolingMode.allCases.map(\.name) == ["free", "partial", "mechanical"])
    }
}
