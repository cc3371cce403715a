import Foundation

/// A request to stop (SIGINT, SIGTERM), shared by the signal handler and the writers it must not break.
///
/// Why it exists: a signal arrives on another thread while the main thread may be inside libhdf5 or
/// half-way through an output file. The handler never ends the process in that case; it only records the
/// request, and the writer notices it at its next check (between datasets, before the rename), abandons
/// the file, closes HDF5 on its own thread and removes its temporary file. When nothing is being written,
/// nothing needs cleaning up and the handler may end the process at once (`request` says which).
///
/// One instance per process belongs to the program's edge (the CLI's signal handler); libraries take it
/// as a parameter and treat `nil` as "never interrupted".
public final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var activeWrites = 0

    public init() {}

    /// The first stop signal received (`SIGINT`, `SIGTERM`), or nil.
    public var signal: Int32? { lock.withLock { received } }

    /// Records a stop request from `signal`. Returns true when no output is being written, so the caller
    /// may end the process now with nothing left behind; once it returned true no write can begin.
    /// Otherwise the writer stops at its next check and the main thread ends the process.
    public func request(_ signal: Int32) -> Bool {
        lock.withLock {
            if received == nil { received = signal }
            return activeWrites == 0
        }
    }

    /// Marks the start of an output being written (a signal meanwhile only sets the flag); throws when a
    /// stop was already requested. Pair with `endWriting()`.
    public func beginWriting() throws(OutputInterrupted) {
        lock.lock()
        defer { lock.unlock() }
        if let received { throw OutputInterrupted(signal: received) }
        activeWrites += 1
    }

    /// Marks the end of an output begun with `beginWriting()`, published or abandoned.
    public func endWriting() {
        lock.withLock { activeWrites -= 1 }
    }

}

/// An output abandoned because the process was asked to stop; its temporary file is gone.
public struct OutputInterrupted: Error, Sendable, Equatable, CustomStringConvertible {
    public var signal: Int32

    public init(signal: Int32) { self.signal = signal }

    public var description: String {
        "interrupted by \(signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)") "
            + "before the file was complete; nothing was written"
    }
}
