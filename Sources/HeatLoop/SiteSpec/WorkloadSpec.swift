/// How busy a cluster's nodes are over the year.
public enum WorkloadSpec: SpecVariant {
    case constant(ConstantWorkloadSpec)
    case diurnal(DiurnalWorkloadSpec)
    case trace(TraceWorkloadSpec)
    case training(TrainingSpec)

    public static let variants = Variants<WorkloadSpec>([
        .section("constant", doc: "The same utilisation all year.", WorkloadSpec.constant) {
            if case .constant(let spec) = $0 { spec } else { nil }
        },
        .section("diurnal", doc: "Hourly, weekday and monthly profiles (default: a business-hours inference service).",
                 WorkloadSpec.diurnal) { if case .diurnal(let spec) = $0 { spec } else { nil } },
        .section("trace", doc: "A measured utilisation or power trace (CSV; Sites/traces/README.md).", WorkloadSpec.trace) {
            if case .trace(let spec) = $0 { spec } else { nil }
        },
        .section("training", doc: "Training jobs with checkpoints, failures, background jobs and maintenance (DESIGN §3.2).",
                 WorkloadSpec.training) { if case .training(let spec) = $0 { spec } else { nil } },
    ])
}

public struct ConstantWorkloadSpec: SpecSection {
    public var utilization = 0.8

    public init() {}

    public static let schema = Schema<ConstantWorkloadSpec>([
        .number("utilization", \.utilization, range: 0...1, doc: "Utilisation of every node."),
    ])
}

/// Default profile: a business-hours inference service (low at night, peak 10:00–20:00), weekends 80 %.
public struct DiurnalWorkloadSpec: SpecSection {
    public var peakUtilization = 0.9
    public var hourly: [Double] = [0.35, 0.3, 0.28, 0.27, 0.28, 0.32, 0.42, 0.55, 0.7, 0.85, 0.95, 1.0,
                                   1.0, 1.0, 0.98, 0.97, 0.97, 0.98, 1.0, 0.97, 0.88, 0.72, 0.55, 0.42]
    public var weekday: [Double] = [1, 1, 1, 1, 1, 0.8, 0.8]
    public var monthly: [Double] = [Double](repeating: 1, count: 12)

    public init() {}

    public static let schema = Schema<DiurnalWorkloadSpec>([
        .number("peak_utilization", \.peakUtilization, range: 0...1, doc: "Utilisation when every factor is 1."),
        .numbers("hourly", \.hourly, count: 24, range: 0...10, doc: "Factor per hour of the day, from 00:00."),
        .numbers("weekday", \.weekday, count: 7, range: 0...10, doc: "Factor per weekday, Monday first."),
        .numbers("monthly", \.monthly, count: 12, range: 0...10, doc: "Factor per month, January first."),
    ])
}

/// A measured utilisation or power trace (CSV; `Sites/traces/README.md`).
public struct TraceWorkloadSpec: SpecSection {
    /// CSV path, relative to the site file.
    public var file = ""
    /// Value column: `utilization`/`*_utilization` (0…1) or `power_kw`/`*_power_kw` (kW for the whole cluster).
    public var column = "utilization"

    public init() {}

    public static let schema = Schema<TraceWorkloadSpec>([
        .file("file", \.file, what: "trace file", doc: "CSV with `time` and the value column, relative to the site file.",
              required: "CSV path relative to the site file", column: ("column", \.column),
              accepting: [.utilization, .powerKilowatts]),
        .text("column", \.column, doc: "`utilization`/`*_utilization` (0…1) or `power_kw`/`*_power_kw` (kW, whole cluster)."),
    ])
}

/// A cluster's training schedule (DESIGN §3.2).
public struct TrainingSpec: SpecSection {
    public var seed = 42
    public var jobs: [TrainingJobSpec] = []
    /// Failures on by default; `failures: off` disables them.
    public var failures: FailureSpec? = FailureSpec()
    public var background: BackgroundSpec?
    public var maintenance: [MaintenanceSpec] = []

    public init() {}

