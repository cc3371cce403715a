import Foundation
import HeatLoop
import HeatLoopHDF5

enum OutputPath {
    /// `--output` as a file (ending in .h5) or a folder; default `Output/<site>.h5`.
    static func resolve(_ option: String?, siteName: String) -> String {
        guard let option else { return "Output/\(siteName).h5" }
        if option.hasSuffix(".h5") { return option }
        return (option as NSString).appendingPathComponent("\(siteName).h5")
    }

    static func createFolder(for path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Writes a run's result file at `path`, through `path.partial`, renamed when complete.
    static func write(_ document: ResultDocument, to path: String) throws {
        var writer = HDF5ResultWriter(path: path)
        try PartialFileGuard.writing(writer.partialPath) { try writer.write(document) }
    }
}

/// Removes a result's `.partial` file when the process is interrupted (SIGINT, SIGTERM) while it is
/// written, and exits 130, so no half-written file is ever left behind. A signal handler can only
/// reach process-wide state, hence the one static here, at the edge of the program.
enum PartialFileGuard {
    private static let state = PartialState()

    static func writing(_ partialPath: String, _ body: () throws -> Void) throws {
        state.set(partialPath)
        defer { state.set(nil) }
        try body()
    }

    static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if let partial = state.get() { unlink(partial) }
                exit(signalNumber == SIGINT ? 130 : 143)
            }
            source.resume()
            state.keep(source)
        }
    }
}

/// The path being written, shared with the signal handler's queue.
private final class PartialState: @unchecked Sendable {
    private let lock = NSLock()
    private var path: String?
    private var sources: [DispatchSourceSignal] = []
    func set(_ value: String?) { lock.withLock { path = value } }
    func get() -> String? { lock.withLock { path } }
    func keep(_ source: DispatchSourceSignal) { lock.withLock { sources.append(source) } }
}
