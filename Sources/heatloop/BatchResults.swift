import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

/// What a batch leaves in its folder: one result file per scenario, whose root attributes name the
/// scenario (`BatchScenario.resultAttributes`, so `merge` needs nothing but the files), and `summary.h5`
/// + `summary.csv`.
struct BatchResults {
    static let summaryName = "summary.h5"
    typealias Key = BatchScenario.ResultKey

    /// The batch's `--output` folder.
    let folder: String

    var summaryPath: String { (folder as NSString).appendingPathComponent(Self.summaryName) }

    /// `FOLDER/<id>.h5`.
    func path(of scenario: BatchScenario) -> String {
        (folder as NSString).appendingPathComponent("\(scenario.id).h5")
    }

    /// A scenario is done when its file is complete, whole (the result contract) and was made from the
    /// same inputs.
    func isDone(_ scenario: BatchScenario) -> Bool {
        guard let entry = try? Self.entry(at: path(of: scenario)),
              HDF5ResultReader.contractProblems(path: path(of: scenario)).isEmpty else { return false }
        return entry.inputsHash == scenario.inputsHash
    }

    /// Runs `scenarios` of `plan` in parallel and writes each one's result file as it finishes (with a
    /// progress bar unless `quiet`); returns the scenarios that failed, with why.
    func record(_ scenarios: [BatchScenario], of plan: BatchPlan, jobs: Int, quiet: Bool) -> [(id: String, message: String)] {
        var progress = ProgressBar(total: scenarios.count, quiet: quiet)
        var failures: [(id: String, message: String)] = []
        let name = plan.spec.name, count = plan.scenarios.count
        ParallelRunner.run(
            count: scenarios.count, jobs: jobs,
            work: { index in
                Result { () throws(ScenarioFailure) in
                    let scenario = scenarios[index]
                    return try ScenarioRunner(scenario)
                        .record(origin: .now(), attributes: scenario.resultAttributes(batch: name, count: count)).document
                }
            },
            consume: { index, outcome in
                let scenario = scenarios[index]
                var failed = false
                do {
                    try Signals.writing { try OutputPath.write(try outcome.get(), to: path(of: scenario)) }
                } catch {
                    failed = true
                    failures.append((scenario.id, "\(error)"))
                    if !quiet { printError("\nscenario \(scenario.id): \(error)") }
                }
                progress.advance(failed: failed)
            })
        return failures
    }

    /// Writes `summary.h5` and `summary.csv` of the complete results in the folder made from `plan`'s
    /// current inputs; returns how many there are.
    func writeSummary(of plan: BatchPlan) throws -> Int {
        let entries = try Self.entries(in: folder).filter { entry in
            plan.scenarios.indices.contains(entry.index) && plan.scenarios[entry.index].inputsHash == entry.inputsHash
        }
        try Self.writeSummary(entries, batch: plan.spec.name, to: summaryPath)
        return entries.count
    }

    /// Units and long names of the `/summary` KPIs (file attributes carry only name and value).
    static let kpiDescriptions: [String: (units: String, longName: String)] = Dictionary(
        (KPIs(EnergyTotals(), carbon: nil).named.map { ($0.name, $0.units, $0.longName) }
            + EconomicAssessment.descriptions.map { ($0.name, $0.units, $0.longName) }
            + [ResultDocument.maximumRackPower]).map { ($0.0, ($0.1, $0.2)) },
        uniquingKeysWith: { a, _ in a })

    /// A scenario result read back: its place in the batch and its summary row.
    struct Entry {
        var index: Int
        var count: Int
        var batch: String
        var inputsHash: String
        var row: ScenarioRow
    }

    /// The scenario result at `path`, or nil when it is not one (no `scenario_id`) or not complete.
    static func entry(at path: String) throws -> Entry? {
        guard HDF5ResultReader.isComplete(path: path) else { return nil }
        let attributes = try HDF5ResultReader.readAttributes(path: path)
        func text(_ name: String) -> String? {
            if case .string(let value)? = attributes.first(where: { $0.name == name })?.value { return value }
            return nil
        }
        func integer(_ name: String) -> Int? {
            if case .int(let value)? = attributes.first(where: { $0.name == name })?.value { return value }
            return nil
        }
        guard let id = text(Key.id), let index = integer(Key.index), let count = integer(Key.count) else { return nil }
        var labels: [(name: String, value: String)] = []
        var values: [(name: String, units: String, longName: String, value: Double)] = []
        for attribute in attributes {
            guard case .string(let value) = attribute.value else { continue }
            if attribute.name.hasPrefix(Key.labelPrefix) {
                labels.append((String(attribute.name.dropFirst(Key.labelPrefix.count)), value))
            } else if attribute.name.hasPrefix(Key.varyPrefix) {
                let key = String(attribute.name.dropFirst(Key.varyPrefix.count))
                if let number = Double(value) {
                    values.append((key, "", "varied site parameter \(key)", number))
                } else {
                    labels.append((key, value))
                }
            }
        }
        for kpi in try HDF5ResultReader.readSummary(path: path) {
            guard let number = kpi.value.double else { continue }
            let known = kpiDescriptions[kpi.name]
            values.append((kpi.name, known?.units ?? "1", known?.longName ?? kpi.name, number))
        }
        return Entry(index: index, count: count, batch: text(Key.batch) ?? "", inputsHash: text(Key.inputs) ?? "",
                     row: ScenarioRow(id: id, labels: labels, values: values))
    }

    /// Complete scenario results in `folder` that break the result contract (a shortened series, a
    /// missing group or `/summary`), with what is wrong; unfinished files are the batch's to redo.
    static func damagedResults(in folder: String) -> [(path: String, problems: [String])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".h5") && $0 != summaryName }.sorted().compactMap { name in
            let path = (folder as NSString).appendingPathComponent(name)
            guard HDF5ResultReader.isComplete(path: path) else { return nil }
            let problems = HDF5ResultReader.contractProblems(path: path)
            return problems.isEmpty ? nil : (path, problems)
        }
    }

    /// Every scenario result in `folder` (any `*.h5` but the summary), by scenario index.
    static func entries(in folder: String) throws -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return try names.filter { $0.hasSuffix(".h5") && $0 != summaryName }.sorted()
            .compactMap { try entry(at: (folder as NSString).appendingPathComponent($0)) }
            .sorted { $0.index < $1.index }
    }

    /// Writes `summary.h5` (or `output`) and the CSV beside it, each atomically (`AtomicOutput`; a stop
    /// signal abandons the one being written).
    static func writeSummary(_ entries: [Entry], batch: String, to output: String) throws {
        let table = ScenarioTable(rows: entries.map(\.row), attributes: [
            ResultAttribute("title", .string("HeatLoop batch summary of \(batch)")),
            ResultAttribute("kind", .string("batch")),
            ResultAttribute("batch", .string(batch)),
        ] + RunOrigin.now().attributes)
        try HDF5ScenarioTableWriter(path: output, interruption: Signals.interruption).write(table)
        try OutputPath.write(text: table.csv, to: (output as NSString).deletingPathExtension + ".csv")
    }
}
