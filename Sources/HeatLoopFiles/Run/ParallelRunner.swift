import Foundation

/// Runs `count` independent pieces of work on `jobs` worker threads and hands each result, in the order
/// they finish, to `consume` on the calling thread. HDF5 must be written from the main thread (Debian's
/// thread-safe libhdf5 1.10 complains at exit otherwise), and results are large, so at most `2 · jobs`
/// finished results wait in memory: workers pause until the consumer catches up.
public enum ParallelRunner {
    public static func run<Output: Sendable>(
        count: Int, jobs: Int, work: @escaping @Sendable (Int) -> Output, consume: (Int, Output) -> Void
    ) {
        guard count > 0 else { return }
        let shared = SharedQueue<Output>(count: count)
        let room = DispatchSemaphore(value: 2 * max(1, jobs))
        let ready = DispatchSemaphore(value: 0)
        for _ in 0..<min(max(1, jobs), count) {
            let thread = Thread {
                while let index = shared.next() {
                    room.wait()
                    let output = work(index)
                    shared.finish(index, output)
                    ready.signal()
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<count {
            ready.wait()
            let (index, output) = shared.takeFinished()
            consume(index, output)
            room.signal()
        }
    }
}

/// Work indices to hand out and finished results to collect, behind one lock.
private final class SharedQueue<Output: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var nextIndex = 0
    private var finished: [(Int, Output)] = []

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func finish(_ index: Int, _ output: Output) { lock.withLock { finished.append((index, output)) } }

    /// The oldest finished result (one is there: the caller waited for its signal).
    func takeFinished() -> (Int, Output) { lock.withLock { finished.removeFirst() } }
}
