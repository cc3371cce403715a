import HeatLoop
import HeatLoopReport
import Testing

/// Batch and sizing reports from small tables.
@Suite("Batch and sizing reports")
struct ScenarioReportTests {
    static func row(_ id: String, climate: String, capacity: Double, pue: Double, erf: Double) -> ScenarioRow {
        ScenarioRow(id: id, labels: [("site", "campus"), ("climate", climate)],
                    values: [("heat_recovery.heat_pump.capacity_mw", "", "varied", capacity), ("pue", "1", "PUE", pue),
                             ("erf", "1", "ERF", erf), ("heat_delivered_MWh", "MWh", "heat", erf * 1e5)])
    }

    static let batch = ScenarioTable(rows: [
        row("a", climate: "baseline", capacity: 4, pue: 1.10, erf: 0.15),
        row("b", climate: "baseline", capacity: 8, pue: 1.10, erf: 0.25),
        row("c", climate: "warm", capacity: 4, pue: 1.12, erf: .nan),
        row("d", climate: "warm", capacity: 8, pue: 1.12, erf: 0.22),
    ], attributes: [ResultAttribute("kind", .string("batch")), ResultAttribute("batch", .string("test"))])

    @Test("a batch ranks by ERF, bars by climate within capacity groups, and every chart is clean")
    func batchReport() {
        let report = BatchReport(table: Self.batch)
        #expect(report.ranking.column == "erf")
        #expect(report.rankedRows == [1, 3, 0, 2])
        #expect(report.seriesDimension == "climate")
        #expect(report.varying.map(\.name) == ["climate", "heat_recovery.heat_pump.capacity_mw"])
        #expect(report.groupLabels == ["capacity_mw = 4", "capacity_mw = 8", "capacity_mw = 4", "capacity_mw = 8"])
        let html = report.html()
        // The table has no cooling energy: that chart says so in place.
        #expect(html.contains("<div class=\"no-data\" id=\"\(BatchReport.ChartID.changeCooling)\">"))
        #expect(report.baselineRow == 0, "without a named baseline, the first scenario")
        for id in BatchReport.ChartID.all where id != BatchReport.ChartID.changeCooling {
            let svg = SVGChecks.svgElements(in: html).first { $0.contains("id=\"\(id)\"") } ?? ""
            #expect(SVGChecks.problems(svg, id: id).isEmpty, "\(SVGChecks.problems(svg, id: id))")
        }
        let text = report.terminalText()
        #expect(text.contains("Ranked by ERF (highest first)"))
        #expect(text.split(separator: "\n")[4].hasPrefix("  1  baseline"))
    }

    @Test("a batch without heat recovery describes no heat reuse: no ERF or heat columns, their charts say why")
    func batchWithoutHeatRecovery() {
        let rows = ["baseline", "warm"].map { climate in
            ScenarioRow(id: "air-\(climate)", labels: [("site", "air"), ("climate", climate)],
                        values: [("pue", "1", "PUE", climate == "warm" ? 1.31 : 1.25), ("erf", "1", "ERF", 0),
                                 ("heat_delivered_MWh", "MWh", "heat", 0), ("cooling_energy_MWh", "MWh", "cooling", 900),
                                 ("co2_avoided_t", "t", "CO2", 0)])
        }
        let report = BatchReport(table: ScenarioTable(rows: rows, attributes: []))
        #expect(!report.reusesHeat && report.ranking.column == "pue")
        let html = report.html()
        for id in [BatchReport.ChartID.erf, BatchReport.ChartID.heat, BatchReport.ChartID.changeERF, BatchReport.ChartID.changeHeat,
                   BatchReport.ChartID.pueVersusERF] {
            #expect(html.contains("<div class=\"no-data\" id=\"\(id)\">No scenario recovers heat.</div>"), "\(id)")
        }
        #expect(!html.contains("ERF (%)</th>") && !html.contains("Heat delivered (MWh)</th>") && !html.contains("CO₂ avoided"))
        #expect(html.contains("ΔPUE</th>") && html.contains(">+0.060<"))
        #expect(!report.terminalText().contains("ERF (%)"))
    }

