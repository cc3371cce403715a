import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5
import HeatLoopOutput

/// What a batch leaves in its folder: one result file per scenario (unless `--summary-only`), whose root
/// attributes name the scenario (`BatchScenario.resultAttributes`, so `merge` needs nothing but the
/// files), `summary.h5` + `summary.csv`, and for a shard its summary table (`ShardSummary`).
struct BatchResults {
    static let summaryName = "summary.h5"
    typealias Key = BatchScenario.ResultKey

    /// The batch's `--output` folder.
    let folder: String
    /// Which scenarios get a result file.
    var files: ResultFiles = .all

    var summaryPath: String { (folder as NSString).appendingPathComponent(Self.summaryName) }

    /// `FOLDER/<id>.h5`.
    func path(of scenario: BatchScenario) -> String {
        (folder as NSString).appendingPathComponent("\(scenario.id).h5")
    }

    /// A scenario is done when a row of `earlier` (its shard's summary from before) was made from the same
    /// inputs, or when its file is complete, whole (the result contract) and was made from the same inputs.
    func isDone(_ scenario: BatchScenario, earlier: [Entry] = []) -> Bool {
        if earlier.contains(where: { $0.index == scenario.index && $0.inputsHash == scenario.inputsHash }) { return true }
        guard let entry = try? Self.entry(at: path(of: scenario)),
              HDF5ResultReader.contractProblems(path: path(of: scenario)).isEmpty else { return false }
        return entry.inputsHash == scenario.inputsHash
    }

    /// What `record` did: the summary rows of the scenarios that ran, those that failed (with why), and
    /// where the time went.
    struct Recorded {
        var entries: [Entry] = []
        var failures: [(id: String, message: String)] = []
        var statistics: ParallelRunStatistics
        /// Seconds the workers held the HDF5 lock, and waited for a weather or baseline another worker was
        /// making (`BatchShared`): shared sections.
        var hdf5LockSeconds: Double
        var sharedWaitSeconds: Double
        /// Whether the workers were child processes (each with its own HDF5 lock) rather than threads.
        var processes: Bool
        /// The shared weathers and baselines made before the scenarios ran (`BatchShared.prepare`).
        var prepared: (seconds: Double, values: Int)

        /// Amdahl's serial fraction of the run: the main thread's share, the HDF5 lock and the waits.
        var serialFraction: Double { statistics.serialFraction(sharedInWork: hdf5LockSeconds + sharedWaitSeconds) }

        var timing: String {
            let perScenario = statistics.items > 0 ? 1e3 / Double(statistics.items) : 0
            return String(format: "%d scenarios on %d jobs (" + (processes ? "processes" : "threads") + ") in %.2f s (%.1f scenarios/s); per scenario %.1f ms of work, "
                            + "of which %.2f ms holding the HDF5 lock and %.2f ms waiting for shared weather or baselines, "
                            + "and %.3f ms on the main thread: serial fraction %.1f %%",
                          statistics.items, statistics.jobs, statistics.wallSeconds,
                          statistics.wallSeconds > 0 ? Double(statistics.items) / statistics.wallSeconds : 0,
                          statistics.workSeconds * perScenario, hdf5LockSeconds * perScenario, sharedWaitSeconds * perScenario,
                          statistics.consumeSeconds * perScenario, 100 * serialFraction)
                + (prepared.values > 0 ? String(format: "; %d shared weathers and baselines made first in %.2f s",
                                                 prepared.values, prepared.seconds) : "")
        }
    }

