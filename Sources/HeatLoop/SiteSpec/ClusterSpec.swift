/// A group of identical nodes with one cooling class and one workload.
public struct ClusterSpec: SpecSection {
    public var name = ""
    public var nodes = 1
    public var nodesPerRack = 4
    public var node = NodeSpec()
    public var cooling = CoolingClass.dlc
    /// Default by cooling class: air 0, dlc 0.80, immersion 0.97.
    public var liquidCapture: Double?
    public var workload = WorkloadSpec.constant(ConstantWorkloadSpec())
    public var ite: ITESpec?
    /// The air zone (`cooling.air.zones[].name`) whose air cools the cluster; required when the site has zones.
    public var zone: String?

    public init() {}

    public static let schema = Schema<ClusterSpec>([
        .text("name", \.name, doc: "The cluster's name, unique in the site.", required: "the cluster's name"),
        .integer("nodes", \.nodes, range: 1...10_000_000, doc: "Number of nodes.", required: true),
        .integer("nodes_per_rack", \.nodesPerRack, range: 1...1000, doc: "Nodes per rack (rack density warnings)."),
        .section("node", \.node, doc: "The node's power: a preset and/or explicit values.", shorthand: "preset"),
        .choice("cooling", \.cooling, doc: "Cooling class: where the heat goes."),
        .optionalNumber("liquid_capture", \.liquidCapture, range: 0...1, doc: "Share of the heat captured by the liquid loop.",
                        derived: "by cooling class: air 0, dlc 0.80, immersion 0.97"),
        .variant("workload", \.workload, doc: "How busy the nodes are over the year."),
        .optionalSection("ite", \.ite, doc: "EnergyPlus ITE inlet-temperature model (air-cooled clusters)."),
        .optionalText("zone", \.zone, doc: "The air zone (`cooling.air.zones[].name`) whose air cools the cluster; required when the site has zones."),
    ], check: { cluster, o in
        if cluster.ite != nil, cluster.cooling != .air {
            o["ite"].problem("the ITE inlet-temperature model is for air-cooled clusters; this cluster is '\(cluster.cooling.rawValue)'")
        }
        if case .training(let training) = cluster.workload {
            training.checkNodes(clusterNodes: cluster.nodes, o.at("workload.training"))
        }
    })

    /// Reports training and maintenance dates outside the simulated year (job starts: or the year before).
    func checkDates(year: Int, _ at: SpecCursor) {
        guard case .training(let training) = workload else { return }
        for (index, job) in training.jobs.enumerated() {
            TimeOfYear.checkJobStart(job.start, year: year, at.at("workload.training.jobs[\(index)].start"))
        }
        for (index, window) in training.maintenance.enumerated() {
            TimeOfYear.checkYear(window.start, year: year, at.at("workload.training.maintenance[\(index)].start"))
        }
    }
}

extension CoolingClass: SpecChoice {}

/// A node: a preset (`h100-sxm`, `h200-sxm`, `b200`, `cpu`) and/or explicit values, which override the
/// preset's. Without either: the DESIGN §3.2 defaults (8× H100 SXM, 9.1 kW at full utilisation).
public struct NodeSpec: SpecSection {
    public var preset: NodePreset?
    public var gpus = 8
    public var gpuIdleW = 75.0
    public var gpuMaxW = 700.0
    public var baseIdleW = 1200.0
    public var baseMaxW = 3500.0
    /// `linear` or `mse` (Fan et al. 2007).
    public var curve = NodeCurveKind.linear
    public var mseExponent = 1.4
    /// Power of a node that is down (maintenance): BMC and standby.
    public var downW = 0.0

    public init() {}

