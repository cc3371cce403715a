import Foundation

/// The `heatloop` executable built next to the test bundle.
public enum CLI {
    public static let executable: String = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("heatloop").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return "\(PackagePaths.root)/.build/debug/heatloop"
    }()

    public struct Outcome {
        /// The exit code, or the signal's number when `signaled`.
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// True when a signal ended the process (a crash: SIGILL, SIGSEGV, SIGABRT, …).
        public var signaled = false
    }

    /// Runs `heatloop` with arguments from the package root, with `environment` added to this process's,
    /// and waits for it.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        try launch(executable, arguments, environment: environment)
    }

    /// Runs a Python script (the result-format checks use h5py/xarray, which `make test` installs).
    public static func python(_ arguments: [String]) throws -> Outcome {
        let outcome = try launch("/usr/bin/env", ["python3"] + arguments)
        return Outcome(status: outcome.status, stdout: outcome.stdout + outcome.stderr, stderr: "")
    }

    public static func launch(_ program: String, _ arguments: [String],
                              environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: PackagePaths.root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a full pipe cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self),
                       signaled: process.terminationReason == .uncaughtSignal)
    }
}

/// A fresh temporary folder, removed by the caller.
/// A new empty folder for one test. Every test folder of a test process lives under one root, which is
/// removed when the process exits: a test that forgets its `defer` (or fails before reaching it) leaves
/// nothing in /tmp.
public func temporaryFolder() throws -> String {
    let path = testFolderRoot + "/" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The test process's folder for `temporaryFolder()`, removed at exit.
private let testFolderRoot: String = {
    let root = NSTemporaryDirectory() + "heatloop-test-" + UUID().uuidString
    atexit { try? FileManager.default.removeItem(atPath: testFolderRoot) }
    return root
}()

public func files(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

/// A `heatloop` process started in the background, to be signalled while it works.
public final class RunningCLI {
    private let process: Process
    private let stdoutPath: String, stderrPath: String

    /// Starts `heatloop` with `arguments` from the package root; its output goes to temporary files.
    public init(_ arguments: [String]) throws {
        let base = NSTemporaryDirectory() + "heatloop-cli-" + UUID().uuidString
        (stdoutPath, stderrPath) = (base + ".out", base + ".err")
        for path in [stdoutPath, stderrPath] { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: PackagePaths.root)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    public var isRunning: Bool { process.isRunning }

    /// Sends `signal` (SIGINT, SIGTERM, SIGSTOP, SIGCONT…) to the process.
    public func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the process to end; its exit status (a signal that killed it counts as 128 + signal) and output.
    public func wait() -> CLI.Outcome {
        process.waitUntilExit()
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        defer { for path in [stdoutPath, stderrPath] { try? FileManager.default.removeItem(atPath: path) } }
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus
                                                                  : process.terminationStatus
        return CLI.Outcome(status: status, stdout: read(stdoutPath), stderr: read(stderrPath))
    }
}

/// Watches a folder (Linux inotify) for files created in it, so a test can act within microseconds of a
/// temporary file appearing, while the writer is still writing it.
public final class FolderWatch {
    private let descriptor: Int32

    public init(_ folder: String) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0, inotify_add_watch(descriptor, folder, UInt32(IN_CREATE)) >= 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: folder])
        }
    }

    deinit { close(descriptor) }

    /// The name of the next file created whose name satisfies `matches`, or nil after `timeout` seconds.
    public func next(timeout: Double, where matches: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while Date() < deadline {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&request, 1, milliseconds) > 0 else { continue }
            let count = read(descriptor, &buffer, buffer.count)
            var offset = 0
            while count > 0, offset + 16 <= count {
                // struct inotify_event: wd, mask, cookie, len (4 bytes each), then len bytes of name.
                let length = buffer[(offset + 12)..<(offset + 16)].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
                let nameBytes = buffer[(offset + 16)..<(offset + 16 + Int(length))].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if matches(name) { return name }
                offset += 16 + Int(length)
            }
        }
        return nil
    }
}
