import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("Simulation calendar")
struct SimulationCalendarTests {
    @Test("step counts of a 365-day year")
    func stepCounts() {
        // 365 d × 24 h × 60 min = 525 600 min.
        #expect(SimulationCalendar(year: 2025, stepMinutes: 1).stepCount == 525_600)
        #expect(SimulationCalendar(year: 2025, stepMinutes: 15).stepCount == 35_040)
        #expect(SimulationCalendar(year: 2025, stepMinutes: 60).stepCount == 8_760)
        #expect(SimulationCalendar(year: 2025, stepMinutes: 15).stepsPerDay == 96)
        #expect(SimulationCalendar(year: 2025, stepMinutes: 15).stepDuration.value == 900)
        // Every allowed step divides an hour (DESIGN §2).
        for minutes in SimulationCalendar.allowedStepMinutes { #expect(60 % minutes == 0) }
        #expect(SimulationCalendar.daysPerMonth.reduce(0, +) == 365)
    }

    @Test("weekday, Monday = 0")
    func weekdays() {
        let calendar = SimulationCalendar(year: 2025, stepMinutes: 15)
        // 2025-01-01 is a Wednesday; 2025-01-05 a Sunday, 2025-01-06 a Monday; 2025-12-31 a Wednesday.
        #expect(calendar.weekday(dayOfYear: 0) == 2)
        #expect(calendar.weekday(dayOfYear: 4) == 6)
        #expect(calendar.weekday(dayOfYear: 5) == 0)
        #expect(calendar.weekday(dayOfYear: 364) == 2)
        // 2024-01-01 was a Monday, 2023-01-01 a Sunday, 2000-01-01 a Saturday.
        #expect(SimulationCalendar(year: 2024, stepMinutes: 60).weekday(dayOfYear: 0) == 0)
        #expect(SimulationCalendar(year: 2023, stepMinutes: 60).weekday(dayOfYear: 0) == 6)
        #expect(SimulationCalendar(year: 2000, stepMinutes: 60).weekday(dayOfYear: 0) == 5)
    }

    @Test("leap years (Gregorian rule)")
    func leapYears() {
        #expect(SimulationCalendar.isLeap(2024))
        #expect(SimulationCalendar.isLeap(2000))
        #expect(!SimulationCalendar.isLeap(2025))
        #expect(!SimulationCalendar.isLeap(1900))
    }

    @Test("month of a step at 1, 15 and 60 min")
    func monthOfStep() {
        let quarter = SimulationCalendar(year: 2025, stepMinutes: 15)
        #expect(quarter.month(ofStep: 0) == 0)
        // Feb 1 00:00 is day 31: step 31·96 = 2976; the step before is still January.
        #expect(quarter.month(ofStep: 2975) == 0)
        #expect(quarter.month(ofStep: 2976) == 1)
        // Mar 1 is day 31 + 28 = 59 → step 5664; Dec 1 is day 334 → step 32 064.
        #expect(quarter.month(ofStep: 5663) == 1)
        #expect(quarter.month(ofStep: 5664) == 2)
        #expect(quarter.month(ofStep: 32_064) == 11)
        #expect(quarter.month(ofStep: 35_039) == 11)
        let hourly = SimulationCalendar(year: 2025, stepMinutes: 60)
        #expect(hourly.month(ofStep: 743) == 0)
        #expect(hourly.month(ofStep: 744) == 1)
        #expect(hourly.month(ofStep: 8_759) == 11)
        let minute = SimulationCalendar(year: 2025, stepMinutes: 1)
        #expect(minute.month(ofStep: 44_639) == 0)
        #expect(minute.month(ofStep: 44_640) == 1)
        #expect(minute.month(ofStep: 525_599) == 11)
    }
}

/// Hourly factors 0.5 (00–08 h), 1.0 (08–20 h), 0.75 (20–24 h); weekday factors Monday 1.0 … Sunday 0.4.
private let profile = DiurnalProfile(
    peakUtilization: 0.8,
    hourly: (0..<24).map { $0 < 8 ? 0.5 : ($0 < 20 ? 1.0 : 0.75) },
    weekday: [1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4])

@Suite("Workload utilisation series")
struct WorkloadTests {
    @Test("constant workload: one value per step", arguments: [1, 15, 60])
    func constant(stepMinutes: Int) {
        let calendar = SimulationCalendar(year: 2025, stepMinutes: stepMinutes)
        let series = Workload.constant(utilization: 0.73).load(cluster: oneNode, calendar: calendar).utilization
        #expect(series.count == calendar.stepCount)
        #expect(series.allSatisfy { $0 == 0.73 })
    }

