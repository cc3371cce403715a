import Foundation

/// The five performance modifiers of a single-speed DX coil (EnergyPlus `Coil:Cooling:DX:SingleSpeed`
/// fields "Total Cooling Capacity Function of Temperature Curve Name" … "Part Load Fraction Correlation
/// Curve Name"). Temperature curves take x = entering-air wet bulb (°C), y = condenser entering air
/// (outdoor dry bulb for an air-cooled condenser, °C); flow curves take the air mass-flow fraction
/// ṁ / ṁ_rated; the part-load curve takes PLR.
public struct DXCoilCurves: Sendable, Equatable {
    public var capacityFunctionOfTemperature: CoilCurve2D
    public var capacityFunctionOfFlow: QuadraticCurve
    public var eirFunctionOfTemperature: CoilCurve2D
    public var eirFunctionOfFlow: QuadraticCurve
    public var partLoadFraction: QuadraticCurve

    public init(capacityFunctionOfTemperature: CoilCurve2D, capacityFunctionOfFlow: QuadraticCurve,
                eirFunctionOfTemperature: CoilCurve2D, eirFunctionOfFlow: QuadraticCurve,
                partLoadFraction: QuadraticCurve) {
        self.capacityFunctionOfTemperature = capacityFunctionOfTemperature
        self.capacityFunctionOfFlow = capacityFunctionOfFlow
        self.eirFunctionOfTemperature = eirFunctionOfTemperature
        self.eirFunctionOfFlow = eirFunctionOfFlow
        self.partLoadFraction = partLoadFraction
    }
}

/// Single-speed electric DX air-cooling coil with an air-cooled condenser, as EnergyPlus models it
/// (`Coil:Cooling:DX:SingleSpeed`; Engineering Reference, "Single-Speed Electric DX Air Cooling Coil"):
///
///     Q_avail = Q_rated · CAPFT(T_wb,in, T_odb) · CAPFFF(ff)                 W (gross total)
///     EIR     = 1/COP_rated · EIRFT(T_wb,in, T_odb) · EIRFFF(ff)
///     PLR     = Q_s,load / (SHR · Q_avail)          (≤ 1; the coil cycles to meet the sensible load)
///     RTF     = min(1, PLR / PLF(PLR)),   PLF ≥ 0.7 as EnergyPlus enforces
///     P       = Q_avail · EIR · RTF                                           W
///
/// `P` is compressor + condenser fan (what the rated COP covers); the supply fan is separate
/// (`SupplyFan`). `ff = ṁ / (ρ_std V̇_rated)`. Below `minimumOutdoorTemperature` the compressor is
/// locked out (EnergyPlus "Minimum Outdoor Dry-Bulb Temperature for Compressor Operation", *default* −25 °C).
///
/// Moisture. The sensible heat ratio `SHR` is an input of `step`: 1 for a dry coil. Data-centre rooms
/// have no latent load (no people, no outdoor air), so a recirculating CRAC coil runs dry and `SHR = 1`
/// is what EnergyPlus computes for them too. Where the coil may be wet (outdoor air through the coil),
/// `moisture(…)` applies the EnergyPlus apparatus-dew-point / bypass-factor method — SHR at full
/// capacity from the ADP of the coil line, `BF = exp(−A_o/ṁ)` with `A_o = −ln(BF_rated) ṁ_rated`
/// from the rated SHR at 26.67 °C db / 19.44 °C wb — and returns the wet bulb EnergyPlus reads the
/// curves at (for a dry coil, the wet bulb of the "dry-out" point where the inlet humidity ratio
/// would equal the ADP's). It iterates psychrometric solvers (~µs), so it is not in the per-step
/// budget; callers use it per weather record or at design.
public struct DXCoolingCoil: Sendable, Equatable {
    public var ratedTotalCapacity: Watts
    public var ratedSensibleHeatRatio: Double
    public var ratedCOP: Double
    /// Rated air volume flow, m³/s.
    public var ratedAirFlow: Double
    public var curves: DXCoilCurves
    public var minimumOutdoorTemperature: Celsius
    /// Density that turns volume flows into mass flows, kg/m³: EnergyPlus `StdRhoAir`, dry air at
    /// 20 °C and the site's standard pressure (1.204 at sea level, ≈ 0.97 at Denver's 1793 m).
    public var standardAirDensity: Double
    /// `A_o = −ln(BF_rated) · ṁ_rated`, kg/s, fixed at init from the rated point.
    public let bypassCoefficient: Double

