/// How an indirect evaporative cooler runs in a step (EnergyPlus "IEC operating mode"; closed family).
public enum IndirectEvaporativeMode: Sendable, Equatable {
    case off
    /// Secondary air not wetted, its flow modulated to meet the setpoint / at full flow.
    case dryModulated, dryFull
    /// Secondary air wetted, its flow modulated to meet the setpoint / at full flow.
    case wetModulated, wetFull
}

/// Operating window of an indirect evaporative cooler (EnergyPlus
/// `EvaporativeCooler:Indirect:ResearchSpecial`, last three fields).
public struct IndirectEvaporativeLimits: Sendable, Equatable {
    /// Below this secondary-air dry bulb the wet side stays dry ("Evaporative Operation Minimum Limit
    /// Secondary Air Drybulb Temperature").
    public var minimumSecondaryDryBulbForWet: Celsius
    /// At or above this secondary-air wet bulb the wet side stays dry ("… Maximum Limit Outdoor Wetbulb").
    public var maximumSecondaryWetBulbForWet: Celsius
    /// "Dry Operation Maximum Limit Outdoor Drybulb Temperature": with the primary inlet above it and the
    /// wet bulb above its limit, the cooler is off.
    public var maximumDryBulbForDry: Celsius

    public init(minimumSecondaryDryBulbForWet: Celsius, maximumSecondaryWetBulbForWet: Celsius, maximumDryBulbForDry: Celsius) {
        self.minimumSecondaryDryBulbForWet = minimumSecondaryDryBulbForWet
        self.maximumSecondaryWetBulbForWet = maximumSecondaryWetBulbForWet
        self.maximumDryBulbForDry = maximumDryBulbForDry
    }
}

/// Indirect (wet-coil) evaporative cooler, EnergyPlus `EvaporativeCooler:Indirect:ResearchSpecial`
/// (Engineering Reference, "Evaporative Coolers" → "Indirect Evaporative Cooler Special Research
/// Model"; dry/wet operating modes as in EnergyPlus ≥ 8.3). Outdoor (secondary) air cools the supply
/// (primary) air through a heat exchanger, dry or with water sprayed on its side:
///
///     r          = ṁ_sec / ṁ_pri                                    secondary-to-primary flow ratio
///     T_out,dry  = T_in − ε_db f_db(r) (T_in − T_db,sec)
///     T_out,wet  = max(T_in − ε_wb f_wb(r) (T_in − T_wb,sec),  T_in − ε_dp (T_in − T_dp,sec))
///     P          = P_fan f_fan(x) [+ P_pump f_pump(x) when wet],    x = ṁ_sec / ṁ_sec,design
///     Q          = ṁ_pri c_p (T_in − T_out)
///     V̇_evap     = ṁ_sec (W_sec,out − W_sec,in) / ρ_w,  W_sec,out: h_sec,in + Q/ṁ_sec at T_db,sec,
///                  at most saturated (wet modes only)
///
/// Mode: off when the inlet is at or below the setpoint, colder than the secondary air, or (inlet
/// above `maximumDryBulbForDry` and secondary wet bulb above its limit); dry below the wet dry-bulb
/// limit; wet while the secondary wet bulb is below its limit. "Modulated" when full flow would
/// overcool: the secondary flow is then found (bisection) that brings the outlet to the setpoint, and
/// the flow-ratio curves set effectiveness and power there. EnergyPlus's dew-point bound applies to
/// wet full load; its "DryWetModulated" branch cannot be reached (the wet-modulated test precedes it
/// with weaker conditions) and is not modelled. Not modelled: relief (tertiary) air, the dry-mode cap
/// of the secondary outlet at 0.2 K below the primary inlet (not reached at the IDF's flow ratio 1.4).
/// `2ZoneDataCenterHVAC_wEconomizer.idf`: ε_wb 0.70, ε_db 0.72, ε_dp 0.9, secondary design flow 1.4 ×
/// primary, fan 200 W/(m³/s) and pump 150 W/(m³/s) of secondary design flow, Munters tables
/// (`EvaporativeCoolerCurveSets`), drift 0, no blowdown, limits 20 °C / 24 °C / 50 °C.
public struct IndirectEvaporativeCooler: Sendable, Equatable {
    public var wetEffectiveness: Double
    public var wetEffectivenessModifier: LookupTable1D?
    public var dryEffectiveness: Double
    public var dryEffectivenessModifier: LookupTable1D?
    public var dewPointEffectivenessFactor: Double
    /// Secondary (purge) air design volume flow, m³/s.
    public var secondaryDesignFlow: Double
    /// Secondary fan / recirculating pump power at design flow, W, and their part-flow modifiers.
    public var fanDesignPower: Double
    public var fanPowerModifier: LookupTable1D?
    public var pumpDesignPower: Double
    public var pumpPowerModifier: LookupTable1D?
    public var driftFraction: Double
    public var blowdownConcentrationRatio: Double?
    public var limits: IndirectEvaporativeLimits

