import Foundation

/// Power and allocation of one job over the simulated year.
public struct JobLoad: Sendable, Equatable {
    public var name: String
    /// Nodes the job held (named jobs: after capping at the cluster size; background: the largest
    /// number of nodes background jobs held at once).
    public var nodes: Int
    /// Energy of the job's nodes (IT level, at the node plugs), J: exact integral over the year.
    public var energy: Double
    /// Mean power of the job's nodes per step, W.
    public var stepPower: [Float]
    /// Nodes × GPUs per node × hours the nodes were allocated (training, checkpoints, evaluations,
    /// restarts), within the year.
    public var gpuHours: Double
    /// Failures within the year.
    public var interruptions: Int
    /// Training work lost to those failures (redone later), h.
    public var lostWorkHours: Double
    /// When the job first held its nodes, s (negative for a job that began before the year; the year's
    /// end if it never started). Background: 0.
    public var start: Double
    /// When the work completed, or the year's end if it did not, s.
    public var end: Double
    /// True if all the training work was done within the year.
    public var completed: Bool

    public init(name: String, nodes: Int, energy: Double, stepPower: [Float], gpuHours: Double, interruptions: Int,
                lostWorkHours: Double, start: Double, end: Double, completed: Bool) {
        self.name = name
        self.nodes = nodes
        self.energy = energy
        self.stepPower = stepPower
        self.gpuHours = gpuHours
        self.interruptions = interruptions
        self.lostWorkHours = lostWorkHours
        self.start = start
        self.end = end
        self.completed = completed
    }
}

/// Counts of the background-job scheduler within the year.
public struct BackgroundSummary: Sendable, Equatable {
    /// Jobs that arrived.
    public var arrivals: Int
    /// Jobs that started.
    public var started: Int
    /// Jobs dropped because the queue was full.
    public var dropped: Int
    /// Jobs still waiting at the year's end.
    public var waitingAtYearEnd: Int

    public init(arrivals: Int, started: Int, dropped: Int, waitingAtYearEnd: Int) {
        self.arrivals = arrivals
        self.started = started
        self.dropped = dropped
        self.waitingAtYearEnd = waitingAtYearEnd
    }
}

/// A cluster's power and utilisation timeline for one year, from `TrainingGenerator.load`.
public struct ClusterLoad: Sendable, Equatable {
    /// Mean cluster power per step, W: exact time average of the piecewise-constant power.
    public var meanPower: [Double]
    /// Highest instantaneous cluster power within each step, W.
    public var peakPower: [Double]
    /// Lowest instantaneous cluster power within each step, W (`peakPower − troughPower` is the swing
    /// within a step, e.g. a checkpoint dip inside a 15-minute step).
    public var troughPower: [Double]
    /// Node-weighted mean utilisation per step (exact average; idle, restarting and down nodes count 0).
    public var utilization: [Double]
    /// Named jobs in input order, then one aggregated "background" entry if background jobs are on.
    public var jobs: [JobLoad]
    /// Energy of nodes held by no job and not down (at idle power), J.
    public var idleEnergy: Double
    /// Energy of nodes down for maintenance (at the down power), J.
    public var downEnergy: Double
    /// Background scheduler counts; nil without background jobs.
    public var background: BackgroundSummary?

    public init(meanPower: [Double], peakPower: [Double], troughPower: [Double], utilization: [Double], jobs: [JobLoad],
                idleEnergy: Double, downEnergy: Double, background: BackgroundSummary?) {
        self.meanPower = meanPower
        self.peakPower = peakPower
        self.troughPower = troughPower
        self.utilization = utilization
        self.jobs = jobs
        self.idleEnergy = idleEnergy
        self.downEnergy = downEnergy
        self.background = background
    }
}

