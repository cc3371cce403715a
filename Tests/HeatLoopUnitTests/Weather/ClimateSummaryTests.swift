import HeatLoop
import Testing

/// A synthetic year: in month m every even hour is `base[m] + 2` °C and every odd hour `base[m] − 2` °C,
/// saturated (RH 100 %, so the wet bulb equals the dry bulb to the solver's 0.001 K), at 101 325 Pa.
private let base = [-5.0, 0, 5, 10, 15, 18, 22, 25, 20, 12, 6, 0]
private let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/// `humidity` % over liquid water; the dew-point column agrees with it.
private func syntheticYear(humidity: Double = 100) -> WeatherSeries {
    var dryBulb: [Double] = []
    for month in 0..<12 {
        for hour in 0..<(days[month] * 24) { dryBulb.append(base[month] + (hour % 2 == 0 ? 2 : -2)) }
    }
    let n = dryBulb.count
    let dewPoint = dryBulb.map { ClimateMorph.dewPointOverWater(dryBulb: $0, relativeHumidity: humidity) }
    return WeatherSeries(
        location: WeatherLocation(city: "Synthetic", country: "XX", latitude: 0, longitude: 0, timeZone: 0, elevation: 0),
        dryBulb: dryBulb, dewPoint: dewPoint, relativeHumidity: Array(repeating: humidity, count: n),
        pressure: Array(repeating: 101_325, count: n), windSpeed: Array(repeating: 0, count: n))
}

@Suite("Climate summary")
struct ClimateSummaryTests {
    let summary = ClimateSummary(weather: syntheticYear())

    @Test("monthly means, extremes and hours by hand")
    func monthlyMeans() {
        #expect(summary.months.count == 12)
        for month in 0..<12 {
            let period = summary.months[month]
            #expect(period.hours == days[month] * 24)
            #expect(abs(period.meanDryBulb - base[month]) < 1e-12)
            #expect(abs(period.meanWetBulb - base[month]) < 0.001)
            #expect(period.meanWetBulb <= period.meanDryBulb)
            #expect(period.meanRelativeHumidity == 100)
            #expect(period.minimumDryBulb == base[month] - 2)
            #expect(period.maximumDryBulb == base[month] + 2)
        }
        #expect(summary.year.hours == 8760)
        #expect(summary.year.minimumDryBulb == -7)
        #expect(summary.year.maximumDryBulb == 27)
        #expect(abs(summary.year.maximumWetBulb - 27) < 0.001)
        #expect(abs(summary.year.minimumWetBulb + 7) < 0.001)
        let annualMean = zip(base, days).map { $0 * Double($1) }.reduce(0, +) / 365
        #expect(abs(summary.year.meanDryBulb - annualMean) < 1e-9)
    }

    @Test("heating (base 15 °C) and cooling (base 18 °C) degree-hours by hand")
    func degreeHours() {
        // January: 372 h at −3 °C and 372 h at −7 °C → 372·18 + 372·22 = 14 880 K·h; no cooling.
        #expect(summary.months[0].heatingDegreeHours == 14_880)
        #expect(summary.months[0].coolingDegreeHours == 0)
        // June: 360 h at 20 °C, 360 h at 16 °C → no heating; cooling 360·2 = 720 K·h.
        #expect(summary.months[5].heatingDegreeHours == 0)
        #expect(summary.months[5].coolingDegreeHours == 720)
        // May: 372 h at 17 °C, 372 h at 13 °C → heating 372·2 = 744 K·h, cooling 0.
        #expect(summary.months[4].heatingDegreeHours == 744)
        #expect(summary.months[4].coolingDegreeHours == 0)
        // July: 372 h at 24 °C and 372 h at 20 °C → cooling 372·6 + 372·2 = 2976 K·h.
        #expect(summary.months[6].coolingDegreeHours == 2976)
        var heating = 0.0, cooling = 0.0
        for month in 0..<12 {
            let half = Double(days[month] * 12)
            heating += half * (max(0, 15 - (base[month] + 2)) + max(0, 15 - (base[month] - 2)))
            cooling += half * (max(0, base[month] + 2 - 18) + max(0, base[month] - 2 - 18))
        }
        #expect(summary.year.heatingDegreeHours == heating)
        #expect(summary.year.coolingDegreeHours == cooling)
        #expect(summary.months.map(\.heatingDegreeHours).reduce(0, +) == heating)
    }

