/// Everything that carries over from one step to the next. Owned by the loop, passed to components.
public struct SimulationState: Sendable, Equatable {
    /// Facility-water supply temperature, °C.
    public var liquidSupply: Double
    /// Chilled-water supply temperature, °C.
    public var airSupply: Double
    /// Energy in the heat-storage tank, J.
    public var storageEnergy: Double

    public init(liquidSupply: Double, airSupply: Double, storageEnergy: Double) {
        self.liquidSupply = liquidSupply
        self.airSupply = airSupply
        self.storageEnergy = storageEnergy
    }

    /// Loops at their setpoints, storage half full.
    public init(site: Site) {
        liquidSupply = site.liquidLoop?.supplySetpoint.value ?? site.airLoop.supplySetpoint.value
        airSupply = site.airLoop.supplySetpoint.value
        storageEnergy = (site.heatRecovery?.storage.capacity.value ?? 0) / 2
    }
}