/// Generates the power timeline of a cluster running a `TrainingSchedule` for one 365-day year.
///
/// Model (DESIGN §3.2). Every node is at one time idle, down, or held by one job:
///
///     P(t) = N_idle(t)·P(0) + N_down(t)·P_down + Σ_jobs n_j·P(u_j(t))
///
/// with `P(u) = node.power(utilization:)`. A named job's utilisation switches between training,
/// checkpoint, evaluation and restart (idle) levels on all its nodes at once: synchronous data-parallel
/// training makes the whole cluster's power swing by tens of MW within seconds (Llama 3 paper, Dubey et
/// al. 2024, §3.3.4). Failures arrive at rate n/MTBF while a job holds its nodes; the job restarts at
/// idle and redoes the work since its last completed checkpoint.
///
/// Placement, by priority: maintenance windows first (their nodes are down); then named jobs in input
/// order, each taking `nodes` (capped at the cluster) when that many are not down or held by earlier
/// named jobs, waiting otherwise, and pausing (drained with a checkpoint: no work lost, no restart) while
/// a maintenance window or an earlier job leaves too few; then background jobs, backfilled around all of
/// these as a scheduler with known run times would (Slurm-style backfill): a background job starts only
/// if, for its whole duration, it fits in the nodes left free *and* keeps (named + background) nodes at
/// or under `targetAllocation · N`. Waiting background jobs form a FIFO queue scanned first-fit (the
/// first 64 waiting jobs are considered; at most 4 096 wait, later arrivals are dropped and counted).
/// The background simulation starts a warm-up of 10 mean durations (at most 30 days) before the year, so
/// January starts in steady state. Jobs crossing the year's end are cut there (`completed = false`).
///
/// Exactness: all events happen at real times; `PowerTimeline` averages them exactly onto the steps and
/// keeps each step's peak and trough. Cost O(E + S) for E power changes and S steps (plus O(B·R) for
/// background look-ahead across the B drops of the free room, R running jobs).
///
/// Guards (validation should keep inputs far from these; they only stop the generator from hanging or
/// trapping): NaN times and durations are ignored (an infinite duration never completes); checkpoint and evaluation periods are at least
/// 60 s with at least 1 s of work between them; a job's mean time between failures is at least 60 s;
/// at most 2²² background arrivals are simulated; job starts earlier than a year before the simulated
/// year are moved to one year before.
public enum TrainingGenerator {
    /// Name of the aggregated background entry in `ClusterLoad.jobs`.
    public static let backgroundName = "background"

    /// Builds the cluster's power timeline for one 365-day year of `calendar`'s steps.
    /// - Parameters:
    ///   - nodes: nodes in the cluster, N.
    ///   - node: power of one node versus utilisation.
    ///   - downPower: power of a node that is down (maintenance), W.
    public static func load(schedule: TrainingSchedule, nodes: Int, node: NodePower, downPower: Double,
                            calendar: SimulationCalendar) -> ClusterLoad {
        let clusterNodes = max(0, nodes)
        let stepSeconds = Double(calendar.stepMinutes) * 60
        let stepCount = calendar.stepCount
        let yearEnd = Double(stepCount) * stepSeconds
        let idlePower = node.idle.value
        let downPower = downPower.isFinite ? downPower : 0

        var power = PowerTimeline(stepDuration: stepSeconds, stepCount: stepCount,
                                  initialLevel: Double(clusterNodes) * idlePower)
        var utilization = PowerTimeline(stepDuration: stepSeconds, stepCount: stepCount)
        let context = Context(clusterNodes: clusterNodes, node: node, idlePower: idlePower, yearEnd: yearEnd,
                              stepSeconds: stepSeconds, stepCount: stepCount)

        // 1. Maintenance: nodes down, capped at the cluster.
        let down = maintenanceProfile(schedule.maintenance, clusterNodes: clusterNodes)
        for i in 1..<down.times.count {
            power.change(at: down.times[i], by: Double(down.values[i] - down.values[i - 1]) * (downPower - idlePower))
        }
        let downNodeSeconds = down.integral(from: 0, to: yearEnd)

        // 2. Named jobs, in order, around maintenance and the jobs before them.
        var heldChanges: [(time: Double, delta: Int)] = []
        var jobs: [JobLoad] = []
        var heldNodeSeconds = 0.0
        for (index, job) in schedule.jobs.enumerated() {
            let reserved = NodeProfile.combine(down, NodeProfile(changes: heldChanges)) { $0 + $1 }
            var rng = RandomGenerator(seed: schedule.seed, stream: UInt64(index) + 1)
            let run = NamedJobRun.simulate(job, reserved: reserved, failures: schedule.failures, context: context,
                                           rng: &rng, power: &power, utilization: &utilization)
            for interval in run.held {
                heldChanges.append((interval.start, run.nodes))
                heldChanges.append((interval.end, -run.nodes))
            }
            heldNodeSeconds += run.heldNodeSeconds
            jobs.append(run.load)
        }

        // 3. Background jobs in what is left.
        var summary: BackgroundSummary?
        if let background = schedule.background {
            let named = NodeProfile(changes: heldChanges)
            var rng = RandomGenerator(seed: schedule.seed, stream: 0)
            let result = BackgroundRun.simulate(background, named: named, down: down, context: context, rng: &rng,
                                                power: &power, utilization: &utilization)
            heldNodeSeconds += result.nodeSeconds
            jobs.append(result.load)
            summary = result.summary
        }

        let statistics = power.stepStatistics()
        let idleNodeSeconds = Double(clusterNodes) * yearEnd - downNodeSeconds - heldNodeSeconds
        return ClusterLoad(meanPower: statistics.mean, peakPower: statistics.peak, troughPower: statistics.trough,
                           utilization: utilization.means(), jobs: jobs,
                           idleEnergy: idlePower * idleNodeSeconds, downEnergy: downPower * downNodeSeconds,
                           background: summary)
    }

