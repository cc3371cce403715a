import Foundation
import HeatLoop
import HeatLoopFiles

/// `heatloop merge FOLDER` of a sizing sweep under uncertainty: the shards' rows in design order become
/// the same `RobustSizingOutcome`, `sizing.h5`, `sizing.csv` and recommendation as a local `heatloop size`.
/// Every shard must be there, complete and made from the plan's inputs as they are now; otherwise the
/// merge names what is missing or stale, writes nothing and exits 1, never a ranking of part of the grid.
enum RobustSizingMerge {
    /// Whether `folder` holds the shards of a sizing sweep (rather than a batch's).
    static func applies(to folder: String) -> Bool {
        shardPaths(in: folder).contains(where: RobustSizingShardFile.isSizingShard)
    }

    static func shardPaths(in folder: String) -> [String] {
        let shards = ShardSummary.folder(in: folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: shards)) ?? []).filter { $0.hasSuffix(".h5") }.sorted()
            .map { (shards as NSString).appendingPathComponent($0) }
    }

    /// Merges the shards in `folder` of the sweep of `spec` (default: the sizing file the shards name)
    /// into `output` (default `FOLDER/sizing.h5`).
    static func run(folder: String, spec: String?, output: String?) throws {
        let started = Date()
        var problems: [String] = [], files: [RobustSizingShardFile] = []
        for path in shardPaths(in: folder) {
            do { files.append(try RobustSizingShardFile.read(path: path)) } catch {
                problems.append("\(path): \(error); re-run its shard")
            }
        }
        guard let first = files.first else {
            printError((problems + ["\(ShardSummary.folder(in: folder)): no shard of a sizing sweep: every array task failed "
                                    + "or none has run; see \((folder as NSString).appendingPathComponent("logs"))"])
                .map { "error: " + $0 }.joined(separator: "\n"))
            throw ExitStatus.failure
        }
        let sizingFile = spec ?? first.sizingFile
        let plan = try loadInput { () throws(InputError) in try SizingPlan.load(path: sizingFile, site: first.siteFile) }
        guard let uncertainty = plan.spec.uncertainty else {
            printError("error: \(sizingFile) has no 'uncertainty:'; its shards cannot be merged into a sweep under uncertainty")
            throw ExitStatus.invalidInput
        }
        let fingerprint = try loadInput { () throws(InputError) in try RobustSizingShards.fingerprint(plan) }
        let count = first.shard.count
        let usable = files.filter { file in
            let problem = problem(of: file, count: count, plan: plan, samples: uncertainty.samples, fingerprint: fingerprint)
            if let problem { problems.append("\(ShardSummary.path(in: folder, shard: file.shard)): \(problem)") }
            return problem == nil
        }
        let byIndex = Dictionary(usable.map { ($0.shard.index, $0) }, uniquingKeysWith: { a, _ in a })
        for index in 0..<count where byIndex[index] == nil && !problems.contains(where: { $0.contains("/\(index)-of-\(count).h5") }) {
            let designs = RobustSizingShards.designs(shard: index, of: count, designCount: plan.designs.count)
            problems.append("shard \(index)/\(count) (\(RobustSizingShards.describe(designs, of: plan))) has no rows: "
                            + "its task failed or has not run")
        }
        guard problems.isEmpty else {
            printError(problems.map { "error: " + $0 }.joined(separator: "\n"))
            printError("error: \(problems.count) of \(count) shards missing or unusable, nothing merged; re-run them with "
                       + "`heatloop size --spec \(sizingFile) --output \(folder) --shard K/\(count)`, then merge again")
            throw ExitStatus.failure
        }
        let rows = (0..<count).flatMap { byIndex[$0]?.rows ?? [] }
        let outcome = RobustSizingOutcome(plan: plan, uncertainty: uncertainty, rows: rows, samples: uncertainty.samples)
        try RobustSizingRun.publish(outcome, of: plan, to: output ?? (folder as NSString).appendingPathComponent("sizing.h5"),
                                    quiet: false, started: started)
    }

    /// Why `file` cannot be merged into the sweep of `plan` split into `count` shards; nil when it can.
    static func problem(of file: RobustSizingShardFile, count: Int, plan: SizingPlan, samples: Int,
                        fingerprint: String) -> String? {
        if file.shard.count != count { return "a shard of a split into \(file.shard.count), the others of \(count)" }
        if file.fingerprint != fingerprint {
            return "made from other inputs than \(plan.path) and its site now; re-run its shard"
        }
        let designs = RobustSizingShards.designs(shard: file.shard.index, of: count, designCount: plan.designs.count)
        if file.designCount != plan.designs.count || file.samples != samples || file.designs != designs {
            return "not the designs and samples of shard \(file.shard) of this sweep"
        }
        return nil
    }
}
