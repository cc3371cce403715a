import Foundation
import HeatLoopFiles

/// The two `sbatch` scripts of a batch on Slurm: an array job whose task K runs the scenarios with
/// index % tasks == K (`heatloop batch` reads `SLURM_ARRAY_TASK_ID`), and a merge job run after them.
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

    var logs: String { (folder as NSString).appendingPathComponent("logs") }
    var arrayPath: String { (folder as NSString).appendingPathComponent("heatloop-array.sbatch") }
    var mergePath: String { (folder as NSString).appendingPathComponent("heatloop-merge.sbatch") }

    var array: String {
        var options = ["#SBATCH --job-name=heatloop-\(plan.spec.name)", "#SBATCH --cpus-per-task=\(cpusPerTask)"]
        if let partition { options.append("#SBATCH --partition=\(partition)") }
        if let time { options.append("#SBATCH --time=\(time)") }
        return """
            #!/bin/bash
            # HeatLoop batch '\(plan.spec.name)': \(plan.scenarios.count) scenarios in \(tasks) array tasks.
            # Each task runs the scenarios with index % \(tasks) == SLURM_ARRAY_TASK_ID (heatloop batch reads it).
            \(options.joined(separator: "\n"))
            #SBATCH --array=0-\(tasks - 1)
            #SBATCH --output=\(logs)/%A_%a.log
            set -euo pipefail
            exec \(Self.quoted(heatloop)) batch \(Self.quoted(batchFile)) --output \(Self.quoted(folder)) --resume \\
                --jobs "${SLURM_CPUS_PER_TASK:-1}" --quiet

            """
    }

    var merge: String {
        """
        #!/bin/bash
        # Merges the scenario results of batch '\(plan.spec.name)' into summary.h5 and summary.csv.
        #SBATCH --job-name=heatloop-\(plan.spec.name)-merge
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
