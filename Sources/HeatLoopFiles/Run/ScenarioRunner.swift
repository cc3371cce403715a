import HeatLoop

/// The one recipe for running a scenario, as a chain of stages (pvlib's `ModelChain`):
///
///     weather (+ climate change) → weather at step midpoints → simulation → appraisal → result document
///
/// `heatloop run`, `batch` (and so `slurm` shards), `size` and the tests run every scenario through it;
/// each caller stops at the stage it needs: a physics test at `simulate()`, a sizing sweep at
/// `appraise(baseline:)` (a summary, no document), a run or batch at `record(origin:)`. The climate change
/// and the weather at the steps are made once, when the runner is made, and checked against the site's
/// calendar there (the only stage that can fail), so the stages after it cannot.
/// Pure: no files, no clock, no printing; the caller says who made the result and when (`RunOrigin`).
public struct ScenarioRunner: Sendable {
    /// The validated site, its weather file and its project.
    public let input: SiteInput
    /// The hourly weather the site runs in: the weather file's, with the scenario's climate change applied.
    public let weather: WeatherSeries
    /// The site over `weather` at its steps, checked to fit the site's calendar.
    public let simulation: Simulation
    /// The climate scenario `weather` was made with (`ClimateScenario.asRecorded`: the file's weather).
    public let climate: ClimateScenario

    /// A site in the weather of its file, as read. Throws when the weather does not fit the site's steps.
    public init(input: SiteInput) throws(ScenarioFailure) {
        try self.init(input: input, weather: input.weather, climate: .asRecorded)
    }

    /// A site in the weather of its file changed by `climate` (a batch's `climate` entry). Throws when
    /// the climate change does not apply to that weather.
    public init(input: SiteInput, climate: ClimateSpec) throws(ScenarioFailure) {
        let weather: WeatherSeries, morph: ClimateMorph?
        do {
            morph = try climate.model
            weather = try morph?.apply(to: input.weather) ?? input.weather
        } catch {
            throw ScenarioFailure(description: "climate '\(climate.name)': \(error)")
        }
        try self.init(input: input, weather: weather, climate: ClimateScenario(name: climate.name, morph: morph))
    }

    private init(input: SiteInput, weather: WeatherSeries, climate: ClimateScenario) throws(ScenarioFailure) {
        try self.init(input: input, weather: ScenarioWeather(series: weather, climate: climate,
                                                             stepMinutes: input.site.calendar.stepMinutes))
    }

    /// A site in weather made once for several runs (`ScenarioWeather`: the same values as made here).
    init(input: SiteInput, weather: ScenarioWeather) throws(ScenarioFailure) {
        self.input = input
        self.weather = weather.series
        self.climate = weather.climate
        do {
            simulation = try Simulation(site: input.site, weather: weather.stepWeather,
                                        hourlyDryBulb: weather.series.dryBulb)
        } catch {
            throw ScenarioFailure(description: "\(error)")
        }
    }

    /// A batch scenario: its site input in its climate.
    public init(_ scenario: BatchScenario) throws(ScenarioFailure) {
        try self.init(input: scenario.siteInput(), climate: scenario.climate)
    }

    /// A batch scenario, in the weather its batch's scenarios with the same weather file, climate and step
    /// share (`BatchShared`: made once, the same values as made alone).
    public init(_ scenario: BatchScenario, shared: BatchShared) throws(ScenarioFailure) {
        let input = scenario.siteInput()
        let weather = try shared.weathers.value(for: scenario.weatherKey) { () throws(ScenarioFailure) in
            let climate = try ScenarioRunner(input: input, climate: scenario.climate)
            return ScenarioWeather(series: climate.weather, stepWeather: climate.simulation.weather,
                                   climate: climate.climate)
        }
        try self.init(input: input, weather: weather)
    }

    /// Stages 1–2: the weather at the midpoints of the site's steps.
    public func stepWeather() -> StepWeather { simulation.weather }

    /// Stage 3 alone: the simulated year, without the project's appraisal (and so without its baseline run).
    public func simulate() -> SimulationResult {
        simulation.run()
    }

    /// The run of the site without heat recovery that the appraisal compares with (for the cooling
    /// savings); designs of a sizing sweep that differ only in their project share one. `sharingSteps`: with
    /// the steps the designs' runs can read (`SharedSteps`, up to `SharedSteps.maximumBytes` each).
    public func coolingBaseline(sharingSteps: Bool = true) -> CoolingBaseline {
        CoolingBaseline(simulation: simulation, sharingSteps: sharingSteps)
    }

