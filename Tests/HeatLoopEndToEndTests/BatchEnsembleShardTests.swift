import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5
import HeatLoopTestSupport
import Testing

private func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

/// The attributes a run records about itself (version, time, command line), which differ between two runs.
private let originNames = Set(RunOrigin(heatloopVersion: "v", createdUTC: "t", gitRevision: "g", commandLine: "c").attributes.map(\.name))

/// `summary.h5` at `path` without its origin attributes, values as bit patterns: equal only when bit for bit.
private func content(_ path: String) throws -> String {
    let table = try HDF5ResultReader.readScenarioTable(path: path)
    let columns = table.columns.map { "\($0.name) \($0.units) \($0.longName) " + $0.values.map { String($0.bitPattern, radix: 16) }.joined(separator: ",") }
    let labels = table.labels.map { "\($0)" }
    let attributes = table.attributes.filter { !originNames.contains($0.name) }.map { "\($0.name)=\($0.value)" }
    return ([table.dimension] + table.ids + labels + columns + attributes).joined(separator: "\n")
}

/// A batch under uncertainty split into shards of scenarios (issue 18 item 6, `heatloop slurm`): the
/// shards' rows, put back together, give exactly the local run's summary.
@Suite("Batch under uncertainty in shards")
struct BatchEnsembleShardTests {
    /// In process: each shard's `rows(scenarios:)` (on its own `BatchEnsemble`, as a Slurm task would) put
    /// back in scenario order give the local `run()`'s outcome bit for bit.
    @Test("the rows of 2 shards, merged, are the local batch's outcome exactly")
    func shardsInProcessMatchTheLocalRun() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try BatchPlan.load(path: try smallBatch(folder))
        let uncertainty = try #require(plan.spec.uncertainty)
        let local = try BatchEnsemble(plan: plan, uncertainty: uncertainty, jobs: 2).run()
        let rows = try (0..<2).flatMap { shard in
            try BatchEnsemble(plan: plan, uncertainty: uncertainty, jobs: 1)
                .rows(scenarios: EnsembleShards.units(shard: shard, of: 2, unitCount: plan.scenarios.count))
        }
        let merged = BatchEnsembleOutcome(plan: plan, uncertainty: uncertainty, rows: rows)
        let origin = RunOrigin(heatloopVersion: "test", createdUTC: "2026-12-05T00:00:00Z")
        #expect(merged.summaries.map { $0.kpiValues.map { $0.map(\.bitPattern) } }
                == local.summaries.map { $0.kpiValues.map { $0.map(\.bitPattern) } })
        #expect(merged.table(origin: origin).csv == local.table(origin: origin).csv)
        #expect(local.summaries[0].kpiValues != local.summaries[1].kpiValues, "the scenarios differ")
    }

    /// Through the CLI without a cluster: `batch --shard K/2` twice, then `merge`, give the same
    /// `summary.h5` (bit for bit but for its origin), `summary.csv` and printout as one `heatloop batch`.
    @Test("heatloop batch --shard K/N and heatloop merge give the local summary.h5, summary.csv and printout")
    func shardsAndMergeThroughTheCLI() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = try smallBatch(folder)
        let local = try CLI.run(["batch", spec, "--output", "\(folder)/local"])
        try #require(local.status == 0, "\(local.stderr)")
        for shard in 0..<2 {
            let run = try CLI.run(["batch", spec, "--output", "\(folder)/split", "--shard", "\(shard)/2", "--jobs", "1"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("shards/\(shard)-of-2.h5: 1 of 2 scenarios × 3 samples"), "\(run.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/split/summary.h5"), "a shard writes no summary")
        let merged = try CLI.run(["merge", "\(folder)/split"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try content("\(folder)/split/summary.h5") == content("\(folder)/local/summary.h5"))
        #expect(try text("\(folder)/split/summary.csv") == text("\(folder)/local/summary.csv"))
        let printed = local.stdout.split(separator: "\n").filter { !$0.hasPrefix("Results:") }
        #expect(merged.stdout.split(separator: "\n").filter { !$0.hasPrefix("Results:") } == printed)
        #expect(printed.contains { $0.contains("2 scenarios × 3 common samples") }, "\(local.stdout)")
        let tooMany = try CLI.run(["batch", spec, "--output", "\(folder)/split", "--shard", "0/3"])
        #expect(tooMany.status == 2 && tooMany.stderr.contains("only 2 scenarios"), "\(tooMany.stderr)")
    }

    /// A missing shard (its task failed) or one made from other inputs is named, nothing is written and
    /// the merge exits 1: never a summary of part of the batch.
    @Test("merge refuses a missing or stale batch shard, names it and writes nothing")
    func missingAndStaleShards() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = try smallBatch(folder)
        let zero = try CLI.run(["batch", spec, "--output", folder, "--shard", "0/2", "--quiet"])
        try #require(zero.status == 0, "\(zero.stderr)")
        let missing = try CLI.run(["merge", folder])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("shard 1/2 (scenario ") && missing.stderr.contains("has no rows"), "\(missing.stderr)")
        #expect(missing.stderr.contains("1 of 2 shards missing or unusable, nothing merged")
                && missing.stderr.contains("heatloop batch \(spec) --output \(folder) --shard K/2"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/summary.h5"))

        try text(spec).replacingOccurrences(of: "seed: 7", with: "seed: 8").write(toFile: spec, atomically: true, encoding: .utf8)
        let one = try CLI.run(["batch", spec, "--output", folder, "--shard", "1/2", "--quiet"])
        try #require(one.status == 0, "\(one.stderr)")
        let stale = try CLI.run(["merge", folder, "--spec", spec])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("0-of-2.h5: made from other inputs") && !stale.stderr.contains("1-of-2.h5: made"), "\(stale.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/summary.h5") && !FileManager.default.fileExists(atPath: "\(folder)/summary.csv"))

        let empty = try temporaryFolder()
        let none = try CLI.run(["merge", empty, "--spec", spec])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no shard of a batch under uncertainty"), "\(none.stderr)")
    }

    @Test("heatloop slurm on a batch with uncertainty writes a batch array of blocks and a merge that runs after any end")
    func slurmScripts() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = try smallBatch(folder)
        let written = try CLI.run(["slurm", spec, "--output", "\(folder)/out", "--tasks", "5", "--cpus-per-task", "2"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("2 array tasks of 2 cores for 2 scenarios × 3 samples"), "at most one task a scenario: \(written.stdout)")
        #expect(written.stdout.contains("sbatch --dependency=afterany:$id"), "\(written.stdout)")
        let array = try text("\(folder)/out/heatloop-array.sbatch")
        #expect(array.contains("#SBATCH --array=0-1") && array.contains(" batch '\(spec)' --output '\(folder)/out'")
                && !array.contains("--resume") && array.contains(#"--jobs "${SLURM_CPUS_PER_TASK:-2}""#), "\(array)")
        let merge = try text("\(folder)/out/heatloop-merge.sbatch")
        #expect(merge.contains(" merge '\(folder)/out' --spec '\(spec)'") && merge.contains("summary.h5"), "\(merge)")
        let refused = try CLI.run(["slurm", spec, "--output", "\(folder)/files", "--summary-only"])
        #expect(refused.status == 2 && refused.stderr.contains("--summary-only and --keep do not apply"), "\(refused.stderr)")
    }
}

