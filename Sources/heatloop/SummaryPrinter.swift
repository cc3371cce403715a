import Foundation
import HeatLoop

/// The terminal and JSON forms of a run's summary.
enum SummaryPrinter {
    static func table(summary: RunSummary, site: Site, weather: String, output: String, seconds: Double) -> String {
        let k = summary.annual
        var rows: [(String, String)] = [
            ("IT energy", mwh(k.itMWh)),
            ("Facility energy", mwh(k.facilityMWh)),
            ("Cooling energy", mwh(k.coolingMWh)),
            ("PUE", number(k.pue, 3)),
            ("PUE incl. heat pump", number(k.pueWithHeatPump, 3)),
            ("ERF", percent(k.erf)),
            ("ERE", number(k.ere, 3)),
            ("WUE", number(k.wue, 3) + " L/kWh"),
            ("Heat available", mwh(k.heatAvailableMWh)),
            ("Heat recovered", mwh(k.heatRecoveredMWh)),
            ("Heat delivered to DH", mwh(k.heatDeliveredMWh)),
            ("DH demand coverage", percent(k.dhCoverage)),
            ("Heat-pump SCOP", number(k.heatPumpSCOP, 2)),
            ("Heat-pump energy", mwh(k.heatPumpMWh)),
            ("CO2 operational", number(k.co2OperationalTonnes, 0) + " t"),
            ("CO2 avoided", number(k.co2AvoidedTonnes, 0) + " t"),
            ("Cooling hours free/partial/mech.", "\(number(k.freeCoolingHours, 0)) / \(number(k.partialCoolingHours, 0)) / \(number(k.mechanicalCoolingHours, 0)) h"),
            ("Unmet cooling", number(k.unmetCoolingHours, 1) + " h"),
            ("Energy-balance residual (max)", String(format: "%.1e", k.maximumEnergyBalanceResidual)),
        ]
        if let enefg = summary.enefg {
            rows.append(("EnEfG §11", enefg.passes ? "PASS" : "FAIL"))
            rows.append(("  PUE required / achieved", "≤ \(number(enefg.pueRequired, 2)) / \(number(enefg.pueAchieved, 3)) \(enefg.passesPUE ? "ok" : "too high")"))
            rows.append(("  ERF required / achieved", "≥ \(percent(enefg.erfRequired)) / \(percent(enefg.erfAchieved)) \(enefg.passesERF ? "ok" : "too low")"))
        } else {
            rows.append(("EnEfG §11", "not assessed (no compliance.commissioning_date)"))
        }
        let width = rows.map(\.0.count).max() ?? 0
        var lines = ["\(site.name): \(site.calendar.year), \(site.calendar.stepMinutes)-minute steps, weather \((weather as NSString).lastPathComponent)"]
        lines += rows.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
        if let enefg = summary.enefg { lines.append("  (\(enefg.basis))") }
        lines.append("Result: \(output) (\(String(format: "%.2f", seconds)) s)")
        return lines.joined(separator: "\n")
    }

    /// The `/summary` attributes as one JSON object (NaN → null), plus site and output path.
    static func json(summary: RunSummary, site: String, output: String) -> String {
        var fields = ["\"site\": \(quoted(site))", "\"output\": \(quoted(output))"]
        for attribute in summary.attributes {
            let value: String
            switch attribute.value {
            case .double(let d): value = d.isFinite ? "\(d)" : "null"
            case .int(let i): value = "\(i)"
            case .string(let s): value = quoted(s)
            }
            fields.append("\(quoted(attribute.name)): \(value)")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func number(_ value: Double, _ decimals: Int) -> String {
        value.isFinite ? String(format: "%.\(decimals)f", value) : "–"
    }
    private static func mwh(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        return value >= 10_000 ? String(format: "%.1f GWh", value / 1000) : String(format: "%.0f MWh", value)
    }
    private static func percent(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f %%", value * 100) : "–"
    }
}
