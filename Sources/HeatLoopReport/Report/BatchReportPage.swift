import HeatLoop

/// A batch's HTML report, readable from 2 to 1,000 scenarios: every scenario in a sortable table, the
/// change of each against the baseline, and PUE, ERF and heat delivered per scenario as small multiples
/// (one panel per climate, weather file or site), then PUE against ERF.
extension BatchReport {
    public func html() -> String {
        let (rankName, descending) = ranking
        var note = "\(table.ids.count) scenarios, ranked by \(KPICatalog.display(for: rankName).shortLabel) "
            + "(\(descending ? "highest" : "lowest") first). Baseline: \(baselineDescription)."
        if currency == nil { note += " The scenarios price in different currencies, so money is left out here (see summary.csv)." }
        if !reusesHeat { note += " No scenario recovers heat, so ERF and heat delivered are not shown." }
        var body = [HTMLPage.paragraph(note, className: "note")]
        body.append(HTMLPage.section("Scenarios", id: "scenarios", [
            HTMLPage.paragraph("Every scenario, best first; click a column header to sort by it. Δ columns are the change "
                + "against the baseline (highlighted).", className: "note"),
            rankedTableHTML(),
        ]))
        body.append(HTMLPage.section("Change against the baseline", id: "baseline",
                                     [baselineFiguresHTML()] + changeFigures()))
        let heatUnit = ChartUnits.energy(peakMWh: (column("heat_delivered_MWh") ?? []).filter(\.isFinite).max() ?? 0)
        body.append(HTMLPage.section("KPIs per scenario", id: "charts", [
            facetFigure("PUE overhead per scenario", id: ChartID.pue, kpi: "pue", axis: "PUE − 1", unit: "",
                        note: "PUE − 1 is the energy spent on cooling and losses per unit of IT energy; bars start at zero, "
                            + "so differences in PUE show at their true size.") { $0 - 1 },
            facetFigure("ERF per scenario", id: ChartID.erf, kpi: "erf", axis: "ERF (%)", unit: "%") { $0 * 100 },
            facetFigure("Heat delivered per scenario", id: ChartID.heat, kpi: "heat_delivered_MWh",
                        axis: "heat delivered (\(heatUnit.name)/a)", unit: heatUnit.name) { $0 / heatUnit.megawattHours },
            pueVersusERFFigure(),
        ]))
        let subtitle = ["batch summary", attribute("heatloop_version").map { "HeatLoop \($0)" },
                        attribute("created_utc")].compactMap { $0 }.joined(separator: " · ")
        return HTMLPage.document(title: "\(name) — HeatLoop batch report", subtitle: subtitle, body: body)
    }

    /// The KPI columns of the ranked table (those `isShown`).
    static let tableKPIs = ["pue", "erf", "heat_delivered_MWh", "cooling_energy_MWh", "co2_avoided_t", "npv_eur", "enefg_pass"]

    /// Every scenario, ranked: the varied settings, the KPIs, their change against the baseline, the id.
    func rankedTableHTML() -> String {
        let varied = varying
        let kpis = Self.tableKPIs.filter(isShown)
        let changes = Self.changeKPIs.filter(isShown)
        let header = ["#"] + varied.map { KPICatalog.shortKeyPath($0.name) } + kpis.map { display($0).titleWithUnit }
            + changes.map { changeDisplay($0).titleWithUnit } + ["Scenario id"]
        let baseline = baselineRow
        var rowClasses: [Int: String] = [:]
        let rows = rankedRows.enumerated().map { position, row -> [HTMLPage.Cell] in
            if row == baseline { rowClasses[position] = "baseline" }
            return [HTMLPage.Cell("\(position + 1)", numeric: true, value: Double(position + 1))]
                + varied.map { HTMLPage.Cell($0.values[row]) }
                + kpis.map { name in
                    let value = value(name, row: row)
                    return HTMLPage.Cell(display(name).text(value), numeric: true, value: value, kpi: name)
                }
                + changes.map { name in
                    HTMLPage.Cell(changeText(name, row: row), numeric: true, value: change(name, row: row))
                }
                + [HTMLPage.Cell(table.ids[row] + (row == baseline ? " (baseline)" : ""), className: "id")]
        }
        return HTMLPage.table(header: header, rows: rows, id: "scenario-table", rowHeaders: false,
                              compact: varied.count + kpis.count + changes.count > 7, sortable: true, rowClasses: rowClasses)
    }

    /// The baseline's own figures, which the changes are measured from.
    func baselineFiguresHTML() -> String {
        guard let row = baselineRow else { return HTMLPage.paragraph("The summary has no scenarios.") }
        let figures = Self.changeKPIs.filter(isShown).map { name in
            (label: "Baseline " + display(name).shortLabel, value: display(name).textWithUnit(value(name, row: row)),
             className: String?.none)
        }
        return HTMLPage.paragraph("Each scenario's change against the baseline \(baselineDescription), one panel per "
            + (seriesDimension ?? "batch") + ". The batch file's baseline key names another.", className: "note")
            + HTMLPage.cards(figures)
    }

