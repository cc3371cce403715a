import ArgumentParser
import Foundation
import HeatLoop
import HeatLoopFiles

/// `--jobs`: simulations run at once (`batch`, `size`).
struct ParallelOptions: ParsableArguments {
    @Option(help: "Simulations run at once (default: all cores).") var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs): expected at least 1") }
    }

    /// `--jobs`, or one per core.
    var count: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// `--output` as the folder of a batch's or sizing sweep's results (`batch`, `size`, `slurm`).
struct ResultFolderOptions: ParsableArguments {
    @Option(help: "Folder for the results (default Output/<the file's name>).")
    var output: String?

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

/// `--quiet` (`run`, `batch`, `size`).
struct Verbosity: ParsableArguments {
    @Flag(help: "Print nothing but errors.") var quiet = false
}

/// The input files `load` reads and checks; on invalid input, every problem is printed and the command
/// exits 2 (DESIGN §7).
func loadInput<Input>(_ load: () throws(InputError) -> Input) throws -> Input {
    do { return try load() } catch {
        printError(error.description)
        throw ExitStatus.invalidInput
    }
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
