import HeatLoop
import Testing

/// ASHRAE Handbook — Fundamentals 2021, ch. 14: the annual 0.4 % dry bulb and 1 % wet bulb are the values
/// exceeded in 0.4 % (35 h) and 1 % (87 h) of the year's 8760 hours.
@Suite struct DesignAmbientTests {
    /// A year whose dry bulb climbs evenly from 0 to 40 °C, saturated (wet bulb = dry bulb).
    static func ramp() -> WeatherSeries {
        let hours = WeatherSeries.hoursPerYear
        let dryBulb = (0..<hours).map { 40 * Double($0) / Double(hours) }
        return WeatherSeries(
            location: WeatherLocation(city: "ramp", country: "", latitude: 0, longitude: 0, timeZone: 0, elevation: 0),
            dryBulb: dryBulb.reversed(), dewPoint: dryBulb.reversed(), relativeHumidity: .init(repeating: 100, count: hours),
            pressure: .init(repeating: 101_325, count: hours), windSpeed: .init(repeating: 0, count: hours))
    }

    @Test func percentilesOfTheHourlyValues() {
        let design = DesignAmbient(weather: Self.ramp())
        let hours = Double(WeatherSeries.hoursPerYear)
        // 35 hours warmer than the 0.4 % value, 87 warmer than the 1 % one.
        #expect(abs(design.dryBulb - 40 * (hours - 1 - 35) / hours) < 1e-9)
        #expect(abs(design.wetBulb - 40 * (hours - 1 - 87) / hours) < 0.01)
    }

    @Test func chicagoLikeOrder() {
        // The 1 % wet bulb of a saturated year is below its 0.4 % dry bulb.
        let design = DesignAmbient(weather: Self.ramp())
        #expect(design.wetBulb < design.dryBulb)
    }
}
