import Foundation

/// A climate scenario applied to an hourly weather year: the dry bulb is shifted (and, for morphing,
/// stretched), the relative humidity shifted, and the dew point recomputed from the two.
///
/// Both cases follow Belcher, Hacker and Powell (2005), "Constructing design weather data for future
/// climates", Building Services Engineering Research and Technology 26(1), 49–61, §2 ("shift", "stretch",
/// "shift and stretch"):
///
///     T   = T₀ + ΔT_m + α_m (T₀ − ⟨T₀⟩_m)                                     (dry bulb, °C)
///     α_m = (ΔTmax_m − ΔTmin_m) / (⟨T₀max⟩_m − ⟨T₀min⟩_m)
///     RH  = clamp(RH₀ + ΔRH_m, 0, 100)                                          (%)
///     T_d = dew point of (T, RH) over liquid water (ASHRAE Fundamentals 2017 ch. 1, eq. 6 inverted)
///
/// with m the calendar month of the hour, ⟨T₀⟩_m the month's mean dry bulb, ⟨T₀max⟩_m and ⟨T₀min⟩_m the
/// month's means of the daily maxima and minima (a day = the 24 EPW rows of hours 1…24). The shift moves
/// the monthly mean by exactly ΔT_m; the stretch changes the monthly mean diurnal range
/// ⟨T₀max⟩_m − ⟨T₀min⟩_m by exactly ΔTmax_m − ΔTmin_m (for α_m > −1 the map is increasing, so each day's
/// maximum and minimum stay on the same hours). Without maximum/minimum changes α_m = 0: a pure shift.
///
/// Humidity: Belcher et al. morph the relative humidity and derive the dew point from the morphed dry
/// bulb and RH (as the CCWorldWeatherGen tool that implements the paper does). A uniform warming
/// therefore keeps the RH and raises the dew point (absolute humidity grows with the saturation pressure,
/// ~7 %/K, Clausius–Clapeyron) — what climate models project to first order (near-constant RH) and what
/// DESIGN §3.1 specifies for `offset_k`. Keeping the dew point instead would dry the air with warming.
/// Pressure and wind are unchanged.
///
/// Weather files state RH relative to liquid water at every temperature (WMO convention; NSRDB TMY3 and
/// EPW data agree with eq. 6 to the RH rounding, also below 0 °C, but are ~0.5 K off a frost point
/// there), so the dew point is recomputed over liquid water with eq. 6 (Hyland–Wexler, extrapolated
/// below 0 °C), not with `Psychrometrics.dewPoint`, which switches to ice. With a zero change the
/// recomputed dew point thus matches the file's own.
public enum ClimateMorph: Sendable, Equatable {
    /// The same dry-bulb change every hour, RH kept: `T = T₀ + ΔT`, `RH = RH₀`, dew point recomputed.
    case offset(TemperatureDelta)
    /// Belcher et al. (2005) shift (and stretch) with twelve monthly factors.
    case monthly(MonthlyFactors)

    /// Twelve monthly change factors, January first, validated on construction.
    public struct MonthlyFactors: Sendable, Equatable {
        /// Change of the monthly mean dry bulb ΔT_m, K.
        public let dryBulbDelta: [Double]
        /// Changes of the monthly means of daily maximum and minimum dry bulb ΔTmax_m, ΔTmin_m, K; nil for
        /// a pure shift (α = 0).
        public let dryBulbMaxDelta: [Double]?
        public let dryBulbMinDelta: [Double]?
        /// Change of relative humidity ΔRH_m, percentage points; nil = unchanged.
        public let relativeHumidityDelta: [Double]?

