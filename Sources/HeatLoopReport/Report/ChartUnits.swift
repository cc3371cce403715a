import HeatLoop

/// Units and calendar ticks the report's charts share.
enum ChartUnits {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Month numbers 1…12 as names; other labels as they are.
    static func monthLabels(_ labels: [String]) -> [String] {
        labels.map { label in Int(label).flatMap { (1...12).contains($0) ? monthNames[$0 - 1] : nil } ?? label }
    }

    /// Month names at mid-month along an axis of days since 1 January 00:00 (HeatLoop's 365-day year).
    static var monthTicksAlongDays: [AxisTick] {
        var start = 0.0
        return SimulationCalendar.daysPerMonth.enumerated().map { month, days in
            defer { start += Double(days) }
            return AxisTick(value: start + Double(days) / 2, label: monthNames[month])
        }
    }

    /// A power unit a chart can show `peak` watts in with short tick labels: MW, kW or W.
    static func power(peak watts: Double) -> (name: String, watts: Double) {
        if watts >= 1e6 { return ("MW", 1e6) }
        if watts >= 1e3 { return ("kW", 1e3) }
        return ("W", 1)
    }

    /// MWh, or GWh when monthly amounts reach 20,000 MWh (keeps tick labels short).
    static func energy(peakMWh: Double) -> (name: String, megawattHours: Double) {
        peakMWh >= 20_000 ? ("GWh", 1000) : ("MWh", 1)
    }
}
