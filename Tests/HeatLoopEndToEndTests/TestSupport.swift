import Foundation
import HeatLoop
import HeatLoopFiles

/// Paths of the package's own files, found from this source file.
enum PackagePaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static func site(_ name: String) -> String { "\(root)/Sites/\(name).yaml" }
    static func weather(_ file: String) -> String { "\(root)/Weather/\(file)" }
    static let climates = [
        "chicago": "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw",
        "san_francisco": "USA_CA_San.Francisco.Intl.AP.724940_TMY3.epw",
        "tampa": "USA_FL_Tampa.Intl.AP.722110_TMY3.epw",
        "tucson": "USA_AZ_Davis-Monthan.AFB.722745_TMY3.epw",
    ]
}

/// Runs a site file in-process (no HDF5), optionally with another weather file or step.
func simulate(site: String, weather: String? = nil, timestepMin: Int? = nil) throws -> (SiteInput, SimulationResult) {
    let input = try SiteInput.load(path: PackagePaths.site(site), weatherOverride: weather.map(PackagePaths.weather),
                                   timestepOverride: timestepMin)
    let weatherSteps = input.weather.atStepMidpoints(stepMinutes: input.site.calendar.stepMinutes)
    return (input, try Simulation(site: input.site, weather: weatherSteps).run())
}

/// A variant of an example site: its text with `edits` (exact substrings → replacements) applied, written
/// beside the original (so relative paths still resolve) under a unique name, run, and removed.
func simulate(site: String, edits: [(String, String)]) throws -> (SiteInput, SimulationResult) {
    var text = try String(contentsOfFile: PackagePaths.site(site), encoding: .utf8)
    for (original, replacement) in edits {
        precondition(text.contains(original), "\(site).yaml has no '\(original)'")
        text = text.replacingOccurrences(of: original, with: replacement)
    }
    let variant = PackagePaths.site(site + "-variant-" + UUID().uuidString)
    try text.write(toFile: variant, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: variant) }
    let input = try SiteInput.load(path: variant)
    let weatherSteps = input.weather.atStepMidpoints(stepMinutes: input.site.calendar.stepMinutes)
    return (input, try Simulation(site: input.site, weather: weatherSteps).run())
}

/// The `heatloop` executable built next to the test bundle.
enum CLI {
    static let executable: String = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("heatloop").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return "\(PackagePaths.root)/.build/debug/heatloop"
    }()

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `heatloop` with arguments from the package root and waits for it.
    static func run(_ arguments: [String]) throws -> Outcome {
        try launch(executable, arguments)
    }

    /// Runs a Python script (the result-format checks use h5py/xarray, which `make test` installs).
    static func python(_ arguments: [String]) throws -> Outcome {
        let outcome = try launch("/usr/bin/env", ["python3"] + arguments)
        return Outcome(status: outcome.status, stdout: outcome.stdout + outcome.stderr, stderr: "")
    }

    static func launch(_ program: String, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
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
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "heatloop-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func files(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}