        /// Checks shapes: every list has 12 finite values; maximum and minimum changes come together.
        public init(dryBulbDelta: [Double], dryBulbMaxDelta: [Double]? = nil, dryBulbMinDelta: [Double]? = nil,
                    relativeHumidityDelta: [Double]? = nil) throws(ClimateMorphError) {
            let lists: [(ClimateMorphError.Factor, [Double]?)] = [
                (.dryBulbDelta, dryBulbDelta), (.dryBulbMaxDelta, dryBulbMaxDelta),
                (.dryBulbMinDelta, dryBulbMinDelta), (.relativeHumidityDelta, relativeHumidityDelta),
            ]
            for case let (factor, values?) in lists {
                guard values.count == 12 else { throw .wrongCount(factor, found: values.count) }
                if let month = values.firstIndex(where: { !$0.isFinite }) {
                    throw .notFinite(factor, month: month + 1)
                }
            }
            switch (dryBulbMaxDelta, dryBulbMinDelta) {
            case (nil, nil), (_?, _?): break
            case (_?, nil): throw .unpaired(given: .dryBulbMaxDelta, missing: .dryBulbMinDelta)
            case (nil, _?): throw .unpaired(given: .dryBulbMinDelta, missing: .dryBulbMaxDelta)
            }
            self.dryBulbDelta = dryBulbDelta
            self.dryBulbMaxDelta = dryBulbMaxDelta
            self.dryBulbMinDelta = dryBulbMinDelta
            self.relativeHumidityDelta = relativeHumidityDelta
        }
    }

    /// The weather with this scenario applied (see `ClimateMorph`). Pressure, wind, location and the
    /// filled-value counts are carried over. An offset never fails; monthly factors fail when the series
    /// is not an 8760-hour year, or when a month's requested diurnal-range change would collapse or invert
    /// its days (α_m ≤ −1, or a month without diurnal range asked to gain one).
    public func apply(to weather: WeatherSeries) throws(ClimateMorphError) -> WeatherSeries {
        var result = weather
        switch self {
        case .offset(let delta):
            for hour in weather.dryBulb.indices {
                let dryBulb = weather.dryBulb[hour] + delta.value
                result.dryBulb[hour] = dryBulb
                result.dewPoint[hour] = Self.dewPointOverWater(
                    dryBulb: dryBulb, relativeHumidity: weather.relativeHumidity[hour])
            }
        case .monthly(let factors):
            let hours = WeatherSeries.hoursPerYear
            guard weather.dryBulb.count == hours, weather.relativeHumidity.count == hours else {
                throw .notAnHourlyYear(hours: weather.dryBulb.count)
            }
            let statistics = MonthlyDryBulbStatistics(weather.dryBulb)
            var stretch = [Double](repeating: 0, count: 12)
            if let maxDelta = factors.dryBulbMaxDelta, let minDelta = factors.dryBulbMinDelta {
                for month in 0..<12 {
                    let rangeChange = maxDelta[month] - minDelta[month]
                    let range = statistics.meanDailyMaximum[month] - statistics.meanDailyMinimum[month]
                    if rangeChange == 0 { continue }
                    guard range > 0, rangeChange / range > -1 else {
                        throw .diurnalRangeCollapses(month: month + 1, meanDiurnalRange: range, change: rangeChange)
                    }
                    stretch[month] = rangeChange / range
                }
            }
            for hour in 0..<hours {
                let month = SimulationCalendar.monthOfDay[hour / 24]
                let original = weather.dryBulb[hour]
                let dryBulb = original + factors.dryBulbDelta[month]
                    + stretch[month] * (original - statistics.mean[month])
                var humidity = weather.relativeHumidity[hour]
                if let humidityDelta = factors.relativeHumidityDelta {
                    humidity = min(100, max(0, humidity + humidityDelta[month]))
                }
                result.dryBulb[hour] = dryBulb
                result.relativeHumidity[hour] = humidity
                result.dewPoint[hour] = Self.dewPointOverWater(dryBulb: dryBulb, relativeHumidity: humidity)
            }
        }
        return result
    }
}

extension ClimateMorph {
    /// Dew point over liquid water, °C, from dry bulb t (°C) and relative humidity φ (%, clamped to
    /// 0…100, relative to liquid water):
    ///
    ///     ln p_ws,w(t_d) = ln φ + ln p_ws,w(t)
    ///     ln p_ws,w(T)   = C8/T + C9 + C10 T + C11 T² + C12 T³ + C13 ln T     (eq. 6, T in K)
    ///
    /// solved by Newton's method (ln p_ws,w is increasing and concave in T, so it converges from the dry
    /// bulb without overshoot) to 1e-9 K, at most 50 steps; temperatures are clamped to −100…200 °C and the
    /// result is capped at `dryBulb`. φ = 0 gives −100 °C, as `Psychrometrics` does.
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 6 (Hyland and Wexler 1983).
    public static func dewPointOverWater(dryBulb: Double, relativeHumidity: Double) -> Double {
        guard dryBulb.isFinite, relativeHumidity.isFinite else { return .nan }
        let range = Psychrometrics.temperatureRange
        let fraction = min(max(relativeHumidity / 100, 0), 1)
        guard fraction > 0 else { return min(range.lowerBound, dryBulb) }
        let target = log(fraction) + Psychrometrics.logSaturationVaporPressureOverWater(dryBulb)
        var estimate = min(max(dryBulb, range.lowerBound), range.upperBound)
        for _ in 0..<50 {
            let slope = Psychrometrics.derivativeOfLogSaturationVaporPressureOverWater(estimate)
            let residual = Psychrometrics.logSaturationVaporPressureOverWater(estimate) - target
            let next = min(max(estimate - residual / slope, range.lowerBound), range.upperBound)
            let step = abs(next - estimate)
            estimate = next
            if step <= 1e-9 { break }
        }
        return min(estimate, dryBulb)
    }
}

