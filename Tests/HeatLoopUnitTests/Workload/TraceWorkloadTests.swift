import HeatLoop
import HeatLoopTestSupport
import Testing

/// Seconds in the simulated 365-day year.
private let year = 365.0 * 86_400

private func calendar(_ stepMinutes: Int) -> SimulationCalendar {
    SimulationCalendar(year: 2025, stepMinutes: stepMinutes)
}

private func utilization(_ values: [Double], interval: Double, start: Double = 0) -> RegularTrace {
    RegularTrace(quantity: .utilization, interval: interval, start: start, values: values)
}

/// The placement documented on `RegularTrace`, evaluated directly at time of year `t` (s):
/// `τ = t − s + (t < σ ? Y : 0)`, value `values[⌊(τ mod L)/interval⌋]`.
private func referenceValue(_ trace: RegularTrace, at t: Double) -> Double {
    let period = Double(trace.values.count) * trace.interval
    var start = trace.start.truncatingRemainder(dividingBy: year)
    if start < 0 { start += year }
    let seam = min(start, max(0, start + period - year))
    let tau = t - start + (t < seam ? year : 0)
    var phase = tau.truncatingRemainder(dividingBy: period)
    if phase < 0 { phase += period }
    return trace.values[Int(phase / trace.interval)]
}

/// Step means and peaks from `referenceValue` minute by minute: exact when every sample boundary falls
/// on a whole minute (whole-minute `start` and `interval`).
private func reference(_ trace: RegularTrace, stepMinutes: Int) -> (means: [Double], peaks: [Double]) {
    let steps = calendar(stepMinutes).stepCount
    var means = [Double](repeating: 0, count: steps), peaks = [Double](repeating: -.infinity, count: steps)
    for minute in 0..<(steps * stepMinutes) {
        let value = referenceValue(trace, at: Double(minute) * 60)
        means[minute / stepMinutes] += value / Double(stepMinutes)
        peaks[minute / stepMinutes] = max(peaks[minute / stepMinutes], value)
    }
    return (means, peaks)
}

/// Values that make misplaced samples visible: distinct, in [0, 1).
private func distinctValues(_ count: Int, seed: UInt64) -> [Double] {
    var random = TestLCG(seed: seed)
    return (0..<count).map { _ in random.next() }
}

@Suite("Trace workload")
struct TraceWorkloadTests {
    @Test("samples shorter than the step: the step mean is the mean of its samples")
    func shorterSamples() {
        // One day of 1-min samples, tiled over the year; 15-min steps hold 15 samples each.
        let values = distinctValues(1440, seed: 1)
        let means = utilization(values, interval: 60).stepMeans(calendar: calendar(15))
        #expect(means.count == 35_040)
        for step in [0, 1, 37, 95, 96, 200, 35_039] {
            let first = (step * 15) % 1440
            let expected = values[first..<first + 15].reduce(0, +) / 15
            #expect(means[step].isApproximatelyEqual(to: expected, relativeTolerance: 1e-14))
        }
    }

