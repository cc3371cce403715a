import ArgumentParser
import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run every scenario of a batch file (sites × weather × climate × varied parameters) in parallel.")

    @Argument(help: "Batch file (YAML).") var batch: String
    @Option(help: "Scenarios run at once (default: all cores).") var jobs: Int?
    @Option(help: "Run only scenarios with index % N == K (also from SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX).")
    var shard: String?
    @Flag(help: "Skip scenarios whose result exists, is complete and was made from the same inputs.") var resume = false
    @Option(help: "Folder for the results (default Output/<batch name>).") var output: String?
    @Flag(help: "No progress bar, no per-scenario lines.") var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs): expected at least 1") }
    }

    func run() throws {
        PartialFileGuard.install()
        let part: Shard
        switch Shard.resolve(option: shard, environment: ProcessInfo.processInfo.environment) {
        case .success(let value): part = value
        case .failure(let problem):
            printError("error: \(problem)")
            throw ExitStatus.invalidInput
        }
        let plan: BatchPlan
        do { plan = try BatchPlan.load(path: batch) } catch {
            printError(error.description)
            throw ExitStatus.invalidInput
        }
        let folder = output ?? "Output/\(plan.spec.name)"
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            printError("error: cannot create \(folder): \(error)")
            throw ExitStatus.failure
        }

        let mine = plan.shard(part.index, of: part.count)
        let todo = resume ? mine.filter { !Self.isDone($0, in: folder) } : mine
        if !quiet {
            let skipped = mine.count - todo.count
            printError("\(plan.spec.name): \(plan.scenarios.count) scenarios"
                + (part.isWhole ? "" : ", shard \(part) has \(mine.count)")
                + (skipped > 0 ? ", \(skipped) already done" : "") + " → \(folder)")
        }

        var progress = ProgressBar(total: todo.count, quiet: quiet)
        var failures: [(id: String, message: String)] = []
        let name = plan.spec.name, count = plan.scenarios.count
        ParallelRunner.run(
            count: todo.count, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            work: { index in Result { () throws(ScenarioFailure) in try Self.document(for: todo[index], batch: name, count: count) } },
            consume: { index, outcome in
                let scenario = todo[index]
                var failed = false
                do {
                    let document = try outcome.get()
                    var writer = HDF5ResultWriter(path: Self.path(of: scenario, in: folder))
                    try PartialFileGuard.writing(writer.partialPath) { try writer.write(document) }
                } catch {
                    failed = true
                    failures.append((scenario.id, "\(error)"))
                    if !quiet { printError("\nscenario \(scenario.id): \(error)") }
                }
                progress.advance(failed: failed)
            })

        if part.isWhole {
            let path = (folder as NSString).appendingPathComponent(BatchResults.summaryName)
            do {
                let entries = try BatchResults.entries(in: folder).filter { entry in
                    plan.scenarios.indices.contains(entry.index) && plan.scenarios[entry.index].inputsHash == entry.inputsHash
                }
                try BatchResults.writeSummary(entries, batch: name, to: path)
                if !quiet { print("\(path): \(entries.count) of \(count) scenarios") }
            } catch {
                printError("error: could not write \(path): \(error)")
                throw ExitStatus.failure
            }
        }
        if !failures.isEmpty {
            printError("error: \(failures.count) of \(todo.count) scenarios failed:")
            for failure in failures.prefix(20) { printError("  \(failure.id): \(failure.message)") }
            throw ExitStatus.failure
        }
    }

    /// `FOLDER/<id>.h5`.
    static func path(of scenario: BatchScenario, in folder: String) -> String {
        (folder as NSString).appendingPathComponent("\(scenario.id).h5")
    }

    /// A scenario is done when its file is complete and was made from the same inputs.
    static func isDone(_ scenario: BatchScenario, in folder: String) -> Bool {
        guard let entry = try? BatchResults.entry(at: path(of: scenario, in: folder)) else { return false }
        return entry.inputsHash == scenario.inputsHash
    }

    /// Simulates one scenario (its climate applied to its weather) into its result document.
    static func document(for scenario: BatchScenario, batch: String, count: Int) throws(ScenarioFailure) -> ResultDocument {
        let input = scenario.siteInput()
        let weather: WeatherSeries
        do { weather = try scenario.climate.model?.apply(to: input.weather) ?? input.weather } catch {
            throw ScenarioFailure(description: "climate '\(scenario.climate.name)': \(error)")
        }
        let run: AppraisedRun
        do {
            run = try AppraisedRun(site: input.site, weather: weather.atStepMidpoints(stepMinutes: input.site.calendar.stepMinutes),
                                   project: input.project)
        } catch { throw ScenarioFailure(description: error.description) }
        let provenance = RunProvenance(
            heatloopVersion: HeatLoopCommand.version, createdUTC: ISO8601DateFormatter().string(from: Date()),
            siteConfig: input.resolvedYAML, weatherFile: input.weatherPath, weatherSHA256: input.weatherSHA256)
        var document = ResultDocument(result: run.result, summary: run.summary, provenance: provenance)
        typealias Key = BatchResults.Key
        document.attributes += [
            ResultAttribute(Key.id, .string(scenario.id)), ResultAttribute(Key.index, .int(scenario.index)),
            ResultAttribute(Key.count, .int(count)), ResultAttribute(Key.batch, .string(batch)),
            ResultAttribute(Key.inputs, .string(scenario.inputsHash)),
            ResultAttribute(Key.labelPrefix + "site", .string(scenario.siteName)),
            ResultAttribute(Key.labelPrefix + "weather", .string(scenario.weatherLabel)),
            ResultAttribute(Key.labelPrefix + "climate", .string(scenario.climate.name)),
        ] + scenario.varied.map { ResultAttribute(Key.varyPrefix + $0.key, .string($0.value)) }
        return document
    }
}

struct ScenarioFailure: Error, CustomStringConvertible {
    var description: String
}

extension ClimateSpec {
    /// The climate model to apply to a weather file; nil for the baseline.
    var model: ClimateMorph? {
        get throws(ClimateMorphError) {
            if let offsetK { return .offset(TemperatureDelta(offsetK)) }
            guard let morph else { return nil }
            return .monthly(try ClimateMorph.MonthlyFactors(
                dryBulbDelta: morph.dryBulbDeltaK, dryBulbMaxDelta: morph.dryBulbMaxDeltaK,
                dryBulbMinDelta: morph.dryBulbMinDeltaK, relativeHumidityDelta: morph.rhDeltaPct))
        }
    }
}