    /// EnergyPlus rating point: entering air 26.67 °C db / 19.44 °C wb, outdoor 35 °C (AHRI 210/240).
    public static let ratedInletDryBulb = 26.6667
    public static let ratedInletWetBulb = 19.4444
    public static let ratedOutdoorDryBulb = 35.0

    public init(ratedTotalCapacity: Watts, ratedSensibleHeatRatio: Double, ratedCOP: Double, ratedAirFlow: Double,
                curves: DXCoilCurves, minimumOutdoorTemperature: Celsius = Celsius(-25),
                standardAirDensity: Double = 1.204) {
        self.ratedTotalCapacity = ratedTotalCapacity
        self.ratedSensibleHeatRatio = ratedSensibleHeatRatio
        self.ratedCOP = ratedCOP
        self.ratedAirFlow = ratedAirFlow
        self.curves = curves
        self.minimumOutdoorTemperature = minimumOutdoorTemperature
        self.standardAirDensity = standardAirDensity
        let ratedFlow = ratedAirFlow * standardAirDensity
        let bypass = Self.ratedBypassFactor(capacity: ratedTotalCapacity.value, sensibleHeatRatio: ratedSensibleHeatRatio,
                                            airMassFlow: ratedFlow)
        bypassCoefficient = -log(max(bypass, 1e-6)) * ratedFlow
    }

    /// Rated air mass flow ρ_std V̇_rated, kg/s.
    public var ratedAirMassFlow: Double { ratedAirFlow * standardAirDensity }

    /// Bypass factor at air mass flow `airMassFlow` (kg/s): `BF = exp(−A_o / ṁ)`.
    public func bypassFactor(airMassFlow: Double) -> Double {
        airMassFlow > 0 ? exp(-bypassCoefficient / airMassFlow) : 0
    }

    /// Gross total capacity available at these conditions, W.
    @inline(__always)
    public func availableCapacity(enteringWetBulb: Double, outdoorDryBulb: Double, flowFraction: Double) -> Double {
        ratedTotalCapacity.value * curves.capacityFunctionOfTemperature(enteringWetBulb, outdoorDryBulb)
            * curves.capacityFunctionOfFlow(flowFraction)
    }

    /// Meets up to `sensibleLoad` W of sensible cooling. `enteringWetBulb` and `outdoorDryBulb` in °C,
    /// `flowFraction` = ṁ / ṁ_rated, `sensibleHeatRatio` of the coil at full capacity (1 = dry).
    /// `eirModifierOverride` replaces the coil's own EIRFT value when given (a pumped-refrigerant
    /// economiser mode evaluates its own curve); `appliesCompressorLockout` false lets a pump-only mode run below the
    /// compressor's minimum outdoor temperature. Load beyond capacity is returned as `unmetSensible`; nothing throws.
    @inline(__always)
    public func step(sensibleLoad: Double, enteringWetBulb: Double, outdoorDryBulb: Double, flowFraction: Double,
                     sensibleHeatRatio: Double = 1, eirModifierOverride: Double? = nil,
                     appliesCompressorLockout: Bool = true) -> DXCoilStep {
        let load = max(0, sensibleLoad)
        let lockedOut = appliesCompressorLockout && outdoorDryBulb < minimumOutdoorTemperature.value
        guard load > 0, flowFraction > 0, !lockedOut else {
            return DXCoilStep(sensibleRemoved: 0, totalRemoved: 0, power: 0, partLoadRatio: 0, runtimeFraction: 0,
                              availableCapacity: 0, unmetSensible: load, curvesClamped: false)
        }
        let capacity = availableCapacity(enteringWetBulb: enteringWetBulb, outdoorDryBulb: outdoorDryBulb,
                                         flowFraction: flowFraction)
        let shr = min(1, max(sensibleHeatRatio, 1e-3))
        let sensibleCapacity = capacity * shr
        let sensible = min(load, sensibleCapacity)
        let partLoad = sensibleCapacity > 0 ? sensible / sensibleCapacity : 0
        // EnergyPlus resets PLF below 0.7 to 0.7 (with a warning); the same floor keeps RTF finite.
        let partLoadFraction = max(0.7, curves.partLoadFraction(partLoad))
        let runtime = min(1, partLoad / partLoadFraction)
        let eirModifier = eirModifierOverride ?? curves.eirFunctionOfTemperature(enteringWetBulb, outdoorDryBulb)
        let eir = eirModifier * curves.eirFunctionOfFlow(flowFraction) / ratedCOP
        let clamped = curves.capacityFunctionOfTemperature.isOutside(x: enteringWetBulb, y: outdoorDryBulb)
            || (eirModifierOverride == nil && curves.eirFunctionOfTemperature.isOutside(x: enteringWetBulb, y: outdoorDryBulb))
            || curves.capacityFunctionOfFlow.isOutside(flowFraction) || curves.eirFunctionOfFlow.isOutside(flowFraction)
        return DXCoilStep(sensibleRemoved: sensible, totalRemoved: capacity * partLoad, power: capacity * eir * runtime,
                          partLoadRatio: partLoad, runtimeFraction: runtime, availableCapacity: capacity,
                          unmetSensible: load - sensible, curvesClamped: clamped)
    }
}

