/// The simulated year: 365 days of `stepMinutes` steps, local standard time of the weather file.
public struct SimulationCalendar: Sendable, Equatable {
    /// Step lengths that divide an hour (DESIGN §2).
    public static let allowedStepMinutes = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60]
    public static let daysPerMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    public var year: Int
    public var stepMinutes: Int

    public init(year: Int, stepMinutes: Int) {
        self.year = year
        self.stepMinutes = stepMinutes
    }

    public var stepCount: Int { 365 * 24 * 60 / stepMinutes }
    public var stepDuration: Seconds { .minutes(Double(stepMinutes)) }
    public var stepsPerDay: Int { 24 * 60 / stepMinutes }

    /// True for Gregorian leap years (HeatLoop simulates 365-day years and rejects those).
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Day of the week, 0 = Monday … 6 = Sunday, of day `dayOfYear` (0-based).
    public func weekday(dayOfYear: Int) -> Int {
        // Days since 0001-01-01 (a Monday in the proleptic Gregorian calendar).
        let y = year - 1
        let daysBefore = y * 365 + y / 4 - y / 100 + y / 400
        return (daysBefore + dayOfYear) % 7
    }

    /// Month (0…11) of each day of the year.
    public static let monthOfDay: [Int] = daysPerMonth.enumerated().flatMap { month, days in
        [Int](repeating: month, count: days)
    }

    /// Start of a step as `YYYY-MM-DD hh:mm`, local standard time of the weather file.
    public func startTime(ofStep step: Int) -> String {
        let day = step / stepsPerDay, minute = (step % stepsPerDay) * stepMinutes
        let month = Self.monthOfDay[min(364, max(0, day))]
        let dayOfMonth = day - Self.daysPerMonth[..<month].reduce(0, +) + 1
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month + 1))-\(two(dayOfMonth)) \(two(minute / 60)):\(two(minute % 60))"
    }

    /// Month (0…11) of a step.
    public func month(ofStep step: Int) -> Int { Self.monthOfDay[step / stepsPerDay] }
}
