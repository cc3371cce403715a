import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

/// `heatloop batch` of a batch file with `uncertainty:`: every scenario over the same samples, summary
/// only; writes `summary.h5` and `summary.csv` (one row per scenario with each KPI's P10/P50/P90/mean,
/// `kind = batch_uncertainty`) and prints each scenario's P90/P50/P10/mean.
enum BatchEnsembleRun {
    static func run(plan: BatchPlan, uncertainty: UncertaintySpec, folder: String, jobs: Int, quiet: Bool) throws {
        let started = Date()
        if !quiet {
            printError("\(plan.spec.name): \(plan.scenarios.count) scenarios × \(uncertainty.samples) common samples → \(folder)")
        }
        var progress: ProgressBar?
        let outcome: BatchEnsembleOutcome
        do {
            outcome = try BatchEnsemble(plan: plan, uncertainty: uncertainty, jobs: jobs).run { done, total in
                if done == 0 { progress = ProgressBar(total: total, unit: "runs", quiet: quiet) } else { progress?.advance(failed: false) }
            }
        } catch {
            printError("error: \(error)")
            throw ExitStatus.failure
        }
        let table = outcome.table(origin: .now())
        let path = (folder as NSString).appendingPathComponent(BatchResults.summaryName)
        let csvPath = (path as NSString).deletingPathExtension + ".csv"
        do {
            try Signals.writing {
                try HDF5ScenarioTableWriter(path: path, interruption: Signals.interruption).write(table)
                try OutputPath.write(text: table.csv, to: csvPath)
            }
        } catch {
            printError("error: could not write the summary in \(folder): \(error)")
            throw ExitStatus.failure
        }
        guard !quiet else { return }
        print(text(outcome))
        print("Results: \(path), \(csvPath)" + String(format: " (%.1f s)", Date().timeIntervalSince(started)))
    }

    /// One block per scenario: its labels, then its KPIs' P90 · P50 · P10 · mean (`EnsembleRun.percentileLines`).
    static func text(_ outcome: BatchEnsembleOutcome) -> String {
        let spec = outcome.uncertainty
        var lines = ["\(outcome.batch): \(outcome.rows.count) scenarios × \(spec.samples) common samples"
                     + (spec.inputs.isEmpty ? "" : " (Latin hypercube, seed \(spec.seed): "
                        + spec.inputs.map(\.keyPath).joined(separator: ", ") + ")"),
                     "P90 = exceeded in 90 % of samples (10th percentile), P10 = exceeded in 10 %"]
        for (row, summary) in zip(outcome.rows, outcome.summaries) {
            let labels = row.labels.map { "\($0.name) \($0.value)" } + row.varied.map { "\($0.key) = \(formatNumber($0.value))" }
            lines += ["", "\(row.id): " + labels.joined(separator: ", ")]
            lines += EnsembleRun.percentileLines(summary)
        }
        return lines.joined(separator: "\n")
    }
}