    public static let schema = Schema<NodeSpec>([
        .optionalChoice("preset", \.preset, doc: "A shipped node whose values are the defaults of the keys below."),
        .integer("gpus", \.gpus, range: 0...64, doc: "GPUs per node (default: the preset's)."),
        .number("gpu_idle_w", \.gpuIdleW, unit: "W", range: 0...5000, doc: "Power of one idle GPU (default: the preset's)."),
        .number("gpu_max_w", \.gpuMaxW, unit: "W", range: 0...5000, doc: "Power of one GPU at full load (default: the preset's)."),
        .number("base_idle_w", \.baseIdleW, unit: "W", range: 0...50_000, doc: "Rest of the node, idle (default: the preset's)."),
        .number("base_max_w", \.baseMaxW, unit: "W", range: 0...50_000, doc: "Rest of the node at full load (default: the preset's)."),
        .choice("curve", \.curve, doc: "Power against utilisation: linear, or Fan et al. 2007 `mse`."),
        .number("mse_exponent", \.mseExponent, range: 1...3, doc: "Exponent r of the `mse` curve 2u − u^r."),
        .number("down_w", \.downW, unit: "W", range: 0...10_000, doc: "Power of a node that is down (maintenance)."),
    ], base: { node in node.preset.map(NodeSpec.init(preset:)) }, check: { node, o in
        if node.gpuMaxW < node.gpuIdleW {
            o["gpu_max_w"].problem("gpu_max_w (\(formatNumber(node.gpuMaxW))) is below gpu_idle_w (\(formatNumber(node.gpuIdleW)))")
        }
        if node.baseMaxW < node.baseIdleW {
            o["base_max_w"].problem("base_max_w (\(formatNumber(node.baseMaxW))) is below base_idle_w (\(formatNumber(node.baseIdleW)))")
        }
    })

    /// The preset's values.
    public init(preset: NodePreset) {
        let node = preset.node
        self.preset = preset
        gpus = node.gpus
        gpuIdleW = node.gpuIdle.value
        gpuMaxW = node.gpuMax.value
        baseIdleW = node.baseIdle.value
        baseMaxW = node.baseMax.value
        switch node.curve {
        case .linear: curve = .linear
        case .mse(let exponent):
            curve = .mse
            mseExponent = exponent
        }
    }

    /// Utilisation at which this node's GPUs draw `gpuPower` on its linear curve; nil for another curve,
    /// no GPUs, or a power outside idle…maximum.
    func utilization(drawing gpuPower: Watts) -> Double? {
        guard curve == .linear, gpus > 0, gpuMaxW > gpuIdleW, (gpuIdleW...gpuMaxW).contains(gpuPower.value) else { return nil }
        return (gpuPower.value - gpuIdleW) / (gpuMaxW - gpuIdleW)
    }

    /// Default training utilisation of jobs on this node: the preset's measured training point
    /// (`NodePreset.measuredGPUPower`), else `TrainingJob.defaultUtilization`.
    public var trainingUtilization: Double {
        preset?.measuredGPUPower.flatMap { utilization(drawing: $0.training) } ?? TrainingJob.defaultUtilization
    }

    /// Default checkpoint utilisation: the preset's measured checkpoint dip, else
    /// `TrainingJob.defaultCheckpointUtilization`.
    public var checkpointUtilization: Double {
        preset?.measuredGPUPower.flatMap { utilization(drawing: $0.checkpoint) } ?? TrainingJob.defaultCheckpointUtilization
    }

    /// The node's power model.
    public var power: NodePower {
        NodePower(gpus: gpus, gpuIdle: Watts(gpuIdleW), gpuMax: Watts(gpuMaxW), baseIdle: Watts(baseIdleW),
                  baseMax: Watts(baseMaxW), curve: curve == .mse ? .mse(exponent: mseExponent) : .linear)
    }
}

extension NodePreset: SpecChoice {
    public static var noun: String { "a node preset" }
}

/// How a node's power follows utilisation.
public enum NodeCurveKind: String, SpecChoice {
    case linear
    /// Fan et al. 2007: P = P_idle + (P_max − P_idle)(2u − u^r).
    case mse
}

