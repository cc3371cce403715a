import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

/// One shard of a study under uncertainty, `FOLDER/shards/K-of-N.h5` (`heatloop size --shard K/N` or
/// `heatloop batch --shard K/N` on a file with `uncertainty:`, one task of `heatloop slurm`): the rows of its
/// block of units (designs or scenarios, `EnsembleShards`) over every sample, one table row per (unit,
/// sample) with the unit's index and the sample as extra columns, and as root attributes what the merge
/// checks (the study, the split, the number of units, the inputs' fingerprint, the files to load it from).
/// Written atomically (`HDF5ScenarioTableWriter`), so a task killed while writing leaves no shard.
struct EnsembleShardFile {
    /// What kind of study the shard is of: its units and the root attribute `kind` that says so.
    enum Study: String, CaseIterable {
        case sizing = "sizing shard"
        case batch = "batch uncertainty shard"

        /// What one unit is called in messages.
        var noun: String { self == .sizing ? "design" : "scenario" }
        /// The study in words: "sizing sweep", "batch".
        var name: String { self == .sizing ? "sizing sweep" : "batch" }
        /// The extra column with the unit's index.
        var unitColumn: String { self == .sizing ? "design_index" : "scenario_index" }
    }

    var study: Study
    var shard: Shard
    /// The study's units this shard ran (`EnsembleShards.units`).
    var units: Range<Int>
    var unitCount: Int
    var samples: Int
    /// `EnsembleShards.fingerprint` of the study the rows were made from.
    var fingerprint: String
    /// Absolute paths of the study file (sizing or batch file) and, for a sizing sweep, of its site, to
    /// load the study again ("" for a batch, whose file names its sites).
    var specFile: String
    var siteFile: String
    /// Unit-major: row `(u − units.lowerBound)·samples + s`.
    var rows: [EnsembleShards.Row]

    /// Root attribute names, and the extra sample column.
    enum Key {
        static let kind = "kind", name = "study", specFile = "spec_file", siteFile = "site_file"
        static let shardIndex = "shard_index", shardCount = "shard_count", unitCount = "unit_count"
        static let firstUnit = "first_unit", endUnit = "end_unit", samples = "samples"
        static let fingerprint = "inputs_sha256"
        static let sampleColumn = "sample"
    }

    /// Writes the shard into `FOLDER/shards`, removing the shards of an earlier split into another number;
    /// `ids` are every unit's ids, `name` the study's.
    func write(in folder: String, name: String, ids: [String]) throws {
        try ShardSummary.prepareFolder(in: folder, for: shard)
        let template = rows.first ?? []
        var columns = template.indices.map { column in
            ScenarioColumn(name: template[column].name, units: template[column].units, longName: template[column].longName,
                           values: rows.map { $0.indices.contains(column) ? $0[column].value : .nan })
        }
        columns.append(ScenarioColumn(name: study.unitColumn, units: "1", longName: "index of the \(study.noun) in the \(study.name)",
                                      values: rows.indices.map { Double(units.lowerBound + $0 / samples) }))
        columns.append(ScenarioColumn(name: Key.sampleColumn, units: "1", longName: "index of the sample",
                                      values: rows.indices.map { Double($0 % samples) }))
        let rowIDs = rows.indices.map { "\(ids[units.lowerBound + $0 / samples])#\($0 % samples)" }
        let attributes: [ResultAttribute] = [
            ResultAttribute("title", .string("HeatLoop \(study.name) \(name) under uncertainty, shard \(shard)")),
            ResultAttribute(Key.kind, .string(study.rawValue)), ResultAttribute(Key.name, .string(name)),
            ResultAttribute(Key.specFile, .string(specFile)), ResultAttribute(Key.siteFile, .string(siteFile)),
            ResultAttribute(Key.shardIndex, .int(shard.index)), ResultAttribute(Key.shardCount, .int(shard.count)),
            ResultAttribute(Key.unitCount, .int(unitCount)), ResultAttribute(Key.samples, .int(samples)),
            ResultAttribute(Key.firstUnit, .int(units.lowerBound)), ResultAttribute(Key.endUnit, .int(units.upperBound)),
            ResultAttribute(Key.fingerprint, .string(fingerprint)),
            // The table file lists its datasets by name; the order of the KPI columns is kept here.
            ResultAttribute(ShardSummary.columnOrder, .string(columns.map(\.name).joined(separator: "\n"))),
        ] + RunOrigin.now().attributes
        try HDF5ScenarioTableWriter(path: ShardSummary.path(in: folder, shard: shard), interruption: Signals.interruption)
            .write(ScenarioTable(dimension: "run", ids: rowIDs, labels: [], columns: columns, attributes: attributes))
    }

    /// The study the table at `path` is a shard of; nil for a batch's shard summary, or an unreadable file.
    static func study(of path: String) -> Study? {
        (try? HDF5ResultReader.readScenarioTable(path: path))?.text(Key.kind).flatMap(Study.init(rawValue:))
    }

    /// The shard at `path`; throws with what is wrong when it is not a complete shard of a study under uncertainty.
    static func read(path: String) throws -> EnsembleShardFile {
        let table = try HDF5ResultReader.readScenarioTable(path: path)
        func int(_ name: String) -> Int? {
            if case .int(let value)? = table.attributes.first(where: { $0.name == name })?.value { return value }
            return nil
        }
        guard let study = table.text(Key.kind).flatMap(Study.init(rawValue:)), let index = int(Key.shardIndex),
              let count = int(Key.shardCount), let unitCount = int(Key.unitCount), let samples = int(Key.samples), samples > 0,
              let first = int(Key.firstUnit), let end = int(Key.endUnit), first <= end,
              let fingerprint = table.text(Key.fingerprint), let specFile = table.text(Key.specFile),
              let siteFile = table.text(Key.siteFile),
              let unitColumn = table.columns.first(where: { $0.name == study.unitColumn }),
              let sampleColumn = table.columns.first(where: { $0.name == Key.sampleColumn }) else {
            throw ShardSummaryProblem(description: "not a shard of a study under uncertainty (its attributes or index columns are missing)")
        }
        let expected = (first..<end).flatMap { unit in (0..<samples).map { (Double(unit), Double($0)) } }
        guard expected.count == table.ids.count,
              zip(expected, zip(unitColumn.values, sampleColumn.values)).allSatisfy({ $0 == $1 }) else {
            throw ShardSummaryProblem(description: "its rows are not \(study.noun)s \(first)…\(end - 1) × samples 0…\(samples - 1) in order")
        }
        let order = (table.text(ShardSummary.columnOrder) ?? "").split(separator: "\n").map(String.init)
        let columns = order.compactMap { name in table.columns.first { $0.name == name } }
            .filter { $0.name != study.unitColumn && $0.name != Key.sampleColumn }
        let rows = table.ids.indices.map { row in columns.map { ($0.name, $0.units, $0.longName, $0.values[row]) } }
        return EnsembleShardFile(
            study: study, shard: Shard(index: index, count: count), units: first..<end, unitCount: unitCount, samples: samples,
            fingerprint: fingerprint, specFile: specFile, siteFile: siteFile, rows: rows)
    }
}
