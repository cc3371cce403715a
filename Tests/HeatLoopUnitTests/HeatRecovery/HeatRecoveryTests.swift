import HeatLoop
import HeatLoopTestSupport
import Testing

/// COP at the reference point (source leaving 35 °C, DH supply 70 °C, η 0.5, pinch 5 K): 348.15/90.
private let referenceCOP = 348.15 / 90

/// 10 MW heat pump (Carnot η 0.5, pinch 5 K, COP ≤ 10, minimum part load 0.2) on an 8 MW DH connection.
private func recovery(storage: HeatStorage = .none, connection: Watts = .megawatts(8), units: Int = 1,
                      exchange: HeatExchange = .none) -> HeatRecovery {
    HeatRecovery(
        heatPump: HeatPump(capacity: .megawatts(10), units: units, cop: .carnot(efficiency: 0.5, pinch: TemperatureDelta(5)),
                           maximumCOP: 10, minimumPartLoad: 0.2, source: .liquid),
        exchange: exchange,
        storage: storage,
        network: DistrictHeatingNetwork(
            supplyCurve: OutdoorResetCurve(points: [(-15, 70), (10, 55)]), returnCurve: .constant(Celsius(40)),
            connection: connection,
            demand: .degreeHours(.annual(.megawattHours(10_000)), heatingLimit: Celsius(15), hotWaterShare: 0.15)))
}

/// A tank of 10 MWh between 70 and 40 °C (ρ c_p V · 30 K with ρ 995.6 kg/m³, c_p 4180 J/(kg K): 288.35 m³),
/// 5 MW charge and discharge, 1 %/day standing loss, restart below half.
private let tank = HeatStorage(volume: 3.6e10 / (995.6 * 4180 * 30), maximumCharge: .megawatts(5),
                               maximumDischarge: .megawatts(5), lossPerDay: 0.01)
/// The tank with a hot layer of `share` at 70 °C, the bank as given.
private func filled(_ share: Double, bank: HeatPumpBankState = .off) -> HeatRecoveryState {
    HeatRecoveryState(tank: TankState(hotShare: share, hotTemperature: 70), bank: bank)
}
private let empty = filled(0)
private let nothing = HeatSourceOffer.none
private let dt = 900.0

extension HeatRecovery {
    /// One dispatch step from `state`, for tests that do not carry the state on to a next step.
    func dispatch(demand: Double, primary: HeatSourceOffer, secondary: HeatSourceOffer, dhSupply: Double,
                  dhReturn: Double, outdoor: Double = 10, state: HeatRecoveryState, stepSeconds: Double) -> DispatchStep {
        var state = state
        return dispatch(demand: demand, primary: primary, secondary: secondary, dhSupply: dhSupply, dhReturn: dhReturn,
                        outdoor: outdoor, state: &state, stepSeconds: stepSeconds)
    }
}

/// `output = taken + W` (exchangers + heat pump: `Q_hp = Q_evap + W`) and
/// `delivered = output − charge + discharge` (DESIGN §2), relative 1e-12.
private func checkHeatPumpBalance(_ s: DispatchStep, sourceLocation: SourceLocation = #_sourceLocation) {
    let scale = max(s.output, s.delivered, 1)
    #expect(abs(s.output - s.primaryTaken - s.secondaryTaken - s.compressorPower) <= 1e-12 * scale,
            "output \(s.output) ≠ taken \(s.primaryTaken + s.secondaryTaken) + W \(s.compressorPower)",
            sourceLocation: sourceLocation)
    #expect(abs(s.delivered - (s.output - s.charge + s.discharge)) <= 1e-12 * scale,
            "delivered \(s.delivered) ≠ output − charge + discharge", sourceLocation: sourceLocation)
}

