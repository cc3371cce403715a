import Foundation

/// A cluster's training schedule (DESIGN §3.2): named jobs, node failures, background jobs and
/// maintenance windows, all in seconds since 1 January 00:00 of the simulated year.
/// `TrainingGenerator.load` turns it into the cluster's power timeline. Defaults live in the spec layer;
/// the values here are used as given (the generator only guards against values that would make it hang
/// or trap, see `TrainingGenerator`).
public struct TrainingSchedule: Sendable, Equatable {
    /// Named jobs, placed on the cluster in this order before any background job.
    public var jobs: [TrainingJob]
    /// Node failures; nil = none.
    public var failures: FailureModel?
    /// Background jobs filling the cluster up to a target allocation; nil = none.
    public var background: BackgroundJobs?
    /// Planned windows in which nodes are down.
    public var maintenance: [MaintenanceWindow]
    /// Seed of all random draws: the same schedule and seed give bit-identical results.
    public var seed: UInt64

    public init(jobs: [TrainingJob] = [], failures: FailureModel? = nil, background: BackgroundJobs? = nil,
                maintenance: [MaintenanceWindow] = [], seed: UInt64 = 42) {
        self.jobs = jobs
        self.failures = failures
        self.background = background
        self.maintenance = maintenance
        self.seed = seed
    }
}

/// One synchronous training job: all its nodes compute, checkpoint, evaluate and restart together, so
/// the job's power swings between these levels at once (tens of MW for a large cluster; Llama 3 paper,
/// Dubey et al. 2024, §3.3.4).
///
/// Phases and per-node utilisation: training `utilization`; checkpoint `checkpointUtilization` for
/// `checkpointDuration`; evaluation `evaluationUtilization` for `evaluationDuration`; restart after a
/// failure at idle. Checkpoints start every `checkpointEvery` seconds of uninterrupted training, i.e.
/// after `checkpointEvery − checkpointDuration` seconds of training work; evaluations likewise every
/// `evaluationEvery` (each adds its own pause, so with both the periods stretch a little).
public struct TrainingJob: Sendable, Equatable {
    public var name: String
    /// Nodes the job occupies (capped at the cluster's nodes).
    public var nodes: Int
    /// Requested start, s since the year's start. The job waits if its nodes are not free then.
    public var start: Double
    /// Useful training work, s. Wall time is longer: checkpoints, evaluations, restarts and work lost
    /// to failures are added.
    public var duration: Double
    /// Per-node utilisation while training (0…1).
    public var utilization: Double
    /// Wall time between checkpoint starts while training runs uninterrupted, s; nil = no checkpoints
    /// (a failure then loses all work done so far).
    public var checkpointEvery: Double?
    /// Duration of one checkpoint, s.
    public var checkpointDuration: Double
    /// Per-node utilisation during a checkpoint (0…1).
    public var checkpointUtilization: Double
    /// Wall time between evaluation starts while training runs uninterrupted, s; nil = none.
    public var evaluationEvery: Double?
    /// Duration of one evaluation, s.
    public var evaluationDuration: Double
    /// Per-node utilisation during an evaluation (0…1).
    public var evaluationUtilization: Double
    /// How much later than requested the job was started for a cleaner grid (`CarbonAwareStart`), s; the
    /// requested start is `start − carbonShift`.
    public var carbonShift = 0.0

    /// Wall time without failures, s: the work stretched by checkpoint and evaluation pauses,
    /// `duration · every_c / (every_c − d_c) · every_e / (every_e − d_e)`.
    public var plannedWallTime: Double {
        func stretch(_ every: Double?, _ pause: Double) -> Double {
            guard let every, every > pause, pause > 0 else { return 1 }
            return every / (every - pause)
        }
        return duration * stretch(checkpointEvery, checkpointDuration) * stretch(evaluationEvery, evaluationDuration)
    }

    /// Training utilisation for nodes without a measured training point (DESIGN §3.2).
    public static let defaultUtilization = 0.90
    /// Checkpoint utilisation for nodes without a measured checkpoint dip (DESIGN §3.2).
    public static let defaultCheckpointUtilization = 0.15

