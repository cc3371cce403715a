/// What the nodes of a cluster do over the year: the utilisation each step. Closed family: every
/// `switch` over it is found by the compiler when a case is added.
public enum Workload: Sendable {
    /// The same utilisation all year.
    case constant(utilization: Double)
    /// An inference-style daily profile.
    case diurnal(DiurnalProfile)
    /// Measured utilisation or power, resampled by exact interval averaging.
    case trace(RegularTrace)
    /// Training jobs with checkpoints, failures, background jobs and maintenance.
    case training(TrainingSchedule)

    /// The cluster's power, peak power and utilisation on every step, and its jobs.
    public func load(cluster: Cluster, calendar: SimulationCalendar) -> ClusterLoad {
        let nodes = Double(cluster.nodes)
        func steady(_ utilization: [Double]) -> ClusterLoad {
            // Utilisation repeats from step to step (constant all year, hourly profiles): reuse the last power.
            var last = LastValue()
            let power = utilization.map { u in last(u) { cluster.node.power(utilization: $0).value * nodes } }
            return ClusterLoad(meanPower: power, peakPower: power, troughPower: power, utilization: utilization,
                               jobs: [], idleEnergy: 0, downEnergy: 0, background: nil)
        }
        switch self {
        case .constant(let utilization):
            return steady([Double](repeating: utilization, count: calendar.stepCount))
        case .diurnal(let profile):
            return steady(profile.series(calendar: calendar))
        case .trace(let trace):
            let means = trace.stepMeans(calendar: calendar), peaks = trace.stepPeaks(calendar: calendar)
            switch trace.quantity {
            case .utilization:
                var load = steady(means)
                load.peakPower = peaks.map { cluster.node.power(utilization: $0).value * nodes }
                return load
            case .powerKilowatts:
                // Utilisation implied by the power through the node's curve (exact for `linear`).
                let idle = cluster.node.idle.value * nodes, span = (cluster.node.maximum.value * nodes) - idle
                let utilization = means.map { span > 0 ? min(1, max(0, ($0 * 1e3 - idle) / span)) : 0 }
                return ClusterLoad(meanPower: means.map { $0 * 1e3 }, peakPower: peaks.map { $0 * 1e3 },
                                   troughPower: means.map { $0 * 1e3 }, utilization: utilization, jobs: [],
                                   idleEnergy: 0, downEnergy: 0, background: nil)
            case .gramsPerKilowattHour, .megawatts, .eurosPerMegawattHour:
                // Not a workload quantity (the site loader accepts only utilisation and power traces).
                return steady([Double](repeating: 0, count: calendar.stepCount))
            }
        case .training(let schedule):
            return TrainingGenerator.load(schedule: schedule, nodes: cluster.nodes, node: cluster.node,
                                          downPower: cluster.downPower.value, calendar: calendar)
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
    /// 12 factors, January first (seasonal load, or EnergyPlus's monthly CPU-load schedules).
    public var monthly: [Double]

    public init(peakUtilization: Double, hourly: [Double], weekday: [Double],
                monthly: [Double] = [Double](repeating: 1, count: 12)) {
        self.peakUtilization = peakUtilization
        self.hourly = hourly
        self.weekday = weekday
        self.monthly = monthly
    }

    public func utilization(hourOfDay: Int, weekday day: Int, month: Int = 0) -> Double {
        min(1, max(0, peakUtilization * hourly[hourOfDay] * weekday[day] * monthly[month]))
    }

    /// Utilisation of each step. Steps never straddle an hour (step lengths divide 60 min), so a
    /// step's mean is the value of the hour it lies in: the averaging is exact.
    public func series(calendar: SimulationCalendar) -> [Double] {
        let stepsPerHour = 60 / calendar.stepMinutes
        var series = [Double](repeating: 0, count: calendar.stepCount)
        for hour in 0..<calendar.stepCount / stepsPerHour {
            let value = utilization(hourOfDay: hour % 24, weekday: calendar.weekday(dayOfYear: hour / 24),
                                    month: calendar.month(ofStep: hour * stepsPerHour))
            for step in hour * stepsPerHour..<(hour + 1) * stepsPerHour { series[step] = value }
        }
        return series
    }
}
