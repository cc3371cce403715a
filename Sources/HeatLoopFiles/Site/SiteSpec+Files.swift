import Foundation
import HeatLoop

extension SiteSpec {
    /// Reads a site file's text. Every problem (syntax, unknown keys, types, ranges, files that do not
    /// exist, CSV columns of the wrong quantity) is collected and thrown together, each with its
    /// line:column and key path.
    public static func decode(text: String, file: String) throws(SpecProblems) -> SiteSpec {
        let log = SpecProblemLog(file: file)
        guard let root = YAMLDocument.parse(text: text, log: log) else { throw SpecProblems(log.problems) }
        let spec = decode(file: file, root: root, log: log)
        guard log.problems.isEmpty else { throw SpecProblems(log.problems) }
        return spec
    }

    /// Reads a site file's tree (`file` locates relative paths): the schema's checks, then the file
    /// layer's. Problems go to `log`.
    static func decode(file: String, root: SpecNode, log: SpecProblemLog) -> SiteSpec {
        let spec = decode(root, log: log)
        checkFiles(of: spec, root: root, log: log)
        return spec
    }

    /// Reports files the description names that cannot be read, and CSV columns that hold no quantity
    /// the key accepts.
    static func checkFiles(of spec: SiteSpec, root: SpecNode, log: SpecProblemLog) {
        let cursor = SpecCursor(root: root, log: log)
        for file in spec.files {
            let resolved = resolve(file.path, relativeTo: log.file)
            if !file.path.isEmpty, let problem = InputFile.problem(at: resolved) {
                cursor.at(file.keyPath).problem("\(file.what) '\(file.path)' \(problem) (looked for \(resolved)); "
                    + "give a path relative to \((log.file as NSString).lastPathComponent)")
            }
            if let column = file.column, let columnKeyPath = file.columnKeyPath,
               !file.accepting.contains(where: { $0 == TraceReader.quantity(column: column) }) {
                cursor.at(columnKeyPath).problem("'\(column)' is not a column this key reads; use "
                    + file.accepting.map(TraceReader.naming).joined(separator: " or "))
            }
        }
    }

    /// A path from a site file, resolved against the site file's folder unless absolute.
    public static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = (file as NSString).deletingLastPathComponent
        return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(path)
    }

    /// The CSV series the description names (traces, carbon, demand profile, electricity price).
    var seriesFiles: [FileReference] { files.filter { $0.column != nil && !$0.path.isEmpty } }
}

extension SiteSpec {
    /// JSON with sorted keys: a canonical text of the description (scenario hashes, baseline keys).
    var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
