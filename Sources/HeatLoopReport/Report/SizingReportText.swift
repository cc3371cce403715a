/// A sizing sweep's terminal summary: the recommendation, the best feasible designs and the marginal
/// value of each parameter's last step.
extension SizingReport {
    public func terminalText(limit: Int = 10) -> String {
        let objectiveDisplay = display(objectiveColumn)
        var lines = ["\(name) — HeatLoop sizing sweep" + (attribute("site").map { " of \($0)" } ?? ""),
                     "\(table.ids.count) designs, \(feasibleCount) feasible; objective: \(maximises ? "maximise" : "minimise") "
                        + "\(objectiveDisplay.shortLabel); parameters: \(parameters.isEmpty ? "none" : parameters.joined(separator: ", "))",
                     ""]
        if recommendation.isEmpty {
            lines.append(recommendedDesign.map { "Recommended: \($0)" } ?? "No feasible design; none recommended.")
        } else {
            lines += recommendation.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        lines.append("")
        let names = designColumns(kpis: ["capex_eur", "npv_eur", "lcoh_eur_per_MWh", "payback_years", "heat_delivered_MWh"])
        let header = ["Rank", "Design"] + names.map(columnHeader)
        let feasible = flag("feasible")
        let rows = rankedRows.filter { feasible[$0] }.prefix(limit).map { row in
            [NumberText.grouped(value("rank", row: row), decimals: 0), table.ids[row]] + names.map { name in
                parameters.contains(name) ? NumberText.significant(value(name, row: row), digits: 4)
                    : display(name).text(value(name, row: row))
            }
        }
        if !rows.isEmpty {
            lines.append("Best designs:")
            lines += TextTable(header: header, rows: Array(rows), rightAligned: [true, false] + names.map { _ in true }).lines()
        }
        if !marginals.isEmpty {
            lines.append("")
            lines.append("Marginal value of each parameter's last step:")
            lines += TextTable(header: ["Parameter", "KPI", "Change"], rows: marginals.map { marginal in
                let display = display(marginal.kpi)
                return [marginal.parameter, display.shortLabel, display.textWithUnit(marginal.value)]
            }, rightAligned: [false, false, true]).lines()
        }
        return lines.joined(separator: "\n")
    }
}
