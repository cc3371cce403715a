import HeatLoop

/// What a timeline ensemble's report shows (`heatloop run --timeline --ensemble`, `<site>-timeline-ensemble.h5`:
/// one row per sample along `sample`, `ScenarioTable(timelineEnsemble:)`): the P90/P50/P10 and mean of the
/// project figures (root attributes `<figure>_p10` …), per year the percentiles of heat delivered, PUE and ERF
/// and the share of samples meeting the EnEfG §11 targets (computed from the per-year columns with
/// `TimelineEnsembleSummary`'s recipes), fan charts of heat delivered and ERF by year and the NPV distribution.
public struct TimelineEnsembleReport: Sendable {
    public var table: ScenarioTable

    /// Chart ids (tests check each is present).
    public enum ChartID {
        public static let heatFan = "chart-timeline-ensemble-heat"
        public static let erfFan = "chart-timeline-ensemble-erf"
        public static let npvDistribution = "chart-timeline-ensemble-npv"
        public static let all = [heatFan, erfFan, npvDistribution]
    }

    public init(table: ScenarioTable) { self.table = table }

    public func attribute(_ name: String) -> String? { table.text(name) }

    func number(_ name: String) -> Double { table.number(name) }

    public func column(_ name: String) -> [Double]? { table.column(name) }

    public var site: String { attribute("site") ?? attribute("timeline") ?? "site" }
    public var sampleCount: Int { table.ids.count }

    /// The calendar years with per-year columns (`heat_delivered_MWh_<year>`), ascending.
    public var years: [Int] {
        let prefix = "heat_delivered_MWh_"
        return table.columns.compactMap { $0.name.hasPrefix(prefix) ? Int($0.name.dropFirst(prefix.count)) : nil }.sorted()
    }

    /// Per year, the percentiles over the samples of `kpi` (`TimelineEnsembleSummary.yearColumns`).
    public func yearly(_ kpi: String) -> [Percentiles] {
        years.map { Percentiles(column("\(kpi)_\($0)") ?? []) }
    }

    /// Per year, the share of samples meeting the EnEfG targets in force (NaN: no target or not assessed).
    public var enefgShare: [Double] {
        let byYear = years.map { (column("enefg_pass_\($0)") ?? []).map { Int($0) } }
        guard let first = byYear.first else { return [] }
        let bySample = first.indices.map { sample in byYear.map { $0[sample] } }
        return TimelineEnsembleSummary.enefgShare(bySample)
    }

    /// The project figures present (with a finite P50 or a column), in `TimelineEnsembleSummary.projectColumns` order.
    public var figures: [String] {
        TimelineEnsembleSummary.projectColumns.filter { number("\($0)_p50").isFinite || column($0)?.contains(where: \.isFinite) == true }
    }

    func figureRows() -> [[String]] {
        figures.map { name in
            let display = KPICatalog.display(for: name)
            return [display.titleWithUnit] + ["p90", "p50", "p10", "mean"].map { display.text(number("\(name)_\($0)")) }
        }
    }

    static let yearHeader = ["year", "heat P90 (MWh)", "heat P50", "heat P10", "PUE P50", "PUE P10", "ERF P90", "ERF P50", "EnEfG met"]

    func yearRows() -> [[String]] {
        let heat = yearly("heat_delivered_MWh"), pue = yearly("pue"), erf = yearly("erf"), share = enefgShare
        let energy = KPICatalog.display(for: "heat_delivered_MWh"), ratio = KPICatalog.display(for: "pue")
        let fraction = KPICatalog.display(for: "erf")
        return years.indices.map { index in
            ["\(years[index])", energy.text(heat[index].p90), energy.text(heat[index].p50), energy.text(heat[index].p10),
             ratio.text(pue[index].p50), ratio.text(pue[index].p10), fraction.text(erf[index].p90), fraction.text(erf[index].p50),
             share[index].isFinite ? "\(Int((100 * share[index]).rounded())) %" : "–"]
        }
    }

    var headline: String {
        "\(sampleCount) project lives of \(years.count) years" + (years.first.map { " from \($0)" } ?? "")
            + (attribute("weather_ensemble").map { "; weather: \($0)" } ?? "") + ". " + EnsembleReport.convention
    }

