import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// A tiny sweep under uncertainty to split: 3 heat-pump sizes × 4 samples of generated weather and prices.
private func tinySpec(_ folder: String, seed: Int = 11) throws -> String {
    let path = "\(folder)/tiny-p90.yaml"
    try """
        name: tiny-p90
        site: \(PackagePaths.site("chicago-ai-campus"))
        timestep_min: 60
        vary:
          heat_recovery.heat_pump.capacity_mw: [4, 8, 12]
        uncertainty:
          samples: 4
          seed: \(seed)
          inputs:
            economics.heat_price_eur_per_mwh: {triangular: {min: 30, mode: 45, max: 70}}
            it.clusters[0].workload.constant.utilization: {uniform: {min: 0.7, max: 0.95}}
        recommend_by: p90_npv
        """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

private func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

/// A sizing sweep under uncertainty split into shards of designs (issue 18 item 6, `heatloop slurm`):
/// the shards' rows, put back together, give exactly the local sweep's outcome.
@Suite("Sizing under uncertainty in shards")
struct RobustSizingShardTests {
    @Test("shard blocks cover every design once, in order, sizes differing by at most one")
    func blocks() {
        for designs in [1, 3, 7, 400] {
            for count in 1...min(designs, 9) {
                let blocks = (0..<count).map { EnsembleShards.units(shard: $0, of: count, unitCount: designs) }
                #expect(blocks.flatMap { Array($0) } == Array(0..<designs), "\(designs) designs in \(count)")
                let sizes = blocks.map(\.count)
                #expect(sizes.max()! - sizes.min()! <= 1 && sizes.min()! >= 1, "\(sizes)")
            }
        }
    }

    /// In process: each shard's `rows(designs:)` (made on its own sweep, as a Slurm task would) put back
    /// in design order give the local `run()`'s outcome bit for bit, for a split into 2 and into 3.
    @Test("the rows of 2 or 3 shards, merged, are the local sweep's outcome exactly")
    func shardsInProcessMatchTheLocalSweep() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try SizingPlan.load(path: try tinySpec(folder))
        let uncertainty = try #require(plan.spec.uncertainty)
        let local = try RobustSizingSweep(plan: plan, uncertainty: uncertainty, jobs: 2).run()
        let origin = RunOrigin(heatloopVersion: "test", createdUTC: "2026-12-05T00:00:00Z")
        for count in [2, 3] {
            let rows = try (0..<count).flatMap { shard in
                try RobustSizingSweep(plan: plan, uncertainty: uncertainty, jobs: 1)
                    .rows(designs: EnsembleShards.units(shard: shard, of: count, unitCount: plan.designs.count))
            }
            let merged = RobustSizingOutcome(plan: plan, uncertainty: uncertainty, rows: rows, samples: uncertainty.samples)
            #expect(merged.npv.map { $0.map(\.bitPattern) } == local.npv.map { $0.map(\.bitPattern) }, "\(count) shards")
            #expect(merged.recommendation == local.recommendation)
            #expect(merged.analysis.rank == local.analysis.rank)
            #expect(merged.table(name: "t", site: "s", origin: origin).csv == local.table(name: "t", site: "s", origin: origin).csv)
        }
        #expect(Set(local.npv.flatMap { $0 }).count == 12, "12 distinct NPVs: the designs and samples differ")
    }

    /// Through the CLI without a cluster: `size --shard K/3` three times, then `merge`, give the same
    /// `sizing.csv` and printout as one `heatloop size`.
    @Test("heatloop size --shard K/N and heatloop merge give the local sizing.csv and recommendation")
    func shardsAndMergeThroughTheCLI() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = try tinySpec(folder)
        let local = try CLI.run(["size", "--spec", spec, "--output", "\(folder)/local"])
        try #require(local.status == 0, "\(local.stderr)")
        for shard in 0..<3 {
            let run = try CLI.run(["size", "--spec", spec, "--output", "\(folder)/split", "--shard", "\(shard)/3", "--jobs", "1"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("shards/\(shard)-of-3.h5: 1 of 3 designs × 4 samples"), "\(run.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/split/sizing.csv"), "a shard writes no design table")
        let merged = try CLI.run(["merge", "\(folder)/split"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try text("\(folder)/split/sizing.csv") == text("\(folder)/local/sizing.csv"))
        let recommendation = local.stdout.split(separator: "\n").filter { !$0.hasPrefix("Results:") }
        #expect(merged.stdout.split(separator: "\n").filter { !$0.hasPrefix("Results:") } == recommendation)
        #expect(recommendation.contains { $0.contains("Recommended by P90 NPV over 4 common samples") }, "\(local.stdout)")
    }

    /// A missing shard (its task failed) or one made from other inputs is named, nothing is written and
    /// the merge exits 1: never a ranking of part of the grid.
    @Test("merge refuses a missing or stale shard, names it and writes nothing")
    func missingAndStaleShards() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = try tinySpec(folder)
        for shard in [0, 2] {
            let run = try CLI.run(["size", "--spec", spec, "--output", folder, "--shard", "\(shard)/3", "--quiet"])
            try #require(run.status == 0, "\(run.stderr)")
        }
        let missing = try CLI.run(["merge", folder])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("shard 1/3 (design capacity_mw-8) has no rows"), "\(missing.stderr)")
        #expect(missing.stderr.contains("1 of 3 shards missing or unusable, nothing merged"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/sizing.h5"))

        _ = try tinySpec(folder, seed: 12)   // the file changed after shards 0 and 2 ran
        let one = try CLI.run(["size", "--spec", spec, "--output", folder, "--shard", "1/3", "--quiet"])
        try #require(one.status == 0, "\(one.stderr)")
        let stale = try CLI.run(["merge", folder])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("0-of-3.h5: made from other inputs") && stale.stderr.contains("2-of-3.h5: made from other inputs"),
                "\(stale.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/sizing.h5"))

        let empty = try temporaryFolder()
        let none = try CLI.run(["merge", empty, "--spec", spec])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no shard of a sizing sweep"), "\(none.stderr)")
    }

    @Test("heatloop slurm on a sizing file writes a size array and a merge that runs after any end")
    func slurmScripts() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = try tinySpec(folder)
        let written = try CLI.run(["slurm", spec, "--output", "\(folder)/out", "--tasks", "5", "--cpus-per-task", "2"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("3 array tasks of 2 cores for 3 designs × 4 samples"), "at most one task a design: \(written.stdout)")
        #expect(written.stdout.contains("sbatch --dependency=afterany:$id"), "\(written.stdout)")
        let array = try text("\(folder)/out/heatloop-array.sbatch")
        #expect(array.contains("#SBATCH --array=0-2") && array.contains(" size --spec '\(spec)'")
                && array.contains(#"--jobs "${SLURM_CPUS_PER_TASK:-2}""#), "\(array)")
        let merge = try text("\(folder)/out/heatloop-merge.sbatch")
        #expect(merge.contains(" merge '\(folder)/out' --spec '\(spec)'"), "\(merge)")
        let kept = try CLI.run(["slurm", spec, "--output", "\(folder)/kept", "--summary-only", "--keep", "capacity_mw-8"])
        #expect(kept.status == 2 && kept.stderr.contains("--summary-only and --keep do not apply"), "refused, not ignored: \(kept.stderr)")

        let plain = "\(folder)/plain.yaml"
        try text(spec).replacingOccurrences(of: "recommend_by: p90_npv", with: "")
            .components(separatedBy: "uncertainty:").first!.write(toFile: plain, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["slurm", plain, "--output", "\(folder)/plain"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("has no 'uncertainty:'"), "\(refused.stderr)")
    }
}

extension SlurmClusterTests {
    /// A real single-node Slurm cluster (`../shared/slurm/`): the tiny sweep under uncertainty as a
    /// 3-task array (one design each) and its merge give exactly the `sizing.csv` of a local
    /// `heatloop size`; with one task made to fail, the merge runs anyway and fails naming its shard.
    /// Needs root; about 1–2 min. Skipped, with the reason, where the cluster cannot start.
    @Test func slurmArraySizingUnderUncertaintyMatchesALocalRun() throws {
        let (slurm, log) = try BatchTests.startLocalSlurm()
        defer { _ = try? BatchTests.runLogged("\(slurm)/stop-local-slurm.sh", ["--purge"], log: log) }

        let folder = try temporaryFolder()
        let spec = try tinySpec(folder)
        let local = try CLI.run(["size", "--spec", spec, "--output", "\(folder)/local", "--quiet"])
        try #require(local.status == 0, "\(local.stderr)")
        let cluster = "\(folder)/cluster"
        let submitted = try CLI.run(["slurm", spec, "--output", cluster, "--tasks", "3", "--cpus-per-task", "1", "--submit"])
        try #require(submitted.status == 0, "\(submitted.stdout) \(submitted.stderr)")
        let ids = submitted.stdout.split(separator: "\n").last?.split(separator: " ")
            .compactMap { Int($0) }.map(String.init) ?? []
        try #require(ids.count == 2, "job ids from: \(submitted.stdout)")
        let waited = try CLI.launch("/bin/bash", ["\(slurm)/wait-slurm-jobs.sh", "--timeout", "300"] + ids)
        #expect(waited.status == 0, "\(waited.stdout) \(waited.stderr)")
        #expect(files(in: "\(cluster)/shards").sorted() == ["0-of-3.h5", "1-of-3.h5", "2-of-3.h5"])
        #expect(try text("\(cluster)/sizing.csv") == text("\(folder)/local/sizing.csv"))
        let taskLogs = files(in: "\(cluster)/logs").filter { !$0.hasPrefix("merge") }
        #expect(taskLogs.count == 3, "\(taskLogs)")
        for name in taskLogs {
            let log = (try? text("\(cluster)/logs/\(name)")) ?? ""
            #expect(log.contains("progress: 4/4 runs (100 %)"), "4 runs of its design (each sample's baseline made by its run): \(name): \(log)")
        }
        let mergeLog = files(in: "\(cluster)/logs").first { $0.hasPrefix("merge") }.map { "\(cluster)/logs/\($0)" }
        let merged = try mergeLog.map(text) ?? ""
        #expect(merged.contains("Recommended by P90 NPV over 4 common samples"), "\(merged)")

        // A failed task: the merge still runs (afterany), names the shard, writes nothing and fails.
        let failing = "\(folder)/failing"
        let written = try CLI.run(["slurm", spec, "--output", failing, "--tasks", "3", "--cpus-per-task", "1"])
        try #require(written.status == 0, "\(written.stderr)")
        let arrayScript = "\(failing)/heatloop-array.sbatch"
        try text(arrayScript).replacingOccurrences(of: "set -euo pipefail\n", with: "set -euo pipefail\n[ \"$SLURM_ARRAY_TASK_ID\" = 1 ] && exit 3\n")
            .write(toFile: arrayScript, atomically: true, encoding: .utf8)
        let array = try CLI.launch("/usr/bin/env", ["sbatch", "--parsable", arrayScript])
        let arrayID = array.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let merge = try CLI.launch("/usr/bin/env", ["sbatch", "--parsable", "--dependency=afterany:\(arrayID)", "\(failing)/heatloop-merge.sbatch"])
        let mergeID = merge.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let failed = try CLI.launch("/bin/bash", ["\(slurm)/wait-slurm-jobs.sh", "--timeout", "300", arrayID, mergeID])
        #expect(failed.status == 1 && failed.stdout.contains("\(mergeID) jobid=\(mergeID) state=FAILED exit=1:0"), "\(failed.stdout)")
        let failedMerge = try files(in: "\(failing)/logs").first { $0.hasPrefix("merge") }.map { try text("\(failing)/logs/\($0)") } ?? ""
        #expect(failedMerge.contains("shard 1/3 (design capacity_mw-8) has no rows"), "\(failedMerge)")
        #expect(!FileManager.default.fileExists(atPath: "\(failing)/sizing.csv"))
    }
}
