/// Where a weather record was measured (from the EPW `LOCATION` line).
public struct WeatherLocation: Sendable, Equatable {
    public var city: String
    public var country: String
    public var latitude: Double
    public var longitude: Double
    /// Hours from UTC of the file's local standard time.
    public var timeZone: Double
    /// Metres above sea level.
    public var elevation: Double
    public init(city: String, country: String, latitude: Double, longitude: Double, timeZone: Double,
                elevation: Double) {
        self.city = city
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
        self.timeZone = timeZone
        self.elevation = elevation
    }
}

/// An hourly weather year, 8760 values per column, row `i` = the hour ending at `(i + 1)` h after
/// 1 January 00:00 local standard time (EPW convention). Leap-year files are mapped onto 365 days by
/// the reader (29 February dropped). Missing values have already been filled.
public struct WeatherSeries: Sendable {
    public static let hoursPerYear = 8760

    public var location: WeatherLocation
    /// Dry-bulb temperature, °C.
    public var dryBulb: [Double]
    /// Dew-point temperature, °C.
    public var dewPoint: [Double]
    /// Relative humidity, % (0…100).
    public var relativeHumidity: [Double]
    /// Station pressure, Pa.
    public var pressure: [Double]
    /// Wind speed, m/s.
    public var windSpeed: [Double]
    /// How many values were missing and filled, per column name (`dry_bulb`, …). Empty when none.
    public var filledValues: [String: Int]
    /// Corrections the reader made besides filling, each a sentence naming file and line, for a warning.
    public var corrections: [String] = []

    public init(location: WeatherLocation, dryBulb: [Double], dewPoint: [Double], relativeHumidity: [Double],
                pressure: [Double], windSpeed: [Double], filledValues: [String: Int] = [:]) {
        self.location = location
        self.dryBulb = dryBulb
        self.dewPoint = dewPoint
        self.relativeHumidity = relativeHumidity
        self.pressure = pressure
        self.windSpeed = windSpeed
        self.filledValues = filledValues
    }
}

/// Weather at each simulation step's midpoint, as columns.
public struct StepWeather: Sendable {
    public var dryBulb: [Double]
    public var wetBulb: [Double]
    public var dewPoint: [Double]
    public var relativeHumidity: [Double]
    public var pressure: [Double]
    /// 24 h running mean of the dry bulb ending at each step (for heating demand), °C.
    public var dryBulbDailyMean: [Double]

    public var count: Int { dryBulb.count }
}

extension WeatherSeries {
    /// Linear interpolation of the hourly values to step midpoints.
    ///
    /// EPW row `i` is treated as instantaneous at `(i + 1)` h (the hour ending then), as EnergyPlus does
    /// for sub-hourly steps; the year wraps, so the first hour interpolates between 31 Dec 24:00 and
    /// 1 Jan 01:00. The wet bulb is solved once per hour from dry bulb, humidity and pressure (ASHRAE
    /// psychrometrics) and interpolated like the other columns: within an hour the error of that is far
    /// below the 0.01 K the solver itself resolves, and 8760 solves cost less than 525 600.
    public func atStepMidpoints(stepMinutes: Int) -> StepWeather {
        let count = WeatherSeries.hoursPerYear * 60 / stepMinutes
        var result = StepWeather(
            dryBulb: .init(repeating: 0, count: count), wetBulb: .init(repeating: 0, count: count),
            dewPoint: .init(repeating: 0, count: count), relativeHumidity: .init(repeating: 0, count: count),
            pressure: .init(repeating: 0, count: count), dryBulbDailyMean: .init(repeating: 0, count: count))
        let hours = WeatherSeries.hoursPerYear
        let wetBulb = (0..<hours).map {
            Psychrometrics.wetBulb(
                dryBulb: dryBulb[$0], relativeHumidity: min(100, max(0, relativeHumidity[$0])) / 100,
                pressure: pressure[$0])
        }
        // Hourly 24 h running mean of the dry bulb (ending at each hour), wrapping at the year start.
        var dailyMean = [Double](repeating: 0, count: hours)
        var window = (0..<24).reduce(0.0) { $0 + dryBulb[(hours - 24 + $1) % hours] }
        for hour in 0..<hours {
            window += dryBulb[hour] - dryBulb[(hour + hours - 24) % hours]
            dailyMean[hour] = window / 24
        }
        for step in 0..<count {
            // Midpoint in hours since 1 Jan 00:00; value i sits at (i + 1) h.
            let midpoint = (Double(step) + 0.5) * Double(stepMinutes) / 60
            let position = midpoint - 1
            let lowerIndex = Int(position.rounded(.down))
            let weight = position - Double(lowerIndex)
            let lower = (lowerIndex + hours) % hours
            let upper = (lowerIndex + 1) % hours
            @inline(__always) func interpolate(_ column: [Double]) -> Double {
                column[lower] + (column[upper] - column[lower]) * weight
            }
            let dryBulbValue = interpolate(dryBulb)
            let humidity = min(100, max(0, interpolate(relativeHumidity)))
            let pressureValue = interpolate(pressure)
            result.dryBulb[step] = dryBulbValue
            result.relativeHumidity[step] = humidity
            result.pressure[step] = pressureValue
            result.dewPoint[step] = interpolate(dewPoint)
            result.wetBulb[step] = min(dryBulbValue, interpolate(wetBulb))
            result.dryBulbDailyMean[step] = interpolate(dailyMean)
        }
        return result
    }
}
