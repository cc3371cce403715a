import HeatLoop

/// Runs a sizing plan's designs as full annual runs, in parallel: first the baselines without heat
/// recovery (one per distinct site without the project, `SizingDesignInput.baselineKey`), then every
/// design appraised against its baseline (a summary each, no result document), then the analysis (ranks,
/// Pareto fronts, the recommended design) and the marginal designs one step around the recommended one.
/// Progress goes to a callback; nothing is printed.
public struct SizingSweep {
    public let plan: SizingPlan
    /// Designs simulated at once.
    public let jobs: Int
    private var baselines: [String: CoolingBaseline] = [:]
    /// The weather at the steps, prepared once for all designs.
    private let shared = BatchShared()

    /// The two parallel stages, each reported from 0 to its total.
    public enum Stage: Sendable, Equatable {
        /// The plan's designs.
        case designs
        /// The designs one step around the recommended one.
        case marginals
    }

    /// Called on the calling thread with `done` = 0 when a stage starts and after each finished design.
    public typealias Progress = (_ stage: Stage, _ done: Int, _ total: Int) -> Void

    public init(plan: SizingPlan, jobs: Int) {
        self.plan = plan
        self.jobs = max(1, jobs)
    }

    /// Every design, the analysis, the marginal values and the recommendation in words. Throws the first
    /// design whose run cannot be made (its weather does not fit its steps).
    public mutating func run(progress: Progress = { _, _, _ in }) throws(ScenarioFailure) -> SizingOutcome {
        let designs = try simulate(plan.designs, stage: .designs, progress: progress)
        let objective = plan.spec.objective
        var analysis = SizingAnalysis(designs: designs, parameterKeys: plan.parameterKeys, objective: objective,
                                      constraints: SizingAnalysis.constraints(plan.spec.constraints))
        analysis.currency = plan.currency
        var marginals: [MarginalValue] = []
        if let recommended = analysis.recommended {
            marginals = try self.marginals(around: plan.designs[recommended], designs: designs, objective: objective,
                                           progress: progress)
        }
        let recommendation = analysis.recommendation(designs: designs) + marginals.map { $0.sentence(in: plan.currency) }.filter { !$0.isEmpty }
        return SizingOutcome(designs: designs, analysis: analysis, marginals: marginals, recommendation: recommendation,
                             recommended: analysis.recommended.map { plan.designs[$0] })
    }

    /// Simulates `inputs` into design rows, in input order, running the baselines they still lack first.
    mutating func simulate(_ inputs: [SizingDesignInput], stage: Stage,
                           progress: Progress) throws(ScenarioFailure) -> [SizingDesign] {
        try runBaselines(for: inputs)
        progress(stage, 0, inputs.count)
        var designs = [Result<SizingDesign, ScenarioFailure>?](repeating: nil, count: inputs.count)
        var done = 0
        let (known, shared) = (baselines, shared)
        ParallelRunner.run(
            count: inputs.count, jobs: jobs,
            work: { index in
                Result { () throws(ScenarioFailure) in
                    try Self.design(inputs[index], baseline: known[inputs[index].baselineKey], shared: shared)
                }
            },
            consume: { index, design in
                designs[index] = design
                done += 1
                progress(stage, done, inputs.count)
            })
        var rows: [SizingDesign] = []
        for design in designs { if let design { rows.append(try design.get()) } }
        return rows
    }

    /// The baselines of `inputs` not run yet, one per distinct `baselineKey`.
    private mutating func runBaselines(for inputs: [SizingDesignInput]) throws(ScenarioFailure) {
        var pending: [String: SizingDesignInput] = [:]
        for input in inputs where baselines[input.baselineKey] == nil { pending[input.baselineKey] = input }
        let todo = pending.sorted { $0.key < $1.key }
        // Every baseline is kept for the whole sweep: with their shared steps only while they all fit in
        // `BatchShared.baselineBytes`.
        let steps = todo.first.map { $0.value.scenario.siteInput().site.calendar.stepCount } ?? 0
        let sharingSteps = (baselines.count + todo.count) * CoolingBaseline.bytes(steps: steps) <= BatchShared.baselineBytes
        var failure: ScenarioFailure?
        ParallelRunner.run(
            count: todo.count, jobs: jobs,
            work: { index in
                Result { () throws(ScenarioFailure) in
                    try ScenarioRunner(input: todo[index].value.scenario.siteInput()).coolingBaseline(sharingSteps: sharingSteps)
                }
            },
            consume: { index, outcome in
                switch outcome {
                case .success(let baseline): baselines[todo[index].key] = baseline
                case .failure(let error): failure = failure ?? error
                }
            })
        if let failure { throw failure }
    }

