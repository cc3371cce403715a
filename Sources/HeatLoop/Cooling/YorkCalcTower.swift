import Foundation

/// An open cooling tower with a variable-speed fan whose approach follows the YorkCalc empirical correlation:
/// EnergyPlus `CoolingTower:VariableSpeed` (one cell, model type YorkCalc / YorkCalcUserDefined).
///
/// Source: EnergyPlus 25.2 Engineering Reference, "Cooling Towers and Evaporative Fluid Coolers" →
/// "Variable Speed Cooling Towers Empirical Models" (the YorkCalc correlation, `YorkCalcCorrelation`; model
/// calibration; free convection; fan cycling at the minimum air flow ratio; fan power ratio curve) and
/// "Cooling Tower Makeup Water" (SaturatedExit evaporation, drift, blowdown by concentration ratio);
/// the controls of `2ZoneDataCenterHVAC_wEconomizer.idf` (`SetpointManager:FollowOutdoorAirTemperature`).
///
/// The water flows at its design rate whenever the tower runs (a constant-flow condenser loop), so the range
/// follows from the heat, `R = Q / (ṁ c_p)`, and the water flow ratio is fixed: `FR_water = ṁ / ṁ_cal`, with
/// the calibrated flow `ṁ_cal` the one at which the correlation gives the design approach at the design wet
/// bulb and range with the fan at full speed (EnergyPlus's calibration; `designWaterFlowRatio` = ṁ / ṁ_cal).
/// Leaving water against the condenser-water setpoint `T_sp` (°C) at wet bulb `T_wb`:
///
///     T_full = T_wb + A(T_wb, R, FR_water / 1)                          fan at full speed
///     T_full ≥ T_sp:   leaving T_full, fan power P_d                    (setpoint not reached)
///     T_off  = T_wb + A(T_wb, R/f, FR_water) + R/f − R                  free convection, fan off
///     T_off ≤ T_sp:    leaving T_off, no fan power                      (floats below the setpoint)
///     T_min  = T_wb + A(T_wb, R, FR_water / FR_min)                     fan at its minimum air flow ratio
///     T_min ≤ T_sp:    fan cycles at FR_min for c = (T_off − T_sp) / (T_off − T_min) of the step,
///                      fan power c · P_d · FanRatio(FR_min), leaving T_sp
///     otherwise:       FR_air ∈ [FR_min, 1] solves T_wb + A(T_wb, R, FR_water / FR_air) = T_sp,
///                      fan power P_d · FanRatio(FR_air), leaving T_sp
///
/// `f` is the fraction of the tower's capacity in free convection: EnergyPlus takes the fan-off outlet as the inlet
/// less `f` of the full-fan range at that inlet; at steady state (range R) that inlet is the one at which the
/// full-fan range is `R / f`, which gives `T_off` above without iterating. The wet bulb and the water flow ratio are
/// capped at the correlation's bounds before it is evaluated (as EnergyPlus does); any input outside them — the wet
/// bulb, the range, the water flow ratio, the liquid-to-gas ratio or the delivered approach — is reported
/// (`outsideBounds`), never silent.
///
/// Water (kg/s), EnergyPlus's SaturatedExit mode: the air leaves saturated at the enthalpy the heat gives it,
///
///     ṁ_air = FR_air · V̇_air,d · ρ_air(T_db, W_in)
///     h_out = h_sat(T_wb) + Q / ṁ_air,    W_out = W_sat(T_sat(h_out))
///     E = ṁ_air (W_out − W_in),   D = d · ṁ_d · FR_air,   B = max(0, E / (C − 1) − D)
///
/// evaluated at standard sea-level pressure: the air's mass flow scales with p and the humidity ratios with 1/p,
/// so E is independent of the pressure to first order.
public struct YorkCalcTower: Sendable, Equatable {
    public var correlation: YorkCalcCorrelation
    /// Circulating water at design, kg/s; the flow whenever the tower runs.
    public var designWaterFlow: Double
    /// FR_water of the design flow (the calibration: `calibratedWaterFlowRatio`).
    public var designWaterFlowRatio: Double
    /// Fan power at full speed (air flow ratio 1).
    public var designFanPower: Watts
    /// Fan power / design fan power of the air flow ratio.
    public var fanPowerRatio: CubicCurve
    /// Lowest air flow ratio of the running fan; below it the fan cycles.
    public var minimumAirFlowRatio: Double
    /// Fraction of the tower's capacity in free convection (fan off), f > 0.
    public var freeConvectionFraction: Double
    /// Air flow at full fan speed, m³/s.
    public var designAirFlow: Double
    /// Condenser-water setpoint: the outdoor wet bulb + offset, between a minimum and a maximum.
    public var setpoint: WetBulbReset
    /// Cycles of concentration (blowdown), > 1.
    public var cyclesOfConcentration: Double
    /// Drift as a fraction (not %) of the design water flow at full air flow.
    public var driftFraction: Double

