import ArgumentParser
import Foundation
import HeatLoop
import HeatLoopFiles

/// `--jobs`: simulations run at once (`batch`, `size`).
struct ParallelOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "Simulations run at once (default: the cores allotted: SLURM_CPUS_PER_TASK, else the cgroup's CPU limit, else all).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs): expected at least 1") }
    }

    /// `--jobs`, or one per core this process may use.
    var count: Int { jobs ?? CPUAllowance.cores() }
}

/// `--output` as the folder of a batch's or sizing sweep's results (`batch`, `size`, `slurm`).
struct ResultFolderOptions: ParsableArguments {
    @Option(name: [.short, .long],
            help: "Folder for the results (default Output/<the file's name>); a path with a file extension (x.h5, x.txt) is refused.")
    var output: String?

    func validate() throws {
        if let output, OutputPath.namesFile(output) {
            throw ValidationError("--output \(output): this command writes a folder of results, and a name with a file "
                + "extension names a file; give a folder (e.g. \((output as NSString).deletingPathExtension))")
        }
    }

    /// `--output`, or `Output/<name>`.
    func folder(named name: String) -> String { output ?? "Output/\(name)" }

    /// The folder, created with its parents; exit 1 when it cannot be.
    func create(named name: String) throws -> String {
        let folder = folder(named: name)
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            printError("error: cannot create \(folder): \(error)")
            throw ExitStatus.failure
        }
        return folder
    }
}

/// `--quiet` (`run`, `batch`, `size`): without it, `batch` and `size` show their progress on stderr.
struct Verbosity: ParsableArguments {
    @Flag(name: [.short, .long], help: "Print nothing but errors (no progress lines or bar, no summary).") var quiet = false
}

/// The input files `load` reads and checks; on invalid input, every problem is printed and the command
/// exits 2 (DESIGN §7).
func loadInput<Input>(_ load: () throws(InputError) -> Input) throws -> Input {
    do { return try load() } catch {
        printError(errorLines(error.description))
        throw ExitStatus.invalidInput
    }
}

/// Problem lines (`file:line:column: key: message`, one a line) as errors: each line with the one `error:`
/// prefix every error message of the program has, except the closing count of problems left out.
func errorLines(_ problems: String) -> String {
    problems.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.hasPrefix("error: ") || $0.hasPrefix("… and ") ? String($0) : "error: " + $0 }
        .joined(separator: "\n")
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension RunOrigin {
    /// This program's version and revision, its command line and the current time, for a result made now.
    static func now() -> RunOrigin {
        RunOrigin(heatloopVersion: ProgramVersion.number, createdUTC: ISO8601DateFormatter().string(from: Date()),
                  gitRevision: ProgramVersion.gitRevision, commandLine: ProgramVersion.commandLine)
    }
}

/// `--summary-only` and `--keep` (`batch`): which scenarios get a result file.
struct SummaryOnlyOptions: ParsableArguments {
    @Flag(help: "Write no per-scenario result files, only the summary (much faster for large batches).")
    var summaryOnly = false
    @Option(parsing: .upToNextOption,
            help: "With --summary-only, still write the result files of these scenario ids (as in summary.csv).")
    var keep: [String] = []

    func validate() throws {
        if !keep.isEmpty && !summaryOnly { throw ValidationError("--keep names the files kept by --summary-only; add --summary-only") }
    }

    var resultFiles: ResultFiles { summaryOnly ? ResultFiles(kept: Set(keep)) : .all }
}

/// The cores this process may use: its Slurm allocation (`SLURM_CPUS_PER_TASK`), else its cgroup's CPU
/// limit (`cpu.max`, a Kubernetes pod's `resources.limits.cpu`), else the cores it may run on.
enum CPUAllowance {
    static func cores(environment: [String: String] = ProcessInfo.processInfo.environment,
                      cgroupLimit: String? = try? String(contentsOfFile: "/sys/fs/cgroup/cpu.max", encoding: .utf8)) -> Int {
        let available = ProcessInfo.processInfo.activeProcessorCount
        if let slurm = environment["SLURM_CPUS_PER_TASK"].flatMap(Int.init), slurm > 0 { return slurm }
        if let limit = cgroupLimit.flatMap(quota) { return max(1, min(available, limit)) }
        return available
    }

    /// Whole cores of a cgroup v2 `cpu.max` ("QUOTA PERIOD" in µs, or "max PERIOD"), rounded up.
    static func quota(_ text: String) -> Int? {
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count == 2, let quota = Double(fields[0]), let period = Double(fields[1]), period > 0 else { return nil }
        return Int((quota / period).rounded(.up))
    }
}

/// The C allocator's behaviour in the long-running commands (`batch`, `size`).
enum Allocator {
    /// Freed blocks stay with the allocator and serve the next scenario, instead of being returned to the
    /// kernel and page-faulted back in: columns of up to 64 MB come from the heap (not `mmap`), and the
    /// heap is not trimmed. Peak memory is unchanged (it is the largest set of scenarios in flight); a
    /// 1-min year's ≈ 26,000 page faults (≈ 40 ms, Docs/performance.md) happen once per worker, not once per
    /// scenario.
    static func keepFreedMemory() {
        #if os(Linux)
        _ = glibcMallopt(-3, 64 << 20)  // M_MMAP_THRESHOLD (malloc.h)
        _ = glibcMallopt(-1, Int32.max)  // M_TRIM_THRESHOLD
        #endif
    }
}

#if os(Linux)
/// glibc's `mallopt` (`<malloc.h>`, which the Glibc module does not export).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

