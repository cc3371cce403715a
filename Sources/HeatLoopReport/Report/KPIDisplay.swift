import HeatLoop

/// How one KPI (a `/summary` attribute or a scenario-table column) is shown: a readable label, the
/// unit as printed, and the number style. Known names come from `KPICatalog`; others are recognised
/// by their unit suffix (`_MWh`, `_eur`, `_hours`, …), so KPIs added later still show sensibly.
public struct KPIDisplay: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        /// Grouped thousands with this many decimals.
        case number(decimals: Int)
        /// A fraction shown as a percentage.
        case percent(decimals: Int)
        /// Euros shown in millions (M€) with two decimals.
        case millionEuros
        /// Scientific notation (residuals).
        case scientific
        /// The EnEfG verdict: 1 pass, 0 fail, −1 not assessed.
        case verdict
        /// Years, with "never" for +inf (a payback that never comes).
        case years
    }

    public var name: String
    public var label: String
    /// A short label for table headers and axes (`PUE`, `NPV`).
    public var shortLabel: String
    /// Unit as printed (`MWh`, `°C`, `M€`); empty for ratios.
    public var unit: String
    public var style: Style

    public init(name: String, label: String, shortLabel: String? = nil, unit: String, style: Style) {
        self.name = name
        self.label = label
        self.shortLabel = shortLabel ?? label
        self.unit = unit
        self.style = style
    }

    /// This display with its money unit in `currency` (`M€` → `M$`, `€/MWh` → `CHF/MWh`): the catalog's
    /// units are euros, the default `economics.currency`.
    public func `in`(_ currency: Currency) -> KPIDisplay {
        guard currency != .euro, unit.contains("€") else { return self }
        var display = self
        display.unit = unit == "M€" ? currency.unit("M") : unit == "€/MWh" ? currency.per("MWh")
            : unit.replacingOccurrences(of: "€", with: currency.symbol)
        return display
    }

    /// `value` in this display's style; "–" when missing.
    public func text(_ value: Double) -> String {
        switch style {
        case .number(let decimals): return NumberText.grouped(value, decimals: decimals)
        case .percent(let decimals): return value.isFinite ? NumberText.grouped(value * 100, decimals: decimals) : NumberText.missing
        case .millionEuros: return NumberText.grouped(value / 1e6, decimals: 2)
        case .scientific:
            guard value.isFinite else { return NumberText.missing }
            return value == 0 ? "0" : String(format: "%.1e", value)
        case .verdict:
            switch value {
            case 1: return "PASS"
            case 0: return "FAIL"
            default: return "not assessed"
            }
        case .years:
            return value == .infinity ? "never" : NumberText.grouped(value, decimals: 1)
        }
    }

    /// The value and its unit together (`25.6 %`, `1.098`, `40,395 MWh`).
    public func textWithUnit(_ value: Double) -> String {
        let number = text(value)
        guard number != NumberText.missing, !unit.isEmpty, style != .verdict,
              !(style == .years && value == .infinity) else { return number }
        return number + " " + unit
    }

    /// The value converted to the unit a chart axis shows (`M€` for euros, `%` for fractions).
    public func chartValue(_ value: Double) -> Double {
        switch style {
        case .percent: value * 100
        case .millionEuros: value / 1e6
        default: value
        }
    }

    /// "Short label (unit)" for an axis title or column header.
    public var titleWithUnit: String { unit.isEmpty ? shortLabel : "\(shortLabel) (\(unit))" }
}