    /// Nodes down over time: the sum of the windows, capped at the cluster.
    static func maintenanceProfile(_ windows: [MaintenanceWindow], clusterNodes: Int) -> NodeProfile {
        var changes: [(time: Double, delta: Int)] = []
        for window in windows where window.start.isFinite && window.duration.isFinite && window.duration > 0 {
            let count = min(clusterNodes, window.nodes ?? clusterNodes)
            guard count > 0 else { continue }
            changes.append((window.start, count))
            changes.append((window.start + window.duration, -count))
        }
        return NodeProfile(changes: changes).map { min(clusterNodes, $0) }
    }

    /// What every part of the generator needs to know about the cluster and the year.
    struct Context {
        var clusterNodes: Int
        var node: NodePower
        var idlePower: Double
        var yearEnd: Double
        var stepSeconds: Double
        var stepCount: Int

        /// Length of [start, end) ∩ [0, year end), s.
        func overlap(_ start: Double, _ end: Double) -> Double {
            max(0, min(end, yearEnd) - max(start, 0))
        }
    }
}

/// Clamps a utilisation to [0, 1] (non-finite → 0).
private func unitFraction(_ value: Double) -> Double { value.isFinite ? min(1, max(0, value)) : 0 }

/// A periodic pause of a training job (checkpoint or evaluation), on the job's work axis: pause k
/// starts when the job has done k·`work` seconds of training.
private struct PeriodicPause {
    /// Training work between two pauses, s.
    var work: Double
    /// Length of one pause, s.
    var duration: Double

    /// `every` is the wall time from one pause's start to the next when training runs uninterrupted,
    /// so the work between them is `every − duration` (guards: every ≥ 60 s, work ≥ 1 s).
    init?(every: Double?, duration: Double) {
        guard let every, every.isFinite, every > 0 else { return nil }
        let period = max(every, 60)
        self.duration = duration.isFinite ? max(0, duration) : 0
        work = max(period - self.duration, 1)
    }

    func point(_ index: Int) -> Double { Double(index) * work }
}

/// One named job over the year: a state machine of training, evaluation, checkpoint and restart
/// phases, with failures, waiting and maintenance pauses.
struct NamedJobRun {
    var load: JobLoad
    /// Nodes after capping at the cluster.
    var nodes: Int
    /// Intervals in which the job held its nodes (the last one ends at +∞ if cut at the year's end).
    var held: [(start: Double, end: Double)]
    /// Node-seconds held within the year.
    var heldNodeSeconds: Double

    fileprivate enum Phase { case training, evaluation, checkpoint, restart }

    /// What ends a stretch of constant phase (checked in this order when several coincide).
    fileprivate enum Event { case yearEnd, failure, phaseEnd, nodesTaken }

    /// Runs the job from its start: waits until `reserved` (nodes down or held by earlier jobs) leaves
    /// enough nodes, then advances event by event (`JobState.advance`) until the work is done or the
    /// year ends, adding its power and utilisation to `power` and `utilization`.
    static func simulate(_ job: TrainingJob, reserved: NodeProfile, failures: FailureModel?,
                         context: TrainingGenerator.Context, rng: inout RandomGenerator,
                         power: inout PowerTimeline, utilization: inout PowerTimeline) -> NamedJobRun {
        let plan = JobPlan(job, failures: failures, context: context)
        var state = JobState(job, plan: plan, context: context, rng: &rng)
        var output = JobOutput(plan: plan, context: context)

        run: while state.time < context.yearEnd {
            if !state.holding {
                guard let window = NodeWindow(reserved, nodes: plan.nodeCount, clusterNodes: context.clusterNodes,
                                              from: state.time, yearEnd: context.yearEnd)
                else { break run }
                state.hold(window)
                output.set(plan.level(state.phase), at: state.time, power: &power, utilization: &utilization)
            }
            switch state.advance(plan, context: context) {
            case .yearEnd:
                break run
            case .failure:
                state.fail(plan, rng: &rng)
            case .phaseEnd:
                if state.finishPhase(plan) { break run }
            case .nodesTaken:
                state.drain()
                output.set(nil, at: state.time, power: &power, utilization: &utilization)
                continue run
            }
            output.set(plan.level(state.phase), at: state.time, power: &power, utilization: &utilization)
        }
        if state.holding {
            output.set(nil, at: state.time, power: &power, utilization: &utilization)
            state.held.append((state.holdStart, state.completed ? state.time : .infinity))
        }

        let nodes = plan.nodes, yearEnd = context.yearEnd
        let gpus = Double(context.node.gpus)
        let load = JobLoad(name: job.name, nodes: plan.nodeCount, energy: state.energy,
                           stepPower: output.own.floatMeans(), gpuHours: nodes * gpus * state.heldSeconds / 3600,
                           interruptions: state.interruptions, lostWorkHours: state.lostWork / 3600,
                           start: state.firstStart ?? yearEnd, end: state.completed ? state.end : yearEnd,
                           completed: state.completed)
        return NamedJobRun(load: load, nodes: plan.nodeCount, held: state.held,
                           heldNodeSeconds: nodes * state.heldSeconds)
    }
}