    public init(correlation: YorkCalcCorrelation, designWaterFlow: Double, designWaterFlowRatio: Double,
                designFanPower: Watts, fanPowerRatio: CubicCurve, minimumAirFlowRatio: Double,
                freeConvectionFraction: Double, designAirFlow: Double, setpoint: WetBulbReset,
                cyclesOfConcentration: Double, driftFraction: Double) {
        self.correlation = correlation
        self.designWaterFlow = designWaterFlow
        self.designWaterFlowRatio = designWaterFlowRatio
        self.designFanPower = designFanPower
        self.fanPowerRatio = fanPowerRatio
        self.minimumAirFlowRatio = minimumAirFlowRatio
        self.freeConvectionFraction = freeConvectionFraction
        self.designAirFlow = designAirFlow
        self.setpoint = setpoint
        self.cyclesOfConcentration = cyclesOfConcentration
        self.driftFraction = driftFraction
    }

    /// The tower fan's power ratio curve of `2ZoneDataCenterHVAC_wEconomizer.idf` (`CoolingTowerFanRatioCurve`,
    /// `Curve:Cubic`, air flow ratio 0.15…1).
    public static let energyPlusFanPowerRatio = CubicCurve(
        -0.00931516301535329, 0.0512333965844443, -0.0838364671381841, 1.04191823356909, x: 0.15...1)

