import HeatLoop
import HeatLoopTestSupport
import Testing

/// Carnot COP at source leaving 35 °C and supply 70 °C (η 0.5, pinch 5 K): 348.15/90.
private let fullLoadCOP = 348.15 / 90
private let offer = HeatSourceOffer(heat: 50e6, inlet: 45, outlet: 35)
private let noTank = HeatRecoveryState(tank: TankState(hotShare: 0, hotTemperature: 0))

/// A bank of `units` sharing 10 MW (minimum part load 0.2) with 30 min run and 20 min off, no tank.
private func bank(units: Int = 1, partLoad: HeatPumpPartLoad = .constant) -> HeatRecovery {
    HeatRecovery(
        heatPump: HeatPump(capacity: .megawatts(10), units: units, cop: .carnot(efficiency: 0.5, pinch: TemperatureDelta(5)),
                           maximumCOP: 10, minimumPartLoad: 0.2, source: .liquid, partLoad: partLoad,
                           operation: HeatPumpOperation(minimumRunTime: 1800, minimumOffTime: 1200)),
        storage: .none,
        network: DistrictHeatingNetwork(
            supplyCurve: OutdoorResetCurve(points: [(-15, 70), (10, 70)]), returnCurve: .constant(Celsius(40)),
            connection: .megawatts(20), demand: .constant(.megawatts(1))))
}

/// Runs `demands` (W) one step of `seconds` each from `state`; returns every step.
private func run(_ model: HeatRecovery, _ demands: [Double], seconds: Double = 600,
                 from state: HeatRecoveryState = noTank) -> [DispatchStep] {
    var state = state
    return demands.map { demand in
        model.dispatch(demand: demand, primary: offer, secondary: .none, dhSupply: 70, dhReturn: 40,
                       outdoor: 10, state: &state, stepSeconds: seconds)
    }
}

@Suite("Heat-pump operation: staging, run and off times, part load")
struct HeatPumpOperationTests {
    @Test("units are staged one by one: each start counted")
    func staging() {
        // Three 3.33 MW units: 2.5 MW needs one, 6 MW two, 9.5 MW three, then back to one.
        let steps = run(bank(units: 3), [2.5e6, 6e6, 9.5e6, 9.5e6, 9.5e6, 2.5e6], seconds: 1800)
        #expect(steps.map(\.unitsRunning) == [1, 2, 3, 3, 3, 1])
        #expect(steps.map(\.starts) == [1, 1, 1, 0, 0, 0])
        #expect(steps.allSatisfy { $0.delivered.isApproximatelyEqual(to: min($0.heatPumpOutput, 20e6)) })
    }

    @Test("a started unit runs its minimum run time while the load allows, then stops")
    func minimumRunTime() {
        // 10-min steps: starts at 5 MW, the demand falls to 1 MW (below the 2 MW minimum part load).
        let steps = run(bank(), [5e6, 3e6, 1e6, 1e6, 1e6])
        // Below the minimum part load the unit cannot run even inside its run time: a low-load trip at
        // step 2; it does not restart before the off time has passed.
        #expect(steps.map(\.unitsRunning) == [1, 1, 0, 0, 0])
        // 3 MW inside the run time is above the minimum: it keeps running at 3 MW.
        #expect(steps[1].heatPumpOutput.isApproximatelyEqual(to: 3e6))
        // Above the minimum: two units at 2.5 MW each may not drop to one before 30 min.
        let two = run(bank(units: 2), [8e6, 3e6, 3e6, 3e6, 3e6])
        #expect(two.map(\.unitsRunning) == [2, 2, 2, 1, 1])
        #expect(two.map(\.starts) == [2, 0, 0, 0, 0])
        // The second step after the start: 30 min since it, and the units may now stop.
        var state = noTank
        for demand in [8e6, 3e6, 3e6] {
            _ = bank(units: 2).dispatch(demand: demand, primary: offer, secondary: .none, dhSupply: 70, dhReturn: 40,
                                        outdoor: 10, state: &state, stepSeconds: 600)
        }
        #expect(state.bank.sinceStart == 1800 && state.bank.unitsRunning == 2)
    }

