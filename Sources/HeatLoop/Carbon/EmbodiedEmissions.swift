/// Embodied CO2e of the hardware a job occupied, amortised over the hardware's use.
///
///     per GPU      M = (M_gpu + M_server / n_per_node) · (1 + s_network) · (1 + s_transport + s_end-of-life)
///     job's share  a = GPU-hours / (lifetime_years · 8760 h · utilisation)
///     embodied     = a · M
///
/// Luccioni et al. 2023 (BLOOM) amortise the same way: (2,500 kg / 8 + 150 kg) per GPU over 6 years at
/// 85 % use gives 11.2 t for 1,082,990 GPU-hours. Ranges: low manufacturing with long life and high use,
/// high manufacturing with short life and low use.
public struct EmbodiedEmissions: Sendable, Equatable {
    public enum Component: String, Sendable, CaseIterable { case gpu, server, network }
    public enum Phase: String, Sendable, CaseIterable {
        case manufacturing
        case transport
        case endOfLife = "end_of_life"
    }

    public struct Line: Sendable, Equatable {
        public var component: Component
        public var phase: Phase
        public var kg: Estimate
    }

    public var assumptions: EmbodiedAssumptions
    /// Lifetime GPU-equivalents the job used up: `a` above.
    public var amortisedShare: Estimate
    public var lines: [Line]

    public var totalKg: Estimate { Estimate.sum(lines.map(\.kg)) }

    public init(gpuHours: Double, acceleratorsPerNode: Int, assumptions: EmbodiedAssumptions = .default) {
        self.assumptions = assumptions
        let lifetimeHours = assumptions.lifetimeYears.estimate * assumptions.utilisation.estimate * 8760
        let share = Estimate(exactly: gpuHours) / lifetimeHours
        amortisedShare = share
        let gpu = assumptions.gpuManufacturingKg.estimate
        let server = assumptions.serverManufacturingKg.estimate * (1 / Double(max(acceleratorsPerNode, 1)))
        let network = (gpu + server) * assumptions.networkShare.estimate
        var lines: [Line] = []
        for (component, manufacturing) in [(Component.gpu, gpu), (.server, server), (.network, network)] {
            let made = manufacturing * share
            lines.append(Line(component: component, phase: .manufacturing, kg: made))
            lines.append(Line(component: component, phase: .transport, kg: made * assumptions.transportShare.estimate))
            lines.append(Line(component: component, phase: .endOfLife, kg: made * assumptions.endOfLifeShare.estimate))
        }
        self.lines = lines
    }
}
