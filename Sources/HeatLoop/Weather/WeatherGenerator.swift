import Foundation

/// A stochastic weather generator: any number of plausible hourly years from one weather year (a typical
/// year), each a resampled sequence of the base year's own days shifted to a drawn monthly anomaly.
///
/// **Monthly anomalies** (the low-frequency part, after Hansen and Mavromatis 2001, who correct the
/// too-small interannual spread of daily generators this way). One standard-normal AR(1) chain runs
/// through the months of all years, December into the next January:
///
///     z_k = ρ z_{k−1} + √(1 − ρ²) ε_k,   z_0, ε_k ~ N(0, 1)
///     a_k = σ_T,m(k) · z_k                 dry-bulb anomaly of month k, K
///     r_k = σ_RH,m(k) · z'_k               RH anomaly, percentage points (its own chain, same ρ)
///
/// so consecutive months and, through them, consecutive years are correlated (`WeatherVariability`:
/// spreads and ρ, by default the climate noise of the base year).
///
/// **Day sequence** (the high-frequency part): the days of month m are drawn from the base year's days of
/// month m by k-nearest-neighbour resampling (Rajagopalan and Lall 1999): after day p (a base-year day),
/// the candidates are the K = ⌈√N_m⌉ days of month m whose daily-mean dry bulb is nearest to that of p's
/// successor in the base year, picked with weights 1/i for the i-th nearest. This keeps spells (cold
/// weeks, the heat-demand peaks a storage tank sees) instead of shuffling days independently. The first
/// day of a year is drawn uniformly from the base year's January days.
///
/// **Shift**: every hour of month m in the generated year gets
///
///     T  = T_s + (⟨T₀⟩_m + a_m − ⟨T_s⟩_m)        so the month's mean is exactly ⟨T₀⟩_m + a_m
///     RH = clamp(RH_s + (⟨RH₀⟩_m + r_m − ⟨RH_s⟩_m), 0, 100)
///     T_d = dew point of (T, RH) over liquid water (`ClimateMorph.dewPointOverWater`), ≤ T
///
/// with T_s, RH_s the resampled hours, T₀, RH₀ the base year's and ⟨·⟩_m monthly means. The humidity rule is the one of the
/// climate scenarios (`ClimateMorph`: RH kept, dew point recomputed), and a run reads the generated year
/// through `OutdoorAirState` like any file: dew point ≤ dry bulb, every derived quantity consistent.
/// Pressure and wind come with their resampled days.
///
/// Reproducible: year i's anomalies are the i-th twelve of the chains seeded with `seed` (stream 0 and 1),
/// its day draws use `RandomGenerator(seed:stream: 2 + i)`: the same seed gives the same years on every
/// platform, and year i does not depend on how many years are asked for.
///
/// Sources: J. W. Hansen, T. Mavromatis, "Correcting low-frequency variability bias in stochastic weather
/// generators", Agric. For. Meteorol. 109 (2001) 297–310; B. Rajagopalan, U. Lall, "A k-nearest-neighbor
/// simulator for daily precipitation and other weather variables", Water Resour. Res. 35 (1999) 3089–3101.
public struct WeatherGenerator: Sendable {
    public let base: WeatherSeries
    public let variability: WeatherVariability
    public let seed: UInt64
    /// The base year's monthly means (dry bulb °C, RH %) and daily-mean dry bulb per day.
    private let monthlyMeanDryBulb: [Double]
    private let monthlyMeanHumidity: [Double]
    private let dailyMeanDryBulb: [Double]

    /// A generator of years like `base` (8760 hours), with `variability` (default: `base`'s climate noise).
    public init(base: WeatherSeries, variability: WeatherVariability? = nil, seed: UInt64) throws(WeatherGeneratorError) {
        guard base.dryBulb.count == WeatherSeries.hoursPerYear,
              base.relativeHumidity.count == WeatherSeries.hoursPerYear else {
            throw .notAnHourlyYear(hours: base.dryBulb.count)
        }
        self.base = base
        self.variability = variability ?? WeatherVariability(climateNoiseOf: base)
        self.seed = seed
        monthlyMeanDryBulb = MonthlyDryBulbStatistics(base.dryBulb).mean
        monthlyMeanHumidity = MonthlyDryBulbStatistics(base.relativeHumidity).mean
        dailyMeanDryBulb = (0..<365).map { day in base.dryBulb[(day * 24)..<(day * 24 + 24)].reduce(0, +) / 24 }
    }