extension SlurmClusterTests {
    /// A real single-node Slurm cluster (`../shared/slurm/`): the small batch under uncertainty as a 2-task
    /// array (one scenario each) and its afterany merge give exactly the `summary.h5` and `summary.csv` of
    /// a local `heatloop batch`. Needs root; about 1 min. Skipped, with the reason, where the cluster
    /// cannot start.
    @Test func slurmArrayBatchUnderUncertaintyMatchesALocalRun() throws {
        let (slurm, log) = try BatchTests.startLocalSlurm()
        defer { _ = try? BatchTests.runLogged("\(slurm)/stop-local-slurm.sh", ["--purge"], log: log) }

        let folder = try temporaryFolder()
        let spec = try smallBatch(folder)
        let local = try CLI.run(["batch", spec, "--output", "\(folder)/local", "--quiet"])
        try #require(local.status == 0, "\(local.stderr)")
        let cluster = "\(folder)/cluster"
        let submitted = try CLI.run(["slurm", spec, "--output", cluster, "--tasks", "2", "--cpus-per-task", "1", "--submit"])
        try #require(submitted.status == 0, "\(submitted.stdout) \(submitted.stderr)")
        let ids = submitted.stdout.split(separator: "\n").last?.split(separator: " ")
            .compactMap { Int($0) }.map(String.init) ?? []
        try #require(ids.count == 2, "job ids from: \(submitted.stdout)")
        let waited = try CLI.launch("/bin/bash", ["\(slurm)/wait-slurm-jobs.sh", "--timeout", "300"] + ids)
        #expect(waited.status == 0, "\(waited.stdout) \(waited.stderr)")
        #expect(files(in: "\(cluster)/shards").sorted() == ["0-of-2.h5", "1-of-2.h5"])
        #expect(try content("\(cluster)/summary.h5") == content("\(folder)/local/summary.h5"))
        #expect(try text("\(cluster)/summary.csv") == text("\(folder)/local/summary.csv"))
        let taskLogs = files(in: "\(cluster)/logs").filter { !$0.hasPrefix("merge") }
        #expect(taskLogs.count == 2, "\(taskLogs)")
        for name in taskLogs {
            let log = (try? text("\(cluster)/logs/\(name)")) ?? ""
            #expect(log.contains("progress: 3/3 runs (100 %)"), "its scenario's 3 samples: \(name): \(log)")
        }
        let mergeLog = files(in: "\(cluster)/logs").first { $0.hasPrefix("merge") }.map { "\(cluster)/logs/\($0)" }
        let merged = try mergeLog.map(text) ?? ""
        #expect(merged.contains("2 scenarios × 3 common samples"), "\(merged)")
    }
}
