import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// A year of 15-min steps with a smooth seasonal 24 h mean temperature, 5 ± 12 °C, and some noise.
private func seasonalDailyMeans() -> [Double] {
    var random = TestLCG(seed: 4_710)
    return (0..<35_040).map { step in
        let day = Double(step) / 96
        return 5 - 12 * cos(2 * Double.pi * (day - 15) / 365) + random.next(in: -2...2)
    }
}

/// Degree-hours reads only the running mean and the step length (not the hourly temperatures BDEW reads).
fileprivate extension HeatDemand {
    func series(dailyMeanOutdoor: [Double], stepSeconds: Double) -> [Double] {
        series(hourlyOutdoor: [], dailyMeanOutdoor: dailyMeanOutdoor,
               calendar: SimulationCalendar(year: 2025, stepMinutes: Int(stepSeconds / 60)))
    }
}

@Suite("District-heating demand (degree-hours)")
struct HeatDemandTests {
    @Test("hand example: four hourly steps")
    func handExample() {
        // T̄ = 5, 10, 15, 20 °C, limit 15 °C → degrees 10, 5, 0, 0 (Σ 15). Annual 100 MWh = 3.6e11 J over 4 h,
        // b = 0.2: flat 0.2·3.6e11/14 400 s = 5 MW; per degree 0.8·3.6e11/(15·3600) = 5.333 MW/K
        // → 58.333, 31.667, 5, 5 MW.
        let demand = HeatDemand.degreeHours(.annual(.megawattHours(100)), heatingLimit: Celsius(15), hotWaterShare: 0.2)
        let series = demand.series(dailyMeanOutdoor: [5, 10, 15, 20], stepSeconds: 3600)
        let expected = [5e6 + 160e6 / 3, 5e6 + 80e6 / 3, 5e6, 5e6]
        #expect(zip(series, expected).allSatisfy { $0.isApproximatelyEqual(to: $1, relativeTolerance: 1e-12) })
    }

    @Test("annual sizing: the step series sums to the annual energy", arguments: [0.0, 0.15, 0.4])
    func sumsToAnnual(hotWaterShare: Double) {
        let annual = Joules.megawattHours(43_800)
        let demand = HeatDemand.degreeHours(.annual(annual), heatingLimit: Celsius(15), hotWaterShare: hotWaterShare)
        let series = demand.series(dailyMeanOutdoor: seasonalDailyMeans(), stepSeconds: 900)
        #expect(series.count == 35_040)
        let total = series.reduce(0, +) * 900
        #expect(total.isApproximatelyEqual(to: annual.value, relativeTolerance: 1e-9))
        #expect(series.allSatisfy { $0 >= 0 })
        // Above the heating limit only hot water remains: b · Q_a / year.
        let flat = hotWaterShare * annual.value / (35_040 * 900)
        let warm = zip(seasonalDailyMeans(), series).filter { $0.0 >= 15 }.map(\.1)
        #expect(!warm.isEmpty)
        #expect(warm.allSatisfy { $0.isApproximatelyEqual(to: flat, relativeTolerance: 1e-12, absoluteTolerance: 1e-9) })
    }

    @Test("design-load sizing: the space-heating power at the design outdoor temperature is the design load")
    func designLoad() {
        // EN 12831: 10 MW connected space heating at −12 °C; limit 15 °C; hot water 15 % of the annual demand.
        let demand = HeatDemand.degreeHours(.designLoad(.megawatts(10), designOutdoor: Celsius(-12)),
                                            heatingLimit: Celsius(15), hotWaterShare: 0.15)
        var temperatures = seasonalDailyMeans()
        temperatures[100] = -12 // a design day
        temperatures[200] = 1.5 // halfway between the design temperature and the limit
        temperatures[300] = 20 // warm: hot water only
        let series = demand.series(dailyMeanOutdoor: temperatures, stepSeconds: 900)
        let hotWater = series[300]
        // Space heating = P_design (T_limit − T̄)/(T_limit − T_design): 10 MW · 1 at −12 °C, 5 MW at 1.5 °C.
        #expect((series[100] - hotWater).isApproximatelyEqual(to: 10e6, relativeTolerance: 1e-9))
        #expect((series[200] - hotWater).isApproximatelyEqual(to: 5e6, relativeTolerance: 1e-9))
        // Hot water is the share b of the annual total.
        let total = series.reduce(0, +)
        #expect((hotWater * Double(series.count) / total).isApproximatelyEqual(to: 0.15, relativeTolerance: 1e-9))
    }

    @Test("design-load sizing holds when the design temperature is less than 1 K below the heating limit")
    func designLoadNearLimit() {
        // The site file accepts any design_outdoor_c below heating_limit_c (SiteSpec+Decoding: −60…10 and
        // `design < limit`), e.g. 9.5 °C with a 10 °C limit. Space heating at T̄ = T_design must still be
        // P_design · (10 − 9.5)/(10 − 9.5) = 10 MW.
        let demand = HeatDemand.degreeHours(.designLoad(.megawatts(10), designOutdoor: Celsius(9.5)),
                                            heatingLimit: Celsius(10), hotWaterShare: 0.15)
        let series = demand.series(dailyMeanOutdoor: [9.5, 12, 5, 12], stepSeconds: 3600)
        #expect((series[0] - series[1]).isApproximatelyEqual(to: 10e6, relativeTolerance: 1e-9))
        // 5 °C: 10 MW · 5/0.5 = 100 MW of space heating.
        #expect((series[2] - series[1]).isApproximatelyEqual(to: 100e6, relativeTolerance: 1e-9))
    }

    @Test("design-load sizing: a colder climate asks for more heat")
    func colderClimateMoreHeat() {
        let demand = HeatDemand.degreeHours(.designLoad(.megawatts(10), designOutdoor: Celsius(-12)),
                                            heatingLimit: Celsius(15), hotWaterShare: 0.15)
        let mild = seasonalDailyMeans()
        let cold = mild.map { $0 - 3 }
        #expect(demand.series(dailyMeanOutdoor: cold, stepSeconds: 900).reduce(0, +)
            > demand.series(dailyMeanOutdoor: mild, stepSeconds: 900).reduce(0, +))
    }

    @Test("a climate without heating degree-hours gives a flat series")
    func noDegreeHours() {
        let warm = [Double](repeating: 22, count: 8_760)
        let annual = Joules.megawattHours(8_760)
        let flat = HeatDemand.degreeHours(.annual(annual), heatingLimit: Celsius(15), hotWaterShare: 0.15)
            .series(dailyMeanOutdoor: warm, stepSeconds: 3600)
        // All of the 8760 MWh spread evenly: 1 MW every hour.
        #expect(flat.count == 8_760)
        #expect(flat.allSatisfy { $0.isApproximatelyEqual(to: 1e6, relativeTolerance: 1e-12) })
        // Sized by design load, such a climate has no space heating and so no demand at all.
        let sized = HeatDemand.degreeHours(.designLoad(.megawatts(10), designOutdoor: Celsius(-12)),
                                           heatingLimit: Celsius(15), hotWaterShare: 0.15)
            .series(dailyMeanOutdoor: warm, stepSeconds: 3600)
        #expect(sized.allSatisfy { $0 == 0 })
    }
}
