import HeatLoop

/// A batch under uncertainty (issue 18 item 4): every scenario of the plan over the same samples of
/// weather and uncertain inputs (common random numbers, as `RobustSizingSweep` does for designs: sample s
/// is the same Latin-hypercube row for every scenario, and the same generated year of each scenario's
/// weather file, with the scenario's climate on top), each a summary-only annual run. Each scenario's
/// samples become an `EnsembleSummary` (P10/P50/P90/mean of the lender's KPIs, `Percentiles`).
///
/// The weather members of each distinct weather file are made once and shared by its scenarios. The
/// plant of a sample is designed for the scenario's own weather file, as in `EnsembleStudy`.
public struct BatchEnsemble: Sendable {
    public let plan: BatchPlan
    public let uncertainty: UncertaintySpec
    public let jobs: Int

    public init(plan: BatchPlan, uncertainty: UncertaintySpec, jobs: Int) {
        self.plan = plan
        self.uncertainty = uncertainty
        self.jobs = max(1, jobs)
    }

    /// `progress(done, total)` on the calling thread after each scenario × sample run.
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws(ScenarioFailure) -> BatchEnsembleOutcome {
        BatchEnsembleOutcome(plan: plan, uncertainty: uncertainty,
                             rows: try rows(scenarios: plan.scenarios.indices, progress: progress))
    }

    /// The KPI rows of the scenarios `scenarios` (indices into `plan.scenarios`) over every sample,
    /// scenario-major (row `(i − scenarios.lowerBound)·samples + s`): a shard of the batch (`heatloop slurm`).
    /// Each scenario's weather members are made from its own weather file and the seed alone, so every
    /// shard runs the same samples as a local run.
    public func rows(scenarios: Range<Int>,
                     progress: (Int, Int) -> Void = { _, _ in }) throws(ScenarioFailure) -> [EnsembleShards.Row] {
        let samples = uncertainty.samples, block = Array(plan.scenarios[scenarios])
        var ensembles: [String: WeatherEnsemble] = [:], perScenario: [WeatherEnsemble] = []
        for scenario in block {
            if let made = ensembles[scenario.weatherPath] {
                perScenario.append(made)
                continue
            }
            do {
                let members = try EnsembleStudy.weather(uncertainty, base: scenario.weather, file: plan.path).members(samples)
                let ensemble = try WeatherEnsemble(.recorded(members))
                ensembles[scenario.weatherPath] = ensemble
                perScenario.append(ensemble)
            } catch {
                throw ScenarioFailure(description: "uncertainty: weather of \(scenario.weatherLabel): \(error)")
            }
        }
        let weathers = perScenario
        let values = EnsembleStudy.inputValues(uncertainty), inputs = uncertainty.inputs
        // The design condition of each weather file, made once (8760 wet-bulb solves each).
        var ambients: [String: DesignAmbient] = [:]
        let makers = block.map { scenario in
            let ambient = ambients[scenario.weatherSHA256] ?? DesignAmbient(weather: scenario.weather)
            ambients[scenario.weatherSHA256] = ambient
            return EnsembleSample(root: scenario.designed.spec.node, sitePath: scenario.sitePath, traces: scenario.traces,
                                  designAmbient: ambient, weatherPath: scenario.weatherPath,
                                  weatherSHA256: scenario.weatherSHA256, timestepOverride: nil)
        }
        let climates = block.map(\.climate), ids = block.map(\.id)
        let total = block.count * samples
        var rows = [EnsembleShards.Row?](repeating: nil, count: total)
        var failure: ScenarioFailure?
        var done = 0
        progress(0, total)
        ParallelRunner.run(count: total, jobs: jobs, work: { index in
            Result { () throws(ScenarioFailure) in
                let (scenario, sample) = (index / samples, index % samples)
                do throws(ScenarioFailure) {
                    let input = try makers[scenario].input(sample, inputs: inputs, values: values[sample], weather: weathers[scenario])
                    let run = try ScenarioRunner(input: input, climate: climates[scenario]).appraise(summaryOnly: true)
                    return run.summary.annual.named + (run.summary.economics?.named ?? []) + EnsembleSummary.monthlyHeat(run.summary)
                } catch {
                    throw ScenarioFailure(description: "scenario \(ids[scenario]), \(error)")
                }
            }
        }, consume: { index, result in
            switch result {
            case .success(let row): rows[index] = row
            case .failure(let error): failure = failure ?? error
            }
            done += 1
            progress(done, total)
        })
        if let failure { throw failure }
        return rows.map { $0 ?? [] }
    }
}

