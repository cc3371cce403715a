/// A piecewise-constant signal over one simulated year (power, W; or any other rate), built from step
/// changes at arbitrary times and averaged exactly onto the calendar's steps.
///
/// For step k = [kΔ, (k+1)Δ) with level L_k at its start and changes δᵢ at tᵢ inside it:
///
///     mean_k   = (1/Δ)·∫ P dt = L_k + Σᵢ δᵢ·((k+1)Δ − tᵢ)/Δ
///     peak_k   = max of the levels held for a positive time inside the step
///     trough_k = min of the levels held for a positive time inside the step
///
/// So a 2-minute checkpoint dip of depth d inside a 15-minute step lowers that step's mean by exactly
/// d·2/15, while its peak stays at the undipped level and its trough at the dip: peak − trough keeps
/// the swing amplitude at long steps. Simultaneous changes are applied together: a level held for zero
/// time is neither a peak nor a trough.
///
/// Cost: O(E + S) for E changes and S steps, no allocation per step. Means need no ordering (the sum
/// above); peaks and troughs bucket the changes by step (counting sort) and sort each step's few
/// changes by time. Changes added in time order (one job's) skip both.
public struct PowerTimeline: Sendable {
    /// One change of the level: `delta` from `time` on (s since the year's start).
    struct Change: Sendable {
        var time: Double
        var delta: Double
    }

    /// Step length Δ, s.
    public let stepDuration: Double
    /// Number of steps S; the timeline covers [0, S·Δ).
    public let stepCount: Int
    /// Level at time 0, including every change at or before time 0.
    public private(set) var initialLevel: Double
    private var changes: [Change] = []
    /// True while the changes were added in non-decreasing time order (then no sorting is needed).
    private var chronological = true

    public init(stepDuration: Double, stepCount: Int, initialLevel: Double = 0) {
        self.stepDuration = stepDuration
        self.stepCount = stepDuration > 0 && stepDuration.isFinite ? max(0, stepCount) : 0
        self.initialLevel = initialLevel
    }

    /// End of the covered time, s.
    public var end: Double { Double(stepCount) * stepDuration }

    /// Number of changes stored (those inside (0, end)).
    public var changeCount: Int { changes.count }

    public mutating func reserveCapacity(_ count: Int) { changes.reserveCapacity(count) }

    /// The level changes by `delta` from `time` on. Changes at or before 0 move the initial level;
    /// changes at or after `end`, at a NaN time, or of a non-finite or zero size are ignored.
    public mutating func change(at time: Double, by delta: Double) {
        guard delta != 0, delta.isFinite, time < end else { return }  // false for NaN
        guard time > 0 else {
            initialLevel += delta
            return
        }
        if let last = changes.last, time < last.time { chronological = false }
        changes.append(Change(time: time, delta: delta))
    }

    /// Adds `level` on [start, end).
    public mutating func add(_ level: Double, from start: Double, to end: Double) {
        guard end > start else { return }
        change(at: start, by: level)
        change(at: end, by: -level)
    }

    @inline(__always)
    private func step(of time: Double) -> Int { min(Int(time / stepDuration), stepCount - 1) }

    /// Exact step means (see the type's documentation).
    public func means() -> [Double] {
        var result = [Double](repeating: 0, count: stepCount)
        accumulateMeans { step, mean in result[step] = mean }
        return result
    }

    /// Exact step means, rounded to `Float` (for per-job columns).
    public func floatMeans() -> [Float] {
        var result = [Float](repeating: 0, count: stepCount)
        accumulateMeans { step, mean in result[step] = Float(mean) }
        return result
    }

