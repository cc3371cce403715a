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
    @OptionGroup var parallel: ParallelOptions
    @Flag(help: "Write only the design table (sizing.h5, sizing.csv), not the recommended design's result file.")
    var summaryOnly = false
    @Option(help: "With 'uncertainty:' only: run the designs of shard K of N and write FOLDER/shards/K-of-N.h5 for `heatloop merge` (also from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX).")
    var shard: String?
    @OptionGroup var folder: ResultFolderOptions
    @OptionGroup var verbosity: Verbosity

    func run() throws {
        let started = Date()
        Signals.install()
        Allocator.keepFreedMemory()
        try FileKind.require([.sizing], spec, option: "--spec")
        if let site { try FileKind.require([.site], site) }
        let plan = try loadInput { () throws(InputError) in try SizingPlan.load(path: spec, site: site) }
        let folder = try folder.create(named: plan.spec.name)
        let quiet = verbosity.quiet
        if let uncertainty = plan.spec.uncertainty {
            let part: Shard
            switch Shard.resolve(option: shard, environment: ProcessInfo.processInfo.environment) {
            case .success(let value): part = value
            case .failure(let problem):
                printError("error: \(problem)")
                throw ExitStatus.invalidInput
            }
            if part.isWhole {
                try RobustSizingRun.run(plan: plan, uncertainty: uncertainty, folder: folder, jobs: parallel.count, quiet: quiet)
            } else {
                try RobustSizingRun.sharded(plan: plan, uncertainty: uncertainty, jobs: parallel.count)
                    .run(shard: part, folder: folder, quiet: quiet)
            }
            return
        }
        if let shard {
            printError("error: --shard \(shard): \(spec) has no 'uncertainty:'; only a sizing sweep under uncertainty is split into shards")
            throw ExitStatus.invalidInput
        }
        if !quiet { printError("\(plan.spec.name): \(plan.designs.count) designs of \((plan.sitePath as NSString).lastPathComponent) → \(folder)") }

        var sweep = SizingSweep(plan: plan, jobs: parallel.count)
        var progress: ProgressBar?
        let outcome: SizingOutcome
        do {
            outcome = try sweep.run { _, done, total in
                if done == 0 { progress = ProgressBar(total: total, unit: "designs", quiet: quiet) } else { progress?.advance(failed: false) }
            }
        } catch {
            printError("error: \(error)")
            throw ExitStatus.failure
        }
        let written: [String]
        do { written = try Signals.writing { try Self.write(outcome, of: plan, in: folder, recommendedFile: !summaryOnly) } } catch {
            printError("error: could not write the results in \(folder): \(error)")
            throw ExitStatus.failure
        }
        if !quiet {
            print(SizingPrinter.table(designs: outcome.designs, analysis: outcome.analysis, top: plan.spec.top,
                                      currency: plan.currency))
            print(outcome.recommendation.joined(separator: "\n"))
            print("Results: " + written.joined(separator: ", ") + String(format: " (%.1f s)", Date().timeIntervalSince(started)))
        }
    }

    /// Writes `sizing.h5`, `sizing.csv` and, with `recommendedFile`, the recommended design's full result
    /// (`<id>.h5`); returns their paths.
    static func write(_ outcome: SizingOutcome, of plan: SizingPlan, in folder: String,
                      recommendedFile: Bool) throws -> [String] {
        let table = outcome.table(name: plan.spec.name, site: plan.designs.first?.scenario.siteName ?? "", origin: .now())
        let tablePath = (folder as NSString).appendingPathComponent("sizing.h5")
        let csvPath = (tablePath as NSString).deletingPathExtension + ".csv"
        try HDF5ScenarioTableWriter(path: tablePath, interruption: Signals.interruption).write(table)
        try OutputPath.write(text: table.csv, to: csvPath)
        guard recommendedFile, let best = outcome.recommended else { return [tablePath, csvPath] }
        let path = (folder as NSString).appendingPathComponent("\(best.id).h5")
        let attributes = best.scenario.resultAttributes(batch: plan.spec.name, count: outcome.designs.count)
        try OutputPath.write(try ScenarioRunner(best.scenario).record(origin: .now(), attributes: attributes).document, to: path)
        return [tablePath, csvPath, path]
    }
}
