import Foundation
import HeatLoop
import HeatLoopTestSupport
import HeatLoopHDF5
import Testing

/// `heatloop batch`, `merge` and `slurm` end to end, through the built binary (issue 6).
@Suite(.serialized) struct BatchTests {
    static let batch = "Sites/batches/climate-2050.yaml"

    /// The batch file with another step length, written beside the original (relative paths still hold).
    func variant(stepMinutes: Int) throws -> String {
        let text = try String(contentsOfFile: "\(PackagePaths.root)/\(Self.batch)", encoding: .utf8)
            .replacingOccurrences(of: "timestep_min: 60", with: "timestep_min: \(stepMinutes)")
        let path = "\(PackagePaths.root)/Sites/batches/test-\(UUID().uuidString).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs a script with its output appended to `log`, and returns its exit status. The script's
    /// descriptors above 2 are closed first: Foundation's `Process` learns of the exit through one, and
    /// daemons the script starts would otherwise inherit it and keep `waitUntilExit` waiting.
    static func runLogged(_ script: String, _ arguments: [String], log: String) throws -> Int32 {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let closeInherited = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done; exec "$0" "$@""#
        process.arguments = ["-c", closeInherited, script] + arguments
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Starts the local Slurm cluster of `../shared/slurm/` and returns that folder and the scripts' log;
    /// cancels the test, with the reason, where it needs root or cannot start. The caller stops it.
    static func startLocalSlurm() throws -> (scripts: String, log: String) {
        let slurm = "\(PackagePaths.root)/../shared/slurm"
        guard getuid() == 0, FileManager.default.fileExists(atPath: "\(slurm)/start-local-slurm.sh") else {
            try Test.cancel("needs root and ../shared/slurm beside the repository")
        }
        // The daemons outlive the script and would keep a pipe open: its output goes to a file.
        let log = try temporaryFolder() + "/slurm.log"
        let started = try runLogged("\(slurm)/start-local-slurm.sh", [], log: log)
        guard started == 0 else {
            let tail = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").suffix(2000)
            try Test.cancel("the local Slurm cluster did not start (exit \(started)): \(tail)")
        }
        return (slurm, log)
    }

    func csv(_ folder: String) throws -> String { try String(contentsOfFile: "\(folder)/summary.csv", encoding: .utf8) }

    @Test func localBatchWritesEveryScenarioAndAMatchingSummary() throws {
        let folder = try temporaryFolder()
        let run = try CLI.run(["batch", Self.batch, "--output", folder, "--jobs", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        // stderr is a pipe, not a terminal: plain progress lines with counts and ETA, the last at 100 %.
        let progress = run.stderr.split(separator: "\n").filter { $0.hasPrefix("progress: ") }
        #expect(progress.count >= 2 && progress.count <= 6, "\(run.stderr)")
        #expect(progress.last?.hasPrefix("progress: 6/6 scenarios (100 %), ") == true && run.stderr.contains("ETA "),
                "\(run.stderr)")
        let results = files(in: folder).filter { $0.hasSuffix(".h5") && $0 != "summary.h5" }
        #expect(results.count == 6)
        #expect(HDF5ResultReader.isComplete(path: "\(folder)/summary.h5"))
        let lines = try csv(folder).split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix("scenario_id,site,weather,climate,heat_recovery.heat_pump.capacity_mw,"))
        // More heat pump, more heat reused; a warmer climate, less heat demand and reuse.
        let erf = try HDF5ResultReader.readSeries(path: "\(folder)/summary.h5", group: "", name: "erf")
        #expect(erf[0] < erf[1] && erf[1] < erf[2], "ERF by capacity \(erf)")
        #expect(erf[3] < erf[0], "ERF warmer \(erf[3]) vs baseline \(erf[0])")

        // Resume finds everything done; shards merged give the same table.
        let again = try CLI.run(["batch", Self.batch, "--output", folder, "--resume"])
        #expect(again.status == 0 && again.stderr.contains("6 already done"), "\(again.stderr)")
        let sharded = try temporaryFolder()
        for shard in 0..<3 {
            let part = try CLI.run(["batch", Self.batch, "--output", sharded, "--shard", "\(shard)/3", "--quiet"])
            #expect(part.stderr.isEmpty, "--quiet prints nothing but errors: \(part.stderr)")
            #expect(part.status == 0, "\(part.stderr)")
        }
        #expect(!files(in: sharded).contains("summary.h5"), "a shard must not write the summary")
        let merge = try CLI.run(["merge", sharded])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try csv(sharded) == csv(folder))
        // The batch file's baseline (climate baseline, 8 MW: index 1) and the currency, whether the summary
        // comes from the batch, from shard summaries or from the scenario files alone.
        try expectBaselineAndCurrency("\(folder)/summary.h5")
        try expectBaselineAndCurrency("\(sharded)/summary.h5")
        try FileManager.default.removeItem(atPath: "\(sharded)/shards")
        #expect(try CLI.run(["merge", sharded]).status == 0)
        try expectBaselineAndCurrency("\(sharded)/summary.h5")
    }

    func expectBaselineAndCurrency(_ summary: String) throws {
        let table = try HDF5ResultReader.readScenarioTable(path: summary)
        #expect(table.text(ScenarioTable.baselineAttribute) == table.ids[1], "\(summary)")
        #expect(table.text(ScenarioTable.currencyAttribute) == "EUR", "\(summary)")
    }

    @Test func aFailingScenarioIsReportedAndTheOthersStillRun() throws {
        let folder = try temporaryFolder()
        // Daily maxima 10 K colder and minima 10 K warmer: the diurnal range would turn negative.
        let collapse = (0..<12).map { _ in "0" }.joined(separator: ", ")
        let text = """
            name: failing
            sites: [\(PackagePaths.site("chicago-ai-campus"))]
            climate:
              - {name: baseline}
              - name: impossible
                morph: {dry_bulb_delta_k: [\(collapse)], dry_bulb_max_delta_k: [\((0..<12).map { _ in "-10" }.joined(separator: ", "))],
                        dry_bulb_min_delta_k: [\((0..<12).map { _ in "10" }.joined(separator: ", "))]}
            timestep_min: 60
            """
        try text.write(toFile: "\(folder)/failing.yaml", atomically: true, encoding: .utf8)
        let outcome = try CLI.run(["batch", "\(folder)/failing.yaml", "--output", "\(folder)/out", "--quiet"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("1 of 2 scenarios failed") && outcome.stderr.contains("impossible"),
                "\(outcome.stderr)")
        let results = files(in: "\(folder)/out").filter { $0.hasSuffix(".h5") && $0 != "summary.h5" }
        #expect(results.count == 1 && results[0].contains("baseline"))
        #expect(try csv("\(folder)/out").split(separator: "\n").count == 2)
    }

    @Test func interruptedBatchLeavesNoPartialFileAndResumesToTheSameResult() throws {
        let batch = try variant(stepMinutes: 5)
        defer { try? FileManager.default.removeItem(atPath: batch) }
        let reference = try temporaryFolder(), folder = try temporaryFolder()
        #expect(try CLI.run(["batch", batch, "--output", reference, "--jobs", "2", "--quiet"]).status == 0)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = ["batch", batch, "--output", folder, "--jobs", "1", "--quiet"]
        process.currentDirectoryURL = URL(fileURLWithPath: PackagePaths.root)
        try process.run()
        // Interrupt once the first result is on disk (or after 20 s).
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline, !files(in: folder).contains(where: { $0.hasSuffix(".h5") }) {
            usleep(20_000)
        }
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130 || process.terminationStatus == 0)
        #expect(!files(in: folder).contains { $0.hasSuffix(".partial") }, "\(files(in: folder))")
        let done = files(in: folder).filter { $0.hasSuffix(".h5") }.count
        #expect(done < 6, "interrupted after \(done) results")

        let resumed = try CLI.run(["batch", batch, "--output", folder, "--resume", "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try csv(folder) == csv(reference))
    }

    /// The scenario result files in `folder` (not the summary).
    func results(_ folder: String) -> [String] { files(in: folder).filter { $0.hasSuffix(".h5") && $0 != "summary.h5" } }

    /// Every number of `summary.h5` in `folder`, by column, as bit patterns (NaN-safe, exact).
    func summaryBits(_ folder: String) throws -> [String: [UInt64]] {
        let table = try HDF5ResultReader.readScenarioTable(path: "\(folder)/summary.h5")
        return Dictionary(uniqueKeysWithValues: table.columns.map { ($0.name, $0.values.map(\.bitPattern)) })
    }

    /// Issue 22: the summary is the same to the bit whatever the jobs, the shards, their order and the result
    /// files: one job with every file (threads); two jobs with every file (worker processes); two jobs
    /// `--summary-only` keeping one named file (threads); three shards `--summary-only`, run out of order
    /// and merged from their shard summaries alone (no result file exists).
    @Test func theSummaryIsIdenticalWhateverTheJobsShardsAndFiles() throws {
        let one = try temporaryFolder(), two = try temporaryFolder(), sharded = try temporaryFolder()
        let reference = try CLI.run(["batch", Self.batch, "--output", one, "--jobs", "1"])
        #expect(reference.status == 0, "\(reference.stderr)")
        #expect(reference.stderr.contains("6 scenarios on 1 jobs (threads)") && reference.stderr.contains("serial fraction"),
                "\(reference.stderr)")
        let processes = try temporaryFolder()
        let parallel = try CLI.run(["batch", Self.batch, "--output", processes, "--jobs", "2"])
        #expect(parallel.status == 0 && parallel.stderr.contains("6 scenarios on 2 jobs (processes)"), "\(parallel.stderr)")
        #expect(results(processes).count == 6)
        #expect(try summaryBits(processes) == summaryBits(one))
        let kept = try #require(try csv(one).split(separator: "\n").dropFirst().first?.split(separator: ",").first)
        let summaryOnly = try CLI.run(["batch", Self.batch, "--output", two, "--jobs", "2", "--summary-only",
                                       "--keep", String(kept), "--quiet"])
        #expect(summaryOnly.status == 0, "\(summaryOnly.stderr)")
        #expect(results(two) == ["\(kept).h5"])
        #expect(try csv(two) == csv(one))
        #expect(try summaryBits(two) == summaryBits(one))

        for shard in [2, 0, 1] {
            let part = try CLI.run(["batch", Self.batch, "--output", sharded, "--shard", "\(shard)/3", "--jobs", "2",
                                    "--summary-only", "--quiet"])
            #expect(part.status == 0, "\(part.stderr)")
        }
        #expect(results(sharded).isEmpty)
        #expect(files(in: "\(sharded)/shards").sorted() == ["0-of-3.h5", "1-of-3.h5", "2-of-3.h5"])
        let again = try CLI.run(["batch", Self.batch, "--output", sharded, "--shard", "1/3", "--summary-only", "--resume"])
        #expect(again.status == 0 && again.stderr.contains("2 already done"), "\(again.stderr)")
        let merge = try CLI.run(["merge", sharded])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try csv(sharded) == csv(one))
        #expect(try summaryBits(sharded) == summaryBits(one))

        let keepAlone = try CLI.run(["batch", Self.batch, "--output", two, "--keep", "x"])
        #expect(keepAlone.status == 2 && keepAlone.stderr.contains("--summary-only"), "\(keepAlone.stderr)")
    }

    /// `heatloop slurm` sizes its array: with the default 4 cores a task, 6 hourly scenarios (seconds of
    /// work) make one task; `--tasks` and `--cpus-per-task` are written as given, and every task runs
    /// `--jobs $SLURM_CPUS_PER_TASK`.
    @Test func slurmScriptsSizeTheirTasks() throws {
        let folder = try temporaryFolder()
        let defaults = try CLI.run(["slurm", Self.batch, "--output", folder])
        #expect(defaults.status == 0, "\(defaults.stderr)")
        let array = try String(contentsOfFile: "\(folder)/heatloop-array.sbatch", encoding: .utf8)
        #expect(array.contains("#SBATCH --cpus-per-task=4") && array.contains("#SBATCH --array=0-0"), "\(array)")
        #expect(array.contains(#"--jobs "${SLURM_CPUS_PER_TASK:-4}""#), "\(array)")
        let given = try CLI.run(["slurm", Self.batch, "--output", folder, "--tasks", "2", "--cpus-per-task", "2",
                                 "--summary-only"])
        #expect(given.status == 0, "\(given.stderr)")
        let two = try String(contentsOfFile: "\(folder)/heatloop-array.sbatch", encoding: .utf8)
        #expect(two.contains("#SBATCH --cpus-per-task=2") && two.contains("#SBATCH --array=0-1")
                && two.contains("--summary-only"), "\(two)")
    }
}