@Suite("Heat recovery dispatch")
struct HeatRecoveryTests {
    @Test("heat pump follows demand at the reference COP")
    func followsDemand() {
        let s = recovery().dispatch(demand: 5e6, primary: HeatSourceOffer(heat: 20e6, inlet: 35 + 10, outlet: 35),
                                    secondary: nothing, dhSupply: 70, dhReturn: 40, outdoor: 10, state: empty, stepSeconds: dt)
        #expect(s.heatPumpOutput.isApproximatelyEqual(to: 5e6))
        #expect(s.delivered.isApproximatelyEqual(to: 5e6))
        // W = 5 MW / 3.868333 = 1 292 546.316 W; Q_evap = 5 MW − W = 3 707 453.684 W.
        #expect(s.compressorPower.isApproximatelyEqual(to: 1_292_546.316243, relativeTolerance: 1e-12))
        #expect(s.primaryTaken.isApproximatelyEqual(to: 3_707_453.683757, relativeTolerance: 1e-12))
        #expect(s.cop.isApproximatelyEqual(to: referenceCOP, relativeTolerance: 1e-12))
        #expect(s.charge == 0 && s.discharge == 0)
        checkHeatPumpBalance(s)
    }

    @Test("delivery capped by the connection, output by the heat-pump capacity")
    func caps() {
        let offer = HeatSourceOffer(heat: 50e6, inlet: 35 + 10, outlet: 35)
        // 12 MW demand on an 8 MW connection: 8 MW.
        let connected = recovery().dispatch(demand: 12e6, primary: offer, secondary: nothing, dhSupply: 70, dhReturn: 40,
                                            outdoor: 10, state: empty, stepSeconds: dt)
        #expect(connected.delivered.isApproximatelyEqual(to: 8e6))
        #expect(connected.heatPumpOutput.isApproximatelyEqual(to: 8e6))
        // 15 MW demand on a 20 MW connection: the 10 MW heat pump.
        let capped = recovery(connection: .megawatts(20)).dispatch(
            demand: 15e6, primary: offer, secondary: nothing, dhSupply: 70, dhReturn: 40, outdoor: 10, state: empty, stepSeconds: dt)
        #expect(capped.heatPumpOutput.isApproximatelyEqual(to: 10e6))
        #expect(capped.delivered.isApproximatelyEqual(to: 10e6))
        checkHeatPumpBalance(connected)
        checkHeatPumpBalance(capped)
    }

    @Test("the evaporator takes no more than the source offers")
    func sourceLimited() {
        // 2 MW offered at COP 3.868333: Q_hp = 2 MW · COP/(COP − 1) = 2 697 269.030 W, Q_evap = 2 MW.
        let s = recovery().dispatch(demand: 6e6, primary: HeatSourceOffer(heat: 2e6, inlet: 35 + 10, outlet: 35),
                                    secondary: nothing, dhSupply: 70, dhReturn: 40, outdoor: 10, state: empty, stepSeconds: dt)
        #expect(s.primaryTaken.isApproximatelyEqual(to: 2e6, relativeTolerance: 1e-12))
        #expect(s.heatPumpOutput.isApproximatelyEqual(to: 2_697_269.029634, relativeTolerance: 1e-12))
        checkHeatPumpBalance(s)
    }

    @Test("two sources: the primary first, each at its own COP")
    func twoSources() {
        // Primary 1 MW at 35 °C (COP 3.868333) → Q_hp,1 = 1 MW · COP/(COP − 1) = 1 348 634.515 W.
        // Secondary (air loop, 18 °C, COP 2.807661) covers the rest of 4 MW: 2 651 365.485 W,
        // of which Q_evap,2 = 2 651 365.485 · (1 − 1/2.807661) = 1 707 033.099 W.
        let s = recovery().dispatch(demand: 4e6, primary: HeatSourceOffer(heat: 1e6, inlet: 35 + 10, outlet: 35),
                                    secondary: HeatSourceOffer(heat: 30e6, inlet: 18 + 10, outlet: 18),
                                    dhSupply: 70, dhReturn: 40, outdoor: 10, state: empty, stepSeconds: dt)
        #expect(s.heatPumpOutput.isApproximatelyEqual(to: 4e6))
        #expect(s.primaryTaken.isApproximatelyEqual(to: 1e6, relativeTolerance: 1e-12))
        #expect(s.secondaryTaken.isApproximatelyEqual(to: 1_707_033.0992, relativeTolerance: 1e-9))
        checkHeatPumpBalance(s)
    }

