import Foundation
import HeatLoop
import Testing

/// A result's `/summary` (annual attributes, the monthly and jobs tables) as committed JSON, so that a
/// change of any figure of an example site is seen: `Tests/goldens/summary/<site>.json`.
///
/// Re-recorded only on purpose: `make goldens` sets `HEATLOOP_RECORD_GOLDENS=1`, and the test then
/// writes the files instead of comparing (review the diff before committing it).
public struct GoldenSummary: Equatable {
    /// `/summary` attributes: numbers, and text (verdicts) as strings.
    public var values: [String: GoldenValue]
    /// `/summary/<table>/<column>`: each column's values (text columns as strings).
    public var tables: [String: [String: [GoldenValue]]]

    public enum GoldenValue: Equatable, Codable {
        case number(Double)
        case text(String)

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
                return
            }
            // Non-finite numbers are stored as "nan", "inf", "-inf" (JSON has no literal for them).
            let text = try container.decode(String.self)
            self = Double(text).map { $0.isFinite ? .text(text) : .number($0) } ?? .text(text)
        }
        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number) where number.isFinite: try container.encode(number)
            case .number(let number): try container.encode("\(number)")
            case .text(let text): try container.encode(text)
            }
        }
    }

    public static let folder = "\(PackagePaths.root)/Tests/goldens/summary"
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["HEATLOOP_RECORD_GOLDENS"] == "1" }
    public static func path(site: String) -> String { "\(folder)/\(site).json" }

    public init(_ document: ResultDocument) {
        values = Dictionary(uniqueKeysWithValues: document.summary.map { ($0.name, GoldenValue($0.value)) })
        var tables: [String: [String: [GoldenValue]]] = [:]
        for table in document.summaryTables where table.name != "heat_duration" {
            var columns: [String: [GoldenValue]] = [:]
            switch table.coordinate {
            case .integers(let numbers): columns[table.dimension] = numbers.map { .number(Double($0)) }
            case .strings(let texts): columns[table.dimension] = texts.map { .text($0) }
            }
            for column in table.columns { columns[column.name] = GoldenValue.list(column.values) }
            tables[table.name] = columns
        }
        self.tables = tables
    }

    public init(contentsOf path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let decoded = try JSONDecoder().decode(Stored.self, from: data)
        values = decoded.summary
        tables = decoded.tables
    }

    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try encoder.encode(Stored(summary: values, tables: tables)).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Every difference from `expected`, as readable lines: numbers beyond the tolerance, changed text,
    /// figures missing on either side.
    public func differences(from expected: GoldenSummary, relativeTolerance: Double = 1e-9) -> [String] {
        var lines: [String] = []
        func compare(_ name: String, _ actual: GoldenValue?, _ wanted: GoldenValue?) {
            switch (actual, wanted) {
            case let (.number(a)?, .number(b)?):
                if !(a.isApproximatelyEqual(to: b, relativeTolerance: relativeTolerance, absoluteTolerance: 1e-12)
                     || (a.isNaN && b.isNaN)) {
                    lines.append("\(name): \(a), golden \(b)")
                }
            case let (a?, b?): if a != b { lines.append("\(name): \(a), golden \(b)") }
            case (nil, _?): lines.append("\(name): missing (in the golden file)")
            case (_?, nil): lines.append("\(name): new (not in the golden file)")
            case (nil, nil): break
            }
        }
        for name in Set(values.keys).union(expected.values.keys).sorted() {
            compare(name, values[name], expected.values[name])
        }
        for table in Set(tables.keys).union(expected.tables.keys).sorted() {
            let mine = tables[table] ?? [:], theirs = expected.tables[table] ?? [:]
            for column in Set(mine.keys).union(theirs.keys).sorted() {
                let a = mine[column] ?? [], b = theirs[column] ?? []
                if a.count != b.count { lines.append("\(table)/\(column): \(a.count) rows, golden \(b.count)"); continue }
                for (row, pair) in zip(a, b).enumerated() { compare("\(table)/\(column)[\(row)]", pair.0, pair.1) }
            }
        }
        return lines
    }

    private struct Stored: Codable {
        var summary: [String: GoldenValue]
        var tables: [String: [String: [GoldenValue]]]
    }
}

extension GoldenSummary.GoldenValue {
    init(_ value: AttributeValue) {
        switch value {
        case .string(let text): self = .text(text)
        case .int(let number): self = .number(Double(number))
        case .double(let number): self = .number(number)
        }
    }

    static func list(_ values: ResultValues) -> [Self] {
        switch values {
        case .float32(let numbers): numbers.map { .number(Double($0)) }
        case .float64(let numbers): numbers.map { .number($0) }
        case .int32(let numbers): numbers.map { .number(Double($0)) }
        case .int8(let numbers, _, _): numbers.map { .number(Double($0)) }
        }
    }
}
