/// A room cooled by an air handler (`AirHandlerUnit`) on a chilled-water plant, as each zone of EnergyPlus's
/// `2ZoneDataCenterHVAC_wEconomizer.idf`: the room's air is held at its cooling setpoint `roomAir` (a well-mixed
/// room's return air) or follows the servers' outlet (`AirCooledITE.returnApproach`), and the supply air is
/// set to carry the room's sensible load `Q` at design flow, as `SetpointManager:SingleZone:Cooling` does
/// (Engineering Reference, "Setpoint Managers", *Single Zone Cooling*), within `minimumSupplyAir …
/// supplyAirSetpoint`:
///
///     T_set = clamp(T_return − Q / (ṁ_design c_p), T_min, T_max)
///     ṁ     = clamp(Q / (c_p (T_return − T_set)), f_min ṁ_design, ṁ_design)   (variable volume, once T_set = T_max)
///
/// `ṁ_design` is the design volume flow at the site's standard air density. The unit's chain then cools
/// the mixed air to `T_set`; what it cannot reach is the room's unmet load, `Q − ṁ c_p (T_return − T_supply)`.
public struct AirHandlerRoom: Sendable, Equatable {
    public var unit: AirHandlerUnit
    /// Design supply air mass flow, kg/s.
    public var designAirMassFlow: Double
    public var supplyAirSetpoint: Celsius
    public var minimumSupplyAir: Celsius
    public var roomAir: Celsius
    /// Site barometric pressure, Pa.
    public var pressure: Double

    public init(unit: AirHandlerUnit, designAirMassFlow: Double, supplyAirSetpoint: Celsius, minimumSupplyAir: Celsius,
                roomAir: Celsius, pressure: Double) {
        self.unit = unit
        self.designAirMassFlow = designAirMassFlow
        self.supplyAirSetpoint = supplyAirSetpoint
        self.minimumSupplyAir = minimumSupplyAir
        self.roomAir = roomAir
        self.pressure = pressure
    }

    /// Supply air at the start of the year, °C: the room's setpoint (a cooled room's air, as EnergyPlus's warm-up
    /// days leave it), not the warmest supply allowed, at which the servers' first step would draw far more than
    /// the design flow can carry.
    public var initialSupplyAir: Double { min(supplyAirSetpoint.value, roomAir.value) }

    /// Supply setpoint (°C) and air mass flow (kg/s) for a sensible load `load` W with the return air at
    /// `returnAir` °C and humidity ratio `humidityRatio`.
    public func supply(load: Double, returnAir: Double, humidityRatio: Double) -> (setpoint: Double, massFlow: Double) {
        let specificHeat = Psychrometrics.moistAirSpecificHeat(humidityRatio: humidityRatio)
        let needed = returnAir - max(0, load) / (designAirMassFlow * specificHeat)
        let setpoint = min(supplyAirSetpoint.value, max(minimumSupplyAir.value, needed))
        guard needed > setpoint, returnAir > setpoint else { return (setpoint, designAirMassFlow) }
        let fraction = max(load, 0) / (specificHeat * (returnAir - setpoint) * designAirMassFlow)
        return (setpoint, designAirMassFlow * min(1, max(unit.fan.minimumFlowFraction, fraction)))
    }

    /// One step of the room's air handler for `load` W of room heat, the return air `returnAir` °C at the
    /// hall's humidity ratio, outdoor air `outdoor` and chilled water at `chilledWaterSupply` °C.
    public func step(load: Double, returnAir: Double, humidityRatio: Double, outdoor: AirHandlerUnit.Air,
                     chilledWaterSupply: Double) -> AirHandlerStep {
        let (setpoint, massFlow) = supply(load: load, returnAir: returnAir, humidityRatio: humidityRatio)
        return unit.step(massFlow: massFlow, designMassFlow: designAirMassFlow,
                         returnAir: .init(dryBulb: returnAir, humidityRatio: humidityRatio), outdoor: outdoor,
                         supplySetpoint: setpoint, chilledWaterSupply: chilledWaterSupply, pressure: pressure)
    }
}
