import ArgumentParser
import Foundation
import HeatLoopFiles

/// Writes (and with `--submit` submits) a Slurm array job that runs a batch's shards (or, for a sizing
/// sweep or a batch under uncertainty, its blocks of designs or scenarios over every sample) and a
/// dependent job that merges their results. Slurm is the
/// distributed engine; HeatLoop only writes ordinary `sbatch` scripts.
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write a Slurm array job for a batch or a sizing sweep under uncertainty, and a dependent merge job; --submit submits both.",
        discussion: "The job scripts and their logs go into the results folder (--output). A sizing or batch file with "
            + "'uncertainty:' is split into blocks of designs or scenarios, each run over every sample; its merge writes "
            + "sizing.h5 and sizing.csv (or summary.h5 and summary.csv) after every task ended, and fails naming the "
            + "shards that are missing.")

    @Argument(help: "Batch file, or sizing file with 'uncertainty:' (YAML).") var batch: String
    @OptionGroup var folder: ResultFolderOptions
    @Flag(help: "Submit both jobs with sbatch (the merge runs after every array task succeeded).") var submit = false
    @Option(help: "Slurm partition.") var partition: String?
    @Option(help: "Time limit of each array task (Slurm syntax, e.g. 01:00:00).") var time: String?
    @Option(help: "Array tasks (default: enough that each runs about 5 minutes or more on its cores; at most one per --cpus-per-task scenarios and 1000).")
    var tasks: Int?
    @Option(name: .customLong("cpus-per-task"), help: "Cores per array task; its scenarios run that many at a time (default: \(SlurmScripts.defaultCPUsPerTask)).")
    var cpusPerTask: Int = SlurmScripts.defaultCPUsPerTask
    @OptionGroup var files: SummaryOnlyOptions

    func validate() throws {
        if let tasks, tasks < 1 { throw ValidationError("--tasks \(tasks): expected at least 1") }
        if cpusPerTask < 1 { throw ValidationError("--cpus-per-task \(cpusPerTask): expected at least 1") }
    }

    func run() throws {
        try FileKind.require([.batch, .sizing], batch)
        let scripts = FileKind.of(batch) == .sizing ? try sizingScripts() : try batchScripts()
        do { try scripts.write() } catch {
            printError("error: cannot write the job scripts in \(scripts.folder): \(error)")
            throw ExitStatus.failure
        }
        switch scripts.work {
        case .batch(let plan):
            print("\(scripts.arrayPath): \(scripts.tasks) array tasks of \(cpusPerTask) cores for \(plan.scenarios.count) scenarios")
            print("\(scripts.mergePath): merge after all tasks")
        case .ensemble(let ensemble):
            print("\(scripts.arrayPath): \(scripts.tasks) array tasks of \(cpusPerTask) cores for \(ensemble.ids.count) "
                  + "\(ensemble.study.noun)s × \(ensemble.samples) samples")
            print("\(scripts.mergePath): merge after all tasks ended (fails naming any shard missing)")
        }
        guard submit else {
            print("submit: id=$(sbatch --parsable \(scripts.arrayPath)) && sbatch \(scripts.mergeDependency(on: "$id")) \(scripts.mergePath)")
            return
        }
        let arrayJob = try Self.sbatch([scripts.arrayPath])
        let mergeJob = try Self.sbatch([scripts.mergeDependency(on: arrayJob), scripts.mergePath])
        print("submitted array job \(arrayJob) and merge job \(mergeJob)")
    }

    private func batchScripts() throws -> SlurmScripts {
        let plan = try loadInput { () throws(InputError) in try BatchPlan.load(path: batch) }
        if let uncertainty = plan.spec.uncertainty {
            try refuseResultFiles()
            let steps = plan.scenarios.flatMap { scenario in
                Array(repeating: scenario.siteInput().site.calendar.stepCount, count: uncertainty.samples)
            }
            return try ensembleScripts(BatchEnsembleRun.sharded(plan: plan, uncertainty: uncertainty, jobs: cpusPerTask), steps: steps)
        }
        return scripts(.batch(plan), name: plan.spec.name,
                       tasks: min(tasks ?? BatchTaskSizing(coresPerTask: cpusPerTask).tasks(for: plan), max(1, plan.scenarios.count)))
    }

    /// A sizing sweep under uncertainty: one shard per block of designs (`ensembleScripts`).
    private func sizingScripts() throws -> SlurmScripts {
        let plan = try loadInput { () throws(InputError) in try SizingPlan.load(path: batch) }
        guard let uncertainty = plan.spec.uncertainty else {
            printError("error: \(batch) has no 'uncertainty:'; `heatloop slurm` splits a sizing sweep under uncertainty "
                       + "(or a batch file); run this one with `heatloop size --spec \(batch)`")
            throw ExitStatus.invalidInput
        }
        try refuseResultFiles()
        let steps = plan.designs.first?.scenario.siteInput().site.calendar.stepCount ?? 0
        return try ensembleScripts(RobustSizingRun.sharded(plan: plan, uncertainty: uncertainty, jobs: cpusPerTask),
                                   steps: Array(repeating: steps, count: plan.designs.count * uncertainty.samples))
    }

    /// A study under uncertainty: one shard per block of units, by default enough that each task runs its
    /// units × samples (`steps`: the step count of every run) for about 5 minutes (`BatchTaskSizing`), at
    /// most one per unit.
    private func ensembleScripts(_ ensemble: ShardedEnsemble, steps: [Int]) -> SlurmScripts {
        let byDuration = BatchTaskSizing(coresPerTask: cpusPerTask).tasks(steps: steps)
        return scripts(.ensemble(ensemble), name: ensemble.name, tasks: min(tasks ?? byDuration, max(1, ensemble.ids.count)))
    }

    /// A study under uncertainty writes only its table (each task only its shard's rows): `--summary-only`
    /// and `--keep`, which choose the per-scenario result files, are refused rather than ignored.
    private func refuseResultFiles() throws {
        guard !files.summaryOnly else {
            printError("error: \(batch) has 'uncertainty:': its tasks write only their shard's rows and the merge only the "
                       + "summary table; --summary-only and --keep do not apply")
            throw ExitStatus.invalidInput
        }
    }

    private func scripts(_ work: SlurmScripts.Work, name: String, tasks: Int) -> SlurmScripts {
        let executable = CommandLine.arguments[0]
        return SlurmScripts(
            work: work, heatloop: Self.absolute(executable.contains("/") ? executable : Self.which(executable)),
            batchFile: Self.absolute(batch), folder: Self.absolute(folder.folder(named: name)),
            tasks: tasks, cpusPerTask: cpusPerTask, partition: partition, time: time, files: files.resultFiles)
    }

    /// Runs `sbatch --parsable ARGS` and returns the job id.
    static func sbatch(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sbatch", "--parsable"] + arguments
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        do { try process.run() } catch {
            printError("error: cannot run sbatch: \(error)")
            throw ExitStatus.failure
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let id = output.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard process.terminationStatus == 0, !id.isEmpty else {
            printError("error: sbatch \(arguments.joined(separator: " ")) failed: \(message)")
            throw ExitStatus.failure
        }
        return id
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    /// The executable found on PATH (for a `heatloop` started by name).
    static func which(_ name: String) -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return name
    }
}
