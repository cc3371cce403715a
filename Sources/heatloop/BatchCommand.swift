import ArgumentParser
import Foundation
import HeatLoop
import HeatLoopFiles

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run every scenario of a batch file (sites × weather × climate × varied parameters) in parallel.")

    @Argument(help: "Batch file (YAML).") var batch: String
    @OptionGroup var parallel: ParallelOptions
    @Option(help: "Run only scenarios with index % N == K (also from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX); with 'uncertainty:', the K-th block of scenarios over every sample, written to FOLDER/shards/K-of-N.h5 for `heatloop merge`.")
    var shard: String?
    @Flag(help: "Skip scenarios whose result exists, is complete and was made from the same inputs.") var resume = false
    @OptionGroup var files: SummaryOnlyOptions
    @OptionGroup var folder: ResultFolderOptions
    @OptionGroup var verbosity: Verbosity
    @Flag(help: .private) var worker = false

    func run() throws {
        Signals.install()
        if worker {
            // A child of a parallel batch (`WorkerProcesses`): runs the scenario indices read from stdin.
            let plan = try loadInput { () throws(InputError) in try BatchPlan.load(path: batch) }
            Allocator.keepFreedMemory()
            WorkerReply.serve(BatchResults(folder: try folder.create(named: plan.spec.name), files: files.resultFiles),
                              plan: plan)
            return
        }
        let part: Shard
        switch Shard.resolve(option: shard, environment: ProcessInfo.processInfo.environment) {
        case .success(let value): part = value
        case .failure(let problem):
            printError("error: \(problem)")
            throw ExitStatus.invalidInput
        }
        try FileKind.require([.batch], batch)
        let plan = try loadInput { () throws(InputError) in try BatchPlan.load(path: batch) }
        let output = try folder.create(named: plan.spec.name)
        if let uncertainty = plan.spec.uncertainty {
            guard !resume, !files.summaryOnly else {
                printError("error: a batch with 'uncertainty:' writes only its summary (or, with --shard, its shard's rows); "
                    + "--resume, --summary-only and --keep do not apply to it")
                throw ExitStatus.invalidInput
            }
            if part.isWhole {
                try BatchEnsembleRun.run(plan: plan, uncertainty: uncertainty, folder: output, jobs: parallel.count,
                                         quiet: verbosity.quiet)
            } else {
                try BatchEnsembleRun.sharded(plan: plan, uncertainty: uncertainty, jobs: parallel.count)
                    .run(shard: part, folder: output, quiet: verbosity.quiet)
            }
            return
        }
        let results = BatchResults(folder: output, files: files.resultFiles)
        let mine = plan.shard(part.index, of: part.count)
        let earlier = resume && !part.isWhole ? ShardSummary.entries(at: ShardSummary.path(in: output, shard: part)) : []
        let todo = resume ? mine.filter { !results.isDone($0, earlier: earlier) } : mine
        if !verbosity.quiet {
            let skipped = mine.count - todo.count
            printError("\(plan.spec.name): \(plan.scenarios.count) scenarios"
                + (part.isWhole ? "" : ", shard \(part) has \(mine.count)")
                + (skipped > 0 ? ", \(skipped) already done" : "") + " → \(results.folder)")
        }
        Allocator.keepFreedMemory()
        let recorded = try Signals.writing { results.record(todo, of: plan, jobs: parallel.count, quiet: verbosity.quiet) }
        if !verbosity.quiet { printError("timing: " + recorded.timing) }
        do {
            let count = try Signals.writing { () throws -> Int in
                let entries = results.rows(of: mine, entries: recorded.entries + earlier, plan: plan)
                if part.isWhole { return try results.writeSummary(of: plan, entries: entries) }
                try ShardSummary.write(entries, shard: part, batch: plan.spec.name, count: plan.scenarios.count, in: output)
                return entries.count
            }
            if !verbosity.quiet {
                let path = part.isWhole ? results.summaryPath : ShardSummary.path(in: output, shard: part)
                print("\(path): \(count) of \(part.isWhole ? plan.scenarios.count : mine.count) scenarios")
            }
        } catch {
            printError("error: could not write the summary in \(output): \(error)")
            throw ExitStatus.failure
        }
        if !recorded.failures.isEmpty {
            printError("error: \(recorded.failures.count) of \(todo.count) scenarios failed:")
            for failure in recorded.failures.prefix(20) { printError("  \(failure.id): \(failure.message)") }
            throw ExitStatus.failure
        }
    }
}