/// A named job's fixed parameters after the generator's guards: its nodes, the power and utilisation of
/// one node in each phase, its work, pauses and failure rate.
private struct JobPlan {
    /// Nodes after capping at the cluster, and the same as a Double.
    var nodeCount: Int, nodes: Double
    /// The job's share of the cluster's nodes (its weight in the node-weighted utilisation).
    var utilizationShare: Double
    /// Per node: power, W, and utilisation in training, evaluation and checkpoint; idle power, W.
    var training: (power: Double, utilization: Double)
    var evaluation: (power: Double, utilization: Double)
    var checkpoint: (power: Double, utilization: Double)
    var idle: Double
    /// Training work to complete, s (+∞: never completes).
    var totalWork: Double
    var checkpoints: PeriodicPause?, evaluations: PeriodicPause?
    /// Mean time between failures of the whole job, s (n nodes fail independently: MTBF/n); nil without
    /// failures.
    var meanTimeToFailure: Double?
    /// Idle time after a failure before training resumes, s.
    var restartDuration = 0.0

    init(_ job: TrainingJob, failures: FailureModel?, context: TrainingGenerator.Context) {
        let clusterNodes = context.clusterNodes
        nodeCount = min(max(job.nodes, 0), clusterNodes)
        nodes = Double(nodeCount)
        utilizationShare = clusterNodes > 0 ? nodes / Double(clusterNodes) : 0
        func level(_ utilization: Double) -> (power: Double, utilization: Double) {
            let u = unitFraction(utilization)
            return (context.node.power(utilization: u).value, u)
        }
        training = level(job.utilization)
        checkpoint = level(job.checkpointUtilization)
        evaluation = level(job.evaluationUtilization)
        idle = context.idlePower
        totalWork = job.duration.isNaN ? 0 : max(0, job.duration)
        checkpoints = PeriodicPause(every: job.checkpointEvery, duration: job.checkpointDuration)
        evaluations = PeriodicPause(every: job.evaluationEvery, duration: job.evaluationDuration)
        if let failures, nodeCount > 0, !failures.mtbfPerNode.isNaN, failures.mtbfPerNode < .infinity {
            meanTimeToFailure = max(60, failures.mtbfPerNode / nodes)
            restartDuration = failures.restartDuration.isFinite ? max(0, failures.restartDuration) : 0
        }
    }

    /// Power and utilisation of one node in `phase` (restart: idle, utilisation 0).
    func level(_ phase: NamedJobRun.Phase) -> (power: Double, utilization: Double) {
        switch phase {
        case .training: training
        case .evaluation: evaluation
        case .checkpoint: checkpoint
        case .restart: (idle, 0)
        }
    }

    /// Time to the next failure, s: a draw from the exponential distribution, +∞ without failures.
    func failureBudget(_ rng: inout RandomGenerator) -> Double {
        meanTimeToFailure.map { rng.exponential(mean: $0) } ?? .infinity
    }
}

/// A stretch of time in which enough nodes are free for a job: from `start` (the first piece of the
/// reserved-node profile at or after the wanted time with room) until `end`, the next piece without
/// room (+∞ if none).
private struct NodeWindow {
    var start: Double, end: Double

    /// Nil when no piece before the year's end has room.
    init?(_ reserved: NodeProfile, nodes: Int, clusterNodes: Int, from time: Double, yearEnd: Double) {
        var i = reserved.index(at: time)
        while i < reserved.times.count, clusterNodes - reserved.values[i] < nodes { i += 1 }
        guard i < reserved.times.count else { return nil }
        start = max(time, reserved.times[i])
        guard start < yearEnd else { return nil }
        var j = i + 1
        while j < reserved.times.count, clusterNodes - reserved.values[j] >= nodes { j += 1 }
        end = j < reserved.times.count ? reserved.times[j] : .infinity
    }
}

