import HeatLoop

/// What an ensemble's report shows (`heatloop run --ensemble`, `<site>-ensemble.h5`: one row per sample
/// along `sample`): the P90/P50/P10 and mean of each KPI (root attributes `<kpi>_p10` …, exceedance
/// convention), a fan chart of monthly heat delivered and the NPV distribution over the samples.
public struct EnsembleReport: Sendable {
    public var table: ScenarioTable

    /// Chart ids (tests check each is present).
    public enum ChartID {
        public static let monthlyHeatFan = "chart-ensemble-monthly-heat"
        public static let npvDistribution = "chart-ensemble-npv"
        public static let all = [monthlyHeatFan, npvDistribution]
    }

    public init(table: ScenarioTable) { self.table = table }

    public func attribute(_ name: String) -> String? { table.text(name) }

    func number(_ name: String) -> Double { table.number(name) }

    public func column(_ name: String) -> [Double]? { table.column(name) }

    /// The summarised KPIs the file has percentiles of, in `EnsembleSummary.columns` order.
    public var kpis: [String] { EnsembleSummary.columns.filter { !number("\($0)_p50").isNaN || column($0) != nil } }

    /// A KPI's P90, P50, P10 and mean from the root attributes.
    public func percentiles(_ kpi: String) -> (p90: Double, p50: Double, p10: Double, mean: Double) {
        (number("\(kpi)_p90"), number("\(kpi)_p50"), number("\(kpi)_p10"), number("\(kpi)_mean"))
    }

    /// Per month (12): P90, P50 and P10 of heat delivered over the samples (exceedance convention), or nil
    /// when the file has no monthly columns (written before they were added).
    public var monthlyHeat: [Percentiles]? {
        let columns = EnsembleSummary.monthlyHeatColumns.compactMap(column)
        guard columns.count == 12 else { return nil }
        return columns.map { Percentiles($0) }
    }

    public var site: String { attribute("site") ?? attribute("study") ?? "site" }
    public var sampleCount: Int { table.ids.count }

    /// The P90/P50/P10/mean table's rows as text: KPI (unit), then the four figures.
    func percentileRows() -> [[String]] {
        kpis.map { kpi in
            let display = KPICatalog.display(for: kpi)
            let p = percentiles(kpi)
            return [display.titleWithUnit] + [p.p90, p.p50, p.p10, p.mean].map(display.text)
        }
    }

    static let percentileHeader = ["KPI", "P90", "P50", "P10", "mean"]
    static let convention = "P90 = exceeded in 90 % of samples (the 10th percentile), P10 = exceeded in 10 %."

    public func terminalText() -> String {
        var lines = ["\(site) — HeatLoop ensemble of \(sampleCount) samples"]
        if let weather = attribute("weather_ensemble") { lines.append("weather: \(weather)") }
        lines.append(Self.convention)
        lines.append("")
        lines += TextTable(header: Self.percentileHeader, rows: percentileRows(),
                           rightAligned: [false, true, true, true, true]).lines()
        return lines.joined(separator: "\n")
    }

    public func html() -> String {
        var body = [HTMLPage.paragraph("\(sampleCount) samples. " + (attribute("weather_ensemble").map { "Weather: \($0). " } ?? "")
            + Self.convention, className: "note")]
        let rows = kpis.map { kpi -> [HTMLPage.Cell] in
            let display = KPICatalog.display(for: kpi)
            let p = percentiles(kpi)
            return [HTMLPage.Cell(display.titleWithUnit)]
                + [p.p90, p.p50, p.p10, p.mean].map { HTMLPage.Cell(display.text($0), numeric: true, value: $0, kpi: kpi) }
        }
        body.append(HTMLPage.section("Percentiles", id: "percentiles",
                                     [HTMLPage.table(header: Self.percentileHeader, rows: rows, id: "percentile-table")]))
        body.append(HTMLPage.section("Spread", id: "charts", [monthlyHeatFigure(), npvFigure()]))
        let subtitle = ["ensemble", attribute("heatloop_version").map { "HeatLoop \($0)" }, attribute("created_utc")]
            .compactMap { $0 }.joined(separator: " · ")
        return HTMLPage.document(title: "\(site) — HeatLoop ensemble report", subtitle: subtitle, body: body)
    }

    func monthlyHeatFigure() -> String {
        let title = "Monthly heat delivered, P90–P10"
        guard let months = monthlyHeat else {
            return HTMLPage.missingFigure(title, id: ChartID.monthlyHeatFan,
                                          reason: "The file has no monthly heat columns (heat_delivered_MWh_month_01 …).")
        }
        let unit = ChartUnits.energy(peakMWh: months.map(\.p10).filter(\.isFinite).max() ?? 0)
        let scale = 1 / unit.megawattHours
        let chart = BandChart(
            x: (1...12).map(Double.init), lower: months.map { $0.p90 * scale }, upper: months.map { $0.p10 * scale },
            center: months.map { $0.p50 * scale }, bandName: "P90 … P10 (80 % of samples)", centerName: "P50",
            xTitle: "", yTitle: "heat delivered per month (\(unit.name))",
            xAxis: FixedAxis(lower: 0.5, upper: 12.5, ticks: ChartUnits.monthNames.enumerated().map {
                AxisTick(value: Double($0.offset + 1), label: $0.element)
            }))
        return HTMLPage.figure(title, reading: "The band holds each month's heat delivered in 80 % of the samples "
            + "(P90 at its foot, exceeded in 90 %); the line is the median. Months are percentiled separately, so the "
            + "band is not one sample's year.", svg: chart.svg(id: ChartID.monthlyHeatFan, title: title))
    }

    func npvFigure() -> String {
        let title = "NPV over the samples"
        return HTMLPage.npvDistribution(
            title, sets: column("npv_eur").map { [(name: site, values: $0)] } ?? [], id: ChartID.npvDistribution,
            reading: "Share of samples whose NPV is at or below each value (empirical distribution): P90 where the curve "
                + "crosses 10 %, P50 at 50 %.",
            missing: "The site has no economics (no npv_eur column).")
    }
}
