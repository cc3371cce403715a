import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

/// `heatloop size` of a sizing file with `uncertainty:`: every design over the same samples, ranked by the
/// file's `recommend_by`; writes `sizing.h5` and `sizing.csv` (one row per design) and prints the top
/// designs and the recommendation with its runner-ups. With `--shard K/N` (or in a Slurm array task) it runs
/// one block of designs and writes its rows for `heatloop merge` instead (`sharded`, `EnsembleMerge`).
enum RobustSizingRun {
    static func run(plan: SizingPlan, uncertainty: UncertaintySpec, folder: String, jobs: Int, quiet: Bool) throws {
        let started = Date()
        if !quiet {
            printError("\(plan.spec.name): \(plan.designs.count) designs × \(uncertainty.samples) samples of "
                       + "\((plan.sitePath as NSString).lastPathComponent) → \(folder)")
        }
        let sweep = RobustSizingSweep(plan: plan, uncertainty: uncertainty, jobs: jobs)
        let outcome = try ProgressBar.run(unit: "runs", quiet: quiet) { progress throws(ScenarioFailure) in try sweep.run(progress: progress) }
        try publish(outcome, of: plan, to: (folder as NSString).appendingPathComponent("sizing.h5"), quiet: quiet, started: started)
    }

    /// The sweep as shards of designs (`heatloop size --shard K/N`, a Slurm array task, `heatloop merge`):
    /// each runs a block of designs over every sample; the merge publishes as the local sweep does.
    static func sharded(plan: SizingPlan, uncertainty: UncertaintySpec, jobs: Int) throws -> ShardedEnsemble {
        let fingerprint = try loadInput { () throws(InputError) in
            try EnsembleShards.fingerprint(file: plan.path, inputsHashes: plan.designs.map(\.scenario.inputsHash),
                                           uncertainty: uncertainty)
        }
        let sweep = RobustSizingSweep(plan: plan, uncertainty: uncertainty, jobs: jobs)
        return ShardedEnsemble(
            study: .sizing, name: plan.spec.name, specFile: SlurmCommand.absolute(plan.path),
            siteFile: SlurmCommand.absolute(plan.sitePath), ids: plan.designs.map(\.id), samples: uncertainty.samples,
            fingerprint: fingerprint, shardCommand: "heatloop size --spec \(plan.path)",
            rows: { designs, progress throws(ScenarioFailure) in try sweep.rows(designs: designs, progress: progress) },
            publish: { rows, folder, output, started in
                let outcome = RobustSizingOutcome(plan: plan, uncertainty: uncertainty, rows: rows, samples: uncertainty.samples)
                try publish(outcome, of: plan, to: output ?? (folder as NSString).appendingPathComponent("sizing.h5"),
                            quiet: false, started: started)
            })
    }

    /// Writes the design table to `tablePath` (`sizing.h5`) and the CSV beside it, then prints the top
    /// designs and the recommendation: the end of a local sweep and of a merge of its shards alike.
    static func publish(_ outcome: RobustSizingOutcome, of plan: SizingPlan, to tablePath: String, quiet: Bool,
                        started: Date) throws {
        let table = outcome.table(name: plan.spec.name, site: plan.designs.first?.scenario.siteName ?? "", origin: .now())
        let csvPath = try OutputPath.writeTable(table, to: tablePath)
        guard !quiet else { return }
        print(self.table(outcome, top: plan.spec.top, currency: plan.currency))
        print(outcome.recommendation.joined(separator: "\n"))
        print("Results: \(tablePath), \(csvPath)" + String(format: " (%.1f s)", Date().timeIntervalSince(started)))
    }

    /// The best `top` designs by rank: NPV P90 · P50 · mean, maximum regret.
    static func table(_ outcome: RobustSizingOutcome, top: Int, currency: Currency) -> String {
        let analysis = outcome.analysis
        let order = outcome.ids.indices.filter { analysis.rank[$0] != nil }.sorted { analysis.rank[$0]! < analysis.rank[$1]! }
        func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        var lines = ["rank  " + "design".padding(toLength: 48, withPad: " ", startingAt: 0)
                     + ["NPV P90", "NPV P50", "NPV mean", "max regret"].map { pad($0, 14) }.joined()]
        for d in order.prefix(top) {
            let npv = analysis.npv[d]
            lines.append(pad("\(analysis.rank[d] ?? 0)", 4) + "  " + outcome.ids[d].padding(toLength: 48, withPad: " ", startingAt: 0)
                         + [npv.p90, npv.p50, npv.mean, analysis.maximumRegret[d]].map { pad(currency.amount($0), 14) }.joined())
        }
        return lines.joined(separator: "\n")
    }
}
