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
    public var simulatedAs: [Int] {
        var first: [[Double]: Int] = [:]
        return (1...max(1, years)).map { t in
            let values = self.values(inYear: t)
            if let index = first[values] { return index }
            first[values] = t - 1
            return t - 1
        }
    }

    /// The years (0-based) that are simulated.
    public var distinctYears: [Int] { Array(Set(simulatedAs)).sorted() }
}
