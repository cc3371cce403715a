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
    @Option(help: "Run only scenarios with index % N == K (also from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX).")
    var shard: String?
    @Flag(help: "Skip scenarios whose result exists, is complete and was made from the same inputs.") var resume = false
    @OptionGroup var folder: ResultFolderOptions
    @OptionGroup var verbosity: Verbosity

    func run() throws {
        Signals.install()
        let part: Shard
        switch Shard.resolve(option: shard, environment: ProcessInfo.processInfo.environment) {
        case .success(let value): part = value
        case .failure(let problem):
            printError("error: \(problem)")
            throw ExitStatus.invalidInput
        }
        let plan = try loadInput { () throws(InputError) in try BatchPlan.load(path: batch) }
        let results = BatchResults(folder: try folder.create(named: plan.spec.name))
        let mine = plan.shard(part.index, of: part.count)
        let todo = resume ? mine.filter { !results.isDone($0) } : mine
        if !verbosity.quiet {
            let skipped = mine.count - todo.count
            printError("\(plan.spec.name): \(plan.scenarios.count) scenarios"
                + (part.isWhole ? "" : ", shard \(part) has \(mine.count)")
                + (skipped > 0 ? ", \(skipped) already done" : "") + " → \(results.folder)")
        }
        let failures = results.record(todo, of: plan, jobs: parallel.count, quiet: verbosity.quiet)
        if part.isWhole {
            do {
                let count = try Signals.writing { try results.writeSummary(of: plan) }
                if !verbosity.quiet { print("\(results.summaryPath): \(count) of \(plan.scenarios.count) scenarios") }
            } catch {
                printError("error: could not write \(results.summaryPath): \(error)")
                throw ExitStatus.failure
            }
        }
        if !failures.isEmpty {
            printError("error: \(failures.count) of \(todo.count) scenarios failed:")
            for failure in failures.prefix(20) { printError("  \(failure.id): \(failure.message)") }
            throw ExitStatus.failure
        }
    }
}
