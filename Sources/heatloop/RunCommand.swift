import ArgumentParser
import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Simulate one site for a year and write its HDF5 result.")

    @Argument(help: "Site file (YAML).") var site: String
    @Option(help: "EPW weather file to use instead of the site's own.") var weather: String?
    @Option(name: .customLong("timestep-min"), help: "Step length in minutes (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60).")
    var timestepMin: Int?
    @Option(help: "Result file (.h5) or folder (default Output/<site name>.h5).") var output: String?
    @Flag(help: "Print the summary as one JSON object.") var json = false
    @Flag(help: "Print nothing but errors.") var quiet = false

    func validate() throws {
        if let timestepMin, !SimulationCalendar.allowedStepMinutes.contains(timestepMin) {
            throw ValidationError("--timestep-min \(timestepMin) does not divide an hour; expected one of "
                + SimulationCalendar.allowedStepMinutes.map(String.init).joined(separator: ", "))
        }
    }

    func run() throws {
        let started = Date()
        PartialFileGuard.install()
        let input: SiteInput
        do {
            input = try SiteInput.load(path: site, weatherOverride: weather, timestepOverride: timestepMin)
        } catch {
            printError(error.description)
            throw ExitStatus.invalidInput
        }
        if !quiet {
            for warning in input.warnings { printError("warning: \(warning)") }
        }
        let stepWeather = input.weather.atStepMidpoints(stepMinutes: input.site.calendar.stepMinutes)
        let run: AppraisedRun
        do { run = try AppraisedRun(site: input.site, weather: stepWeather, project: input.project) } catch {
            printError("error: \(error.description)")
            throw ExitStatus.invalidInput
        }
        let (result, summary) = (run.result, run.summary)
        let provenance = RunProvenance(
            heatloopVersion: HeatLoopCommand.version, createdUTC: ISO8601DateFormatter().string(from: Date()),
            siteConfig: input.resolvedYAML, weatherFile: input.weatherPath, weatherSHA256: input.weatherSHA256)
        let document = ResultDocument(result: result, summary: summary, provenance: provenance)

        let path = OutputPath.resolve(output, siteName: input.site.name)
        do {
            try OutputPath.createFolder(for: path)
            var writer = HDF5ResultWriter(path: path)
            try PartialFileGuard.writing(writer.partialPath) { try writer.write(document) }
        } catch {
            printError("error: could not write \(path): \(error)")
            throw ExitStatus.failure
        }
        let seconds = Date().timeIntervalSince(started)
        if json {
            print(SummaryPrinter.json(result: result, summary: summary, output: path))
        } else if !quiet {
            print(SummaryPrinter.table(result: result, summary: summary, weather: input.weatherPath, output: path,
                                       seconds: seconds))
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