/// Where a named job stands: time, phase, work done and saved, the draws until the next failure, the
/// nodes it holds, and the totals of the year so far.
private struct JobState {
    var time: Double
    var phase = NamedJobRun.Phase.training
    /// Time left in a non-training phase, s.
    var phaseLeft = 0.0
    /// Work done, and the state saved by the last completed checkpoint (or drain).
    var work = 0.0, savedWork = 0.0
    var nextCheckpoint = 1, savedNextCheckpoint = 1
    var nextEvaluation = 1, savedNextEvaluation = 1
    /// Running time left until the next failure, s.
    var failureBudget: Double
    /// Holding nodes since `holdStart` until at most `dropAt` (when the nodes are taken).
    var holding = false, holdStart = 0.0, dropAt = Double.infinity
    var firstStart: Double?
    var completed = false, end: Double
    var interruptions = 0, lostWork = 0.0, energy = 0.0, heldSeconds = 0.0
    var held: [(start: Double, end: Double)] = []

    init(_ job: TrainingJob, plan: JobPlan, context: TrainingGenerator.Context, rng: inout RandomGenerator) {
        time = job.start.isNaN ? .infinity : max(job.start, -context.yearEnd)
        failureBudget = plan.failureBudget(&rng)
        end = context.yearEnd
    }

    /// Takes the nodes for `window` (the job resumes in the phase it was in).
    mutating func hold(_ window: NodeWindow) {
        time = window.start
        dropAt = window.end
        holding = true
        holdStart = time
        if firstStart == nil { firstStart = time }
    }

    /// Runs the current phase until the first event — phase end, failure, nodes taken or the year's end —
    /// accruing energy, held time, work and the failure budget; returns that event.
    mutating func advance(_ plan: JobPlan, context: TrainingGenerator.Context) -> NamedJobRun.Event {
        let target = min(plan.totalWork, checkpointPoint(plan), evaluationPoint(plan))
        let phaseEnd = phase == .training ? time + (target - work) : time + phaseLeft
        let failureAt = time + failureBudget
        let next = min(phaseEnd, failureAt, dropAt, context.yearEnd)
        let elapsed = next - time

        let inYear = context.overlap(time, next)
        energy += plan.nodes * plan.level(phase).power * inYear
        heldSeconds += inYear
        failureBudget -= elapsed
        if phase == .training {
            work = next == phaseEnd ? target : work + elapsed
        } else {
            phaseLeft = next == phaseEnd ? 0 : phaseLeft - elapsed
        }
        time = next

        if next == context.yearEnd { return .yearEnd }
        if next == failureAt { return .failure }
        if next == phaseEnd { return .phaseEnd }
        return .nodesTaken
    }

    /// Work at which the next checkpoint and the next evaluation start (+∞ without them).
    func checkpointPoint(_ plan: JobPlan) -> Double { plan.checkpoints?.point(nextCheckpoint) ?? .infinity }
    func evaluationPoint(_ plan: JobPlan) -> Double { plan.evaluations?.point(nextEvaluation) ?? .infinity }

    /// A failure: the whole job stops, idles while restarting and resumes from its last checkpoint.
    mutating func fail(_ plan: JobPlan, rng: inout RandomGenerator) {
        if time >= 0 {
            interruptions += 1
            lostWork += work - savedWork
        }
        (work, nextCheckpoint, nextEvaluation) = (savedWork, savedNextCheckpoint, savedNextEvaluation)
        phase = .restart
        phaseLeft = plan.restartDuration
        failureBudget = plan.failureBudget(&rng)
    }

    /// The current phase ended: picks the next one. Returns true when the training work is complete.
    mutating func finishPhase(_ plan: JobPlan) -> Bool {
        switch phase {
        case .training:
            if work >= plan.totalWork {
                completed = true
                end = time
                return true
            }
            // Training stopped at one of the pause points; at a shared point evaluate, then save.
            if work >= evaluationPoint(plan) {
                phase = .evaluation
                phaseLeft = plan.evaluations?.duration ?? 0
            } else {
                phase = .checkpoint
                phaseLeft = plan.checkpoints?.duration ?? 0
            }
        case .evaluation:
            nextEvaluation += 1
            if work >= checkpointPoint(plan) {
                phase = .checkpoint
                phaseLeft = plan.checkpoints?.duration ?? 0
            } else {
                phase = .training
            }
        case .checkpoint:
            nextCheckpoint += 1
            save()
            phase = .training
        case .restart:
            phase = .training
        }
        return false
    }

    /// Too few nodes from now on (maintenance or an earlier job): drain with a checkpoint (a pause in
    /// progress counts as done), release the nodes.
    mutating func drain() {
        if phase == .checkpoint { nextCheckpoint += 1 }
        if phase == .evaluation { nextEvaluation += 1 }
        save()
        phase = .training
        holding = false
        held.append((holdStart, time))
    }

