/// Where a direct evaporative cooler may wet its media (EnergyPlus
/// `EvaporativeCooler:Direct:ResearchSpecial` fields "Evaporative Operation Minimum Drybulb
/// Temperature", "… Maximum Limit Wetbulb Temperature", "… Maximum Limit Drybulb Temperature"),
/// tested on the cooler's inlet air as EnergyPlus 25.2 does:
///
///     runs  ⇔  T_db ≥ T_db,min  and  (T_wb ≤ T_wb,max  or  T_db ≤ T_db,max)
///
/// (EnergyPlus joins the two upper limits with "or": either one alone keeps the cooler on).
public struct EvaporativeOperatingLimits: Sendable, Equatable {
    public var minimumDryBulb: Celsius
    public var maximumWetBulb: Celsius
    public var maximumDryBulb: Celsius

    public init(minimumDryBulb: Celsius, maximumWetBulb: Celsius, maximumDryBulb: Celsius) {
        self.minimumDryBulb = minimumDryBulb
        self.maximumWetBulb = maximumWetBulb
        self.maximumDryBulb = maximumDryBulb
    }

    @inline(__always)
    public func allows(dryBulb: Double, wetBulb: Double) -> Bool {
        dryBulb >= minimumDryBulb.value && (wetBulb <= maximumWetBulb.value || dryBulb <= maximumDryBulb.value)
    }
}

/// One step of an evaporative cooler.
public struct EvaporativeCoolerStep: Sendable, Equatable {
    /// Supply (primary) air leaving the cooler, °C and kg/kg.
    public var outletDryBulb: Double
    public var outletHumidityRatio: Double
    /// Fraction of the full-capacity cooling delivered (EnergyPlus "part load fraction").
    public var partLoadFraction: Double
    /// Sensible heat taken from the supply air, W.
    public var sensibleCooling: Double
    /// Pump (and, indirect, secondary fan) electric power, W.
    public var electricPower: Double
    public var water: EvaporativeWaterUse
}

/// Direct evaporative cooler, EnergyPlus `EvaporativeCooler:Direct:ResearchSpecial` (Engineering
/// Reference, "Evaporative Coolers" → "Direct Evaporative Cooler Special Research Model"):
///
///     T_out,full = T_in − ε (T_in − T_wb,in)                               °C
///     PLF        = clamp((T_in − T_set) / (T_in − T_out,full), 0, 1)
///     T_out      = T_in − PLF (T_in − T_out,full)    (= T_set when modulating)
///     W_out      = W(T_out, T_wb,in, p)              (adiabatic: the wet bulb is kept)
///     P_pump     = PLF · P_pump,design
///     V̇_evap     = ṁ (W_out − W_in) / ρ_w                                m³/s
///
/// plus drift and blowdown (`EvaporativeWaterUse`). The cooler runs only while its inlet air is within
/// `limits`. The IDF leaves the effectiveness and pump flow-modifier curves blank (constant ε; pump
/// power linear in PLF, the supply fan running continuously), which is what this model implements.
/// `2ZoneDataCenterHVAC_wEconomizer.idf`: ε 0.7, pump 30 W, drift 0, blowdown ratio 3, limits
/// T_db,min 16 °C, T_wb,max 18 °C, T_db,max 20 °C. Water density: `Fluid.waterDensity` (EnergyPlus
/// evaluates it at the outlet temperature; within 0.5 % of it between 5 and 35 °C).
public struct DirectEvaporativeCooler: Sendable, Equatable {
    public var effectiveness: Double
    /// Recirculating pump power at full load, W.
    public var pumpDesignPower: Double
    public var driftFraction: Double
    /// Blowdown concentration ratio (≥ 2), nil for none.
    public var blowdownConcentrationRatio: Double?
    /// Operating window on the inlet air; nil: always allowed.
    public var limits: EvaporativeOperatingLimits?

    public init(effectiveness: Double, pumpDesignPower: Double, driftFraction: Double,
                blowdownConcentrationRatio: Double?, limits: EvaporativeOperatingLimits?) {
        self.effectiveness = effectiveness
        self.pumpDesignPower = pumpDesignPower
        self.driftFraction = driftFraction
        self.blowdownConcentrationRatio = blowdownConcentrationRatio
        self.limits = limits
    }

    /// Cools air of `massFlow` kg/s (dry air), `inletDryBulb` °C, `inletHumidityRatio` kg/kg towards
    /// `setpoint` °C at barometric pressure `pressure` Pa.
    public func step(massFlow: Double, inletDryBulb: Double, inletHumidityRatio: Double,
                     setpoint: Double, pressure: Double) -> EvaporativeCoolerStep {
        let off = EvaporativeCoolerStep(outletDryBulb: inletDryBulb, outletHumidityRatio: inletHumidityRatio,
                                        partLoadFraction: 0, sensibleCooling: 0, electricPower: 0, water: .none)
        guard massFlow > 0, inletDryBulb > setpoint else { return off }
        let wetBulb = Psychrometrics.wetBulb(dryBulb: inletDryBulb, humidityRatio: inletHumidityRatio, pressure: pressure)
        if let limits, !limits.allows(dryBulb: inletDryBulb, wetBulb: wetBulb) { return off }
        let fullDrop = effectiveness * (inletDryBulb - wetBulb)
        guard fullDrop > 0 else { return off }
        let partLoad = min(1, (inletDryBulb - setpoint) / fullDrop)
        let outlet = inletDryBulb - partLoad * fullDrop
        let outletHumidity = max(inletHumidityRatio,
                                 Psychrometrics.humidityRatio(dryBulb: outlet, wetBulb: wetBulb, pressure: pressure))
        let evaporation = massFlow * (outletHumidity - inletHumidityRatio) / Fluid.waterDensity
        let specificHeat = Psychrometrics.moistAirSpecificHeat(humidityRatio: inletHumidityRatio)
        return EvaporativeCoolerStep(
            outletDryBulb: outlet, outletHumidityRatio: outletHumidity, partLoadFraction: partLoad,
            sensibleCooling: massFlow * specificHeat * (inletDryBulb - outlet),
            electricPower: partLoad * pumpDesignPower,
            water: EvaporativeWaterUse(evaporation: evaporation, driftFraction: driftFraction,
                                       concentrationRatio: blowdownConcentrationRatio))
    }
}
