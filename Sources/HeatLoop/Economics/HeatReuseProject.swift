/// A heat-reuse project to appraise: what it builds (`size`) and its economics.
public struct HeatReuseProject: Sendable, Equatable {
    public var size: ProjectSize
    public var economics: ProjectEconomics

    public init(size: ProjectSize, economics: ProjectEconomics) {
        self.size = size
        self.economics = economics
    }

    /// The site as it would be without the project: the same IT, weather and cooling plant, no heat recovery.
    public static func baselineSite(_ site: Site) -> Site {
        var baseline = site
        baseline.heatRecovery = nil
        return baseline
    }

    /// Whether the appraisal needs a run of `baselineSite` (for the cooling savings).
    public var needsBaseline: Bool { economics.creditsCoolingSavings }
}

/// A finished run and its summary, with the project's economics when the site has them.
public struct AppraisedRun: Sendable {
    public var result: SimulationResult
    public var summary: RunSummary

    /// Simulates `site` over `weather` (at step midpoints; `hourlyDryBulb` the file's hourly dry bulb). With a `project`, also the site without heat
    /// recovery (unless `baseline` is given, e.g. shared by the designs of a sizing sweep) for the cooling
    /// savings. The baseline runs first and only its cooling series is kept, so peak memory is one run's.
    /// Throws when `weather` does not have the site's step count (`Simulation.init`).
    public init(site: Site, weather: StepWeather, hourlyDryBulb: [Double], project: HeatReuseProject?,
                baseline: CoolingBaseline? = nil) throws(SimulationError) {
        self.init(simulation: try Simulation(site: site, weather: weather, hourlyDryBulb: hourlyDryBulb),
                  project: project, baseline: baseline)
    }

    /// Runs `simulation` (and, for a project whose economics need it and no `baseline` is given, the same
    /// simulation without heat recovery first).
    /// `summaryOnly`: the result keeps only the step columns the summary reads (`RunSummary.seriesRead`),
    /// for runs of which only the summary is used (a sizing sweep's); the summary is the same to the bit.
    public init(simulation: Simulation, project: HeatReuseProject?, baseline: CoolingBaseline? = nil,
                summaryOnly: Bool = false) {
        var reference = baseline
        if let project, project.needsBaseline, reference == nil {
            reference = CoolingBaseline(simulation: simulation)
        }
        // The run reads the baseline's steps that heat recovery does not change (`SharedSteps`).
        let result = simulation.run(keeping: summaryOnly ? RunSummary.seriesRead : nil, reading: reference?.sharedSteps)
        self.result = result
        summary = RunSummary(result, economics: project.map {
            $0.economics.assess(size: $0.size, design: result, baseline: reference)
        })
    }
}