    /// One design's row: its parameters and the summary's annual KPIs and economics. The sizing file
    /// varies the site, not the climate, so the weather is used as read (prepared once, in `shared`).
    static func design(_ input: SizingDesignInput, baseline: CoolingBaseline?,
                       shared: BatchShared) throws(ScenarioFailure) -> SizingDesign {
        let run: AppraisedRun
        do { run = try ScenarioRunner(input.scenario, shared: shared).appraise(baseline: baseline, summaryOnly: true) } catch {
            throw ScenarioFailure(description: "design \(input.id): \(error.description)")
        }
        let columns = run.summary.annual.named + (run.summary.economics?.named ?? [])
        return SizingDesign(id: input.id, parameters: input.parameters, columns: columns)
    }

    /// The marginal value of one step of each numeric parameter around `optimum`: the designs one step
    /// below and above it, simulated like the others.
    mutating func marginals(around optimum: SizingDesignInput, designs: [SizingDesign], objective: SizingObjective,
                            progress: Progress) throws(ScenarioFailure) -> [MarginalValue] {
        let columns = [objective.column, "npv_eur", "heat_delivered_MWh", "capex_eur"].reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        let requests = neighbours(of: optimum, designs: designs)
        let neighbours = try simulate(requests.map(\.input), stage: .marginals, progress: progress)
        guard let centre = designs.first(where: { $0.id == optimum.id }) else { return [] }
        return plan.parameterKeys.indices.compactMap { parameter in
            let mine = requests.indices.filter { requests[$0].parameter == parameter }
            guard let step = mine.first.map({ requests[$0].step }) else { return nil }
            func change(_ direction: Double) -> [Double]? {
                guard let index = mine.first(where: { requests[$0].direction == direction }) else { return nil }
                return columns.map { (centre.value($0) - neighbours[index].value($0)) * -direction }
            }
            return MarginalValue(key: plan.parameterKeys[parameter], step: step, columns: columns, last: change(-1), next: change(1))
        }
    }

    /// The designs one step below and above `optimum` in each numeric parameter, where the site accepts them.
    private func neighbours(of optimum: SizingDesignInput, designs: [SizingDesign])
        -> [(parameter: Int, step: Double, direction: Double, input: SizingDesignInput)] {
        let base = optimum.parameters
        var requests: [(parameter: Int, step: Double, direction: Double, input: SizingDesignInput)] = []
        for (parameter, key) in plan.parameterKeys.enumerated() where !base[parameter].isNaN {
            let swept = designs.map { $0.parameters[parameter] }
            guard let step = MarginalValue.step(for: key, swept: swept, at: base[parameter]) else { continue }
            for direction in [-1.0, 1.0] where base[parameter] + direction * step >= 0 {
                var parameters = base
                parameters[parameter] = base[parameter] + direction * step
                guard let input = try? plan.design(parameters: parameters, values: optimum.values) else { continue }
                requests.append((parameter, step, direction, input))
            }
        }
        return requests
    }
}

/// A finished sizing sweep: the design rows, their analysis, the marginal values around the recommended
/// design and the recommendation in words.
public struct SizingOutcome: Sendable {
    public var designs: [SizingDesign]
    public var analysis: SizingAnalysis
    public var marginals: [MarginalValue]
    /// Sentences: the recommended design and why, then what one more step of each parameter is worth.
    public var recommendation: [String]
    /// The recommended design's input, when one meets the constraints (to record its full result).
    public var recommended: SizingDesignInput?

    /// The design table (`sizing.h5`, `sizing.csv`) of sweep `name` over site `site`.
    public func table(name: String, site: String, origin: RunOrigin) -> ScenarioTable {
        ScenarioTable(
            sizing: designs, analysis: analysis, recommendation: recommendation, marginals: marginals,
            attributes: [
                ResultAttribute("title", .string("HeatLoop sizing sweep \(name)")),
                ResultAttribute("sizing", .string(name)),
                ResultAttribute("site", .string(site)),
            ] + origin.attributes)
    }
}