    @Test("diurnal workload at hand-picked steps (15 min)")
    func diurnalPoints() {
        let calendar = SimulationCalendar(year: 2025, stepMinutes: 15)
        let series = profile.series(calendar: calendar)
        #expect(series.count == 35_040)
        // Wed 1 Jan (weekday 2, factor 0.8), 10:00–11:00 = steps 40…43: 0.8·1.0·0.8 = 0.64.
        for step in 40...43 { #expect(series[step].isApproximatelyEqual(to: 0.64)) }
        // Sun 5 Jan (day 4, factor 0.4), 02:00–03:00 = steps (4·24 + 2)·4 = 392…395: 0.8·0.5·0.4 = 0.16.
        for step in 392...395 { #expect(series[step].isApproximatelyEqual(to: 0.16)) }
        // Mon 6 Jan (day 5, factor 1.0), 21:00–22:00 = steps (5·24 + 21)·4 = 564…567: 0.8·0.75·1.0 = 0.6.
        for step in 564...567 { #expect(series[step].isApproximatelyEqual(to: 0.6)) }
        // Last hour of the year, Wed 31 Dec 23:00: 0.8·0.75·0.8 = 0.48.
        #expect(series[35_039].isApproximatelyEqual(to: 0.48))
    }

    @Test("diurnal workload follows hour of day and weekday all year (anchor: 2025-01-01 is a Wednesday)")
    func diurnalAllYear() {
        let calendar = SimulationCalendar(year: 2025, stepMinutes: 15)
        let series = profile.series(calendar: calendar)
        for step in series.indices {
            let hour = step / 4
            let weekday = (2 + hour / 24) % 7
            let expected = 0.8 * profile.hourly[hour % 24] * profile.weekday[weekday]
            if !series[step].isApproximatelyEqual(to: expected) {
                Issue.record("step \(step): \(series[step]) ≠ \(expected)")
                return
            }
        }
    }

    @Test("1-min and 60-min diurnal series have the same hourly means")
    func stepLengthIndependent() {
        let minute = profile.series(calendar: SimulationCalendar(year: 2025, stepMinutes: 1))
        let hourly = profile.series(calendar: SimulationCalendar(year: 2025, stepMinutes: 60))
        #expect(minute.count == 60 * hourly.count)
        var mismatches = 0
        for hour in hourly.indices {
            let mean = minute[hour * 60..<(hour + 1) * 60].reduce(0, +) / 60
            if !mean.isApproximatelyEqual(to: hourly[hour], relativeTolerance: 1e-12) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test("diurnal utilisation is clamped to [0, 1]")
    func diurnalClamp() {
        let high = DiurnalProfile(peakUtilization: 1.5, hourly: [Double](repeating: 1, count: 24),
                                  weekday: [Double](repeating: 1, count: 7))
        #expect(high.utilization(hourOfDay: 3, weekday: 0) == 1)
        let negative = DiurnalProfile(peakUtilization: 0.5, hourly: [Double](repeating: -1, count: 24),
                                      weekday: [Double](repeating: 1, count: 7))
        #expect(negative.utilization(hourOfDay: 3, weekday: 0) == 0)
    }
}

/// A one-node cluster for workload tests.
private let oneNode = Cluster(name: "test", nodes: 1, nodesPerRack: 1, node: NodePreset.h100SXM.node, cooling: .air,
                              liquidCapture: 0, workload: .constant(utilization: 0))
