import Foundation
import HeatLoopFiles

/// What kind of HeatLoop file a path holds, told from its first bytes, so that a file given to the wrong
/// command gets one sentence naming the right one ("this is a site file; use `heatloop run`") instead of
/// the schema's list of every key it lacks, or an EPW's 1.6 MB quoted back as YAML.
enum FileKind: Equatable {
    case site, batch, sizing, uncertainty, timeline, weather, result
    /// Not a regular readable file, or none of the above: the command's own loader reports why.
    case other

    /// How many bytes are read to tell the kind: the header of an EPW or HDF5 file, the top-level keys
    /// of any YAML file HeatLoop reads (a batch's `sites:` comes in its first lines).
    static let sniffedBytes = 65_536

    /// The kind of the file at `path`. An HDF5 file starts with its signature (HDF5 File Format
    /// Specification §II.A), an EPW with its `LOCATION` header line; a batch file lists `sites:` at the
    /// top level, a sizing file has `vary:` without it, an uncertainty file `inputs:` or `samples:`, a
    /// timeline file `changes:` or `start_year:` (keys no site file has); any other YAML is a site.
    static func of(_ path: String) -> FileKind {
        // A path that is no regular file (a FIFO would block) is left to the loader, which reports why.
        guard InputFile.problem(at: path) == nil, let handle = FileHandle(forReadingAtPath: path) else { return .other }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: sniffedBytes)) ?? Data()
        if head.starts(with: [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]) { return .result }
        let text = String(decoding: head, as: UTF8.self)
        if text.hasPrefix("LOCATION,") { return .weather }
        let lines = text.split(separator: "\n")
        if lines.contains(where: { $0.hasPrefix("sites:") }) { return .batch }
        if lines.contains(where: { $0.hasPrefix("vary:") }) { return .sizing }
        if lines.contains(where: { $0.hasPrefix("inputs:") || $0.hasPrefix("samples:") }) { return .uncertainty }
        if lines.contains(where: { $0.hasPrefix("changes:") || $0.hasPrefix("start_year:") }) { return .timeline }
        return .site
    }

    /// What the file is and which command takes it.
    var usage: String {
        switch self {
        case .site: "this is a site file; use `heatloop run` (or `heatloop size SITE --spec SIZING`)"
        case .batch: "this is a batch file; use `heatloop batch` or `heatloop slurm`"
        case .sizing: "this is a sizing file; use `heatloop size --spec`"
        case .uncertainty: "this is an uncertainty file; use `heatloop run SITE --uncertainty`"
        case .timeline: "this is a timeline file; use `heatloop run SITE --timeline`"
        case .weather: "this is an EPW weather file; give it to `heatloop weather`, or to `heatloop run SITE --weather`"
        case .result: "this is a HeatLoop result (HDF5); use `heatloop report` or `heatloop card`"
        case .other: "unreadable"
        }
    }

    /// Exits 2 with one line naming the right command when `path` holds a file of another kind than
    /// `expected` (files of no known kind go on to the loader, which says what is wrong with them).
    static func require(_ expected: Set<FileKind>, _ path: String, option: String = "") throws {
        let kind = of(path)
        guard kind != .other, !expected.contains(kind) else { return }
        printError("error: \(option.isEmpty ? "" : option + " ")\(path): \(kind.usage)")
        throw ExitStatus.invalidInput
    }
}