    @Test("free-cooling hours at or below the dry-bulb (18/24/27 °C) and wet-bulb (12/15 °C) thresholds")
    func freeCoolingHours() {
        #expect(summary.dryBulbThresholds == [18, 24, 27])
        #expect(summary.wetBulbThresholds == [12, 15])
        // June: 16 °C and 20 °C → 360 h ≤ 18; all 720 ≤ 24.
        #expect(summary.months[5].hoursAtOrBelowDryBulb == [360, 720, 720])
        // July: 20 and 24 °C (24 counts: "at or below").
        #expect(summary.months[6].hoursAtOrBelowDryBulb == [0, 744, 744])
        // August: 23 and 27 °C.
        #expect(summary.months[7].hoursAtOrBelowDryBulb == [0, 372, 744])
        // April: 12 and 8 °C (wet bulb = dry bulb − ≤ 0.001 K at saturation) → all ≤ 12.
        #expect(summary.months[3].hoursAtOrBelowWetBulb == [720, 720])
        // May: 17 and 13 °C → 372 h ≤ 15, none ≤ 12.
        #expect(summary.months[4].hoursAtOrBelowWetBulb == [0, 372])
        // Year, dry bulb ≤ 18: every hour except June's 20 °C, July, August, September's 22 °C → by hand:
        var atOrBelow18 = 0
        for month in 0..<12 {
            for temperature in [base[month] + 2, base[month] - 2] where temperature <= 18 { atOrBelow18 += days[month] * 12 }
        }
        #expect(summary.year.hoursAtOrBelowDryBulb[0] == atOrBelow18)
        #expect(summary.year.hoursAtOrBelowDryBulb[2] == 8760)
    }

    @Test("custom thresholds and bases; mean RH and a drier wet bulb")
    func customThresholds() {
        let dry = ClimateSummary(weather: syntheticYear(humidity: 40), dryBulbThresholds: [0], wetBulbThresholds: [],
                                 heatingBase: 10, coolingBase: 25)
        // RH is derived from the dew point: 40 % over water above 0 °C (July: 20 and 24 °C); over ice below
        // the triple point (January: −3 and −7 °C) the same vapour pressure is a higher RH.
        #expect(abs(dry.months[6].meanRelativeHumidity - 40) < 1e-9)
        #expect(dry.months[0].meanRelativeHumidity > 40 && dry.months[0].meanRelativeHumidity < 50)
        #expect(dry.humidityDisagreementHours == 0)
        #expect(dry.year.hoursAtOrBelowWetBulb.isEmpty)
        // ≤ 0 °C: January (both hours −3/−7), February's −2, December's −2 → 744 + 336 + 372.
        #expect(dry.year.hoursAtOrBelowDryBulb == [744 + 336 + 372])
        // Cooling above 25 °C: only August's 27 °C hours → 372·2.
        #expect(dry.year.coolingDegreeHours == 744)
        // At 40 % RH the wet bulb is well below the dry bulb.
        #expect(dry.months[6].meanWetBulb < dry.months[6].meanDryBulb - 5)
    }

    @Test("the file is read from its dew points; hours whose RH column disagrees by > 1 K are counted")
    func humidityColumnsDisagree() {
        // RH column 40 %, dew-point column = dry bulb (saturated) in the first 100 hours, 0.5 K below the
        // dew point of 40 % in the next 100 (agreeing within 1 K), consistent afterwards.
        var weather = syntheticYear(humidity: 40)
        for hour in 0..<100 { weather.dewPoint[hour] = weather.dryBulb[hour] }
        for hour in 100..<200 { weather.dewPoint[hour] -= 0.5 }
        let summary = ClimateSummary(weather: weather)
        #expect(summary.humidityDisagreementHours == 100)
        #expect(weather.humidityDisagreementHours == 100)
        // The saturated hours are read as saturated: wet bulb = dry bulb, RH 100 %.
        let state = weather.state(hour: 0)
        #expect(abs(state.relativeHumidity - 100) < 1e-9 && abs(state.wetBulb - state.dryBulb) < 0.001)
    }
}
