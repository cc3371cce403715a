/// A batch's terminal summary: the scenarios ranked, with what varies and their main KPIs.
extension BatchReport {
    public func terminalText(limit: Int = 20) -> String {
        let (rankName, descending) = ranking
        var lines = ["\(name) — HeatLoop batch summary, \(table.ids.count) scenarios",
                     "Ranked by \(KPICatalog.display(for: rankName).shortLabel) (\(descending ? "highest" : "lowest") first); "
                        + "baseline \(baselineDescription)", ""]
        let varied = varying
        let kpis = Self.tableKPIs.filter(isShown)
        let header = ["#"] + varied.map { KPICatalog.shortKeyPath($0.name) }
            + kpis.map { display($0).titleWithUnit } + ["Scenario id"]
        let rows = rankedRows.prefix(limit).enumerated().map { position, row in
            ["\(position + 1)"] + varied.map { $0.values[row] }
                + kpis.map { display($0).text(value($0, row: row)) } + [table.ids[row] + (row == baselineRow ? " (baseline)" : "")]
        }
        let alignment = [true] + varied.map { _ in false } + kpis.map { _ in true } + [false]
        lines += TextTable(header: header, rows: rows, rightAligned: alignment).lines()
        if table.ids.count > limit { lines.append("  … \(table.ids.count - limit) more in summary.csv") }
        return lines.joined(separator: "\n")
    }
}
