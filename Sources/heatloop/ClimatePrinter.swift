import Foundation
import HeatLoop

/// The terminal and JSON forms of a climate summary.
enum ClimatePrinter {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func table(_ summary: ClimateSummary, weather: WeatherSeries, file: String, scenario: String,
                      written: String?) -> String {
        let location = weather.location
        var lines = ["\((file as NSString).lastPathComponent): \(location.city), \(location.country) "
            + "(\(number(location.latitude, 2))°N, \(number(location.longitude, 2))°E, \(number(location.elevation, 0)) m); "
            + scenario]
        let free = summary.dryBulbThresholds.map { "DB≤\(number($0, 0))" } + summary.wetBulbThresholds.map { "WB≤\(number($0, 0))" }
        let header = ["", "DB °C", "WB °C", "RH %", "min DB", "max DB", "max WB",
                      "HDH\(number(summary.heatingBase, 0)) K·h", "CDH\(number(summary.coolingBase, 0)) K·h"] + free.map { "\($0) h" }
        var rows = [header]
        func row(_ name: String, _ p: ClimateSummary.Period) -> [String] {
            [name, number(p.meanDryBulb, 1), number(p.meanWetBulb, 1), number(p.meanRelativeHumidity, 0),
             number(p.minimumDryBulb, 1), number(p.maximumDryBulb, 1), number(p.maximumWetBulb, 1),
             number(p.heatingDegreeHours, 0), number(p.coolingDegreeHours, 0)]
                + (p.hoursAtOrBelowDryBulb + p.hoursAtOrBelowWetBulb).map(String.init)
        }
        for (index, month) in summary.months.enumerated() { rows.append(row(monthNames[index], month)) }
        rows.append(row("Year", summary.year))
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for cells in rows {
            let padded = cells.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }
            lines.append("  " + padded.joined(separator: "  "))
        }
        lines.append("  (wet bulb: thermodynamic, ASHRAE; DB≤/WB≤: hours at or below, free-cooling potential)")
        if let written { lines.append("Written: \(written)") }
        return lines.joined(separator: "\n")
    }

    static func json(_ summary: ClimateSummary, weather: WeatherSeries, file: String, scenario: String,
                     written: String?) -> String {
        func period(_ p: ClimateSummary.Period) -> String {
            var fields = [
                "\"hours\": \(p.hours)",
                "\"mean_dry_bulb_c\": \(jsonNumber(p.meanDryBulb))",
                "\"mean_wet_bulb_c\": \(jsonNumber(p.meanWetBulb))",
                "\"mean_rh_pct\": \(jsonNumber(p.meanRelativeHumidity))",
                "\"min_dry_bulb_c\": \(jsonNumber(p.minimumDryBulb))",
                "\"max_dry_bulb_c\": \(jsonNumber(p.maximumDryBulb))",
                "\"min_wet_bulb_c\": \(jsonNumber(p.minimumWetBulb))",
                "\"max_wet_bulb_c\": \(jsonNumber(p.maximumWetBulb))",
                "\"heating_degree_hours_Kh\": \(jsonNumber(p.heatingDegreeHours))",
                "\"cooling_degree_hours_Kh\": \(jsonNumber(p.coolingDegreeHours))",
            ]
            fields.append("\"hours_dry_bulb_at_or_below\": {" + zip(summary.dryBulbThresholds, p.hoursAtOrBelowDryBulb)
                .map { "\"\(jsonNumber($0))\": \($1)" }.joined(separator: ", ") + "}")
            fields.append("\"hours_wet_bulb_at_or_below\": {" + zip(summary.wetBulbThresholds, p.hoursAtOrBelowWetBulb)
                .map { "\"\(jsonNumber($0))\": \($1)" }.joined(separator: ", ") + "}")
            return "{" + fields.joined(separator: ", ") + "}"
        }
        let fields = [
            "\"file\": \(quoted(file))",
            "\"city\": \(quoted(weather.location.city))",
            "\"scenario\": \(quoted(scenario))",
            "\"written\": " + (written.map(quoted) ?? "null"),
            "\"heating_base_c\": \(jsonNumber(summary.heatingBase))",
            "\"cooling_base_c\": \(jsonNumber(summary.coolingBase))",
            "\"months\": [" + summary.months.map(period).joined(separator: ", ") + "]",
            "\"year\": \(period(summary.year))",
        ]
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private static func number(_ value: Double, _ decimals: Int) -> String {
        value.isFinite ? String(format: "%.\(decimals)f", value) : "–"
    }

    private static func jsonNumber(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }

    private static func quoted(_ s: String) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes]),
              let array = String(data: data, encoding: .utf8) else { return "\"\"" }
        return String(array.dropFirst().dropLast())
    }
}
