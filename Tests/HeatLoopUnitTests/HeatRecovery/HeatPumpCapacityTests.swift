import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("Heat-pump capacity against the source temperature")
struct HeatPumpCapacityTests {
    /// The R717 cycles of `shared/reference/heatpump_cycle.csv` (CoolProp 8.0.0): the model's capacity
    /// ratio between any two of them against the ratio of their volumetric heating capacities at suction.
    @Test("R717 volumetric heating capacity of the CoolProp cycles, every pair within 3 %")
    func againstCoolPropCycles() throws {
        let table = try ReferenceCSV("heatpump_cycle.csv")
        var cases: [(source: Double, vhc: Double)] = []
        for row in table.records where row["refrigerant"] == "R717" {
            cases.append((try #require(row["T_source_out_C"].flatMap(Double.init)), try #require(row["vhc_J_m3"].flatMap(Double.init))))
        }
        #expect(cases.count == 15)
        var worst = 0.0
        for a in cases {
            let model = HeatPumpCapacity(ratedSourceOutlet: a.source)
            for b in cases { worst = max(worst, abs(model.factor(sourceOutlet: b.source) / (b.vhc / a.vhc) - 1)) }
        }
        #expect(worst < 0.03, "worst pair \(worst)")
    }

    @Test("reference values: exp(2154 K (1/T_rated − 1/T_evap))")
    func referenceValues() {
        let model = HeatPumpCapacity(ratedSourceOutlet: 15)
        #expect(model.factor(sourceOutlet: 15) == 1)
        // 10 → 20 °C evaporating: exp(2154 (1/283.15 − 1/293.15)) = exp(0.259511) = 1.296283.
        #expect(model.factor(sourceOutlet: 25).isApproximatelyEqual(to: exp(2154 * (1 / 283.15 - 1 / 293.15)), relativeTolerance: 1e-14))
        #expect(model.factor(sourceOutlet: 25).isApproximatelyEqual(to: 1.296283, relativeTolerance: 1e-6))
    }

    @Test("dispatch: a colder source lowers the bank's capacity")
    func dispatchScalesCapacity() {
        let pump = HeatPump(capacity: .megawatts(10), cop: .carnot(efficiency: 0.5, pinch: TemperatureDelta(5)), maximumCOP: 10,
                            minimumPartLoad: 0.2, source: .liquid, ratedCapacity: HeatPumpCapacity(ratedSourceOutlet: 35))
        let model = HeatRecovery(heatPump: pump, storage: .none, network: DistrictHeatingNetwork(
            supplyCurve: OutdoorResetCurve(points: [(0, 70)]), returnCurve: .constant(Celsius(40)), connection: .megawatts(50),
            demand: .constant(.megawatts(1))))
        let state = HeatRecoveryState(tank: TankState(hotShare: 0, hotTemperature: 0))
        let rated = model.dispatch(demand: 20e6, primary: HeatSourceOffer(heat: 50e6, inlet: 45, outlet: 35), secondary: .none,
                                   dhSupply: 70, dhReturn: 40, outdoor: 10, state: state, stepSeconds: 900)
        let cold = model.dispatch(demand: 20e6, primary: HeatSourceOffer(heat: 50e6, inlet: 25, outlet: 15), secondary: .none,
                                  dhSupply: 70, dhReturn: 40, outdoor: 10, state: state, stepSeconds: 900)
        #expect(rated.heatPumpOutput.isApproximatelyEqual(to: 10e6))
        // 30 → 10 °C evaporating: exp(2154 (1/303.15 − 1/283.15)) = 0.6057.
        #expect(cold.heatPumpOutput.isApproximatelyEqual(to: 10e6 * exp(2154 * (1 / 303.15 - 1 / 283.15)), relativeTolerance: 1e-12))
        #expect(abs(cold.output - cold.primaryTaken - cold.compressorPower) <= 1e-9 * cold.output)
    }
}
