import Foundation

/// The one recipe by which every HeatLoop output (results, summaries, merges, sizing tables, CSV, HTML,
/// EPW) reaches its path, so a reader never sees a half-written file and two writers never share one:
///
/// 1. a temporary file beside the target, `PATH.<random>.partial`, created with `O_EXCL` (unique even
///    when two processes write the same output at once);
/// 2. every byte written (short writes retried), `fsync`, `close`: a full disk (`ENOSPC`) or any other
///    failure throws here, before anything is published;
/// 3. the re-open check: the closed file's size must be the byte count, then the caller's own check
///    (a result's `complete` attribute and groups);
/// 4. the interruption check, then `rename` over `PATH` (atomic on one file system: readers see the old
///    file or the new one) and an `fsync` of the folder so the rename survives a power loss.
///
/// On any failure or interruption the temporary file is removed and `PATH` is untouched. Two writers of
/// one path both succeed; the later rename wins, and either way `PATH` holds one complete file.
///
/// The bytes are made in memory first (HDF5 writes into an in-memory file image), so libhdf5 never sees a
/// failing disk: a full disk is an ordinary `write` error here, not a failure inside HDF5's own close.
public enum AtomicOutput {
    /// The suffix of every temporary file (`make clean` and the tests look for it).
    public static let temporarySuffix = ".partial"

    /// Publishes `bytes` at `path` (see the type's steps). `verify` checks the closed temporary file
    /// (its path is passed) and throws to refuse it; `failure` turns this recipe's own failures into the
    /// caller's error type.
    public static func publish<E: Error>(
        _ bytes: Data, to path: String, interruption: Interruption? = nil,
        verify: (_ temporaryPath: String) throws(E) -> Void = { (_: String) throws(E) in },
        failure: (OutputFailure) -> E
    ) throws(E) {
        do throws(OutputInterrupted) { try interruption?.beginWriting() } catch {
            throw failure(OutputFailure(error, path: path))
        }
        defer { interruption?.endWriting() }
        let temporary: String
        do throws(OutputFailure) { temporary = try writeTemporary(bytes, beside: path) } catch { throw failure(error) }
        do throws(E) {
            try verify(temporary)
            if let signal = interruption?.signal {
                throw failure(OutputFailure(OutputInterrupted(signal: signal), path: path))
            }
            do throws(OutputFailure) { try rename(temporary, to: path) } catch { throw failure(error) }
        } catch {
            unlink(temporary)
            throw error
        }
        syncFolder(of: path)
    }

    /// Publishes `bytes` at `path`, throwing the recipe's own `OutputFailure`.
    public static func publish(_ bytes: Data, to path: String, interruption: Interruption? = nil) throws(OutputFailure) {
        try publish(bytes, to: path, interruption: interruption, failure: { $0 })
    }

    // MARK: - Steps

    /// Steps 1–3 up to the size check: returns the closed, synced temporary file.
    private static func writeTemporary(_ bytes: Data, beside path: String) throws(OutputFailure) -> String {
        let (descriptor, temporary) = try createTemporary(beside: path)
        var isOpen = true
        do throws(OutputFailure) {
            try writeAll(bytes, to: descriptor, path: temporary)
            guard fsync(descriptor) == 0 else { throw OutputFailure(path: temporary, call: "fsync", errno: errno) }
            // Closed once, whatever it returns: after a failed close the descriptor may already be reused.
            isOpen = false
            guard close(descriptor) == 0 else { throw OutputFailure(path: temporary, call: "close", errno: errno) }
            var status = stat()
            guard stat(temporary, &status) == 0 else { throw OutputFailure(path: temporary, call: "stat", errno: errno) }
            guard Int(status.st_size) == bytes.count else {
                throw OutputFailure(path: temporary, call: "stat",
                                    reason: "re-opened file has \(status.st_size) bytes; \(bytes.count) were written")
            }
            return temporary
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporary)
            throw error
        }
    }

    /// A new, empty `PATH.<random>.partial`, opened for writing; `O_EXCL` makes it this process's alone.
    private static func createTemporary(beside path: String) throws(OutputFailure) -> (Int32, String) {
        for _ in 0..<16 {
            let token = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let temporary = "\(path).\(token)\(temporarySuffix)"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (descriptor, temporary) }
            if errno != EEXIST { throw OutputFailure(path: temporary, call: "open", errno: errno) }
        }
        throw OutputFailure(path: path, call: "open", reason: "no unused temporary name after 16 tries")
    }

    private static func writeAll(_ bytes: Data, to descriptor: Int32, path: String) throws(OutputFailure) {
        let code: Int32? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let code { throw OutputFailure(path: path, call: "write", errno: code) }
    }

    private static func rename(_ temporary: String, to path: String) throws(OutputFailure) {
        guard Foundation.rename(temporary, path) == 0 else {
            let code = errno
            throw OutputFailure(path: path, call: "rename",
                                reason: "cannot move '\(temporary)' into place: \(OutputFailure.systemError(code))")
        }
    }

    /// Best effort: some file systems refuse `fsync` on a folder (EINVAL); the rename is done either way.
    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

/// A failed step of `AtomicOutput.publish`, naming the file, the failing call and why.
public struct OutputFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The POSIX call (`open`, `write`, `fsync`, `rename`…), or `interrupted`.
    public var call: String
    public var reason: String

    public init(path: String, call: String, reason: String) {
        self.path = path
        self.call = call
        self.reason = reason
    }

    init(path: String, call: String, errno code: Int32) {
        self.init(path: path, call: call, reason: Self.systemError(code))
    }

    public init(_ interrupted: OutputInterrupted, path: String) {
        self.init(path: path, call: "interrupted", reason: interrupted.description)
    }

    public var description: String { "\(call) failed for '\(path)': \(reason)" }

    static func systemError(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }
}
