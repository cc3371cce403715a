import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

/// The summary rows of one shard of a batch, `FOLDER/shards/K-of-N.h5`: the scenarios it ran (and those
/// a `--resume` found done), with each scenario's index and inputs hash as extra columns. `merge` builds
/// `summary.h5` from these tables alone when they cover the batch, so a Slurm merge job opens N small
/// files instead of every scenario's result, and `--summary-only` shards need no result files at all.
enum ShardSummary {
    static let folderName = "shards"
    /// The extra numeric column: the scenario's index in the batch.
    static let indexColumn = BatchScenario.ResultKey.index
    /// The extra text column: the SHA-256 of the scenario's inputs.
    static let inputsColumn = BatchScenario.ResultKey.inputs
    /// The extra text column: the currency of the scenario's money ("" when its file named none).
    static let currencyColumn = BatchScenario.ResultKey.currency
    /// Root attributes with the text and numeric column names in the summary's order, one per line.
    static let labelOrder = "label_columns", columnOrder = "numeric_columns"

    static func folder(in batchFolder: String) -> String {
        (batchFolder as NSString).appendingPathComponent(folderName)
    }

    /// `FOLDER/shards/K-of-N.h5`.
    static func path(in batchFolder: String, shard: Shard) -> String {
        (folder(in: batchFolder) as NSString).appendingPathComponent("\(shard.index)-of-\(shard.count).h5")
    }

    /// Writes shard `shard`'s `entries` of batch `batch` (atomically), and removes the tables of an earlier
    /// split into another number of shards, which would otherwise mix into the merge.
    static func write(_ entries: [BatchResults.Entry], shard: Shard, batch: String, count: Int, in batchFolder: String) throws {
        try prepareFolder(in: batchFolder, for: shard)
        let rows = entries.map { entry in
            var row = entry.row
            row.labels.append((inputsColumn, entry.inputsHash))
            row.labels.append((currencyColumn, entry.currency ?? ""))
            row.values.append((indexColumn, "1", "index of the scenario in the batch", Double(entry.index)))
            return row
        }
        var table = ScenarioTable(rows: rows, attributes: [
            ResultAttribute("title", .string("HeatLoop batch summary of \(batch), shard \(shard)")),
            ResultAttribute("kind", .string("batch shard")),
            ResultAttribute(BatchScenario.ResultKey.batch, .string(batch)),
            ResultAttribute(BatchScenario.ResultKey.count, .int(count)),
            ResultAttribute("shard", .string(shard.description)),
        ] + (entries.lazy.compactMap(\.baseline).first.map { [ResultAttribute(BatchScenario.ResultKey.baseline, .string($0))] } ?? [])
            + RunOrigin.now().attributes)
        // The table file lists its datasets by name; the order of the summary's columns is kept here.
        table.attributes += [ResultAttribute(labelOrder, .string(table.labels.map(\.name).joined(separator: "\n"))),
                             ResultAttribute(columnOrder, .string(table.columns.map(\.name).joined(separator: "\n")))]
        try HDF5ScenarioTableWriter(path: path(in: batchFolder, shard: shard), interruption: Signals.interruption)
            .write(table)
    }

    /// Creates `FOLDER/shards` and removes the tables of an earlier split into another number of shards
    /// than `shard.count`, which would otherwise mix into the merge.
    static func prepareFolder(in batchFolder: String, for shard: Shard) throws {
        let folder = folder(in: batchFolder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasSuffix(".h5") && !name.hasSuffix("-of-\(shard.count).h5") {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    /// The entries of every shard table in `batchFolder` (none when there is no `shards` folder).
    static func entries(in batchFolder: String) throws -> [BatchResults.Entry] {
        let folder = folder(in: batchFolder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".h5") }
        return try names.sorted().flatMap { name in
            try entries(of: HDF5ResultReader.readScenarioTable(path: (folder as NSString).appendingPathComponent(name)))
        }
    }

    /// The entries of the shard table at `path`, or none when there is none.
    static func entries(at path: String) -> [BatchResults.Entry] {
        guard FileManager.default.fileExists(atPath: path),
              let table = try? HDF5ResultReader.readScenarioTable(path: path) else { return [] }
        return (try? entries(of: table)) ?? []
    }

    /// A shard table's rows as entries: the extra columns taken out, every other column in table order.
    static func entries(of table: ScenarioTable) throws -> [BatchResults.Entry] {
        func attribute(_ name: String) -> AttributeValue? { table.attributes.first { $0.name == name }?.value }
        guard case .int(let count)? = attribute(BatchScenario.ResultKey.count),
              case .string(let batch)? = attribute(BatchScenario.ResultKey.batch),
              let indices = table.columns.first(where: { $0.name == indexColumn }),
              let inputs = table.labels.first(where: { $0.name == inputsColumn }) else {
            throw ShardSummaryProblem(description: "a shard summary without \(indexColumn), \(inputsColumn), "
                                        + "\(BatchScenario.ResultKey.batch) or \(BatchScenario.ResultKey.count)")
        }
        func order(_ name: String) -> [String] {
            if case .string(let names)? = attribute(name) { return names.split(separator: "\n").map(String.init) }
            return []
        }
        let labels = order(labelOrder).compactMap { name in table.labels.first { $0.name == name } }
            .filter { $0.name != inputsColumn && $0.name != currencyColumn }
        let currencies = table.labels.first { $0.name == currencyColumn }
        let baseline: String? = if case .string(let id)? = attribute(BatchScenario.ResultKey.baseline) { id } else { nil }
        let columns = order(columnOrder).compactMap { name in table.columns.first { $0.name == name } }
            .filter { $0.name != indexColumn }
        return table.ids.indices.map { row in
            BatchResults.Entry(
                index: Int(indices.values[row]), count: count, batch: batch, inputsHash: inputs.values[row],
                row: ScenarioRow(id: table.ids[row], labels: labels.map { ($0.name, $0.values[row]) },
                                 values: columns.map { ($0.name, $0.units, $0.longName, $0.values[row]) }),
                currency: currencies.flatMap { $0.values[row].isEmpty ? nil : $0.values[row] }, baseline: baseline)
        }
    }
}

struct ShardSummaryProblem: Error, CustomStringConvertible {
    var description: String
}
