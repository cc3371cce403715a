/// What an hourly weather year means for cooling and heating: monthly and annual means, degree-hours,
/// and the hours cool enough for free cooling.
///
/// Per period (each month and the year), over its hourly values (EPW row i = the hour ending at i + 1 h):
///
///     mean dry bulb, wet bulb, RH       arithmetic means of the hourly values (°C, °C, %)
///     HDH = Σ max(0, T_base,h − T)      heating degree-hours, K·h, base 15 °C (default)
///     CDH = Σ max(0, T − T_base,c)      cooling degree-hours, K·h, base 18 °C (default)
///     hours with T ≤ θ (each dry-bulb threshold θ) and with T_wb ≤ θ (each wet-bulb threshold), h
///     minimum and maximum dry bulb and wet bulb (°C)
///
/// Wet bulb and RH are those of each hour's `OutdoorAirState` (dry bulb, dew point and station pressure
/// define the state; thermodynamic wet bulb, ASHRAE Fundamentals 2017 ch. 1 eq. 33/35), as the step loop
/// uses. `humidityDisagreementHours` counts the hours whose RH and dew-point columns disagree by more than
/// 1 K of dew point (`WeatherSeries.humidityDisagreementHours`); the RH column is not read otherwise.
/// Dry-bulb thresholds mark air-side economiser and dry-cooler free cooling (e.g. 18/24/27 °C: the ASHRAE
/// recommended inlet limit of 27 °C minus approaches); wet-bulb thresholds mark cooling-tower free
/// cooling (e.g. 12/15 °C). Degree-hours use the hourly form of the degree-day definition (CIBSE TM41,
/// "Degree-days: theory and application", 2006, §2).
public struct ClimateSummary: Sendable, Equatable {
    /// Default heating base temperature, °C.
    public static let defaultHeatingBase = 15.0
    /// Default cooling base temperature, °C.
    public static let defaultCoolingBase = 18.0
    /// Default free-cooling dry-bulb thresholds, °C.
    public static let defaultDryBulbThresholds = [18.0, 24.0, 27.0]
    /// Default free-cooling wet-bulb thresholds, °C.
    public static let defaultWetBulbThresholds = [12.0, 15.0]

    /// One month or the whole year.
    public struct Period: Sendable, Equatable {
        /// Hours in the period.
        public var hours = 0
        /// Mean dry bulb, °C.
        public var meanDryBulb = 0.0
        /// Mean thermodynamic wet bulb, °C.
        public var meanWetBulb = 0.0
        /// Mean relative humidity, %.
        public var meanRelativeHumidity = 0.0
        /// Lowest and highest dry bulb, °C.
        public var minimumDryBulb = Double.infinity
        public var maximumDryBulb = -Double.infinity
        /// Lowest and highest wet bulb, °C.
        public var minimumWetBulb = Double.infinity
        public var maximumWetBulb = -Double.infinity
        /// Heating degree-hours below the heating base, K·h.
        public var heatingDegreeHours = 0.0
        /// Cooling degree-hours above the cooling base, K·h.
        public var coolingDegreeHours = 0.0
        /// Hours with dry bulb ≤ each of `ClimateSummary.dryBulbThresholds`, h.
        public var hoursAtOrBelowDryBulb: [Int] = []
        /// Hours with wet bulb ≤ each of `ClimateSummary.wetBulbThresholds`, h.
        public var hoursAtOrBelowWetBulb: [Int] = []
    }

    public var heatingBase: Double
    public var coolingBase: Double
    /// Dry-bulb free-cooling thresholds, °C, in the order given.
    public var dryBulbThresholds: [Double]
    /// Wet-bulb free-cooling thresholds, °C, in the order given.
    public var wetBulbThresholds: [Double]
    /// January…December (12 entries; months without hours have `hours == 0` and NaN means).
    public var months: [Period]
    public var year: Period
    /// Hours whose RH and dew-point columns disagree by more than 1 K of dew point, h.
    public var humidityDisagreementHours: Int

    /// Summarises `weather` (8760 hourly rows; months follow the 365-day calendar, hours beyond day 365
    /// count in December). Temperatures in °C, thresholds and bases in °C.
    public init(weather: WeatherSeries,
                dryBulbThresholds: [Double] = ClimateSummary.defaultDryBulbThresholds,
                wetBulbThresholds: [Double] = ClimateSummary.defaultWetBulbThresholds,
                heatingBase: Double = ClimateSummary.defaultHeatingBase,
                coolingBase: Double = ClimateSummary.defaultCoolingBase) {
        self.heatingBase = heatingBase
        self.coolingBase = coolingBase
        self.dryBulbThresholds = dryBulbThresholds
        self.wetBulbThresholds = wetBulbThresholds
        var empty = Period()
        empty.hoursAtOrBelowDryBulb = [Int](repeating: 0, count: dryBulbThresholds.count)
        empty.hoursAtOrBelowWetBulb = [Int](repeating: 0, count: wetBulbThresholds.count)
        var months = [Period](repeating: empty, count: 12)
        var year = empty

        func add(_ period: inout Period, dryBulb: Double, wetBulb: Double, humidity: Double) {
            period.hours += 1
            period.meanDryBulb += dryBulb
            period.meanWetBulb += wetBulb
            period.meanRelativeHumidity += humidity
            period.minimumDryBulb = min(period.minimumDryBulb, dryBulb)
            period.maximumDryBulb = max(period.maximumDryBulb, dryBulb)
            period.minimumWetBulb = min(period.minimumWetBulb, wetBulb)
            period.maximumWetBulb = max(period.maximumWetBulb, wetBulb)
            period.heatingDegreeHours += max(0, heatingBase - dryBulb)
            period.coolingDegreeHours += max(0, dryBulb - coolingBase)
            for (index, threshold) in dryBulbThresholds.enumerated() where dryBulb <= threshold {
                period.hoursAtOrBelowDryBulb[index] += 1
            }
            for (index, threshold) in wetBulbThresholds.enumerated() where wetBulb <= threshold {
                period.hoursAtOrBelowWetBulb[index] += 1
            }
        }

        let count = min(weather.dryBulb.count, weather.dewPoint.count, weather.pressure.count)
        let lastDay = SimulationCalendar.monthOfDay.count - 1
        for hour in 0..<count {
            let state = weather.state(hour: hour)
            let dryBulb = state.dryBulb, wetBulb = state.wetBulb, humidity = state.relativeHumidity
            let month = SimulationCalendar.monthOfDay[min(hour / 24, lastDay)]
            add(&months[month], dryBulb: dryBulb, wetBulb: wetBulb, humidity: humidity)
            add(&year, dryBulb: dryBulb, wetBulb: wetBulb, humidity: humidity)
        }
        for index in months.indices { Self.finish(&months[index]) }
        Self.finish(&year)
        self.months = months
        self.year = year
        humidityDisagreementHours = weather.humidityDisagreementHours
    }

    /// Sums → means (NaN for an empty period).
    private static func finish(_ period: inout Period) {
        let hours = Double(period.hours)
        period.meanDryBulb /= hours
        period.meanWetBulb /= hours
        period.meanRelativeHumidity /= hours
        if period.hours == 0 {
            period.minimumDryBulb = .nan
            period.maximumDryBulb = .nan
            period.minimumWetBulb = .nan
            period.maximumWetBulb = .nan
        }
    }
}
