// Shared helpers of the HeatLoop benchmarks: repository paths, the `heatloop` binary, a scratch
// folder, and running a subprocess while recording its resource use.
import Benchmark
import Foundation
import HeatLoop
import HeatLoopFiles

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths of the repository, found from this source file (so the suite works from any working
/// directory and any clone location). Relative paths are relative to the Benchmarks package root.
enum BenchPaths {
    /// `…/Benchmarks` (the package root of the suite).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HeatLoopBenchmarks/
        .deletingLastPathComponent()  // Benchmarks/ (sources)
        .deletingLastPathComponent()  // Benchmarks/ (package)

    /// A path relative to the Benchmarks package root, absolute and normalised.
    static func resolve(_ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        return packageRoot.appendingPathComponent(relative).standardizedFileURL.path
    }

    static let chicagoEPW = resolve("../Weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw")
    static let defaultSite = resolve("../Sites/chicago-ai-campus.yaml")
    static let inferenceTrace = resolve("../Sites/traces/inference-week.csv")

    /// The `heatloop` release binary: `$HEATLOOP_BIN` (relative to the working directory) or
    /// `../.build/release/heatloop` (relative to the Benchmarks package root).
    static var heatloopBinary: String {
        if let value = ProcessInfo.processInfo.environment["HEATLOOP_BIN"], !value.isEmpty {
            if value.hasPrefix("/") { return value }
            return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                .appendingPathComponent(value).standardizedFileURL.path
        }
        return resolve("../.build/release/heatloop")
    }
}

/// One scratch folder per benchmark process (package-benchmark runs every benchmark in its own
/// process), for result files; removed by `removeScratch()` in the benchmarks' teardown.
enum Scratch {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "heatloop-bench-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func file(_ name: String) -> String { folder + "/" + name }

    static func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// Everything a run needs, read outside the measured block.
struct LoadedSite: Sendable {
    var input: SiteInput
    var weather: StepWeather

    static func load(stepMinutes: Int) throws -> LoadedSite {
        let input = try SiteInput.load(path: BenchPaths.defaultSite, weatherOverride: nil,
                                       timestepOverride: stepMinutes)
        return LoadedSite(input: input, weather: try ScenarioRunner(input: input).stepWeather())
    }

    var provenance: RunProvenance {
        input.provenance(RunOrigin(heatloopVersion: "benchmark", createdUTC: "2025-01-01T00:00:00Z"))
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
}

/// Resource use of one finished child process (from `wait4`).
struct ChildUsage {
    /// Peak resident set size, bytes.
    var maxResidentBytes: Int
    /// User + system CPU time, nanoseconds.
    var cpuNanoseconds: Int
}

/// Runs `arguments[0]` with `arguments[1...]`, stdout to /dev/null and stderr to a log file, waits
/// for it and returns its resource use. Throws with the log when it fails.
func runChild(_ arguments: [String], log: String) throws -> ChildUsage {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    let cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }

    var pid = pid_t()
    let spawned = posix_spawn(&pid, arguments[0], &actions, nil, cArguments, environ)
    guard spawned == 0 else {
        throw BenchmarkFailure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else {
            throw BenchmarkFailure(description: "wait4 failed: \(String(cString: strerror(errno)))")
        }
    }
    let exited = status & 0x7f == 0
    let code = (status >> 8) & 0xff
    guard exited, code == 0 else {
        let message = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        throw BenchmarkFailure(description: "\(arguments.joined(separator: " ")) failed "
            + (exited ? "with exit status \(code)" : "on signal \(status & 0x7f)") + ":\n" + message)
    }
    func nanoseconds(_ time: timeval) -> Int { Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_usec) * 1_000 }
    #if os(Linux)
    let maxResident = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
    #else
    let maxResident = Int(usage.ru_maxrss)  // bytes on macOS
    #endif
    return ChildUsage(maxResidentBytes: maxResident,
                      cpuNanoseconds: nanoseconds(usage.ru_utime) + nanoseconds(usage.ru_stime))
}

extension BenchmarkMetric {
    /// Peak resident memory of the `heatloop` subprocess (`wait4` → `ru_maxrss`), bytes.
    static let childPeakResident = BenchmarkMetric.custom("Subprocess peak resident", polarity: .prefersSmaller,
                                                          useScalingFactor: false)
    /// User + system CPU time of the `heatloop` subprocess, milliseconds.
    static let childCPU = BenchmarkMetric.custom("Subprocess CPU user+sys (ms)", polarity: .prefersSmaller,
                                                 useScalingFactor: false)
    /// The serial fraction a `heatloop batch` reports (Amdahl's s), per mille.
    static let serialFraction = BenchmarkMetric.custom("Serial fraction (‰)", polarity: .prefersSmaller,
                                                       useScalingFactor: false)
}