/// The tests on the real local Slurm cluster (`../shared/slurm/`): one at a time, since each starts the
/// cluster and stops it at its end, but beside the other suites, as they mostly wait on the scheduler.
@Suite(.serialized) struct SlurmClusterTests {}

extension SlurmClusterTests {
    /// A real single-node Slurm cluster (`../shared/slurm/`): a 2-task array of 2 cores each, summary only,
    /// plus its merge (which reads the two shard summaries) give the same summary as a local run, and each
    /// task ran its scenarios 2 at a time. Needs root (the CI machine); about 20–40 s. Skipped, with the
    /// reason, where the cluster cannot start.
    @Test func slurmArrayJobAndMergeMatchALocalRun() throws {
        let (slurm, log) = try BatchTests.startLocalSlurm()
        defer { _ = try? BatchTests.runLogged("\(slurm)/stop-local-slurm.sh", ["--purge"], log: log) }

        let local = try temporaryFolder(), cluster = try temporaryFolder()
        #expect(try CLI.run(["batch", BatchTests.batch, "--output", local, "--quiet"]).status == 0)
        let submitted = try CLI.run(["slurm", BatchTests.batch, "--output", cluster, "--tasks", "2", "--cpus-per-task", "2",
                                     "--summary-only", "--submit"])
        try #require(submitted.status == 0, "\(submitted.stdout) \(submitted.stderr)")
        let ids = submitted.stdout.split(separator: "\n").last?.split(separator: " ")
            .compactMap { Int($0) }.map(String.init) ?? []
        try #require(ids.count == 2, "job ids from: \(submitted.stdout)")
        let waited = try CLI.launch("/bin/bash", ["\(slurm)/wait-slurm-jobs.sh", "--timeout", "300"] + ids)
        #expect(waited.status == 0, "\(waited.stdout) \(waited.stderr)")
        #expect(try BatchTests().csv(cluster) == BatchTests().csv(local))
        #expect(BatchTests().results(cluster).isEmpty, "summary only: \(BatchTests().results(cluster))")
        #expect(files(in: "\(cluster)/shards").sorted() == ["0-of-2.h5", "1-of-2.h5"])
        let logs = files(in: "\(cluster)/logs").filter { !$0.hasPrefix("merge") }
        #expect(logs.count == 2, "\(logs)")
        for name in logs {
            let text = (try? String(contentsOfFile: "\(cluster)/logs/\(name)", encoding: .utf8)) ?? ""
            #expect(text.contains("3 scenarios on 2 jobs"), "\(name): \(text)")
            #expect(text.contains("progress: 3/3 scenarios (100 %)"), "\(name): \(text)")
        }
    }
}
