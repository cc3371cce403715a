/// Everything that carries over from one step to the next. Owned by the loop, passed to components.
public struct SimulationState: Sendable, Equatable {
    /// Facility-water supply temperature, °C.
    public var liquidSupply: Double
    /// Chilled-water supply temperature, °C (CRAH rooms).
    public var airSupply: Double
    /// Air delivered to the IT inlets, °C.
    public var supplyAir: Double
    /// Energy in the heat-storage tank, J.
    public var storageEnergy: Double
    /// Humidity ratio of the hall air, kg/kg (`HallHumidity`).
    public var hallHumidityRatio: Double

    public init(liquidSupply: Double, airSupply: Double, supplyAir: Double, storageEnergy: Double,
                hallHumidityRatio: Double) {
        self.liquidSupply = liquidSupply
        self.airSupply = airSupply
        self.supplyAir = supplyAir
        self.storageEnergy = storageEnergy
        self.hallHumidityRatio = hallHumidityRatio
    }

    /// Loops and air at their setpoints, storage half full, hall air at its initial dew point.
    public init(site: Site) {
        let chilledWater = site.airSide.chilledWaterLoop?.supplySetpoint.value
        liquidSupply = site.liquidLoop?.supplySetpoint.value ?? chilledWater ?? 20
        airSupply = chilledWater ?? 0
        switch site.airSide {
        case .chilledWater(let air, _): supplyAir = air.supplyAirSetpoint.value
        case .crac(let room): supplyAir = room.supplyAirSetpoint.value
        }
        storageEnergy = (site.heatRecovery?.storage.capacity.value ?? 0) / 2
        hallHumidityRatio = site.hallHumidity.initialHumidityRatio
    }
}
