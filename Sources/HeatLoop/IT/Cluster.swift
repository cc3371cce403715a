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

    public init(name: String, nodes: Int, nodesPerRack: Int, node: NodePower, cooling: CoolingClass,
                liquidCapture: Double, workload: Workload) {
        self.name = name
        self.nodes = nodes
        self.nodesPerRack = nodesPerRack
        self.node = node
        self.cooling = cooling
        self.liquidCapture = liquidCapture
        self.workload = workload
    }

    /// Cluster power at full utilisation.
    public var designPower: Watts { node.maximum * Double(nodes) }
    /// Number of racks (the last one may be partly filled).
    public var racks: Int { (nodes + nodesPerRack - 1) / nodesPerRack }
    /// Power of one full rack at utilisation `u`.
    public func rackPower(utilization u: Double) -> Watts { node.power(utilization: u) * Double(nodesPerRack) }
}
