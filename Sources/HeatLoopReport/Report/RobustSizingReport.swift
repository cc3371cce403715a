import HeatLoop

/// What a sizing sweep under uncertainty shows (`sizing.h5` with `kind = sizing_uncertainty`, one row per
/// design along `design`): the criterion and recommendation, each design's NPV P90/P50/P10, mean and maximum
/// regret over the common samples, and the NPV distribution of the best designs (from the per-sample
/// columns `npv_eur_sample_000` …, `RobustSizing.sampleNPVColumn`).
public struct RobustSizingReport: Sendable {
    /// The design table read as a sizing sweep's (ranks, feasibility, parameters, recommendation).
    public var sizing: SizingReport

    /// Chart ids (tests check each is present).
    public enum ChartID {
        public static let npvDistribution = "chart-robust-npv"
        public static let all = [npvDistribution]
    }

    /// Designs drawn in the NPV distribution chart (more curves cannot be told apart).
    public static let chartedDesigns = 6

    public init(table: ScenarioTable) { sizing = SizingReport(table: table) }

    public var samples: Int {
        if case .int(let count)? = sizing.table.attributes.first(where: { $0.name == "samples" })?.value { return count }
        return 0
    }
    public var criterion: String { sizing.attribute("recommend_by") ?? "" }

    /// Design `row`'s NPV in each sample (empty when the file has no per-sample columns).
    public func sampleNPV(row: Int) -> [Double] {
        (0..<samples).compactMap { sizing.column(RobustSizing.sampleNPVColumn($0)) }.map { $0[row] }
    }

    static let figureColumns = ["npv_eur_p90", "npv_eur_p50", "npv_eur_p10", "npv_eur_mean", "max_regret_eur"]
    static let figureHeaders = ["NPV P90 (M€)", "NPV P50 (M€)", "NPV P10 (M€)", "NPV mean (M€)", "max regret (M€)"]
    static let convention = "P90 = exceeded in 90 % of samples (the 10th percentile), P10 = exceeded in 10 %."

    /// Feasible designs by rank, at most `limit`.
    func rankedFeasible(limit: Int) -> [Int] {
        let feasible = sizing.flag("feasible")
        return Array(sizing.rankedRows.filter { feasible[$0] }.prefix(limit))
    }

    func headline() -> String {
        "\(sizing.table.ids.count) designs (\(sizing.feasibleCount) feasible) over \(samples) common samples; "
            + "recommended by \(criterion.replacingOccurrences(of: "_", with: " "))."
    }

    public func terminalText(limit: Int = 10) -> String {
        var lines = ["\(sizing.name) — HeatLoop sizing under uncertainty" + (sizing.attribute("site").map { " of \($0)" } ?? ""),
                     headline(), Self.convention, ""]
        lines += sizing.recommendation.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.append("")
        let parameters = sizing.parameters.filter { sizing.column($0) != nil }
        let rows = rankedFeasible(limit: limit).map { row in
            [NumberText.grouped(sizing.value("rank", row: row), decimals: 0)]
                + parameters.map { NumberText.significant(sizing.value($0, row: row), digits: 4) }
                + Self.figureColumns.map { NumberText.grouped(sizing.value($0, row: row) / 1e6, decimals: 2) }
        }
        if !rows.isEmpty {
            lines.append("Best designs:")
            lines += TextTable(header: ["Rank"] + parameters.map(KPICatalog.shortKeyPath) + Self.figureHeaders, rows: rows,
                               rightAligned: Array(repeating: true, count: 1 + parameters.count + Self.figureColumns.count)).lines()
        }
        return lines.joined(separator: "\n")
    }

    public func html() -> String {
        var body = [HTMLPage.paragraph(headline() + " " + Self.convention, className: "note")]
        body.append(HTMLPage.section("Recommendation", id: "recommendation",
                                     [HTMLPage.paragraph(sizing.recommendation, className: "recommendation")]))
        let parameters = sizing.parameters.filter { sizing.column($0) != nil }
        let rows = rankedFeasible(limit: 20).map { row -> [HTMLPage.Cell] in
            [HTMLPage.Cell(NumberText.grouped(sizing.value("rank", row: row), decimals: 0),
                           className: sizing.table.ids[row] == sizing.recommendedDesign ? "pass" : nil)]
                + parameters.map { name in
                    HTMLPage.Cell(NumberText.significant(sizing.value(name, row: row), digits: 4), numeric: true,
                                  value: sizing.value(name, row: row))
                }
                + Self.figureColumns.map { name in
                    let value = sizing.value(name, row: row)
                    return HTMLPage.Cell(NumberText.grouped(value / 1e6, decimals: 2), numeric: true, value: value, kpi: name)
                }
                + [HTMLPage.Cell(sizing.table.ids[row], className: "id")]
        }
        body.append(HTMLPage.section("Designs: NPV P90, P50, P10", id: "designs", [rows.isEmpty
            ? HTMLPage.paragraph("No design is feasible.")
            : HTMLPage.table(header: ["Rank"] + parameters.map(KPICatalog.shortKeyPath) + Self.figureHeaders + ["Design"],
                             rows: rows, id: "design-table", compact: true)]))
        body.append(HTMLPage.section("NPV distribution", id: "charts", [npvFigure()]))
        let subtitle = [sizing.attribute("site").map { "site \($0)" }, "sizing under uncertainty",
                        sizing.attribute("heatloop_version").map { "HeatLoop \($0)" }, sizing.attribute("created_utc")]
            .compactMap { $0 }.joined(separator: " · ")
        return HTMLPage.document(title: "\(sizing.name) — HeatLoop sizing report", subtitle: subtitle, body: body)
    }

    func npvFigure() -> String {
        let title = "NPV distribution of the best designs"
        let rows = rankedFeasible(limit: Self.chartedDesigns)
        let sets = rows.map { row in (name: "#\(NumberText.grouped(sizing.value("rank", row: row), decimals: 0)) \(sizing.table.ids[row])",
                                      values: sampleNPV(row: row)) }
        return HTMLPage.npvDistribution(
            title, sets: sets, id: ChartID.npvDistribution,
            reading: "For each of the \(sets.count) best-ranked designs, the share of the common samples whose NPV is at or "
                + "below each value: a curve further right is better; where it crosses 10 % is its P90. Curves that cross "
                + "trade upside against downside.",
            missing: "The file has no feasible design or no per-sample NPV columns (npv_eur_sample_000 …).")
    }
}
