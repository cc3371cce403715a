import Benchmark
import HeatLoop

/// Issue 3's target: a year of a 1,500-node H100 cluster at 1-minute steps with one 1,024-node job
/// (checkpoints every 30 min for 54 days, failures at MTBF 50 000 h) and background jobs filling it to
/// 85 %: ≤ 50 ms.
func workloadBenchmarks() {
    Benchmark(
        "Workload generation (1,500 nodes, 1-min year)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResidentDelta], timeUnits: .milliseconds,
                             warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 50)
    ) { benchmark in
        let schedule = TrainingSchedule(
            jobs: [TrainingJob(name: "pretrain", nodes: 1024, start: 9 * 86_400, duration: 54 * 86_400,
                               checkpointEvery: 1800, checkpointDuration: 120)],
            failures: FailureModel(mtbfPerNode: 50_000 * 3600, restartDuration: 1200),
            background: BackgroundJobs(targetAllocation: 0.85, minNodes: 1, maxNodes: 64, medianHours: 12, sigma: 1,
                                       utilization: 0.7),
            seed: 42)
        let calendar = SimulationCalendar(year: 2025, stepMinutes: 1)
        for _ in benchmark.scaledIterations {
            blackHole(TrainingGenerator.load(schedule: schedule, nodes: 1500, node: NodePreset.h100SXM.node,
                                             downPower: 0, calendar: calendar))
        }
    }
}
