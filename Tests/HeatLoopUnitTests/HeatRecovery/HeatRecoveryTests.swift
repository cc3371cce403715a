import HeatLoop
import Testing

/// COP at the reference point (source leaving 35 °C, DH supply 70 °C, η 0.5, pinch 5 K): 348.15/90.
private let referenceCOP = 348.15 / 90

/// 10 MW heat pump (Carnot η 0.5, pinch 5 K, COP ≤ 10, minimum part load 0.2) on an 8 MW DH connection.
private func recovery(storage: HeatStorage = .none, connection: Watts = .megawatts(8)) -> HeatRecovery {
    HeatRecovery(
        heatPump: HeatPump(capacity: .megawatts(10), cop: .carnot(efficiency: 0.5, pinch: TemperatureDelta(5)),
                           maximumCOP: 10, minimumPartLoad: 0.2, source: .liquid),
        storage: storage,
        network: DistrictHeatingNetwork(
            supplyCurve: SupplyCurve(points: [(-15, 70), (10, 55)]), returnTemperature: Celsius(40),
            connection: connection,
            demand: .degreeHours(.annual(.megawattHours(10_000)), heatingLimit: Celsius(15), hotWaterShare: 0.15)))
}

/// 10 MWh tank, 5 MW charge and discharge, 1 %/day standing loss.
private let tank = HeatStorage(capacity: .megawattHours(10), maximumCharge: .megawatts(5),
                               maximumDischarge: .megawatts(5), lossPerDay: 0.01)
private let nothing = HeatSourceOffer(heat: 0, leavingTemperature: 0)
private let dt = 900.0

/// `Q_hp = Q_evap + W` and `delivered = Q_hp − charge + discharge` (DESIGN §2), relative 1e-12.
private func checkHeatPumpBalance(_ s: DispatchStep, sourceLocation: SourceLocation = #_sourceLocation) {
    let scale = max(s.heatPumpOutput, s.delivered, 1)
    #expect(abs(s.heatPumpOutput - s.primaryEvaporator - s.secondaryEvaporator - s.compressorPower) <= 1e-12 * scale,
            "Q_hp \(s.heatPumpOutput) ≠ Q_evap \(s.primaryEvaporator + s.secondaryEvaporator) + W \(s.compressorPower)",
            sourceLocation: sourceLocation)
    #expect(abs(s.delivered - (s.heatPumpOutput - s.charge + s.discharge)) <= 1e-12 * scale,
            "delivered \(s.delivered) ≠ Q_hp − charge + discharge", sourceLocation: sourceLocation)
}

@Suite("Heat recovery dispatch")
struct HeatRecoveryTests {
    @Test("heat pump follows demand at the reference COP")
    func followsDemand() {
        let s = recovery().dispatch(demand: 5e6, primary: HeatSourceOffer(heat: 20e6, leavingTemperature: 35),
                                    secondary: nothing, dhSupply: 70, storageEnergy: 0, stepSeconds: dt)
        #expect(s.heatPumpOutput.isApproximatelyEqual(to: 5e6))
        #expect(s.delivered.isApproximatelyEqual(to: 5e6))
        // W = 5 MW / 3.868333 = 1 292 546.316 W; Q_evap = 5 MW − W = 3 707 453.684 W.
        #expect(s.compressorPower.isApproximatelyEqual(to: 1_292_546.316243, relativeTolerance: 1e-12))
        #expect(s.primaryEvaporator.isApproximatelyEqual(to: 3_707_453.683757, relativeTolerance: 1e-12))
        #expect(s.cop.isApproximatelyEqual(to: referenceCOP, relativeTolerance: 1e-12))
        #expect(s.charge == 0 && s.discharge == 0)
        checkHeatPumpBalance(s)
    }

    @Test("delivery capped by the connection, output by the heat-pump capacity")
    func caps() {
        let offer = HeatSourceOffer(heat: 50e6, leavingTemperature: 35)
        // 12 MW demand on an 8 MW connection: 8 MW.
        let connected = recovery().dispatch(demand: 12e6, primary: offer, secondary: nothing, dhSupply: 70,
                                            storageEnergy: 0, stepSeconds: dt)
        #expect(connected.delivered.isApproximatelyEqual(to: 8e6))
        #expect(connected.heatPumpOutput.isApproximatelyEqual(to: 8e6))
        // 15 MW demand on a 20 MW connection: the 10 MW heat pump.
        let capped = recovery(connection: .megawatts(20)).dispatch(
            demand: 15e6, primary: offer, secondary: nothing, dhSupply: 70, storageEnergy: 0, stepSeconds: dt)
        #expect(capped.heatPumpOutput.isApproximatelyEqual(to: 10e6))
        #expect(capped.delivered.isApproximatelyEqual(to: 10e6))
        checkHeatPumpBalance(connected)
        checkHeatPumpBalance(capped)
    }

