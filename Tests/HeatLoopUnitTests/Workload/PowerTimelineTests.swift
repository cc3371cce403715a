import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("Power timeline: exact step averages, peaks and troughs")
struct PowerTimelineTests {
    /// A quarter-hour year would be 35 040 steps; a day of them is enough here.
    static let quarterHour = 900.0

    @Test("a 2-minute dip inside a 15-minute step lowers its mean by 2/15 of the dip; peak stays undipped")
    func checkpointShare() {
        // 1024 H100 nodes: P(0.90) = 8 370 W, P(0.15) = 2 895 W (P(u) = 1 800 + 7 300·u W per node).
        // Plateau 1024 × 8 370 = 8 570 880 W; dip depth 1024 × 5 475 = 5 606 400 W for 120 s of 900 s:
        // mean = 8 570 880 − 5 606 400 × 120/900 = 8 570 880 − 747 520 = 7 823 360 W.
        var timeline = PowerTimeline(stepDuration: Self.quarterHour, stepCount: 96, initialLevel: 8_570_880)
        timeline.change(at: 1_980, by: -5_606_400)  // step 2 = [1 800, 2 700) s
        timeline.change(at: 2_100, by: 5_606_400)
        let stats = timeline.stepStatistics()
        #expect(stats.mean[2].isApproximatelyEqual(to: 7_823_360, relativeTolerance: 1e-14))
        #expect(stats.peak[2] == 8_570_880)
        #expect(stats.trough[2] == 8_570_880 - 5_606_400)
        #expect(stats.mean[1] == 8_570_880 && stats.mean[3] == 8_570_880)
        #expect(timeline.means()[2].isApproximatelyEqual(to: 7_823_360, relativeTolerance: 1e-14))
    }

    @Test("a change on a step boundary belongs to the later step; changes before 0 and after the end")
    func boundaries() {
        var timeline = PowerTimeline(stepDuration: 60, stepCount: 10, initialLevel: 5)
        timeline.change(at: -30, by: 1)  // before the year: part of the initial level
        timeline.change(at: 120, by: 4)  // exactly at the start of step 2
        timeline.change(at: 600, by: 100)  // at the end: ignored
        timeline.change(at: .nan, by: 100)  // ignored
        let stats = timeline.stepStatistics()
        #expect(timeline.initialLevel == 6)
        #expect(stats.mean == [6, 6, 10, 10, 10, 10, 10, 10, 10, 10])
        #expect(stats.peak[1] == 6 && stats.peak[2] == 10 && stats.trough[2] == 10)
        #expect(timeline.changeCount == 1)
    }

    @Test("simultaneous changes: a level held for no time is neither peak nor trough")
    func simultaneousChanges() {
        var timeline = PowerTimeline(stepDuration: 60, stepCount: 2, initialLevel: 10)
        timeline.change(at: 30, by: 50)
        timeline.change(at: 30, by: -50)
        timeline.change(at: 30, by: -4)
        let stats = timeline.stepStatistics()
        #expect(stats.peak[0] == 10)
        #expect(stats.trough[0] == 6)
        #expect(stats.mean[0] == 8)  // (10·30 + 6·30)/60
    }

    @Test("unordered changes give the same result as ordered ones; means() agrees with stepStatistics()")
    func orderIndependence() {
        var lcg = TestLCG(seed: 11)
        var changes: [(Double, Double)] = []
        for _ in 0..<2_000 {
            let start = lcg.next(in: 0...86_400), length = lcg.next(in: 0...3_000), level = lcg.next(in: -1e6...1e6)
            changes.append((start, level))
            changes.append((start + length, -level))
        }
        var unordered = PowerTimeline(stepDuration: 300, stepCount: 288, initialLevel: 1e7)
        for (time, delta) in changes { unordered.change(at: time, by: delta) }
        var ordered = PowerTimeline(stepDuration: 300, stepCount: 288, initialLevel: 1e7)
        for (time, delta) in changes.sorted(by: { $0.0 < $1.0 }) { ordered.change(at: time, by: delta) }

        let a = unordered.stepStatistics(), b = ordered.stepStatistics(), means = unordered.means()
        for k in 0..<288 {
            #expect(a.mean[k].isApproximatelyEqual(to: b.mean[k], relativeTolerance: 1e-12))
            #expect(a.mean[k].isApproximatelyEqual(to: means[k], relativeTolerance: 1e-12))
            #expect(a.peak[k].isApproximatelyEqual(to: b.peak[k], relativeTolerance: 1e-12))
            #expect(a.trough[k].isApproximatelyEqual(to: b.trough[k], relativeTolerance: 1e-12))
            #expect(a.trough[k] <= a.mean[k] * (1 + 1e-12) && a.mean[k] <= a.peak[k] * (1 + 1e-12))
        }
        // Energy: Σ mean·Δt equals the integral of the pieces.
        var exact = 1e7 * 86_400
        for (time, delta) in changes where time < 86_400 { exact += delta * (86_400 - time) }
        #expect((a.mean.reduce(0, +) * 300).isApproximatelyEqual(to: exact, relativeTolerance: 1e-9))
    }

    @Test("a crowded step (more changes than the insertion-sort threshold) is sorted correctly")
    func crowdedStep() {
        var timeline = PowerTimeline(stepDuration: 3_600, stepCount: 1)
        // 40 one-second pulses of height 1…40 in reverse order of time; the highest, 40, is first in time.
        for i in 0..<40 {
            let time = Double(3_000 - 60 * i)
            timeline.change(at: time, by: Double(i + 1))
            timeline.change(at: time + 1, by: -Double(i + 1))
        }
        let stats = timeline.stepStatistics()
        #expect(stats.peak[0] == 40)
        #expect(stats.trough[0] == 0)
        #expect(stats.mean[0].isApproximatelyEqual(to: 820.0 / 3_600, relativeTolerance: 1e-12))  // Σ 1…40 = 820
    }

    @Test("Float means for per-job columns")
    func floatMeans() {
        var timeline = PowerTimeline(stepDuration: 60, stepCount: 3)
        timeline.add(1_000, from: 30, to: 150)
        #expect(timeline.floatMeans() == [500, 1_000, 500])
    }
}
