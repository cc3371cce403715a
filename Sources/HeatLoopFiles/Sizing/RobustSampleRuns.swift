import HeatLoop

/// How a sweep under uncertainty makes the run of design d in sample s, with what the runs have in common
/// made once: the weather members (one per sample), the design condition of the site's weather file (one per
/// file: 8760 wet-bulb solves), and each sample's weather at the steps (one per sample and step length:
/// 8760 psychrometric states; made per run, these two were two thirds of an hourly run's CPU time). Every
/// shared value is what the run would make alone from the same inputs, so results are the same to the bit
/// (`RobustSizingSweepTests`).
struct RobustSampleRuns: Sendable {
    let ids: [String]
    private let makers: [EnsembleSample]
    private let inputs: [UncertainInput]
    /// Per sample, the uncertain inputs' values (the Latin-hypercube row).
    private let values: [[Double]]
    private let weather: WeatherEnsemble
    /// Each sample's weather at the steps, by `"<sample> <step minutes>"`; the newest kept up to 64 MB (all
    /// 100 samples of an hourly sweep), so that a sweep visiting the samples in order makes each about once.
    private let stepWeathers = SharedValues<ScenarioWeather>(capacityBytes: 64 << 20) { $0.stepWeather.count * 48 }

    init(plan: SizingPlan, uncertainty: UncertaintySpec) throws(ScenarioFailure) {
        guard let first = plan.designs.first else { throw ScenarioFailure(description: "the sweep has no design") }
        let members: [WeatherSeries]
        do {
            members = try EnsembleStudy.weather(uncertainty, base: first.scenario.weather, file: plan.path)
                .members(uncertainty.samples)
        } catch {
            throw ScenarioFailure(description: "uncertainty: \(error)")
        }
        do { weather = try WeatherEnsemble(.recorded(members)) } catch { throw ScenarioFailure(description: "\(error)") }
        values = EnsembleStudy.inputValues(uncertainty)
        inputs = uncertainty.inputs
        ids = plan.designs.map(\.id)
        // The plant is designed for the site's own weather file, the same for every design of a sweep.
        var ambients: [String: DesignAmbient] = [:]
        makers = plan.designs.map { design in
            let scenario = design.scenario
            let ambient = ambients[scenario.weatherSHA256] ?? DesignAmbient(weather: scenario.weather)
            ambients[scenario.weatherSHA256] = ambient
            return EnsembleSample(root: scenario.designed.spec.node, sitePath: scenario.sitePath, traces: scenario.traces,
                                  designAmbient: ambient, weatherPath: scenario.weatherPath,
                                  weatherSHA256: scenario.weatherSHA256, timestepOverride: nil)
        }
    }

    /// Design `design`'s site with sample `sample`'s values set, in the sample's weather member.
    func input(_ design: Int, _ sample: Int) throws(ScenarioFailure) -> SiteInput {
        do { return try makers[design].input(sample, inputs: inputs, values: values[sample], weather: weather) } catch {
            throw ScenarioFailure(description: "design \(ids[design]), \(error.description)")
        }
    }

    /// The runner of design `design` in sample `sample`, in the sample's shared weather at the steps.
    func runner(_ design: Int, _ sample: Int) throws(ScenarioFailure) -> ScenarioRunner {
        let input = try input(design, sample)
        let stepMinutes = input.site.calendar.stepMinutes
        let weather = stepWeathers.value(for: "\(sample) \(stepMinutes)") { () throws(Never) in
            ScenarioWeather(series: input.weather, climate: .asRecorded, stepMinutes: stepMinutes)
        }
        return try ScenarioRunner(input: input, weather: weather)
    }
}
