import ArgumentParser
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Build summary.h5 and summary.csv from the scenario results in a batch folder (after sharded runs).")

    @Argument(help: "Folder of scenario result files (heatloop batch --output).") var folder: String
    @Option(help: "Summary file to write (default FOLDER/summary.h5; the CSV goes beside it).") var output: String?

    func run() throws {
        Signals.install()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            printError("error: \(folder): no such folder; expected the --output folder of `heatloop batch`")
            throw ExitStatus.invalidInput
        }
        let damaged = BatchResults.damagedResults(in: folder)
        guard damaged.isEmpty else {
            printError(damaged.map { "error: \($0.path): damaged result, not merged: " + $0.problems.joined(separator: "; ") }
                .joined(separator: "\n") + "\nre-run those scenarios (heatloop batch --resume) or remove the files")
            throw ExitStatus.invalidInput
        }
        let entries: [BatchResults.Entry]
        do { entries = try BatchResults.entries(in: folder) } catch {
            printError("error: \(folder): \(error)")
            throw ExitStatus.failure
        }
        guard let first = entries.first else {
            printError("error: \(folder): no complete scenario results (*.h5 with a scenario_id)")
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
}
