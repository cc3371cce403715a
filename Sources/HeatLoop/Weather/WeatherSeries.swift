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

/// Weather at each simulation step's midpoint, as columns: one `OutdoorAirState` per step.
public struct StepWeather: Sendable {
    public var dryBulb: [Double]
    public var wetBulb: [Double]
    /// Dew (frost, at or below 0.01 °C) point, °C.
    public var dewPoint: [Double]
    /// %, over ice at or below 0.01 °C (PsychroLib convention).
    public var relativeHumidity: [Double]
    public var pressure: [Double]
    /// kg water per kg dry air.
    public var humidityRatio: [Double]
    /// 24 h running mean of the dry bulb ending at each step (for heating demand), °C.
    public var dryBulbDailyMean: [Double]

    public var count: Int { dryBulb.count }
}

extension WeatherSeries {
    /// The state of hour `hour` (row index), read as `OutdoorAirState` describes (dry bulb, dew point and
    /// pressure; the RH column is not used). The wet bulb is solved by bisection.
    public func state(hour: Int) -> OutdoorAirState {
        OutdoorAirState(dryBulb: dryBulb[hour], stationDewPoint: dewPoint[hour], pressure: pressure[hour])
    }

    /// Largest difference between the dew-point column and the dew point over water of the dry bulb and
    /// RH columns that counts as a disagreement of the two humidity columns, K.
    public static let humidityDisagreementThreshold = 1.0

    /// Hours whose dew-point column differs by more than `humidityDisagreementThreshold` from the dew
    /// point over liquid water of their dry bulb and RH columns (`ClimateMorph.dewPointOverWater`, the
    /// WMO convention both columns follow). Such a file is read from its dew points (`OutdoorAirState`).
    public var humidityDisagreementHours: Int {
        let count = min(dryBulb.count, dewPoint.count, relativeHumidity.count)
        return (0..<count).reduce(0) { hours, hour in
            let fromHumidity = ClimateMorph.dewPointOverWater(
                dryBulb: dryBulb[hour], relativeHumidity: relativeHumidity[hour])
            let disagrees = abs(min(dewPoint[hour], dryBulb[hour]) - fromHumidity)
                > WeatherSeries.humidityDisagreementThreshold
            return hours + (disagrees ? 1 : 0)
        }
    }

    /// One outdoor-air state per step midpoint.
    ///
    /// Dry bulb, dew point and pressure are interpolated linearly between hours (EPW row `i` is treated as
    /// instantaneous at `(i + 1)` h, the hour ending then, as EnergyPlus does for sub-hourly steps; the year
    /// wraps, so the first hour interpolates between 31 Dec 24:00 and 1 Jan 01:00); the dew point stays at
    /// or below the dry bulb because both ends are. Wet bulb, RH and humidity ratio are derived from that
    /// state at every step (`OutdoorAirState`; its enthalpy is not stored, as nothing reads it), so every
    /// column is psychrometrically consistent with every other at every step. The wet bulb's Newton iteration starts from the hourly wet bulbs
    /// interpolated, the frost point's from the hourly frost points (usually one or two steps per solve).
    public func atStepMidpoints(stepMinutes: Int) -> StepWeather {
        let count = WeatherSeries.hoursPerYear * 60 / stepMinutes
        func column() -> [Double] { .init(repeating: 0, count: count) }
        var result = StepWeather(
            dryBulb: column(), wetBulb: column(), dewPoint: column(), relativeHumidity: column(), pressure: column(),
            humidityRatio: column(), dryBulbDailyMean: column())
        let hours = WeatherSeries.hoursPerYear
        let hourly = (0..<hours).map { state(hour: $0) }
        let wetBulb = hourly.map(\.wetBulb), frostPoint = hourly.map(\.dewPoint)
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
            let state = OutdoorAirState(
                dryBulb: interpolate(dryBulb), stationDewPoint: interpolate(dewPoint), pressure: interpolate(pressure),
                estimate: (wetBulb: interpolate(wetBulb), dewPoint: interpolate(frostPoint)))
            result.dryBulb[step] = state.dryBulb
            result.wetBulb[step] = state.wetBulb
            result.dewPoint[step] = state.dewPoint
            result.relativeHumidity[step] = state.relativeHumidity
            result.pressure[step] = state.pressure
            result.humidityRatio[step] = state.humidityRatio
            result.dryBulbDailyMean[step] = interpolate(dailyMean)
        }
        return result
    }
}