    /// Runs `scenarios` of `plan`, `jobs` at a time (with a progress bar unless `quiet`): each scenario is
    /// simulated, encoded and its result file written (when `files` asks for one) by a worker, which hands
    /// back only the summary row; the calling thread collects rows and draws the progress bar. Workers are
    /// threads, or child processes (`WorkerProcesses`) when several jobs write result files, since every
    /// HDF5 call of a process runs behind one lock.
    func record(_ scenarios: [BatchScenario], of plan: BatchPlan, jobs: Int, quiet: Bool) -> Recorded {
        var progress = ProgressBar(total: scenarios.count, quiet: quiet)
        var entries: [Entry] = [], failures: [(id: String, message: String)] = []
        let processes = jobs > 1 && scenarios.count > 1 && files == .all
            ? try? WorkerProcesses(count: min(jobs, scenarios.count), arguments: workerArguments(plan)) : nil
        let heldBefore = HDF5Lock.heldSeconds
        let shared = BatchShared()
        let prepared = processes == nil ? shared.prepare(scenarios, jobs: jobs) : (seconds: 0, values: 0)
        let statistics = ParallelRunner.run(
            count: scenarios.count, jobs: jobs,
            work: { index -> Result<Entry, Error> in
                if let signal = Signals.interruption.signal { return .failure(OutputInterrupted(signal: signal)) }
                return processes?.run(scenarios[index].index) ?? outcome(of: scenarios[index], of: plan, shared: shared)
            },
            consume: { index, outcome in
                switch outcome {
                case .success(let entry): entries.append(entry)
                case .failure(let error):
                    failures.append((scenarios[index].id, "\(error)"))
                    if !quiet && Signals.interruption.signal == nil {
                        printError("\nscenario \(scenarios[index].id): \(error)")
                    }
                }
                progress.advance(failed: (try? outcome.get()) == nil)
            })
        processes?.finish()
        return Recorded(entries: entries.sorted { $0.index < $1.index }, failures: failures, statistics: statistics,
                        hdf5LockSeconds: HDF5Lock.heldSeconds - heldBefore, sharedWaitSeconds: shared.waitSeconds,
                        processes: processes != nil, prepared: prepared)
    }

    /// The arguments of a worker process (`WorkerProcesses`) for `plan`, writing into this folder.
    private func workerArguments(_ plan: BatchPlan) -> [String] {
        ["batch", plan.path, "--output", folder, "--worker", "--quiet"]
            + (files.kept.map { ["--summary-only"] + ($0.isEmpty ? [] : ["--keep"] + $0.sorted()) } ?? [])
    }

    /// One scenario, on a worker: its summary row, and its result file when `files` asks for one. Its
    /// weather and the baseline its project's economics compare with come from `shared`.
    func outcome(of scenario: BatchScenario, of plan: BatchPlan, shared: BatchShared) -> Result<Entry, Error> {
        Result {
            let attributes = scenario.resultAttributes(batch: plan.spec.name, count: plan.scenarios.count,
                                                       baseline: plan.baseline?.id)
            let runner = try ScenarioRunner(scenario, shared: shared)
            let baseline = runner.input.project?.needsBaseline == true ? shared.baseline(of: scenario, runner: runner) : nil
            guard files.includes(scenario.id) else {
                let run = runner.appraise(baseline: baseline)
                return try Self.entry(attributes: attributes,
                                      summary: ResultDocument.summaryAttributes(result: run.result, summary: run.summary))
            }
            let document = runner.record(origin: .now(), attributes: attributes, baseline: baseline).document
            try OutputPath.write(document, to: path(of: scenario))
            return try Self.entry(attributes: attributes, summary: document.summary)
        }
    }

    /// The summary rows of `scenarios` of `plan`, by index: those among `entries` (run now, or from a shard
    /// summary), and for the others their complete result files in the folder (a `--resume` skipped
    /// them); only rows made from the scenarios' current inputs.
    func rows(of scenarios: [BatchScenario], entries: [Entry], plan: BatchPlan) -> [Entry] {
        var byIndex: [Int: Entry] = [:]
        for entry in entries { byIndex[entry.index] = entry }
        return scenarios.compactMap { scenario in
            let entry = byIndex[scenario.index] ?? (try? Self.entry(at: path(of: scenario))).flatMap { $0 }
            return entry?.inputsHash == scenario.inputsHash ? entry : nil
        }
    }

    /// Writes `summary.h5` and `summary.csv` of `plan` with the rows `entries`; returns how many there are.
    /// The baseline is the plan's (rows kept by `--resume` may name an earlier one).
    func writeSummary(of plan: BatchPlan, entries: [Entry]) throws -> Int {
        try Self.writeSummary(entries, batch: plan.spec.name, baseline: plan.baseline?.id, to: summaryPath)
        return entries.count
    }

    /// Units and long names of the `/summary` KPIs (file attributes carry only name and value).
    static let kpiDescriptions: [String: (units: String, longName: String)] = Dictionary(
        (KPIs(EnergyTotals(), carbon: nil).named.map { ($0.name, $0.units, $0.longName) }
            + EconomicAssessment.descriptions.map { ($0.name, $0.units, $0.longName) }
            + [ResultDocument.maximumRackPower]).map { ($0.0, ($0.1, $0.2)) },
        uniquingKeysWith: { a, _ in a })

    /// A scenario's summary: its place in the batch and its summary row, the currency of its money and
    /// the batch's baseline (nil in files written before they were recorded).
    struct Entry {
        var index: Int
        var count: Int
        var batch: String
        var inputsHash: String
        var row: ScenarioRow
        var currency: String? = nil
        var baseline: String? = nil
    }

