import HeatLoop
import HeatLoopTestSupport
import Testing

/// DGX H100-class node of DESIGN §3.2: P(u) = 1 800 + 7 300·u W (base 1.2–3.5 kW, 8 GPUs 75–700 W).
let trainingNode = NodePower(gpus: 8, gpuIdle: Watts(75), gpuMax: Watts(700), baseIdle: Watts(1_200),
                             baseMax: Watts(3_500), curve: .linear)
let trainingDay = 86_400.0

@Suite("Training generator: named jobs, checkpoints, failures, maintenance")
struct TrainingGeneratorTests {
    // P(0.90) = 8 370 W, P(0.15) = 2 895 W, idle 1 800 W; a 1 024-node dip is 1 024 × 5 475 = 5 606 400 W.
    static let plateau1024 = 1_024 * 8_370.0
    static let depth1024 = 1_024 * 5_475.0

    static func llm(start: Double, days: Double, nodes: Int = 1_024) -> TrainingJob {
        TrainingJob(name: "llm", nodes: nodes, start: start, duration: days * trainingDay, utilization: 0.90,
                    checkpointEvery: 1_800, checkpointDuration: 120, checkpointUtilization: 0.15)
    }

    static func calendar(_ minutes: Int) -> SimulationCalendar { SimulationCalendar(year: 2025, stepMinutes: minutes) }

    @Test("a 2-minute checkpoint inside a 15-minute step lowers its mean by exactly its share")
    func checkpointInQuarterHour() {
        // Job on all 1 024 nodes from day 1 + 300 s. Checkpoints start every 1 800 s of training, i.e.
        // after 1 680 s of work: the first at 86 400 + 300 + 1 680 = 88 380 s, inside step 98 = [88 200, 89 100).
        let schedule = TrainingSchedule(jobs: [Self.llm(start: trainingDay + 300, days: 2)], seed: 1)
        let load = TrainingGenerator.load(schedule: schedule, nodes: 1_024, node: trainingNode, downPower: 0,
                                          calendar: Self.calendar(15))
        // 8 570 880 − 5 606 400 × 120/900 = 8 570 880 − 747 520 = 7 823 360 W.
        #expect(load.meanPower[98].isApproximatelyEqual(to: 7_823_360, relativeTolerance: 1e-12))
        #expect(load.peakPower[98].isApproximatelyEqual(to: Self.plateau1024, relativeTolerance: 1e-12))
        #expect(load.troughPower[98].isApproximatelyEqual(to: Self.plateau1024 - Self.depth1024, relativeTolerance: 1e-12))
        #expect(load.meanPower[97].isApproximatelyEqual(to: Self.plateau1024, relativeTolerance: 1e-12))
        // Step 96 = [86 400, 87 300): idle 300 s, then training: (1 843 200·300 + 8 570 880·600)/900 = 6 328 320 W.
        #expect(load.meanPower[96].isApproximatelyEqual(to: 6_328_320, relativeTolerance: 1e-12))
        #expect(load.meanPower[95] == 1_024 * 1_800)
        // Utilisation in step 98: (780 s at 0.90 + 120 s at 0.15)/900 = 0.8.
        #expect(load.utilization[98].isApproximatelyEqual(to: 0.8, relativeTolerance: 1e-12))
    }