    /// Means by the summation formula: per step, the sum of δ·(step end − t) and the sum of δ; then
    /// one sweep carrying the level. Changes already in time order are swept directly (no scratch).
    @inline(__always)
    private func accumulateMeans(_ write: (Int, Double) -> Void) {
        guard stepCount > 0 else { return }
        let dt = stepDuration
        var level = initialLevel
        if chronological {
            let count = changes.count
            var index = 0
            var nextStep = count > 0 ? step(of: changes[0].time) : stepCount
            for k in 0..<stepCount {
                guard k == nextStep else {
                    write(k, level)
                    continue
                }
                let start = level
                var weighted = 0.0
                while index < count, step(of: changes[index].time) == k {
                    weighted += changes[index].delta * (Double(k + 1) * dt - changes[index].time)
                    level += changes[index].delta
                    index += 1
                }
                nextStep = index < count ? step(of: changes[index].time) : stepCount
                write(k, start + weighted / dt)
            }
            return
        }
        var weighted = [Double](repeating: 0, count: stepCount)
        var jumps = [Double](repeating: 0, count: stepCount)
        for change in changes {
            let k = step(of: change.time)
            weighted[k] += change.delta * (Double(k + 1) * dt - change.time)
            jumps[k] += change.delta
        }
        for k in 0..<stepCount {
            write(k, level + weighted[k] / dt)
            level += jumps[k]
        }
    }

    /// Exact step means, and the highest and lowest levels held within each step.
    public func stepStatistics() -> StepStatistics {
        var mean = [Double](repeating: 0, count: stepCount)
        var peak = [Double](repeating: 0, count: stepCount)
        var trough = [Double](repeating: 0, count: stepCount)
        guard stepCount > 0 else { return StepStatistics(mean: mean, peak: peak, trough: trough) }
        let ordered = chronological ? changes : bucketedByStep()
        let dt = stepDuration
        var level = initialLevel
        var index = 0
        ordered.withUnsafeBufferPointer { events in
            let count = events.count
            for k in 0..<stepCount {
                // Changes of this step: the bucketing uses `step(of:)`, so test with the same rule.
                if index == count || step(of: events[index].time) != k {
                    (mean[k], peak[k], trough[k]) = (level, level, level)
                    continue
                }
                let stepEnd = Double(k + 1) * dt
                var cursor = Double(k) * dt
                var integral = 0.0
                var highest = -Double.infinity, lowest = Double.infinity
                while index < count, step(of: events[index].time) == k {
                    let time = events[index].time
                    if time > cursor {
                        integral += level * (time - cursor)
                        highest = max(highest, level)
                        lowest = min(lowest, level)
                        cursor = time
                    }
                    level += events[index].delta
                    index += 1
                }
                if stepEnd > cursor {
                    integral += level * (stepEnd - cursor)
                    highest = max(highest, level)
                    lowest = min(lowest, level)
                }
                mean[k] = integral / dt
                peak[k] = highest == -.infinity ? level : highest
                trough[k] = lowest == .infinity ? level : lowest
            }
        }
        return StepStatistics(mean: mean, peak: peak, trough: trough)
    }

    /// The changes grouped by step (counting sort, O(E + S)), each step's changes sorted by time.
    private func bucketedByStep() -> [Change] {
        let count = changes.count
        var offsets = [Int](repeating: 0, count: stepCount + 1)
        var steps = [Int32](repeating: 0, count: count)
        for (i, change) in changes.enumerated() {
            let k = step(of: change.time)
            steps[i] = Int32(truncatingIfNeeded: k)
            offsets[k + 1] += 1
        }
        for k in 0..<stepCount { offsets[k + 1] += offsets[k] }
        var sorted = [Change](repeating: Change(time: 0, delta: 0), count: count)
        for (i, change) in changes.enumerated() {
            let k = Int(steps[i])
            sorted[offsets[k]] = change
            offsets[k] += 1
        }
        // offsets[k] is now the end of bucket k; sort buckets holding more than one change.
        var start = 0
        sorted.withUnsafeMutableBufferPointer { buffer in
            for k in 0..<stepCount {
                let stop = offsets[k]
                if stop - start > 1 { Self.sortByTime(buffer, start, stop) }
                start = stop
            }
        }
        return sorted
    }