    public init(wetEffectiveness: Double, wetEffectivenessModifier: LookupTable1D?, dryEffectiveness: Double,
                dryEffectivenessModifier: LookupTable1D?, dewPointEffectivenessFactor: Double,
                secondaryDesignFlow: Double, fanDesignPower: Double, fanPowerModifier: LookupTable1D?,
                pumpDesignPower: Double, pumpPowerModifier: LookupTable1D?, driftFraction: Double,
                blowdownConcentrationRatio: Double?, limits: IndirectEvaporativeLimits) {
        self.wetEffectiveness = wetEffectiveness
        self.wetEffectivenessModifier = wetEffectivenessModifier
        self.dryEffectiveness = dryEffectiveness
        self.dryEffectivenessModifier = dryEffectivenessModifier
        self.dewPointEffectivenessFactor = dewPointEffectivenessFactor
        self.secondaryDesignFlow = secondaryDesignFlow
        self.fanDesignPower = fanDesignPower
        self.fanPowerModifier = fanPowerModifier
        self.pumpDesignPower = pumpDesignPower
        self.pumpPowerModifier = pumpPowerModifier
        self.driftFraction = driftFraction
        self.blowdownConcentrationRatio = blowdownConcentrationRatio
        self.limits = limits
    }

    /// Secondary air entering the wet side: dry bulb °C, wet bulb °C, dew point °C, humidity ratio kg/kg.
    public struct SecondaryAir: Sendable, Equatable {
        public var dryBulb: Double, wetBulb: Double, dewPoint: Double, humidityRatio: Double
        public init(dryBulb: Double, humidityRatio: Double, pressure: Double) {
            self.dryBulb = dryBulb
            self.humidityRatio = humidityRatio
            wetBulb = Psychrometrics.wetBulb(dryBulb: dryBulb, humidityRatio: humidityRatio, pressure: pressure)
            dewPoint = Psychrometrics.dewPoint(dryBulb: dryBulb, humidityRatio: humidityRatio, pressure: pressure)
        }
    }

    /// Outlet dry bulb °C with secondary mass flow ratio `ratio` (secondary over primary), wet or dry.
    @inline(__always)
    func outlet(inlet: Double, secondary: SecondaryAir, ratio: Double, wet: Bool) -> Double {
        if wet {
            let effectiveness = wetEffectiveness * (wetEffectivenessModifier?(ratio) ?? 1)
            return inlet - effectiveness * (inlet - secondary.wetBulb)
        }
        let effectiveness = dryEffectiveness * (dryEffectivenessModifier?(ratio) ?? 1)
        return min(inlet, inlet - effectiveness * (inlet - secondary.dryBulb))
    }

    /// The operating mode for primary inlet `inlet` °C, `setpoint` °C and the full-flow outlets.
    func mode(inlet: Double, setpoint: Double, secondary: SecondaryAir, fullDry: Double, fullWet: Double) -> IndirectEvaporativeMode {
        let wetBulbTooHigh = secondary.wetBulb >= limits.maximumSecondaryWetBulbForWet.value
        if inlet <= setpoint || inlet < secondary.dryBulb
            || (inlet > limits.maximumDryBulbForDry.value && wetBulbTooHigh) { return .off }
        if secondary.dryBulb < limits.minimumSecondaryDryBulbForWet.value {
            return fullDry < setpoint ? .dryModulated : .dryFull
        }
        if wetBulbTooHigh { return .off }
        return setpoint <= fullWet ? .wetFull : .wetModulated
    }

    /// Electric power, W, at secondary flow fraction `fraction` of design.
    @inline(__always)
    func power(fraction: Double, wet: Bool) -> Double {
        let fan = fanDesignPower * (fanPowerModifier?(fraction) ?? fraction)
        guard wet else { return fan }
        return fan + pumpDesignPower * (pumpPowerModifier?(fraction) ?? fraction)
    }

    /// Secondary flow fraction of design (0…1) whose outlet meets `setpoint` (bisection to 1e-6).
    func modulatedFraction(inlet: Double, setpoint: Double, secondary: SecondaryAir, designRatio: Double, wet: Bool) -> Double {
        var low = 0.0, high = 1.0
        while high - low > 1e-6 {
            let mid = 0.5 * (low + high)
            if outlet(inlet: inlet, secondary: secondary, ratio: mid * designRatio, wet: wet) > setpoint { low = mid } else { high = mid }
        }
        return 0.5 * (low + high)
    }