    @Test("1 024-node job: dips with the checkpoint period and depth; 15-min steps keep the swing")
    func periodicDips() {
        // 1 500 nodes, the job on 1 024 from day 1 for 54 days of work; no failures.
        // Plateau 476 × 1 800 + 1 024 × 8 370 = 9 427 680 W; dip 9 427 680 − 5 606 400 = 3 821 280 W.
        let schedule = TrainingSchedule(jobs: [Self.llm(start: trainingDay, days: 54)], seed: 1)
        let minute = TrainingGenerator.load(schedule: schedule, nodes: 1_500, node: trainingNode, downPower: 0,
                                            calendar: Self.calendar(1))
        let job = minute.jobs[0]
        // 2 777 checkpoints (2 777 × 1 680 s < 54 d ≤ 2 778 × 1 680 s): end = start + 4 665 600 + 2 777 × 120 s.
        #expect(job.completed)
        #expect(job.end == trainingDay + 4_665_600 + 2_777 * 120)
        let first = 1_440, last = Int(job.end / 60)  // minute steps of the job
        let plateau = 9_427_680.0, dip = plateau - Self.depth1024
        var dipStarts: [Int] = []
        var levelsOK = true
        for k in first..<last {
            let mean = minute.meanPower[k]
            let isDip = mean < plateau - Self.depth1024 / 2
            levelsOK = levelsOK && mean.isApproximatelyEqual(to: isDip ? dip : plateau, relativeTolerance: 1e-9)
            if isDip, minute.meanPower[k - 1] > plateau - Self.depth1024 / 2 { dipStarts.append(k) }
        }
        #expect(levelsOK)
        #expect(dipStarts.count == 2_777)
        #expect(dipStarts.first == first + 28)  // 1 680 s of work, then the 2-minute checkpoint
        #expect(zip(dipStarts, dipStarts.dropFirst()).allSatisfy { $1 - $0 == 30 })  // period = checkpoint interval
        let minuteSwing = minute.meanPower[first..<last].max()! - minute.meanPower[first..<last].min()!
        #expect(minuteSwing.isApproximatelyEqual(to: Self.depth1024, relativeTolerance: 1e-9))

        // At 15-minute steps the mean is flattened (dip × 2/15) but peak and trough keep the swing.
        let quarter = TrainingGenerator.load(schedule: schedule, nodes: 1_500, node: trainingNode, downPower: 0,
                                             calendar: Self.calendar(15))
        let inside = (first / 15 + 1)..<(last / 15 - 1)
        let meanSwing = quarter.meanPower[inside].max()! - quarter.meanPower[inside].min()!
        let swing = quarter.peakPower[inside].max()! - quarter.troughPower[inside].min()!
        #expect(meanSwing.isApproximatelyEqual(to: Self.depth1024 * 2 / 15, relativeTolerance: 1e-9))
        #expect(swing.isApproximatelyEqual(to: minuteSwing, relativeTolerance: 1e-9))
        #expect(quarter.peakPower[inside].allSatisfy { $0.isApproximatelyEqual(to: plateau, relativeTolerance: 1e-12) })
    }

    @Test("evaluations and checkpoints extend the wall time by their durations")
    func evaluationsAndCheckpoints() {
        // 1 day of work; checkpoints after every 1 680 s of work (51 below 86 400 s), evaluations every
        // 6 h lasting 10 min, i.e. after every 20 400 s of work (4 below 86 400 s); no shared points.
        var job = Self.llm(start: 3 * trainingDay, days: 1, nodes: 64)
        job.evaluationEvery = 6 * 3_600
        job.evaluationDuration = 600
        job.evaluationUtilization = 0.5
        let load = TrainingGenerator.load(schedule: TrainingSchedule(jobs: [job]), nodes: 100, node: trainingNode,
                                          downPower: 0, calendar: Self.calendar(60))
        let result = load.jobs[0]
        let wall: Double = 86_400 + 51 * 120 + 4 * 600  // 94 920 s
        #expect(result.end == 3 * trainingDay + wall)
        #expect(result.gpuHours.isApproximatelyEqual(to: 64 * 8 * wall / 3_600, relativeTolerance: 1e-12))
        // Energy: 64 nodes × (86 400 s × 8 370 + 6 120 s × 2 895 + 2 400 s × P(0.5) = 5 450 W).
        let perNode: Double = 86_400 * 8_370 + 6_120 * 2_895 + 2_400 * 5_450
        let energy = 64 * perNode
        #expect(result.energy.isApproximatelyEqual(to: energy, relativeTolerance: 1e-12))
        #expect(result.interruptions == 0 && result.lostWorkHours == 0)
    }

