import Foundation
import HeatLoop
import HeatLoopFiles
import Testing

/// The Chicago O'Hare TMY3 file (`Weather/` under the package root; this file is
/// `Tests/HeatLoopUnitTests/Weather/…`).
private let chicago: WeatherSeries? = {
    let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw").path
    return try? EPWReader.read(path: path)
}()

/// Mean of the hours of each month (365-day calendar), °C.
private func monthlyMeans(_ values: [Double]) -> [Double] {
    MonthlyDryBulbStatistics(values).mean
}

/// Monthly factors that differ month by month (K, % points), like a GCM anomaly set.
private let meanDelta = [1.2, 1.5, 1.9, 2.3, 2.6, 2.9, 3.4, 3.2, 2.7, 2.1, 1.6, 1.3]
private let maxDelta = [1.0, 1.6, 2.2, 2.9, 3.3, 3.6, 4.2, 4.0, 3.1, 2.4, 1.5, 1.1]
private let minDelta = [1.5, 1.4, 1.6, 1.8, 2.0, 2.2, 2.5, 2.6, 2.3, 1.9, 1.7, 1.6]
private let humidityDelta = [0.5, 0.0, -1.0, -2.0, -3.5, -5.0, -6.0, -5.5, -4.0, -2.0, -0.5, 1.0]

@Suite("Climate morphing (Belcher et al. 2005)")
struct ClimateMorphTests {
    @Test("offset_k shifts every dry-bulb value exactly and keeps RH, pressure and wind")
    func offsetShiftsExactly() throws {
        let weather = try #require(chicago)
        let morphed = try ClimateMorph.offset(TemperatureDelta(2.5)).apply(to: weather)
        for hour in weather.dryBulb.indices {
            #expect(morphed.dryBulb[hour] == weather.dryBulb[hour] + 2.5)
        }
        #expect(morphed.relativeHumidity == weather.relativeHumidity)
        #expect(morphed.pressure == weather.pressure)
        #expect(morphed.windSpeed == weather.windSpeed)
        #expect(morphed.location == weather.location)
        // Same RH at a warmer dry bulb: more vapour, so a higher dew point, never above the dry bulb.
        var risen = 0
        for hour in weather.dryBulb.indices {
            #expect(morphed.dewPoint[hour] <= morphed.dryBulb[hour])
            if morphed.dewPoint[hour] > weather.dewPoint[hour] { risen += 1 }
        }
        #expect(risen > 8700)
    }

    /// TMY3 RH is relative to liquid water even below 0 °C: recomputed over water, the dew point matches
    /// the file's in cold and warm hours alike, to the whole-% RH rounding (±0.5 % ≈ ±0.1…0.2 K).
    @Test("the recomputed dew point agrees with the file's at zero offset, also below freezing")
    func zeroOffsetReproducesTheDewPoint() throws {
        let weather = try #require(chicago)
        let morphed = try ClimateMorph.offset(TemperatureDelta(0)).apply(to: weather)
        #expect(morphed.dryBulb == weather.dryBulb)
        var cold: [Double] = [], warm: [Double] = []
        for hour in weather.dryBulb.indices where weather.relativeHumidity[hour] > 0 {
            let difference = abs(morphed.dewPoint[hour] - weather.dewPoint[hour])
            if weather.dryBulb[hour] < 0 { cold.append(difference) } else { warm.append(difference) }
        }
        let coldMean = cold.reduce(0, +) / Double(cold.count), warmMean = warm.reduce(0, +) / Double(warm.count)
        #expect(cold.count > 1500)
        #expect(coldMean < 0.15, "mean |Δ dew point| below 0 °C = \(coldMean) K")
        #expect(warmMean < 0.15, "mean |Δ dew point| at or above 0 °C = \(warmMean) K")
    }

    @Test("dew point over water: saturated air gives the dry bulb; eq. 6 values above 0 °C agree with Psychrometrics")
    func dewPointOverWater() {
        for temperature in [-30.0, -5, 0, 12.5, 35] {
            #expect(abs(ClimateMorph.dewPointOverWater(dryBulb: temperature, relativeHumidity: 100) - temperature) < 1e-9)
        }
        // Above the triple point both use eq. 6 (Psychrometrics to its 0.001 K solver tolerance).
        for (temperature, humidity) in [(20.0, 50.0), (30.0, 80.0), (10.0, 90.0)] {
            let overWater = ClimateMorph.dewPointOverWater(dryBulb: temperature, relativeHumidity: humidity)
            let reference = Psychrometrics.dewPoint(dryBulb: temperature, relativeHumidity: humidity / 100)
            #expect(abs(overWater - reference) < 0.002)
        }
        // Below freezing a dew point over water lies below the frost point (p_ws,water > p_ws,ice).
        let water = ClimateMorph.dewPointOverWater(dryBulb: -10, relativeHumidity: 70)
        let ice = Psychrometrics.dewPoint(dryBulb: -10, relativeHumidity: 0.7)
        #expect(water < ice - 0.3)
        #expect(ClimateMorph.dewPointOverWater(dryBulb: 20, relativeHumidity: 0) == -100)
    }

