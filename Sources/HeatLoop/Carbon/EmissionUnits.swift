import Foundation

/// Units in which papers state grid intensity and emissions; the card computes in kg and g/kWh and
/// converts at the edges, so a paper's inputs are taken in its own terms.
public enum EmissionMassUnit: String, Sendable, CaseIterable {
    case grams = "g"
    case kilograms = "kg"
    case tonnes = "t"
    /// Avoirdupois pound, 0.45359237 kg exactly (international yard and pound agreement, 1959).
    case pounds = "lbs"

    /// Kilograms in one unit.
    public var kilograms: Double {
        switch self {
        case .grams: 1e-3
        case .kilograms: 1
        case .tonnes: 1e3
        case .pounds: 0.45359237
        }
    }

    /// A mass in this unit from kilograms.
    public func fromKilograms(_ kg: Double) -> Double { kg / kilograms }

    /// The unit a symbol such as "lbs", "lbsCO2e", "tCO2e (net)", "kg CO2eq" starts with; nil if none.
    public init?(symbol: String) {
        let text = symbol.trimmingCharacters(in: .whitespaces).lowercased()
        let prefixes: [(String, EmissionMassUnit)] = [("lbs", .pounds), ("lb", .pounds), ("kg", .kilograms),
                                                       ("g", .grams), ("t", .tonnes)]
        guard let match = prefixes.first(where: { text.hasPrefix($0.0) }) else { return nil }
        self = match.1
    }
}

/// Grid carbon intensity: a mass of CO2e per kWh of electricity, in a stated mass unit.
public struct GridIntensityValue: Sendable, Equatable {
    public var value: Double
    public var unit: EmissionMassUnit

    public init(_ value: Double, _ unit: EmissionMassUnit) {
        self.value = value
        self.unit = unit
    }

    public init(gramsPerKWh: Double) { self.init(gramsPerKWh, .grams) }

    /// g CO2e per kWh.
    public var gramsPerKWh: Double { value * unit.kilograms * 1000 }

    /// An intensity from a paper's unit text, e.g. "lbsCO2e/kWh", "kgCO2e/kWh (net; gross=0.429)",
    /// "g/kWh": the mass unit before the "/"; nil when the text is not "mass per kWh".
    public init?(_ value: Double, unitText: String) {
        let parts = unitText.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, parts[1].lowercased().hasPrefix("kwh"),
              let unit = EmissionMassUnit(symbol: String(parts[0])) else { return nil }
        self.init(value, unit)
    }
}
