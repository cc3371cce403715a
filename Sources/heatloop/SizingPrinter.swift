import Foundation
import HeatLoop
import HeatLoopFiles

/// The terminal table of a sizing sweep: the best feasible designs by the objective.
enum SizingPrinter {
    /// Amounts in `currency` (the site's `economics.currency`).
    static func table(designs: [SizingDesign], analysis: SizingAnalysis, top: Int, currency: Currency = .euro) -> String {
        let ranked = designs.indices.filter { analysis.rank[$0] != nil }.sorted { analysis.rank[$0]! < analysis.rank[$1]! }
        let feasible = ranked.count
        var lines = ["\(designs.count) designs, \(feasible) meet the constraints"
            + (analysis.constraints.isEmpty ? "" : " (\(analysis.constraints.map(\.description).joined(separator: ", ")))")
            + "; best \(min(top, feasible)) by \(analysis.objective.column) (* on the \(analysis.objective.rawValue)–CAPEX front, "
            + "+ on the heat–NPV front):"]
        guard feasible > 0 else { return lines.joined(separator: "\n") }
        let names = analysis.parameterKeys.map { key in String(key.split(separator: ".").last ?? Substring(key)) }
        let header = ["#"] + names + ["NPV", "LCOH " + currency.per("MWh"), "payback", "heat GWh", "ERF", "CO2 life t", "CAPEX", ""]
        var rows: [[String]] = []
        for index in ranked.prefix(top) {
            let d = designs[index]
            var row = ["\(analysis.rank[index]!)"] + d.parameters.map { $0.isNaN ? "–" : formatNumber($0) }
            row += [
                currency.amount(d.value("npv_eur")), decimalText(d.value("lcoh_eur_per_MWh"), 1),
                d.value("payback_years").isFinite ? decimalText(d.value("payback_years"), 1) + " y" : "never",
                decimalText(d.value("heat_delivered_MWh") / 1000, 1), decimalText(d.value("erf"), 3),
                decimalText(d.value("co2_avoided_lifetime_t"), 0), currency.amount(d.value("capex_eur")),
                (analysis.paretoObjectiveCapex[index] ? "*" : "") + (analysis.paretoHeatNPV[index] ? "+" : ""),
            ]
            rows.append(row)
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "  " + zip(cells, widths).map { String(repeating: " ", count: $1 - $0.count) + $0 }.joined(separator: "  ")
        }
        lines.append(line(header))
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
