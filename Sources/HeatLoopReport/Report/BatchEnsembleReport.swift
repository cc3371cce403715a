import HeatLoop

/// What a batch under uncertainty shows (`summary.h5` with `kind = batch_uncertainty`, one row per scenario
/// along `scenario`, `BatchEnsembleOutcome.table`): for each lender's KPI (`EnsembleSummary.columns`) the
/// scenarios' P90, P50, P10 and mean over the common samples (exceedance convention), and the NPV
/// distribution of the scenarios (from `npv_eur_sample_000` …, `RobustSizing.sampleNPVColumn`).
public struct BatchEnsembleReport: Sendable {
    /// The table read as a batch summary's (labels, varied settings, attributes).
    public var batch: BatchReport

    /// Chart ids (tests check each is present).
    public enum ChartID {
        public static let npvDistribution = "chart-batch-ensemble-npv"
        public static let all = [npvDistribution]
    }

    /// Scenarios drawn in the NPV distribution chart (more curves cannot be told apart).
    public static let chartedScenarios = 8

    public init(table: ScenarioTable) { batch = BatchReport(table: table) }

    public var samples: Int {
        if case .int(let count)? = batch.table.attributes.first(where: { $0.name == "samples" })?.value { return count }
        return 0
    }

    /// The KPIs the file has percentiles of, in `EnsembleSummary.columns` order.
    public var kpis: [String] { EnsembleSummary.columns.filter { batch.column("\($0)_p50") != nil } }

    /// Each scenario's name in tables and charts: the settings that differ between scenarios, else its id.
    public var scenarioLabels: [String] {
        batch.table.ids.indices.map { row in
            let settings = batch.varyingSettings(row: row)
            return settings.isEmpty ? batch.table.ids[row] : settings.joined(separator: ", ")
        }
    }

    /// Scenario `row`'s NPV in each sample (empty when the file has no per-sample columns).
    public func sampleNPV(row: Int) -> [Double] {
        (0..<samples).compactMap { batch.column(RobustSizing.sampleNPVColumn($0)) }.map { $0[row] }
    }

    static let header = ["Scenario", "P90", "P50", "P10", "mean"]
    static let convention = "P90 = exceeded in 90 % of samples (the 10th percentile), P10 = exceeded in 10 %."

    func headline() -> String {
        "\(batch.table.ids.count) scenarios over \(samples) common samples"
            + (batch.attribute("inputs").map { $0.isEmpty ? "" : " (uncertain inputs: \($0.replacingOccurrences(of: ",", with: ", ")))" } ?? "")
            + "."
    }

    /// KPI `kpi`'s rows: per scenario its label and P90 · P50 · P10 · mean as `display` prints them.
    func rows(_ kpi: String, display: KPIDisplay) -> [(label: String, values: [Double])] {
        let labels = scenarioLabels
        return labels.indices.map { row in
            (labels[row], ["p90", "p50", "p10", "mean"].map { batch.value("\(kpi)_\($0)", row: row) })
        }
    }

    public func terminalText() -> String {
        var lines = ["\(batch.name) — HeatLoop batch under uncertainty", headline(), Self.convention]
        for kpi in kpis {
            let display = KPICatalog.display(for: kpi)
            lines += ["", display.titleWithUnit]
            lines += TextTable(header: Self.header, rows: rows(kpi, display: display).map { [$0.label] + $0.values.map(display.text) },
                               rightAligned: [false, true, true, true, true]).lines()
        }
        return lines.joined(separator: "\n")
    }

    public func html() -> String {
        var body = [HTMLPage.paragraph(headline() + " " + Self.convention, className: "note")]
        for kpi in kpis {
            let display = KPICatalog.display(for: kpi)
            let cells = rows(kpi, display: display).map { row -> [HTMLPage.Cell] in
                [HTMLPage.Cell(row.label)] + row.values.map { HTMLPage.Cell(display.text($0), numeric: true, value: $0, kpi: kpi) }
            }
            body.append(HTMLPage.section(display.titleWithUnit, id: "percentiles-\(kpi)",
                                         [HTMLPage.table(header: Self.header, rows: cells, id: "table-\(kpi)", compact: true)]))
        }
        body.append(HTMLPage.section("NPV distribution", id: "charts", [npvFigure()]))
        let subtitle = ["batch under uncertainty", batch.attribute("heatloop_version").map { "HeatLoop \($0)" },
                        batch.attribute("created_utc")].compactMap { $0 }.joined(separator: " · ")
        return HTMLPage.document(title: "\(batch.name) — HeatLoop batch report", subtitle: subtitle, body: body)
    }

    func npvFigure() -> String {
        let title = "NPV distribution of the scenarios"
        let labels = scenarioLabels
        let sets = labels.indices.prefix(Self.chartedScenarios).map { (name: labels[$0], values: sampleNPV(row: $0)) }
        return HTMLPage.npvDistribution(
            title, sets: sets, id: ChartID.npvDistribution,
            reading: "For each scenario" + (labels.count > sets.count ? " (the first \(sets.count))" : "")
                + ", the share of the common samples whose NPV is at or below each value: a curve further right is better; "
                + "where it crosses 10 % is its P90.",
            missing: "The scenarios have no economics (no per-sample NPV columns npv_eur_sample_000 …).")
    }
}
