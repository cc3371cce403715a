/// Which electricity a footprint counts. Papers draw this line differently (Strubell et al. 2019: CPU +
/// DRAM + GPUs × PUE; Patterson et al. 2021: measured system power per accelerator × PUE; Luccioni et al.
/// 2023 "dynamic": GPU TDP only), so a card states it and can be recomputed at another boundary.
public enum AccountingBoundary: String, Sendable, CaseIterable {
    /// The accelerators' own draw (board power) only.
    case gpuOnly = "gpu-only"
    /// The whole nodes at their plugs: accelerators, CPUs, memory, NICs, fans, PSU losses; plus the
    /// job's share of network and storage and of idle capacity when stated.
    case node = "node"
    /// Node energy plus its share of the facility: cooling and electrical losses (× PUE, or from the
    /// simulated hours the job ran).
    case nodeAndFacility = "node+facility"

    public var includesRestOfNode: Bool { self != .gpuOnly }
    public var includesFacility: Bool { self == .nodeAndFacility }

    public var description: String {
        switch self {
        case .gpuOnly: "GPU only (accelerator board power)"
        case .node: "node (accelerators, host, network/storage and idle shares)"
        case .nodeAndFacility: "node + facility share (cooling and electrical losses)"
        }
    }
}
