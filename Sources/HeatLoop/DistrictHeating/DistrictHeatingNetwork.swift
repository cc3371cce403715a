/// The district-heating network at the data center's connection point.
public struct DistrictHeatingNetwork: Sendable, Equatable {
    public var supplyCurve: SupplyCurve
    /// Network return temperature arriving at the data center, °C.
    public var returnTemperature: Celsius
    /// Most heat the connection (pipes, substation) can carry, W.
    public var connection: Watts
    public var demand: HeatDemand

    public init(supplyCurve: SupplyCurve, returnTemperature: Celsius, connection: Watts, demand: HeatDemand) {
        self.supplyCurve = supplyCurve
        self.returnTemperature = returnTemperature
        self.connection = connection
        self.demand = demand
    }
}
