import ArgumentParser
import Foundation

@main
struct HeatLoopCommand: ParsableCommand {
    static let version = ProgramVersion.number
    static let configuration = CommandConfiguration(
        commandName: "heatloop",
        abstract: "Simulate a data center's cooling energy and the heat it can give to district heating.",
        version: version,
        subcommands: [RunCommand.self, ValidateCommand.self, WeatherCommand.self, BatchCommand.self, SlurmCommand.self,
                      MergeCommand.self, SizeCommand.self, ReportCommand.self, CardCommand.self])

    /// Like the default entry point, but usage errors (a bad option or value) exit 2, as all invalid
    /// input does (DESIGN §7), instead of ArgumentParser's 64.
    static func main() {
        // The git revision (two `git` calls, ~6 ms) is asked while the command reads and simulates, not after.
        DispatchQueue.global(qos: .utility).async { _ = ProgramVersion.gitRevision }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(ExitStatus.invalidInput.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes (DESIGN §7): 0 success, 1 failure while running, 2 invalid input; 130 / 143 interrupted
/// by SIGINT / SIGTERM (`Signals`).
enum ExitStatus {
    static let failure = ExitCode(1)
    static let invalidInput = ExitCode(2)
}