    /// Stages 3–4: the simulated year and its summary, with the project's economics when the site has
    /// them. Without `baseline`, the project's own baseline is run when its economics need one.
    /// `summaryOnly`: only `run.summary` is used, so the result keeps only the step columns the summary
    /// reads (`AppraisedRun.init(simulation:project:baseline:summaryOnly:)`).
    public func appraise(baseline: CoolingBaseline? = nil, summaryOnly: Bool = false) -> AppraisedRun {
        AppraisedRun(simulation: simulation, project: input.project, baseline: baseline, summaryOnly: summaryOnly)
    }

    /// Stages 3–5: the appraised run and its result document, with the provenance root attributes
    /// (`origin`, the resolved site file, the weather file and its SHA-256, the climate scenario and the
    /// effective weather's SHA-256), then `attributes` (a batch scenario's identity:
    /// `BatchScenario.resultAttributes`).
    public func record(origin: RunOrigin, attributes: [ResultAttribute] = [],
                       baseline: CoolingBaseline? = nil) -> RecordedRun {
        let run = appraise(baseline: baseline)
        var document = ResultDocument(result: run.result, summary: run.summary, provenance: provenance(origin))
        document.attributes += attributes
        return RecordedRun(run: run, document: document)
    }

    /// Where this run came from: the input's provenance with the climate scenario and the weather it made.
    public func provenance(_ origin: RunOrigin) -> RunProvenance {
        var provenance = input.provenance(origin)
        provenance.climate = climate
        if climate.morph != nil { provenance.effectiveWeatherSHA256 = weather.valuesSHA256 }
        return provenance
    }
}

extension ScenarioWeather {
    /// The hourly `series` (made with `climate`) and its values at the midpoints of `stepMinutes`-min steps:
    /// stages 1–2 of a run, which runs that share the series share.
    init(series: WeatherSeries, climate: ClimateScenario, stepMinutes: Int) {
        self.init(series: series, stepWeather: series.atStepMidpoints(stepMinutes: stepMinutes), climate: climate)
    }
}

extension SiteInput {
    /// Where a run of this input in its file's weather came from: `origin`, the resolved site (YAML for
    /// people, JSON for programs), the weather file, its SHA-256 and location.
    public func provenance(_ origin: RunOrigin) -> RunProvenance {
        RunProvenance(heatloopVersion: origin.heatloopVersion, createdUTC: origin.createdUTC,
                      siteConfig: resolvedYAML, siteJSON: resolvedJSON, weatherFile: weatherPath,
                      weatherSHA256: weatherSHA256, gitRevision: origin.gitRevision, commandLine: origin.commandLine,
                      location: weather.location, climate: .asRecorded, effectiveWeatherSHA256: weather.valuesSHA256,
                      weatherHumidityDisagreementHours: weather.humidityDisagreementHours)
    }
}

extension WeatherSeries {
    /// SHA-256 of the hourly weather a site runs in (`effective_weather_sha256`): dry bulb, dew point,
    /// relative humidity, pressure and wind speed, column after column, as IEEE-754 float64 little-endian.
    /// Two runs with the same value ran in the same weather, whichever file or climate change made it.
    public var valuesSHA256: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(5 * dryBulb.count * 8)
        for column in [dryBulb, dewPoint, relativeHumidity, pressure, windSpeed] {
            for value in column { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        }
        return SHA256.hex(bytes)
    }
}

/// Who made a result, how and when: `heatloop_version`, `git_revision`, `command_line` and `created_utc`
/// of every result file and table. The caller supplies it, so the library reads neither a clock nor a version.
public struct RunOrigin: Sendable, Equatable {
    public var heatloopVersion: String
    /// ISO 8601, UTC (`2025-01-01T00:00:00Z`).
    public var createdUTC: String
    /// The source tree's git revision (`unknown` when not known).
    public var gitRevision: String
    /// The command line, arguments joined by spaces.
    public var commandLine: String

    public init(heatloopVersion: String, createdUTC: String, gitRevision: String = "unknown", commandLine: String = "") {
        self.heatloopVersion = heatloopVersion
        self.createdUTC = createdUTC
        self.gitRevision = gitRevision
        self.commandLine = commandLine
    }

    /// The root attributes of a scenario table (batch summary, sizing table), with CF `source` and `history`.
    public var attributes: [ResultAttribute] {
        let provenance = RunProvenance(heatloopVersion: heatloopVersion, createdUTC: createdUTC, siteConfig: "", siteJSON: "",
                                       weatherFile: "", weatherSHA256: "", gitRevision: gitRevision, commandLine: commandLine)
        return [ResultAttribute("heatloop_version", .string(heatloopVersion)), ResultAttribute("created_utc", .string(createdUTC))]
            + provenance.programAttributes
    }
}

/// A scenario run to its end: the simulated year with its summary, and the result file's content.
public struct RecordedRun: Sendable {
    public var run: AppraisedRun
    public var document: ResultDocument
}

/// A scenario that could not run (its climate change does not apply to its weather); the others of a
/// batch go on.
public struct ScenarioFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}