/// EnergyPlus `ElectricEquipment:ITE:AirCooled` inlet-temperature dependence (air-cooled clusters).
/// Defaults: the curves of EnergyPlus's data-center example files.
public struct ITESpec: SpecSection {
    /// Design power input per node (server fans included); default the node's full-load power.
    public var designPowerW: Double?
    public var fanPowerFraction = 0.4
    /// Biquadratic in CPU loading x and inlet air °C y: a, b, c, d, e, f of a + bx + cx² + dy + ey² + fxy.
    public var cpuPowerCurve: [Double] = [-1.0, 1.0, 0.0, 0.06667, 0.0, 0.0]
    public var airFlowCurve: [Double] = [-1.4, 0.9, 0.0, 0.1, 0.0, 0.0]
    /// Quadratic in air-flow fraction: a, b, c.
    public var fanPowerCurve: [Double] = [0.0, 1.0, 0.0]
    public var loadRange: [Double] = [0, 1.5]
    public var inletRangeC: [Double] = [-10, 99]
    /// Share of room return air in the server inlet air (EnergyPlus "Design Recirculation Fraction").
    public var recirculation = 0.0
    /// Warming of the supply air on its way to the server inlets (EnergyPlus "Supply Temperature Difference").
    public var supplyApproachK = 0.0
    /// Server outlet to return air (EnergyPlus "Return Temperature Difference"); nil: the room is well mixed.
    public var returnApproachK: Double?
    /// Design air flow per watt of design power (EnergyPlus "Design Fan Air Flow Rate per
    /// Power Input"), m³/(s·W).
    public var airFlowPerW = 0.0001

    public init() {}

    public static let schema = Schema<ITESpec>([
        .optionalNumber("design_power_w", \.designPowerW, unit: "W", range: 1...100_000,
                        doc: "Design power input per node, server fans included.", derived: "the node's full-load power"),
        .number("fan_power_fraction", \.fanPowerFraction, range: 0...1, doc: "Share of the design power drawn by the server fans."),
        .numbers("cpu_power_curve", \.cpuPowerCurve, count: 6, range: -1e6...1e6,
                 doc: "Biquadratic a…f of a + bx + cx² + dy + ey² + fxy in CPU loading x and inlet °C y."),
        .numbers("air_flow_curve", \.airFlowCurve, count: 6, range: -1e6...1e6, doc: "Biquadratic of the air-flow fraction."),
        .numbers("fan_power_curve", \.fanPowerCurve, count: 3, range: -1e6...1e6, doc: "Quadratic a, b, c in the air-flow fraction."),
        .numbers("load_range", \.loadRange, count: 2, range: 0...10, doc: "Bounds of the CPU loading the curves are evaluated at."),
        .numbers("inlet_range_c", \.inletRangeC, count: 2, unit: "°C", range: -50...150, doc: "Bounds of the inlet temperature."),
        .number("recirculation", \.recirculation, range: 0...0.9, doc: "Share of room return air in the server inlet air."),
        .number("supply_approach_k", \.supplyApproachK, unit: "K", range: -10...20,
                doc: "Warming of the supply air on its way to the server inlets."),
        .optionalNumber("return_approach_k", \.returnApproachK, unit: "K", range: -20...20,
                        doc: "Return air minus the servers' outlet air (negative: supply air bypassing the servers); the CRAC room's return then follows the servers.",
                        derived: "none: the room is well mixed and its return air is the CRAC's return_air_c"),
        .number("air_flow_per_w", \.airFlowPerW, unit: "m³/(s·W)", range: 1e-6...1e-2,
                doc: "Server air flow at design per watt of design power (volume at the inlet air's density)."),
    ], check: { ite, o in
        if ite.loadRange[0] > ite.loadRange[1] { o["load_range"].problem("the lower bound is above the upper") }
        if ite.inletRangeC[0] > ite.inletRangeC[1] { o["inlet_range_c"].problem("the lower bound is above the upper") }
    })
}
