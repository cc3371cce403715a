import Foundation

/// A one-line progress bar with an ETA on stderr, redrawn in place; silent when stderr is not a terminal
/// (logs, Slurm) or when `quiet`.
struct ProgressBar {
    let total: Int
    let started = Date()
    let enabled: Bool
    private(set) var done = 0
    private(set) var failed = 0

    init(total: Int, quiet: Bool) {
        self.total = total
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    mutating func advance(failed didFail: Bool) {
        done += 1
        if didFail { failed += 1 }
        guard enabled else { return }
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let elapsed = Date().timeIntervalSince(started)
        let remaining = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let failures = failed > 0 ? ", \(failed) failed" : ""
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + "\(done)/\(total) scenarios\(failures), \(Self.duration(elapsed)) elapsed, ETA \(Self.duration(remaining))  "
        FileHandle.standardError.write(Data(line.utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600 ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
            : String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
