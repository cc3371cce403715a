/// A zone's air with its heat capacity, as EnergyPlus solves it (Engineering Reference, "Zone Air Heat Balance",
/// "Summary of Predictor-Corrector Procedure", third-order backward difference, its default
/// `ZoneAirHeatBalanceAlgorithm`): the air loop's supply is set from a *predicted* load at the start of the step
/// (`coolingLoad`), the zone air's temperature is *corrected* at its end with the supply the zone actually got
/// (`next`). With `a = C_z / Δt`, the air's capacity `C_z = ρ V c_p · multiplier` and `H = a (3 T₁ − 3/2 T₂ + 1/3 T₃)`
/// the history of the last three steps' zone air (`History`, newest first):
///
///     predictor:  Q_load = G + Σ hA T₁ + H − (11/6 a + Σ hA) T_set                     (W, positive cools)
///     corrector:  T_z    = (G + Σ hA T₁ + H + ṁ c_p T_in) / (11/6 a + Σ hA + ṁ c_p)
///
/// `G` W are the zone air's convective gains, `T_in` the supply entering the zone. `Σ hA` (W/K) couples the air to
/// its surfaces, which are held at the zone's previous temperature `T₁` (their own conduction is not modelled: in
/// a steady state they exchange nothing with the air, and only stiffen the predictor, as EnergyPlus's `SumHA`
/// does in its `TempDepCoef`). What the predictor does not know of — a supply plenum between the air loop and the
/// zone (`SupplyPlenum`) — the zone absorbs by settling away from its setpoint: in a steady state
/// `T_z − T_set = Q_plenum / (11/6 a + Σ hA)` (EnergyPlus's West zone of `2ZoneDataCenterHVAC_wEconomizer.idf`:
/// 3.4 kW through its plenum, 0.85 K above its 23 °C setpoint; Docs/energyplus.md).
public struct ZoneAir: Sendable, Equatable {
    /// `ρ V c_p` × the zone's capacitance multiplier, J/K.
    public var capacitance: Double
    /// `Σ h A` of the zone's surfaces, W/K.
    public var surfaceConductance: Double
    /// The supply plenum the zone's supply passes through, nil for none.
    public var plenum: SupplyPlenum?

    public init(capacitance: Double, surfaceConductance: Double, plenum: SupplyPlenum? = nil) {
        self.capacitance = capacitance
        self.surfaceConductance = surfaceConductance
        self.plenum = plenum
    }

    /// The zone air of the last three steps, °C, newest first.
    public struct History: Sendable, Equatable {
        public var t1: Double, t2: Double, t3: Double
        public init(t1: Double, t2: Double, t3: Double) { (self.t1, self.t2, self.t3) = (t1, t2, t3) }
        /// A zone that has been at `temperature` for three steps.
        public init(steady temperature: Double) { self.init(t1: temperature, t2: temperature, t3: temperature) }
        /// The history a step later, ending at `temperature`.
        public func advanced(to temperature: Double) -> History { History(t1: temperature, t2: t1, t3: t2) }
    }

    /// The predictor: cooling (W, positive cools) that brings the air from `history` to `setpoint` °C by the end of
    /// a step of `stepSeconds` s with `gains` W into it; what `SetpointManager:SingleZone:Cooling` turns into a
    /// supply setpoint (`AirHandlerRoom.supply`).
    public func coolingLoad(setpoint: Double, gains: Double, history: History, stepSeconds: Double) -> Double {
        let a = capacitance / stepSeconds
        return gains + surfaceConductance * history.t1 + historyTerm(history, a: a)
            - (11.0 / 6.0 * a + surfaceConductance) * setpoint
    }

    /// The corrector: the zone air (°C) at the end of the step with `gains` W and supply entering at `inlet` °C at a
    /// capacity rate `capacityRate` W/K (`ṁ c_p`).
    public func next(gains: Double, inlet: Double, capacityRate: Double, history: History, stepSeconds: Double) -> Double {
        let a = capacitance / stepSeconds
        return (gains + surfaceConductance * history.t1 + historyTerm(history, a: a) + capacityRate * inlet)
            / (11.0 / 6.0 * a + surfaceConductance + capacityRate)
    }

    /// Heat the zone air and its surfaces took up over a step ending at `temperature`, W: the corrector's balance
    /// `G + ṁ c_p (T_in − T_z) = a (11/6 T_z − 3 T₁ + 3/2 T₂ − 1/3 T₃) + Σ hA (T_z − T₁)`.
    public func stored(temperature: Double, history: History, stepSeconds: Double) -> Double {
        let a = capacitance / stepSeconds
        return 11.0 / 6.0 * a * temperature - historyTerm(history, a: a) + surfaceConductance * (temperature - history.t1)
    }

    /// `a (3 T₁ − 3/2 T₂ + 1/3 T₃)`, W.
    private func historyTerm(_ history: History, a: Double) -> Double {
        a * (3 * history.t1 - 1.5 * history.t2 + history.t3 / 3)
    }
}

/// EnergyPlus `AirLoopHVAC:SupplyPlenum`: a zone of its own between the air loop's outlet and the zone's inlet (in
/// `2ZoneDataCenterHVAC_wEconomizer.idf`, a 0.5 m raised floor under each zone, on the ground), whose air the supply
/// mixes with and leaves at. Its air, well mixed and without capacity (EnergyPlus's stores ≈ 4 W on average), takes
/// heat from the zone above through its ceiling (the zone's floor) and from the ground under its floor:
///
///     ṁ c_p (T_p − T_s) = UA_z (T_z − T_p) + UA_g (T_g − T_p)
///     T_p = (ṁ c_p T_s + UA_z T_z + UA_g T_g) / (ṁ c_p + UA_z + UA_g)
///
/// `UA` are the constructions' conductances with their two surfaces' convection (Docs/energyplus.md derives the
/// IDF's); the ground is at the IDF's `Site:GroundTemperature:BuildingSurface`, here its annual mean.
public struct SupplyPlenum: Sendable, Equatable {
    /// Conductance to the zone air above, W/K.
    public var zoneConductance: Double
    /// Conductance to the ground, W/K.
    public var groundConductance: Double
    /// Ground under the plenum's floor, °C.
    public var groundTemperature: Double

    public init(zoneConductance: Double, groundConductance: Double, groundTemperature: Double) {
        self.zoneConductance = zoneConductance
        self.groundConductance = groundConductance
        self.groundTemperature = groundTemperature
    }

    /// The plenum's air and outlet for supply entering at `supply` °C at `capacityRate` W/K under zone air at
    /// `zoneAir` °C, with the heat (W) it took from the zone and from the ground.
    public func outlet(supply: Double, capacityRate: Double, zoneAir: Double)
        -> (temperature: Double, fromZone: Double, fromGround: Double) {
        let conductance = capacityRate + zoneConductance + groundConductance
        guard conductance > 0 else { return (supply, 0, 0) }
        let temperature = (capacityRate * supply + zoneConductance * zoneAir + groundConductance * groundTemperature)
            / conductance
        return (temperature, zoneConductance * (zoneAir - temperature), groundConductance * (groundTemperature - temperature))
    }
}