    /// The water flow ratio at which `correlation` gives `approach` K at `wetBulb` °C and `range` K with the fan
    /// at full speed, or nil when none does between 0.5 and 4 × the correlation's largest ratio (EnergyPlus's
    /// calibration bracket). The approach grows with the water flow ratio; solved by bisection to 1e-12 (once, at design).
    public static func calibratedWaterFlowRatio(_ correlation: YorkCalcCorrelation, wetBulb: Double, range: Double,
                                                approach: Double) -> Double? {
        func residual(_ ratio: Double) -> Double {
            correlation.approach(wetBulb: wetBulb, range: range, liquidToGas: ratio) - approach
        }
        var low = 0.5, high = 4 * correlation.waterFlowRatioBounds.upperBound
        guard residual(low) <= 0, residual(high) >= 0 else { return nil }
        while high - low > 1e-12 {
            let middle = (low + high) / 2
            if residual(middle) < 0 { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// Water leaving the tower when it rejects `load` W at `wetBulb` °C, °C.
    ///
    /// This model's steps stay out of line (`@inline(never)`): inlined into `WaterCooledChillerPlant.step` through
    /// the sink's switch, their solver loops made every water-cooled plant's step slower (measured ≈ 5 % of a
    /// 1-min `heatloop run` of `enterprise-hall-tower`, which has no YorkCalc tower).
    @inline(never)
    public func leavingWater(load: Double, wetBulb: Double) -> Double {
        operation(load: load, wetBulb: wetBulb).leaving
    }

    /// Rejects `load` W to air at `dryBulb` / `wetBulb` °C.
    @inline(never)
    public func step(load: Double, dryBulb: Double, wetBulb: Double) -> YorkCalcTowerStep {
        let state = operation(load: load, wetBulb: wetBulb)
        let range = designWaterFlow > 0 ? max(0, load) / (designWaterFlow * Fluid.waterSpecificHeat) : 0
        guard load > 0 else {
            return YorkCalcTowerStep(leavingWater: state.leaving, enteringWater: state.leaving, airFlowRatio: 0,
                                     fanPower: 0, evaporation: 0, drift: 0, blowdown: 0, outsideBounds: false)
        }
        let evaporation = self.evaporation(load: load, airFlowRatio: state.airFlowRatio, dryBulb: dryBulb, wetBulb: wetBulb)
        let drift = driftFraction * designWaterFlow * state.airFlowRatio
        let blowdown = cyclesOfConcentration > 1 ? max(0, evaporation / (cyclesOfConcentration - 1) - drift) : 0
        return YorkCalcTowerStep(leavingWater: state.leaving, enteringWater: state.leaving + range,
                                 airFlowRatio: state.airFlowRatio, fanPower: state.fanPower, evaporation: evaporation,
                                 drift: drift, blowdown: blowdown, outsideBounds: state.outsideBounds)
    }

    /// The most heat loop water (`flow` kg/s entering at `waterIn` °C) can give through a plate heat exchanger of
    /// approach `exchangerApproach` K to this tower's water: the root of `Q = ṁ c_p (T_in − A_hx − T_leaving(Q))`
    /// (bisection; the tower's leaving water rises with its heat), never negative.
    @inline(never)
    public func exchangerLimit(waterIn: Double, flow: Double, exchangerApproach: Double, wetBulb: Double) -> Double {
        let capacityRate = flow * Fluid.waterSpecificHeat
        func residual(_ heat: Double) -> Double {
            capacityRate * (waterIn - exchangerApproach - leavingWater(load: heat, wetBulb: wetBulb)) - heat
        }
        var low = 0.0, high = max(0, capacityRate * (waterIn - exchangerApproach - wetBulb))
        guard residual(low) > 0 else { return 0 }
        for _ in 0..<50 where high - low > 1 {
            let middle = (low + high) / 2
            if residual(middle) > 0 { low = middle } else { high = middle }
        }
        return low
    }

    /// Leaving water (°C), air flow ratio, fan power (W) and whether the correlation left its bounds, for `load` W.
    func operation(load: Double, wetBulb: Double) -> (leaving: Double, airFlowRatio: Double, fanPower: Double,
                                                      outsideBounds: Bool) {
        let bounds = correlation
        let target = setpoint.temperature(wetBulb: wetBulb)
        let wetBulbCapped = min(bounds.wetBulbBounds.upperBound, max(bounds.wetBulbBounds.lowerBound, wetBulb))
        let waterRatio = min(bounds.waterFlowRatioBounds.upperBound,
                             max(bounds.waterFlowRatioBounds.lowerBound, designWaterFlowRatio))
        let range = designWaterFlow > 0 ? max(0, load) / (designWaterFlow * Fluid.waterSpecificHeat) : 0
        func leaving(range: Double, airRatio: Double) -> Double {
            wetBulbCapped + bounds.approach(wetBulb: wetBulbCapped, range: range, liquidToGas: waterRatio / airRatio)
        }
        let inputsOutside = !bounds.wetBulbBounds.contains(wetBulb) || !bounds.waterFlowRatioBounds.contains(designWaterFlowRatio)
            || !bounds.rangeBounds.contains(range)
        func report(_ leaving: Double, _ airRatio: Double) -> Bool {
            let outside = inputsOutside || waterRatio / max(airRatio, 1e-9) > bounds.maximumLiquidToGasRatio
                || !bounds.approachBounds.contains(leaving - wetBulbCapped)
            return load > 0 && outside
        }
        let full = leaving(range: range, airRatio: 1)
        if full >= target || load <= 0 {
            return (full, 1, load > 0 ? designFanPower.value : 0, report(full, 1))
        }
        let free = freeConvectionFraction
        let off = leaving(range: range / free, airRatio: 1) + range / free - range
        // Free convection evaluates the correlation at full air flow (range R / f).
        if off <= target { return (off, free, 0, load > 0 && inputsOutside) }
        let minimum = minimumAirFlowRatio
        let atMinimum = leaving(range: range, airRatio: minimum)
        if atMinimum <= target {
            let cycling = (off - target) / (off - atMinimum)
            let power = cycling * designFanPower.value * max(0, fanPowerRatio(minimum))
            return (target, cycling * minimum + (1 - cycling) * free, power, report(atMinimum, minimum))
        }
        // The approach falls as the air flow rises (the liquid-to-gas ratio falls): bisect on [FR_min, 1].
        var low = minimum, high = 1.0
        while high - low > 1e-9 {
            let middle = (low + high) / 2
            if leaving(range: range, airRatio: middle) > target { low = middle } else { high = middle }
        }
        let ratio = (low + high) / 2
        return (target, ratio, designFanPower.value * max(0, fanPowerRatio(ratio)), report(target, ratio))
    }

    /// Evaporation, kg/s, of `load` W carried off by `airFlowRatio` of the design air flow (SaturatedExit).
    func evaporation(load: Double, airFlowRatio: Double, dryBulb: Double, wetBulb: Double) -> Double {
        let pressure = Psychrometrics.standardSeaLevelPressure
        let inletRatio = Psychrometrics.humidityRatio(dryBulb: dryBulb, wetBulb: wetBulb, pressure: pressure)
        let airFlow = airFlowRatio * designAirFlow
            * Psychrometrics.density(dryBulb: dryBulb, humidityRatio: inletRatio, pressure: pressure)
        guard airFlow > 0 else { return 0 }
        let inletEnthalpy = Psychrometrics.enthalpy(
            dryBulb: wetBulb, humidityRatio: Psychrometrics.saturationHumidityRatio(temperature: wetBulb, pressure: pressure))
        let outlet = Psychrometrics.saturationTemperature(enthalpy: inletEnthalpy + load / airFlow, pressure: pressure)
        let outletRatio = Psychrometrics.saturationHumidityRatio(temperature: outlet, pressure: pressure)
        return max(0, airFlow * (outletRatio - inletRatio))
    }
}

/// A condenser-water setpoint that follows the outdoor wet bulb (EnergyPlus
/// `SetpointManager:FollowOutdoorAirTemperature`, reference OutdoorAirWetBulb): `clamp(T_wb + offset, min, max)`.
public struct WetBulbReset: Sendable, Equatable {
    public var offset: TemperatureDelta
    public var minimum: Celsius
    public var maximum: Celsius

    public init(offset: TemperatureDelta, minimum: Celsius, maximum: Celsius) {
        self.offset = offset
        self.minimum = minimum
        self.maximum = maximum
    }

    @inline(__always)
    public func temperature(wetBulb: Double) -> Double {
        min(maximum.value, max(minimum.value, wetBulb + offset.value))
    }
}

/// One YorkCalc tower step. °C, W, water in kg/s.
public struct YorkCalcTowerStep: Sendable, Equatable {
    public var leavingWater: Double
    public var enteringWater: Double
    /// Air flow over the design air flow, time-averaged when the fan cycles.
    public var airFlowRatio: Double
    public var fanPower: Double
    public var evaporation: Double
    public var drift: Double
    public var blowdown: Double
    /// True when an input of the correlation lay outside its fitted bounds this step.
    public var outsideBounds: Bool
    /// Make-up water M = E + D + B, kg/s.
    public var waterUse: Double { evaporation + blowdown + drift }
}
