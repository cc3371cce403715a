import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("Training generator: background jobs")
struct TrainingBackgroundTests {
    static let background = BackgroundJobs(targetAllocation: 0.85, minNodes: 1, maxNodes: 64, medianHours: 12, sigma: 1,
                                           utilization: 0.7)
    /// P(0.7) = 1 800 + 7 300 × 0.7 = 6 910 W per node.
    static let backgroundNodePower = 6_910.0

    @Test("time-averaged allocation ≈ target (Little's law arrivals) and never above it")
    func allocationNearTarget() {
        // 1 500 nodes, target 85 % = 1 275 nodes. The scheduler never exceeds the target; fragmentation
        // (jobs up to 64 nodes) and queue-empty spells keep the mean a little below: require ≥ 95 % of it.
        let load = TrainingGenerator.load(schedule: TrainingSchedule(background: Self.background, seed: 9), nodes: 1_500,
                                          node: trainingNode, downPower: 0,
                                          calendar: SimulationCalendar(year: 2025, stepMinutes: 60))
        let job = load.jobs[0]
        let meanNodes = job.gpuHours / 8 / 8_760
        #expect(meanNodes <= 1_275 && meanNodes >= 0.95 * 1_275)
        #expect(job.nodes <= 1_275)  // peak concurrent background nodes
        // Instantaneous check through each step's peak: background nodes = (P − 1 500·P(0)) / (P(0.7) − P(0)).
        let idle = 1_500 * 1_800.0
        let peakNodes = load.peakPower.map { ($0 - idle) / (Self.backgroundNodePower - 1_800) }
        #expect(peakNodes.allSatisfy { $0 <= 1_275 + 1e-6 })
        #expect(abs(peakNodes.max()! - Double(job.nodes)) < 1e-6)
        // Utilisation follows: mean nodes × 0.7 / 1 500.
        let meanUtilization = load.utilization.reduce(0, +) / 8_760
        #expect(meanUtilization.isApproximatelyEqual(to: meanNodes * 0.7 / 1_500, relativeTolerance: 1e-9))
        let summary = load.background
        #expect(summary != nil && summary!.started > 10_000 && summary!.dropped == 0)
    }

    @Test("background jobs fit around a named job and maintenance, under the target, at every step")
    func neverExceedsFreeNodes() {
        // A 1 024-node job without checkpoints (constant 8 370 W per node) on days 30–60, 300 nodes down on
        // days 100–102. Per 5-minute step, from the mean powers: named + background + down ≤ 1 500 and
        // named + background ≤ 1 275 (a mean of an instantaneous bound obeys the bound).
        let named = TrainingJob(name: "llm", nodes: 1_024, start: 30 * trainingDay, duration: 30 * trainingDay)
        let window = MaintenanceWindow(start: 100 * trainingDay, duration: 2 * trainingDay, nodes: 300)
        let schedule = TrainingSchedule(jobs: [named], background: Self.background, maintenance: [window], seed: 4)
        let load = TrainingGenerator.load(schedule: schedule, nodes: 1_500, node: trainingNode, downPower: 0,
                                          calendar: SimulationCalendar(year: 2025, stepMinutes: 5))
        let namedNodes = load.jobs[0].stepPower.map { Double($0) / 8_370 }
        let backgroundNodes = load.jobs[1].stepPower.map { Double($0) / Self.backgroundNodePower }
        var withinFree = true, withinTarget = true
        for k in namedNodes.indices {
            let down = (28_800..<29_376).contains(k) ? 300.0 : 0  // days 100–102 in 5-minute steps
            withinFree = withinFree && namedNodes[k] + backgroundNodes[k] + down <= 1_500 * (1 + 1e-6)
            withinTarget = withinTarget && namedNodes[k] + backgroundNodes[k] <= 1_275 * (1 + 1e-6)
        }
        #expect(withinFree && withinTarget)
        // The named job was never delayed by background jobs.
        #expect(load.jobs[0].start == 30 * trainingDay && load.jobs[0].end == 60 * trainingDay)
        // While it runs, background jobs fill most of the 251 nodes left under the target.
        let during = backgroundNodes[(35 * 288)..<(55 * 288)].reduce(0, +) / Double(20 * 288)
        #expect(during > 0.8 * 251 && during <= 251)
    }

    @Test("given arrival rate: mean allocation ≈ λ·E[n]·E[d] well below the target")
    func givenArrivalRate() {
        // λ = 1 job/h; sizes log-uniform 1…64: E[n] = Σ k·ln((k+1)/k) / ln 65 = 14.8507; durations
        // log-normal, median 12 h, σ = 1: E[d] = 12 h · e^0.5 = 19.785 h. Offered load 293.8 nodes.
        var spec = Self.background
        spec.arrivalsPerHour = 1
        let offered = 1 * 14.850_703_057_129_01 * 12 * 1.648_721_270_700_128_2
        let load = TrainingGenerator.load(schedule: TrainingSchedule(background: spec, seed: 21), nodes: 1_500,
                                          node: trainingNode, downPower: 0,
                                          calendar: SimulationCalendar(year: 2025, stepMinutes: 60))
        let meanNodes = load.jobs[0].gpuHours / 8 / 8_760
        // The year-mean occupancy has a standard error of ≈ 5 nodes (≈ 440 independent 20-hour spells of
        // an occupancy with σ ≈ 100 nodes); allow 10 %.
        #expect(abs(meanNodes - offered) < 0.1 * offered)
        #expect(load.background?.dropped == 0)
    }

    @Test("meanHours sets the median from the log-normal mean")
    func meanHours() {
        var spec = Self.background
        spec.meanHours = 12 * 1.648_721_270_700_128_2  // e^(σ²/2), σ = 1
        #expect(spec.medianHours.isApproximatelyEqual(to: 12, relativeTolerance: 1e-12))
    }
}
