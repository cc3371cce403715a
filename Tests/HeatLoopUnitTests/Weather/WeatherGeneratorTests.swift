import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

private let chicago: WeatherSeries? = try? EPWReader.read(path: PackagePaths.weather(PackagePaths.climates["chicago"]!))

/// Heating degree-days, K·d, base 15 °C, of the hours `range`: the hourly degree-hours over 24, as
/// `ClimateSummary` counts them (CIBSE TM41).
private func heatingDegreeDays(_ weather: WeatherSeries, hours range: Range<Int> = 0..<WeatherSeries.hoursPerYear) -> Double {
    weather.dryBulb[range].reduce(0) { $0 + max(0, ClimateSummary.defaultHeatingBase - $1) } / 24
}

private func standardDeviation(_ values: [Double]) -> Double {
    let mean = values.reduce(0, +) / Double(values.count)
    return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
}

private func correlation(_ x: [Double], _ y: [Double]) -> Double {
    let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
    let covariance = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let vx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, vy = y.reduce(0) { $0 + ($1 - my) * ($1 - my) }
    return covariance / (vx * vy).squareRoot()
}

@Suite("Stochastic weather generator (Hansen–Mavromatis anomalies, k-NN day resampling)")
struct WeatherGeneratorTests {
    @Test("the same seed gives the same years, year i alone equals year i of a set, another seed differs")
    func reproducible() throws {
        let base = try #require(chicago)
        let generator = try WeatherGenerator(base: base, seed: 42)
        let set = generator.years(3)
        let again = try WeatherGenerator(base: base, seed: 42).year(2)
        #expect(set[2].dryBulb == again.dryBulb)
        #expect(set[2].dewPoint == again.dewPoint)
        #expect(set[0].dryBulb != set[1].dryBulb)
        #expect(try WeatherGenerator(base: base, seed: 43).year(2).dryBulb != again.dryBulb)
    }

    @Test("generated hours are physically consistent: dew point ≤ dry bulb, RH within 0…100, read like a file")
    func physicallyConsistent() throws {
        let base = try #require(chicago)
        for year in try WeatherGenerator(base: base, seed: 7).years(4) {
            for hour in year.dryBulb.indices {
                #expect(year.dewPoint[hour] <= year.dryBulb[hour])
                #expect((0...100).contains(year.relativeHumidity[hour]))
            }
            // The run's psychrometric state of a generated hour reproduces its RH (the same rules as a file).
            let state = year.state(hour: 4000)
            #expect(abs(state.dryBulb - year.dryBulb[4000]) < 1e-12)
            #expect(state.dewPoint <= state.dryBulb)
            #expect(year.humidityDisagreementHours == 0)
        }
    }

    @Test("each month's mean dry bulb is the base year's plus the drawn anomaly, exactly")
    func monthlyMeansCarryTheAnomaly() throws {
        let base = try #require(chicago)
        let generator = try WeatherGenerator(base: base, seed: 3)
        let anomalies = generator.anomalies(years: 2)
        let baseMeans = MonthlyDryBulbStatistics(base.dryBulb).mean
        let means = MonthlyDryBulbStatistics(generator.year(1).dryBulb).mean
        for month in 0..<12 {
            #expect(abs(means[month] - baseMeans[month] - anomalies.dryBulb[1][month]) < 1e-9)
        }
    }

