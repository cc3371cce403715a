import Foundation

/// The step loop (DESIGN §2): weather → IT → heat split → electrical chain → loops → heat recovery →
/// heat rejection → facility power and metrics. Pure: the same site and weather give the same result.
public struct Simulation: Sendable {
    public private(set) var site: Site
    public private(set) var weather: StepWeather
    /// The weather file's hourly dry bulb (°C, 8760 values, `WeatherSeries.dryBulb`): the BDEW demand
    /// takes its calendar-day means from these hours, as demandlib does, not from the steps.
    public private(set) var hourlyDryBulb: [Double]

    /// A run of `site` over the hourly `weather` of its file, at the midpoints of the site's steps.
    public init(site: Site, hourlyWeather weather: WeatherSeries) throws(SimulationError) {
        try self.init(site: site, weather: weather.atStepMidpoints(stepMinutes: site.calendar.stepMinutes),
                      hourlyDryBulb: weather.dryBulb)
    }

    /// A run of `site` over `weather`, which must hold one value per step of the site's calendar in each
    /// series (`WeatherSeries.atStepMidpoints(stepMinutes:)` with the site's step gives that), and the
    /// hourly dry bulb it was made from (`WeatherSeries.dryBulb`, one value per hour of the year).
    public init(site: Site, weather: StepWeather, hourlyDryBulb: [Double]) throws(SimulationError) {
        let steps = site.calendar.stepCount
        let lengths = [weather.dryBulb.count, weather.wetBulb.count, weather.dewPoint.count,
                       weather.relativeHumidity.count, weather.pressure.count, weather.humidityRatio.count,
                       weather.dryBulbDailyMean.count]
        if let wrong = lengths.first(where: { $0 != steps }) {
            throw .weatherLength(weatherSteps: wrong, steps: steps, stepMinutes: site.calendar.stepMinutes)
        }
        if hourlyDryBulb.count != WeatherSeries.hoursPerYear {
            throw .hourlyWeatherLength(hours: hourlyDryBulb.count)
        }
        self.site = site
        self.weather = weather
        self.hourlyDryBulb = hourlyDryBulb
    }

    // Performance (DESIGN §9: a 1-min year ≤ 100 ms): the step loop allocates nothing and copies no model
    // per step. Everything that does not change within the year is hoisted into a `StepPlan`; the step is
    // a sequence of stage functions over explicit state (`SimulationState`, `StepCaches`), inlined into
    // this loop; values are recorded into a small block of rows (`StepRecorder`) that is transposed into
    // the columns every `StepRecorder.rowBlock` steps, so no column array is touched (and
    // uniqueness-checked) per value. Profiles and figures: Docs/performance.md.

    public func run() -> SimulationResult { run(keeping: nil, reading: nil, recording: false).result }

    /// A run that reads the steps independent of heat recovery from `shared` when they fit it (`SharedSteps`:
    /// made by a run of this site with another heat recovery, or none), and makes them otherwise. The result
    /// is the same to the bit either way. `series`: as `run(keeping:)`; nil keeps every column.
    public func run(keeping series: Set<OutputSeries>?, reading shared: SharedSteps?) -> SimulationResult {
        run(keeping: series, reading: shared, recording: false).result
    }

    /// A run that also returns its steps independent of heat recovery, for runs of the same site with another
    /// heat recovery to read (`run(keeping:reading:)`); nil when they cannot be shared (`StepPlan.sharedStepInputs`)
    /// or a year of them would take more than `SharedSteps.maximumBytes`.
    public func runSharingSteps(keeping series: Set<OutputSeries>?) -> (result: SimulationResult, shared: SharedSteps?) {
        run(keeping: series, reading: nil, recording: true)
    }

    /// A run whose result keeps only the step columns of `series` (every column when nil; `pue` always, which the
    /// jobs' summaries read), for a summary-only run (`RunSummary.seriesRead`): the totals, monthly values and jobs are
    /// the full run's to the bit; reading a column not kept stops the program (`StepColumns`). Copying
    /// the ≈ 60 columns of every step was ≈ 5 % of an hourly run of a sizing sweep.
    public func run(keeping series: Set<OutputSeries>?) -> SimulationResult {
        run(keeping: series, reading: nil, recording: false).result
    }