    static func design(_ capacity: Double, _ volume: Double, npv: Double, feasible: Bool, rank: Double,
                       front: Bool) -> ScenarioRow {
        ScenarioRow(id: "hp\(Int(capacity))-st\(Int(volume))", labels: [], values: [
            ("heat_recovery.heat_pump.capacity_mw", "MW", "", capacity), ("heat_recovery.storage.volume_m3", "m3", "", volume),
            ("capex_eur", "EUR", "", 1e6 * capacity + 500 * volume), ("npv_eur", "EUR", "", npv),
            ("payback_years", "year", "", npv < 0 ? .infinity : 8), ("heat_delivered_MWh", "MWh", "", 5000 * capacity),
            ("feasible", "1", "", feasible ? 1 : 0), ("pareto_objective_capex", "1", "", front ? 1 : 0),
            ("pareto_heat_npv", "1", "", front ? 1 : 0), ("rank", "1", "", rank),
        ])
    }

    static let sizing = ScenarioTable(dimension: "design", rows: [
        design(4, 0, npv: 1e6, feasible: true, rank: 2, front: true),
        design(4, 500, npv: -0.5e6, feasible: true, rank: 3, front: false),
        design(8, 0, npv: 2e6, feasible: true, rank: 1, front: true),
        design(8, 500, npv: .nan, feasible: false, rank: .nan, front: false),
    ], attributes: [
        ResultAttribute("kind", .string("sizing")), ResultAttribute("sizing", .string("hp")),
        ResultAttribute("objective", .string("npv")), ResultAttribute("objective_column", .string("npv_eur")),
        ResultAttribute("objective_sense", .string("max")),
        ResultAttribute("parameters", .string("heat_recovery.heat_pump.capacity_mw, heat_recovery.storage.volume_m3")),
        ResultAttribute("recommended_design", .string("hp8-st0")),
        ResultAttribute("recommendation", .string("Recommended: hp8-st0 (capacity_mw = 8).\nLarger storage is infeasible.")),
        ResultAttribute("marginal:heat_recovery.heat_pump.capacity_mw:npv_eur", .double(1e6)),
    ])

    @Test("a sizing sweep reads its objective, ranks, marginals and NPV grid; charts are clean")
    func sizingReport() {
        let report = SizingReport(table: Self.sizing)
        #expect(report.parameters == ["heat_recovery.heat_pump.capacity_mw", "heat_recovery.storage.volume_m3"])
        #expect(report.maximises && report.recommendedDesign == "hp8-st0")
        #expect(report.rankedRows == [2, 0, 1, 3])
        #expect(report.feasibleCount == 3)
        #expect(report.marginals == [SizingReport.Marginal(parameter: "heat_recovery.heat_pump.capacity_mw",
                                                           kpi: "npv_eur", value: 1e6)])
        let html = report.html()
        for id in SizingReport.ChartID.all {
            let svg = SVGChecks.svgElements(in: html).first { $0.contains("id=\"\(id)\"") } ?? ""
            #expect(SVGChecks.problems(svg, id: id).isEmpty, "\(SVGChecks.problems(svg, id: id))")
        }
        #expect(html.contains("no feasible design"), "the infeasible cell is named in the heatmap legend")
        #expect(html.contains("never"), "an infinite payback reads 'never'")
        let text = report.terminalText()
        #expect(text.contains("Recommended: hp8-st0"))
        #expect(text.contains("\nLarger storage is infeasible."))
        #expect(text.contains("+") == false)
    }

    @Test("without a feasible design nothing is recommended and the report still renders")
    func nothingFeasible() {
        var table = Self.sizing
        table.attributes = table.attributes.filter { $0.name != "recommended_design" && $0.name != "recommendation" }
            + [ResultAttribute("recommendation", .string("No design meets the constraints (erf ≥ 0.2)."))]
        table.columns = table.columns.map { column in
            var column = column
            if column.name == "feasible" { column.values = column.values.map { _ in 0 } }
            return column
        }
        let report = SizingReport(table: table)
        #expect(report.terminalText().contains("No design meets the constraints"))
        for svg in SVGChecks.svgElements(in: report.html()) { #expect(!SVGChecks.hasNonFiniteNumber(svg)) }
    }
}