    @Test("failures of a whole-year 1 024-node job follow the MTBF (Poisson bounds)")
    func failureStatistics() {
        // Rate n/MTBF while the nodes are held (all year, restarts included): λ = 1 024 × 8 760 h / 50 000 h
        // = 179.40 failures; σ = √λ = 13.39. One seed: within λ ± 5σ = [112.4, 246.4].
        // 20 seeds: their mean within λ ± 3σ/√20 = λ ± 8.99.
        let expected = 1_024 * 8_760 / 50_000.0, sigma = expected.squareRoot()
        var job = Self.llm(start: 0, days: 400)
        job.checkpointEvery = 3 * 3_600
        var total = 0
        for seed in 1...20 {
            let schedule = TrainingSchedule(jobs: [job], failures: FailureModel(mtbfPerNode: 50_000 * 3_600, restartDuration: 1_200),
                                            seed: UInt64(seed))
            let result = TrainingGenerator.load(schedule: schedule, nodes: 1_024, node: trainingNode, downPower: 0,
                                                calendar: Self.calendar(60)).jobs[0]
            #expect(abs(Double(result.interruptions) - expected) <= 5 * sigma)
            // Each failure loses at most the work between two checkpoints (3 h − 2 min).
            #expect(result.lostWorkHours <= Double(result.interruptions) * (3 - 2.0 / 60) + 1e-9)
            #expect(result.lostWorkHours > 0)
            #expect(!result.completed && result.end == 365 * trainingDay)
            total += result.interruptions
        }
        #expect(abs(Double(total) / 20 - expected) <= 3 * sigma / 20.0.squareRoot())
    }

    @Test("failures make the job end later by at least the lost work and the restarts")
    func failuresDelayCompletion() {
        let job = Self.llm(start: trainingDay, days: 20)
        let failures = FailureModel(mtbfPerNode: 50_000 * 3_600, restartDuration: 1_200)
        let calendar = Self.calendar(15)
        let clean = TrainingGenerator.load(schedule: TrainingSchedule(jobs: [job], seed: 3), nodes: 1_100,
                                           node: trainingNode, downPower: 0, calendar: calendar).jobs[0]
        let failing = TrainingGenerator.load(schedule: TrainingSchedule(jobs: [job], failures: failures, seed: 3),
                                             nodes: 1_100, node: trainingNode, downPower: 0, calendar: calendar).jobs[0]
        #expect(failing.interruptions > 0 && failing.completed)
        let delay = failing.end - clean.end
        #expect(delay >= failing.lostWorkHours * 3_600 + Double(failing.interruptions) * 1_200 - 1e-6)
    }

    @Test("same seed → bit-identical series; another seed → different")
    func determinism() {
        let schedule = TrainingSchedule(
            jobs: [Self.llm(start: 5 * trainingDay, days: 30)], failures: FailureModel(mtbfPerNode: 50_000 * 3_600, restartDuration: 1_200),
            background: BackgroundJobs(targetAllocation: 0.85, minNodes: 1, maxNodes: 64, medianHours: 12, sigma: 1, utilization: 0.7),
            maintenance: [MaintenanceWindow(start: 100 * trainingDay, duration: 8 * 3_600, nodes: 200)], seed: 42)
        let calendar = Self.calendar(60)
        let a = TrainingGenerator.load(schedule: schedule, nodes: 1_500, node: trainingNode, downPower: 30, calendar: calendar)
        let b = TrainingGenerator.load(schedule: schedule, nodes: 1_500, node: trainingNode, downPower: 30, calendar: calendar)
        var other = schedule
        other.seed = 43
        let c = TrainingGenerator.load(schedule: other, nodes: 1_500, node: trainingNode, downPower: 30, calendar: calendar)
        #expect(a.meanPower == b.meanPower && a.peakPower == b.peakPower && a == b)
        #expect(a.meanPower != c.meanPower && a.peakPower != c.peakPower)
    }

