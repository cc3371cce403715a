import HeatLoop
import HeatLoopTestSupport
import Testing

/// Runs a demand with no weather dependence over the year of `calendar`.
private func run(_ demand: HeatDemand, _ calendar: SimulationCalendar) -> [Double] {
    let outdoor = [Double](repeating: 10, count: calendar.stepCount)
    return demand.series(hourlyOutdoor: [Double](repeating: 10, count: 8_760), dailyMeanOutdoor: outdoor,
                         calendar: calendar)
}

private let quarterHours = SimulationCalendar(year: 2025, stepMinutes: 15)
private let hours = SimulationCalendar(year: 2025, stepMinutes: 60)

private func megawatts(_ values: [Double], interval: Double, start: Double = 0) -> HeatDemand {
    .profile(RegularTrace(quantity: .megawatts, interval: interval, start: start, values: values))
}

@Suite("District-heating demand (profile and constant)")
struct HeatDemandProfileTests {
    @Test("constant: the same power every step")
    func constant() {
        let series = run(.constant(.megawatts(3.5)), quarterHours)
        #expect(series.count == 35_040)
        #expect(series.allSatisfy { $0 == 3.5e6 })
    }

    @Test("hourly MW profile onto 15-min steps: each quarter carries its hour, energy conserved")
    func finerSteps() {
        let hourly = (0..<8_760).map { Double($0 % 24) + 1 }
        let series = run(megawatts(hourly, interval: 3600), quarterHours)
        #expect(series.count == 35_040)
        #expect(series[0] == 1e6 && series[3] == 1e6 && series[4] == 2e6 && series[35_039] == 24e6)
        #expect((series.reduce(0, +) * 900).isApproximatelyEqual(to: hourly.reduce(0, +) * 3.6e9, relativeTolerance: 1e-12))
    }

    @Test("15-min profile onto hourly steps: exact averages")
    func coarserSteps() {
        // 0, 4, 8, 4 MW in the first hour → 4 MW; then 10 MW flat.
        let quarters = [0.0, 4, 8, 4] + [Double](repeating: 10, count: 35_036)
        let series = run(megawatts(quarters, interval: 900), hours)
        #expect(series[0] == 4e6)
        #expect(series[1] == 10e6)
    }

    @Test("intervals that do not divide the step: overlap-weighted; a short profile repeats")
    func unevenOverlap() {
        // 20-min samples 3, 6, 9 MW (0–20, 20–40, 40–60 min) onto 15-min steps: 0–15 min → 3 MW;
        // 15–30 → (5 min · 3 + 10 min · 6)/15 = 5 MW; 30–45 → (10 · 6 + 5 · 9)/15 = 7 MW; 45–60 → 9 MW;
        // the hour-long profile then repeats all year.
        let series = run(megawatts([3, 6, 9], interval: 1_200), quarterHours)
        let expected = [3.0, 5, 7, 9].map { $0 * 1e6 }
        #expect((0..<35_040).allSatisfy { series[$0].isApproximatelyEqual(to: expected[$0 % 4], relativeTolerance: 1e-12) })
    }
}
