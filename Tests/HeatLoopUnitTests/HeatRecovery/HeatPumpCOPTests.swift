import HeatLoop
import HeatLoopTestSupport
import Testing

/// DESIGN §3.5 defaults: Carnot η 0.50, pinch 5 K, COP ≤ 10; Lorenz with the same η and pinch.
private let carnot = HeatPumpCOP.carnot(efficiency: 0.5, pinch: TemperatureDelta(5))
private let lorenz = HeatPumpCOP.lorenz(efficiency: 0.5, pinch: TemperatureDelta(5))
/// The default model: Jensen et al. 2018, ammonia, 5 K approach, η_is 0.7, f_Q 0.
private let jensen = HeatPumpCOP.jensen(JensenHeatPumpCOP())

/// Median of `values`.
private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle])
}

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

    @Test("capped at the maximum for small or negative lifts, never below 1", arguments: [carnot, lorenz, jensen, .jesper])
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

    @Test("COP falls with sink temperature and rises with source temperature", arguments: [carnot, lorenz, jensen])
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

    @Test("Jensen et al. 2018 by hand, and the default spec builds it")
    func jensenReferencePoint() throws {
        // Source 45 → 35 °C, sink 40 → 75 °C, ammonia, ΔT_pp 5 K, η_is 0.7:
        // T̄_sink = 35/ln(348.15/313.15) = 330.34 K, T̄_source = 10/ln(318.15/308.15) = 313.14 K, lift 17.20 K;
        // ΔT_r,sink = 0.2·(75 − 35 + 10) + 0.2·35 + 0.016 = 17.016 K, ΔT_r,source = 5 K,
        // w = 0.0014·50 − 0.0015·35 + 0.039 = 0.0565;
        // COP = 0.7·(1 − 0.0565)·(330.34 + 17.016 + 5)/(17.20 + 17.016 + 5 + 10) + 0.3 = 5.026730961903.
        #expect(jensen.cop(source: (45, 35), sink: (40, 75), maximum: 10).cop
            .isApproximatelyEqual(to: 5.026730961903, relativeTolerance: 1e-10))
        // Isobutane without glide at 35 → 70 °C: ΔT_r,sink = −0.0011·45 + 2.4, w = 0.0035·45 + 0.053.
        #expect(HeatPumpCOP.jensen(JensenHeatPumpCOP(fluid: .isobutane)).cop(source: (35, 35), sink: (70, 70), maximum: 10).cop
            .isApproximatelyEqual(to: 4.390856513131, relativeTolerance: 1e-10))
        // The site default is this model with these settings.
        guard case .jensen(let spec) = HeatPumpSpec().cop else { Issue.record("the default COP model is not jensen"); return }
        #expect(spec.fluid == .ammonia && spec.pinchK == 5 && spec.isentropicEfficiency == 0.7 && spec.heatLoss == 0)
    }

    @Test("Jensen credits a sink glide far less than the bare Lorenz COP (a single-stage condenser)")
    func jensenGlide() {
        for (source, sink) in [(35.0, 70.0), (18, 55), (45, 95), (25, 65)] {
            let flat = jensen.cop(source: (source, source), sink: (sink, sink), maximum: 10).cop
            let glide = jensen.cop(source: (source + 10, source), sink: (sink - 30, sink), maximum: 10).cop
            let lorenzFlat = lorenz.cop(source: (source, source), sink: (sink, sink), maximum: 10).cop
            let lorenzGlide = lorenz.cop(source: (source + 10, source), sink: (sink - 30, sink), maximum: 10).cop
            // 35 → 70 °C: Jensen +22 % (4.46 → 5.43), Lorenz +74 % (3.87 → 6.71).
            #expect(glide > flat)
            #expect(glide / flat < 0.5 * (1 + lorenzGlide / lorenzFlat))
        }
    }

    @Test("Jesper et al. 2021 regression by hand")
    func jesperRegression() {
        // Conventional (sink ≤ 100 °C): 1.4480e12 · (70 − 35 + 2·88.730)^−4.9460 = 4.467408268827.
        #expect(HeatPumpCOP.jesper.cop(source: (45, 35), sink: (40, 70), maximum: 10).cop
            .isApproximatelyEqual(to: 4.467408268827, relativeTolerance: 1e-10))
        // Very high temperature (sink 105 °C, lift 85 K): 1.9118 · 85.088378^−0.89094 · 378.194189^0.67895.
        #expect(JesperHeatPumpCOP.cop(sourceOutlet: 20, sinkOutlet: 105)
            .isApproximatelyEqual(to: 2.052028364938, relativeTolerance: 1e-10))
        let bySink = stride(from: 50.0, through: 100, by: 5).map { JesperHeatPumpCOP.cop(sourceOutlet: 30, sinkOutlet: $0) }
        #expect(zip(bySink, bySink.dropFirst()).allSatisfy { $0 > $1 })
    }

    /// The default against the CoolProp single-stage cycles, like with like: the same 5 K approaches and
    /// η_is 0.7, no glide (inlet = outlet), the model's nearest fluid (R717 → ammonia, R600a, R134a and
    /// R1234ze(E) → isobutane). Issue 17 asks for ±10 % on most cases; the model is not fitted to the table.
    @Test("Jensen default vs the CoolProp cycle table: median error and cases outside ±10 %")
    func jensenAgainstCoolPropCycles() throws {
        let table = try ReferenceCSV("heatpump_cycle.csv")
        var nearest: [Double] = [], ammonia: [Double] = [], carnotErrors: [Double] = [], jesperErrors: [Double] = []
        for row in table.records {
            let refrigerant = try #require(row["refrigerant"])
            let source = try #require(row["T_source_out_C"].flatMap(Double.init))
            let sink = try #require(row["T_sink_out_C"].flatMap(Double.init))
            let cycle = try #require(row["cop_heating"].flatMap(Double.init))
            let fluid: JensenHeatPumpCOP.Fluid = refrigerant == "R717" ? .ammonia : .isobutane
            func error(_ model: HeatPumpCOP) -> Double {
                model.cop(source: (source, source), sink: (sink, sink), maximum: 20).cop / cycle - 1
            }
            nearest.append(error(.jensen(JensenHeatPumpCOP(fluid: fluid))))
            ammonia.append(error(jensen))
            carnotErrors.append(error(carnot))
            jesperErrors.append(error(.jesper))
        }
        #expect(nearest.count == 56)
        func outside(_ errors: [Double]) -> Int { errors.filter { abs($0) > 0.10 }.count }
        // Measured: nearest fluid median +0.9 %, 18 of 56 outside ±10 % (8 of them R1234ze(E) near its
        // critical point); ammonia for every fluid +1.1 %, 20; Jesper −0.2 %, 14; Carnot η 0.5 −12.8 %, 36.
        #expect(abs(median(nearest) - 0.009) < 0.001, "median \(median(nearest))")
        #expect(outside(nearest) == 18)
        #expect(abs(median(ammonia) - 0.011) < 0.001, "median \(median(ammonia))")
        #expect(outside(ammonia) == 20)
        #expect(abs(median(jesperErrors) + 0.002) < 0.001, "median \(median(jesperErrors))")
        #expect(outside(jesperErrors) == 14)
        #expect(abs(median(carnotErrors) + 0.128) < 0.001)
        #expect(outside(carnotErrors) == 36)
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
