import CHDF5
import Foundation

/// The one gate to libhdf5: every HDF5 call in HeatLoop runs inside `HDF5Library.withLock`.
///
/// Why a process-wide lock (the only process-wide state in HeatLoop; it guards, it holds no data):
/// libhdf5 has library-global state (open-id tables, caches, free lists). Debian's build is
/// thread-safe only in the sense that it serialises each API call behind its own global mutex,
/// and other builds (e.g. Homebrew's) are not thread-safe at all. A write is a *sequence* of calls
/// (create → write → attach → close) and the error stack we read after a failure belongs to the
/// call just made, so sequences must not interleave. Simulations and encoding run in parallel; only
/// the library calls of a file go through this lock, one file at a time. They cost more than an
/// hourly simulation (≈ 20 ms a file), so a batch with several jobs writing files runs them in worker
/// processes, each with its own libhdf5 (Docs/performance.md, "Batch throughput").
enum HDF5Library {
    private static let lock = NSLock()
    /// Nanoseconds the lock has been held, summed over the process (instrumentation: the serial section
    /// of a parallel batch, `HDF5Lock.heldSeconds`). Read and written only while holding `lock`.
    nonisolated(unsafe) private static var heldNanoseconds: UInt64 = 0

    /// Runs `body` while holding the HDF5 lock, with HDF5's automatic error printing off.
    ///
    /// Automatic printing is switched off on every entry because HDF5 keeps error stacks per
    /// thread: the setting made on one thread does not carry over to the next caller's thread.
    /// Errors are reported through `HDF5Error` instead of being printed to stderr.
    static func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            heldNanoseconds += DispatchTime.now().uptimeNanoseconds - start
            lock.unlock()
        }
        _ = H5Eset_auto2(chdf5_e_default(), nil, nil)
        return try body()
    }

    /// The time the lock has been held since the process started (s).
    static var heldSeconds: Double { Double(lock.withLock { heldNanoseconds }) / 1e9 }

    /// Turns off HDF5's advisory file locks on a file-access property list.
    ///
    /// Why: results are written under a private temporary name and renamed only when complete, so
    /// no reader ever opens a file that is being written, and the locks add nothing but failures
    /// on file systems without `flock` (Lustre and NFS mounts on Slurm clusters: "unable to lock
    /// file, errno = 38").
    static func disableFileLocking(_ accessProperties: hid_t) -> herr_t {
        H5Pset_file_locking(accessProperties, false, true)
    }

    /// The outermost and innermost messages on the calling thread's HDF5 error stack (what failed,
    /// and the root cause, e.g. `unable to create file: unable to open file: name = '…', errno = 2,
    /// error message = 'No such file or directory', …`). Call right after a failing HDF5 call,
    /// still holding the lock.
    static func errorStackMessages() -> String {
        var messages: [String] = []
        withUnsafeMutablePointer(to: &messages) { pointer in
            _ = H5Ewalk2(chdf5_e_default(), H5E_WALK_DOWNWARD, { _, record, clientData in
                guard let record, let clientData else { return 0 }
                let list = clientData.assumingMemoryBound(to: [String].self)
                if let description = record.pointee.desc {
                    let text = String(cString: description).split(whereSeparator: \.isNewline).joined(separator: " ")
                    if !text.isEmpty { list.pointee.append(text) }
                }
                return 0
            }, pointer)
        }
        _ = H5Eclear2(chdf5_e_default())
        guard let outermost = messages.first, let innermost = messages.last else { return "no HDF5 error message" }
        return outermost == innermost ? outermost : "\(outermost): \(innermost)"

    }
}

/// How long this process has held the HDF5 lock: every libhdf5 call runs behind it, so in a parallel
/// batch it is a serial section (Amdahl). Batches report it with their serial fraction.
public enum HDF5Lock {
    /// Seconds the process-wide HDF5 lock has been held so far, over all threads.
    public static var heldSeconds: Double { HDF5Library.heldSeconds }
}
