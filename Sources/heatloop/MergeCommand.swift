import ArgumentParser
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Build summary.h5 and summary.csv from the shard summaries or scenario results in a batch folder (after sharded runs).",
        discussion: "When the shard summaries (FOLDER/shards/K-of-N.h5) cover every scenario, only they are read; "
            + "otherwise the scenario result files fill in the scenarios they lack. The shards of a sizing sweep or a batch "
            + "under uncertainty (heatloop size --shard, heatloop batch --shard, heatloop slurm) merge into sizing.h5 and "
            + "sizing.csv, or summary.h5 and summary.csv, only when every shard is there and made from the files as they are now.")

    @Argument(help: "Folder of scenario result files or shards (the --output of heatloop batch, slurm or size --shard).") var folder: String
    @Option(name: [.short, .long], help: "Summary file to write, ending in .h5 (default FOLDER/summary.h5, or FOLDER/sizing.h5 for a sizing sweep; the CSV goes beside it).")
    var output: String?
    @Option(help: "Sizing or batch file with 'uncertainty:' whose shards these are (default: the one the shards name; merges its study even when no shard is there, to say so).")
    var spec: String?

    func validate() throws {
        if let output, !output.hasSuffix(".h5") {
            throw ValidationError("--output \(output): the summary is an HDF5 file; give NAME.h5")
        }
    }

    func run() throws {
        Signals.install()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            printError("error: \(folder): no such folder; expected the --output folder of `heatloop batch`")
            throw ExitStatus.invalidInput
        }
        if spec != nil || EnsembleMerge.applies(to: folder) {
            try EnsembleMerge.run(folder: folder, spec: spec, output: output)
            return
        }
        let entries = try Self.entries(in: folder)
        guard let first = entries.first else {
            printError("error: \(folder): no shard summaries and no complete scenario results (*.h5 with a scenario_id)")
            throw ExitStatus.invalidInput
        }
        let present = Set(entries.map(\.index))
        let missing = (0..<first.count).filter { !present.contains($0) }
        let path = output ?? (folder as NSString).appendingPathComponent(BatchResults.summaryName)
        do { try Signals.writing { try BatchResults.writeSummary(entries, batch: first.batch, to: path) } } catch {
            printError("error: could not write \(path): \(error)")
            throw ExitStatus.failure
        }
        print("\(path): \(entries.count) of \(first.count) scenarios")
        if !missing.isEmpty {
            printError("error: \(missing.count) scenario(s) have no complete result: index "
                + missing.prefix(20).map(String.init).joined(separator: ", ") + (missing.count > 20 ? ", …" : ""))
            throw ExitStatus.failure
        }
    }

    /// The rows of the batch in `folder`, by index: from the shard summaries, and when they do not cover
    /// the batch, from the (undamaged) result files for the scenarios they lack.
    static func entries(in folder: String) throws -> [BatchResults.Entry] {
        let shards: [BatchResults.Entry]
        do { shards = try ShardSummary.entries(in: folder) } catch {
            printError("error: \(ShardSummary.folder(in: folder)): \(error)")
            throw ExitStatus.failure
        }
        var byIndex: [Int: BatchResults.Entry] = [:]
        for entry in shards { byIndex[entry.index] = entry }
        if let count = shards.first?.count, byIndex.count == count {
            return byIndex.values.sorted { $0.index < $1.index }
        }
        let damaged = BatchResults.damagedResults(in: folder)
        guard damaged.isEmpty else {
            printError(damaged.map { "error: \($0.path): damaged result, not merged: " + $0.problems.joined(separator: "; ") }
                .joined(separator: "\n") + "\nre-run those scenarios (heatloop batch --resume) or remove the files")
            throw ExitStatus.invalidInput
        }
        let files: [BatchResults.Entry]
        do { files = try BatchResults.entries(in: folder) } catch {
            printError("error: \(folder): \(error)")
            throw ExitStatus.failure
        }
        for entry in files where byIndex[entry.index] == nil { byIndex[entry.index] = entry }
        return byIndex.values.sorted { $0.index < $1.index }
    }
}