/// One DX-coil step. Heats and powers in W; ratios dimensionless.
public struct DXCoilStep: Sendable, Equatable {
    public var sensibleRemoved: Double
    /// Sensible + latent heat removed from the air.
    public var totalRemoved: Double
    /// Compressor + condenser fan electric power.
    public var power: Double
    public var partLoadRatio: Double
    public var runtimeFraction: Double
    /// Gross total capacity at the step's conditions.
    public var availableCapacity: Double
    public var unmetSensible: Double
    /// True when a curve input fell outside its stated range and was clamped.
    public var curvesClamped: Bool
    public var latentRemoved: Double { totalRemoved - sensibleRemoved }
}

/// The coil's moisture state at full capacity (EnergyPlus ADP/BF method).
public struct DXCoilMoisture: Sendable, Equatable {
    public var sensibleHeatRatio: Double
    /// Wet bulb EnergyPlus evaluates CAPFT/EIRFT at: the inlet wet bulb for a wet coil, the dry-out
    /// wet bulb for a dry coil, °C.
    public var curveWetBulb: Double
    public var isDry: Bool
}

extension DXCoolingCoil {
    /// Apparatus-dew-point / bypass-factor state of the coil at full capacity for inlet air at
    /// `inletDryBulb` °C and `inletHumidityRatio` kg/kg, `pressure` Pa. Dry coil (W_ADP ≥ W_in): the
    /// humidity ratio is raised at constant dry bulb until it meets the ADP's (the dry-out point) and
    /// the curves are read at that wet bulb, SHR = 1 — EnergyPlus does this because CAPFT fitted on
    /// wet-coil data over-predicts at low wet bulbs.
    public func moisture(inletDryBulb: Double, inletHumidityRatio: Double, outdoorDryBulb: Double,
                         flowFraction: Double, pressure: Double) -> DXCoilMoisture {
        let mass = flowFraction * ratedAirMassFlow
        let bypass = bypassFactor(airMassFlow: mass)
        var humidity = max(inletHumidityRatio, Psychrometrics.minimumHumidityRatio)
        var wetBulb = Psychrometrics.wetBulb(dryBulb: inletDryBulb, humidityRatio: humidity, pressure: pressure)
        guard mass > 0 else { return DXCoilMoisture(sensibleHeatRatio: 1, curveWetBulb: wetBulb, isDry: true) }
        var raised = false
        for _ in 0 ..< 30 {
            let capacity = availableCapacity(enteringWetBulb: wetBulb, outdoorDryBulb: outdoorDryBulb, flowFraction: flowFraction)
            let inletEnthalpy = Psychrometrics.enthalpy(dryBulb: inletDryBulb, humidityRatio: humidity)
            let adpEnthalpy = inletEnthalpy - capacity / (mass * (1 - bypass))
            let adpTemperature = Self.saturationTemperature(enthalpy: adpEnthalpy, pressure: pressure)
            let adpHumidity = Psychrometrics.saturationHumidityRatio(temperature: adpTemperature, pressure: pressure)
            if adpHumidity <= humidity * 1.001 {
                if raised { return DXCoilMoisture(sensibleHeatRatio: 1, curveWetBulb: wetBulb, isDry: true) }
                let sensibleEnthalpy = Psychrometrics.enthalpy(dryBulb: inletDryBulb, humidityRatio: adpHumidity)
                let shr = inletEnthalpy - adpEnthalpy > 1e-10
                    ? min(1, (sensibleEnthalpy - adpEnthalpy) / (inletEnthalpy - adpEnthalpy)) : 1
                return DXCoilMoisture(sensibleHeatRatio: shr, curveWetBulb: wetBulb, isDry: shr >= 1)
            }
            // Dry coil: move half-way towards the ADP humidity ratio (damped so CAPFT's feedback converges).
            raised = true
            humidity = 0.5 * (humidity + adpHumidity)
            wetBulb = Psychrometrics.wetBulb(dryBulb: inletDryBulb, humidityRatio: humidity, pressure: pressure)
        }
        return DXCoilMoisture(sensibleHeatRatio: 1, curveWetBulb: wetBulb, isDry: true)
    }

