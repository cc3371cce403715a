/// The district-heating network at the data center's connection point, as its operator sees it: supply and
/// return temperatures, distribution losses, a minimum circulation, and the other producers feeding it.
///
/// Return temperature (°C) each step, from the outdoor temperature `T_out` and the consumers' load `Q`:
///
///     T_r = T_r,curve(T_out) + ΔT_rise · Q / Q_peak                     return rising with load
///     T_r = T_s − N / (ṁ_min c_p)   when N / (c_p (T_s − T_r)) < ṁ_min   summer bypass (minimum flow)
///
/// `N` the heat the network needs (consumers plus losses). Consumers' substations cool the water less at
/// high load (ΔT_rise > 0); in summer a bypass keeps the flow at `ṁ_min` so that the far ends stay hot, and
/// the unused supply water mixes into the return (Frederiksen & Werner, *District Heating and Cooling*, 2013,
/// ch. 7; Gadd & Werner, "Achieving low return temperatures from district heating substations", Applied
/// Energy 136, 2014). With the bypass, losses are worked out once more at the raised return.
public struct DistrictHeatingNetwork: Sendable, Equatable {
    public var supplyCurve: OutdoorResetCurve
    /// Network return temperature arriving at the data center, °C (constant or weather-compensated).
    public var returnCurve: OutdoorResetCurve
    /// Most heat the connection (pipes, substation) can carry, W.
    public var connection: Watts
    public var demand: HeatDemand
    public var losses: NetworkLosses
    /// Rise of the return temperature from no load to the consumers' peak load, K.
    public var returnRise: TemperatureDelta
    /// Lowest circulation the network keeps (summer bypass), kg/s; 0 for none.
    public var minimumFlow: KilogramsPerSecond
    /// The network's other producers (empty: the network takes all the heat it needs from the data center).
    public var producers: MeritOrder
    /// The price the data center's heat is offered at in the merit order (`HeatPrice.bids`).
    public var dataCenterPrice: HeatPrice

    public init(supplyCurve: OutdoorResetCurve, returnCurve: OutdoorResetCurve, connection: Watts,
                demand: HeatDemand, losses: NetworkLosses = .shareOfFeedIn(0), returnRise: TemperatureDelta = TemperatureDelta(0),
                minimumFlow: KilogramsPerSecond = KilogramsPerSecond(0), producers: [HeatProducer] = [],
                dataCenterPrice: HeatPrice = .constant(eurosPerMegawattHour: 0)) {
        self.supplyCurve = supplyCurve
        self.returnCurve = returnCurve
        self.connection = connection
        self.demand = demand
        self.losses = losses
        self.returnRise = returnRise
        self.minimumFlow = minimumFlow
        self.producers = MeritOrder(producers)
        self.dataCenterPrice = dataCenterPrice
    }
}

/// How a network loses heat on its way to consumers. Closed family.
public enum NetworkLosses: Sendable, Equatable {
    /// A share `f` of the heat fed in (0…1): `N = Q_consumers / (1 − f)`. Real losses hardly follow the
    /// load, so this overstates winter and understates summer losses; kept for a network whose pipes are
    /// unknown (typically 10–20 % for 3rd- and 5–10 % for 4th-generation networks; Lund et al., Energy 68, 2014).
    case shareOfFeedIn(Double)
    /// Buried pipe pairs (`PipeSection`), their losses from the supply, return and ground temperatures
    /// (`GroundTemperature` fitted to the weather, soil diffusivity `diffusivity`, m²/s): nearly constant
    /// through the year.
    case pipes([PipeSection], diffusivity: Double)

    /// Soil thermal diffusivity α = λ_g / (ρc) with ρc = 2.5 MJ/(m³·K) (moist sandy or clay soil; VDI 4640
    /// Blatt 1, 2010, table 1), m²/s.
    public static func soilDiffusivity(conductivity: Double) -> Double { conductivity / 2.5e6 }
}
