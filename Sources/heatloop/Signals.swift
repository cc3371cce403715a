import Foundation
import HeatLoopOutput

/// SIGINT (Ctrl-C) and SIGTERM: the process ends with 130 or 143 (128 + the signal) and leaves no
/// temporary or half-written file behind (Docs/reliability.md).
///
/// The signals are taken off their default action and delivered to a dispatch queue. There, when no output
/// is being written, the process ends at once with `_exit` (no file is open for writing, nothing needs
/// cleaning up, and libhdf5's exit-time cleanup is not run from this thread). When an output is being
/// written, the handler only sets the flag: the writer checks it between datasets and before its rename,
/// abandons the file, closes HDF5 and removes its temporary file on the main thread, and `writing` ends the
/// process there. A signal handler can only reach process-wide state, hence the statics, at the edge of
/// the program.
enum Signals {
    /// The process's one stop request, passed to every writer.
    static let interruption = Interruption()
    private static let installed = Installed()

    /// Routes SIGINT and SIGTERM to the handler (once per process; later calls do nothing).
    static func install() {
        installed.once {
            [SIGINT, SIGTERM].map { signalNumber in
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    guard interruption.request(signalNumber) else { return }
                    fflush(nil)  // every stdio stream: what was printed so far is kept
                    _exit(exitStatus(for: signalNumber))
                }
                source.resume()
                return source
            }
        }
    }

    /// Runs `body`, which writes outputs (itself, or through worker threads it waits for); when a stop
    /// signal came meanwhile, ends the process once it returned (its files published or abandoned, HDF5
    /// closed, no temporary file left).
    static func writing<T>(_ body: () throws -> T) throws -> T {
        let outcome = Result { try body() }
        if let signal = interruption.signal {
            // `_exit`, not `exit`: libhdf5's exit-time cleanup must not run after an interrupted write (an id
            // an abandoned reader or writer still held makes it print "infinite loop closing library").
            fflush(nil)
            _exit(exitStatus(for: signal))
        }
        return try outcome.get()
    }

    /// 130 for SIGINT, 143 for SIGTERM (the shell's 128 + signal number).
    static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }
}

/// The installed signal sources, kept alive for the life of the process.
private final class Installed: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [DispatchSourceSignal]?

    func once(_ make: () -> [DispatchSourceSignal]) {
        lock.withLock { if sources == nil { sources = make() } }
    }
}
