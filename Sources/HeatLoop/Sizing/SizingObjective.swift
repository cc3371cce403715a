import Foundation

/// What a sizing sweep optimises (DESIGN §3.8), and the design-table column it reads.
public enum SizingObjective: String, Sendable, CaseIterable {
    /// Net present value, maximised.
    case npv
    /// Levelised cost of delivered heat, minimised.
    case lcoh
    /// Heat delivered to the network per year, maximised.
    case heatDelivered = "heat_delivered"
    /// CO2 avoided over the project life, maximised.
    case co2Avoided = "co2_avoided"

    public var column: String {
        switch self {
        case .npv: "npv_eur"
        case .lcoh: "lcoh_eur_per_MWh"
        case .heatDelivered: "heat_delivered_MWh"
        case .co2Avoided: "co2_avoided_lifetime_t"
        }
    }

    public var isMaximised: Bool { self != .lcoh }

    /// True when `a` is better than `b` (NaN is never better).
    public func prefers(_ a: Double, over b: Double) -> Bool {
        guard !a.isNaN else { return false }
        guard !b.isNaN else { return true }
        return isMaximised ? a > b : a < b
    }
}

/// A bound on one design-table column (`erf ≥ 0.2`, `payback_years ≤ 8`). A NaN value fails it.
public struct DesignConstraint: Sendable, Equatable {
    public var column: String
    public var minimum: Double?
    public var maximum: Double?

    public init(column: String, minimum: Double? = nil, maximum: Double? = nil) {
        self.column = column
        self.minimum = minimum
        self.maximum = maximum
    }

    public func isSatisfied(by value: Double) -> Bool {
        guard !value.isNaN else { return false }
        if let minimum, value < minimum { return false }
        if let maximum, value > maximum { return false }
        return true
    }

    /// `erf ≥ 0.2`, `payback_years ≤ 8`, `0.1 ≤ erf ≤ 0.3`.
    public var description: String {
        switch (minimum, maximum) {
        case let (low?, high?): "\(shortNumber(low)) ≤ \(column) ≤ \(shortNumber(high))"
        case let (low?, nil): "\(column) ≥ \(shortNumber(low))"
        case let (nil, high?): "\(column) ≤ \(shortNumber(high))"
        case (nil, nil): "\(column) (no bound)"
        }
    }
}

/// Short, exact-enough text for a number in a sentence (`8`, `0.2`, `1.25e+06`).
func shortNumber(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e9 { return String(Int(value)) }
    return String(format: "%.4g", value)
}
