/// Dates in site files: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` (also with a space), local standard time.
public enum TimeOfYear {
    /// Seconds from 1 January 00:00 of the date's own year, and that year.
    public static func parse(_ text: String) -> (year: Int, seconds: Double)? {
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
        guard (1...2).contains(parts.count), let date = CalendarDate(iso: parts[0]) else { return nil }
        var seconds = 0.0
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":").map { Double($0) }
            guard (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }) else { return nil }
            let (h, m, s) = (clock[0] ?? 0, clock[1] ?? 0, clock.count == 3 ? clock[2] ?? 0 : 0)
            guard (0..<24).contains(h), (0..<60).contains(m), (0..<60).contains(s) else { return nil }
            seconds = h * 3600 + m * 60 + s
        }
        let daysBefore = SimulationCalendar.daysPerMonth.prefix(date.month - 1).reduce(0, +)
        let leapShift = SimulationCalendar.isLeap(date.year) && date.month > 2 ? 1 : 0
        return (date.year, Double(daysBefore + leapShift + date.day - 1) * 86_400 + seconds)
    }

    public static func seconds(_ text: String) -> Double? { parse(text)?.seconds }

    /// Seconds from 1 January 00:00 of `year`: negative for a date in the year before (a training job that
    /// started then and runs on into `year`); nil for other years or text that is no date.
    public static func seconds(_ text: String, year: Int) -> Double? {
        guard let parsed = parse(text) else { return nil }
        if parsed.year == year { return parsed.seconds }
        guard parsed.year == year - 1 else { return nil }
        return parsed.seconds - Double(SimulationCalendar.isLeap(year - 1) ? 366 : 365) * 86_400
    }

    /// Reports a training job's start outside the simulated year and the year before it.
    static func checkJobStart(_ text: String, year: Int, _ value: SpecCursor) {
        if let parsed = parse(text), parsed.year != year, parsed.year != year - 1 {
            value.problem("\(text) is outside the simulated year \(year) and the year before it (a job that started in "
                + "\(year - 1) runs on into \(year); Docs/carbon.md, jobs longer than a year)")
        }
    }

    /// Reports a date that lies outside the simulated year (its format is checked where it is read).
    static func checkYear(_ text: String, year: Int, _ value: SpecCursor) {
        if let parsed = parse(text), parsed.year != year {
            value.problem("\(text) is outside the simulated year \(year)")
        }
    }
}

extension CalendarDate {
    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), (1...12).contains(month) else { return nil }
        var days = SimulationCalendar.daysPerMonth[month - 1]
        if month == 2, SimulationCalendar.isLeap(year) { days = 29 }
        guard (1...days).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
