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
///
/// The servers' own air stream (Engineering Reference, "Electric Equipment ITE (Air-Cooled)", *Air Flow
/// Calculation*): the design flow `V_design = P_design · v_W` (m³/s; `v_W` the "Design Fan Air Flow Rate per
/// Power Input") moves air at the inlet's density `ρ_in` (the inlet's dry bulb and humidity at the site's
/// standard pressure, which EnergyPlus's `PsyRhoAirFnPbTdbW(OutBaroPress, T_in, W)` gives: thinner air at
/// altitude carries less heat), and the outlet
///
///     ṁ     = ρ_in · V_design · φ_flow
///     T_out = T_in + (P_cpu + P_fan) / (ṁ c_p)
///
/// With `returnApproach` set (EnergyPlus "FlowControlWithApproachTemperatures"), the room's return air is the
/// servers' outlet plus that difference, `T_return = T_out + ΔT_return` (negative: some supply air bypasses the
/// servers); without it the room is well mixed ("FlowFromSystem") and the return is the room air.
public struct AirCooledITE: Sendable, Equatable {
    /// Design power input of one node (server fans included), W.
    public var designPower: Watts
    public var fanPowerFraction: Double
    public var cpuPower: BiquadraticCurve
    public var airFlow: BiquadraticCurve
    public var fanPower: QuadraticCurve
    public var recirculation: Double
    public var supplyApproach: TemperatureDelta
    /// Design air flow per watt of design power at standard density `v_W`, m³/(s·W).
    public var airFlowPerPower: Double
    /// `T_return − T_out`, K; nil for a well-mixed room.
    public var returnApproach: TemperatureDelta?

    public init(designPower: Watts, fanPowerFraction: Double, cpuPower: BiquadraticCurve, airFlow: BiquadraticCurve,
                fanPower: QuadraticCurve, recirculation: Double = 0, supplyApproach: TemperatureDelta = TemperatureDelta(0),
                airFlowPerPower: Double = 0.0001, returnApproach: TemperatureDelta? = nil) {
        self.airFlowPerPower = airFlowPerPower
        self.returnApproach = returnApproach
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

    /// One node's air stream at CPU loading `u` and inlet `inlet` °C: its power (W), air mass flow (kg/s) at
    /// the inlet air's density `airDensity` (kg/m³) and outlet temperature (°C) for air of specific heat
    /// `specificHeat` J/(kg·K). No flow (curve floored at 0): the outlet is the inlet.
    public func airStream(utilization u: Double, inlet: Double, airDensity: Double,
                          specificHeat: Double) -> (power: Double, massFlow: Double, outlet: Double) {
        let power = self.power(utilization: u, inlet: inlet)
        let massFlow = airDensity * designPower.value * airFlowPerPower * airFlow(u, inlet)
        return (power, massFlow, massFlow > 0 ? inlet + power / (massFlow * specificHeat) : inlet)
    }

    /// True when the inputs fall outside the curves' stated ranges (the curves then clamp).
    public func isOutsideCurves(utilization u: Double, inlet: Double) -> Bool {
        cpuPower.isOutside(x: u, y: inlet) || airFlow.isOutside(x: u, y: inlet)
    }
}
