import Foundation
import HeatLoop
import HeatLoopFiles

/// `heatloop merge FOLDER` of a study under uncertainty (a sizing sweep or a batch, `ShardedEnsemble`): the
/// shards' rows in unit order become the same result files and printout as the local run (`sizing.h5`,
/// `sizing.csv` and the recommendation; `summary.h5`, `summary.csv` and the percentiles). Every shard must
/// be there, complete and made from the study's inputs as they are now; otherwise the merge names what is
/// missing or stale, writes nothing and exits 1, never a result of part of the study.
enum EnsembleMerge {
    /// Whether `folder` holds the shards of a study under uncertainty (rather than a batch's shard summaries).
    static func applies(to folder: String) -> Bool {
        shardPaths(in: folder).contains { EnsembleShardFile.study(of: $0) != nil }
    }

    static func shardPaths(in folder: String) -> [String] {
        let shards = ShardSummary.folder(in: folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: shards)) ?? []).filter { $0.hasSuffix(".h5") }.sorted()
            .map { (shards as NSString).appendingPathComponent($0) }
    }

    /// Merges the shards in `folder` of the study in `spec` (default: the file the shards name) into
    /// `output` (default: the local run's file in `folder`).
    static func run(folder: String, spec: String?, output: String?) throws {
        let started = Date()
        var problems: [String] = [], files: [EnsembleShardFile] = []
        for path in shardPaths(in: folder) {
            do { files.append(try EnsembleShardFile.read(path: path)) } catch {
                problems.append("\(path): \(error); re-run its shard")
            }
        }
        let study = spec.map { FileKind.of($0) == .sizing ? EnsembleShardFile.Study.sizing : .batch } ?? files.first?.study
        guard let study, let first = files.first(where: { $0.study == study }) else {
            printError((problems + ["\(ShardSummary.folder(in: folder)): no shard of a \(study?.name ?? "study") under uncertainty: "
                                    + "every array task failed or none has run; see \((folder as NSString).appendingPathComponent("logs"))"])
                .map { "error: " + $0 }.joined(separator: "\n"))
            throw ExitStatus.failure
        }
        let ensemble = try ShardedEnsemble.load(study, file: spec ?? first.specFile, site: study == .sizing ? first.siteFile : nil)
        let count = first.shard.count
        let usable = files.filter { file in
            let problem = problem(of: file, count: count, ensemble: ensemble)
            if let problem { problems.append("\(ShardSummary.path(in: folder, shard: file.shard)): \(problem)") }
            return problem == nil
        }
        let byIndex = Dictionary(usable.map { ($0.shard.index, $0) }, uniquingKeysWith: { a, _ in a })
        for index in 0..<count where byIndex[index] == nil && !problems.contains(where: { $0.contains("/\(index)-of-\(count).h5") }) {
            problems.append("shard \(index)/\(count) (\(ensemble.describe(shard: Shard(index: index, count: count)))) has no rows: "
                            + "its task failed or has not run")
        }
        guard problems.isEmpty else {
            printError(problems.map { "error: " + $0 }.joined(separator: "\n"))
            printError("error: \(problems.count) of \(count) shards missing or unusable, nothing merged; re-run them with "
                       + "`\(ensemble.shardCommand) --output \(folder) --shard K/\(count)`, then merge again")
            throw ExitStatus.failure
        }
        try ensemble.publish((0..<count).flatMap { byIndex[$0]?.rows ?? [] }, folder, output, started)
    }

    /// Why `file` cannot be merged into `ensemble` split into `count` shards; nil when it can.
    static func problem(of file: EnsembleShardFile, count: Int, ensemble: ShardedEnsemble) -> String? {
        if file.study != ensemble.study { return "a shard of a \(file.study.name), not of this \(ensemble.study.name)" }
        if file.shard.count != count { return "a shard of a split into \(file.shard.count), the others of \(count)" }
        if file.fingerprint != ensemble.fingerprint {
            return "made from other inputs than \(ensemble.specFile) and its sites now; re-run its shard"
        }
        let units = EnsembleShards.units(shard: file.shard.index, of: count, unitCount: ensemble.ids.count)
        if file.unitCount != ensemble.ids.count || file.samples != ensemble.samples || file.units != units {
            return "not the \(ensemble.study.noun)s and samples of shard \(file.shard) of this \(ensemble.study.name)"
        }
        return nil
    }
}