    @Test("the evaporator takes no more than the source offers")
    func sourceLimited() {
        // 2 MW offered at COP 3.868333: Q_hp = 2 MW · COP/(COP − 1) = 2 697 269.030 W, Q_evap = 2 MW.
        let s = recovery().dispatch(demand: 6e6, primary: HeatSourceOffer(heat: 2e6, leavingTemperature: 35),
                                    secondary: nothing, dhSupply: 70, storageEnergy: 0, stepSeconds: dt)
        #expect(s.primaryEvaporator.isApproximatelyEqual(to: 2e6, relativeTolerance: 1e-12))
        #expect(s.heatPumpOutput.isApproximatelyEqual(to: 2_697_269.029634, relativeTolerance: 1e-12))
        checkHeatPumpBalance(s)
    }

    @Test("two sources: the primary first, each at its own COP")
    func twoSources() {
        // Primary 1 MW at 35 °C (COP 3.868333) → Q_hp,1 = 1 MW · COP/(COP − 1) = 1 348 634.515 W.
        // Secondary (air loop, 18 °C, COP 2.807661) covers the rest of 4 MW: 2 651 365.485 W,
        // of which Q_evap,2 = 2 651 365.485 · (1 − 1/2.807661) = 1 707 033.099 W.
        let s = recovery().dispatch(demand: 4e6, primary: HeatSourceOffer(heat: 1e6, leavingTemperature: 35),
                                    secondary: HeatSourceOffer(heat: 30e6, leavingTemperature: 18),
                                    dhSupply: 70, storageEnergy: 0, stepSeconds: dt)
        #expect(s.heatPumpOutput.isApproximatelyEqual(to: 4e6))
        #expect(s.primaryEvaporator.isApproximatelyEqual(to: 1e6, relativeTolerance: 1e-12))
        #expect(s.secondaryEvaporator.isApproximatelyEqual(to: 1_707_033.0992, relativeTolerance: 1e-9))
        checkHeatPumpBalance(s)
    }

    @Test("below the minimum part load the heat pump is off; storage still serves")
    func minimumPartLoad() {
        let offer = HeatSourceOffer(heat: 20e6, leavingTemperature: 35)
        // 1.5 MW < 0.2 · 10 MW: off, nothing taken from the loop.
        let off = recovery().dispatch(demand: 1.5e6, primary: offer, secondary: nothing, dhSupply: 70,
                                      storageEnergy: 0, stepSeconds: dt)
        #expect(off.heatPumpOutput == 0 && off.compressorPower == 0 && off.primaryEvaporator == 0)
        #expect(off.delivered == 0)
        // Exactly at the minimum (2 MW) it runs.
        let on = recovery().dispatch(demand: 2e6, primary: offer, secondary: nothing, dhSupply: 70,
                                     storageEnergy: 0, stepSeconds: dt)
        #expect(on.heatPumpOutput.isApproximatelyEqual(to: 2e6))
        // With a half-full tank it makes 1.5 MW + 5 MW charge = 6.5 MW: above the minimum, so it runs.
        let half = recovery(storage: tank).dispatch(demand: 1.5e6, primary: offer, secondary: nothing, dhSupply: 70,
                                                    storageEnergy: tank.capacity.value / 2, stepSeconds: dt)
        #expect(half.heatPumpOutput.isApproximatelyEqual(to: 6.5e6))
        #expect(half.charge.isApproximatelyEqual(to: 5e6))
        #expect(half.delivered.isApproximatelyEqual(to: 1.5e6))
        checkHeatPumpBalance(half)
        // With a full tank it cannot charge: off, and the tank delivers the 1.5 MW.
        let full = recovery(storage: tank).dispatch(demand: 1.5e6, primary: offer, secondary: nothing, dhSupply: 70,
                                                    storageEnergy: tank.capacity.value, stepSeconds: dt)
        #expect(full.heatPumpOutput == 0)
        #expect(full.discharge.isApproximatelyEqual(to: 1.5e6))
        #expect(full.delivered.isApproximatelyEqual(to: 1.5e6))
        checkHeatPumpBalance(full)
    }

    @Test("surplus charges the tank within its charge limit; the tank covers a shortfall")
    func storage() {
        let offer = HeatSourceOffer(heat: 50e6, leavingTemperature: 35)
        // 3 MW demand, empty tank: the heat pump makes 3 + 5 (charge limit) = 8 MW.
        let charging = recovery(storage: tank).dispatch(demand: 3e6, primary: offer, secondary: nothing,
                                                        dhSupply: 70, storageEnergy: 0, stepSeconds: dt)
        #expect(charging.heatPumpOutput.isApproximatelyEqual(to: 8e6))
        #expect(charging.charge.isApproximatelyEqual(to: 5e6))
        #expect(charging.delivered.isApproximatelyEqual(to: 3e6))
        // 5 MW · 900 s = 4.5e9 J stored (no loss from an empty tank).
        #expect(charging.nextStorageEnergy.isApproximatelyEqual(to: 4.5e9))
        // 8 MW demand, source of 2 MW only (Q_hp 2.697 MW): the tank adds 5 MW (its discharge limit).
        let e0 = 1.8e10 // 5 MWh
        let short = recovery(storage: tank).dispatch(demand: 8e6, primary: HeatSourceOffer(heat: 2e6, leavingTemperature: 35),
                                                     secondary: nothing, dhSupply: 70, storageEnergy: e0, stepSeconds: dt)
        #expect(short.discharge.isApproximatelyEqual(to: 5e6))
        #expect(short.delivered.isApproximatelyEqual(to: 2_697_269.029634 + 5e6, relativeTolerance: 1e-12))
        // Loss: 1.8e10 J · 1 %/day · 900 s / 86 400 s = 1.875e6 J (2083.3 W over the step).
        #expect((short.storageLoss * dt).isApproximatelyEqual(to: 1.875e6, relativeTolerance: 1e-12))
        #expect(short.nextStorageEnergy.isApproximatelyEqual(to: e0 - 5e6 * dt - 1.875e6, relativeTolerance: 1e-12))
        checkHeatPumpBalance(charging)
        checkHeatPumpBalance(short)
    }

