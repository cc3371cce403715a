import Foundation

/// A number with `decimals` decimals as the terminal tables print it (`1.098`, `40395`), `–` when not finite.
func decimalText(_ value: Double, _ decimals: Int) -> String {
    value.isFinite ? String(format: "%.\(decimals)f", value) : "–"
}
