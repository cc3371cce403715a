@testable import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("Project timeline under uncertainty")
struct TimelineEnsembleTests {
    /// A flat year (members are chosen, not read).
    static func year(_ dryBulb: Double) -> WeatherSeries {
        let hours = WeatherSeries.hoursPerYear
        return WeatherSeries(location: WeatherLocation(city: "x", country: "x", latitude: 0, longitude: 0, timeZone: 0, elevation: 0),
                             dryBulb: (0..<hours).map { dryBulb + Double($0 % 24) / 4 }, dewPoint: Array(repeating: dryBulb - 5, count: hours),
                             relativeHumidity: Array(repeating: 70, count: hours), pressure: Array(repeating: 101_325, count: hours),
                             windSpeed: Array(repeating: 2, count: hours))
    }

    @Test("weather members: generated s·L + t − 1, real years drawn per year from the seed, one year everywhere 0")
    func members() throws {
        let generator = try WeatherGenerator(base: Self.year(10), seed: 3)
        let generated = TimelineWeather.members(samples: 3, years: 4, weather: try WeatherEnsemble(.generated(generator)), seed: 3)
        #expect(generated == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]])
        let files = try WeatherEnsemble(.recorded([Self.year(0), Self.year(1), Self.year(2)]))
        let drawn = TimelineWeather.members(samples: 20, years: 5, weather: files, seed: 9)
        #expect(drawn == TimelineWeather.members(samples: 20, years: 5, weather: files, seed: 9))
        #expect(drawn[7] == TimelineWeather.members(sample: 7, years: 5, weather: files, seed: 9))
        #expect(drawn != TimelineWeather.members(samples: 20, years: 5, weather: files, seed: 10))
        #expect(drawn.joined().allSatisfy { (0..<3).contains($0) })
        #expect(Set(drawn.joined()) == [0, 1, 2])
        #expect(Set(drawn).count > 1)  // not every life the same sequence, as cycling 3 files over 6 years would be
        let one = TimelineWeather.members(samples: 2, years: 3, weather: try WeatherEnsemble(.recorded([Self.year(0)])), seed: 1)
        #expect(one == [[0, 0, 0], [0, 0, 0]])
    }

    @Test("years share a run only with the same inputs and the same weather member")
    func sharing() {
        let timeline = ProjectTimeline(startYear: 2030, years: 5, inputs: [
            TimelineInput(keyPath: "a", change: .steps([TimelineStep(year: 1, value: 1), TimelineStep(year: 3, value: 2)]))])
        #expect(timeline.simulatedAs == [0, 0, 2, 2, 2])
        #expect(timeline.simulatedAs(weatherMembers: [0, 0, 0, 0, 0]) == timeline.simulatedAs)
        #expect(timeline.simulatedAs(weatherMembers: [4, 5, 6, 7, 8]) == [0, 1, 2, 3, 4])
        #expect(timeline.simulatedAs(weatherMembers: [1, 2, 1, 1, 2]) == [0, 1, 2, 2, 4])
        #expect(timeline.distinctYears(weatherMembers: [1, 2, 1, 1, 2]) == [0, 1, 2, 4])
    }

    /// A drawn value is the year-1 level; the timeline's path relative to year 1 goes on top.
    @Test("drawn levels: escalate from the drawn value, ramps and steps scaled, year 1 exact, 0 refused")
    func leveled() throws {
        #expect(TimelineChange.escalate(from: 45, rate: 0.02).leveled(to: 52.3) == .escalate(from: 52.3, rate: 0.02))
        let ramp = try #require(TimelineChange.ramp(from: 0.5, to: 0.9, years: 3).leveled(to: 0.4))
        #expect(ramp.value(inYear: 1) == 0.4)
        #expect(ramp.value(inYear: 3).isApproximatelyEqual(to: 0.72, relativeTolerance: 1e-12))
        let steps = try #require(TimelineChange.steps([TimelineStep(year: 1, value: 8), TimelineStep(year: 6, value: 12)]).leveled(to: 6))
        #expect([1, 6].map { steps.value(inYear: $0) } == [6, 9])
        #expect(TimelineChange.ramp(from: 0, to: 1, years: 3).leveled(to: 2) == nil)
        let timeline = ProjectTimeline(startYear: 2027, years: 3, inputs: [
            TimelineInput(keyPath: "price", change: .escalate(from: 45, rate: 0.02)),
            TimelineInput(keyPath: "other", change: .ramp(from: 1, to: 2, years: 2))])
        let sample = try #require(timeline.leveled(["price": 60, "not.moved": 3]))
        #expect(sample.inputs[0].change == .escalate(from: 60, rate: 0.02))
        #expect(sample.inputs[1] == timeline.inputs[1])
    }

    /// Sample × year verdict codes: 2 of 3 assessed samples pass in year 2; no target in year 1.
    @Test("EnEfG share among the samples assessed, NaN without a target")
    func enefgShare() {
        let share = TimelineEnsembleSummary.enefgShare([[-1, 1, 0], [-1, 1, 1], [-1, 0, 1]])
        #expect(share[0].isNaN)
        #expect(share[1].isApproximatelyEqual(to: 2.0 / 3.0))
        #expect(share[2].isApproximatelyEqual(to: 2.0 / 3.0))
        let percentiles = TimelineEnsembleSummary.percentilesByYear([[1, 10], [2, 20], [3, 30]])
        #expect(percentiles == [Percentiles([1, 2, 3]), Percentiles([10, 20, 30])])
    }
}