    public static let schema = Schema<TrainingSpec>([
        .integer("seed", \.seed, range: 0...Int(Int32.max), doc: "Seed of the random failures and background jobs."),
        .list("jobs", \.jobs, doc: "Training jobs, each on a number of nodes from a start date."),
        .optionalSection("failures", \.failures, doc: "Node failures (`off` disables them).", off: ["off", "none", "false"]),
        .optionalSection("background", \.background, doc: "Background jobs filling the idle nodes."),
        .list("maintenance", \.maintenance, doc: "Maintenance windows taking nodes down."),
    ], check: { training, o in
        var names = Set<String>()
        for (index, job) in training.jobs.enumerated() where !names.insert(job.name).inserted {
            o.at("jobs[\(index)]").problem("duplicate job name '\(job.name)'")
        }
    })

    /// Reports job, background and maintenance node counts the cluster does not have.
    func checkNodes(clusterNodes: Int, _ at: SpecCursor) {
        func check(_ nodes: Int?, _ path: String) {
            if let nodes, nodes > clusterNodes { at.at(path).problem("\(nodes) is out of range; expected 1…\(clusterNodes)") }
        }
        for (index, job) in jobs.enumerated() { check(job.nodes, "jobs[\(index)].nodes") }
        for (index, window) in maintenance.enumerated() { check(window.nodes, "maintenance[\(index)].nodes") }
        if let background {
            check(background.minNodes, "background.min_nodes")
            check(background.maxNodes, "background.max_nodes")
            if background.minNodes > background.maxNodes(clusterNodes: clusterNodes) {
                at.at("background.min_nodes").problem("min_nodes is above max_nodes")
            }
        }
    }
}