    /// Cools supply air of `massFlow` kg/s (dry air) at `inletDryBulb` °C / `inletHumidityRatio` kg/kg
    /// towards `setpoint` °C with outdoor `secondary` air, at barometric pressure `pressure` Pa.
    public func step(massFlow: Double, inletDryBulb: Double, inletHumidityRatio: Double, setpoint: Double,
                     secondary: SecondaryAir, pressure: Double) -> (step: EvaporativeCoolerStep, mode: IndirectEvaporativeMode) {
        let off = EvaporativeCoolerStep(outletDryBulb: inletDryBulb, outletHumidityRatio: inletHumidityRatio,
                                        partLoadFraction: 0, sensibleCooling: 0, electricPower: 0, water: .none)
        guard massFlow > 0, secondaryDesignFlow > 0 else { return (off, .off) }
        let secondaryDensity = Psychrometrics.density(dryBulb: secondary.dryBulb, humidityRatio: secondary.humidityRatio, pressure: pressure)
        let designSecondaryMass = secondaryDesignFlow * secondaryDensity / (1 + secondary.humidityRatio)
        let designRatio = designSecondaryMass / massFlow
        let fullDry = outlet(inlet: inletDryBulb, secondary: secondary, ratio: designRatio, wet: false)
        let dewPointBound = inletDryBulb - dewPointEffectivenessFactor * (inletDryBulb - secondary.dewPoint)
        let fullWet = max(outlet(inlet: inletDryBulb, secondary: secondary, ratio: designRatio, wet: true), dewPointBound)
        let mode = mode(inlet: inletDryBulb, setpoint: setpoint, secondary: secondary, fullDry: fullDry, fullWet: fullWet)
        let wet = mode == .wetFull || mode == .wetModulated
        let fraction: Double, outletTemperature: Double
        switch mode {
        case .off: return (off, .off)
        case .dryFull: (fraction, outletTemperature) = (1, fullDry)
        case .wetFull: (fraction, outletTemperature) = (1, fullWet)
        case .dryModulated, .wetModulated:
            fraction = modulatedFraction(inlet: inletDryBulb, setpoint: setpoint, secondary: secondary,
                                         designRatio: designRatio, wet: wet)
            outletTemperature = setpoint
        }
        let full = wet ? fullWet : fullDry
        let sensible = massFlow * Psychrometrics.moistAirSpecificHeat(humidityRatio: inletHumidityRatio) * (inletDryBulb - outletTemperature)
        let water = wet ? secondaryWater(heat: sensible, secondaryMass: fraction * designSecondaryMass,
                                          secondary: secondary, pressure: pressure) : .none
        let step = EvaporativeCoolerStep(
            outletDryBulb: outletTemperature, outletHumidityRatio: inletHumidityRatio,
            partLoadFraction: full < inletDryBulb ? (inletDryBulb - outletTemperature) / (inletDryBulb - full) : 0,
            sensibleCooling: sensible, electricPower: power(fraction: fraction, wet: wet), water: water)
        return (step, mode)
    }

    /// Water evaporated into `secondaryMass` kg/s of secondary air taking up `heat` W at its own dry
    /// bulb (EnergyPlus treats the wet side as pure mass transfer), at most to saturation.
    func secondaryWater(heat: Double, secondaryMass: Double, secondary: SecondaryAir, pressure: Double) -> EvaporativeWaterUse {
        guard secondaryMass > 0, heat > 0 else { return .none }
        let saturated = Psychrometrics.saturationHumidityRatio(temperature: secondary.dryBulb, pressure: pressure)
        // Enthalpy per kg of vapour added at constant dry bulb (h is linear in W), J/kg.
        let vapourEnthalpy = Psychrometrics.enthalpy(dryBulb: secondary.dryBulb, humidityRatio: secondary.humidityRatio + 1)
            - Psychrometrics.enthalpy(dryBulb: secondary.dryBulb, humidityRatio: secondary.humidityRatio)
        let outletHumidity = min(saturated, secondary.humidityRatio + heat / (secondaryMass * vapourEnthalpy))
        let evaporation = secondaryMass * max(0, outletHumidity - secondary.humidityRatio) / Fluid.waterDensity
        return EvaporativeWaterUse(evaporation: evaporation, driftFraction: driftFraction,
                                   concentrationRatio: blowdownConcentrationRatio)
    }
}
