/// An ASHRAE TC 9.9 air-inlet envelope: a dry-bulb range and a moisture range bounded by dew point
/// and relative humidity. A state is inside when every bound holds (bounds inclusive):
///
///     T_db,min ≤ T_db ≤ T_db,max
///     T_dp ≥ T_dp,min  and  φ ≥ φ_min
///     T_dp ≤ T_dp,max  and  φ ≤ φ_max
///
/// Temperatures in °C, relative humidity φ as a fraction 0…1 (as `Psychrometrics`).
/// Source: ASHRAE TC 9.9, *Thermal Guidelines for Data Processing Environments*, 5th ed. (2021),
/// Table 2.1 and Figure 2.2 (ITE inlet conditions, equipment powered on).
public struct ASHRAEAirEnvelope: Sendable, Equatable {
    public var dryBulb: ClosedRange<Double>
    public var minimumDewPoint: Double
    public var minimumRelativeHumidity: Double
    public var maximumDewPoint: Double
    public var maximumRelativeHumidity: Double

    public init(dryBulb: ClosedRange<Double>, minimumDewPoint: Double, minimumRelativeHumidity: Double,
                maximumDewPoint: Double, maximumRelativeHumidity: Double) {
        self.dryBulb = dryBulb
        self.minimumDewPoint = minimumDewPoint
        self.minimumRelativeHumidity = minimumRelativeHumidity
        self.maximumDewPoint = maximumDewPoint
        self.maximumRelativeHumidity = maximumRelativeHumidity
    }

    /// True when the inlet state lies inside the envelope. The three inputs describe one state; the
    /// caller passes all three so no psychrometric solve is needed here.
    public func contains(dryBulb t: Double, dewPoint: Double, relativeHumidity: Double) -> Bool {
        dryBulb.contains(t) && containsMoisture(dewPoint: dewPoint, relativeHumidity: relativeHumidity)
    }

    /// True when the moisture bounds hold (dew point and relative humidity), whatever the dry bulb: the
    /// humidity half of `contains`, to report temperature and humidity excursions apart.
    public func containsMoisture(dewPoint: Double, relativeHumidity: Double) -> Bool {
        dewPoint >= minimumDewPoint && relativeHumidity >= minimumRelativeHumidity
            && dewPoint <= maximumDewPoint && relativeHumidity <= maximumRelativeHumidity
    }
}

/// ASHRAE TC 9.9 air-cooled equipment classes (5th ed., 2021). All share the recommended envelope
/// 18–27 °C, dew point −9…15 °C, RH ≤ 70 % (the 5th edition's upper limit where gaseous
/// contamination is low; 50 % otherwise) — except H1 (high-density equipment, new in the 5th
/// edition), recommended 18–22 °C. Allowable:
///
/// | class | dry bulb °C | low moisture          | high moisture        |
/// |-------|-------------|-----------------------|----------------------|
/// | A1    | 15–32       | −12 °C dp and 8 % RH  | 17 °C dp and 80 % RH |
/// | A2    | 10–35       | −12 °C dp and 8 % RH  | 21 °C dp and 80 % RH |
/// | A3    | 5–40        | −12 °C dp and 8 % RH  | 24 °C dp and 85 % RH |
/// | A4    | 5–45        | −12 °C dp and 8 % RH  | 24 °C dp and 90 % RH |
/// | H1    | 5–25        | −12 °C dp and 8 % RH  | 17 °C dp and 80 % RH |
public enum ASHRAEAirClass: String, Sendable, CaseIterable {
    case a1 = "A1"
    case a2 = "A2"
    case a3 = "A3"
    case a4 = "A4"
    case h1 = "H1"

    /// Parses a site-file name ("A1", "a3", "H1"); nil for anything else (see `allNames`).
    public init?(name: String) {
        self.init(rawValue: name.uppercased())
    }

    /// Every accepted name, for error messages.
    public static var allNames: [String] { allCases.map(\.rawValue) }

    public var name: String { rawValue }

    public var recommended: ASHRAEAirEnvelope {
        let upper = self == .h1 ? 22.0 : 27.0
        return ASHRAEAirEnvelope(dryBulb: 18 ... upper, minimumDewPoint: -9, minimumRelativeHumidity: 0,
                                 maximumDewPoint: 15, maximumRelativeHumidity: 0.70)
    }

    public var allowable: ASHRAEAirEnvelope {
        let (range, dewPoint, humidity): (ClosedRange<Double>, Double, Double) = switch self {
        case .a1: (15 ... 32, 17, 0.80)
        case .a2: (10 ... 35, 21, 0.80)
        case .a3: (5 ... 40, 24, 0.85)
        case .a4: (5 ... 45, 24, 0.90)
        case .h1: (5 ... 25, 17, 0.80)
        }
        return ASHRAEAirEnvelope(dryBulb: range, minimumDewPoint: -12, minimumRelativeHumidity: 0.08,
                                 maximumDewPoint: dewPoint, maximumRelativeHumidity: humidity)
    }

    public func isRecommended(dryBulb: Double, dewPoint: Double, relativeHumidity: Double) -> Bool {
        recommended.contains(dryBulb: dryBulb, dewPoint: dewPoint, relativeHumidity: relativeHumidity)
    }

    public func isAllowable(dryBulb: Double, dewPoint: Double, relativeHumidity: Double) -> Bool {
        allowable.contains(dryBulb: dryBulb, dewPoint: dewPoint, relativeHumidity: relativeHumidity)
    }
}

/// ASHRAE TC 9.9 liquid-cooling classes by maximum facility water supply temperature (5th ed. 2021,
/// after the 2011 W1–W5 classes were renamed by their limit): W17 ≤ 17 °C, W27 ≤ 27 °C, W32 ≤ 32 °C,
/// W40 ≤ 40 °C, W45 ≤ 45 °C, W+ > 45 °C (no upper limit defined). Only the maximum is checked:
/// the lower bound is the room dew point (condensation), which is the facility's concern.
public enum ASHRAELiquidClass: String, Sendable, CaseIterable {
    case w17 = "W17"
    case w27 = "W27"
    case w32 = "W32"
    case w40 = "W40"
    case w45 = "W45"
    case wPlus = "W+"

    /// Parses a site-file name ("W32", "w+"); nil for anything else (see `allNames`).
    public init?(name: String) {
        self.init(rawValue: name.uppercased())
    }

    public static var allNames: [String] { allCases.map(\.rawValue) }

    public var name: String { rawValue }

    /// Highest facility water supply temperature of the class; nil for W+.
    public var maximumSupply: Celsius? {
        switch self {
        case .w17: Celsius(17)
        case .w27: Celsius(27)
        case .w32: Celsius(32)
        case .w40: Celsius(40)
        case .w45: Celsius(45)
        case .wPlus: nil
        }
    }

    /// True when water supplied at `supply` °C is within the class.
    public func allows(supply: Double) -> Bool {
        guard let maximum = maximumSupply else { return supply.isFinite }
        return supply <= maximum.value
    }
}
