import Foundation
import HeatLoopFiles

/// What this program is: its version number (the one home: `--version`, result files, morphed weather
/// notes) and the git revision of the source tree it was built from.
enum ProgramVersion {
    static let number = "0.1.0"

    /// `git rev-parse --short=12 HEAD` of the package this file belongs to, with `-dirty` when tracked files
    /// differ from it; `unknown` outside a git checkout or without git. Asked once per process, when the
    /// program runs: SwiftPM has no build-time stamp without a build plugin, so a binary moved away from
    /// its source tree reports `unknown` rather than a guess.
    static let gitRevision: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        guard let revision = git(["-C", root, "rev-parse", "--short=12", "HEAD"]), !revision.isEmpty else { return "unknown" }
        let changes = git(["-C", root, "status", "--porcelain", "--untracked-files=no"]) ?? ""
        return revision + (changes.isEmpty ? "" : "-dirty")
    }()

    /// The command line as typed, arguments with spaces quoted.
    static var commandLine: String {
        let arguments = CommandLine.arguments
        let program = ((arguments.first ?? "heatloop") as NSString).lastPathComponent
        return ([program] + arguments.dropFirst().map { $0.contains(" ") ? "'\($0)'" : $0 }).joined(separator: " ")
    }

    /// `git` with `arguments`, its trimmed output; nil when it fails.
    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
