import Foundation
import Testing

/// A CSV table from `shared/reference/` (`#` lines are comments), read by column name: the one loader of
/// reference tables for every test target.
public struct ReferenceCSV {
    public let header: [String]
    public let rows: [[String]]

    /// `shared/reference/<name>` beside the package root.
    public static func path(_ name: String) -> String { PackagePaths.reference(name) }

    /// The table `name` of `shared/reference/`.
    public init(_ name: String) throws {
        let path = Self.path(name)
        try #require(FileManager.default.fileExists(atPath: path),
                     "reference table \(name) not found at \(path): shared/reference/ must sit beside the package root")
        try self.init(path: path)
    }

    /// The table at `path` (the package's own reference tables live in `Tests/reference/`).
    public init(path: String) throws {
        let name = (path as NSString).lastPathComponent
        let lines = try String(contentsOfFile: path, encoding: .utf8)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        header = try #require(lines.first, "\(name) has no header").split(separator: ",").map(String.init)
        rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Column index by name.
    public func column(_ name: String) throws -> Int {
        try #require(header.firstIndex(of: name), "column \(name) missing")
    }

    /// The rows as dictionaries from column name to text.
    public var records: [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The rows as dictionaries from column name to number; cells that are not numbers are left out.
    public var numericRecords: [[String: Double]] {
        records.map { $0.compactMapValues(Double.init) }
    }
}