    /// ΔPUE, ΔERF, Δheat delivered and Δcooling energy per scenario, faceted.
    func changeFigures() -> [String] {
        let heatUnit = ChartUnits.energy(peakMWh: (column("heat_delivered_MWh") ?? []).filter(\.isFinite).map(abs).max() ?? 0)
        let coolingUnit = ChartUnits.energy(peakMWh: (column("cooling_energy_MWh") ?? []).filter(\.isFinite).max() ?? 0)
        return [
            facetFigure("Change of PUE", id: ChartID.changePUE, kpi: "pue", axis: "ΔPUE", unit: "", change: true) { $0 },
            facetFigure("Change of ERF", id: ChartID.changeERF, kpi: "erf", axis: "ΔERF (pp)", unit: "pp", change: true) { $0 * 100 },
            facetFigure("Change of heat delivered", id: ChartID.changeHeat, kpi: "heat_delivered_MWh",
                        axis: "Δheat delivered (\(heatUnit.name)/a)", unit: heatUnit.name, change: true) { $0 / heatUnit.megawattHours },
            facetFigure("Change of cooling energy", id: ChartID.changeCooling, kpi: "cooling_energy_MWh",
                        axis: "Δcooling energy (\(coolingUnit.name)/a)", unit: coolingUnit.name, change: true) {
                $0 / coolingUnit.megawattHours
            },
        ]
    }

    /// One KPI (or its change against the baseline) as small multiples: a panel per facet, a bar per
    /// category (the other varied settings). Bars show `transform(value)`.
    func facetFigure(_ title: String, id: String, kpi: String, axis: String, unit: String, note: String = "",
                     change: Bool = false, transform: (Double) -> Double) -> String {
        guard isShown(kpi) else {
            let reason = column(kpi) == nil ? "The summary has no \(kpi) column." : "No scenario recovers heat."
            return HTMLPage.missingFigure(title, id: id, reason: reason)
        }
        let (categories, facets) = facetLayout
        let rowFacets = seriesLabels, rowCategories = groupLabels
        var rows: [String: Int] = [:]
        for row in table.ids.indices.reversed() { rows[rowFacets[row] + "\u{0}" + rowCategories[row]] = row }
        let chartFacets = facets.map { facet in
            FacetedBarChart.Facet(name: facet.name, color: facet.color, values: categories.map { category in
                let row = rows[facet.name + "\u{0}" + category]
                return row.map { transform(change ? self.change(kpi, row: $0) : value(kpi, row: $0)) } ?? .nan
            })
        }
        let chart = FacetedBarChart(categories: categories, facets: chartFacets, yTitle: axis, valueUnit: unit)
        var reading = note.isEmpty ? "" : note + " "
        reading += seriesDimension.map { "One panel per \($0), one bar per setting of the others." } ?? "One bar per scenario."
        if change { reading += " Above zero: more than the baseline." }
        if facets.count < seriesNames.count {
            reading += " The \(facets.count) \(seriesDimension ?? "") panels of the best scenarios of \(seriesNames.count) are shown; "
                + "the table has all."
        }
        return HTMLPage.figure(title, reading: reading, svg: chart.svg(id: id, title: title))
    }

    /// The charts' categories (the distinct group labels, in file order) and facets (at most `maxFacets`,
    /// those of the best-ranked scenarios, in file order, each with its colour).
    var facetLayout: (categories: [String], facets: [(name: String, color: String)]) {
        var categories: [String] = [], seen = Set<String>()
        for label in groupLabels where seen.insert(label).inserted { categories.append(label) }
        let names = seriesNames, rowFacets = seriesLabels
        var best: [String] = []
        for row in rankedRows where !best.contains(rowFacets[row]) && best.count < Self.maxFacets { best.append(rowFacets[row]) }
        let facets = names.enumerated().filter { best.contains($0.element) }.map { (name: $0.element, color: Palette.category($0.offset)) }
        return (categories, facets)
    }

    func pueVersusERFFigure() -> String {
        let title = "PUE against ERF"
        guard let pue = column("pue"), isShown("erf"), let erf = column("erf") else {
            return HTMLPage.missingFigure(title, id: ChartID.pueVersusERF,
                                          reason: column("erf") == nil ? "The summary has no pue or erf column." : "No scenario recovers heat.")
        }
        let rowSeries = seriesLabels
        let groups = seriesNames.enumerated().map { index, name in
            ScatterChart.Group(name: name, color: Palette.category(index), points: table.ids.indices.filter {
                rowSeries[$0] == name
            }.map { ChartPoint(x: pue[$0], y: erf[$0] * 100) }, radius: table.ids.count > 200 ? 3 : 5)
        }
        let chart = ScatterChart(groups: groups, xTitle: "PUE", yTitle: "ERF (%)", height: 320)
        return HTMLPage.figure(title, reading: "One dot per scenario: lower PUE (left) and higher ERF (up) are better; "
            + "EnEfG §11 asks new data centers for PUE ≤ 1.2 and ERF ≥ 10–20 %.",
            svg: chart.svg(id: ChartID.pueVersusERF, title: title))
    }
}
