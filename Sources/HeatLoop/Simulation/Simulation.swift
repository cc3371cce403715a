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

    public func run() -> SimulationResult { run(keeping: nil) }

    /// A run whose result keeps only the step columns of `series` (and `pue`, which the jobs' summaries
    /// read), for a summary-only run (`RunSummary.seriesRead`): the totals, monthly values and jobs are
    /// the full run's to the bit; reading a column not kept stops the program (`StepColumns`). Copying
    /// the ≈ 60 columns of every step was ≈ 5 % of an hourly run of a sizing sweep.
    public func run(keeping series: Set<OutputSeries>) -> SimulationResult { run(keeping: Optional(series)) }

    private func run(keeping series: Set<OutputSeries>?) -> SimulationResult {
        let calendar = site.calendar
        let loads = site.clusters.map { $0.workload.load(cluster: $0, calendar: calendar) }
        let plan = StepPlan(site: site, weather: weather, hourlyDryBulb: hourlyDryBulb, loads: loads)
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
                plan.step(step, state: &state, caches: &caches, zones: &zones, recorder: recorder, totals: &totals)
                recorder.advance(into: &columns)
                step += 1
            }
            monthly[month] = totals
        }
        recorder.flush(into: &columns)

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
        return SimulationResult(site: site, weather: weather, columns: columns, monthly: monthly, jobs: jobs)
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