    @Test("shift and stretch reproduce each month's mean change and diurnal-range change (1e-9 K)")
    func belcherReproducesMonthlyChanges() throws {
        let weather = try #require(chicago)
        let factors = try ClimateMorph.MonthlyFactors(
            dryBulbDelta: meanDelta, dryBulbMaxDelta: maxDelta, dryBulbMinDelta: minDelta,
            relativeHumidityDelta: humidityDelta)
        let morphed = try ClimateMorph.monthly(factors).apply(to: weather)
        let before = MonthlyDryBulbStatistics(weather.dryBulb)
        let after = MonthlyDryBulbStatistics(morphed.dryBulb)
        for month in 0..<12 {
            let meanChange = after.mean[month] - before.mean[month]
            #expect(abs(meanChange - meanDelta[month]) < 1e-9, "month \(month + 1): mean change \(meanChange)")
            let rangeChange = after.meanDiurnalRange[month] - before.meanDiurnalRange[month]
            let requested = maxDelta[month] - minDelta[month]
            #expect(abs(rangeChange - requested) < 1e-9, "month \(month + 1): range change \(rangeChange)")
            // Mean daily maximum and minimum each move as asked (to the stretch's linearity).
            let maximumChange = after.meanDailyMaximum[month] - before.meanDailyMaximum[month]
            let minimumChange = after.meanDailyMinimum[month] - before.meanDailyMinimum[month]
            #expect(abs(maximumChange - minimumChange - requested) < 1e-9)
        }
        for hour in weather.dryBulb.indices {
            #expect((0...100).contains(morphed.relativeHumidity[hour]))
            #expect(morphed.dewPoint[hour] <= morphed.dryBulb[hour])
        }
        #expect(morphed.pressure == weather.pressure)
    }

    @Test("without maximum/minimum changes it is a pure shift (α = 0), equal to an offset for equal months")
    func meanOnlyIsAPureShift() throws {
        let weather = try #require(chicago)
        let shifted = try ClimateMorph.monthly(.init(dryBulbDelta: meanDelta)).apply(to: weather)
        let before = MonthlyDryBulbStatistics(weather.dryBulb), after = MonthlyDryBulbStatistics(shifted.dryBulb)
        for month in 0..<12 {
            #expect(abs(after.meanDiurnalRange[month] - before.meanDiurnalRange[month]) < 1e-9)
            #expect(abs(after.mean[month] - before.mean[month] - meanDelta[month]) < 1e-9)
        }
        let uniform = try ClimateMorph.monthly(.init(dryBulbDelta: Array(repeating: 2, count: 12))).apply(to: weather)
        let offset = try ClimateMorph.offset(TemperatureDelta(2)).apply(to: weather)
        #expect(uniform.dryBulb == offset.dryBulb)
        #expect(uniform.dewPoint == offset.dewPoint)
        #expect(uniform.relativeHumidity == weather.relativeHumidity)
    }

    @Test("RH shifts are clamped to 0…100 % and the dew point stays at or below the dry bulb",
          arguments: [40.0, -80.0])
    func humidityStaysInBounds(shift: Double) throws {
        let weather = try #require(chicago)
        let factors = try ClimateMorph.MonthlyFactors(
            dryBulbDelta: meanDelta, relativeHumidityDelta: Array(repeating: shift, count: 12))
        let morphed = try ClimateMorph.monthly(factors).apply(to: weather)
        #expect(morphed.relativeHumidity.allSatisfy { (0...100).contains($0) })
        #expect(morphed.relativeHumidity.contains(shift > 0 ? 100 : 0))
        for hour in weather.dryBulb.indices {
            #expect(morphed.dewPoint[hour] <= morphed.dryBulb[hour])
            let expected = min(100, max(0, weather.relativeHumidity[hour] + shift))
            #expect(morphed.relativeHumidity[hour] == expected)
        }
    }

    @Test("factor lists are checked: 12 finite values, maximum and minimum together")
    func factorsAreValidated() {
        let twelve = Array(repeating: 1.0, count: 12)
        #expect(throws: ClimateMorphError.wrongCount(.dryBulbDelta, found: 11)) {
            try ClimateMorph.MonthlyFactors(dryBulbDelta: Array(twelve.dropLast()))
        }
        #expect(throws: ClimateMorphError.wrongCount(.relativeHumidityDelta, found: 13)) {
            try ClimateMorph.MonthlyFactors(dryBulbDelta: twelve, relativeHumidityDelta: twelve + [1])
        }
        #expect(throws: ClimateMorphError.unpaired(given: .dryBulbMaxDelta, missing: .dryBulbMinDelta)) {
            try ClimateMorph.MonthlyFactors(dryBulbDelta: twelve, dryBulbMaxDelta: twelve)
        }
        var bad = twelve
        bad[4] = .nan
        #expect(throws: ClimateMorphError.notFinite(.dryBulbMinDelta, month: 5)) {
            try ClimateMorph.MonthlyFactors(dryBulbDelta: twelve, dryBulbMaxDelta: twelve, dryBulbMinDelta: bad)
        }
    }

    @Test("a diurnal-range change that would invert the days is an error naming the month")
    func collapsingRangeIsRejected() throws {
        let weather = try #require(chicago)
        var maximum = Array(repeating: 0.0, count: 12), minimum = maximum
        maximum[6] = -10
        minimum[6] = 10  // July's mean range (~10 K) would become ~ −10 K
        let morph = ClimateMorph.monthly(try .init(
            dryBulbDelta: Array(repeating: 0, count: 12), dryBulbMaxDelta: maximum, dryBulbMinDelta: minimum))
        do {
            _ = try morph.apply(to: weather)
            Issue.record("expected an error")
        } catch {
            guard case .diurnalRangeCollapses(let month, _, let change) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(month == 7)
            #expect(change == -20)
            #expect(error.description.contains("month 7"))
        }
    }
}
