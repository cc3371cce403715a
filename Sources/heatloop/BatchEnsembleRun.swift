import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

/// `heatloop batch` of a batch file with `uncertainty:`: every scenario over the same samples, summary
/// only; writes `summary.h5` and `summary.csv` (one row per scenario with each KPI's P10/P50/P90/mean,
/// `kind = batch_uncertainty`) and prints each scenario's P90/P50/P10/mean. With `--shard K/N` (or in a
/// Slurm array task) it runs one block of scenarios and writes its rows for `heatloop merge` instead
/// (`sharded`, `EnsembleMerge`).
enum BatchEnsembleRun {
    static func run(plan: BatchPlan, uncertainty: UncertaintySpec, folder: String, jobs: Int, quiet: Bool) throws {
        let started = Date()
        if !quiet {
            printError("\(plan.spec.name): \(plan.scenarios.count) scenarios × \(uncertainty.samples) common samples → \(folder)")
        }
        let ensemble = BatchEnsemble(plan: plan, uncertainty: uncertainty, jobs: jobs)
        let outcome = try ProgressBar.run(unit: "runs", quiet: quiet) { progress throws(ScenarioFailure) in try ensemble.run(progress: progress) }
        try publish(outcome, to: (folder as NSString).appendingPathComponent(BatchResults.summaryName), quiet: quiet, started: started)
    }

    /// The batch as shards of scenarios (`heatloop batch --shard K/N`, a Slurm array task, `heatloop merge`):
    /// each runs a block of scenarios over every sample; the merge publishes as the local run does.
    static func sharded(plan: BatchPlan, uncertainty: UncertaintySpec, jobs: Int) throws -> ShardedEnsemble {
        let fingerprint = try loadInput { () throws(InputError) in
            try EnsembleShards.fingerprint(file: plan.path, inputsHashes: plan.scenarios.map(\.inputsHash), uncertainty: uncertainty)
        }
        let ensemble = BatchEnsemble(plan: plan, uncertainty: uncertainty, jobs: jobs)
        return ShardedEnsemble(
            study: .batch, name: plan.spec.name, specFile: SlurmCommand.absolute(plan.path), siteFile: "",
            ids: plan.scenarios.map(\.id), samples: uncertainty.samples, fingerprint: fingerprint,
            shardCommand: "heatloop batch \(plan.path)",
            rows: { scenarios, progress throws(ScenarioFailure) in try ensemble.rows(scenarios: scenarios, progress: progress) },
            publish: { rows, folder, output, started in
                try publish(BatchEnsembleOutcome(plan: plan, uncertainty: uncertainty, rows: rows),
                            to: output ?? (folder as NSString).appendingPathComponent(BatchResults.summaryName),
                            quiet: false, started: started)
            })
    }

    /// Writes the summary table to `path` (`summary.h5`) and the CSV beside it, then prints each scenario's
    /// percentiles: the end of a local run and of a merge of its shards alike.
    static func publish(_ outcome: BatchEnsembleOutcome, to path: String, quiet: Bool, started: Date) throws {
        let table = outcome.table(origin: .now())
        let csvPath = try OutputPath.writeTable(table, to: path)
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
