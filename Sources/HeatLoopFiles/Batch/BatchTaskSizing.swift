/// How many array tasks (or indexed-job completions) a batch is split into for a cluster, when the user
/// does not say: enough that each task runs at least `minimumSeconds` on its cores, since every task
/// pays the scheduler's start-up and its own input loading (seconds), so tasks of a few seconds would
/// spend a large share of their allocation on overhead; at most one task per `coresPerTask` scenarios
/// (so each task keeps its cores busy) and at most 1,000 (Slurm's usual `MaxArraySize` is 1,001).
public struct BatchTaskSizing: Sendable, Equatable {
    /// Cores each task runs on (its scenarios run that many at a time).
    public var coresPerTask: Int
    /// The shortest run a task should have (s).
    public var minimumSeconds: Double = 300
    /// Estimated CPU time of one scenario per simulated step (s): measured with the release build on the
    /// project's machine, ≈ 18 ms for an hourly site-year (8,760 steps) with its result file and ≈ 1 s
    /// for a 1-min year (525,600 steps). Rough on purpose: it only sizes tasks.
    public var secondsPerStep: Double = 2e-6
    public static let maximumTasks = 1000

    public init(coresPerTask: Int) { self.coresPerTask = max(1, coresPerTask) }

    /// The task count for scenarios of `steps` simulated steps each (≥ 1).
    public func tasks(steps: [Int]) -> Int {
        let cpuSeconds = steps.reduce(0.0) { $0 + Double($1) * secondsPerStep }
        let byDuration = Int((cpuSeconds / (Double(coresPerTask) * minimumSeconds)).rounded(.down))
        return max(1, min(byDuration, steps.count / coresPerTask, Self.maximumTasks))
    }

    /// The task count for `plan`.
    public func tasks(for plan: BatchPlan) -> Int {
        tasks(steps: plan.scenarios.map { $0.siteInput().site.calendar.stepCount })
    }
}
