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
        public var status: Int32
        public var stdout: String
        public var stderr: String
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
                       stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A fresh temporary folder, removed by the caller.
public func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "heatloop-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

public func files(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}
