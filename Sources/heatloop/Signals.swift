import Foundation
import Synchronization
import HeatLoopOutput

/// SIGINT (Ctrl-C) and SIGTERM: the process ends with 130 or 143 (128 + the signal) and leaves no
/// temporary or half-written file behind (Docs/reliability.md).
///
/// The signal handler records the signal and wakes a dispatch queue through a pipe. There, when no output
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
    /// The last stop signal delivered, stored by the signal handler itself (0: none). The dispatch
    /// handler that records it in `interruption` runs later, on another thread; `writing` reads this too,
    /// so a signal delivered while a file was written is never missed because that thread ran late.
    private static let delivered = Atomic<Int32>(0)
    /// The pipe the signal handler wakes the dispatch handler through (read end, write end).
    private static let wakeRead = Atomic<Int32>(-1), wakeWrite = Atomic<Int32>(-1)

    /// Routes SIGINT and SIGTERM to the handler (once per process; later calls do nothing).
    static func install() {
        installed.once {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { return nil }
            wakeRead.store(ends[0], ordering: .relaxed)
            wakeWrite.store(ends[1], ordering: .sequentiallyConsistent)
            // Only async-signal-safe work in the handler: an atomic store and write(2).
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signalNumber in
                Signals.delivered.store(signalNumber, ordering: .sequentiallyConsistent)
                var byte = UInt8(truncatingIfNeeded: signalNumber)
                _ = write(Signals.wakeWrite.load(ordering: .sequentiallyConsistent), &byte, 1)
            }
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            var stops = sigset_t()
            sigemptyset(&stops)
            for signalNumber in [SIGINT, SIGTERM] {
                sigaction(signalNumber, &action, nil)
                sigaddset(&stops, signalNumber)
            }
            // A parent may start us with the signals blocked (the mask is inherited): this thread takes them.
            pthread_sigmask(SIG_UNBLOCK, &stops, nil)
            let source = DispatchSource.makeReadSource(fileDescriptor: ends[0], queue: .global())
            source.setEventHandler {
                var byte: UInt8 = 0
                guard read(ends[0], &byte, 1) == 1 else { return }
                guard interruption.request(Int32(byte)) else { return }
                fflush(nil)  // every stdio stream: what was printed so far is kept
                _exit(exitStatus(for: Int32(byte)))
            }
            source.resume()
            return source
        }
    }

    /// Runs `body`, which writes outputs (itself, or through worker threads it waits for); when a stop
    /// signal came meanwhile, ends the process once it returned (its files published or abandoned, HDF5
    /// closed, no temporary file left).
    static func writing<T>(_ body: () throws -> T) throws -> T {
        let outcome = Result { try body() }
        let delivered = delivered.load(ordering: .sequentiallyConsistent)
        if let signal = interruption.signal ?? (delivered == 0 ? nil : delivered) {
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

/// The installed wake-up source, kept alive for the life of the process.
private final class Installed: @unchecked Sendable {
    private let lock = NSLock()
    private var installed = false
    private var source: DispatchSourceRead?

    func once(_ make: () -> DispatchSourceRead?) {
        lock.withLock {
            if !installed { source = make() }
            installed = true
        }
    }
}