    public init(name: String, nodes: Int, start: Double, duration: Double, utilization: Double = defaultUtilization,
                checkpointEvery: Double? = nil, checkpointDuration: Double = 120,
                checkpointUtilization: Double = defaultCheckpointUtilization, evaluationEvery: Double? = nil,
                evaluationDuration: Double = 600, evaluationUtilization: Double = 0.5) {
        self.name = name
        self.nodes = nodes
        self.start = start
        self.duration = duration
        self.utilization = utilization
        self.checkpointEvery = checkpointEvery
        self.checkpointDuration = checkpointDuration
        self.checkpointUtilization = checkpointUtilization
        self.evaluationEvery = evaluationEvery
        self.evaluationDuration = evaluationDuration
        self.evaluationUtilization = evaluationUtilization
    }
}

/// Node failures of named jobs. A job on n nodes fails at rate `n / mtbfPerNode` while it holds its
/// nodes (exponential times between failures, independent nodes). On a failure the whole job idles for
/// `restartDuration` (nodes kept) and resumes from its last completed checkpoint: the work since then
/// is lost and redone. Background jobs are not failed (a failed small job is resubmitted; its power
/// effect is negligible at cluster scale).
public struct FailureModel: Sendable, Equatable {
    /// Mean time between failures of one node, s (*default* 50 000 h in the spec).
    public var mtbfPerNode: Double
    /// Time from a failure until training resumes, at idle power, s.
    public var restartDuration: Double

    public init(mtbfPerNode: Double, restartDuration: Double) {
        self.mtbfPerNode = mtbfPerNode
        self.restartDuration = restartDuration
    }
}

/// Background jobs: many small jobs from other users (development, fine-tuning, evaluation) that fill
/// the nodes the named jobs leave free, up to a target allocation of the cluster.
///
/// Arrivals are Poisson; sizes log-uniform in [minNodes, maxNodes] (integers, P(n) ∝ ln((n+1)/n));
/// durations log-normal with median `medianHours` and log-space spread `sigma`. Scheduling (see
/// `TrainingGenerator`): FIFO queue with first-fit backfill; a job starts only when, for its whole
/// duration, it fits in the nodes not used by named jobs, maintenance or other background jobs, and
/// keeps (named + background) nodes ≤ `targetAllocation · nodes`.
public struct BackgroundJobs: Sendable, Equatable {
    /// Allocated share of the cluster (named + background nodes over all nodes) not to exceed, 0…1.
    public var targetAllocation: Double
    public var minNodes: Int
    public var maxNodes: Int
    /// Median duration, h.
    public var medianHours: Double
    /// Standard deviation of ln(duration).
    public var sigma: Double
    /// Per-node utilisation of a running background job (0…1).
    public var utilization: Double
    /// Mean arrivals per hour; nil = chosen by Little's law so that the offered load equals the room
    /// under the target: λ(t) = room(t) / (E[nodes]·E[duration]).
    public var arrivalsPerHour: Double?

    public init(targetAllocation: Double, minNodes: Int, maxNodes: Int, medianHours: Double, sigma: Double,
                utilization: Double, arrivalsPerHour: Double? = nil) {
        self.targetAllocation = targetAllocation
        self.minNodes = minNodes
        self.maxNodes = maxNodes
        self.medianHours = medianHours
        self.sigma = sigma
        self.utilization = utilization
        self.arrivalsPerHour = arrivalsPerHour
    }

    /// Mean duration, h: `median · exp(sigma²/2)` (log-normal). Setting it keeps `sigma` and moves the
    /// median (for specs that give the mean).
    public var meanHours: Double {
        get { medianHours * exp(sigma * sigma / 2) }
        set { medianHours = newValue / exp(sigma * sigma / 2) }
    }
}

/// A planned window in which nodes are down (drawing the cluster's down power, e.g. BMC standby).
/// Maintenance takes precedence: a named job whose nodes are not available during the window pauses
/// (drained with a checkpoint, no work lost) and resumes afterwards; background jobs are scheduled
/// around it.
public struct MaintenanceWindow: Sendable, Equatable {
    /// Start, s since the year's start.
    public var start: Double
    /// Length, s.
    public var duration: Double
    /// Nodes down; nil = the whole cluster.
    public var nodes: Int?

    public init(start: Double, duration: Double, nodes: Int? = nil) {
        self.start = start
        self.duration = duration
        self.nodes = nodes
    }
}
