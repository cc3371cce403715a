/// What the nodes of a cluster do over the year: the utilisation each step. Closed family: every
/// `switch` over it is found by the compiler when a case is added.
public enum Workload: Sendable {
    /// The same utilisation all year.
    case constant(utilization: Double)
    /// An inference-style daily profile.
    case diurnal(DiurnalProfile)

    /// Mean utilisation of each step of a 365-day year starting on `calendar`'s first day.
    ///
    /// Steps never straddle an hour (step lengths divide 60 min), so a step's mean is the value of the
    /// hour it lies in: the averaging is exact.
    public func utilization(calendar: SimulationCalendar) -> [Double] {
        switch self {
        case .constant(let u):
            return [Double](repeating: u, count: calendar.stepCount)
        case .diurnal(let profile):
            let stepsPerHour = 60 / calendar.stepMinutes
            var series = [Double](repeating: 0, count: calendar.stepCount)
            for hour in 0..<calendar.stepCount / stepsPerHour {
                let weekday = calendar.weekday(dayOfYear: hour / 24)
                let value = profile.utilization(hourOfDay: hour % 24, weekday: weekday)
                for step in hour * stepsPerHour..<(hour + 1) * stepsPerHour { series[step] = value }
            }
            return series
        }
    }
}

/// Daily utilisation profile of an inference service: 24 hourly factors (local time) times a factor
/// per weekday, scaled to a peak utilisation: `u(h, d) = u_peak · hourly[h] · weekday[d]`, clamped to [0, 1].
public struct DiurnalProfile: Sendable, Equatable {
    /// Peak utilisation, reached where hourly × weekday factor is 1.
    public var peakUtilization: Double
    /// 24 factors, hour 0 = 00:00–01:00.
    public var hourly: [Double]
    /// 7 factors, Monday first.
    public var weekday: [Double]

    public init(peakUtilization: Double, hourly: [Double], weekday: [Double]) {
        self.peakUtilization = peakUtilization
        self.hourly = hourly
        self.weekday = weekday
    }

    public func utilization(hourOfDay: Int, weekday day: Int) -> Double {
        min(1, max(0, peakUtilization * hourly[hourOfDay] * weekday[day]))
    }
}
