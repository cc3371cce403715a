/// Another plant feeding the network the data center feeds: its kind, capacity, whether it must run, its
/// marginal cost and the CO2 of its heat. The merit order (`MeritOrder`) decides which of them the data
/// center's heat displaces.
///
/// Typical values (Danish Energy Agency, *Technology Data for Generation of Electricity and District
/// Heating*, 2016–2023; Frederiksen & Werner, *District Heating and Cooling*, 2013, ch. 5): waste incineration
/// must run (the waste must be burnt, gate fees pay for it), marginal cost ≈ 0 €/MWh or below, its heat
/// counted at 0 g/kWh (the waste is burnt anyway); gas CHP 30–60 €/MWh of heat after the electricity sold,
/// ~200 g/kWh; gas boilers 45–80 €/MWh (gas / 0.9–0.95 efficiency + CO2 allowances), ~220 g/kWh;
/// other large heat pumps electricity price / COP.
public struct HeatProducer: Sendable, Equatable {
    /// The kinds of producers a network's merit order lists (labels; the numbers carry the physics).
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case wasteIncineration = "waste_incineration"
        case chp
        case gasBoiler = "gas_boiler"
        case heatPump = "heat_pump"
        case other
    }

    public var name: String
    public var kind: Kind
    public var capacity: Watts
    /// Runs at up to its capacity whatever the price (waste incineration, heat-driven CHP).
    public var mustRun: Bool
    /// Cost of one more MWh of its heat, €/MWh.
    public var marginalCost: Double
    /// CO2 of its heat, g/kWh.
    public var co2Intensity: Double

    public init(name: String, kind: Kind, capacity: Watts, mustRun: Bool, marginalCost: Double, co2Intensity: Double) {
        self.name = name
        self.kind = kind
        self.capacity = capacity
        self.mustRun = mustRun
        self.marginalCost = marginalCost
        self.co2Intensity = co2Intensity
    }
}