    @Test("a stopped unit stays off for its minimum off time")
    func minimumOffTime() {
        let steps = run(bank(), [5e6, 5e6, 5e6, 1e6, 5e6, 5e6, 5e6])
        // Stops at step 3 (below the minimum); restart allowed 20 min later: step 3 + 2 = 5.
        #expect(steps.map(\.unitsRunning) == [1, 1, 1, 0, 0, 1, 1])
        #expect(steps.map(\.starts).reduce(0, +) == 2)
        #expect(steps[4].delivered == 0) // no tank: the demand is not met while the unit waits
    }

    @Test("starts do not grow with the step count")
    func startsIndependentOfStep() {
        // A day of 1 h on / 1 h off at 5 MW / 1 MW, at 1-min and 15-min steps: 12 starts either way.
        func demands(minutes: Int) -> [Double] {
            (0..<(1440 / minutes)).map { (($0 * minutes) / 60) % 2 == 0 ? 5e6 : 1e6 }
        }
        let fine = run(bank(), demands(minutes: 1), seconds: 60)
        let coarse = run(bank(), demands(minutes: 15), seconds: 900)
        #expect(fine.map(\.starts).reduce(0, +) == 12)
        #expect(coarse.map(\.starts).reduce(0, +) == 12)
    }

    @Test("part-load COP from the EIR-of-part-load curve of the Trane RTHB screw")
    func partLoadCurve() throws {
        let set = try #require(ChillerCurveSet.named(HeatPumpPartLoad.defaultCurveSet))
        let partLoad = HeatPumpPartLoad.curve(set.curves.eirFunctionOfPartLoad)
        // EIRFPLR = 0.2590465 + 0.2148987 PLR + 0.5265039 PLR² (EnergyPlus DataSets/Chillers.idf):
        // at 0.5, 0.498121825 → 0.99624365; at 0.2, 0.32308638 → 1.6154319; at 1, 1.0004491.
        #expect(partLoad.powerFactor(loadRatio: 0.5).isApproximatelyEqual(to: 0.99624365, relativeTolerance: 1e-8))
        #expect(partLoad.powerFactor(loadRatio: 0.2).isApproximatelyEqual(to: 1.6154319, relativeTolerance: 1e-7))
        #expect(partLoad.powerFactor(loadRatio: 1).isApproximatelyEqual(to: 1.0004491, relativeTolerance: 1e-8))
        #expect(HeatPumpPartLoad.constant.powerFactor(loadRatio: 0.3) == 1)
        // One 10 MW unit at 2 MW (PLR 0.2): W = 2 MW / COP · 1.6154319; the source gives the rest.
        let step = run(bank(partLoad: partLoad), [2e6])[0]
        #expect(step.compressorPower.isApproximatelyEqual(to: 2e6 / fullLoadCOP * 1.6154319, relativeTolerance: 1e-7))
        #expect(step.cop.isApproximatelyEqual(to: fullLoadCOP / 1.6154319, relativeTolerance: 1e-7))
        #expect(abs(step.output - step.primaryTaken - step.compressorPower) <= 1e-9 * step.output)
        // Two 5 MW units at 6 MW: each at PLR 0.6, better than full load.
        let shared = run(bank(units: 2, partLoad: partLoad), [6e6])[0]
        let factor = (0.2590465 + 0.2148987 * 0.6 + 0.5265039 * 0.36) / 0.6
        #expect(shared.unitsRunning == 2)
        #expect(shared.cop.isApproximatelyEqual(to: fullLoadCOP / factor, relativeTolerance: 1e-12))
    }

    @Test("with the part-load COP the evaporator still takes no more than the source offers")
    func partLoadSourceLimit() throws {
        let set = try #require(ChillerCurveSet.named(HeatPumpPartLoad.defaultCurveSet))
        let model = bank(partLoad: .curve(set.curves.eirFunctionOfPartLoad))
        let small = HeatSourceOffer(heat: 5e6, inlet: 45, outlet: 35)
        let step = model.dispatch(demand: 15e6, primary: small, secondary: .none, dhSupply: 70, dhReturn: 40,
                                  outdoor: 10, state: noTank, stepSeconds: 900)
        #expect(step.primaryTaken <= 5e6 * (1 + 1e-12))
        #expect(abs(step.output - step.primaryTaken - step.compressorPower) <= 1e-9 * step.output)
    }
}
