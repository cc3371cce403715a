/// The district-heating network at the data center's connection point.
///
/// Heat fed in must cover the consumers' demand and the network's distribution losses; with a loss share
/// `f` of the heat fed in (typically 10–20 % for 3rd-generation and 5–10 % for 4th-generation networks;
/// Lund et al., Energy 68, 2014), the demand at the connection is `Q_consumers / (1 − f)`.
public struct DistrictHeatingNetwork: Sendable, Equatable {
    public var supplyCurve: OutdoorResetCurve
    /// Network return temperature arriving at the data center, °C (constant or weather-compensated).
    public var returnCurve: OutdoorResetCurve
    /// Most heat the connection (pipes, substation) can carry, W.
    public var connection: Watts
    public var demand: HeatDemand
    /// Share of the heat fed in that the network loses before it reaches consumers (0…1).
    public var lossFraction: Double

    public init(supplyCurve: OutdoorResetCurve, returnCurve: OutdoorResetCurve, connection: Watts,
                demand: HeatDemand, lossFraction: Double = 0) {
        self.supplyCurve = supplyCurve
        self.returnCurve = returnCurve
        self.connection = connection
        self.demand = demand
        self.lossFraction = lossFraction
    }

    /// Demand at the connection for a consumer demand, W.
    public func connectionDemand(consumers: Double) -> Double { consumers / (1 - lossFraction) }
}
