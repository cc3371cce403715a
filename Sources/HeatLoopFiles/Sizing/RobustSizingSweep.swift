import HeatLoop

/// A sizing sweep under uncertainty (issue 18 item 5): every design of the plan over the same samples of
/// weather and uncertain inputs (common random numbers: sample s is the same weather member and the same
/// Latin-hypercube row for every design), each a summary-only annual run; the designs are then ranked by
/// `RobustCriterion` on their NPVs (constraints on each design's mean over the samples). The weather
/// members are made once and shared; the cooling baseline of each sample is run once per distinct site
/// without heat recovery (`SizingDesignInput.baselineKey`) and shared by the designs that differ only in
/// their heat-reuse project.
public struct RobustSizingSweep: Sendable {
    public let plan: SizingPlan
    public let uncertainty: UncertaintySpec
    public let jobs: Int

    public init(plan: SizingPlan, uncertainty: UncertaintySpec, jobs: Int) {
        self.plan = plan
        self.uncertainty = uncertainty
        self.jobs = max(1, jobs)
    }

    /// `progress(done, total)` on the calling thread: baselines, then design × sample runs.
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws(ScenarioFailure) -> RobustSizingOutcome {
        let rows = try rows(designs: plan.designs.indices, progress: progress)
        return RobustSizingOutcome(plan: plan, uncertainty: uncertainty, rows: rows, samples: uncertainty.samples)
    }

