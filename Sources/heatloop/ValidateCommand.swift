import ArgumentParser
import HeatLoopFiles

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check site files and report every problem; exit 2 if any.")

    @Argument(help: "Site files (YAML).") var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                let input = try SiteInput.load(path: file)
                for warning in input.warnings { printError("warning: \(file): \(warning)") }
                print("\(file): ok (\(input.site.clusters.count) cluster(s), \(input.site.calendar.stepMinutes)-minute steps, weather \(input.weatherPath))")
            } catch {
                printError(error.description)
                failed = true
            }
        }
        if failed { throw ExitStatus.invalidInput }
    }
}
