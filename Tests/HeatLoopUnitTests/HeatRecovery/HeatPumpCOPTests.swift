import HeatLoop
import HeatLoopTestSupport
import Testing

/// DESIGN §3.5 defaults: Carnot η 0.50, pinch 5 K, COP ≤ 10; Lorenz with the same η and pinch.
private let carnot = HeatPumpCOP.carnot(efficiency: 0.5, pinch: TemperatureDelta(5))
private let lorenz = HeatPumpCOP.lorenz(efficiency: 0.5, pinch: TemperatureDelta(5))

/// Carnot COP for streams without glide (the model reads only the outlets).
private func carnotCOP(sourceOut: Double, sinkOut: Double, maximum: Double = 10,
                       model: HeatPumpCOP = carnot) -> Double {
    model.cop(source: (sourceOut, sourceOut), sink: (sinkOut, sinkOut), maximum: maximum).cop
}

@Suite("Heat-pump COP")
struct HeatPumpCOPTests {
    @Test("Carnot COP at the reference point")
    func referencePoint() {
        // Source leaving 35 °C, DH supply 70 °C: T_sink = 75 °C = 348.15 K, T_source = 30 °C = 303.15 K,
        // COP = 0.5 · 348.15 / 45 = 3.86833333333333.
        let point = carnot.cop(source: (45, 35), sink: (40, 70), maximum: 10)
        #expect(point.cop.isApproximatelyEqual(to: 348.15 / 90, relativeTolerance: 1e-14))
        #expect(point.cop.isApproximatelyEqual(to: 3.86833333333333, relativeTolerance: 1e-13))
        #expect(point.capacityFactor == 1 && !point.outsideMap)
        // Air-loop return at 18 °C: T_source = 286.15 K, lift 62 K → 0.5·348.15/62 = 2.80766129032258.
        #expect(carnotCOP(sourceOut: 18, sinkOut: 70).isApproximatelyEqual(to: 2.80766129032258, relativeTolerance: 1e-13))
    }

