import Foundation
import HeatLoop
import HeatLoopFiles

/// The two `sbatch` scripts of a batch on Slurm: an array job whose task K runs the scenarios with
/// index % tasks == K on its `--cpus-per-task` cores (`heatloop batch` reads `SLURM_ARRAY_TASK_ID` and
/// runs `--jobs $SLURM_CPUS_PER_TASK`) and writes its shard summary, and a merge job run after them that
/// reads the shard summaries only. For a study under uncertainty (a sizing sweep or a batch with
/// `uncertainty:`, `ShardedEnsemble`) task K runs the K-th block of designs or scenarios over every sample
/// (`heatloop size --spec` or `heatloop batch`, `EnsembleShards`), and the merge (`heatloop merge --spec`)
/// writes the local run's files: `sizing.h5`, `sizing.csv` and the recommendation, or `summary.h5` and
/// `summary.csv` with each scenario's percentiles.
struct SlurmScripts {
    /// What the array runs.
    enum Work {
        case batch(BatchPlan)
        /// A sizing sweep or a batch under uncertainty, in blocks of units over every sample.
        case ensemble(ShardedEnsemble)

        var name: String {
            switch self {
            case .batch(let plan): plan.spec.name
            case .ensemble(let ensemble): ensemble.name
            }
        }
    }

    var work: Work
    /// Absolute paths: the `heatloop` executable, the batch (or sizing) file, the results folder.
    var heatloop: String
    var batchFile: String
    var folder: String
    var tasks: Int
    var cpusPerTask: Int
    var partition: String?
    var time: String?
    /// `--summary-only` and `--keep` of every array task (of a batch without `uncertainty:`).
    var files: ResultFiles = .all

    /// Cores per array task when `--cpus-per-task` is not given: a small share of a typical compute node,
    /// which Slurm can place quickly, and enough for a task's scenarios to share.
    static let defaultCPUsPerTask = 4
    var logs: String { (folder as NSString).appendingPathComponent("logs") }
    var arrayPath: String { (folder as NSString).appendingPathComponent("heatloop-array.sbatch") }
    var mergePath: String { (folder as NSString).appendingPathComponent("heatloop-merge.sbatch") }

    /// The `batch` options that choose the result files (`--summary-only --keep …`).
    var fileOptions: String {
        guard let kept = files.kept else { return "" }
        return " --summary-only" + (kept.isEmpty ? "" : " --keep " + kept.sorted().map(Self.quoted).joined(separator: " "))
    }

    var array: String {
        var options = ["#SBATCH --job-name=heatloop-\(work.name)", "#SBATCH --cpus-per-task=\(cpusPerTask)"]
        if let partition { options.append("#SBATCH --partition=\(partition)") }
        if let time { options.append("#SBATCH --time=\(time)") }
        return """
            #!/bin/bash
            \(arrayAbout)
            \(options.joined(separator: "\n"))
            #SBATCH --array=0-\(tasks - 1)
            #SBATCH --output=\(logs)/%A_%a.log
            set -euo pipefail
            \(arrayCommand)

            """
    }

    /// The array script's comment: what it runs and how a task finds its part.
    private var arrayAbout: String {
        switch work {
        case .batch(let plan):
            """
            # HeatLoop batch '\(plan.spec.name)': \(plan.scenarios.count) scenarios in \(tasks) array tasks of \(cpusPerTask) cores.
            # Each task runs the scenarios with index % \(tasks) == SLURM_ARRAY_TASK_ID (heatloop batch reads it),
            # one per core at a time, and writes its summary to shards/K-of-\(tasks).h5.
            """
        case .ensemble(let ensemble):
            """
            # HeatLoop \(ensemble.study.name) '\(ensemble.name)' under uncertainty: \(ensemble.ids.count) \(ensemble.study.noun)s × \(ensemble.samples) samples in \(tasks) array tasks of \(cpusPerTask) cores.
            # Task K (SLURM_ARRAY_TASK_ID; heatloop reads it) runs the K-th block of \(ensemble.study.noun)s over every sample,
            # one run per core at a time, and writes their rows to shards/K-of-\(tasks).h5.
            """
        }
    }

    private var arrayCommand: String {
        let jobs = "--jobs \"${SLURM_CPUS_PER_TASK:-\(cpusPerTask)}\""
        switch work {
        case .batch:
            return """
                exec \(Self.quoted(heatloop)) batch \(Self.quoted(batchFile)) --output \(Self.quoted(folder)) --resume \\
                    \(jobs)\(fileOptions)
                """
        case .ensemble(let ensemble):
            let command = ensemble.study == .sizing ? "size --spec" : "batch"
            return "exec \(Self.quoted(heatloop)) \(command) \(Self.quoted(batchFile)) --output \(Self.quoted(folder)) \(jobs)"
        }
    }

    var merge: String {
        let (about, options) = switch work {
        case .batch(let plan): ("the shard summaries of batch '\(plan.spec.name)' into summary.h5 and summary.csv", "")
        case .ensemble(let ensemble):
            ("the shards of \(ensemble.study.name) '\(ensemble.name)' under uncertainty into "
             + (ensemble.study == .sizing ? "sizing.h5 and sizing.csv" : "summary.h5 and summary.csv") + " (fails naming any shard missing)",
             " --spec \(Self.quoted(batchFile))")
        }
        return """
            #!/bin/bash
            # Merges \(about).
            #SBATCH --job-name=heatloop-\(work.name)-merge
            #SBATCH --cpus-per-task=1
            \(partition.map { "#SBATCH --partition=\($0)\n" } ?? "")#SBATCH --output=\(logs)/merge_%j.log
            set -euo pipefail
            exec \(Self.quoted(heatloop)) merge \(Self.quoted(folder))\(options)

            """
    }

    /// The dependency of the merge job on array job `id`: a batch merges after every task succeeded; a
    /// study under uncertainty's merge runs after every task ended, however, so that it names the shards
    /// that failed (a merge cancelled for a failed dependency would say nothing).
    func mergeDependency(on id: String) -> String {
        switch work {
        case .batch: "--dependency=afterok:\(id)"
        case .ensemble: "--dependency=afterany:\(id)"
        }
    }

    /// Writes both scripts (and creates the log folder).
    func write() throws {
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        try OutputPath.write(text: array, to: arrayPath)
        try OutputPath.write(text: merge, to: mergePath)
    }

    /// `text` in single quotes for bash.
    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