    @Test("energy is conserved: Σ mean power·Δt = job energies + idle + down (1e-9)")
    func energyConservation() {
        var second = Self.llm(start: 200 * trainingDay, days: 30, nodes: 600)
        second.name = "second"
        second.evaluationEvery = 4 * 3_600
        second.evaluationDuration = 900
        let schedule = TrainingSchedule(
            jobs: [Self.llm(start: 20 * trainingDay, days: 60, nodes: 900), second],
            failures: FailureModel(mtbfPerNode: 20_000 * 3_600, restartDuration: 1_800),
            background: BackgroundJobs(targetAllocation: 0.9, minNodes: 2, maxNodes: 128, medianHours: 6, sigma: 1.2, utilization: 0.6),
            maintenance: [MaintenanceWindow(start: 50 * trainingDay + 1_234, duration: 10 * 3_600),
                          MaintenanceWindow(start: 210 * trainingDay, duration: 3 * trainingDay, nodes: 700)],
            seed: 5)
        let calendar = Self.calendar(15)
        let load = TrainingGenerator.load(schedule: schedule, nodes: 1_500, node: trainingNode, downPower: 40, calendar: calendar)
        let integral = load.meanPower.reduce(0, +) * 900
        let pieces = load.jobs.reduce(0) { $0 + $1.energy } + load.idleEnergy + load.downEnergy
        #expect(integral.isApproximatelyEqual(to: pieces, relativeTolerance: 1e-9))
        #expect(load.downEnergy > 0 && load.jobs.count == 3 && load.jobs[2].name == "background")
        for job in load.jobs {  // per-job columns (Float) carry the same energy
            let columnEnergy = job.stepPower.reduce(0.0) { $0 + Double($1) } * 900
            #expect(columnEnergy.isApproximatelyEqual(to: job.energy, relativeTolerance: 1e-6))
        }
        #expect(load.meanPower.indices.allSatisfy { load.troughPower[$0] <= load.meanPower[$0] * (1 + 1e-12) && load.meanPower[$0] <= load.peakPower[$0] * (1 + 1e-12) })
    }

    @Test("maintenance takes nodes down (down power) and pauses a job that no longer fits")
    func maintenance() {
        // 100 nodes, a job on 80 from day 1 for 2 days of work; on day 2 00:00 30 nodes go down for 8 h:
        // 70 < 80 left, so the job pauses (no work lost) and ends 8 h late. A whole-cluster window on day 10
        // 08:00–16:00; a 30-node window on day 20 from 12:07 for 1 h.
        let job = TrainingJob(name: "job", nodes: 80, start: trainingDay, duration: 2 * trainingDay)
        let schedule = TrainingSchedule(jobs: [job], maintenance: [
            MaintenanceWindow(start: 2 * trainingDay, duration: 8 * 3_600, nodes: 30),
            MaintenanceWindow(start: 10 * trainingDay + 8 * 3_600, duration: 8 * 3_600),
            MaintenanceWindow(start: 20 * trainingDay + 12 * 3_600 + 7 * 60, duration: 3_600, nodes: 30),
        ])
        let load = TrainingGenerator.load(schedule: schedule, nodes: 100, node: trainingNode, downPower: 50,
                                          calendar: Self.calendar(60))
        let result = load.jobs[0]
        #expect(result.completed && result.end == 3 * trainingDay + 8 * 3_600 && result.interruptions == 0)
        #expect(result.gpuHours.isApproximatelyEqual(to: 80 * 8 * 48, relativeTolerance: 1e-12))
        // During the pause: 30 down + 70 idle; utilisation 0.
        let paused: Double = 30 * 50 + 70 * 1_800, running: Double = 80 * 8_370 + 20 * 1_800
        #expect(load.meanPower[48 + 3] == paused)
        #expect(load.utilization[48 + 3] == 0)
        #expect(load.meanPower[47] == running)  // before: 80 training + 20 idle
        // Whole cluster down, hours 08–15 of day 10.
        let allDown: Double = 100 * 50, allIdle: Double = 100 * 1_800
        #expect((248..<256).allSatisfy { load.meanPower[$0] == allDown })
        #expect(load.meanPower[247] == allIdle && load.meanPower[256] == allIdle)
        // Partial window: 53 min in hour 12, 7 min in hour 13 of day 20 (30 nodes × (50 − 1 800) W).
        let drop: Double = 30 * 1_750
        #expect(load.meanPower[492].isApproximatelyEqual(to: allIdle - drop * 53 / 60, relativeTolerance: 1e-12))
        #expect(load.meanPower[493].isApproximatelyEqual(to: allIdle - drop * 7 / 60, relativeTolerance: 1e-12))
        let downNodeHours: Double = 30 * 8 + 100 * 8 + 30 * 1
        #expect(load.downEnergy.isApproximatelyEqual(to: 50 * downNodeHours * 3_600, relativeTolerance: 1e-12))
    }