/// Monthly statistics of an 8760-hour dry-bulb column used by Belcher morphing (°C, index 0 = January):
/// the mean, and the means of the daily maxima and minima (day d = rows 24d ..< 24d + 24).
public struct MonthlyDryBulbStatistics: Sendable, Equatable {
    public var mean: [Double]
    public var meanDailyMaximum: [Double]
    public var meanDailyMinimum: [Double]

    /// Mean diurnal range ⟨Tmax⟩_m − ⟨Tmin⟩_m per month, K.
    public var meanDiurnalRange: [Double] { zip(meanDailyMaximum, meanDailyMinimum).map { $0 - $1 } }

    /// `dryBulb` must hold 8760 hourly values (365 days); extra values are ignored.
    public init(_ dryBulb: [Double]) {
        var sum = [Double](repeating: 0, count: 12)
        var maximumSum = sum, minimumSum = sum
        var hours = [Int](repeating: 0, count: 12), days = hours
        for day in 0..<min(365, dryBulb.count / 24) {
            let month = SimulationCalendar.monthOfDay[day]
            let values = dryBulb[(day * 24)..<(day * 24 + 24)]
            sum[month] += values.reduce(0, +)
            maximumSum[month] += values.max() ?? 0
            minimumSum[month] += values.min() ?? 0
            hours[month] += 24
            days[month] += 1
        }
        mean = (0..<12).map { sum[$0] / Double(hours[$0]) }
        meanDailyMaximum = (0..<12).map { maximumSum[$0] / Double(days[$0]) }
        meanDailyMinimum = (0..<12).map { minimumSum[$0] / Double(days[$0]) }
    }
}

/// Why monthly climate factors cannot be used (an invalid-input error; the file layer names the file).
public enum ClimateMorphError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The four lists of monthly factors, named as in morph files.
    public enum Factor: String, Sendable {
        case dryBulbDelta = "dry_bulb_delta_k"
        case dryBulbMaxDelta = "dry_bulb_max_delta_k"
        case dryBulbMinDelta = "dry_bulb_min_delta_k"
        case relativeHumidityDelta = "rh_delta_pct"
    }

    case wrongCount(Factor, found: Int)
    case notFinite(Factor, month: Int)
    case unpaired(given: Factor, missing: Factor)
    case notAnHourlyYear(hours: Int)
    /// Month 1…12 whose mean diurnal range (K) cannot change by `change` (K).
    case diurnalRangeCollapses(month: Int, meanDiurnalRange: Double, change: Double)

    public var description: String {
        switch self {
        case .wrongCount(let factor, let found):
            "\(factor.rawValue): expected 12 monthly values (January…December), found \(found)"
        case .notFinite(let factor, let month):
            "\(factor.rawValue): the value for month \(month) is not a finite number"
        case .unpaired(let given, let missing):
            "\(given.rawValue) is given without \(missing.rawValue); give both (the change of the mean "
                + "diurnal range is their difference) or neither (a pure shift)"
        case .notAnHourlyYear(let hours):
            "monthly morphing needs an hourly year of \(WeatherSeries.hoursPerYear) values, found \(hours)"
        case .diurnalRangeCollapses(let month, let range, let change):
            "month \(month): dry_bulb_max_delta_k − dry_bulb_min_delta_k = \(rounded(change)) K would change "
                + "the mean diurnal range of \(rounded(range)) K to \(rounded(range + change)) K; expected a "
                + "change above \(rounded(-range)) K (the range must stay positive)"
        }
    }

    private func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