    /// Saves the progress a restart resumes from.
    private mutating func save() {
        (savedWork, savedNextCheckpoint, savedNextEvaluation) = (work, nextCheckpoint, nextEvaluation)
    }
}

/// Writes a named job's level changes: into the cluster's power (relative to idle nodes) and
/// utilisation timelines, and into the job's own power timeline.
private struct JobOutput {
    var nodes: Double, idle: Double, utilizationShare: Double
    /// The job's own node power (0 while it holds no nodes).
    var own: PowerTimeline
    /// Power and utilisation of one node of the job now; nil while it holds no nodes.
    var current: (power: Double, utilization: Double)?

    init(plan: JobPlan, context: TrainingGenerator.Context) {
        nodes = plan.nodes
        idle = plan.idle
        utilizationShare = plan.utilizationShare
        own = PowerTimeline(stepDuration: context.stepSeconds, stepCount: context.stepCount)
    }

    /// The job's nodes switch to `new` (nil: released) at `time`.
    mutating func set(_ new: (power: Double, utilization: Double)?, at time: Double,
                      power: inout PowerTimeline, utilization: inout PowerTimeline) {
        let oldPower = current?.power, newPower = new?.power
        power.change(at: time, by: nodes * ((newPower ?? idle) - idle) - nodes * ((oldPower ?? idle) - idle))
        own.change(at: time, by: nodes * (newPower ?? 0) - nodes * (oldPower ?? 0))
        utilization.change(at: time, by: utilizationShare * ((new?.utilization ?? 0) - (current?.utilization ?? 0)))
        current = new
    }
}

/// The background jobs over the year: Poisson arrivals, a FIFO queue with first-fit backfill, and
/// look-ahead so that no background job is in the way of maintenance or a named job.
struct BackgroundRun {
    var load: JobLoad
    var summary: BackgroundSummary
    /// Node-seconds held within the year.
    var nodeSeconds: Double

    static func simulate(_ spec: BackgroundJobs, named: NodeProfile, down: NodeProfile,
                         context: TrainingGenerator.Context, rng: inout RandomGenerator,
                         power: inout PowerTimeline, utilization: inout PowerTimeline) -> BackgroundRun {
        let clusterNodes = context.clusterNodes, yearEnd = context.yearEnd, idle = context.idlePower
        let u = unitFraction(spec.utilization)
        let perNode = context.node.power(utilization: u).value
        var own = PowerTimeline(stepDuration: context.stepSeconds, stepCount: context.stepCount)
        var energy = 0.0, nodeSeconds = 0.0
        var summary = BackgroundSummary(arrivals: 0, started: 0, dropped: 0, waitingAtYearEnd: 0)
        var peakNodes = 0

        // Room for background nodes: under the target and in what named jobs and maintenance leave.
        let share = unitFraction(spec.targetAllocation)
        let targetNodes = Int((share * Double(clusterNodes) + 1e-9).rounded(.down))
        let room = NodeProfile.combine(named, down) { namedNodes, downNodes in
            max(0, min(targetNodes - namedNodes, clusterNodes - namedNodes - downNodes))
        }
        if var scheduler = BackgroundScheduler(spec, room: room, clusterNodes: clusterNodes, rng: rng) {
            scheduler.run(until: yearEnd)
            rng = scheduler.rng
            summary = scheduler.summary
            peakNodes = scheduler.peakNodes
            power.reserveCapacity(power.changeCount + 2 * scheduler.jobStart.count)
            utilization.reserveCapacity(utilization.changeCount + 2 * scheduler.jobStart.count)
            own.reserveCapacity(2 * scheduler.jobStart.count)
            let utilizationPerNode = u / Double(clusterNodes)
            for i in scheduler.jobStart.indices {
                let start = scheduler.jobStart[i], end = scheduler.jobEnd[i], count = Double(scheduler.jobNodes[i])
                power.add(count * (perNode - idle), from: start, to: end)
                utilization.add(count * utilizationPerNode, from: start, to: end)
                own.add(count * perNode, from: start, to: end)
                let overlap = context.overlap(start, end)
                energy += count * perNode * overlap
                nodeSeconds += count * overlap
            }
        }
        let load = JobLoad(name: TrainingGenerator.backgroundName, nodes: peakNodes, energy: energy,
                           stepPower: own.floatMeans(), gpuHours: nodeSeconds * Double(context.node.gpus) / 3600,
                           interruptions: 0, lostWorkHours: 0, start: 0, end: yearEnd, completed: false)
        return BackgroundRun(load: load, summary: summary, nodeSeconds: nodeSeconds)
    }
}