    @Test("below the minimum part load the heat pump is off; storage still serves")
    func minimumPartLoad() {
        let offer = HeatSourceOffer(heat: 20e6, inlet: 35 + 10, outlet: 35)
        // 1.5 MW < 0.2 · 10 MW: off, nothing taken from the loop.
        let off = recovery().dispatch(demand: 1.5e6, primary: offer, secondary: nothing, dhSupply: 70, dhReturn: 40,
                                      outdoor: 10, state: empty, stepSeconds: dt)
        #expect(off.heatPumpOutput == 0 && off.compressorPower == 0 && off.primaryTaken == 0)
        #expect(off.delivered == 0)
        // Exactly at the minimum (2 MW) it runs.
        let on = recovery().dispatch(demand: 2e6, primary: offer, secondary: nothing, dhSupply: 70, dhReturn: 40,
                                     outdoor: 10, state: empty, stepSeconds: dt)
        #expect(on.heatPumpOutput.isApproximatelyEqual(to: 2e6))
        // Running, with a half-full tank it makes 1.5 MW + 5 MW charge = 6.5 MW: above the minimum, so it runs.
        let half = recovery(storage: tank).dispatch(demand: 1.5e6, primary: offer, secondary: nothing, dhSupply: 70, dhReturn: 40,
                                                    outdoor: 10, state: filled(0.5, bank: HeatPumpBankState(unitsRunning: 1)), stepSeconds: dt)
        #expect(half.heatPumpOutput.isApproximatelyEqual(to: 6.5e6))
        #expect(half.charge.isApproximatelyEqual(to: 5e6))
        #expect(half.delivered.isApproximatelyEqual(to: 1.5e6))
        checkHeatPumpBalance(half)
        // Stopped, with a half-full tank it rests: the tank delivers the 1.5 MW.
        let resting = recovery(storage: tank).dispatch(demand: 1.5e6, primary: offer, secondary: nothing, dhSupply: 70,
                                                       dhReturn: 40, outdoor: 10, state: filled(0.5), stepSeconds: dt)
        #expect(resting.heatPumpOutput == 0 && resting.discharge.isApproximatelyEqual(to: 1.5e6))
        // Just below the restart level it starts and charges.
        let restart = recovery(storage: tank).dispatch(demand: 1.5e6, primary: offer, secondary: nothing, dhSupply: 70,
                                                       dhReturn: 40, outdoor: 10, state: filled(0.49), stepSeconds: dt)
        #expect(restart.heatPumpOutput.isApproximatelyEqual(to: 6.5e6) && restart.starts == 1)
        // With a full tank it cannot charge: off, and the tank delivers the 1.5 MW.
        let full = recovery(storage: tank).dispatch(demand: 1.5e6, primary: offer, secondary: nothing, dhSupply: 70, dhReturn: 40,
                                                    outdoor: 10, state: filled(1, bank: HeatPumpBankState(unitsRunning: 1)), stepSeconds: dt)
        #expect(full.heatPumpOutput == 0)
        #expect(full.discharge.isApproximatelyEqual(to: 1.5e6))
        #expect(full.delivered.isApproximatelyEqual(to: 1.5e6))
        checkHeatPumpBalance(full)
    }

