import ArgumentParser
import Foundation
import HeatLoopFiles

/// Progress of a batch or sizing sweep on stderr, with counts and an ETA. On a terminal, a bar redrawn in
/// place; elsewhere (a pipe, a log file, a Slurm task's log) one plain line each time another ~10 % is done
/// or 30 s have passed, so a log shows how far a task got. `quiet` silences both.
struct ProgressBar {
    /// How the progress is shown.
    enum Style {
        /// A bar redrawn in place (stderr is a terminal).
        case bar
        /// A line every `Self.lineFraction` of the total or `Self.lineInterval` seconds.
        case lines
        /// Nothing (`--quiet`).
        case silent
    }

    /// A plain line each time this share of the total is done …
    static let lineFraction = 0.1
    /// … or this many seconds have passed since the last line.
    static let lineInterval: TimeInterval = 30

    let total: Int
    /// What is counted ("scenarios", "designs").
    let unit: String
    let style: Style
    let started = Date()
    private(set) var done = 0
    private(set) var failed = 0
    private var lastLine = Date()
    private var lastLineDone = 0

    init(total: Int, unit: String = "scenarios", quiet: Bool) {
        self.total = total
        self.unit = unit
        style = quiet ? .silent : isatty(STDERR_FILENO) == 1 ? .bar : .lines
    }

    mutating func advance(failed didFail: Bool) {
        done += 1
        if didFail { failed += 1 }
        switch style {
        case .silent: return
        case .bar:
            FileHandle.standardError.write(Data(("\r" + bar() + " " + status() + "  ").utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        case .lines:
            let now = Date()
            let step = max(1, Int((Double(total) * Self.lineFraction).rounded(.up)))
            guard done == total || done - lastLineDone >= step || now.timeIntervalSince(lastLine) >= Self.lineInterval
            else { return }
            lastLine = now
            lastLineDone = done
            FileHandle.standardError.write(Data(("progress: " + status() + "\n").utf8))
        }
    }

    /// `[#########.....................]`
    private func bar(width: Int = 30) -> String {
        let filled = total > 0 ? width * done / total : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }

    /// `12/120 scenarios (10 %), 1 failed, 0:42 elapsed, ETA 6:18`
    private func status() -> String {
        let elapsed = Date().timeIntervalSince(started)
        let remaining = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let percent = total > 0 ? 100 * done / total : 100
        let failures = failed > 0 ? ", \(failed) failed" : ""
        return "\(done)/\(total) \(unit) (\(percent) %)\(failures), \(Self.duration(elapsed)) elapsed, ETA \(Self.duration(remaining))"
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600 ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
            : String(format: "%d:%02d", whole / 60, whole % 60)
    }
}

extension ProgressBar {
    /// `work` with a progress bar of `unit` (it reports `(done, total)`, first with `done` 0); a failed run is printed
    /// and exits with `status`. The one recipe of every command that runs many site-years.
    static func run<Result>(unit: String, quiet: Bool, failing status: ExitCode = ExitStatus.failure,
                            _ work: ((Int, Int) -> Void) throws(ScenarioFailure) -> Result) throws -> Result {
        var progress: ProgressBar?
        do {
            return try work { done, total in
                if done == 0 { progress = ProgressBar(total: total, unit: unit, quiet: quiet) } else { progress?.advance(failed: false) }
            }
        } catch {
            printError("error: \(error)")
            throw status
        }
    }
}
