import ArgumentParser
import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

struct SizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "Sweep a heat-reuse project's sizes (heat pump, storage, connection…) as full annual runs and recommend one.")

    @Argument(help: "Site file (YAML); default: the sizing file's 'site'.") var site: String?
    @Option(help: "Sizing file (YAML): the parameters to vary, the objective and the constraints.") var spec: String
    @Option(help: "Designs simulated at once (default: all cores).") var jobs: Int?
    @Option(help: "Folder for the results (default Output/<sizing name>).") var output: String?
    @Flag(help: "Print nothing but errors.") var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs): expected at least 1") }
    }

    func run() throws {
        let started = Date()
        PartialFileGuard.install()
        let plan: SizingPlan
        do { plan = try SizingPlan.load(path: spec, site: site) } catch {
            printError(error.description)
            throw ExitStatus.invalidInput
        }
        let folder = output ?? "Output/\(plan.spec.name)"
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            printError("error: cannot create \(folder): \(error)")
            throw ExitStatus.failure
        }
        let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        if !quiet { printError("\(plan.spec.name): \(plan.designs.count) designs of \((plan.sitePath as NSString).lastPathComponent) → \(folder)") }

        var sweep = SizingSweep(plan: plan, jobs: jobs, quiet: quiet)
        let designs = sweep.run(plan.designs)
        let analysis = SizingAnalysis(designs: designs, parameterKeys: plan.parameterKeys, objective: plan.spec.objective,
                                      constraints: plan.spec.constraints)
        let marginals = analysis.recommended.map { sweep.marginals(around: plan.designs[$0], designs: designs, objective: plan.spec.objective) } ?? []
        let recommendation = analysis.recommendation(designs: designs) + marginals.map(\.sentence).filter { !$0.isEmpty }

        let table = ScenarioTable(
            sizing: designs, analysis: analysis, recommendation: recommendation, marginals: marginals,
            attributes: [
                ResultAttribute("title", .string("HeatLoop sizing sweep \(plan.spec.name)")),
                ResultAttribute("sizing", .string(plan.spec.name)),
                ResultAttribute("site", .string(plan.designs.first?.scenario.siteName ?? "")),
                ResultAttribute("heatloop_version", .string(HeatLoopCommand.version)),
                ResultAttribute("created_utc", .string(ISO8601DateFormatter().string(from: Date()))),
            ])
        let tablePath = (folder as NSString).appendingPathComponent("sizing.h5")
        var written = [tablePath, (tablePath as NSString).deletingPathExtension + ".csv"]
        do {
            let writer = HDF5ScenarioTableWriter(path: tablePath)
            try PartialFileGuard.writing(writer.partialPath) { try writer.write(table) }
            try Data(table.csv.utf8).write(to: URL(fileURLWithPath: written[1]), options: .atomic)
            if let best = analysis.recommended {
                let path = (folder as NSString).appendingPathComponent("\(designs[best].id).h5")
                var writer = HDF5ResultWriter(path: path)
                let document = try BatchCommand.document(for: plan.designs[best].scenario, batch: plan.spec.name, count: designs.count)
                try PartialFileGuard.writing(writer.partialPath) { try writer.write(document) }
                written.append(path)
            }
        } catch {
            printError("error: could not write the results in \(folder): \(error)")
            throw ExitStatus.failure
        }
        if !quiet {
            print(SizingPrinter.table(designs: designs, analysis: analysis, top: plan.spec.top))
            print(recommendation.joined(separator: "\n"))
            print("Results: " + written.joined(separator: ", ") + String(format: " (%.1f s)", Date().timeIntervalSince(started)))
        }
    }
}

/// Runs a sweep's designs in parallel: the baselines without heat recovery first (one per distinct
/// site-without-project), then every design against its baseline.
struct SizingSweep {
    let plan: SizingPlan
    let jobs: Int
    let quiet: Bool
    private var baselines: [String: CoolingBaseline] = [:]

    init(plan: SizingPlan, jobs: Int, quiet: Bool) {
        self.plan = plan
        self.jobs = jobs
        self.quiet = quiet
    }

    /// Simulates `inputs` (with progress) into design rows, in input order.
    mutating func run(_ inputs: [SizingDesignInput]) -> [SizingDesign] {
        var pending: [String: SizingDesignInput] = [:]
        for input in inputs where baselines[input.baselineKey] == nil { pending[input.baselineKey] = input }
        let keys = pending.keys.sorted()
        ParallelRunner.run(
            count: keys.count, jobs: jobs,
            work: { [pending] index in
                let input = pending[keys[index]]!.scenario.siteInput()
                let weather = input.weather.atStepMidpoints(stepMinutes: input.site.calendar.stepMinutes)
                return CoolingBaseline(Simulation(site: HeatReuseProject.baselineSite(input.site), weather: weather).run())
            },
            consume: { index, baseline in baselines[keys[index]] = baseline })

        var progress = ProgressBar(total: inputs.count, quiet: quiet)
        var designs = [SizingDesign?](repeating: nil, count: inputs.count)
        let shared = baselines
        ParallelRunner.run(
            count: inputs.count, jobs: jobs,
            work: { index in Self.simulate(inputs[index], baseline: shared[inputs[index].baselineKey]) },
            consume: { index, design in
                designs[index] = design
                progress.advance(failed: false)
            })
        return designs.map { $0! }
    }

    /// The marginal value of one step of each numeric parameter around `optimum`: the designs one step
    /// below and above it, simulated like the others.
    mutating func marginals(around optimum: SizingDesignInput, designs: [SizingDesign], objective: SizingObjective) -> [MarginalValue] {
        let columns = [objective.column, "npv_eur", "heat_delivered_MWh", "capex_eur"].reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        let base = optimum.parameters
        var requests: [(parameter: Int, step: Double, direction: Double)] = []
        var inputs: [SizingDesignInput] = []
        for (parameter, key) in plan.parameterKeys.enumerated() where !base[parameter].isNaN {
            let swept = designs.map { $0.parameters[parameter] }
            guard let step = MarginalValue.step(for: key, swept: swept, at: base[parameter]) else { continue }
            for direction in [-1.0, 1.0] where base[parameter] + direction * step >= 0 {
                var parameters = base
                parameters[parameter] = base[parameter] + direction * step
                guard let input = try? plan.design(parameters: parameters, values: optimum.values) else { continue }
                requests.append((parameter, step, direction))
                inputs.append(input)
            }
        }
        let neighbours = run(inputs)
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

    static func simulate(_ input: SizingDesignInput, baseline: CoolingBaseline?) -> SizingDesign {
        let site = input.scenario.siteInput()
        let run = AppraisedRun(site: site.site, weather: site.weather.atStepMidpoints(stepMinutes: site.site.calendar.stepMinutes),
                               project: site.project, baseline: baseline)
        let columns = run.summary.annual.named + (run.summary.economics?.named ?? [])
        return SizingDesign(id: input.id, parameters: input.parameters, columns: columns)
    }

}
