import Foundation
import HeatLoop

/// A sizing sweep's HTML report: the recommendation, the best designs, the Pareto fronts (objective
/// against CAPEX, heat delivered against NPV), an NPV map over the two main parameters, and marginals.
extension SizingReport {
    public func html() -> String {
        let objectiveDisplay = display(objectiveColumn)
        var body = [HTMLPage.paragraph("\(table.ids.count) designs, \(feasibleCount) feasible. Objective: "
            + "\(maximises ? "maximise" : "minimise") \(objectiveDisplay.shortLabel). Parameters: "
            + "\(parameters.isEmpty ? "none" : parameters.joined(separator: ", ")).", className: "note")]
        // The sweep's own text names the design and says why; older files without it get the id alone.
        let recommended = recommendation.isEmpty
            ? [HTMLPage.paragraph(recommendedDesign.map { "Recommended design: \($0)" } ?? "No design is feasible, so none is recommended.")]
            : [HTMLPage.paragraph(recommendation, className: "recommendation")]
        body.append(HTMLPage.section("Recommendation", id: "recommendation", recommended))
        body.append(HTMLPage.section("Designs", id: "designs", [
            HTMLPage.paragraph("Every design: the feasible ones by rank, then the infeasible; click a column header to "
                + "sort by it. The recommended design is highlighted.", className: "note"),
            designTableHTML(),
        ]))
        body.append(HTMLPage.section("Trade-offs", id: "charts", [paretoFigure(), heatVersusNPVFigure(), npvHeatmapFigure()]))
        if !marginals.isEmpty {
            let rows = marginals.map { marginal -> [HTMLPage.Cell] in
                let display = display(marginal.kpi)
                return [HTMLPage.Cell(marginal.parameter), HTMLPage.Cell(display.shortLabel),
                        HTMLPage.Cell(display.text(marginal.value), numeric: true, value: marginal.value),
                        HTMLPage.Cell(display.unit)]
            }
            body.append(HTMLPage.section("Marginal value of the last step", id: "marginals", [
                HTMLPage.paragraph("How much each KPI changed over the last step of each parameter up to the recommended "
                    + "design (1 MW of a capacity, 100 m³ of a volume, else the grid spacing), each step a full annual "
                    + "run: a small gain says the last step is barely worth it.", className: "note"),
                HTMLPage.table(header: ["Parameter", "KPI", "Change", "Unit"], rows: rows, id: "marginal-table"),
            ]))
        }
        let subtitle = [attribute("site").map { "site \($0)" }, "sizing sweep",
                        attribute("heatloop_version").map { "HeatLoop \($0)" }, attribute("created_utc")]
            .compactMap { $0 }.joined(separator: " · ")
        return HTMLPage.document(title: "\(name) — HeatLoop sizing report", subtitle: subtitle, body: body)
    }

    /// Columns of the best-designs tables, after the parameters.
    static let designKPIs = ["capex_eur", "npv_eur", "lcoh_eur_per_MWh", "payback_years", "heat_delivered_MWh",
                             "co2_avoided_lifetime_t"]

    /// The parameters, the objective, then the other design KPIs the file has (`designKPIs`, or `kpis`).
    func designColumns(kpis: [String] = designKPIs) -> [String] {
        var seen = Set<String>()
        return (parameters + [objectiveColumn] + kpis).filter { seen.insert($0).inserted && column($0) != nil }
    }

    /// A parameter's short key path, or a KPI's short label and unit.
    func columnHeader(_ name: String) -> String {
        parameters.contains(name) ? KPICatalog.shortKeyPath(name) : display(name).titleWithUnit
    }

    /// Every design, feasible ones by rank first: rank, parameters, objective and KPIs, feasibility, id.
    func designTableHTML() -> String {
        let names = designColumns()
        // The parameters identify a design; its id (long: it names the design's files) goes last.
        let header = ["Rank"] + names.map(columnHeader) + ["Feasible", "Design"]
        let feasible = flag("feasible")
        var rowClasses: [Int: String] = [:]
        let rows = rankedRows.enumerated().map { position, row -> [HTMLPage.Cell] in
            let rank = value("rank", row: row)
            if table.ids[row] == recommendedDesign { rowClasses[position] = "baseline" }
            return [HTMLPage.Cell(NumberText.grouped(rank, decimals: 0), numeric: true, value: feasible[row] ? rank : .nan,
                                  className: table.ids[row] == recommendedDesign ? "pass" : nil)]
                + names.map { name in
                    let value = value(name, row: row)
                    let text = parameters.contains(name) ? NumberText.significant(value, digits: 4) : display(name).text(value)
                    return HTMLPage.Cell(text, numeric: true, value: value, kpi: name)
                }
                + [HTMLPage.Cell(feasible[row] ? "yes" : "no"), HTMLPage.Cell(table.ids[row], className: "id")]
        }
        guard !rows.isEmpty else { return HTMLPage.paragraph("The sweep has no designs.") }
        return HTMLPage.table(header: header, rows: rows, id: "design-table", compact: true, sortable: true,
                              rowClasses: rowClasses)
    }

    func paretoFigure() -> String {
        let title = "Objective against CAPEX"
        let objectiveDisplay = display(objectiveColumn)
        guard column("capex_eur") != nil, column(objectiveColumn) != nil else {
            return HTMLPage.missingFigure(title, id: ChartID.pareto, reason: "The file has no capex_eur or \(objectiveColumn) column.")
        }
        let chart = frontChart(x: "capex_eur", y: objectiveColumn, front: "pareto_objective_capex",
                               frontName: "Pareto front", xTitle: "CAPEX (\(currency.unit("M")))", yTitle: objectiveDisplay.titleWithUnit)
        return HTMLPage.figure(title, reading: "One dot per design. The front links the designs no other design beats on "
            + "both CAPEX (lower is better) and the objective (\(maximises ? "higher" : "lower") is better); grey designs "
            + "are infeasible.", svg: chart.svg(id: ChartID.pareto, title: title))
    }

