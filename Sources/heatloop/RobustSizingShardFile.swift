import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

/// One shard of a sizing sweep under uncertainty, `FOLDER/shards/K-of-N.h5` (`heatloop size --shard K/N`,
/// one task of `heatloop slurm`): the rows of its designs over every sample, one table row per
/// (design, sample) with the design's index and the sample as extra columns, and as root attributes what
/// the merge checks (the split, the grid's size, the inputs' fingerprint, the files to load the plan from).
/// Written atomically (`HDF5ScenarioTableWriter`), so a task killed while writing leaves no shard.
struct RobustSizingShardFile {
    var shard: Shard
    /// The plan's designs this shard ran (`RobustSizingShards.designs`).
    var designs: Range<Int>
    var designCount: Int
    var samples: Int
    /// `RobustSizingShards.fingerprint` of the plan the rows were made from.
    var fingerprint: String
    /// Absolute paths of the sizing file and of its site, to load the plan again.
    var sizingFile: String
    var siteFile: String
    /// Design-major: row `(d − designs.lowerBound)·samples + s`.
    var rows: [RobustSizingOutcome.Row]

    static let kind = "sizing shard"
    /// Root attribute names, and the extra columns.
    enum Key {
        static let kind = "kind", sizing = "sizing", sizingFile = "sizing_file", siteFile = "site_file"
        static let shardIndex = "shard_index", shardCount = "shard_count", designCount = "design_count"
        static let firstDesign = "first_design", endDesign = "end_design", samples = "samples"
        static let fingerprint = "inputs_sha256"
        static let designColumn = "design_index", sampleColumn = "sample"
    }

    /// Writes the shard into `FOLDER/shards`, removing the shards of an earlier split into another number.
    func write(in folder: String, name: String, ids: [String]) throws {
        try ShardSummary.prepareFolder(in: folder, for: shard)
        let template = rows.first ?? []
        var columns = template.indices.map { column in
            ScenarioColumn(name: template[column].name, units: template[column].units, longName: template[column].longName,
                           values: rows.map { $0.indices.contains(column) ? $0[column].value : .nan })
        }
        columns.append(ScenarioColumn(name: Key.designColumn, units: "1", longName: "index of the design in the sweep",
                                      values: rows.indices.map { Double(designs.lowerBound + $0 / samples) }))
        columns.append(ScenarioColumn(name: Key.sampleColumn, units: "1", longName: "index of the sample",
                                      values: rows.indices.map { Double($0 % samples) }))
        let rowIDs = rows.indices.map { "\(ids[designs.lowerBound + $0 / samples])#\($0 % samples)" }
        let attributes: [ResultAttribute] = [
            ResultAttribute("title", .string("HeatLoop sizing sweep \(name) under uncertainty, shard \(shard)")),
            ResultAttribute(Key.kind, .string(Self.kind)), ResultAttribute(Key.sizing, .string(name)),
            ResultAttribute(Key.sizingFile, .string(sizingFile)), ResultAttribute(Key.siteFile, .string(siteFile)),
            ResultAttribute(Key.shardIndex, .int(shard.index)), ResultAttribute(Key.shardCount, .int(shard.count)),
            ResultAttribute(Key.designCount, .int(designCount)), ResultAttribute(Key.samples, .int(samples)),
            ResultAttribute(Key.firstDesign, .int(designs.lowerBound)), ResultAttribute(Key.endDesign, .int(designs.upperBound)),
            ResultAttribute(Key.fingerprint, .string(fingerprint)),
            // The table file lists its datasets by name; the order of the KPI columns is kept here.
            ResultAttribute(ShardSummary.columnOrder, .string(columns.map(\.name).joined(separator: "\n"))),
        ] + RunOrigin.now().attributes
        try HDF5ScenarioTableWriter(path: ShardSummary.path(in: folder, shard: shard), interruption: Signals.interruption)
            .write(ScenarioTable(dimension: "run", ids: rowIDs, labels: [], columns: columns, attributes: attributes))
    }

    /// Whether the table at `path` is a sizing shard (else a batch's shard summary, or unreadable).
    static func isSizingShard(_ path: String) -> Bool {
        (try? HDF5ResultReader.readScenarioTable(path: path))?.text(Key.kind) == kind
    }

    /// The shard at `path`; throws with what is wrong when it is not a complete sizing shard.
    static func read(path: String) throws -> RobustSizingShardFile {
        let table = try HDF5ResultReader.readScenarioTable(path: path)
        func int(_ name: String) -> Int? {
            if case .int(let value)? = table.attributes.first(where: { $0.name == name })?.value { return value }
            return nil
        }
        guard table.text(Key.kind) == kind, let index = int(Key.shardIndex), let count = int(Key.shardCount),
              let designCount = int(Key.designCount), let samples = int(Key.samples), samples > 0,
              let first = int(Key.firstDesign), let end = int(Key.endDesign), first <= end,
              let fingerprint = table.text(Key.fingerprint), let sizingFile = table.text(Key.sizingFile),
              let siteFile = table.text(Key.siteFile),
              let designColumn = table.columns.first(where: { $0.name == Key.designColumn }),
              let sampleColumn = table.columns.first(where: { $0.name == Key.sampleColumn }) else {
            throw ShardSummaryProblem(description: "not a sizing shard (its attributes or index columns are missing)")
        }
        let expected = (first..<end).flatMap { design in (0..<samples).map { (Double(design), Double($0)) } }
        guard expected.count == table.ids.count,
              zip(expected, zip(designColumn.values, sampleColumn.values)).allSatisfy({ $0 == $1 }) else {
            throw ShardSummaryProblem(description: "its rows are not designs \(first)…\(end - 1) × samples 0…\(samples - 1) in order")
        }
        let order = (table.text(ShardSummary.columnOrder) ?? "").split(separator: "\n").map(String.init)
        let columns = order.compactMap { name in table.columns.first { $0.name == name } }
            .filter { $0.name != Key.designColumn && $0.name != Key.sampleColumn }
        let rows = table.ids.indices.map { row in columns.map { ($0.name, $0.units, $0.longName, $0.values[row]) } }
        return RobustSizingShardFile(
            shard: Shard(index: index, count: count), designs: first..<end, designCount: designCount, samples: samples,
            fingerprint: fingerprint, sizingFile: sizingFile, siteFile: siteFile, rows: rows)
    }
}
