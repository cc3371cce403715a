import Foundation
import HeatLoop
import HeatLoopHDF5
import HeatLoopOutput

enum OutputPath {
    /// Whether `--output` names a file: its last component has a file extension (`.h5`, `.txt`, `.csv`: a
    /// letter then up to four letters or digits); otherwise it names a folder (`Output/run.2050` too).
    static func namesFile(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        let suffix = name[name.index(after: dot)...]
        return (1...5).contains(suffix.count) && suffix.first!.isLetter
            && suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// `--output` as a file (ending in .h5) or a folder; default `Output/<site>.h5`.
    static func resolve(_ option: String?, siteName: String) -> String {
        guard let option else { return "Output/\(siteName).h5" }
        if option.hasSuffix(".h5") { return option }
        return (option as NSString).appendingPathComponent("\(siteName).h5")
    }

    static func createFolder(for path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Writes a run's result file at `path` (atomically, see `AtomicOutput`); a stop signal abandons it.
    static func write(_ document: ResultDocument, to path: String) throws {
        var writer = HDF5ResultWriter(path: path, interruption: Signals.interruption)
        try writer.write(document)
    }

    /// Writes `table` to `path` (HDF5) and beside it as CSV (`.csv`), each atomically and inside
    /// `Signals.writing`, making the folder first; prints what could not be written and throws
    /// `ExitStatus.failure` when either fails. Returns the CSV's path.
    @discardableResult
    static func writeTable(_ table: ScenarioTable, to path: String) throws -> String {
        let csvPath = (path as NSString).deletingPathExtension + ".csv"
        do {
            try createFolder(for: path)
            try Signals.writing {
                try HDF5ScenarioTableWriter(path: path, interruption: Signals.interruption).write(table)
                try write(text: table.csv, to: csvPath)
            }
        } catch {
            printError("error: could not write \(path) and \(csvPath): \(error)")
            throw ExitStatus.failure
        }
        return csvPath
    }

    /// Writes a text output (CSV, HTML) at `path` atomically (`AtomicOutput`); a stop signal abandons it.
    static func write(text: String, to path: String) throws {
        try AtomicOutput.publish(Data(text.utf8), to: path, interruption: Signals.interruption)
    }
}