    @Test("parallel units stage down: the bank runs to one unit's minimum part load")
    func staging() {
        let offer = HeatSourceOffer(heat: 20e6, inlet: 45, outlet: 35)
        // One 10 MW unit stops below 2 MW; four 2.5 MW units run down to 0.5 MW.
        let single = recovery().dispatch(demand: 1.5e6, primary: offer, secondary: nothing, dhSupply: 70, dhReturn: 40,
                                         outdoor: 10, state: empty, stepSeconds: dt)
        let bank = recovery(units: 4).dispatch(demand: 1.5e6, primary: offer, secondary: nothing, dhSupply: 70,
                                               dhReturn: 40, outdoor: 10, state: empty, stepSeconds: dt)
        #expect(single.heatPumpOutput == 0)
        #expect(bank.heatPumpOutput.isApproximatelyEqual(to: 1.5e6))
        #expect(bank.cop.isApproximatelyEqual(to: referenceCOP, relativeTolerance: 1e-12))
        checkHeatPumpBalance(bank)
    }

    @Test("a source above DH supply + approach feeds the network directly, without a compressor")
    func directExchange() {
        let exchanger = HeatExchange(approach: TemperatureDelta(3), direct: true, preheat: true)
        // 75 → 65 °C source, 40 → 70 °C network: 75 − 3 ≥ 70, and the whole source range is above 40 + 3.
        let hot = recovery(exchange: exchanger).dispatch(
            demand: 4e6, primary: HeatSourceOffer(heat: 5e6, inlet: 75, outlet: 65), secondary: nothing,
            dhSupply: 70, dhReturn: 40, outdoor: 10, state: empty, stepSeconds: dt)
        #expect(hot.direct.isApproximatelyEqual(to: 4e6))
        #expect(hot.heatPumpOutput == 0 && hot.compressorPower == 0)
        #expect(hot.delivered.isApproximatelyEqual(to: 4e6))
        checkHeatPumpBalance(hot)
        // 75 → 35 °C source: only the part above 40 + 3 °C can go direct, (75 − 43)/(75 − 35) = 0.8 of 10 MW.
        // The remaining 1 MW of a 9 MW demand needs the heat pump: a single 10 MW unit is off below 2 MW,
        // five 2 MW units run it at COP(35 → 70 °C).
        let wide = HeatSourceOffer(heat: 10e6, inlet: 75, outlet: 35)
        let single = recovery(connection: .megawatts(20), exchange: exchanger).dispatch(
            demand: 9e6, primary: wide, secondary: nothing, dhSupply: 70, dhReturn: 40, outdoor: 10, state: empty, stepSeconds: dt)
        #expect(single.direct.isApproximatelyEqual(to: 8e6))
        #expect(single.heatPumpOutput == 0)
        let bank = recovery(connection: .megawatts(20), units: 5, exchange: exchanger).dispatch(
            demand: 9e6, primary: wide, secondary: nothing, dhSupply: 70, dhReturn: 40, outdoor: 10, state: empty, stepSeconds: dt)
        #expect(bank.direct.isApproximatelyEqual(to: 8e6))
        #expect(bank.heatPumpOutput.isApproximatelyEqual(to: 1e6))
        #expect(bank.compressorPower.isApproximatelyEqual(to: 1e6 / referenceCOP, relativeTolerance: 1e-12))
        #expect(bank.delivered.isApproximatelyEqual(to: 9e6))
        checkHeatPumpBalance(single)
        checkHeatPumpBalance(bank)
        // Without the exchanger the same source goes through the heat pump.
        let none = recovery(connection: .megawatts(20)).dispatch(
            demand: 9e6, primary: wide, secondary: nothing, dhSupply: 70, dhReturn: 40, outdoor: 10, state: empty, stepSeconds: dt)
        #expect(none.direct == 0 && none.heatPumpOutput.isApproximatelyEqual(to: 9e6))
    }

