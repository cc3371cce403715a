import Foundation

/// How one site-file input moves over a project's years (issue 18 item 3). Year 1 is the first operating year.
///
///     ramp      x_t = a + (b − a) · min(t − 1, n − 1) / (n − 1)   (n ≥ 2; a from year 1, b from year n on)
///     escalate  x_t = a · (1 + g)^(t − 1)                        (prices g > 0, grid carbon g < 0)
///     steps     x_t = the value of the last step whose year ≤ t   (a hardware refresh at year k)
///
/// IT ramp-up and utilisation growth are ramps, price escalation, grid decarbonisation and DH demand
/// growth escalations, a refresh (air → liquid capture) a step.
public enum TimelineChange: Sendable, Equatable {
    case ramp(from: Double, to: Double, years: Int)
    case escalate(from: Double, rate: Double)
    /// (year, value) sorted by year; the first year is 1.
    case steps([TimelineStep])

    public static let names = ["ramp", "escalate", "steps"]

    /// The value in year `t` (1-based).
    public func value(inYear t: Int) -> Double {
        switch self {
        case .ramp(let from, let to, let years):
            guard years > 1 else { return to }
            return from + (to - from) * Double(min(t - 1, years - 1)) / Double(years - 1)
        case .escalate(let from, let rate):
            return from * pow(1 + rate, Double(t - 1))
        case .steps(let steps):
            return steps.last { $0.year <= t }?.value ?? steps.first?.value ?? .nan
        }
    }

    /// Why the change cannot be used, or nil.
    public var problem: String? {
        switch self {
        case .ramp(_, _, let years): years >= 1 ? nil : "ramp years must be at least 1"
        case .escalate(_, let rate): rate > -1 ? nil : "escalation rate must be above −1 (−100 % a year)"
        case .steps(let steps):
            steps.first?.year == 1 ? nil : "steps need a value for year 1 (the first operating year)"
        }
    }
}

public struct TimelineStep: Sendable, Equatable {
    public var year: Int
    public var value: Double
    public init(year: Int, value: Double) {
        self.year = year
        self.value = value
    }
}

/// A site-file key path and how it moves.
public struct TimelineInput: Sendable, Equatable {
    public var keyPath: String
    public var change: TimelineChange
    public init(keyPath: String, change: TimelineChange) {
        self.keyPath = keyPath
        self.change = change
    }
}

/// The project's years and the inputs of each: year t (1…`years`) is calendar year `startYear + t − 1`.
/// Years whose inputs are all equal share one simulation (`distinctYears`): the documented reduction.
public struct ProjectTimeline: Sendable, Equatable {
    public var startYear: Int
    public var years: Int
    public var inputs: [TimelineInput]

    public init(startYear: Int, years: Int, inputs: [TimelineInput]) {
        self.startYear = startYear
        self.years = years
        self.inputs = inputs
    }

    /// The inputs' values in year `t` (1-based), in `inputs` order.
    public func values(inYear t: Int) -> [Double] { inputs.map { $0.change.value(inYear: t) } }

    /// For each year (index t − 1), the index of the first year with exactly the same inputs: the year
    /// whose simulation it reuses.
    public var simulatedAs: [Int] { simulatedAs(weatherMembers: nil) }

    /// `simulatedAs` when year t runs in weather member `weatherMembers[t − 1]` (a timeline under
    /// uncertainty): years share a run only when their inputs and their weather member are the same. Nil: one
    /// weather for every year.
    public func simulatedAs(weatherMembers: [Int]?) -> [Int] {
        var first: [[Double]: Int] = [:]
        return (1...max(1, years)).map { t in
            let key = self.values(inYear: t) + [Double(weatherMembers?[t - 1] ?? 0)]
            if let index = first[key] { return index }
            first[key] = t - 1
            return t - 1
        }
    }

    /// The years (0-based) that are simulated.
    public var distinctYears: [Int] { distinctYears(weatherMembers: nil) }

    /// The years (0-based) simulated when year t runs in weather member `weatherMembers[t − 1]`.
    public func distinctYears(weatherMembers: [Int]?) -> [Int] { Array(Set(simulatedAs(weatherMembers: weatherMembers))).sorted() }

    /// The timeline of a sample whose drawn year-1 levels are `levels` (key path → value, a timeline under
    /// uncertainty): an input the sample draws moves as the timeline says relative to its year 1,
    ///
    ///     x_t = x_drawn · v_t / v_1
    ///
    /// (`TimelineChange.leveled(to:)`; for `escalate` exactly `escalate {from: x_drawn, rate}`). Inputs not in
    /// `levels` are unchanged. Nil when a drawn input's year-1 value is 0 (no level to scale).
    public func leveled(_ levels: [String: Double]) -> ProjectTimeline? {
        var result = self
        for (index, input) in inputs.enumerated() {
            guard let level = levels[input.keyPath] else { continue }
            guard let change = input.change.leveled(to: level) else { return nil }
            result.inputs[index].change = change
        }
        return result
    }
}

extension TimelineChange {
    /// The change scaled so that its year-1 value is `level` exactly: every value times level / v_1 (a rate
    /// unchanged), the year-1 value set to `level` itself. Nil when v_1 is 0 or not finite.
    public func leveled(to level: Double) -> TimelineChange? {
        let first = value(inYear: 1)
        guard first != 0, first.isFinite else { return nil }
        let factor = level / first
        switch self {
        case .ramp(let from, let to, let years):
            // A ramp of one year is its `to` from year 1 on.
            return years > 1 ? .ramp(from: level, to: to * factor, years: years) : .ramp(from: from * factor, to: level, years: years)
        case .escalate(_, let rate): return .escalate(from: level, rate: rate)
        case .steps(let steps):
            return .steps(steps.map { TimelineStep(year: $0.year, value: $0.year == 1 ? level : $0.value * factor) })
        }
    }
}