/// A batch's results under uncertainty: per scenario its labels and its ensemble over the common samples.
public struct BatchEnsembleOutcome: Sendable {
    /// Per scenario: id and labels (`site`, `weather`, `climate`, varied key paths) as the batch summary has them.
    public var rows: [(id: String, labels: [(name: String, value: String)], varied: [(key: String, value: Double)])]
    /// Per scenario, in the same order: its samples' KPIs and their percentiles.
    public var summaries: [EnsembleSummary]
    public var uncertainty: UncertaintySpec
    public var batch: String
    public var baseline: String?
    /// ISO 4217 code of the money results when every scenario's site has the same currency.
    public var currency: String?

    /// The outcome of `rows`, every scenario's row of every sample, scenario-major (row `i·samples + s`), as
    /// `BatchEnsemble.run` collects them or a merge of its shards reassembles them.
    public init(plan: BatchPlan, uncertainty: UncertaintySpec, rows runs: [EnsembleShards.Row]) {
        let samples = uncertainty.samples, values = EnsembleStudy.inputValues(uncertainty)
        let summaries = plan.scenarios.indices.map { scenario in
            EnsembleSummary(inputKeys: uncertainty.inputs.map(\.keyPath), inputValues: values,
                            samples: Array(runs[(scenario * samples)..<((scenario + 1) * samples)]))
        }
        rows = plan.scenarios.map { scenario in
            var labels = [(name: "site", value: scenario.siteName), ("weather", scenario.weatherLabel),
                          ("climate", scenario.climate.name)]
            var varied: [(key: String, value: Double)] = []
            for (key, value) in scenario.varied {
                if let number = Double(value) { varied.append((key, number)) } else { labels.append((key, value)) }
            }
            return (scenario.id, labels, varied)
        }
        self.summaries = summaries
        self.uncertainty = uncertainty
        batch = plan.spec.name
        baseline = plan.baseline?.id
        let codes = Set(plan.scenarios.map { ($0.designed.spec.economics?.currencyUnit ?? .euro).code })
        currency = codes.count == 1 ? codes.first : nil
    }

    /// The summary table (`summary.h5`, `summary.csv`, `kind = batch_uncertainty`) along `scenario`: the
    /// labels and varied values, each KPI's `<kpi>_p10`, `_p50`, `_p90` and `_mean` over the samples
    /// (`Percentiles`, exceedance convention), and the NPV of every sample (`npv_eur_sample_000` …,
    /// `RobustSizing.sampleNPVColumn`) for the report's NPV distribution per scenario.
    public func table(origin: RunOrigin) -> ScenarioTable {
        let tableRows = rows.indices.map { index in
            let row = rows[index], summary = summaries[index]
            var values = row.varied.map { (name: $0.key, units: "", longName: "varied site parameter \($0.key)", value: $0.value) }
            for (column, name) in summary.kpiNames.enumerated() {
                let (units, longName) = (summary.kpiUnits[column], summary.kpiLongNames[column])
                values += zip(summary.percentiles[column].named(name), Percentiles.descriptions).map { named, what in
                    (named.name, units, "\(longName), \(what)", named.value)
                }
            }
            if let npv = summary.kpiNames.firstIndex(of: "npv_eur") {
                values += summary.kpiValues.enumerated().map { sample, kpis in
                    (RobustSizing.sampleNPVColumn(sample), "EUR", "NPV in sample \(sample)", kpis[npv])
                }
            }
            return ScenarioRow(id: row.id, labels: row.labels, values: values)
        }
        var attributes = [
            ResultAttribute("title", .string("HeatLoop batch summary of \(batch) under uncertainty")),
            ResultAttribute("kind", .string("batch_uncertainty")),
            ResultAttribute("batch", .string(batch)),
            ResultAttribute("samples", .int(uncertainty.samples)),
            ResultAttribute("seed", .int(Int(uncertainty.seed))),
            ResultAttribute("inputs", .string(uncertainty.inputs.map(\.keyPath).joined(separator: ","))),
            ResultAttribute("sampling", .string(uncertainty.samplingText)),
            ResultAttribute("common_random_numbers", .string("every scenario runs over the same Latin-hypercube rows and weather-generator years")),
            ResultAttribute("percentile_convention",
                            .string("exceedance: P90 is the value exceeded in 90 % of samples (the 10th percentile); "
                                    + "linear interpolation, Hyndman-Fan definition 7")),
        ]
        if let baseline { attributes.append(ResultAttribute(ScenarioTable.baselineAttribute, .string(baseline))) }
        if let currency { attributes.append(ResultAttribute(ScenarioTable.currencyAttribute, .string(currency))) }
        return ScenarioTable(dimension: "scenario", rows: tableRows, attributes: attributes + origin.attributes)
    }
}