/// The background-job scheduler: an event loop over arrivals, job ends and changes of the room.
struct BackgroundScheduler {
    /// Waiting jobs considered per scheduling pass.
    static let scanLimit = 64
    /// Most jobs waiting at once.
    static let queueCapacity = 4096
    /// Most arrivals simulated (guard).
    static let arrivalLimit = 1 << 22

    private struct Waiting {
        var nodes: Int
        var duration: Double
        var started = false
    }

    let room: NodeProfile
    let minNodes: Int, maxNodes: Int
    /// Log-normal durations: ln d ~ N(mu, sigma²).
    let mu: Double, sigma: Double
    /// Arrivals per second: fixed, or room / `littleDivisor` (Little's law: E[n]·E[d]).
    let fixedRate: Double?
    let littleDivisor: Double
    var rng: RandomGenerator

    private(set) var time: Double
    private var roomIndex: Int
    private var used = 0
    private var runningEnd: [Double] = []
    private var runningNodes: [Int] = []
    private var queue: [Waiting] = []
    private var head = 0, waiting = 0, arrivals = 0
    /// Waiting jobs per size, and the smallest size waiting (`maxNodes + 1` when none): a pass is
    /// skipped when the free room is below it.
    private var waitingBySize: [Int]
    private var smallestWaiting: Int
    private var inYear = false

    /// Started jobs (including the warm-up before the year).
    private(set) var jobStart: [Double] = []
    private(set) var jobEnd: [Double] = []
    private(set) var jobNodes: [Int] = []
    private(set) var summary = BackgroundSummary(arrivals: 0, started: 0, dropped: 0, waitingAtYearEnd: 0)
    private(set) var peakNodes = 0

    /// nil when the spec leaves nothing to simulate (no nodes, no positive median duration).
    init?(_ spec: BackgroundJobs, room: NodeProfile, clusterNodes: Int, rng: RandomGenerator) {
        let median = spec.medianHours * 3600
        guard clusterNodes > 0, median.isFinite, median > 0 else { return nil }
        self.room = room
        self.rng = rng
        sigma = spec.sigma.isFinite ? min(max(0, spec.sigma), 10) : 0
        mu = log(median)
        let meanDuration = median * exp(sigma * sigma / 2)
        // Sizes: n = ⌊min·((max+1)/min)^U⌋, so P(n = k) = ln((k+1)/k) / ln((max+1)/min).
        minNodes = max(1, min(spec.minNodes, clusterNodes))
        maxNodes = max(minNodes, min(spec.maxNodes, clusterNodes))
        var meanNodes = 0.0
        for k in minNodes...maxNodes { meanNodes += Double(k) * log(Double(k + 1) / Double(k)) }
        meanNodes /= log(Double(maxNodes + 1) / Double(minNodes))
        littleDivisor = meanNodes * meanDuration
        waitingBySize = [Int](repeating: 0, count: maxNodes + 2)
        smallestWaiting = maxNodes + 1
        fixedRate = spec.arrivalsPerHour.map { $0.isFinite ? max(0, $0) / 3600 : 0 }
        time = -min(30 * 86_400, 10 * meanDuration)
        roomIndex = room.index(at: time)
    }

    private func rate(room value: Int) -> Double { fixedRate ?? Double(value) / littleDivisor }

    /// Next arrival after `from` of the Poisson process with the piecewise-constant rate (inversion of
    /// the integrated rate).
    private mutating func nextArrival(after from: Double) -> Double {
        var budget = rng.exponential(mean: 1)
        var i = room.index(at: from), start = from
        while true {
            let r = rate(room: room.values[i])
            let pieceEnd = i + 1 < room.times.count ? room.times[i + 1] : .infinity
            if r > 0 {
                if start + budget / r < pieceEnd { return start + budget / r }
                budget -= r * (pieceEnd - start)
            }
            guard pieceEnd < .infinity else { return .infinity }
            start = pieceEnd
            i += 1
        }
    }

    mutating func run(until yearEnd: Double) {
        var nextArrivalTime = nextArrival(after: time)
        while true {
            let nextEnd = runningEnd.first ?? .infinity
            let nextRoom = roomIndex + 1 < room.times.count ? room.times[roomIndex + 1] : .infinity
            let now = min(nextArrivalTime, nextEnd, nextRoom)
            guard now < yearEnd else { break }
            if !inYear, now > 0 { enterYear() }
            time = now
            var changed = false
            while let end = runningEnd.first, end <= now {
                used -= popEarliest()
                changed = true
            }
            if !inYear, now == 0 { enterYear() }
            while roomIndex + 1 < room.times.count, room.times[roomIndex + 1] <= now {
                roomIndex += 1
                changed = true
            }
            if changed { schedule() }
            if nextArrivalTime <= now {
                arrive()
                nextArrivalTime = arrivals < Self.arrivalLimit ? nextArrival(after: now) : .infinity
            }
        }
        if !inYear { enterYear() }
        summary.waitingAtYearEnd = waiting
    }