    @Test("a source between DH return and supply pre-heats the return; the heat pump lifts the rest")
    func preheat() {
        let exchanger = HeatExchange(approach: TemperatureDelta(3), direct: true, preheat: true)
        // 50 → 40 °C source, 40 → 70 °C network: pre-heat to 47 °C, a share (47 − 40)/(70 − 40) = 7/30 of the
        // 3 MW output; the heat pump makes 2.3 MW at COP = 0.5 · 348.15 / (348.15 − 308.15) = 4.3519.
        let s = recovery(exchange: exchanger).dispatch(
            demand: 3e6, primary: HeatSourceOffer(heat: 20e6, inlet: 50, outlet: 40), secondary: nothing,
            dhSupply: 70, dhReturn: 40, outdoor: 10, state: empty, stepSeconds: dt)
        let cop = 0.5 * 348.15 / 40
        #expect(s.preheat.isApproximatelyEqual(to: 0.7e6, relativeTolerance: 1e-12))
        #expect(s.heatPumpOutput.isApproximatelyEqual(to: 2.3e6, relativeTolerance: 1e-12))
        #expect(s.compressorPower.isApproximatelyEqual(to: 2.3e6 / cop, relativeTolerance: 1e-12))
        #expect(s.primaryTaken.isApproximatelyEqual(to: 3e6 - 2.3e6 / cop, relativeTolerance: 1e-12))
        #expect(s.delivered.isApproximatelyEqual(to: 3e6))
        checkHeatPumpBalance(s)
        // Without pre-heating the compressor does all of the lift.
        let plain = recovery(exchange: HeatExchange(approach: TemperatureDelta(3), direct: true, preheat: false)).dispatch(
            demand: 3e6, primary: HeatSourceOffer(heat: 20e6, inlet: 50, outlet: 40), secondary: nothing,
            dhSupply: 70, dhReturn: 40, outdoor: 10, state: empty, stepSeconds: dt)
        #expect(plain.preheat == 0)
        #expect(plain.compressorPower.isApproximatelyEqual(to: 3e6 / cop, relativeTolerance: 1e-12))
    }

    @Test("surplus charges the tank within its charge limit; the tank covers a shortfall")
    func storage() {
        let offer = HeatSourceOffer(heat: 50e6, inlet: 35 + 10, outlet: 35)
        // 3 MW demand, empty tank: the heat pump makes 3 + 5 (charge limit) = 8 MW.
        let charging = recovery(storage: tank).dispatch(demand: 3e6, primary: offer, secondary: nothing,
                                                        dhSupply: 70, dhReturn: 40, outdoor: 10, state: empty, stepSeconds: dt)
        #expect(charging.heatPumpOutput.isApproximatelyEqual(to: 8e6))
        #expect(charging.charge.isApproximatelyEqual(to: 5e6))
        #expect(charging.delivered.isApproximatelyEqual(to: 3e6))
        // 5 MW · 900 s = 4.5e9 J stored (no loss from an empty tank).
        #expect(charging.nextStorageEnergy.isApproximatelyEqual(to: 4.5e9))
        // 8 MW demand, source of 2 MW only (Q_hp 2.697 MW): the tank adds 5 MW (its discharge limit).
        let e0 = 1.8e10 // 5 MWh: half the tank
        let short = recovery(storage: tank).dispatch(demand: 8e6, primary: HeatSourceOffer(heat: 2e6, inlet: 35 + 10, outlet: 35),
                                                     secondary: nothing, dhSupply: 70, dhReturn: 40, outdoor: 10, state: filled(0.5), stepSeconds: dt)
        #expect(filled(0.5).tank.energy(in: tank, returnTemperature: 40).isApproximatelyEqual(to: e0, relativeTolerance: 1e-12))
        #expect(short.discharge.isApproximatelyEqual(to: 5e6))
        #expect(short.delivered.isApproximatelyEqual(to: 2_697_269.029634 + 5e6, relativeTolerance: 1e-12))
        // Loss: 1.8e10 J · 1 %/day · 900 s / 86 400 s = 1.875e6 J (2083.3 W over the step).
        #expect((short.storageLoss * dt).isApproximatelyEqual(to: 1.875e6, relativeTolerance: 1e-12))
        #expect(short.nextStorageEnergy.isApproximatelyEqual(to: e0 - 5e6 * dt - 1.875e6, relativeTolerance: 1e-12))
        checkHeatPumpBalance(charging)
        checkHeatPumpBalance(short)
    }

