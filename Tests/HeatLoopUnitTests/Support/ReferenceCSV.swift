import Foundation
import Testing

/// A CSV table from `shared/reference/` (`#` lines are comments), read by column name.
///
/// The path is `../shared/reference/<name>` beside the package root (this file is
/// `Tests/HeatLoopUnitTests/Support/…`; CI places `shared/` beside the clone), falling back to
/// `/work/shared/reference/<name>` for scratch packages elsewhere.
struct ReferenceCSV {
    let header: [String]
    let rows: [[String]]

    static func path(_ name: String) -> String {
        let beside = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // HeatLoopUnitTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("../shared/reference/\(name)")
            .standardizedFileURL.path
        return FileManager.default.fileExists(atPath: beside) ? beside : "/work/shared/reference/\(name)"
    }

    init(_ name: String) throws {
        let path = Self.path(name)
        try #require(FileManager.default.fileExists(atPath: path),
                     "reference table \(name) not found at \(path): shared/reference/ must sit beside the package root")
        let lines = try String(contentsOfFile: path, encoding: .utf8)
            .split(whereSeparator: \.isNewline)
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        header = try #require(lines.first, "\(name) has no header").split(separator: ",").map(String.init)
        rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Column index by name.
    func column(_ name: String) throws -> Int {
        try #require(header.firstIndex(of: name), "column \(name) missing")
    }

    /// The rows as dictionaries from column name to text.
    var records: [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