    /// The KPI rows of the designs `designs` (indices into `plan.designs`) over every sample, design-major
    /// (row `(d − designs.lowerBound)·samples + s`): a shard of the sweep (`heatloop slurm`). The samples are
    /// made from the whole plan (its first design's weather, the seed), so every shard runs the same ones.
    public func rows(designs: Range<Int>,
                     progress: (Int, Int) -> Void = { _, _ in }) throws(ScenarioFailure) -> [RobustSizingOutcome.Row] {
        guard let first = plan.designs.first else { throw ScenarioFailure(description: "the sweep has no design") }
        let samples = uncertainty.samples
        let members: [WeatherSeries]
        do {
            members = try EnsembleStudy.weather(uncertainty, base: first.scenario.weather, file: plan.path).members(samples)
        } catch {
            throw ScenarioFailure(description: "uncertainty: \(error)")
        }
        let weather: WeatherEnsemble
        do { weather = try WeatherEnsemble(.recorded(members)) } catch { throw ScenarioFailure(description: "\(error)") }
        let values = EnsembleStudy.inputValues(uncertainty)
        let makers = plan.designs.map { design in
            EnsembleSample(root: design.scenario.designed.spec.node, sitePath: design.scenario.sitePath,
                           traces: design.scenario.traces, designWeather: design.scenario.weather,
                           weatherPath: design.scenario.weatherPath, weatherSHA256: design.scenario.weatherSHA256,
                           timestepOverride: nil)
        }
        let inputs = uncertainty.inputs
        let ids = plan.designs.map(\.id)
        @Sendable func input(_ design: Int, _ sample: Int) throws(ScenarioFailure) -> SiteInput {
            do { return try makers[design].input(sample, inputs: inputs, values: values[sample], weather: weather) } catch {
                throw ScenarioFailure(description: "design \(ids[design]), \(error.description)")
            }
        }
        // Baselines: one per (baseline key, sample), from the first design with that key.
        var keyDesign: [String: Int] = [:]
        for index in designs where keyDesign[plan.designs[index].baselineKey] == nil {
            keyDesign[plan.designs[index].baselineKey] = index
        }
        let keys = keyDesign.keys.sorted(), keyDesigns = keys.map { keyDesign[$0] ?? 0 }
        let total = keys.count * samples + designs.count * samples
        var done = 0
        progress(0, total)
        var baselines: [String: CoolingBaseline] = [:]
        var failure: ScenarioFailure?
        ParallelRunner.run(count: keys.count * samples, jobs: jobs, work: { index in
            Result { () throws(ScenarioFailure) in
                try ScenarioRunner(input: input(keyDesigns[index / samples], index % samples)).coolingBaseline()
            }
        }, consume: { index, result in
            switch result {
            case .success(let baseline): baselines["\(keys[index / samples])#\(index % samples)"] = baseline
            case .failure(let error): failure = failure ?? error
            }
            done += 1
            progress(done, total)
        })
        if let failure { throw failure }
        let known = baselines, baselineKeys = plan.designs.map(\.baselineKey)
        var rows = [RobustSizingOutcome.Row?](repeating: nil, count: designs.count * samples)
        let firstDesign = designs.lowerBound
        ParallelRunner.run(count: designs.count * samples, jobs: jobs, work: { index in
            Result { () throws(ScenarioFailure) in
                let (design, sample) = (firstDesign + index / samples, index % samples)
                let baseline = known["\(baselineKeys[design])#\(sample)"]
                let run = try ScenarioRunner(input: input(design, sample)).appraise(baseline: baseline)
                return run.summary.annual.named + (run.summary.economics?.named ?? [])
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

/// A robust sweep's results: per design its mean KPIs over the samples and its NPV in every sample, the
/// robust analysis and the recommendation in words.
public struct RobustSizingOutcome: Sendable {
    public var ids: [String]
    public var parameterKeys: [String]
    public var parameters: [[Double]]
    /// Per design, each KPI's mean over the samples (name, units, long name, mean).
    public var means: [[(name: String, units: String, longName: String, value: Double)]]
    /// `npv[d][s]`: design d's NPV in sample s.
    public var npv: [[Double]]
    public var analysis: RobustSizing
    public var recommendation: [String]
    public var samples: Int
    public var seed: UInt64

    /// One run's KPIs (name, units, long name, value): its annual summary, then its economics.
    public typealias Row = EnsembleShards.Row

    /// The outcome of `rows`, every design's row of every sample, design-major (row `d·samples + s`), as
    /// `RobustSizingSweep.run` collects them or a merge of its shards reassembles them.
    public init(plan: SizingPlan, uncertainty: UncertaintySpec, rows: [Row], samples: Int) {
        ids = plan.designs.map(\.id)
        parameterKeys = plan.parameterKeys
        parameters = plan.designs.map(\.parameters)
        self.samples = samples
        seed = uncertainty.seed
        let designs = plan.designs.count
        let template = rows.first ?? []
        means = (0..<designs).map { design in
            let block = rows[(design * samples)..<((design + 1) * samples)]
            return template.indices.map { column in
                let values = block.map { $0.indices.contains(column) ? $0[column].value : .nan }.filter(\.isFinite)
                let mean = values.isEmpty ? Double.nan : values.reduce(0, +) / Double(values.count)
                return (template[column].name, template[column].units, template[column].longName, mean)
            }
        }
        npv = (0..<designs).map { design in
            (0..<samples).map { sample in rows[design * samples + sample].first { $0.name == "npv_eur" }?.value ?? .nan }
        }
        let constraints = SizingAnalysis.constraints(plan.spec.constraints)
        let feasible = means.map { columns in
            constraints.allSatisfy { constraint in constraint.isSatisfied(by: columns.first { $0.name == constraint.column }?.value ?? .nan) }
        }
        analysis = RobustSizing(npvBySample: npv, feasible: feasible, criterion: plan.spec.recommendBy)
        recommendation = analysis.sentences(ids: ids, currency: plan.currency)
    }

    /// A design's NPV in each sample, `npv_eur_sample_000` …, for the report's NPV distribution per design.
    static func sampleNPVColumns(_ npv: [Double]) -> [(name: String, units: String, longName: String, value: Double)] {
        npv.enumerated().map { sample, value in
            (RobustSizing.sampleNPVColumn(sample), "EUR", "NPV in sample \(sample)", value)
        }
    }

    /// The design table (`sizing.h5`, `sizing.csv`) along `design`: the parameters, each KPI's mean over the
    /// samples (`<kpi>_mean`), NPV P10/P50/P90, the maximum regret, feasibility and rank; the criterion, the
    /// samples, the seed and the recommendation as root attributes.
    public func table(name: String, site: String, origin: RunOrigin) -> ScenarioTable {
        let rows = ids.indices.map { d in
            var values = zip(parameterKeys, parameters[d]).map { key, value in
                (name: key, units: "", longName: "varied site parameter \(key)", value: value)
            }
            values += means[d].map { ("\($0.name)_mean", $0.units, "\($0.longName), mean over the samples", $0.value) }
            values += [
                ("npv_eur_p10", "EUR", "NPV exceeded in 10 % of samples", analysis.npv[d].p10),
                ("npv_eur_p50", "EUR", "median NPV over the samples", analysis.npv[d].p50),
                ("npv_eur_p90", "EUR", "NPV exceeded in 90 % of samples", analysis.npv[d].p90),
                ("max_regret_eur", "EUR", "largest NPV shortfall against the best design of a sample", analysis.maximumRegret[d]),
                ("feasible", "1", "meets every constraint on its means (1) or not (0)", analysis.feasible[d] ? 1 : 0),
                ("rank", "1", "rank by the criterion among feasible designs (1 = best)", analysis.rank[d].map(Double.init) ?? .nan),
            ]
            values += Self.sampleNPVColumns(npv[d])
            return ScenarioRow(id: ids[d], labels: [], values: values)
        }
        return ScenarioTable(dimension: "design", rows: rows, attributes: [
            ResultAttribute("title", .string("HeatLoop sizing sweep \(name) under uncertainty")),
            ResultAttribute("sizing", .string(name)),
            ResultAttribute("site", .string(site)),
            ResultAttribute("kind", .string("sizing_uncertainty")),
            ResultAttribute("recommend_by", .string(analysis.criterion.rawValue)),
            ResultAttribute("parameters", .string(parameterKeys.joined(separator: ","))),
            ResultAttribute("samples", .int(samples)),
            ResultAttribute("seed", .int(Int(seed))),
            ResultAttribute("common_random_numbers", .string("every design runs over the same weather members and Latin-hypercube rows")),
            ResultAttribute("recommended_design", .string(analysis.recommended.map { ids[$0] } ?? "")),
            ResultAttribute("recommendation", .string(recommendation.joined(separator: "\n"))),
        ] + origin.attributes)
    }
}
