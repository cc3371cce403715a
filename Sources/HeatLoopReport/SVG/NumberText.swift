import Foundation

/// Numbers as people read them in charts, tables and the terminal: grouped thousands (`12,345`), a
/// true minus sign, a fixed number of decimals, and "–" for a missing (non-finite) value.
public enum NumberText {
    /// The dash shown for a value that is missing or not finite.
    public static let missing = "–"

    /// `value` with `decimals` decimals and thousands grouped with commas: `12345.6, 1` → `12,345.6`.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return missing }
        let digits = max(0, min(decimals, 12))
        let text = String(format: "%.\(digits)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        let integer = Array(parts[0])
        var groupedInteger = ""
        for (index, character) in integer.enumerated() {
            if index > 0 && (integer.count - index) % 3 == 0 { groupedInteger.append(",") }
            groupedInteger.append(character)
        }
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
        let sign = value < 0 && !isZero ? "−" : ""
        return sign + groupedInteger + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A fraction as a percentage: `0.256, 1` → `25.6 %`.
    public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        fraction.isFinite ? grouped(fraction * 100, decimals: decimals) + " %" : missing
    }

    /// `value` with `digits` significant digits (at least), grouped: `12.0848` → `12.1`, `0.0452` →
    /// `0.0452`, `1234.5` → `1,235`. For inputs and parameters of unknown size.
    public static func significant(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return missing }
        guard value != 0 else { return "0" }
        let magnitude = Int(log10(abs(value)).rounded(.down))
        let decimals = max(0, digits - 1 - magnitude)
        var text = grouped(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A tick label: as many decimals as `step` needs (`2.5` → 1, `0.05` → 2), grouped thousands.
    public static func tick(_ value: Double, step: Double) -> String {
        grouped(value, decimals: decimals(forStep: step))
    }

    /// The fewest decimals that write every multiple of `step` exactly (at most 6).
    public static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var scaled = step
        for decimals in 0...6 {
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return decimals }
            scaled *= 10
        }
        return 6
    }
}
