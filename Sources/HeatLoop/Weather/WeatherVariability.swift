import Foundation

/// How much a month's mean weather varies from one year to the next: the spread of the monthly-mean
/// anomalies of dry bulb and relative humidity, and their month-to-month lag-1 autocorrelation. The
/// stochastic weather generator (`WeatherGenerator`) draws its anomalies from these.
///
/// **Default: the climate noise of the weather file itself** (Leith 1973; Madden 1976). The daily means of
/// month m, about their linear trend within the month, are modelled as a first-order autoregressive
/// process with standard deviation σ_d,m and lag-1 autocorrelation φ_m; the variance of the mean of the
/// month's N_m days is then
///
///     σ²_m = σ²_d,m / N_m² · [ N_m (1 + φ_m)/(1 − φ_m) − 2 φ_m (1 − φ_m^N_m)/(1 − φ_m)² ]
///
/// (Leith 1973, eq. 5 in the discrete form; Madden 1976, eq. 6), and the correlation of the means of two
/// adjacent months of the same process
///
///     ρ = φ (1 − φ^N)² / (1 − φ)² / (N² σ²_m / σ²_d)
///
/// averaged over the 12 month pairs (with each pair's φ and N taken as the earlier month's). This is the
/// spread that day-to-day weather alone gives a monthly mean: observed interannual spreads are as large
/// or larger (Madden and Shea 1978 find "potential predictability" above the noise in some seasons and
/// places), so it is a floor, not a fit. A site with a longer record overrides it
/// (`WeatherVariability(dryBulbSD:relativeHumiditySD:lag1:)`), e.g. with the NOAA normals' standard
/// deviations of monthly mean temperature.
///
/// Sources: C. E. Leith, "The standard error of time-average estimates of climatic means", J. Appl.
/// Meteor. 12 (1973) 1066–1069; R. A. Madden, "Estimates of the natural variability of time-averaged
/// sea-level pressure", Mon. Wea. Rev. 104 (1976) 942–952; R. A. Madden, D. J. Shea, "Estimates of the
/// natural variability of time-averaged temperatures over the United States", Mon. Wea. Rev. 106 (1978)
/// 1695–1703.
public struct WeatherVariability: Sendable, Equatable {
    /// Standard deviation of the monthly-mean dry-bulb anomaly, K, January first (12 values ≥ 0).
    public let dryBulbSD: [Double]
    /// Standard deviation of the monthly-mean relative-humidity anomaly, percentage points (12 values ≥ 0).
    public let relativeHumiditySD: [Double]
    /// Lag-1 autocorrelation of the monthly anomalies (month to month, also December → January of the
    /// next year), −1 < ρ < 1.
    public let lag1: Double

    /// Checks shapes and ranges: 12 finite, non-negative values per list; |lag1| < 1.
    public init(dryBulbSD: [Double], relativeHumiditySD: [Double], lag1: Double) throws(WeatherGeneratorError) {
        for (name, values) in [("dry_bulb_sd_k", dryBulbSD), ("rh_sd_pct", relativeHumiditySD)] {
            guard values.count == 12 else { throw .wrongCount(name, found: values.count) }
            if let month = values.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
                throw .invalidValue(name, month: month + 1)
            }
        }
        guard lag1.isFinite, abs(lag1) < 1 else { throw .lag1OutOfRange(lag1) }
        self.dryBulbSD = dryBulbSD
        self.relativeHumiditySD = relativeHumiditySD
        self.lag1 = lag1
    }

    /// The climate noise of `weather` (an 8760-hour year): see the type's description.
    public init(climateNoiseOf weather: WeatherSeries) {
        let temperature = DailyAnomalyStatistics(weather.dryBulb)
        let humidity = DailyAnomalyStatistics(weather.relativeHumidity)
        dryBulbSD = temperature.monthlyMeanSD
        relativeHumiditySD = humidity.monthlyMeanSD
        lag1 = temperature.adjacentMonthCorrelation
    }
}