    /// Sorts `buffer[lower..<upper]` by time: insertion sort for the usual handful, the standard
    /// library's sort for crowded steps.
    private static func sortByTime(_ buffer: UnsafeMutableBufferPointer<Change>, _ lower: Int, _ upper: Int) {
        if upper - lower > 24 {
            let slice = UnsafeMutableBufferPointer(rebasing: buffer[lower..<upper])
            var range = slice
            range.sort { $0.time < $1.time }
            return
        }
        for i in (lower + 1)..<upper {
            let item = buffer[i]
            var j = i - 1
            while j >= lower, buffer[j].time > item.time {
                buffer[j + 1] = buffer[j]
                j -= 1
            }
            buffer[j + 1] = item
        }
    }
}

/// A step function of node counts: `values[i]` holds on [times[i], times[i+1]); `times[0] = −∞`.
struct NodeProfile {
    var times: [Double] = [-.infinity]
    var values: [Int] = [0]

    /// The running sum of `changes` (in any order; non-finite times are ignored).
    init(changes: [(time: Double, delta: Int)]) {
        let sorted = changes.filter { $0.time.isFinite }.sorted { $0.time < $1.time }
        var level = 0
        var i = 0
        while i < sorted.count {
            let time = sorted[i].time
            while i < sorted.count, sorted[i].time == time {
                level += sorted[i].delta
                i += 1
            }
            if level != values[values.count - 1] {
                times.append(time)
                values.append(level)
            }
        }
    }

    private init(times: [Double], values: [Int]) {
        self.times = times
        self.values = values
    }

    /// Index of the piece holding at `time` (the last i with times[i] ≤ time).
    func index(at time: Double) -> Int {
        var low = 0, high = times.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if times[mid] <= time { low = mid } else { high = mid - 1 }
        }
        return low
    }

    func value(at time: Double) -> Int { values[index(at: time)] }

    /// `transform` applied to every value, equal neighbours merged.
    func map(_ transform: (Int) -> Int) -> NodeProfile {
        var result = NodeProfile(times: [-.infinity], values: [transform(values[0])])
        for i in 1..<times.count {
            let value = transform(values[i])
            if value != result.values[result.values.count - 1] {
                result.times.append(times[i])
                result.values.append(value)
            }
        }
        return result
    }

    /// Pointwise `combine(a(t), b(t))` on the union of both breakpoints.
    static func combine(_ a: NodeProfile, _ b: NodeProfile, _ combine: (Int, Int) -> Int) -> NodeProfile {
        var result = NodeProfile(times: [-.infinity], values: [combine(a.values[0], b.values[0])])
        var i = 1, j = 1
        while i < a.times.count || j < b.times.count {
            let time = min(i < a.times.count ? a.times[i] : .infinity, j < b.times.count ? b.times[j] : .infinity)
            if i < a.times.count, a.times[i] == time { i += 1 }
            if j < b.times.count, b.times[j] == time { j += 1 }
            let value = combine(a.values[i - 1], b.values[j - 1])
            if value != result.values[result.values.count - 1] {
                result.times.append(time)
                result.values.append(value)
            }
        }
        return result
    }

    /// ∫ value dt over [start, end), node-seconds.
    func integral(from start: Double, to end: Double) -> Double {
        var total = 0.0
        for i in 0..<times.count where values[i] != 0 {
            let pieceEnd = i + 1 < times.count ? times[i + 1] : .infinity
            let length = min(end, pieceEnd) - max(start, times[i])
            if length > 0 { total += Double(values[i]) * length }
        }
        return total
    }
}

/// Per-step statistics of a `PowerTimeline`.
public struct StepStatistics: Sendable, Equatable {
    /// Time average over each step.
    public var mean: [Double]
    /// Highest level held within each step.
    public var peak: [Double]
    /// Lowest level held within each step.
    public var trough: [Double]
}
