import HeatLoop

/// A sizing sweep under uncertainty (issue 18 item 5): every design of the plan over the same samples of
/// weather and uncertain inputs (common random numbers: sample s is the same weather member and the same
/// Latin-hypercube row for every design), each a summary-only annual run; the designs are then ranked by
/// `RobustCriterion` on their NPVs (constraints on each design's mean over the samples). The weather
/// members, the design condition and each sample's weather at the steps are made once and shared
/// (`RobustSampleRuns`); the cooling baseline of each sample is run once per distinct site without heat
/// recovery (`SizingDesignInput.baselineKey`) and shared by the designs that differ only in their heat-reuse
/// project.
public struct RobustSizingSweep: Sendable {
    public let plan: SizingPlan
    public let uncertainty: UncertaintySpec
    public let jobs: Int

    public init(plan: SizingPlan, uncertainty: UncertaintySpec, jobs: Int) {
        self.plan = plan
        self.uncertainty = uncertainty
        self.jobs = max(1, jobs)
    }

    /// `progress(done, total)` on the calling thread: design × sample runs. They go through the samples in
    /// order (sample-major), so the weather and the baseline a sample's runs share are made about once
    /// (`RobustSampleRuns`).
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws(ScenarioFailure) -> RobustSizingOutcome {
        let block = try kpis(designs: plan.designs.indices, progress: progress)
        return RobustSizingOutcome(plan: plan, uncertainty: uncertainty, columns: block.columns, values: block.values,
                                   samples: uncertainty.samples)
    }

    /// The KPI rows of the designs `designs` (indices into `plan.designs`) over every sample, design-major
    /// (row `(d − designs.lowerBound)·samples + s`): a shard of the sweep (`heatloop slurm`). The samples are
    /// made from the whole plan (its first design's weather, the seed), so every shard runs the same ones.
    public func rows(designs: Range<Int>,
                     progress: (Int, Int) -> Void = { _, _ in }) throws(ScenarioFailure) -> [RobustSizingOutcome.Row] {
        let block = try kpis(designs: designs, progress: progress)
        return block.values.map { values in
            zip(block.columns, values).map { column, value in (column.name, column.units, column.longName, value) }
        }
    }

    /// The KPIs of `designs` over every sample: their columns once and each run's values, design-major.
    private func kpis(designs: Range<Int>, progress: (Int, Int) -> Void) throws(ScenarioFailure)
        -> (columns: [RobustSizingOutcome.Column], values: [[Double]]) {
        let samples = uncertainty.samples, count = designs.count, first = designs.lowerBound
        let runs = try RobustSampleRuns(plan: plan, uncertainty: uncertainty)
        // Baselines: one per (baseline key, sample), from the block's first design with that key, made by the
        // first run that needs it. The runs go sample-major, so only the newest few are kept, up to 16 MB (each
        // holds its shared steps, ≈ 4 MB an hourly year: all 100 samples' would take 400 MB).
        var keyDesign: [String: Int] = [:]
        for index in designs where keyDesign[plan.designs[index].baselineKey] == nil {
            keyDesign[plan.designs[index].baselineKey] = index
        }
        let firstOfKey = keyDesign, baselineKeys = plan.designs.map(\.baselineKey)
        let baselines = SharedValues<CoolingBaseline>(capacityBytes: 16 << 20) { $0.bytes }
        let total = count * samples
        var done = 0
        progress(0, total)
        var failure: ScenarioFailure?
        // Only the values are kept per run (the names, units and long names are every run's same list): the
        // 40,000 rows of a 400 × 100 sweep take 26 MB instead of 180.
        var columns: [RobustSizingOutcome.Column]?
        var values = [[Double]](repeating: [], count: count * samples)
        ParallelRunner.run(count: count * samples, jobs: jobs, work: { index in
            Result { () throws(ScenarioFailure) in
                let (design, sample) = (first + index % count, index / count)
                let key = baselineKeys[design]
                let baseline = try baselines.value(for: "\(key)#\(sample)") { () throws(ScenarioFailure) in
                    try runs.runner(firstOfKey[key] ?? design, sample).coolingBaseline()
                }
                let run = try runs.runner(design, sample).appraise(baseline: baseline, summaryOnly: true)
                return run.summary.annual.named + (run.summary.economics?.named ?? [])
            }
        }, consume: { index, result in
            switch result {
            case .success(let row):
                let names = columns ?? row.map { ($0.name, $0.units, $0.longName) }
                columns = names
                if names.count == row.count, zip(names, row).allSatisfy({ $0.name == $1.name }) {
                    values[(index % count) * samples + index / count] = row.map(\.value)
                } else {
                    failure = failure ?? ScenarioFailure(description: "design \(runs.ids[first + index % count]), sample \(index / count): its KPIs are not the other runs'")
                }
            case .failure(let error): failure = failure ?? error
            }
            done += 1
            progress(done, total)
        })
        if let failure { throw failure }
        return (columns ?? [], values)
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

    /// A KPI of the runs: its name, units and long name.
    public typealias Column = (name: String, units: String, longName: String)
    /// One run's KPIs (name, units, long name, value): its annual summary, then its economics.
    public typealias Row = EnsembleShards.Row

    /// The outcome of `RobustSizingSweep.rows`, every design's row of every sample, design-major (row
    /// `d·samples + s`), as a merge of the sweep's shards reassembles them.
    public init(plan: SizingPlan, uncertainty: UncertaintySpec, rows: [Row], samples: Int) {
        let columns = (rows.first ?? []).map { ($0.name, $0.units, $0.longName) }
        self.init(plan: plan, uncertainty: uncertainty, columns: columns, values: rows.map { $0.map(\.value) }, samples: samples)
    }

    /// `values[d · samples + s]`: design d's KPIs in sample s, in `columns` order.
    init(plan: SizingPlan, uncertainty: UncertaintySpec, columns: [Column], values: [[Double]], samples: Int) {
        ids = plan.designs.map(\.id)
        parameterKeys = plan.parameterKeys
        parameters = plan.designs.map(\.parameters)
        self.samples = samples
        seed = uncertainty.seed
        let designs = plan.designs.count
        means = (0..<designs).map { design in
            let block = values[(design * samples)..<((design + 1) * samples)]
            return columns.indices.map { column in
                let finite = block.map { $0.indices.contains(column) ? $0[column] : .nan }.filter(\.isFinite)
                let mean = finite.isEmpty ? Double.nan : finite.reduce(0, +) / Double(finite.count)
                return (columns[column].name, columns[column].units, columns[column].longName, mean)
            }
        }
        let npvColumn = columns.firstIndex { $0.name == "npv_eur" }
        npv = (0..<designs).map { design in
            (0..<samples).map { sample in
                let row = values[design * samples + sample]
                return npvColumn.flatMap { row.indices.contains($0) ? row[$0] : nil } ?? .nan
            }
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
