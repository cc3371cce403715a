import Foundation
import HeatLoop
import HeatLoopFiles

/// Child processes of this program (`heatloop batch FILE --output DIR --worker`) that run batch scenarios
/// one at a time, each with its own libhdf5: the parent writes a scenario index to a child's stdin, the
/// child runs the scenario (simulation, encoding, its result file) and answers with one line, the summary
/// row (`WorkerReply`). The parent's threads (`ParallelRunner`) each wait on one child, so scenarios are
/// handed out as children finish, as with threads.
///
/// Why processes and not threads: libhdf5 1.10 keeps library-global state, so every HDF5 call of a process
/// runs behind one lock (`HDF5Library`), and building an hourly result file costs more in HDF5 calls
/// (≈ 20 ms of metadata work) than simulating it (≈ 10 ms): threads writing result files spent 55–60 % of
/// their time in that lock (Docs/performance.md), so `--jobs 16` ran 1.3× as fast as one job. Processes
/// share nothing; only the summary rows cross the pipes.
final class WorkerProcesses: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [Worker]
    private let available: DispatchSemaphore

    /// Starts `count` children of this executable with `arguments` (the batch file, `--output`, the
    /// result-file options); their stderr is this process's.
    init(count: Int, arguments: [String]) throws {
        idle = try (0..<count).map { _ in try Worker(arguments: arguments) }
        available = DispatchSemaphore(value: count)
    }

    /// Runs the plan's scenario `index` in an idle child and returns its summary row (or why it failed).
    func run(_ index: Int) -> Result<BatchResults.Entry, Error> {
        available.wait()
        let worker = lock.withLock { idle.removeLast() }
        defer {
            lock.withLock { idle.append(worker) }
            available.signal()
        }
        return Result { try worker.run(index) }
    }

    /// Closes the children's input (they exit at its end) and waits for them.
    func finish() {
        for worker in lock.withLock({ idle }) { worker.finish() }
    }
}

/// One child process and its pipes.
private final class Worker {
    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private var buffered = Data()

    init(arguments: [String]) throws {
        let toChild = Pipe(), fromChild = Pipe()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = arguments
        process.standardInput = toChild
        process.standardOutput = fromChild
        try process.run()
        input = toChild.fileHandleForWriting
        output = fromChild.fileHandleForReading
    }

    func run(_ index: Int) throws -> BatchResults.Entry {
        try input.write(contentsOf: Data("\(index)\n".utf8))
        let reply = try JSONDecoder().decode(WorkerReply.self, from: try line())
        guard reply.index == index else { throw WorkerFailure("worker answered for scenario \(reply.index), not \(index)") }
        if let failure = reply.failure { throw WorkerFailure(failure) }
        guard let entry = reply.entry else { throw WorkerFailure("worker answered without a summary row") }
        return entry.entry
    }

    /// The child's next line (without its newline); throws when the child ended first.
    private func line() throws -> Data {
        while true {
            if let end = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffered[buffered.startIndex..<end]
                buffered = Data(buffered[(end + 1)...])
                return Data(line)
            }
            let more = output.availableData
            guard !more.isEmpty else {
                process.waitUntilExit()
                throw WorkerFailure("the worker process ended (status \(process.terminationStatus))")
            }
            buffered.append(more)
        }
    }

    func finish() {
        try? input.close()
        process.waitUntilExit()
    }
}

/// A scenario run in a worker process that could not be run or answered.
struct WorkerFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A child's answer: the scenario's summary row, or why it failed. Numbers travel as IEEE-754 bit patterns,
/// so the parent's summary is the same to the bit as one made in a single process.
struct WorkerReply: Codable {
    var index: Int
    var failure: String?
    var entry: EntryRecord?

    struct EntryRecord: Codable {
        var index: Int
        var count: Int
        var batch: String
        var inputsHash: String
        var id: String
        var labels: [[String]]
        var values: [Value]
        var currency: String?
        var baseline: String?

        struct Value: Codable {
            var name: String
            var units: String
            var longName: String
            var bits: UInt64
        }

        init(_ entry: BatchResults.Entry) {
            (index, count, batch, inputsHash, id) = (entry.index, entry.count, entry.batch, entry.inputsHash, entry.row.id)
            labels = entry.row.labels.map { [$0.name, $0.value] }
            values = entry.row.values.map { Value(name: $0.name, units: $0.units, longName: $0.longName, bits: $0.value.bitPattern) }
            (currency, baseline) = (entry.currency, entry.baseline)
        }

        var entry: BatchResults.Entry {
            BatchResults.Entry(
                index: index, count: count, batch: batch, inputsHash: inputsHash,
                row: ScenarioRow(id: id, labels: labels.map { ($0.first ?? "", $0.last ?? "") },
                                 values: values.map { ($0.name, $0.units, $0.longName, Double(bitPattern: $0.bits)) }),
                currency: currency, baseline: baseline)
        }
    }

    /// The child's side: answers every index read from stdin with one line on stdout, until stdin ends.
    static func serve(_ results: BatchResults, plan: BatchPlan) {
        let encoder = JSONEncoder(), shared = BatchShared()
        while let line = readLine() {
            let reply: WorkerReply
            if let index = Int(line), plan.scenarios.indices.contains(index) {
                switch results.outcome(of: plan.scenarios[index], of: plan, shared: shared) {
                case .success(let entry): reply = WorkerReply(index: index, entry: EntryRecord(entry))
                case .failure(let error): reply = WorkerReply(index: index, failure: "\(error)")
                }
            } else {
                reply = WorkerReply(index: -1, failure: "no scenario '\(line)' in the batch")
            }
            guard let data = try? encoder.encode(reply) else { continue }
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
}