/// Daily means of an hourly column, per month about the month's linear trend: their standard deviation
/// σ_d,m and lag-1 autocorrelation φ_m (clamped to 0…0.95), and what they give a monthly mean under an
/// AR(1) model (`WeatherVariability`).
struct DailyAnomalyStatistics {
    var dailySD: [Double] = []
    var dailyLag1: [Double] = []

    init(_ hourly: [Double]) {
        var dayStart = 0
        for days in SimulationCalendar.daysPerMonth {
            let means = (dayStart..<(dayStart + days)).map { day in
                hourly[(day * 24)..<(day * 24 + 24)].reduce(0, +) / 24
            }
            let residuals = Self.detrended(means)
            let variance = residuals.reduce(0) { $0 + $1 * $1 } / Double(days)
            let lagged = zip(residuals, residuals.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 } / Double(days)
            dailySD.append(variance.squareRoot())
            dailyLag1.append(variance > 0 ? min(max(lagged / variance, 0), 0.95) : 0)
            dayStart += days
        }
    }

    /// Residuals of a least-squares line through `values` against their index.
    static func detrended(_ values: [Double]) -> [Double] {
        let count = Double(values.count)
        let meanX = (count - 1) / 2, meanY = values.reduce(0, +) / count
        var covariance = 0.0, varianceX = 0.0
        for (index, value) in values.enumerated() {
            covariance += (Double(index) - meanX) * (value - meanY)
            varianceX += (Double(index) - meanX) * (Double(index) - meanX)
        }
        let slope = varianceX > 0 ? covariance / varianceX : 0
        return values.enumerated().map { $1 - meanY - slope * (Double($0) - meanX) }
    }

    /// Variance of an N-day mean of a unit-variance AR(1) process with lag-1 autocorrelation φ.
    static func meanVarianceFactor(days: Int, lag1 phi: Double) -> Double {
        let n = Double(days)
        guard phi > 0 else { return 1 / n }
        let sum = n * (1 + phi) / (1 - phi) - 2 * phi * (1 - pow(phi, n)) / ((1 - phi) * (1 - phi))
        return sum / (n * n)
    }

    var monthlyMeanSD: [Double] {
        (0..<12).map { month in
            dailySD[month] * Self.meanVarianceFactor(days: SimulationCalendar.daysPerMonth[month],
                                                      lag1: dailyLag1[month]).squareRoot()
        }
    }

    /// Mean over the 12 month pairs of the AR(1) correlation of two adjacent N-day means.
    var adjacentMonthCorrelation: Double {
        let correlations = (0..<12).map { month -> Double in
            let phi = dailyLag1[month], days = SimulationCalendar.daysPerMonth[month]
            guard phi > 0 else { return 0 }
            let n = Double(days)
            let covariance = phi * pow(1 - pow(phi, n), 2) / ((1 - phi) * (1 - phi)) / (n * n)
            return covariance / Self.meanVarianceFactor(days: days, lag1: phi)
        }
        return correlations.reduce(0, +) / 12
    }
}

/// Why weather-generator parameters cannot be used (the file layer names the file and key).
public enum WeatherGeneratorError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongCount(String, found: Int)
    case invalidValue(String, month: Int)
    case lag1OutOfRange(Double)
    case notAnHourlyYear(hours: Int)

    public var description: String {
        switch self {
        case .wrongCount(let name, let found):
            "\(name): expected 12 monthly values (January…December), found \(found)"
        case .invalidValue(let name, let month):
            "\(name): the value for month \(month) is not a finite number ≥ 0"
        case .lag1OutOfRange(let value):
            "lag1 = \(value): a lag-1 autocorrelation must lie strictly between -1 and 1"
        case .notAnHourlyYear(let hours):
            "the weather generator needs an hourly year of \(WeatherSeries.hoursPerYear) values, found \(hours)"
        }
    }
}