    @Test("tank capacity ρ c_p V ΔT")
    func tankCapacity() {
        // 1000 m³ between 70 and 40 °C: 995.6 · 4180 · 1000 · 30 = 1.2484824e11 J (34.68 MWh).
        #expect(HeatStorage.capacity(volume: 1_000, supply: Celsius(70), return: Celsius(40)).value
            .isApproximatelyEqual(to: 1.2484824e11))
        #expect(HeatStorage.capacity(volume: 1_000, supply: Celsius(40), return: Celsius(70)).value == 0)
    }

    @Test("a long random year of dispatch keeps every limit and conserves storage energy")
    func randomSequence() {
        let model = recovery(storage: tank)
        var random = TestLCG(seed: 20_250_101)
        let e0 = tank.capacity.value / 2
        var energy = e0
        var netStored = 0.0 // Σ (charge − discharge − loss) Δt
        var violations: [String] = []
        for step in 0..<35_040 {
            let demand = random.next(in: 0...12e6)
            let primary = HeatSourceOffer(heat: random.next(in: 0...9e6), leavingTemperature: random.next(in: 25...45))
            let secondary = HeatSourceOffer(heat: random.next(in: 0...3e6), leavingTemperature: random.next(in: 12...22))
            let dhSupply = random.next(in: 55...80)
            let s = model.dispatch(demand: demand, primary: primary, secondary: secondary, dhSupply: dhSupply,
                                   storageEnergy: energy, stepSeconds: dt)
            let tol = 1e-9 * max(demand, 1)
            func fail(_ what: String) { if violations.count < 5 { violations.append("step \(step): \(what)") } }
            if s.delivered > min(demand, 8e6) + tol { fail("delivered \(s.delivered) > min(demand, connection)") }
            if s.delivered > s.heatPumpOutput + min(5e6, energy / dt) + tol { fail("delivered beyond heat pump + tank") }
            if s.heatPumpOutput > 10e6 * (1 + 1e-12) { fail("output \(s.heatPumpOutput) above capacity") }
            if s.heatPumpOutput > 0 && s.heatPumpOutput < 2e6 * (1 - 1e-12) { fail("running below minimum part load") }
            if s.primaryEvaporator > primary.heat * (1 + 1e-12) { fail("primary evaporator above offer") }
            if s.secondaryEvaporator > secondary.heat * (1 + 1e-12) { fail("secondary evaporator above offer") }
            let hp = abs(s.heatPumpOutput - s.primaryEvaporator - s.secondaryEvaporator - s.compressorPower)
            if hp > 1e-12 * max(s.heatPumpOutput, 1) { fail("Q_hp ≠ Q_evap + W by \(hp) W") }
            if s.charge > 5e6 * (1 + 1e-12) || s.discharge > 5e6 * (1 + 1e-12) { fail("charge/discharge limit") }
            if s.charge > 0 && s.discharge > 0 { fail("charging and discharging at once") }
            if s.charge < 0 || s.discharge < 0 || s.delivered < 0 { fail("negative flow") }
            if s.nextStorageEnergy < 0 || s.nextStorageEnergy > tank.capacity.value * (1 + 1e-12) {
                fail("storage \(s.nextStorageEnergy) J outside [0, capacity]")
            }
            // Step-wise: E' = E + (charge − discharge − loss)Δt.
            let expected = energy + (s.charge - s.discharge - s.storageLoss) * dt
            if abs(s.nextStorageEnergy - expected) > 1e-9 * tank.capacity.value { fail("E' ≠ E + net·Δt") }
            netStored += (s.charge - s.discharge - s.storageLoss) * dt
            energy = s.nextStorageEnergy
        }
        #expect(violations.isEmpty, "\(violations)")
        // Over the year: E_end = E_0 + Σ (charge − discharge − loss) Δt.
        #expect(energy.isApproximatelyEqual(to: e0 + netStored, relativeTolerance: 1e-9, absoluteTolerance: 1e-9 * tank.capacity.value))
    }
}
