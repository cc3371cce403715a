/// The values embodied carbon is computed from, each with its range and source: the one home of these
/// defaults (the card prints the source beside each).
public struct EmbodiedAssumptions: Sendable, Equatable {
    /// A value with its range and where it comes from.
    public struct Sourced: Sendable, Equatable {
        public var estimate: Estimate
        public var source: String

        public init(_ estimate: Estimate, source: String) {
            self.estimate = estimate
            self.source = source
        }
    }

    /// Manufacturing of one accelerator (package, HBM, board), kg CO2e.
    public var gpuManufacturingKg: Sourced
    /// Manufacturing of one server without its accelerators (CPUs, memory, storage, chassis, PSUs), kg CO2e.
    public var serverManufacturingKg: Sourced
    /// Network equipment (switches, optics, cables) as a share of GPU + server manufacturing.
    public var networkShare: Sourced
    /// Transport to the site as a share of manufacturing.
    public var transportShare: Sourced
    /// End-of-life treatment as a share of manufacturing.
    public var endOfLifeShare: Sourced
    /// Service life of the hardware, years.
    public var lifetimeYears: Sourced
    /// Share of its life the hardware is allocated to jobs, 0…1.
    public var utilisation: Sourced

    public init(gpuManufacturingKg: Sourced, serverManufacturingKg: Sourced, networkShare: Sourced,
                transportShare: Sourced, endOfLifeShare: Sourced, lifetimeYears: Sourced, utilisation: Sourced) {
        self.gpuManufacturingKg = gpuManufacturingKg
        self.serverManufacturingKg = serverManufacturingKg
        self.networkShare = networkShare
        self.transportShare = transportShare
        self.endOfLifeShare = endOfLifeShare
        self.lifetimeYears = lifetimeYears
        self.utilisation = utilisation
    }

    /// Defaults: Luccioni et al. 2023 (BLOOM) for the central values, published alternatives for the ranges,
    /// and HeatLoop's own stated assumptions where no published default was checked (network, transport,
    /// end of life: small shares, flagged as assumptions).
    public static let `default` = EmbodiedAssumptions(
        gpuManufacturingKg: Sourced(
            Estimate(low: 60, central: 150, high: 318),
            source: "150 kg per A100: Luccioni, Viguier & Ligozat 2023, JMLR 24(253) §4.1; range 60 kg "
                + "(EcoInfo/CNRS EcoDiag 'powerful GPU') to 318 kg (Chien et al. 2023, HotCarbon: one eighth "
                + "of an 8×A100 instance incl. host parts, an upper bound when the server is counted apart)"),
        serverManufacturingKg: Sourced(
            Estimate(low: 1750, central: 2500, high: 3250),
            source: "2,500 kg per 8-GPU server without GPUs (HPE Apollo 6500 Gen10 Plus product carbon "
                + "footprint, as used by Luccioni et al. 2023); range ±30 % (HeatLoop assumption)"),
        networkShare: Sourced(
            Estimate(low: 0.02, central: 0.05, high: 0.10),
            source: "HeatLoop assumption: switches, optics and cables 2–10 % of compute hardware (not in BLOOM)"),
        transportShare: Sourced(
            Estimate(low: 0.005, central: 0.01, high: 0.03),
            source: "HeatLoop assumption: transport 0.5–3 % of manufacturing (typical of server PCFs)"),
        endOfLifeShare: Sourced(
            Estimate(low: 0, central: 0.005, high: 0.01),
            source: "HeatLoop assumption: end of life 0–1 % of manufacturing (typical of server PCFs)"),
        lifetimeYears: Sourced(
            Estimate(low: 4, central: 6, high: 6),
            source: "6 years: Luccioni et al. 2023; 4 years: EcoDiag/Boavizta default service life"),
        utilisation: Sourced(
            Estimate(low: 0.6, central: 0.85, high: 1),
            source: "85 %: Luccioni et al. 2023 (Jean Zay); 60–100 % HeatLoop assumption"))

    /// BLOOM's own terms: manufacturing only (no network, transport or end of life), exact central values.
    public static let bloom = EmbodiedAssumptions(
        gpuManufacturingKg: Sourced(Estimate(exactly: 150), source: "Luccioni et al. 2023"),
        serverManufacturingKg: Sourced(Estimate(exactly: 2500), source: "Luccioni et al. 2023"),
        networkShare: Sourced(.zero, source: "not counted by Luccioni et al. 2023"),
        transportShare: Sourced(.zero, source: "not counted by Luccioni et al. 2023"),
        endOfLifeShare: Sourced(.zero, source: "not counted by Luccioni et al. 2023"),
        lifetimeYears: Sourced(Estimate(exactly: 6), source: "Luccioni et al. 2023"),
        utilisation: Sourced(Estimate(exactly: 0.85), source: "Luccioni et al. 2023"))
}
