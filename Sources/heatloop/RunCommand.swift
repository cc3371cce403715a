import ArgumentParser
import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopReport

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Simulate one site for a year and write its HDF5 result.")

    @Argument(help: "Site file (YAML).") var site: String
    @Option(help: "EPW weather file to use instead of the site's own.") var weather: String?
    @Option(name: .customLong("timestep-min"), help: "Step length in minutes (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60).")
    var timestepMin: Int?
    @Option(name: [.short, .long], help: "Result file if it ends in .h5, else a folder for <site name>.h5 (default Output/<site name>.h5); another file extension is refused.")
    var output: String?
    @Flag(help: "Also write the per-step series as CSV (one header line with units) beside the result (<result>.csv).")
    var csv = false
    @Flag(name: .customLong("csv-hourly"), help: "Like --csv, with hourly values (means, sums or maxima as each series declares).")
    var csvHourly = false
    @Flag(help: "Print the summary as one JSON object.") var json = false
    @Flag(help: "Exit with status 1 when the plant failed: unmet cooling, IT inlet outside the ASHRAE allowable envelope, facility water above its class, or heat recovery that recovered nothing (the result is still written).")
    var strict = false
    @Option(help: "Run an ensemble of this many samples (generated weather years from the site's EPW, and the uncertain inputs by Latin hypercube: those of --uncertainty, else of the site's own 'uncertainty:' section); summary only, writes <site>-ensemble.h5 with the per-sample table and P10/P50/P90.")
    var ensemble: Int?
    @Option(help: "Uncertainty file (YAML): the ensemble's weather, samples, seed and uncertain site inputs as named distributions; replaces the site's own 'uncertainty:' section.")
    var uncertainty: String?
    @Option(help: "Seed of the ensemble's weather generator and Latin hypercube (default the uncertainty file's or section's, else 1).")
    var seed: Int?
    @Option(help: "Timeline file (YAML): how site inputs move over the project's years (ramps, escalation, refresh steps); runs each distinct year, prints the per-year table with cash flows and the EnEfG verdict of that year, and NPV/IRR/LCOH; writes <site>-timeline.h5. With --ensemble N: N project lives (each year its own weather year, each life one draw of the uncertain inputs), P10/P50/P90 of NPV/IRR/LCOH/payback and per year of heat, PUE, ERF and the share meeting EnEfG; writes <site>-timeline-ensemble.h5.")
    var timeline: String?
    @OptionGroup var verbosity: Verbosity
    @OptionGroup var parallel: ParallelOptions

    /// True for an ensemble run (`--ensemble` or `--uncertainty`).
    var isEnsemble: Bool { ensemble != nil || uncertainty != nil }

    func validate() throws {
        if let ensemble, !UncertaintySpec.sampleRange.contains(ensemble) {
            throw ValidationError("--ensemble \(ensemble): expected 1…\(UncertaintySpec.sampleRange.upperBound) samples")
        }
        if let seed, seed < 0 || seed > Int(Int32.max) { throw ValidationError("--seed \(seed): expected 0…\(Int32.max)") }
        if isEnsemble, weather != nil || csv || csvHourly || strict {
            throw ValidationError("--weather, --csv, --csv-hourly and --strict apply to a single run, not to --ensemble/--uncertainty")
        }
        if !isEnsemble, seed != nil { throw ValidationError("--seed applies to --ensemble or --uncertainty") }
        if timeline != nil, weather != nil || csv || csvHourly || strict {
            throw ValidationError("--timeline runs the project's years in the site's weather (with --ensemble N, in the "
                + "uncertainty's weather years); it does not combine with --weather, --csv, --csv-hourly or --strict")
        }
        if let output, OutputPath.namesFile(output), !output.hasSuffix(".h5") {
            throw ValidationError("--output \(output): a run's result is an HDF5 file; give NAME.h5, or a folder")
        }
        if let timestepMin, !SimulationCalendar.allowedStepMinutes.contains(timestepMin) {
            throw ValidationError("--timestep-min \(timestepMin) does not divide an hour; expected one of "
                + SimulationCalendar.allowedStepMinutes.map(String.init).joined(separator: ", "))
        }
    }

    func run() throws {
        let started = Date()
        Signals.install()
        try FileKind.require([.site], site)
        if isEnsemble, let timeline {
            try FileKind.require([.timeline], timeline, option: "--timeline")
            if let uncertainty { try FileKind.require([.uncertainty], uncertainty, option: "--uncertainty") }
            try TimelineEnsembleRun.run(site: site, timeline: timeline, uncertainty: uncertainty, samples: ensemble, seed: seed,
                                        timestepMin: timestepMin, output: output, jobs: parallel.count, json: json, quiet: verbosity.quiet)
            return
        }
        if isEnsemble {
            if let uncertainty { try FileKind.require([.uncertainty], uncertainty, option: "--uncertainty") }
            try EnsembleRun.run(site: site, uncertainty: uncertainty, samples: ensemble, seed: seed, timestepMin: timestepMin,
                                output: output, jobs: parallel.count, json: json, quiet: verbosity.quiet)
            return
        }
        if let timeline {
            try FileKind.require([.timeline], timeline, option: "--timeline")
            try TimelineRun.run(site: site, timeline: timeline, timestepMin: timestepMin, output: output,
                                jobs: parallel.count, json: json, quiet: verbosity.quiet)
            return
        }
        if let weather { try FileKind.require([.weather], weather, option: "--weather") }
        let input = try loadInput { () throws(InputError) in
            try SiteInput.load(path: site, weatherOverride: weather, timestepOverride: timestepMin)
        }
        if !verbosity.quiet {
            for warning in input.warnings { printError("warning: \(warning)") }
            if input.uncertainty != nil, !json {
                printError("note: the site's 'uncertainty:' section applies to --ensemble N; this is one run of its weather file")
            }
        }
        let runner: ScenarioRunner
        do { runner = try ScenarioRunner(input: input) } catch {
            printError("error: \(error)")
            throw ExitStatus.invalidInput
        }
        let recorded = runner.record(origin: .now())
        let path = OutputPath.resolve(output, siteName: input.site.name)
        do {
            try OutputPath.createFolder(for: path)
            try Signals.writing { try OutputPath.write(recorded.document, to: path) }
        } catch {
            printError("error: could not write \(path): \(error)")
            throw ExitStatus.failure
        }
        if csv || csvHourly { try writeCSV(recorded.document, besides: path) }
        let (result, summary) = (recorded.run.result, recorded.run.summary)
        if json {
            print(try SummaryPrinter.json(recorded, output: path))
        } else if !verbosity.quiet {
            print(SummaryPrinter.table(result: result, summary: summary, design: input.spec, weather: input.weatherPath, output: path,
                                       seconds: Date().timeIntervalSince(started)))
            print(SummaryPrinter.monthlyTable(recorded.document).joined(separator: "\n"))
        }
        if strict, summary.failures.any {
            if json || verbosity.quiet {
                for message in summary.failures.messages { printError("error: \(message)") }
            }
            printError("error: --strict: the plant failed (\(summary.failures.messages.count) problem(s)); see \(path)")
            throw ExitStatus.failure
        }
    }

    /// The series as CSV at the result's path with `.csv` for `.h5`, atomically like the result.
    private func writeCSV(_ document: ResultDocument, besides result: String) throws {
        let path = ((result as NSString).deletingPathExtension as NSString).appendingPathExtension("csv") ?? result + ".csv"
        do {
            try Signals.writing { try OutputPath.write(text: ResultCSV.text(document, hourly: csvHourly), to: path) }
        } catch {
            printError("error: could not write \(path): \(error)")
            throw ExitStatus.failure
        }
        if !verbosity.quiet && !json { print("CSV: \(path)") }
    }
}
