import ArgumentParser
import Foundation
import HeatLoopFiles

/// Writes (and with `--submit` submits) a Slurm array job that runs a batch's shards and a dependent job
/// that merges their results. Slurm is the distributed engine; HeatLoop only writes ordinary `sbatch` scripts.
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write a Slurm array job for a batch, and a dependent merge job; --submit submits both.")

    @Argument(help: "Batch file (YAML).") var batch: String
    @Option(help: "Folder for the results and the job scripts (default Output/<batch name>).") var output: String?
    @Flag(help: "Submit both jobs with sbatch (the merge runs after every array task succeeded).") var submit = false
    @Option(help: "Slurm partition.") var partition: String?
    @Option(help: "Time limit of each array task (Slurm syntax, e.g. 01:00:00).") var time: String?
    @Option(help: "Array tasks (default: one per scenario, at most 1000).") var tasks: Int?
    @Option(name: .customLong("cpus-per-task"), help: "Cores per array task (its scenarios run in parallel).")
    var cpusPerTask: Int = 1

    func validate() throws {
        if let tasks, tasks < 1 { throw ValidationError("--tasks \(tasks): expected at least 1") }
        if cpusPerTask < 1 { throw ValidationError("--cpus-per-task \(cpusPerTask): expected at least 1") }
    }

    func run() throws {
        let plan: BatchPlan
        do { plan = try BatchPlan.load(path: batch) } catch {
            printError(error.description)
            throw ExitStatus.invalidInput
        }
        let folder = Self.absolute(output ?? "Output/\(plan.spec.name)")
        let logs = (folder as NSString).appendingPathComponent("logs")
        let count = min(tasks ?? min(plan.scenarios.count, 1000), plan.scenarios.count)
        let heatloop = Self.absolute(CommandLine.arguments[0].contains("/")
                                     ? CommandLine.arguments[0] : Self.which(CommandLine.arguments[0]))
        let batchFile = Self.absolute(batch)
        var options = ["#SBATCH --job-name=heatloop-\(plan.spec.name)", "#SBATCH --cpus-per-task=\(cpusPerTask)"]
        if let partition { options.append("#SBATCH --partition=\(partition)") }
        if let time { options.append("#SBATCH --time=\(time)") }
        let array = """
            #!/bin/bash
            # HeatLoop batch '\(plan.spec.name)': \(plan.scenarios.count) scenarios in \(count) array tasks.
            # Each task runs the scenarios with index % \(count) == SLURM_ARRAY_TASK_ID (heatloop batch reads it).
            \(options.joined(separator: "\n"))
            #SBATCH --array=0-\(count - 1)
            #SBATCH --output=\(logs)/%A_%a.log
            set -euo pipefail
            exec \(Self.quoted(heatloop)) batch \(Self.quoted(batchFile)) --output \(Self.quoted(folder)) --resume \\
                --jobs "${SLURM_CPUS_PER_TASK:-1}" --quiet

            """
        let merge = """
            #!/bin/bash
            # Merges the scenario results of batch '\(plan.spec.name)' into summary.h5 and summary.csv.
            #SBATCH --job-name=heatloop-\(plan.spec.name)-merge
            \(partition.map { "#SBATCH --partition=\($0)\n" } ?? "")#SBATCH --output=\(logs)/merge_%j.log
            set -euo pipefail
            exec \(Self.quoted(heatloop)) merge \(Self.quoted(folder))

            """
        let arrayPath = (folder as NSString).appendingPathComponent("heatloop-array.sbatch")
        let mergePath = (folder as NSString).appendingPathComponent("heatloop-merge.sbatch")
        do {
            try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
            try Data(array.utf8).write(to: URL(fileURLWithPath: arrayPath), options: .atomic)
            try Data(merge.utf8).write(to: URL(fileURLWithPath: mergePath), options: .atomic)
        } catch {
            printError("error: cannot write the job scripts in \(folder): \(error)")
            throw ExitStatus.failure
        }
        print("\(arrayPath): \(count) array tasks for \(plan.scenarios.count) scenarios")
        print("\(mergePath): merge after all tasks")
        guard submit else {
            print("submit: id=$(sbatch --parsable \(arrayPath)) && sbatch --dependency=afterok:$id \(mergePath)")
            return
        }
        let arrayJob = try Self.sbatch([arrayPath])
        let mergeJob = try Self.sbatch(["--dependency=afterok:\(arrayJob)", mergePath])
        print("submitted array job \(arrayJob) and merge job \(mergeJob)")
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

    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
