import Foundation

/// Runs `count` independent pieces of work on `jobs` worker threads and hands each result, in the order
/// they finish, to `consume` on the calling thread. Results can be large, so at most `2 · jobs` finished
/// results wait in memory: workers pause until the consumer catches up.
///
/// Everything that can run in parallel belongs in `work` (simulating, encoding, writing a result file);
/// `consume` runs on one thread for all workers, so its time is serial (Amdahl) and should stay small
/// (collect a summary row, advance a progress bar). The run measures both (`ParallelRunStatistics`).
public enum ParallelRunner {
    @discardableResult
    public static func run<Output: Sendable>(
        count: Int, jobs: Int, work: @escaping @Sendable (Int) -> Output, consume: (Int, Output) -> Void
    ) -> ParallelRunStatistics {
        let workers = min(max(1, jobs), count)
        var statistics = ParallelRunStatistics(jobs: workers, items: count)
        guard count > 0 else { return statistics }
        let started = DispatchTime.now().uptimeNanoseconds
        let shared = SharedQueue<Output>(count: count)
        let room = DispatchSemaphore(value: 2 * max(1, jobs))
        let ready = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            let thread = Thread {
                while let index = shared.next() {
                    room.wait()
                    let begin = DispatchTime.now().uptimeNanoseconds
                    let output = work(index)
                    shared.finish(index, output, nanoseconds: DispatchTime.now().uptimeNanoseconds - begin)
                    ready.signal()
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        var consumeNanoseconds: UInt64 = 0
        for _ in 0..<count {
            ready.wait()
            let (index, output) = shared.takeFinished()
            let begin = DispatchTime.now().uptimeNanoseconds
            consume(index, output)
            consumeNanoseconds += DispatchTime.now().uptimeNanoseconds - begin
            room.signal()
        }
        statistics.wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        statistics.workSeconds = Double(shared.workNanoseconds) / 1e9
        statistics.consumeSeconds = Double(consumeNanoseconds) / 1e9
        return statistics
    }
}

/// Where the time of a `ParallelRunner.run` went: the work of every item (on the workers, in parallel)
/// and the consumer's share (one thread for all: serial).
public struct ParallelRunStatistics: Sendable, Equatable {
    /// Worker threads started (at most the item count).
    public var jobs: Int
    public var items: Int
    /// From the start of the run to its last consumed item (s).
    public var wallSeconds: Double = 0
    /// The sum of every item's `work` time (s), whatever ran meanwhile.
    public var workSeconds: Double = 0
    /// The sum of every item's `consume` time on the calling thread (s).
    public var consumeSeconds: Double = 0

    public init(jobs: Int, items: Int) {
        self.jobs = jobs
        self.items = items
    }

    /// Amdahl's serial fraction s: the share of the one-thread time `work + consume` spent in sections
    /// that only one thread at a time can be in: the consumer, plus `sharedInWork` seconds the workers
    /// spent holding a process-wide lock (e.g. the HDF5 lock). N threads then run at most
    /// 1 / (s + (1 − s) / N) times as fast as one.
    public func serialFraction(sharedInWork: Double = 0) -> Double {
        let total = workSeconds + consumeSeconds
        return total > 0 ? (consumeSeconds + sharedInWork) / total : 0
    }
}

/// Work indices to hand out and finished results to collect, behind one lock.
private final class SharedQueue<Output: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var nextIndex = 0
    private var finished: [(Int, Output)] = []
    private var workTotal: UInt64 = 0

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func finish(_ index: Int, _ output: Output, nanoseconds: UInt64) {
        lock.withLock {
            finished.append((index, output))
            workTotal += nanoseconds
        }
    }

    /// The oldest finished result (one is there: the caller waited for its signal).
    func takeFinished() -> (Int, Output) { lock.withLock { finished.removeFirst() } }

    /// The summed work time of the finished items (read after the last one was taken).
    var workNanoseconds: UInt64 { lock.withLock { workTotal } }
}