    /// The entry of a scenario whose result file has root `attributes` and `/summary` attributes `summary`
    /// (read from the file, or the same values before they are written); nil when the attributes do not
    /// name a scenario (no `scenario_id`).
    static func entry(attributes: [ResultAttribute], summary: [ResultAttribute]) -> Entry? {
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
        for kpi in summary {
            guard let number = kpi.value.double else { continue }
            let known = kpiDescriptions[kpi.name]
            values.append((kpi.name, known?.units ?? "1", known?.longName ?? kpi.name, number))
        }
        return Entry(index: index, count: count, batch: text(Key.batch) ?? "", inputsHash: text(Key.inputs) ?? "",
                     row: ScenarioRow(id: id, labels: labels, values: values), currency: text(Key.currency),
                     baseline: text(Key.baseline))
    }

    /// `entry(attributes:summary:)` of a scenario this batch made (its attributes always name it).
    private static func entry(attributes: [ResultAttribute], summary: [ResultAttribute]) throws -> Entry {
        guard let entry: Entry = entry(attributes: attributes, summary: summary) else {
            throw ScenarioFailure(description: "the scenario's attributes lack its id or index")
        }
        return entry
    }

    /// The scenario result at `path`, or nil when it is not one (no `scenario_id`) or not complete.
    static func entry(at path: String) throws -> Entry? {
        guard HDF5ResultReader.isComplete(path: path) else { return nil }
        return entry(attributes: try HDF5ResultReader.readAttributes(path: path),
                     summary: try HDF5ResultReader.readSummary(path: path))
    }

    /// Complete scenario results in `folder` that break the result contract (a shortened series, a
    /// missing group or `/summary`), with what is wrong; unfinished files are the batch's to redo.
    static func damagedResults(in folder: String) -> [(path: String, problems: [String])] {
        resultNames(in: folder).compactMap { name in
            let path = (folder as NSString).appendingPathComponent(name)
            guard HDF5ResultReader.isComplete(path: path) else { return nil }
            let problems = HDF5ResultReader.contractProblems(path: path)
            return problems.isEmpty ? nil : (path, problems)
        }
    }

    /// Every scenario result in `folder` (any `*.h5` but the summary), by scenario index.
    static func entries(in folder: String) throws -> [Entry] {
        try resultNames(in: folder)
            .compactMap { try entry(at: (folder as NSString).appendingPathComponent($0)) }
            .sorted { $0.index < $1.index }
    }

    /// The names of the `*.h5` files in `folder` but the summary, sorted.
    private static func resultNames(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".h5") && $0 != summaryName }.sorted()
    }

    /// Writes `summary.h5` (or `output`) and the CSV beside it, each atomically (`AtomicOutput`; a stop
    /// signal abandons the one being written). The root names the baseline scenario (`baseline`, else the
    /// one the entries name) and the currency when every scenario has the same; when they differ, each
    /// row has a `currency` label instead.
    static func writeSummary(_ entries: [Entry], batch: String, baseline: String? = nil, to output: String) throws {
        let currencies = Set(entries.compactMap(\.currency))
        let rows = currencies.count > 1
            ? entries.map { entry in
                var row = entry.row
                row.labels.append((Key.currency, entry.currency ?? Currency.euro.code))
                return row
            }
            : entries.map(\.row)
        var attributes = [
            ResultAttribute("title", .string("HeatLoop batch summary of \(batch)")),
            ResultAttribute("kind", .string("batch")),
            ResultAttribute("batch", .string(batch)),
        ]
        if let baseline = baseline ?? entries.lazy.compactMap(\.baseline).first {
            attributes.append(ResultAttribute(Key.baseline, .string(baseline)))
        }
        if currencies.count == 1, let code = currencies.first { attributes.append(ResultAttribute(Key.currency, .string(code))) }
        let table = ScenarioTable(rows: rows, attributes: attributes + RunOrigin.now().attributes)
        try HDF5ScenarioTableWriter(path: output, interruption: Signals.interruption).write(table)
        try OutputPath.write(text: table.csv, to: (output as NSString).deletingPathExtension + ".csv")
    }
}

/// Which scenarios of a batch get a result file: all (the default), or with `--summary-only` none but
/// those named with `--keep`.
struct ResultFiles: Sendable, Equatable {
    /// nil: every scenario.
    var kept: Set<String>?

    static let all = ResultFiles(kept: nil)

    func includes(_ id: String) -> Bool { kept?.contains(id) ?? true }
}