    private func run(keeping series: Set<OutputSeries>?, reading shared: SharedSteps?,
                     recording: Bool) -> (result: SimulationResult, shared: SharedSteps?) {
        let calendar = site.calendar
        let loads = site.clusters.map { $0.workload.load(cluster: $0, calendar: calendar) }
        let plan = StepPlan(site: site, weather: weather, hourlyDryBulb: hourlyDryBulb, loads: loads)
        let inputs = plan.sharedStepInputs
        let reading = shared.flatMap { $0.count == calendar.stepCount && $0.inputs == inputs ? $0 : nil }
        let recorded: UnsafeMutablePointer<SharedStep>? =
            recording && inputs != nil && SharedSteps.bytes(steps: calendar.stepCount) <= SharedSteps.maximumBytes
            ? .allocate(capacity: calendar.stepCount) : nil
        // The steps read, as a pointer taken once: `reading.steps` in the loop retained `reading` every step.
        let readSteps = UnsafePointer(reading?.steps)
        var state = SimulationState(site: site)
        var caches = StepCaches()
        var zones = ZoneScratch(count: plan.zoneCount)
        var recorder = StepRecorder(clusters: site.clusters.count)
        defer { recorder.deallocate() }
        var columns = StepColumns(unsetCount: calendar.stepCount, clusters: site.clusters.count,
                                  serverAirModel: SeriesPresence.withServerAirModel.isPresent(in: site),
                                  keeping: series.map { $0.union([.pue]) })
        var monthly = [EnergyTotals](repeating: EnergyTotals(), count: 12)

        var step = 0
        for month in 0..<12 {
            let monthEnd = step + SimulationCalendar.daysPerMonth[month] * calendar.stepsPerDay
            var totals = EnergyTotals()
            while step < monthEnd {
                if let readSteps {
                    plan.replay(step, readSteps, state: &state, recorder: recorder, totals: &totals)
                } else {
                    plan.step(step, state: &state, caches: &caches, zones: &zones, recorder: recorder, totals: &totals,
                              shared: recorded)
                }
                recorder.advance(into: &columns)
                step += 1
            }
            monthly[month] = totals
        }
        recorder.flush(into: &columns)
        withExtendedLifetime(reading) {}
        let made = recorded.flatMap { steps in inputs.map { SharedSteps(steps: steps, count: calendar.stepCount, inputs: $0) } }

        var jobs: [JobSummary] = []
        let stepPUE = columns[.pue]
        for (index, load) in loads.enumerated() {
            var planned: [String: TrainingJob] = [:]
            if case .training(let schedule) = site.clusters[index].workload {
                for job in schedule.jobs { planned[job.name] = job }
            }
            jobs += load.jobs.map {
                let job = planned[$0.name]
                return JobSummary(cluster: index, job: $0, stepPUE: stepPUE, stepSeconds: plan.stepSeconds,
                                  gridIntensity: plan.gridIntensity, requestedStart: job.map { $0.start - $0.carbonShift },
                                  carbonShift: job?.carbonShift ?? 0)
            }
        }
        return (SimulationResult(site: site, weather: weather, columns: columns, monthly: monthly, jobs: jobs), made)
    }
}

/// Why a `Simulation` cannot be made.
public enum SimulationError: Error, Equatable, CustomStringConvertible {
    /// A weather series has `weatherSteps` values where the site's calendar has `steps`.
    case weatherLength(weatherSteps: Int, steps: Int, stepMinutes: Int)
    /// The hourly dry bulb has `hours` values instead of one per hour of a 365-day year.
    case hourlyWeatherLength(hours: Int)

    public var description: String {
        switch self {
        case .weatherLength(let weatherSteps, let steps, let stepMinutes):
            "the weather has \(weatherSteps) steps but a year of \(stepMinutes)-min steps has \(steps); "
                + "interpolate the hourly weather to the site's step (atStepMidpoints(stepMinutes: \(stepMinutes)))"
        case .hourlyWeatherLength(let hours):
            "the hourly dry bulb has \(hours) values but a year has \(WeatherSeries.hoursPerYear) hours; "
                + "pass the weather file's WeatherSeries.dryBulb"
        }
    }
}

extension Simulation {
    /// The same run without the site's heat recovery (`HeatReuseProject.baselineSite`): the project's
    /// baseline. The calendar is the same, so the weather still fits.
    public var withoutHeatRecovery: Simulation {
        var baseline = self
        baseline.site = HeatReuseProject.baselineSite(site)
        return baseline
    }
}