    @Test("samples as long as the step, aligned: each step is its sample")
    func equalSamples() {
        let values = distinctValues(96, seed: 2)
        let means = utilization(values, interval: 900).stepMeans(calendar: calendar(15))
        for step in means.indices { #expect(means[step] == values[step % 96]) }
    }

    @Test("a sample straddling a step boundary counts in both steps by its overlap")
    func straddlingSample() {
        // 15-min samples starting at 00:05: step [00:00, 00:15) holds 5 min of the last sample (the copy
        // before the first) and 10 min of the first; step [00:15, 00:30) 5 min of sample 0, 10 of sample 1.
        let values = distinctValues(96, seed: 3)
        let means = utilization(values, interval: 900, start: 300).stepMeans(calendar: calendar(15))
        #expect(means[0].isApproximatelyEqual(to: (300 * values[95] + 600 * values[0]) / 900))
        #expect(means[1].isApproximatelyEqual(to: (300 * values[0] + 600 * values[1]) / 900))

        // 7-min samples on 5-min steps: step [5, 10) min holds 2 min of sample 0 and 3 of sample 1.
        let seven = utilization(distinctValues(10, seed: 4), interval: 420).stepMeans(calendar: calendar(5))
        let v = utilization(distinctValues(10, seed: 4), interval: 420).values
        #expect(seven[0] == v[0])
        #expect(seven[1].isApproximatelyEqual(to: (2 * v[0] + 3 * v[1]) / 5))
        #expect(seven[2].isApproximatelyEqual(to: (4 * v[1] + 1 * v[2]) / 5))
    }

    @Test("samples longer than the step: each step takes its sample, or the weighted mean of two")
    func longerSamples() {
        let values = distinctValues(24, seed: 5)
        // Hourly samples on the hour, 15-min steps: four equal steps per sample.
        let aligned = utilization(values, interval: 3600).stepMeans(calendar: calendar(15))
        for step in 0..<(96 * 3) { #expect(aligned[step] == values[(step / 4) % 24]) }
        // Hourly samples starting at hh:30, hourly steps: half of each neighbour.
        let shifted = utilization(values, interval: 3600, start: 1800).stepMeans(calendar: calendar(60))
        #expect(shifted[0].isApproximatelyEqual(to: (values[23] + values[0]) / 2))
        for hour in 1..<48 {
            #expect(shifted[hour].isApproximatelyEqual(to: (values[(hour - 1) % 24] + values[hour % 24]) / 2))
        }
        // A 90-min sample on 60-min steps: 30 min of it spill into the next hour.
        let ninety = utilization([0.2, 0.8], interval: 5400).stepMeans(calendar: calendar(60))
        #expect(ninety[0] == 0.2)
        #expect(ninety[1].isApproximatelyEqual(to: (30 * 0.2 + 30 * 0.8) / 60))
        #expect(ninety[2] == 0.8)
        #expect(ninety[3] == 0.2)
    }

    @Test("a one-week trace repeats week after week, its weekdays in step all year")
    func weeklyTiling() {
        // Hourly samples numbered by hour of the week, starting Monday 2025-01-06 00:00 (day 5).
        let values = (0..<168).map { Double($0) }
        let means = utilization(values, interval: 3600, start: 5 * 86_400).stepMeans(calendar: calendar(60))
        for hour in means.indices {
            let expected = ((hour - 5 * 24) % 168 + 168) % 168
            #expect(means[hour] == Double(expected))
        }
        // 2025-01-01 is a Wednesday: it gets the trace's Wednesday (its day 2), by the copy before it.
        #expect(means[0] == 48)
        // 2025-12-31 00:00 (Wednesday, day 364) too.
        #expect(means[364 * 24] == 48)
    }

    @Test("a trace running past 31 December continues on 1 January")
    func yearEndWrap() {
        // Two weeks of hourly samples from 25 December (day 358) 00:00: 7 days in December, 7 in January.
        let values = (0..<336).map { Double($0) }
        let trace = utilization(values, interval: 3600, start: 358 * 86_400)
        let means = trace.stepMeans(calendar: calendar(60))
        for hour in 0..<(7 * 24) { #expect(means[hour] == Double(7 * 24 + hour)) }  // its January samples
        for hour in (358 * 24)..<(365 * 24) { #expect(means[hour] == Double(hour - 358 * 24)) }
        // Between them the copies count back from 25 December; they are cut at 8 January 00:00.
        let expected = reference(trace, stepMinutes: 60).means
        #expect(means[7 * 24] == Double((7 * 24 - 358 * 24) % 336 + 336))  // τ = −8424 h ≡ 312 h
        #expect(means.indices.allSatisfy { abs(means[$0] - expected[$0]) < 1e-9 })
    }

    @Test("a one-year trace starting mid-year wraps: every sample at its own time of year")
    func fullYearWrap() {
        let values = distinctValues(8760, seed: 6)
        let start = 4000 * 3600.0
        let means = utilization(values, interval: 3600, start: start).stepMeans(calendar: calendar(60))
        for hour in means.indices { #expect(means[hour] == values[(hour - 4000 + 8760) % 8760]) }
    }

    @Test(
        "matches the documented placement for irregular combinations",
        arguments: [
            (interval: 60.0, count: 997, start: 86_460.0, step: 15),
            (interval: 420, count: 50, start: 31_535_580, step: 5),  // last minute of the year
            (interval: 780, count: 2017, start: 12_300_000, step: 20),
            (interval: 3600, count: 8000, start: 30_000_000, step: 1),  // wraps
            (interval: 5400, count: 3, start: 60, step: 60),
            (interval: 86_400, count: 400, start: 3_600, step: 30),  // longer than a year: first year used
            (interval: 600, count: 52_560, start: -1_200, step: 12),  // a full year, negative start
        ])
    func matchesReference(interval: Double, count: Int, start: Double, step: Int) {
        let trace = utilization(distinctValues(count, seed: UInt64(count)), interval: interval, start: start)
        let expected = reference(trace, stepMinutes: step)
        let means = trace.stepMeans(calendar: calendar(step)), peaks = trace.stepPeaks(calendar: calendar(step))
        #expect(means.count == expected.means.count)
        var worstMean = 0.0
        for index in means.indices { worstMean = max(worstMean, abs(means[index] - expected.means[index])) }
        #expect(worstMean < 1e-12)
        #expect(peaks == expected.peaks)
    }

    @Test("energy is conserved: Σ step mean · Δt = Σ value · interval for a one-year trace", arguments: [1, 4, 15, 60])
    func energyConservation(stepMinutes: Int) {
        // Ten-minute power samples over exactly one year, starting at an odd second.
        var random = TestLCG(seed: 7)
        let values = (0..<52_560).map { _ in random.next(in: 0...2000) }
        let trace = RegularTrace(quantity: .powerKilowatts, interval: 600, start: 12_345, values: values)
        let means = trace.stepMeans(calendar: calendar(stepMinutes))
        let stepSeconds = Double(stepMinutes) * 60
        let simulated = means.reduce(0) { $0 + $1 * stepSeconds }
        let measured = values.reduce(0) { $0 + $1 * 600 }
        #expect(simulated.isApproximatelyEqual(to: measured, relativeTolerance: 1e-12))
    }

    @Test("a tiled trace's energy is its copies' energy: 52 weeks and one day")
    func tiledEnergy() {
        // A week starting on 1 January: 52 whole copies, then the first day of a 53rd.
        let values = distinctValues(7 * 288, seed: 8)
        let means = utilization(values, interval: 300).stepMeans(calendar: calendar(15))
        let total = means.reduce(0) { $0 + $1 * 900 }
        let week = values.reduce(0) { $0 + $1 * 300 }, firstDay = values[0..<288].reduce(0) { $0 + $1 * 300 }
        #expect(total.isApproximatelyEqual(to: 52 * week + firstDay, relativeTolerance: 1e-12))
    }

    @Test("step peaks: the largest sample overlapping the step, not one that merely touches it")
    func peaks() {
        // A 1-min spike inside the first 15-min step lifts its peak, and its mean by a fifteenth.
        var values = [Double](repeating: 0.5, count: 1440)
        values[7] = 0.95
        let trace = utilization(values, interval: 60)
        #expect(trace.stepPeaks(calendar: calendar(15))[0] == 0.95)
        #expect(trace.stepPeaks(calendar: calendar(15))[1] == 0.5)
        #expect(trace.stepMeans(calendar: calendar(15))[0].isApproximatelyEqual(to: 0.5 + 0.45 / 15))
        // Hourly samples: each 15-min step's peak is its hour's sample; a straddled step the larger one.
        let hourly = utilization([0.3, 0.9], interval: 3600)
        #expect(Array(hourly.stepPeaks(calendar: calendar(15))[0..<8]) == [0.3, 0.3, 0.3, 0.3, 0.9, 0.9, 0.9, 0.9])
        let straddled = utilization([0.3, 0.9], interval: 3600, start: 1800)
        #expect(Array(straddled.stepPeaks(calendar: calendar(60))[0..<3]) == [0.9, 0.9, 0.9])
        #expect(Array(straddled.stepPeaks(calendar: calendar(30))[0..<4]) == [0.9, 0.3, 0.3, 0.9])
    }

    @Test("unusable traces give all-zero series and never trap")
    func unusable() {
        for trace in [
            utilization([], interval: 60),
            utilization([0.5], interval: 0),
            utilization([0.5], interval: 0.5),
            utilization([0.5], interval: .nan),
            utilization([0.5], interval: .infinity),
        ] {
            #expect(trace.stepMeans(calendar: calendar(60)) == [Double](repeating: 0, count: 8760))
            #expect(trace.stepPeaks(calendar: calendar(60)) == [Double](repeating: 0, count: 8760))
        }
        // A non-finite start counts as 0; a single sample holds all year.
        let single = utilization([0.4], interval: 3600, start: .nan)
        #expect(single.stepMeans(calendar: calendar(60)) == [Double](repeating: 0.4, count: 8760))
    }
}