    @Test("a named job waits for the nodes of an earlier one")
    func namedJobsQueue() {
        let first = TrainingJob(name: "a", nodes: 600, start: trainingDay, duration: 5 * trainingDay)
        let second = TrainingJob(name: "b", nodes: 600, start: 2 * trainingDay, duration: 5 * trainingDay)
        let load = TrainingGenerator.load(schedule: TrainingSchedule(jobs: [first, second]), nodes: 1_000,
                                          node: trainingNode, downPower: 0, calendar: Self.calendar(60))
        #expect(load.jobs[0].end == 6 * trainingDay)
        #expect(load.jobs[1].start == 6 * trainingDay && load.jobs[1].end == 11 * trainingDay)
    }

    @Test("invalid or extreme inputs neither trap nor hang")
    func robustness() {
        var nanJob = TrainingJob(name: "nan", nodes: 10, start: .nan, duration: .nan)
        nanJob.utilization = .nan
        let jobs = [
            TrainingJob(name: "zero work", nodes: 10, start: trainingDay, duration: 0, evaluationEvery: 1e-9, evaluationDuration: .nan),
            TrainingJob(name: "too big", nodes: 5_000, start: -10 * trainingDay, duration: .infinity, checkpointEvery: 0,
                        checkpointDuration: -5),
            TrainingJob(name: "negative", nodes: -3, start: trainingDay, duration: trainingDay),
            nanJob,
            TrainingJob(name: "late", nodes: 10, start: 400 * trainingDay, duration: trainingDay),
        ]
        let schedule = TrainingSchedule(
            jobs: jobs,
            background: BackgroundJobs(targetAllocation: 7, minNodes: 90, maxNodes: 3, medianHours: 1, sigma: -1, utilization: 2,
                                       arrivalsPerHour: 2),
            maintenance: [MaintenanceWindow(start: .nan, duration: 1), MaintenanceWindow(start: 3 * trainingDay, duration: -1),
                          MaintenanceWindow(start: 5 * trainingDay, duration: trainingDay, nodes: 1_000),
                          MaintenanceWindow(start: 5 * trainingDay, duration: trainingDay, nodes: 7)],
            seed: .max)
        let load = TrainingGenerator.load(schedule: schedule, nodes: 50, node: trainingNode, downPower: .nan,
                                          calendar: Self.calendar(60))
        #expect(load.meanPower.count == 8_760 && load.jobs.count == 6)
        #expect(load.meanPower.allSatisfy(\.isFinite) && load.peakPower.allSatisfy(\.isFinite))
        #expect(load.jobs[0].completed && load.jobs[0].end == trainingDay)
        #expect(load.jobs[1].nodes == 50 && load.jobs[1].start == -10 * trainingDay && !load.jobs[1].completed)
        #expect(load.jobs[2].nodes == 0)
        #expect(load.jobs[3].start == 365 * trainingDay && !load.jobs[3].completed)
        #expect(load.jobs[4].start == 365 * trainingDay && !load.jobs[4].completed)
        // The 50-node job holds the cluster except in the maintenance day: nothing left for background jobs.
        #expect(load.jobs[5].energy == 0)

        // A per-node MTBF of 0 is floored at one failure a minute per job: a job 2.4 h before the year's end
        // fails at most a few hundred times and never completes (restarts from scratch: no checkpoints).
        let failing = TrainingSchedule(jobs: [TrainingJob(name: "f", nodes: 10, start: 364.9 * trainingDay, duration: trainingDay)],
                                       failures: FailureModel(mtbfPerNode: 0, restartDuration: .nan))
        let failed = TrainingGenerator.load(schedule: failing, nodes: 50, node: trainingNode, downPower: 0,
                                            calendar: Self.calendar(60)).jobs[0]
        #expect(failed.interruptions > 100 && failed.interruptions < 250 && !failed.completed)

        let empty = TrainingGenerator.load(schedule: schedule, nodes: 0, node: trainingNode, downPower: 10,
                                           calendar: Self.calendar(60))
        #expect(empty.meanPower.allSatisfy { $0 == 0 })
    }
}
