/// How a cluster's racks are cooled; decides the default share of heat captured by liquid.
public enum CoolingClass: String, Sendable, CaseIterable {
    /// Air-cooled servers: all heat goes to room air (CRAH / fan walls).
    case air
    /// Direct liquid cooling (cold plates on GPUs/CPUs): typically ~80 % of the heat to facility water,
    /// the rest (memory, PSUs, NICs) to air. ASHRAE TC 9.9, "Water-Cooled Servers" (2019).
    case dlc
    /// Single-phase immersion: nearly all heat to the liquid; a few percent leave through the tank lid
    /// and power shelves.
    case immersion

    /// Rack power a class can cool in practice, W: room air removes up to ≈ 40 kW per rack (with
    /// containment and rear-door-free CRAH/fan walls; ASHRAE TC 9.9 and Uptime Institute surveys put air
    /// cooling's practical limit at 30–50 kW), cold plates a further ≈ 150 kW of liquid-captured heat,
    /// single-phase immersion tanks ≈ 250 kW. Used for warnings, not as a hard limit.
    public var airLimitPerRack: Watts { .kilowatts(40) }
    public var liquidLimitPerRack: Watts {
        switch self {
        case .air: .zero
        case .dlc: .kilowatts(150)
        case .immersion: .kilowatts(250)
        }
    }

    /// Default share of IT heat captured by the liquid loop.
    public var defaultLiquidCapture: Double {
        switch self {
        case .air: 0
        case .dlc: 0.80
        case .immersion: 0.97
        }
    }
}

/// A group of identical nodes with one cooling class and one workload.
public struct Cluster: Sendable {
    public var name: String
    public var nodes: Int
    public var nodesPerRack: Int
    public var node: NodePower
    public var cooling: CoolingClass
    /// Share of the cluster's heat that goes to the liquid loop (0…1); the rest goes to room air.
    public var liquidCapture: Double
    public var workload: Workload
    /// Power of a node that is down (maintenance, repair): BMC and standby, W.
    public var downPower: Watts
    /// Inlet-temperature dependence of air-cooled servers (EnergyPlus ITE model); nil = none.
    public var ite: AirCooledITE?

    public init(name: String, nodes: Int, nodesPerRack: Int, node: NodePower, cooling: CoolingClass,
                liquidCapture: Double, workload: Workload, downPower: Watts = .zero, ite: AirCooledITE? = nil) {
        self.name = name
        self.nodes = nodes
        self.nodesPerRack = nodesPerRack
        self.node = node
        self.cooling = cooling
        self.liquidCapture = liquidCapture
        self.workload = workload
        self.downPower = downPower
        self.ite = ite
    }

    /// Cluster power at full utilisation (at the ITE design inlet temperature when modelled).
    public var designPower: Watts { (ite?.designPower ?? node.maximum) * Double(nodes) }

    /// Why this cluster's racks may be hard to cool at full load; empty when they are within the
    /// practical limits of their cooling class.
    public var rackWarnings: [String] {
        let rack = (ite?.designPower ?? node.maximum) * Double(nodesPerRack)
        let air = rack * (1 - liquidCapture), liquid = rack * liquidCapture
        var warnings: [String] = []
        if air > cooling.airLimitPerRack {
            warnings.append("cluster '\(name)': \(Int(air.value / 1e3)) kW per rack goes to room air at full load, more than air cooling removes in practice (≈ \(Int(cooling.airLimitPerRack.value / 1e3)) kW); consider dlc or fewer nodes_per_rack")
        }
        if cooling != .air, liquid > cooling.liquidLimitPerRack {
            warnings.append("cluster '\(name)': \(Int(liquid.value / 1e3)) kW per rack to liquid at full load exceeds typical \(cooling.rawValue) capability (≈ \(Int(cooling.liquidLimitPerRack.value / 1e3)) kW)")
        }
        return warnings
    }
    /// Number of racks (the last one may be partly filled).
    public var racks: Int { (nodes + nodesPerRack - 1) / nodesPerRack }
    /// Power of one full rack at utilisation `u`.
    public func rackPower(utilization u: Double) -> Watts { node.power(utilization: u) * Double(nodesPerRack) }
}