    func heatVersusNPVFigure() -> String {
        let title = "Heat delivered against NPV"
        guard let heat = column("heat_delivered_MWh"), column("npv_eur") != nil else {
            return HTMLPage.missingFigure(title, id: ChartID.heatVersusNPV, reason: "The file has no heat_delivered_MWh or npv_eur column.")
        }
        let unit = ChartUnits.energy(peakMWh: heat.filter(\.isFinite).max() ?? 0)
        let chart = frontChart(x: "heat_delivered_MWh", y: "npv_eur", front: "pareto_heat_npv", frontName: "Pareto front",
                               xTitle: "heat delivered (\(unit.name) a year)", yTitle: "NPV (\(currency.unit("M")))", xScale: 1 / unit.megawattHours)
        return HTMLPage.figure(title, reading: "One dot per design: more heat for the network (right) against more value "
            + "(up). The front holds the designs no other beats on both.", svg: chart.svg(id: ChartID.heatVersusNPV, title: title))
    }

    /// Designs as dots (feasible coloured, infeasible grey), the front as rings joined by a line, the
    /// recommended design labelled.
    private func frontChart(x: String, y: String, front: String, frontName: String, xTitle: String, yTitle: String,
                            xScale: Double = 1) -> ScatterChart {
        let xDisplay = display(x), yDisplay = display(y)
        func point(_ row: Int) -> ChartPoint {
            ChartPoint(x: xDisplay.chartValue(value(x, row: row)) * xScale, y: yDisplay.chartValue(value(y, row: row)))
        }
        let feasible = flag("feasible"), onFront = flag(front)
        let rows = Array(table.ids.indices)
        let frontPoints = rows.filter { onFront[$0] }.map(point).sorted { $0.x < $1.x }
        var labels: [ScatterChart.Label] = []
        if let recommended = recommendedDesign, let row = table.ids.firstIndex(of: recommended) {
            labels.append(ScatterChart.Label(point: point(row), text: "recommended"))
        }
        return ScatterChart(
            groups: [
                ScatterChart.Group(name: "infeasible", color: Palette.missing, points: rows.filter { !feasible[$0] }.map(point),
                                   radius: 3.5),
                ScatterChart.Group(name: "feasible", color: Palette.blue, points: rows.filter { feasible[$0] }.map(point),
                                   radius: 3.5, opacity: 0.8),
                ScatterChart.Group(name: frontName, color: Palette.vermillion, points: frontPoints, radius: 6, ring: true),
            ],
            lines: frontPoints.count > 1 ? [LineChart.Series(name: "", color: Palette.vermillion, points: frontPoints)] : [],
            labels: labels, xTitle: xTitle, yTitle: yTitle)
    }

    func npvHeatmapFigure() -> String {
        let title = "NPV over the two main parameters"
        guard let first = parameters.first, let firstValues = column(first), let npv = column("npv_eur") else {
            return HTMLPage.missingFigure(title, id: ChartID.npvHeatmap,
                                          reason: "The sweep needs at least one varied parameter and an npv_eur column.")
        }
        let second = parameters.count > 1 ? parameters[1] : nil
        let secondValues = second.flatMap(column) ?? Array(repeating: 0, count: firstValues.count)
        let columnsAlong = Array(Set(firstValues.filter(\.isFinite))).sorted()
        let rowsAlong = Array(Set(secondValues.filter(\.isFinite))).sorted(by: >)
        let feasible = flag("feasible")
        // Several designs share a cell when more than two parameters vary: show the best feasible NPV.
        let grid = rowsAlong.map { rowValue in
            columnsAlong.map { columnValue -> Double in
                let npvs = table.ids.indices.filter {
                    feasible[$0] && firstValues[$0] == columnValue && secondValues[$0] == rowValue && npv[$0].isFinite
                }.map { npv[$0] / 1e6 }
                return npvs.max() ?? .nan
            }
        }
        let chart = HeatmapChart(
            values: grid, colors: .diverging(covering: grid.flatMap { $0 }), columnTitle: KPICatalog.shortKeyPath(first),
            columnTicks: columnsAlong.indices.map { AxisTick(value: Double($0) + 0.5, label: NumberText.significant(columnsAlong[$0], digits: 4)) },
            rowTitle: second.map(KPICatalog.shortKeyPath) ?? "",
            rowTicks: second == nil ? [] : rowsAlong.indices.map {
                AxisTick(value: Double($0) + 0.5, label: NumberText.significant(rowsAlong[$0], digits: 4))
            },
            colorBarTitle: "NPV (\(currency.unit("M")))", missingLabel: "no feasible design", showsValues: true,
            height: min(420, max(200, 90 + 34 * Double(rowsAlong.count))))
        let values = grid.flatMap { $0 }.filter(\.isFinite)
        let colours = values.contains { $0 < 0 } && values.contains { $0 > 0 } ? "purple is positive, orange negative"
            : "colour classes are on the bar at the right"
        let reading = "Best feasible NPV (\(currency.unit("M"))) of the designs at each pair of values"
            + (parameters.count > 2 ? " (other parameters at their best)" : "")
            + "; \(colours); grey has no feasible design."
        return HTMLPage.figure(title, reading: reading, svg: chart.svg(id: ChartID.npvHeatmap, title: title))
    }

}
