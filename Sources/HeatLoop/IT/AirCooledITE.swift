/// Inlet-temperature-dependent power of air-cooled IT equipment, as EnergyPlus
/// `ElectricEquipment:ITE:AirCooled` models it (EnergyPlus Engineering Reference, "Electric Equipment
/// ITE (Air-Cooled)"):
///
///     P_cpu  = P_design · (1 − f_fan) · CPUPower(u, T_in)
///     φ_flow = AirFlow(u, T_in)
///     P_fan  = P_design · f_fan · FanPower(φ_flow)
///
/// with `u` the CPU loading, `T_in` the server inlet air temperature (°C): the supply air mixed with a
/// share `r` of the room's return air and warmed by a supply approach `ΔT_a` on its way,
/// `T_in = T_supply + ΔT_a + r (T_return − T_supply)` (EnergyPlus "Design Recirculation Fraction" with a
/// flat curve, 0.1 in the examples, and "Supply Temperature Difference" of the approach-temperature method) and biquadratic/quadratic
/// curves clamped to their input ranges. *Defaults* are the curves of EnergyPlus's data-center examples
/// (`1ZoneDataCenterCRAC_*.idf`): CPU power `−1 + x + 0.06667 y`, air flow `−1.4 + 0.9 x + 0.1 y`,
/// fan power `= φ`, fan fraction 0.4, inputs x ∈ [0, 1.5], y ∈ [−10, 99], outputs ∈ [0, 99]. The design
/// point is 15 °C inlet at full load, where both curves give 1.
public struct AirCooledITE: Sendable, Equatable {
    /// Design power input of one node (server fans included), W.
    public var designPower: Watts
    public var fanPowerFraction: Double
    public var cpuPower: BiquadraticCurve
    public var airFlow: BiquadraticCurve
    public var fanPower: QuadraticCurve
    public var recirculation: Double
    public var supplyApproach: TemperatureDelta

    public init(designPower: Watts, fanPowerFraction: Double, cpuPower: BiquadraticCurve, airFlow: BiquadraticCurve,
                fanPower: QuadraticCurve, recirculation: Double = 0, supplyApproach: TemperatureDelta = TemperatureDelta(0)) {
        self.recirculation = recirculation
        self.supplyApproach = supplyApproach
        self.designPower = designPower
        self.fanPowerFraction = fanPowerFraction
        self.cpuPower = cpuPower
        self.airFlow = airFlow
        self.fanPower = fanPower
    }

    /// Server inlet air temperature for the supply and return air of the room, °C.
    public func inlet(supply: Double, returnAir: Double) -> Double {
        supply + supplyApproach.value + recirculation * (returnAir - supply)
    }

    /// Power of one node at CPU loading `u` with inlet air at `inlet` °C, W.
    public func power(utilization u: Double, inlet: Double) -> Double {
        let design = designPower.value
        let cpu = design * (1 - fanPowerFraction) * cpuPower(u, inlet)
        let flow = airFlow(u, inlet)
        return cpu + design * fanPowerFraction * fanPower(flow)
    }

    /// True when the inputs fall outside the curves' stated ranges (the curves then clamp).
    public func isOutsideCurves(utilization u: Double, inlet: Double) -> Bool {
        cpuPower.isOutside(x: u, y: inlet) || airFlow.isOutside(x: u, y: inlet)
    }
}
