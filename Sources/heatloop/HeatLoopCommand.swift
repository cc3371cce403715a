import ArgumentParser
import Foundation
import HeatLoop

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
    /// input does (DESIGN §7), instead of ArgumentParser's 64; every error starts with `error:` as the
    /// program's own do (ArgumentParser writes `Error:`); a mistyped subcommand gets a "did you mean".
    static func main() {
        // The git revision (two `git` calls, ~6 ms) is asked while the command reads and simulates, not after.
        DispatchQueue.global(qos: .utility).async { _ = ProgramVersion.gitRevision }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = unknownSubcommand(arguments) {
            printError(message)
            Foundation.exit(ExitStatus.invalidInput.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code != .success, !(error is ExitCode) else { exit(withError: error) }
            printError(errorMessage(fullMessage(for: error)))
            Foundation.exit(code == .validationFailure ? ExitStatus.invalidInput.rawValue : code.rawValue)
        }
    }

    /// ArgumentParser's message with the program's one `error:` prefix.
    static func errorMessage(_ message: String) -> String {
        message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message
    }

    /// The message for a first argument that is neither a subcommand nor an option (`heatloop rnu
    /// site.yaml`, `heatloop site.yaml`), with the closest subcommand if one is close; nil otherwise.
    static func unknownSubcommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        let hint = Suggestion.closest(to: first, in: names).map { "; did you mean '\($0)'?" } ?? ""
        return "error: unknown subcommand \(InputLimits.quoted(first))\(hint) "
            + "(subcommands: \(names.dropLast().joined(separator: ", ")); see heatloop --help)"
    }
}

/// Exit codes (DESIGN §7): 0 success, 1 failure while running, 2 invalid input; 130 / 143 interrupted
/// by SIGINT / SIGTERM (`Signals`).
enum ExitStatus {
    static let failure = ExitCode(1)
    static let invalidInput = ExitCode(2)
}
