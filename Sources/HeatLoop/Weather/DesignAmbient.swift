/// The cooling design condition of a weather year: the outdoor state the plant is sized for.
///
/// ASHRAE Handbook — Fundamentals 2021, ch. 14 ("Climatic Design Information"): annual design values are
/// percentiles of the year's hourly values. The **0.4 % dry bulb** is exceeded in 0.4 % of the hours
/// (35 of 8760); the **1 % wet bulb** (evaporation design) in 1 % (87 h). Both are read from the hourly
/// weather here, the dry bulb as given and the wet bulb from the hour's one psychrometric state
/// (`WeatherSeries.state(hour:)`: dry bulb, dew point and pressure), as the step weather reads it.
///
/// Taking both together is conservative: the wet bulb coincident with the 0.4 % dry bulb is lower than
/// the 1 % wet bulb in every shipped climate, so the adiabatic pads' and towers' design air is warmer
/// than any single design hour.
public struct DesignAmbient: Sendable, Equatable {
    /// Outdoor dry bulb exceeded in 0.4 % of the hours, °C.
    public var dryBulb: Double
    /// Outdoor wet bulb exceeded in 1 % of the hours, °C.
    public var wetBulb: Double

    /// Share of the year's hours above the design dry bulb.
    public static let dryBulbExceedance = 0.004
    /// Share of the year's hours above the design wet bulb.
    public static let wetBulbExceedance = 0.01

    /// The condition a site is designed for when no weather is at hand (library callers and tests that
    /// build a site without a weather file): a hot temperate summer, 35 °C dry bulb and 24 °C wet bulb.
    public static let withoutWeather = DesignAmbient(dryBulb: 35, wetBulb: 24)

    public init(dryBulb: Double, wetBulb: Double) {
        self.dryBulb = dryBulb
        self.wetBulb = wetBulb
    }

    /// The design condition of an hourly weather year.
    public init(weather: WeatherSeries) {
        let wetBulbs = weather.dryBulb.indices.map { weather.state(hour: $0).wetBulb }
        self.init(dryBulb: Self.exceeded(weather.dryBulb, share: Self.dryBulbExceedance),
                  wetBulb: Self.exceeded(wetBulbs, share: Self.wetBulbExceedance))
    }

    /// The value exceeded by `share` of `values` (the ⌊share · n⌋-th largest, counting from 0): for 8760
    /// hours and 0.4 %, the 36th warmest hour, with 35 warmer.
    static func exceeded(_ values: [Double], share: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted(by: >)
        return sorted[min(sorted.count - 1, Int((share * Double(sorted.count)).rounded(.down)))]
    }
}
