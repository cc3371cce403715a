/// Everything that carries over from one step to the next. Owned by the loop, passed to components.
public struct SimulationState: Sendable, Equatable {
    /// Facility-water supply temperature, °C.
    public var liquidSupply: Double
    /// Chilled-water supply temperature, °C (CRAH rooms).
    public var airSupply: Double
    /// Air delivered to the IT inlets, °C.
    public var supplyAir: Double
    /// The heat-storage tank and the heat-pump bank.
    public var heatRecovery: HeatRecoveryState
    /// Humidity ratio of the hall air, kg/kg (`HallHumidity`).
    public var hallHumidityRatio: Double
    /// Air zones (`AirSide.zones`): each zone's supply air, °C, and air humidity ratio, kg/kg; empty otherwise.
    public var zoneSupplyAir: [Double]
    public var zoneHumidityRatio: [Double]
    /// Air zones: each zone's air of the last three steps, °C, newest first (`ZoneAir.History`, three per zone); a
    /// zone without its own air (`AirHandlerZones.zoneAir`) stays at its setpoint. Empty without zones.
    public var zoneAirHistory: [Double] = []

    public init(liquidSupply: Double, airSupply: Double, supplyAir: Double, heatRecovery: HeatRecoveryState,
                hallHumidityRatio: Double, zoneSupplyAir: [Double] = [], zoneHumidityRatio: [Double] = []) {
        self.zoneSupplyAir = zoneSupplyAir
        self.zoneHumidityRatio = zoneHumidityRatio
        self.liquidSupply = liquidSupply
        self.airSupply = airSupply
        self.supplyAir = supplyAir
        self.heatRecovery = heatRecovery
        self.hallHumidityRatio = hallHumidityRatio
    }

    /// Loops and air at their setpoints, storage half full and the heat pumps off, hall air at its initial dew point.
    public init(site: Site) {
        let chilledWater = site.airSide.chilledWaterLoop?.supplySetpoint.value
        liquidSupply = site.liquidLoop?.supplySetpoint.value ?? chilledWater ?? 20
        airSupply = chilledWater ?? 0
        switch site.airSide {
        case .chilledWater(let air, _): supplyAir = air.supplyAirSetpoint.value
        case .crac(let room): supplyAir = room.supplyAirSetpoint.value
        case .airHandler(let room, _): supplyAir = room.initialSupplyAir
        case .zones(let zones, _): supplyAir = zones.units[0].initialSupplyAir
        }
        heatRecovery = site.heatRecovery.map(HeatRecoveryState.init) ?? HeatRecoveryState(tank: TankState(hotShare: 0, hotTemperature: 0))
        hallHumidityRatio = site.hallHumidity.initialHumidityRatio
        zoneSupplyAir = []
        zoneHumidityRatio = []
        if case .zones(let zones, _) = site.airSide {
            zoneSupplyAir = zones.units.map(\.initialSupplyAir)
            zoneHumidityRatio = zones.units.map { _ in hallHumidityRatio }
            zoneAirHistory = zones.units.flatMap { [Double](repeating: $0.roomAir, count: 3) }
        }
    }

    /// Zone `zone`'s air history.
    func zoneAir(_ zone: Int) -> ZoneAir.History {
        ZoneAir.History(t1: zoneAirHistory[3 * zone], t2: zoneAirHistory[3 * zone + 1], t3: zoneAirHistory[3 * zone + 2])
    }

    /// Zone `zone`'s air at the end of this step, `temperature` °C, shifting its history.
    mutating func advanceZoneAir(_ zone: Int, to temperature: Double) {
        zoneAirHistory[3 * zone + 2] = zoneAirHistory[3 * zone + 1]
        zoneAirHistory[3 * zone + 1] = zoneAirHistory[3 * zone]
        zoneAirHistory[3 * zone] = temperature
    }
}
