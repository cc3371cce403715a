import HeatLoop

/// A batch's HTML report: the scenarios ranked, grouped bars of PUE, ERF and heat delivered per
/// scenario and climate, and PUE against ERF.
extension BatchReport {
    public func html() -> String {
        let (rankName, descending) = ranking
        var body = [HTMLPage.paragraph("\(table.ids.count) scenarios, ranked by \(KPICatalog.display(for: rankName).shortLabel) "
            + "(\(descending ? "highest" : "lowest") first).", className: "note")]
        body.append(HTMLPage.section("Scenarios", id: "scenarios", [rankedTableHTML(limit: 100)]))
        let heatUnit = ChartUnits.energy(peakMWh: (column("heat_delivered_MWh") ?? []).filter(\.isFinite).max() ?? 0)
        body.append(HTMLPage.section("KPIs per scenario", id: "charts", [
            barsFigure("PUE overhead per scenario", id: ChartID.pue, kpi: "pue", axis: "PUE − 1 (overhead per unit of IT energy)",
                       scale: 1, offset: -1, unit: "",
                       note: "PUE − 1 is the energy spent on cooling and losses per unit of IT energy; bars start at zero, "
                           + "so differences in PUE show at their true size."),
            barsFigure("ERF per scenario", id: ChartID.erf, kpi: "erf", axis: "ERF (%)", scale: 100, unit: "%"),
            barsFigure("Heat delivered per scenario", id: ChartID.heat, kpi: "heat_delivered_MWh",
                       axis: "heat delivered (\(heatUnit.name) a year)", scale: 1 / heatUnit.megawattHours, unit: heatUnit.name),
            pueVersusERFFigure(),
        ]))
        let subtitle = ["batch summary", attribute("heatloop_version").map { "HeatLoop \($0)" },
                        attribute("created_utc")].compactMap { $0 }.joined(separator: " · ")
        return HTMLPage.document(title: "\(name) — HeatLoop batch report", subtitle: subtitle, body: body)
    }

    /// The KPI columns of the ranked table.
    static let tableKPIs = ["pue", "erf", "heat_delivered_MWh", "co2_avoided_t", "enefg_pass"]

    func rankedTableHTML(limit: Int) -> String {
        let varied = varying
        let kpis = Self.tableKPIs.filter { column($0) != nil }
        let header = ["#"] + varied.map { KPICatalog.shortKeyPath($0.name) }
            + kpis.map { KPICatalog.display(for: $0).titleWithUnit } + ["Scenario id"]
        let rows = rankedRows.prefix(limit).enumerated().map { position, row -> [HTMLPage.Cell] in
            [HTMLPage.Cell("\(position + 1)")] + varied.map { HTMLPage.Cell($0.values[row]) }
                + kpis.map { name in
                    let display = KPICatalog.display(for: name)
                    let value = value(name, row: row)
                    return HTMLPage.Cell(display.text(value), numeric: true, value: value, kpi: name)
                } + [HTMLPage.Cell(table.ids[row], className: "id")]
        }
        var html = HTMLPage.table(header: header, rows: rows, id: "scenario-table", rowHeaders: false,
                                  compact: varied.count + kpis.count > 7)
        if table.ids.count > limit {
            html += HTMLPage.paragraph("The best \(limit) of \(table.ids.count) scenarios; all are in summary.csv.", className: "note")
        }
        return html
    }

    /// One KPI as grouped bars: groups of the other varied settings, one bar per climate (or weather).
    /// Bars show `value × scale + offset`.
    func barsFigure(_ title: String, id: String, kpi: String, axis: String, scale: Double, offset: Double = 0, unit: String,
                    note: String = "") -> String {
        guard let values = column(kpi) else {
            return HTMLPage.missingFigure(title, id: id, reason: "The summary has no \(kpi) column.")
        }
        let labels = groupLabels
        // The best-ranked groups, shown in file order (the batch's grid order).
        var groups: [String] = []
        for row in rankedRows where !groups.contains(labels[row]) { groups.append(labels[row]) }
        let kept = Set(groups.prefix(Self.maxGroups))
        var shown: [String] = []
        for label in labels where kept.contains(label) && !shown.contains(label) { shown.append(label) }
        let rowSeries = seriesLabels
        let series = seriesNames.enumerated().map { index, seriesName in
            BarSeries(name: seriesName, color: Palette.category(index), values: shown.map { group in
                let row = table.ids.indices.first { labels[$0] == group && rowSeries[$0] == seriesName }
                return row.map { values[$0] * scale + offset } ?? .nan
            })
        }
        let chart = GroupedBarChart(groups: shown, series: series, xTitle: "", yTitle: axis, valueUnit: unit)
        var reading = (note.isEmpty ? "" : note + " ")
            + (seriesDimension.map { "Bars within a group differ by \($0); groups by the other varied settings." }
                ?? "One bar per scenario.")
        if groups.count > shown.count { reading += " The best \(shown.count) of \(groups.count) groups are shown." }
        return HTMLPage.figure(title, reading: reading, svg: chart.svg(id: id, title: title))
    }

    func pueVersusERFFigure() -> String {
        let title = "PUE against ERF"
        guard let pue = column("pue"), let erf = column("erf") else {
            return HTMLPage.missingFigure(title, id: ChartID.pueVersusERF, reason: "The summary has no pue or erf column.")
        }
        let rowSeries = seriesLabels
        let groups = seriesNames.enumerated().map { index, name in
            ScatterChart.Group(name: name, color: Palette.category(index), points: table.ids.indices.filter {
                rowSeries[$0] == name
            }.map { ChartPoint(x: pue[$0], y: erf[$0] * 100) }, radius: 5)
        }
        let chart = ScatterChart(groups: groups, xTitle: "PUE", yTitle: "ERF (%)", height: 320)
        return HTMLPage.figure(title, reading: "One dot per scenario: lower PUE (left) and higher ERF (up) are better; "
            + "EnEfG §11 asks new data centers for PUE ≤ 1.2 and ERF ≥ 10–20 %.",
            svg: chart.svg(id: ChartID.pueVersusERF, title: title))
    }
}