    @Test("DC → DH reference point: source 45→35 °C, sink 40→75 °C")
    func dataCenterReferencePoint() {
        // Carnot (outlets only): T_sink = 75 + 5 = 80 °C = 353.15 K, T_source = 35 − 5 = 30 °C = 303.15 K,
        // COP = 0.5 · 353.15 / 50 = 3.5315.
        #expect(carnot.cop(source: (45, 35), sink: (40, 75), maximum: 10).cop
            .isApproximatelyEqual(to: 3.5315, relativeTolerance: 1e-13))
        // Lorenz: sink 45 → 80 °C = 318.15 → 353.15 K, T̄ = 35 / ln(353.15/318.15) = 35 / 0.104369926176
        // = 335.345642967 K; source 40 → 30 °C = 313.15 → 303.15 K, T̄ = 10 / ln(313.15/303.15)
        // = 10 / 0.0324545764537 = 308.122954994 K; COP = 0.5 · 335.345642967 / 27.222687973 = 6.15930438793.
        // The sink's 35 K glide lowers its mean temperature by 17.8 K: a glide-matched plant's advantage.
        #expect(lorenz.cop(source: (45, 35), sink: (40, 75), maximum: 10).cop
            .isApproximatelyEqual(to: 6.15930438793, relativeTolerance: 1e-10))
    }

    @Test("capped at the maximum for small or negative lifts, never below 1", arguments: [carnot, lorenz])
    func bounds(model: HeatPumpCOP) {
        // 60 °C source, 62 °C sink: lift 340.15 − 328.15 = 12 K → 0.5·340.15/12 = 14.2 → 10.
        #expect(carnotCOP(sourceOut: 60, sinkOut: 62, model: model) == 10)
        // Source warmer than the sink even after the pinches: the cap.
        #expect(carnotCOP(sourceOut: 80, sinkOut: 60, model: model) == 10)
        // η 0.1 from 10 °C to 110 °C: 0.1·388.15/110 = 0.35 < 1 → 1 (a heat pump is never worse than a heater).
        #expect(HeatPumpCOP.carnot(efficiency: 0.1, pinch: TemperatureDelta(5))
            .cop(source: (10, 10), sink: (110, 110), maximum: 10).cop == 1)
        #expect(HeatPumpCOP.lorenz(efficiency: 0.1, pinch: TemperatureDelta(5))
            .cop(source: (10, 10), sink: (110, 110), maximum: 10).cop == 1)
    }

    @Test("COP falls with sink temperature and rises with source temperature", arguments: [carnot, lorenz])
    func monotonic(model: HeatPumpCOP) {
        let bySink = stride(from: 55.0, through: 110, by: 5).map {
            // Sink heated by 20 K, source cooled 30 → 20 °C: COP 5.4 at 55 °C, below the cap.
            model.cop(source: (30, 20), sink: ($0 - 20, $0), maximum: 10).cop
        }
        #expect(zip(bySink, bySink.dropFirst()).allSatisfy { $0 > $1 })
        let bySource = stride(from: 10.0, through: 45, by: 5).map {
            model.cop(source: ($0 + 10, $0), sink: (40, 70), maximum: 10).cop
        }
        #expect(zip(bySource, bySource.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("Lorenz without glide is Carnot; glide raises it; the log mean sits between the stream ends")
    func lorenzLimits() {
        for (source, sink) in [(35.0, 70.0), (18, 55), (45, 95), (25, 65)] {
            let flat = lorenz.cop(source: (source, source), sink: (sink, sink), maximum: 10).cop
            #expect(flat.isApproximatelyEqual(to: carnotCOP(sourceOut: source, sinkOut: sink), relativeTolerance: 1e-12))
            // A 1e-4 K glide goes through the series branch and stays continuous with it.
            let tiny = lorenz.cop(source: (source + 1e-4, source), sink: (sink - 1e-4, sink), maximum: 10).cop
            // (the 1e-4 K shifts move the lift by ~1e-4 K of ≥ 30 K: a few 1e-6 relative).
            #expect(tiny.isApproximatelyEqual(to: flat, relativeTolerance: 1e-5))
            let glide = lorenz.cop(source: (source + 10, source), sink: (sink - 30, sink), maximum: 10).cop
            #expect(glide > flat)
        }
        // Reversed streams (source warming, sink cooling) give the same mean: T̄ is symmetric in its ends.
        #expect(lorenz.cop(source: (35, 45), sink: (75, 40), maximum: 10).cop
            .isApproximatelyEqual(to: lorenz.cop(source: (45, 35), sink: (40, 75), maximum: 10).cop, relativeTolerance: 1e-12))
    }

    /// CoolProp single-stage cycles (`shared/reference/heatpump_cycle.csv`): T_evap = source_out − 5 K,
    /// T_cond = sink_out + 5 K, isentropic compressor efficiency 0.7, no motor, inverter, pressure-drop
    /// or superheat/subcooling effects. The defaults are not fitted to it; these bands state how they
    /// relate to it (figures in the `HeatPumpCOP` doc comment).
    @Test("defaults vs the CoolProp cycle table")
    func coolPropCycles() throws {
        let table = try ReferenceCSV("heatpump_cycle.csv")
        var ratios: [String: (carnot: [Double], lorenz: [Double])] = [:]
        for row in table.records {
            let refrigerant = try #require(row["refrigerant"])
            let source = try #require(row["T_source_out_C"].flatMap(Double.init))
            let sink = try #require(row["T_sink_out_C"].flatMap(Double.init))
            let cycle = try #require(row["cop_heating"].flatMap(Double.init))
            let etaRef = try #require(row["eta_exergy_ref"].flatMap(Double.init))
            let carnotModel = carnotCOP(sourceOut: source, sinkOut: sink)
            // Same 5 K approaches as the cycle, so the model is exactly η · cop_carnot_ref: its ratio to
            // the cycle is 0.5 / η_exergy,ref.
            #expect((carnotModel / cycle).isApproximatelyEqual(to: 0.5 / etaRef, relativeTolerance: 1e-9))
            // Lorenz with DC-loop-like glides: source cooled by 10 K, sink heated by 10 K.
            let lorenzModel = lorenz.cop(source: (source + 10, source), sink: (sink - 10, sink), maximum: 10).cop
            ratios[refrigerant, default: ([], [])].carnot.append(carnotModel / cycle)
            ratios[refrigerant, default: ([], [])].lorenz.append(lorenzModel / cycle)
        }
        #expect(ratios.values.map(\.carnot.count).reduce(0, +) == 56)
        func within(_ values: [Double], _ range: ClosedRange<Double>) -> Bool { values.allSatisfy(range.contains) }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        let r717 = try #require(ratios["R717"]), r134a = try #require(ratios["R134a"])
        let all = ratios.values.flatMap(\.carnot), allLorenz = ratios.values.flatMap(\.lorenz)
        // Carnot η 0.5 is below every R717 cycle (the cycle leaves out motor/inverter/HX losses):
        // 0.769…0.869, mean 0.822; R134a 0.816…1.052 (mean 0.929); all 56: 0.769…1.288, mean 0.920.
        #expect(within(r717.carnot, 0.76...0.87))
        #expect(mean(r717.carnot).isApproximatelyEqual(to: 0.822, absoluteTolerance: 0.001))
        #expect(within(r134a.carnot, 0.81...1.06))
        #expect(within(all, 0.76...1.29))
        #expect(mean(all).isApproximatelyEqual(to: 0.920, absoluteTolerance: 0.001))
        // Lorenz credits the glide a single-stage cycle cannot use, so it sits above the cycle:
        // With the cap of 10 (reached at the smallest lifts): R717 0.952…1.171 (mean 1.023), all 56
        // 0.952…1.429 (mean 1.146).
        #expect(within(r717.lorenz, 0.95...1.18))
        #expect(mean(r717.lorenz).isApproximatelyEqual(to: 1.023, absoluteTolerance: 0.001))
        #expect(within(allLorenz, 0.95...1.43))
        #expect(mean(allLorenz).isApproximatelyEqual(to: 1.146, absoluteTolerance: 0.001))
        #expect(zip(all, allLorenz).allSatisfy { $0 < $1 })
    }
}
