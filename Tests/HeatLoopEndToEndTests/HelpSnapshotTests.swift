import Foundation
import HeatLoopTestSupport
import Testing

/// Every command's `--help`, compared exactly with its committed text in `Tests/help-snapshots/<command>.txt`
/// (at `COLUMNS=100`, so the terminal does not matter). A changed option, default or help text fails
/// here until the snapshots are re-recorded on purpose with `make snapshots`
/// (`HEATLOOP_RECORD_SNAPSHOTS=1`), and the diff is reviewed and committed with the change.
@Suite struct HelpSnapshotTests {
    /// The root command and every subcommand (`heatloop --help` lists them; checked below).
    static let commands = ["heatloop", "run", "validate", "weather", "batch", "slurm", "merge", "size", "report", "card"]
    static let folder = "\(PackagePaths.root)/Tests/help-snapshots"
    static let isRecording = ProcessInfo.processInfo.environment["HEATLOOP_RECORD_SNAPSHOTS"] == "1"

    static func help(_ command: String) throws -> String {
        let outcome = try CLI.run(command == "heatloop" ? ["--help"] : [command, "--help"], environment: ["COLUMNS": "100"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.stdout
    }

    @Test(arguments: commands) func helpMatchesItsSnapshot(command: String) throws {
        let text = try Self.help(command)
        let path = "\(Self.folder)/\(command).txt"
        if Self.isRecording {
            try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let snapshot = try #require(try? String(contentsOfFile: path, encoding: .utf8),
                                    "no snapshot \(path); record it with `make snapshots`")
        let (lines, expected) = (text.components(separatedBy: "\n"), snapshot.components(separatedBy: "\n"))
        let first = lines.indices.first { $0 >= expected.count || lines[$0] != expected[$0] } ?? lines.count
        #expect(text == snapshot, """
            `heatloop \(command) --help` differs from \(path) at line \(first + 1):
              now:      \(first < lines.count ? lines[first] : "(end)")
              snapshot: \(first < expected.count ? expected[first] : "(end)")
            If the change is intended, run `make snapshots` and commit the new text.
            """)
    }

    /// A new command needs a snapshot: the root help's subcommands are exactly those above.
    @Test func everySubcommandHasASnapshot() throws {
        let root = try Self.help("heatloop")
        // A subcommand's line starts with two spaces and its name; wrapped help lines start with more.
        let listed = root.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n")
            .filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isLowercase == true }
            .compactMap { $0.split(separator: " ").first.map(String.init) } ?? []
        #expect(listed.sorted() == Self.commands.dropFirst().sorted(), "\(root)")
    }
}