    private mutating func enterYear() {
        inYear = true
        peakNodes = used
    }

    /// A new job: start it if it fits, else queue it (or drop it when the queue is full). Jobs queued
    /// earlier need not be retried: since the last pass nothing has freed nodes.
    private mutating func arrive() {
        let nodes = min(maxNodes, max(minNodes, Int(rng.logUniform(min: Double(minNodes), max: Double(maxNodes + 1)))))
        let duration = exp(mu + sigma * rng.normal())
        arrivals += 1
        if time >= 0 { summary.arrivals += 1 }
        if fits(nodes, duration) {
            start(nodes, duration)
        } else if waiting < Self.queueCapacity {
            queue.append(Waiting(nodes: nodes, duration: duration))
            waiting += 1
            waitingBySize[nodes] += 1
            smallestWaiting = min(smallestWaiting, nodes)
        } else if time >= 0 {
            summary.dropped += 1
        }
    }

    /// True if `nodes` more fit from now for `duration`: now, and at every later drop of the room before
    /// the job would end, given the running jobs that will still run then.
    private mutating func fits(_ nodes: Int, _ duration: Double) -> Bool {  // mutating only to avoid copies of self in debug builds
        let roomNow = room.values[roomIndex]
        guard used + nodes <= roomNow else { return false }
        let jobEnd = time + duration
        var i = roomIndex + 1
        while i < room.times.count, room.times[i] < jobEnd {
            if room.values[i] < roomNow {
                let at = room.times[i]
                var usedThen = 0
                for k in runningEnd.indices where runningEnd[k] > at { usedThen += runningNodes[k] }
                if usedThen + nodes > room.values[i] { return false }
            }
            i += 1
        }
        return true
    }

    private mutating func start(_ nodes: Int, _ duration: Double) {
        let end = time + duration
        used += nodes
        push(end, nodes)
        jobStart.append(time)
        jobEnd.append(end)
        jobNodes.append(nodes)
        if time >= 0 {
            summary.started += 1
            peakNodes = max(peakNodes, used)
        }
    }

    /// First-fit pass over the first `scanLimit` waiting jobs. Invariant: `queue[head...]` holds only
    /// waiting jobs; the jobs started in a pass are squeezed out of the scanned prefix by moving the
    /// ones still waiting up against the unscanned rest (O(scanned) per pass, order kept).
    private mutating func schedule() {
        var i = head
        while i < queue.count, i - head < Self.scanLimit, room.values[roomIndex] - used >= smallestWaiting {
            let candidate = queue[i]
            if fits(candidate.nodes, candidate.duration) {
                start(candidate.nodes, candidate.duration)
                queue[i].started = true
                waiting -= 1
                waitingBySize[candidate.nodes] -= 1
                while smallestWaiting <= maxNodes, waitingBySize[smallestWaiting] == 0 { smallestWaiting += 1 }
            }
            i += 1
        }
        var write = i, read = i
        while read > head {
            read -= 1
            if !queue[read].started {
                write -= 1
                queue[write] = queue[read]
            }
        }
        head = write
        if head > Self.queueCapacity, 2 * head > queue.count {
            queue.removeFirst(head)
            head = 0
        }
    }

    // Running jobs: a binary min-heap on end time (parallel arrays).
    private mutating func push(_ end: Double, _ nodes: Int) {
        runningEnd.append(end)
        runningNodes.append(nodes)
        var child = runningEnd.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard runningEnd[parent] > runningEnd[child] else { break }
            runningEnd.swapAt(parent, child)
            runningNodes.swapAt(parent, child)
            child = parent
        }
    }

    /// Removes the job ending first; returns its nodes.
    private mutating func popEarliest() -> Int {
        let nodes = runningNodes[0]
        let lastEnd = runningEnd.removeLast(), lastNodes = runningNodes.removeLast()
        guard !runningEnd.isEmpty else { return nodes }
        runningEnd[0] = lastEnd
        runningNodes[0] = lastNodes
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < runningEnd.count, runningEnd[left] < runningEnd[smallest] { smallest = left }
            if right < runningEnd.count, runningEnd[right] < runningEnd[smallest] { smallest = right }
            guard smallest != parent else { return nodes }
            runningEnd.swapAt(parent, smallest)
            runningNodes.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