    @Test("tank capacity ρ c_p V ΔT at the step's temperatures")
    func tankCapacity() {
        // 1000 m³ between 70 and 40 °C: 995.6 · 4180 · 1000 · 30 = 1.2484824e11 J (34.68 MWh).
        let big = HeatStorage(volume: 1_000, maximumCharge: .megawatts(100), maximumDischarge: .megawatts(100), lossPerDay: 0)
        #expect(big.capacity(supply: Celsius(70), return: Celsius(40)).value.isApproximatelyEqual(to: 1.2484824e11))
        #expect(big.capacity(supply: Celsius(40), return: Celsius(70)).value == 0)
        // Summer (55 → 35 °C) against winter (70 → 35 °C): 20/35 of the energy; the old design-span
        // capacity was 35/20 − 1 = 75 % too large in summer.
        let winter = big.capacity(supply: Celsius(70), return: Celsius(35)).value
        let summer = big.capacity(supply: Celsius(55), return: Celsius(35)).value
        #expect((summer / winter).isApproximatelyEqual(to: 20.0 / 35, relativeTolerance: 1e-12))
    }

    @Test("the hot layer mixes at the supply temperature and cools by the standing loss")
    func tankTemperatures() {
        // 1000 m³ with 40 % hot at 60 °C, return 35 °C; 1 %/day loss over an hour.
        let big = HeatStorage(volume: 1_000, maximumCharge: .megawatts(100), maximumDischarge: .megawatts(100), lossPerDay: 0.01)
        let pump = HeatPump(capacity: .megawatts(20), cop: .carnot(efficiency: 0.5, pinch: TemperatureDelta(5)), maximumCOP: 10,
                            minimumPartLoad: 0.2, source: .liquid)
        let model = HeatRecovery(heatPump: pump, storage: big, network: recovery(connection: .megawatts(100)).network)
        var state = HeatRecoveryState(tank: TankState(hotShare: 0.4, hotTemperature: 60), bank: HeatPumpBankState(unitsRunning: 1))
        // 10 MW demand, plenty of source at 35 °C: the running 20 MW pump charges the other 10 MW (the room,
        // C · 0.6 · 35 K / 1 h = 24.3 MW, is not the limit).
        let s = model.dispatch(demand: 10e6, primary: HeatSourceOffer(heat: 100e6, inlet: 45, outlet: 35), secondary: nothing,
                               dhSupply: 70, dhReturn: 35, outdoor: 10, state: &state, stepSeconds: 3600)
        let capacity = 995.6 * 4180 * 1000.0 // J/K
        let e0 = capacity * 0.4 * 25
        #expect(s.charge.isApproximatelyEqual(to: 10e6, relativeTolerance: 1e-12))
        // Loss cools the hot layer: 60 − loss/(C·0.4); 10 MW·h enters at 70 °C as a share 3.6e10/(C·35).
        let loss = e0 * 0.01 / 24
        let hotAfterLoss = 60 - loss / (capacity * 0.4)
        let added = 10e6 * 3600 / (capacity * 35)
        #expect(state.tank.hotShare.isApproximatelyEqual(to: 0.4 + added, relativeTolerance: 1e-12))
        #expect(state.tank.hotTemperature.isApproximatelyEqual(
            to: (0.4 * hotAfterLoss + added * 70) / (0.4 + added), relativeTolerance: 1e-12))
        #expect(s.nextStorageEnergy.isApproximatelyEqual(to: e0 - loss + 10e6 * 3600, relativeTolerance: 1e-12))
    }

    @Test("a long random year of dispatch keeps every limit and conserves storage energy")
    func randomSequence() {
        let model = recovery(storage: tank, units: 2,
                             exchange: HeatExchange(approach: TemperatureDelta(3), direct: true, preheat: true))
        var random = TestLCG(seed: 20_250_101)
        var state = filled(0.5)
        let e0 = state.tank.energy(in: tank, returnTemperature: 40)
        var energy = e0
        let bound = tank.heatCapacity * (80 - 40)
        var netStored = 0.0 // Σ (charge − discharge − loss) Δt
        var violations: [String] = []
        for step in 0..<35_040 {
            let demand = random.next(in: 0...12e6)
            let primaryOut = random.next(in: 25...55)
            let primary = HeatSourceOffer(heat: random.next(in: 0...9e6), inlet: primaryOut + random.next(in: 2...20),
                                          outlet: primaryOut)
            let secondaryOut = random.next(in: 12...22)
            let secondary = HeatSourceOffer(heat: random.next(in: 0...3e6), inlet: secondaryOut + 6, outlet: secondaryOut)
            let dhSupply = random.next(in: 55...80)
            let s = model.dispatch(demand: demand, primary: primary, secondary: secondary, dhSupply: dhSupply, dhReturn: 40,
                                   outdoor: 10, state: &state, stepSeconds: dt)
            let tol = 1e-9 * max(demand, 1)
            func fail(_ what: String) { if violations.count < 5 { violations.append("step \(step): \(what)") } }
            if s.delivered > min(demand, 8e6) + tol { fail("delivered \(s.delivered) > min(demand, connection)") }
            if s.delivered > s.output + min(5e6, energy / dt) + tol { fail("delivered beyond output + tank") }
            if s.heatPumpOutput > 10e6 * (1 + 1e-12) { fail("output \(s.heatPumpOutput) above capacity") }
            // Two 5 MW units: the bank runs down to one unit at 20 %.
            if s.heatPumpOutput > 0 && s.heatPumpOutput < 1e6 * (1 - 1e-12) { fail("running below minimum part load") }
            if s.primaryTaken > primary.heat * (1 + 1e-12) { fail("primary evaporator above offer") }
            if s.secondaryTaken > secondary.heat * (1 + 1e-12) { fail("secondary evaporator above offer") }
            let hp = abs(s.output - s.primaryTaken - s.secondaryTaken - s.compressorPower)
            if hp > 1e-12 * max(s.output, 1) { fail("output ≠ taken + W by \(hp) W") }
            if s.charge > 5e6 * (1 + 1e-12) || s.discharge > 5e6 * (1 + 1e-12) { fail("charge/discharge limit") }
            if s.charge > 0 && s.discharge > 0 { fail("charging and discharging at once") }
            if s.charge < 0 || s.discharge < 0 || s.delivered < 0 { fail("negative flow") }
            if state.tank.hotShare < 0 || state.tank.hotShare > 1 { fail("hot share \(state.tank.hotShare) outside [0, 1]") }
            if s.nextStorageEnergy < 0 || s.nextStorageEnergy > bound * (1 + 1e-12) {
                fail("storage \(s.nextStorageEnergy) J outside [0, capacity]")
            }
            // Step-wise: E' = E + (charge − discharge − loss)Δt.
            let expected = energy + (s.charge - s.discharge - s.storageLoss) * dt
            if abs(s.nextStorageEnergy - expected) > 1e-9 * bound { fail("E' ≠ E + net·Δt") }
            netStored += (s.charge - s.discharge - s.storageLoss) * dt
            energy = s.nextStorageEnergy
        }
        #expect(violations.isEmpty, "\(violations)")
        // Over the year: E_end = E_0 + Σ (charge − discharge − loss) Δt.
        #expect(energy.isApproximatelyEqual(to: e0 + netStored, relativeTolerance: 1e-9, absoluteTolerance: 1e-9 * bound))
    }
}
