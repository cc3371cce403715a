import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

/// `heatloop size` of a sizing file with `uncertainty:`: every design over the same samples, ranked by the
/// file's `recommend_by`; writes `sizing.h5` and `sizing.csv` (one row per design) and prints the top
/// designs and the recommendation with its runner-ups.
enum RobustSizingRun {
    static func run(plan: SizingPlan, uncertainty: UncertaintySpec, folder: String, jobs: Int, quiet: Bool) throws {
        let started = Date()
        if !quiet {
            printError("\(plan.spec.name): \(plan.designs.count) designs × \(uncertainty.samples) samples of "
                       + "\((plan.sitePath as NSString).lastPathComponent) → \(folder)")
        }
        var progress: ProgressBar?
        let outcome: RobustSizingOutcome
        do {
            outcome = try RobustSizingSweep(plan: plan, uncertainty: uncertainty, jobs: jobs).run { done, total in
                if done == 0 { progress = ProgressBar(total: total, unit: "runs", quiet: quiet) } else { progress?.advance(failed: false) }
            }
        } catch {
            printError("error: \(error)")
            throw ExitStatus.failure
        }
        let table = outcome.table(name: plan.spec.name, site: plan.designs.first?.scenario.siteName ?? "", origin: .now())
        let tablePath = (folder as NSString).appendingPathComponent("sizing.h5")
        let csvPath = (tablePath as NSString).deletingPathExtension + ".csv"
        do {
            try Signals.writing {
                try HDF5ScenarioTableWriter(path: tablePath, interruption: Signals.interruption).write(table)
                try OutputPath.write(text: table.csv, to: csvPath)
            }
        } catch {
            printError("error: could not write the results in \(folder): \(error)")
            throw ExitStatus.failure
        }
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
