import ArgumentParser
import Foundation
import HeatLoop
import HeatLoopFiles

/// A study under uncertainty as a cluster runs it (`heatloop slurm`): a sizing sweep's designs or a batch's
/// scenarios ("units"), each over every sample, split into blocks of units (`EnsembleShards`). What its
/// shard tasks and its merge need, the same for both studies: the units' ids, the inputs' fingerprint, how
/// to run a block, and how to publish every unit's rows as the local run does (`RobustSizingRun.sharded`,
/// `BatchEnsembleRun.sharded`).
struct ShardedEnsemble {
    var study: EnsembleShardFile.Study
    var name: String
    /// Absolute paths of the study file and, for a sizing sweep, of its site ("" for a batch).
    var specFile: String
    var siteFile: String
    var ids: [String]
    var samples: Int
    /// `EnsembleShards.fingerprint` of the study's inputs now.
    var fingerprint: String
    /// The command that runs one of its shards, without `--output` and `--shard`.
    var shardCommand: String
    /// The rows of a block of units over every sample, unit-major; `progress(done, total)` after each run.
    var rows: (_ units: Range<Int>, _ progress: (Int, Int) -> Void) throws(ScenarioFailure) -> [EnsembleShards.Row]
    /// Writes the result of every unit's rows (in unit order) to `output` (nil: the local run's file in
    /// `folder`) and prints what the local run prints; `started` times it.
    var publish: (_ rows: [EnsembleShards.Row], _ folder: String, _ output: String?, _ started: Date) throws -> Void

    /// The study of `file` (of kind `study`; `site` overrides a sizing file's), for a merge; exits 2 when
    /// the file has no `uncertainty:`.
    static func load(_ study: EnsembleShardFile.Study, file: String, site: String?) throws -> ShardedEnsemble {
        switch study {
        case .sizing:
            let plan = try loadInput { () throws(InputError) in try SizingPlan.load(path: file, site: site) }
            guard let uncertainty = plan.spec.uncertainty else { throw noUncertainty(file) }
            return try RobustSizingRun.sharded(plan: plan, uncertainty: uncertainty, jobs: 1)
        case .batch:
            let plan = try loadInput { () throws(InputError) in try BatchPlan.load(path: file) }
            guard let uncertainty = plan.spec.uncertainty else { throw noUncertainty(file) }
            return try BatchEnsembleRun.sharded(plan: plan, uncertainty: uncertainty, jobs: 1)
        }
    }

    private static func noUncertainty(_ file: String) -> ExitCode {
        printError("error: \(file) has no 'uncertainty:'; its shards cannot be merged into a study under uncertainty")
        return ExitStatus.invalidInput
    }

    /// The units of shard `shard` in words ("designs capacity_mw-4 … capacity_mw-8").
    func describe(shard: Shard) -> String {
        EnsembleShards.describe(EnsembleShards.units(shard: shard.index, of: shard.count, unitCount: ids.count),
                                ids: ids, noun: study.noun)
    }

    /// Shard `shard` (`--shard K/N`, a Slurm array task): its block of units over every sample, written to
    /// `FOLDER/shards/K-of-N.h5` for `heatloop merge`.
    func run(shard: Shard, folder: String, quiet: Bool) throws {
        let units = EnsembleShards.units(shard: shard.index, of: shard.count, unitCount: ids.count)
        guard !units.isEmpty else {
            printError("error: shard \(shard): the \(study.name) has only \(ids.count) \(study.noun)s; split it into at most that many shards")
            throw ExitStatus.invalidInput
        }
        let path = ShardSummary.path(in: folder, shard: shard)
        if !quiet {
            printError("\(name): shard \(shard), \(describe(shard: shard)) of \(ids.count) × \(samples) samples → \(path)")
        }
        let rows = try ProgressBar.run(unit: "runs", quiet: quiet) { progress throws(ScenarioFailure) in try self.rows(units, progress) }
        let file = EnsembleShardFile(study: study, shard: shard, units: units, unitCount: ids.count, samples: samples,
                                     fingerprint: fingerprint, specFile: specFile, siteFile: siteFile, rows: rows)
        do { try Signals.writing { try file.write(in: folder, name: name, ids: ids) } } catch {
            printError("error: could not write \(path): \(error)")
            throw ExitStatus.failure
        }
        if !quiet { print("\(path): \(units.count) of \(ids.count) \(study.noun)s × \(samples) samples") }
    }
}