    /// The monthly anomalies of years `0..<count`: dry bulb (K) and RH (points), 12 per year.
    public func anomalies(years count: Int) -> (dryBulb: [[Double]], relativeHumidity: [[Double]]) {
        func chain(stream: UInt64, spread: [Double]) -> [[Double]] {
            var random = RandomGenerator(seed: seed, stream: stream)
            let rho = variability.lag1, innovation = (1 - rho * rho).squareRoot()
            var z = random.normal()
            return (0..<count).map { year in
                (0..<12).map { month in
                    if year > 0 || month > 0 { z = rho * z + innovation * random.normal() }
                    return spread[month] * z
                }
            }
        }
        return (chain(stream: 0, spread: variability.dryBulbSD), chain(stream: 1, spread: variability.relativeHumiditySD))
    }

    /// Generated year `index` (0-based).
    public func year(_ index: Int) -> WeatherSeries {
        let anomalies = anomalies(years: index + 1)
        return year(days: daySequence(index), dryBulbAnomaly: anomalies.dryBulb[index],
                    humidityAnomaly: anomalies.relativeHumidity[index])
    }

    /// Years `0..<count` (the anomaly chains drawn once).
    public func years(_ count: Int) -> [WeatherSeries] {
        let anomalies = anomalies(years: count)
        return (0..<count).map { index in
            year(days: daySequence(index), dryBulbAnomaly: anomalies.dryBulb[index],
                 humidityAnomaly: anomalies.relativeHumidity[index])
        }
    }

    /// The base-year day (0…364) each of the 365 days of year `index` copies.
    public func daySequence(_ index: Int) -> [Int] {
        var random = RandomGenerator(seed: seed, stream: 2 + UInt64(index))
        var sequence: [Int] = []
        sequence.reserveCapacity(365)
        var monthStart = 0
        for days in SimulationCalendar.daysPerMonth {
            let candidates = Array(monthStart..<(monthStart + days))
            let neighbours = Int(Double(days).squareRoot().rounded(.up))
            for _ in 0..<days {
                guard let previous = sequence.last else {
                    sequence.append(candidates[Int(random.uniform() * Double(days))])
                    continue
                }
                let target = dailyMeanDryBulb[min(previous + 1, 364)]
                let nearest = candidates.sorted {
                    (abs(dailyMeanDryBulb[$0] - target), $0) < (abs(dailyMeanDryBulb[$1] - target), $1)
                }.prefix(neighbours)
                sequence.append(nearest[Self.pickRank(neighbours, &random)])
            }
            monthStart += days
        }
        return sequence
    }

    /// Rank 0..<k with probability ∝ 1/(rank + 1) (Rajagopalan and Lall 1999, eq. 4).
    private static func pickRank(_ k: Int, _ random: inout RandomGenerator) -> Int {
        let total = (1...k).reduce(0.0) { $0 + 1 / Double($1) }
        var draw = random.uniform() * total
        for rank in 0..<k {
            draw -= 1 / Double(rank + 1)
            if draw < 0 { return rank }
        }
        return k - 1
    }

    /// The base year's days in the order `days`, shifted to the anomalies (see the type's description).
    private func year(days: [Int], dryBulbAnomaly: [Double], humidityAnomaly: [Double]) -> WeatherSeries {
        var result = base
        result.filledValues = [:]
        result.corrections = []
        for (day, source) in days.enumerated() {
            for hour in 0..<24 {
                let to = day * 24 + hour, from = source * 24 + hour
                result.dryBulb[to] = base.dryBulb[from]
                result.relativeHumidity[to] = base.relativeHumidity[from]
                result.pressure[to] = base.pressure[from]
                result.windSpeed[to] = base.windSpeed[from]
            }
        }
        let resampledDryBulb = MonthlyDryBulbStatistics(result.dryBulb).mean
        let resampledHumidity = MonthlyDryBulbStatistics(result.relativeHumidity).mean
        for hour in 0..<WeatherSeries.hoursPerYear {
            let month = SimulationCalendar.monthOfDay[hour / 24]
            let dryBulb = result.dryBulb[hour] + monthlyMeanDryBulb[month] + dryBulbAnomaly[month] - resampledDryBulb[month]
            let humidity = min(100, max(0, result.relativeHumidity[hour] + monthlyMeanHumidity[month]
                                           + humidityAnomaly[month] - resampledHumidity[month]))
            result.dryBulb[hour] = dryBulb
            result.relativeHumidity[hour] = humidity
            result.dewPoint[hour] = ClimateMorph.dewPointOverWater(dryBulb: dryBulb, relativeHumidity: humidity)
        }
        return result
    }
}