    public func terminalText() -> String {
        var lines = ["\(site) — HeatLoop timeline ensemble" + (attribute("timeline").map { " '\($0)'" } ?? ""), headline, ""]
        if !figures.isEmpty {
            lines += TextTable(header: EnsembleReport.percentileHeader, rows: figureRows(), rightAligned: [false, true, true, true, true]).lines()
            lines.append("")
        }
        lines.append("By year")
        lines += TextTable(header: Self.yearHeader, rows: yearRows(), rightAligned: Self.yearHeader.map { _ in true }).lines()
        return lines.joined(separator: "\n")
    }

    public func html() -> String {
        var body = [HTMLPage.paragraph(headline, className: "note")]
        if !figures.isEmpty {
            body.append(HTMLPage.section("Project figures", id: "percentiles", [HTMLPage.table(
                header: EnsembleReport.percentileHeader, rows: figureRows().map { row in row.enumerated().map { HTMLPage.Cell($1, numeric: $0 > 0) } },
                id: "percentile-table")]))
        }
        body.append(HTMLPage.section("Spread by year", id: "charts", [heatFigure(), erfFigure(), npvFigure()]))
        body.append(HTMLPage.section("By year", id: "years", [HTMLPage.table(
            header: Self.yearHeader, rows: yearRows().map { row in row.map { HTMLPage.Cell($0, numeric: true) } }, id: "year-table", compact: true)]))
        let subtitle = ["timeline ensemble", attribute("heatloop_version").map { "HeatLoop \($0)" }, attribute("created_utc")]
            .compactMap { $0 }.joined(separator: " · ")
        return HTMLPage.document(title: "\(site) — HeatLoop timeline ensemble report", subtitle: subtitle, body: body)
    }

    /// A P90…P10 band with the P50 line over the years.
    func fan(_ percentiles: [Percentiles], scale: Double, yTitle: String, id: String, title: String) -> String {
        let chart = BandChart(x: years.map(Double.init), lower: percentiles.map { $0.p90 * scale }, upper: percentiles.map { $0.p10 * scale },
                              center: percentiles.map { $0.p50 * scale }, bandName: "P90 … P10 (80 % of samples)", centerName: "P50",
                              xTitle: "", yTitle: yTitle, xAxis: TimelineReport.yearAxis(years))
        return chart.svg(id: id, title: title)
    }

    func heatFigure() -> String {
        let title = "Heat delivered by year, P90–P10"
        let heat = yearly("heat_delivered_MWh")
        let unit = ChartUnits.energy(peakMWh: heat.map(\.p10).filter(\.isFinite).max() ?? 0)
        return HTMLPage.figure(title, reading: "The band holds each year's heat delivered in 80 % of the samples (P90 at its foot, "
            + "exceeded in 90 %); the line is the median. Years are percentiled separately, so the band is not one sample's life.",
                               svg: fan(heat, scale: 1 / unit.megawattHours, yTitle: "heat delivered per year (\(unit.name))",
                                        id: ChartID.heatFan, title: title))
    }

    func erfFigure() -> String {
        let title = "Energy reuse factor by year, P90–P10"
        return HTMLPage.figure(title, reading: "Each year's ERF in 80 % of the samples and its median; compare with the EnEfG §11 "
            + "ERF target in force that year (share of samples meeting the targets in the table below).",
                               svg: fan(yearly("erf"), scale: 100, yTitle: "ERF (%)", id: ChartID.erfFan, title: title))
    }

    func npvFigure() -> String {
        let title = "Project NPV over the samples"
        return HTMLPage.npvDistribution(
            title, sets: column("npv_eur").map { [(name: site, values: $0)] } ?? [], id: ChartID.npvDistribution,
            xTitle: "NPV over the project life (M€)",
            reading: "Share of project lives whose NPV is at or below each value (empirical distribution): P90 where the "
                + "curve crosses 10 %, P50 at 50 %.",
            missing: "The site has no economics (no finite npv_eur).")
    }
}
