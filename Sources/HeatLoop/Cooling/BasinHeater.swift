/// An open cooling tower's basin heater: an electric heater that keeps the standing water in the tower's basin
/// from freezing while no water circulates through the tower.
///
/// `P = C · max(0, T_set − T_db)`, W, with `C` the heater's capacity per kelvin below its setpoint (W/K), `T_set`
/// its setpoint and `T_db` the outdoor dry bulb (°C). It runs only while the tower carries no water (the chiller
/// and the condenser pump off); its heat goes to the basin water and the outdoor air, not to any loop.
/// Source: EnergyPlus Engineering Reference, "Cooling Towers and Evaporative Fluid Coolers", basin heater
/// (`CoolingTower:VariableSpeed` fields "Basin Heater Capacity" and "Basin Heater Setpoint Temperature"; EnergyPlus
/// `CalcBasinHeaterPower`, run when the tower has no water flow; no operating schedule: always available).
public struct BasinHeater: Sendable, Equatable {
    /// Heater power per kelvin of outdoor air below the setpoint, W/K.
    public var capacityPerKelvin: Double
    /// Outdoor dry bulb below which the heater runs, °C.
    public var setpoint: Celsius

    public init(capacityPerKelvin: Double, setpoint: Celsius) {
        self.capacityPerKelvin = capacityPerKelvin
        self.setpoint = setpoint
    }

    /// Electric power at outdoor dry bulb `dryBulb` °C while the tower is idle, W.
    @inlinable
    public func power(dryBulb: Double) -> Double { capacityPerKelvin * max(0, setpoint.value - dryBulb) }
}