    /// Rated bypass factor from the rated point: the coil line through the rated inlet and outlet
    /// states is extended to saturation (the ADP), `BF = (h_out − h_ADP) / (h_in − h_ADP)`, at
    /// sea-level pressure as EnergyPlus rates it.
    public static func ratedBypassFactor(capacity: Double, sensibleHeatRatio: Double, airMassFlow: Double) -> Double {
        let p = Psychrometrics.standardSeaLevelPressure
        let tIn = ratedInletDryBulb
        let wIn = Psychrometrics.humidityRatio(dryBulb: tIn, wetBulb: ratedInletWetBulb, pressure: p)
        let hIn = Psychrometrics.enthalpy(dryBulb: tIn, humidityRatio: wIn)
        let deltaH = capacity / max(airMassFlow, 1e-9)
        let hOut = hIn - deltaH
        // Outlet humidity: the latent part (1 − SHR) Δh at the inlet dry bulb.
        let hLatentLine = hIn - (1 - sensibleHeatRatio) * deltaH
        let wOut = max((hLatentLine / 1000 - 1.006 * tIn) / (2501 + 1.86 * tIn), Psychrometrics.minimumHumidityRatio)
        let tOut = (hOut / 1000 - 2501 * wOut) / (1.006 + 1.86 * wOut)
        guard tIn - tOut > 1e-6 else { return 0 }
        let slope = (wIn - wOut) / (tIn - tOut)
        // ADP: where the coil line W(T) = W_out − slope (T_out − T) meets saturation, T < T_out.
        var low = -50.0, high = tOut
        for _ in 0 ..< 60 {
            let mid = 0.5 * (low + high)
            let line = wOut - slope * (tOut - mid)
            if Psychrometrics.saturationHumidityRatio(temperature: mid, pressure: p) > line { high = mid } else { low = mid }
        }
        let tADP = 0.5 * (low + high)
        let hADP = Psychrometrics.enthalpy(dryBulb: tADP, humidityRatio: Psychrometrics.saturationHumidityRatio(temperature: tADP, pressure: p))
        return min(1, max(0, (hOut - hADP) / (hIn - hADP)))
    }

    /// Temperature of saturated air with enthalpy `enthalpy` J/kg at `pressure` Pa (bisection, 0.001 K).
    static func saturationTemperature(enthalpy: Double, pressure: Double) -> Double {
        var low = -60.0, high = 100.0
        while high - low > 1e-3 {
            let mid = 0.5 * (low + high)
            let h = Psychrometrics.enthalpy(dryBulb: mid, humidityRatio: Psychrometrics.saturationHumidityRatio(temperature: mid, pressure: pressure))
            if h > enthalpy { high = mid } else { low = mid }
        }
        return 0.5 * (low + high)
    }
}
