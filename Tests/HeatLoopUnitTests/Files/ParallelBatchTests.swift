import Foundation
import HeatLoop
@testable import HeatLoopFiles
import Testing

/// Issue 22: how a batch is split into cluster tasks, what its parallel runner measures, and the values
/// its workers share.
@Suite struct ParallelBatchTests {
    @Test func tasksRunAtLeastFiveMinutesOnTheirCores() {
        let sizing = BatchTaskSizing(coresPerTask: 4)
        // 1,000 hourly years ≈ 17.5 CPU s: one task.
        #expect(sizing.tasks(steps: Array(repeating: 8_760, count: 1_000)) == 1)
        // 10,000 1-min years ≈ 10,500 CPU s over 4 cores: 8 tasks of ≥ 5 min.
        #expect(sizing.tasks(steps: Array(repeating: 525_600, count: 10_000)) == 8)
        // Never more tasks than one per 4 scenarios, nor more than 1,000, nor fewer than 1.
        #expect(sizing.tasks(steps: Array(repeating: 1_000_000_000, count: 12)) == 3)
        #expect(sizing.tasks(steps: Array(repeating: 100_000_000, count: 100_000)) == 1_000)
        #expect(sizing.tasks(steps: []) == 1)
        #expect(BatchTaskSizing(coresPerTask: 0).coresPerTask == 1)
    }

    @Test func theRunnerMeasuresItsSerialFraction() {
        var consumed: [Int] = []
        let statistics = ParallelRunner.run(count: 20, jobs: 3, work: { index -> Int in
            usleep(2_000)
            return index * index
        }, consume: { index, square in
            #expect(square == index * index)
            consumed.append(index)
        })
        #expect(consumed.sorted() == Array(0..<20))
        #expect(statistics.jobs == 3 && statistics.items == 20)
        #expect(statistics.workSeconds >= 20 * 0.002)
        #expect(statistics.serialFraction() < 0.5)
        // A worker holding a shared lock for half its work makes half of it serial.
        var half = ParallelRunStatistics(jobs: 2, items: 1)
        half.workSeconds = 1
        #expect(half.serialFraction(sharedInWork: 0.5) == 0.5)
    }

    @Test func sharedValuesAreMadeOncePerKeyAndBounded() {
        let values = SharedValues<[Int]>(capacityBytes: 3 * 8) { $0.count * 8 }
        let made = Counter()
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            let key = "k\(index % 2)"
            let value = values.value(for: key) { () throws(Never) in
                made.add()
                usleep(5_000)
                return [index % 2]
            }
            #expect(value == [index % 2])
        }
        #expect(made.count == 2)
        // Over capacity, the oldest value is dropped and made again.
        _ = values.value(for: "big") { () throws(Never) in [1, 2, 3] }
        _ = values.value(for: "k0") { () throws(Never) in
            made.add()
            return [0]
        }
        #expect(made.count == 3)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