    /// Leith (1973) / Madden (1976): the climate noise of Chicago's daily means gives monthly spreads of
    /// roughly 1–3 K (largest in winter); the annual heating degree-days of generated years must spread as
    /// those monthly spreads and their lag-1 correlation imply:
    ///
    ///     σ²_HDD = Σ_m Σ_k (f_m N_m σ_m)(f_k N_k σ_k) ρ^|m−k|
    ///
    /// with N_m days and f_m the base year's share of hours below 15 °C in month m (a shift of a_m moves the
    /// month's degree-days by −f_m N_m a_m to first order). 400 years: the sample spread is within ±3.5 %
    /// (1 σ) of the true one; the linearisation and the resampled days add a few %; 12 % tolerance.
    @Test("annual heating degree-days of generated years have the spread the climate-noise source gives")
    func heatingDegreeDaySpread() throws {
        let base = try #require(chicago)
        let variability = WeatherVariability(climateNoiseOf: base)
        #expect(variability.dryBulbSD[0] > 1 && variability.dryBulbSD[0] < 4)
        #expect(variability.dryBulbSD[6] > 0.3 && variability.dryBulbSD[6] < variability.dryBulbSD[0])
        let generator = try WeatherGenerator(base: base, variability: variability, seed: 2026)
        let years = generator.years(400)
        let generated = standardDeviation(years.map { heatingDegreeDays($0) })

        var weight = [Double](repeating: 0, count: 12)
        for hour in 0..<WeatherSeries.hoursPerYear where base.dryBulb[hour] < ClimateSummary.defaultHeatingBase {
            weight[SimulationCalendar.monthOfDay[hour / 24]] += 1.0 / 24  // f_m · N_m, days
        }
        var variance = 0.0
        for m in 0..<12 {
            for k in 0..<12 {
                variance += weight[m] * variability.dryBulbSD[m] * weight[k] * variability.dryBulbSD[k]
                    * pow(variability.lag1, Double(abs(m - k)))
            }
        }
        let expected = variance.squareRoot()
        #expect(generated.isApproximatelyEqual(to: expected, relativeTolerance: 0.12),
                "σ_HDD generated \(generated) K·d, expected \(expected) K·d")
        // January lies wholly below the base: its degree-days spread 31 σ_Jan.
        let january = years.map { heatingDegreeDays($0, hours: 0..<(31 * 24)) }
        #expect(standardDeviation(january).isApproximatelyEqual(to: 31 * variability.dryBulbSD[0], relativeTolerance: 0.12))
    }

    @Test("an overridden spread and lag-1 autocorrelation are what the years show, also across the year end")
    func overriddenVariability() throws {
        let base = try #require(chicago)
        let variability = try WeatherVariability(dryBulbSD: [Double](repeating: 2, count: 12),
                                                 relativeHumiditySD: [Double](repeating: 3, count: 12), lag1: 0.6)
        let anomalies = try WeatherGenerator(base: base, variability: variability, seed: 11).anomalies(years: 600)
        let january = anomalies.dryBulb.map { $0[0] }, february = anomalies.dryBulb.map { $0[1] }
        #expect(standardDeviation(january).isApproximatelyEqual(to: 2, relativeTolerance: 0.1))
        #expect(abs(correlation(january, february) - 0.6) < 0.08)
        let december = anomalies.dryBulb.dropLast().map { $0[11] }, nextJanuary = Array(january.dropFirst())
        #expect(abs(correlation(december, nextJanuary) - 0.6) < 0.08)
        #expect(standardDeviation(anomalies.relativeHumidity.map { $0[5] }).isApproximatelyEqual(to: 3, relativeTolerance: 0.1))
    }

    @Test("invalid parameters are refused with the key named")
    func invalidParameters() {
        #expect(throws: WeatherGeneratorError.wrongCount("dry_bulb_sd_k", found: 2)) {
            try WeatherVariability(dryBulbSD: [1, 2], relativeHumiditySD: [Double](repeating: 1, count: 12), lag1: 0)
        }
        #expect(throws: WeatherGeneratorError.lag1OutOfRange(1)) {
            try WeatherVariability(dryBulbSD: [Double](repeating: 1, count: 12),
                                   relativeHumiditySD: [Double](repeating: 1, count: 12), lag1: 1)
        }
    }

    @Test("day resampling keeps every day in its month and copies whole base-year days")
    func daysStayInTheirMonth() throws {
        let base = try #require(chicago)
        let days = try WeatherGenerator(base: base, seed: 5).daySequence(0)
        #expect(days.count == 365)
        for (day, source) in days.enumerated() {
            #expect(SimulationCalendar.monthOfDay[source] == SimulationCalendar.monthOfDay[day])
        }
        #expect(Set(days).count > 150)  // resampled, not the base order and not one day repeated
        #expect(days != Array(0..<365))
    }
}

@Suite("Weather ensembles")
struct WeatherEnsembleTests {
    @Test("real years cycle through the list, and a climate offset applies on top of each")
    func recordedYearsWithClimate() throws {
        let chicagoYear = try #require(chicago)
        let tampa = try EPWReader.read(path: PackagePaths.weather(PackagePaths.climates["tampa"]!))
        let ensemble = try WeatherEnsemble(.recorded([chicagoYear, tampa]), climate: .offset(TemperatureDelta(1.5)))
        let members = try ensemble.members(3)
        #expect(members[0].dryBulb[100] == chicagoYear.dryBulb[100] + 1.5)
        #expect(members[1].dryBulb[100] == tampa.dryBulb[100] + 1.5)
        #expect(members[2].dryBulb == members[0].dryBulb)
        #expect(try ensemble.member(1).dryBulb == members[1].dryBulb)
        #expect(throws: WeatherGeneratorError.self) { try WeatherEnsemble(.recorded([])) }
    }

    @Test("a generated ensemble under Belcher morphing moves every member's monthly mean by the factor")
    func generatedYearsWithMorphing() throws {
        let base = try #require(chicago)
        let generator = try WeatherGenerator(base: base, seed: 9)
        let factors = try ClimateMorph.MonthlyFactors(dryBulbDelta: [Double](repeating: 2, count: 12))
        let ensemble = try WeatherEnsemble(.generated(generator), climate: .monthly(factors))
        let plain = generator.year(1), morphed = try ensemble.member(1)
        let before = MonthlyDryBulbStatistics(plain.dryBulb).mean, after = MonthlyDryBulbStatistics(morphed.dryBulb).mean
        for month in 0..<12 { #expect(abs(after[month] - before[month] - 2) < 1e-9) }
        for hour in morphed.dryBulb.indices { #expect(morphed.dewPoint[hour] <= morphed.dryBulb[hour]) }
    }
}