public struct TrainingJobSpec: SpecSection {
    public var name = ""
    public var nodes = 1
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` in the simulated year.
    public var start = ""
    /// Useful training time (restarts and lost work extend the wall time).
    public var durationDays = 1.0
    /// Nil: the node's training point (`NodeSpec.trainingUtilization`).
    public var utilization: Double?
    public var checkpointEveryMin: Double?
    public var checkpointMin = 2.0
    /// Nil: the node's checkpoint dip (`NodeSpec.checkpointUtilization`).
    public var checkpointUtilization: Double?
    public var evaluationEveryHours: Double?
    public var evaluationMin = 10.0
    public var evaluationUtilization = 0.5
    /// `YYYY-MM-DD[THH:MM]`: a flexible job, started at the cleanest hours that still end by then.
    public var deadline: String?

    public init() {}

    public static let schema = Schema<TrainingJobSpec>([
        .text("name", \.name, doc: "The job's name, unique in the cluster.", required: "the job's name"),
        .integer("nodes", \.nodes, range: 1...10_000_000, doc: "Nodes the job runs on (at most the cluster's).", required: true),
        .date("start", \.start, time: true, doc: "Start in the simulated year, or in the year before for a job that runs on into it.",
              required: "a date or date-time in the simulated year, e.g. 2025-01-10"),
        .number("duration_days", \.durationDays, unit: "d", range: 0.001...3650,
                doc: "Useful training time (restarts and lost work extend the wall time).", required: true),
        .optionalNumber("utilization", \.utilization, range: 0...1, doc: "Utilisation while training.",
                        derived: "h100-sxm/h200-sxm: 686 W per GPU, 98 % of 700 W, measured (u = 0.978 / 0.977); other nodes 0.9"),
        .optionalNumber("checkpoint_every_min", \.checkpointEveryMin, unit: "min", range: 1...1e6,
                        doc: "Interval between checkpoints (absent: none)."),
        .number("checkpoint_min", \.checkpointMin, unit: "min", range: 0...1e4, doc: "Length of one checkpoint."),
        .optionalNumber("checkpoint_utilization", \.checkpointUtilization, range: 0...1, doc: "Utilisation while checkpointing.",
                        derived: "h100-sxm/h200-sxm: 130 W per GPU, the measured dip (u = 0.088 / 0.081); other nodes 0.15"),
        .optionalNumber("evaluation_every_hours", \.evaluationEveryHours, unit: "h", range: 0.01...1e5,
                        doc: "Interval between evaluations (absent: none)."),
        .number("evaluation_min", \.evaluationMin, unit: "min", range: 0...1e5, doc: "Length of one evaluation."),
        .number("evaluation_utilization", \.evaluationUtilization, range: 0...1, doc: "Utilisation while evaluating."),
        .optionalText("deadline", \.deadline,
                      doc: "A flexible job: with an hourly carbon.grid_csv it starts at the cleanest whole hour from `start` that still ends by this date-time (Docs/carbon.md)."),
    ], check: { job, o in
        if let deadline = job.deadline {
            if let end = TimeOfYear.parse(deadline) {
                if let start = TimeOfYear.parse(job.start), (end.year, end.seconds) <= (start.year, start.seconds) {
                    o["deadline"].problem("deadline \(deadline) is not after the start \(job.start)")
                }
            } else {
                o["deadline"].problem("'\(deadline)' is not a date; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
            }
        }
        if let every = job.checkpointEveryMin, job.checkpointMin >= every {
            o["checkpoint_min"].problem("a checkpoint (\(formatNumber(job.checkpointMin)) min) must be shorter than the interval between them (\(formatNumber(every)) min)")
        }
    })
}

/// Failures: a job on g GPUs fails at rate g / MTBF_GPU; it restarts after `restart_min` at idle and
/// redoes the work since its last checkpoint. *Default* MTBF per GPU from Llama 3 pre-training (Dubey et
/// al. 2024, "The Llama 3 Herd of Models", §3.3.4): 419 unexpected interruptions in 54 days on 16,384
/// H100 GPUs → 16,384 × 54 × 24 h / 419 = 50,677 GPU-hours per interruption (all causes: GPUs, HBM,
/// hosts, network, software — 78 % hardware). A node of 8 GPUs then fails every ≈ 6,335 h.
public struct FailureSpec: SpecSection {
    public static let llama3MTBFGPUHours = 16_384.0 * 54 * 24 / 419
    public var mtbfGpuHours = llama3MTBFGPUHours
    public var restartMin = 20.0

    public init() {}

    public static let schema = Schema<FailureSpec>([
        .number("mtbf_gpu_hours", \.mtbfGpuHours, unit: "h", range: 1...1e10,
                doc: "Mean time between job interruptions per GPU (default: Llama 3, 419 in 54 days on 16,384 GPUs)."),
        .number("restart_min", \.restartMin, unit: "min", range: 0...10_000, doc: "Time to restart a failed job, at idle."),
    ])
}

/// Background jobs: Poisson arrivals, log-uniform sizes in [min_nodes, max_nodes], log-normal
/// durations with mean `mean_hours` and log-space spread `sigma`, admitted up to `target_allocation`.
public struct BackgroundSpec: SpecSection {
    public var targetAllocation = 0.85
    public var minNodes = 1
    /// Default: 64, at most the cluster's nodes (`maxNodes(clusterNodes:)`).
    public var maxNodes: Int?
    public var meanHours = 12.0
    public var sigma = 1.0
    public var utilization = 0.7

    public init() {}

    public static let schema = Schema<BackgroundSpec>([
        .number("target_allocation", \.targetAllocation, range: 0...1, doc: "Share of the nodes background jobs fill up to."),
        .integer("min_nodes", \.minNodes, range: 1...10_000_000, doc: "Smallest job."),
        .optionalInteger("max_nodes", \.maxNodes, range: 1...10_000_000, doc: "Largest job.",
                         derived: "64, at most the cluster's nodes"),
        .number("mean_hours", \.meanHours, unit: "h", range: 0.01...10_000, doc: "Mean job duration."),
        .number("sigma", \.sigma, range: 0...5, doc: "Log-space spread of the durations."),
        .number("utilization", \.utilization, range: 0...1, doc: "Utilisation of a node running a background job."),
    ])

    /// The largest job: as given, else 64 nodes or the whole cluster if smaller.
    public func maxNodes(clusterNodes: Int) -> Int { maxNodes ?? min(64, clusterNodes) }
}

public struct MaintenanceSpec: SpecSection {
    public var start = ""
    public var durationHours = 8.0
    /// Nodes taken down; default the whole cluster.
    public var nodes: Int?

    public init() {}

    public static let schema = Schema<MaintenanceSpec>([
        .date("start", \.start, time: true, doc: "Start in the simulated year, or in the year before for a job that runs on into it.", required: "a date or date-time in the simulated year"),
        .number("duration_hours", \.durationHours, unit: "h", range: 0...8760, doc: "Length of the window."),
        .optionalInteger("nodes", \.nodes, range: 1...10_000_000, doc: "Nodes taken down (absent: the whole cluster)."),
    ])
}
