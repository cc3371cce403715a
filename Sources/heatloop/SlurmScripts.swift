import Foundation
import HeatLoop
import HeatLoopFiles

/// The two `sbatch` scripts of a batch on Slurm: an array job whose task K runs the scenarios with
/// index % tasks == K on its `--cpus-per-task` cores (`heatloop batch` reads `SLURM_ARRAY_TASK_ID` and
/// runs `--jobs $SLURM_CPUS_PER_TASK`) and writes its shard summary, and a merge job run after them that
/// reads the shard summaries only.
struct SlurmScripts {
    var plan: BatchPlan
    /// Absolute paths: the `heatloop` executable, the batch file, the results folder.
    var heatloop: String
    var batchFile: String
    var folder: String
    var tasks: Int
    var cpusPerTask: Int
    var partition: String?
    var time: String?
    /// `--summary-only` and `--keep` of every array task.
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
        var options = ["#SBATCH --job-name=heatloop-\(plan.spec.name)", "#SBATCH --cpus-per-task=\(cpusPerTask)"]
        if let partition { options.append("#SBATCH --partition=\(partition)") }
        if let time { options.append("#SBATCH --time=\(time)") }
        return """
            #!/bin/bash
            # HeatLoop batch '\(plan.spec.name)': \(plan.scenarios.count) scenarios in \(tasks) array tasks of \(cpusPerTask) cores.
            # Each task runs the scenarios with index % \(tasks) == SLURM_ARRAY_TASK_ID (heatloop batch reads it),
            # one per core at a time, and writes its summary to shards/K-of-\(tasks).h5.
            \(options.joined(separator: "\n"))
            #SBATCH --array=0-\(tasks - 1)
            #SBATCH --output=\(logs)/%A_%a.log
            set -euo pipefail
            exec \(Self.quoted(heatloop)) batch \(Self.quoted(batchFile)) --output \(Self.quoted(folder)) --resume \\
                --jobs "${SLURM_CPUS_PER_TASK:-\(cpusPerTask)}"\(fileOptions)

            """
    }

    var merge: String {
        """
        #!/bin/bash
        # Merges the shard summaries of batch '\(plan.spec.name)' into summary.h5 and summary.csv.
        #SBATCH --job-name=heatloop-\(plan.spec.name)-merge
        #SBATCH --cpus-per-task=1
        \(partition.map { "#SBATCH --partition=\($0)\n" } ?? "")#SBATCH --output=\(logs)/merge_%j.log
        set -euo pipefail
        exec \(Self.quoted(heatloop)) merge \(Self.quoted(folder))

        """
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
