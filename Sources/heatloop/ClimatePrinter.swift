import Foundation
import HeatLoop

/// The terminal and JSON forms of a climate summary.
enum ClimatePrinter {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func table(_ summary: ClimateSummary, weather: WeatherSeries, file: String, scenario: String,
                      written: String?) -> String {
        let location = weather.location
        var lines = ["\((file as NSString).lastPathComponent): \(location.city), \(location.country) "
            + "(\(decimalText(location.latitude, 2))°N, \(decimalText(location.longitude, 2))°E, \(decimalText(location.elevation, 0)) m); "
            + scenario]
        let free = summary.dryBulbThresholds.map { "DB≤\(decimalText($0, 0))" } + summary.wetBulbThresholds.map { "WB≤\(decimalText($0, 0))" }
        let header = ["", "DB °C", "WB °C", "RH %", "min DB", "max DB", "max WB",
                      "HDH\(decimalText(summary.heatingBase, 0)) K·h", "CDH\(decimalText(summary.coolingBase, 0)) K·h"] + free.map { "\($0) h" }
        var rows = [header]
        func row(_ name: String, _ p: ClimateSummary.Period) -> [String] {
            [name, decimalText(p.meanDryBulb, 1), decimalText(p.meanWetBulb, 1), decimalText(p.meanRelativeHumidity, 0),
             decimalText(p.minimumDryBulb, 1), decimalText(p.maximumDryBulb, 1), decimalText(p.maximumWetBulb, 1),
             decimalText(p.heatingDegreeHours, 0), decimalText(p.coolingDegreeHours, 0)]
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
        lines.append("  Humidity read from the dew-point column (RH derived); \(summary.humidityDisagreementHours) h "
            + "where the RH column disagrees by > \(decimalText(WeatherSeries.humidityDisagreementThreshold, 0)) K of dew point")
        if let written { lines.append("Written: \(written)") }
        return lines.joined(separator: "\n")
    }

    /// The summary as one JSON object (`weather --json`), written by `JSONEncoder` with sorted keys.
    static func json(_ summary: ClimateSummary, weather: WeatherSeries, file: String, scenario: String,
                     written: String?) -> String {
        let object = ClimateSummaryJSON(summary, city: weather.location.city, file: file, scenario: scenario,
                                        written: written)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
