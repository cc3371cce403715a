import Foundation

/// Moist-air properties from ASHRAE Handbook — Fundamentals (2017), chapter 1 ("Psychrometrics"), SI.
///
/// Units throughout: temperatures in °C, pressures in Pa, humidity ratio in kg water per kg dry air,
/// enthalpy in J per kg dry air (0 at 0 °C dry air), specific volume in m³ per kg dry air, relative
/// humidity as a fraction 0…1.
///
/// Conventions follow PsychroLib 2.5.0 (the project's reference oracle, `../shared/reference/
/// psychrometrics.csv`): saturation is over ice at T ≤ 0.01 °C (the triple point, where eq. 5 and 6 meet
/// without a jump), the ice-bulb equation (eq. 35) is used for wet-bulb temperatures below 0 °C, humidity
/// ratios are bounded below by 1e-7 kg/kg, dew points come from inverting eq. 5/6 by Newton–Raphson and
/// wet bulbs from bisection on eq. 33/35, both to 0.001 K.
///
/// Every function is pure and total on finite inputs: relative humidity is clamped to 0…1, temperatures
/// to the equations' range −100…200 °C, and every iteration is capped, so nothing traps or loops forever.
/// Non-finite inputs give non-finite results, never a hang.
public enum Psychrometrics {
    /// Ratio of the molar masses of water and dry air, M_w/M_da = 0.621945 (eq. 20).
    public static let molarMassRatio = 0.621945
    /// Gas constant of dry air, J/(kg·K) (ASHRAE 2017 ch. 1, eq. 26 uses 0.287042 kJ/(kg·K)).
    public static let dryAirGasConstant = 287.042
    /// Standard atmospheric pressure at sea level, Pa (eq. 3 at Z = 0).
    public static let standardSeaLevelPressure = 101_325.0
    /// Triple point of water, °C: eq. 5 (ice) applies at or below it, eq. 6 (liquid water) above.
    public static let triplePoint = 0.01
    /// Temperature range of the saturation-pressure equations (eq. 5: −100…0 °C, eq. 6: 0…200 °C), °C.
    public static let temperatureRange: ClosedRange<Double> = -100...200
    /// Smallest humidity ratio used or returned, kg/kg (PsychroLib `MIN_HUM_RATIO`): keeps bone-dry air finite.
    public static let minimumHumidityRatio = 1e-7
    /// Convergence tolerance of the dew-point and wet-bulb solvers, K (PsychroLib SI tolerance).
    public static let temperatureTolerance = 0.001
    /// Iteration cap of every solver (PsychroLib `MAX_ITER_COUNT`); a bisection fallback follows.
    static let maximumIterations = 100

    // MARK: Saturation

    /// Saturation vapour pressure p_ws, Pa, over ice at T ≤ 0.01 °C and over liquid water above.
    ///
    ///     ln p_ws = C1/T + C2 + C3 T + C4 T² + C5 T³ + C6 T⁴ + C7 ln T     (eq. 5, ice)
    ///     ln p_ws = C8/T + C9 + C10 T + C11 T² + C12 T³ + C13 ln T         (eq. 6, water)
    ///
    /// with T in K (Hyland and Wexler 1983). The switch is at the triple point 0.01 °C, not at 0 °C, as in
    /// PsychroLib: there the two curves meet, so the dew-point inversion converges. `temperature` (°C) is
    /// clamped to −100…200 °C. Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 5 and 6.
    public static func saturationVaporPressure(temperature: Double) -> Double {
        exp(logSaturationVaporPressure(temperature))
    }

    /// ln p_ws (p_ws in Pa) for `temperature` in °C, eq. 5/6, clamped to the equations' range.
    @inline(__always)
    static func logSaturationVaporPressure(_ temperature: Double) -> Double {
        let celsius = clampTemperature(temperature)
        let t = celsius + 273.15
        if celsius <= triplePoint {
            return -5.6745359e3 / t + 6.3925247 - 9.677843e-3 * t + 6.2215701e-7 * t * t
                + 2.0747825e-9 * t * t * t - 9.484024e-13 * t * t * t * t + 4.1635019 * log(t)
        }
        return logSaturationVaporPressureOverWater(celsius)
    }

    /// ln p_ws over liquid water (eq. 6) at any temperature in range, also below freezing (supercooled
    /// water: the reference for relative humidities that weather files give over water).
    @inline(__always)
    static func logSaturationVaporPressureOverWater(_ temperature: Double) -> Double {
        let t = clampTemperature(temperature) + 273.15
        return -5.8002206e3 / t + 1.3914993 - 4.8640239e-2 * t + 4.1764768e-5 * t * t
            - 1.4452093e-8 * t * t * t + 6.5459673 * log(t)
    }

    /// d(ln p_ws)/dT, 1/K, the analytic derivative of eq. 5/6 (for the dew-point Newton iteration).
    @inline(__always)
    static func derivativeOfLogSaturationVaporPressure(_ temperature: Double) -> Double {
        let celsius = clampTemperature(temperature)
        let t = celsius + 273.15
        if celsius <= triplePoint {
            return 5.6745359e3 / (t * t) - 9.677843e-3 + 2 * 6.2215701e-7 * t
                + 3 * 2.0747825e-9 * t * t - 4 * 9.484024e-13 * t * t * t + 4.1635019 / t
        }
        return derivativeOfLogSaturationVaporPressureOverWater(celsius)
    }

    /// d(ln p_ws)/dT over liquid water (eq. 6), 1/K.
    @inline(__always)
    static func derivativeOfLogSaturationVaporPressureOverWater(_ temperature: Double) -> Double {
        let t = clampTemperature(temperature) + 273.15
        return 5.8002206e3 / (t * t) - 4.8640239e-2 + 2 * 4.1764768e-5 * t
            - 3 * 1.4452093e-8 * t * t + 6.5459673 / t
    }

    /// Saturation vapour pressure over liquid water p_ws,w, Pa, at any temperature in range (°C), also
    /// below freezing (supercooled water): eq. 6 alone. Weather stations state dew points and relative
    /// humidities over liquid water (WMO convention). Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 6.
    public static func saturationVaporPressureOverWater(temperature: Double) -> Double {
        exp(logSaturationVaporPressureOverWater(temperature))
    }

    /// Humidity ratio of saturated air W_s, kg/kg: eq. 20 with p_w = p_ws(t), bounded below by 1e-7.
    ///
    ///     W_s = 0.621945 p_ws / (p − p_ws)
    ///
    /// `temperature` in °C, `pressure` (total) in Pa. Where p_ws ≥ p (water would boil) the result is the
    /// lower bound, as in PsychroLib. Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 20.
    public static func saturationHumidityRatio(temperature: Double, pressure: Double) -> Double {
        let saturation = saturationVaporPressure(temperature: temperature)
        return max(molarMassRatio * saturation / (pressure - saturation), minimumHumidityRatio)
    }

    // MARK: Humidity

    /// Partial pressure of water vapour p_w = φ p_ws(t), Pa (eq. 12, 22).
    ///
    /// `dryBulb` in °C; `relativeHumidity` φ as a fraction, clamped to 0…1.
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 12 and 22.
    public static func vaporPressure(dryBulb: Double, relativeHumidity: Double) -> Double {
        clampFraction(relativeHumidity) * saturationVaporPressure(temperature: dryBulb)
    }

    /// Relative humidity φ = p_w / p_ws(t) as a fraction (eq. 12, 22), not clamped (above 1 = supersaturated).
    ///
    /// `dryBulb` in °C, `vaporPressure` in Pa (negative values count as 0).
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 12 and 22.
    public static func relativeHumidity(dryBulb: Double, vaporPressure: Double) -> Double {
        max(vaporPressure, 0) / saturationVaporPressure(temperature: dryBulb)
    }

    /// Relative humidity from the dew (frost) point, φ = p_ws(t_d) / p_ws(t) as a fraction (eq. 22, 36).
    ///
    /// `dryBulb` and `dewPoint` in °C. A dew point above the dry bulb gives φ > 1 (not clamped).
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 22 and 36 (p_w = p_ws(t_d)).
    public static func relativeHumidity(dryBulb: Double, dewPoint: Double) -> Double {
        exp(logSaturationVaporPressure(dewPoint) - logSaturationVaporPressure(dryBulb))
    }

    /// Humidity ratio W, kg water per kg dry air, from the vapour partial pressure (eq. 20).
    ///
    ///     W = 0.621945 p_w / (p − p_w)
    ///
    /// `vaporPressure` p_w and `pressure` p (total) in Pa. Bounded below by 1e-7 kg/kg (PsychroLib); where
    /// p_w ≥ p the denominator is held at 1 Pa so the result stays finite.
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 20.
    public static func humidityRatio(vaporPressure: Double, pressure: Double) -> Double {
        let vapor = max(vaporPressure, 0)
        return max(molarMassRatio * vapor / max(pressure - vapor, 1), minimumHumidityRatio)
    }

    /// Vapour partial pressure p_w, Pa, from the humidity ratio: eq. 20 solved for p_w.
    ///
    ///     p_w = p W / (0.621945 + W)
    ///
    /// `humidityRatio` in kg/kg (bounded below by 1e-7), `pressure` in Pa.
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 20.
    public static func vaporPressure(humidityRatio: Double, pressure: Double) -> Double {
        let ratio = max(humidityRatio, minimumHumidityRatio)
        return pressure * ratio / (molarMassRatio + ratio)
    }

    /// Humidity ratio W, kg/kg, from dry bulb (°C), relative humidity (fraction, clamped to 0…1) and total
    /// pressure (Pa): eq. 12/22 then eq. 20. Source: ASHRAE Handbook — Fundamentals 2017, ch. 1.
    public static func humidityRatio(dryBulb: Double, relativeHumidity: Double, pressure: Double) -> Double {
        humidityRatio(
            vaporPressure: vaporPressure(dryBulb: dryBulb, relativeHumidity: relativeHumidity), pressure: pressure)
    }

    // MARK: Dew point

    /// Dew-point temperature, °C: the temperature at which `vaporPressure` (Pa) saturates, i.e. eq. 5/6
    /// inverted — a frost point (over ice) when it is at or below 0.01 °C.
    ///
    /// Newton–Raphson on ln p_ws(T) with the analytic derivative, started at `dryBulb` and stopped when a
    /// step is ≤ 0.001 K, as PsychroLib does (eq. 37/38, ASHRAE's direct regressions, are less accurate).
    /// If Newton has not converged in 100 steps, bisection over −100…200 °C finishes the job. Vapour
    /// pressures outside p_ws(−100 °C)…p_ws(200 °C) give −100 °C or 200 °C. The result is capped at
    /// `dryBulb` (°C). Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 5 and 6.
    public static func dewPoint(dryBulb: Double, vaporPressure: Double) -> Double {
        dewPoint(dryBulb: dryBulb, vaporPressure: vaporPressure, estimate: dryBulb)
    }

    /// `dewPoint(dryBulb:vaporPressure:)` with Newton started at `estimate` (°C) instead of the dry bulb.
    static func dewPoint(dryBulb: Double, vaporPressure: Double, estimate start: Double) -> Double {
        let lower = temperatureRange.lowerBound, upper = temperatureRange.upperBound
        let logLower = logSaturationVaporPressure(lower), logUpper = logSaturationVaporPressure(upper)
        guard vaporPressure.isFinite, dryBulb.isFinite else { return .nan }
        let target = vaporPressure > 0 ? log(vaporPressure) : -Double.infinity
        if target <= logLower { return min(lower, dryBulb) }
        if target >= logUpper { return min(upper, dryBulb) }

        var estimate = clampTemperature(start.isFinite ? start : dryBulb)
        for _ in 0..<maximumIterations {
            let previous = estimate
            let slope = derivativeOfLogSaturationVaporPressure(previous)
            estimate = previous - (logSaturationVaporPressure(previous) - target) / slope
            estimate = min(max(estimate, lower), upper)
            if abs(estimate - previous) <= temperatureTolerance { return min(estimate, dryBulb) }
        }
        // Fallback (never needed on the tested range): ln p_ws is increasing, so bisection converges.
        var low = lower, high = upper
        for _ in 0..<maximumIterations where high - low > 1e-9 {
            let middle = 0.5 * (low + high)
            if logSaturationVaporPressure(middle) < target { low = middle } else { high = middle }
        }
        return min(0.5 * (low + high), dryBulb)
    }

    /// Dew-point temperature, °C, from dry bulb (°C) and relative humidity (fraction, clamped to 0…1):
    /// p_w = φ p_ws(t) (eq. 12, 22), then eq. 5/6 inverted (see `dewPoint(dryBulb:vaporPressure:)`).
    /// φ = 0 gives −100 °C (the bottom of eq. 5's range). Source: ASHRAE Handbook — Fundamentals 2017, ch. 1.
    public static func dewPoint(dryBulb: Double, relativeHumidity: Double) -> Double {
        dewPoint(dryBulb: dryBulb, vaporPressure: vaporPressure(dryBulb: dryBulb, relativeHumidity: relativeHumidity))
    }

    /// Dew-point temperature, °C, from dry bulb (°C), humidity ratio (kg/kg, bounded below by 1e-7) and
    /// total pressure (Pa): eq. 20 solved for p_w, then eq. 5/6 inverted.
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1.
    public static func dewPoint(dryBulb: Double, humidityRatio: Double, pressure: Double) -> Double {
        dewPoint(dryBulb: dryBulb, vaporPressure: vaporPressure(humidityRatio: humidityRatio, pressure: pressure))
    }

    // MARK: Wet bulb

    /// Humidity ratio W, kg/kg, of air at `dryBulb` t (°C) whose thermodynamic wet-bulb temperature is
    /// `wetBulb` t* (°C), at total `pressure` (Pa):
    ///
    ///     W = ((2501 − 2.326 t*) W_s* − 1.006 (t − t*)) / (2501 + 1.86 t − 4.186 t*)   t* ≥ 0 °C  (eq. 33)
    ///     W = ((2830 − 0.24 t*) W_s* − 1.006 (t − t*)) / (2830 + 1.86 t − 2.1 t*)      t* < 0 °C  (eq. 35)
    ///
    /// with W_s* = W_s(t*, p) (eq. 20 at saturation; over ice at t* ≤ 0.01 °C). Eq. 35 is the ice-bulb form.
    /// Bounded below by 1e-7 kg/kg, as in PsychroLib. Source: ASHRAE Handbook — Fundamentals 2017, ch. 1,
    /// eq. 33 and 35.
    public static func humidityRatio(dryBulb: Double, wetBulb: Double, pressure: Double) -> Double {
        let saturated = saturationHumidityRatio(temperature: wetBulb, pressure: pressure)
        let ratio: Double
        if wetBulb >= 0 {
            ratio = ((2501 - 2.326 * wetBulb) * saturated - 1.006 * (dryBulb - wetBulb))
                / (2501 + 1.86 * dryBulb - 4.186 * wetBulb)
        } else {
            ratio = ((2830 - 0.24 * wetBulb) * saturated - 1.006 * (dryBulb - wetBulb))
                / (2830 + 1.86 * dryBulb - 2.1 * wetBulb)
        }
        return max(ratio, minimumHumidityRatio)
    }

    /// Thermodynamic wet-bulb temperature, °C (ice-bulb below 0 °C), from dry bulb (°C), humidity ratio
    /// (kg/kg, bounded below by 1e-7) and total pressure (Pa).
    ///
    /// Solves eq. 33/35 (`humidityRatio(dryBulb:wetBulb:pressure:)`) for t* by bisection between the dew
    /// point and the dry bulb until the bracket is ≤ 0.001 K, returning its midpoint — the same bracket,
    /// sequence and stopping rule as PsychroLib, so results agree with it to rounding, including just
    /// below 0 °C where eq. 33 and 35 do not meet and two roots can exist. At most 100 halvings.
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 33 and 35.
    public static func wetBulb(dryBulb: Double, humidityRatio: Double, pressure: Double) -> Double {
        let ratio = max(humidityRatio, minimumHumidityRatio)
        return wetBulbByBisection(dryBulb: dryBulb, humidityRatio: ratio, pressure: pressure,
                                  dewPoint: dewPoint(dryBulb: dryBulb, humidityRatio: ratio, pressure: pressure))
    }

    /// The bisection of `wetBulb(dryBulb:humidityRatio:pressure:)` between `dewPoint` (°C, the air's dew
    /// point, already known) and the dry bulb.
    static func wetBulbByBisection(dryBulb: Double, humidityRatio ratio: Double, pressure: Double,
                                   dewPoint: Double) -> Double {
        var lower = dewPoint
        var upper = dryBulb
        var estimate = 0.5 * (lower + upper)
        var iterations = 0
        while upper - lower > temperatureTolerance, iterations < maximumIterations {
            if self.humidityRatio(dryBulb: dryBulb, wetBulb: estimate, pressure: pressure) > ratio {
                upper = estimate
            } else {
                lower = estimate
            }
            estimate = 0.5 * (lower + upper)
            iterations += 1
        }
        return estimate
    }

    /// Thermodynamic wet-bulb temperature, °C, as `wetBulb(dryBulb:humidityRatio:pressure:)` but solved by
    /// Newton–Raphson on eq. 33/35 from `estimate` (°C; e.g. the wet bulb interpolated between two hours),
    /// with the analytic derivative
    ///
    ///     dW/dt* = ((A′ W_s* + A dW_s*/dt* + 1.006) D − N D′) / D²,   W = N / D
    ///     dW_s*/dt* = 0.621945 p p_ws d(ln p_ws)/dt* / (p − p_ws)²
    ///
    /// (A = 2501 − 2.326 t*, D = 2501 + 1.86 t − 4.186 t* for t* ≥ 0; 2830 − 0.24 t*, 2830 + 1.86 t − 2.1 t*
    /// below). Newton converges quadratically (the remaining error after a step of size Δ is about
    /// 0.02 Δ² per K), so it stops when a step is ≤ 0.01 K: the result is then within ~1e-5 K of the root,
    /// usually after one or two steps. Where the root is near 0 °C (within 0.3 K + 0.1 (t − t*): eq. 33
    /// and 35 do not meet at 0 °C, by ~4.7e-5 t kg/kg, so in dry air two roots up to ~0.08 (t − t*) K apart
    /// exist and PsychroLib's bisection chooses one), for bone-dry air, or when Newton has
    /// not converged in 8 steps, the bisection finishes the job, so results agree with PsychroLib as the
    /// bisection does. Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 5, 6, 20, 33 and 35.
    public static func wetBulb(dryBulb: Double, humidityRatio: Double, pressure: Double, estimate: Double) -> Double {
        let ratio = max(humidityRatio, minimumHumidityRatio)
        return wetBulb(dryBulb: dryBulb, humidityRatio: ratio, pressure: pressure, estimate: estimate) {
            dewPoint(dryBulb: dryBulb, humidityRatio: ratio, pressure: pressure)
        }
    }

    /// The Newton solve of `wetBulb(dryBulb:humidityRatio:pressure:estimate:)`; `dewPoint` gives the
    /// air's dew point (°C) for the bisection fallback when it is needed.
    @inline(__always)
    static func wetBulb(dryBulb: Double, humidityRatio: Double, pressure: Double, estimate: Double,
                        dewPoint: () -> Double) -> Double {
        let ratio = max(humidityRatio, minimumHumidityRatio)
        var wetBulb = min(estimate, dryBulb)
        var converged = false
        if ratio > 2 * minimumHumidityRatio, wetBulb.isFinite {
            for _ in 0..<8 {
                let saturation = exp(logSaturationVaporPressure(wetBulb))
                let dryAirPressure = pressure - saturation
                guard dryAirPressure > 0 else { break }
                let saturated = molarMassRatio * saturation / dryAirPressure
                let saturatedSlope = molarMassRatio * pressure * saturation
                    * derivativeOfLogSaturationVaporPressure(wetBulb) / (dryAirPressure * dryAirPressure)
                let (a, aSlope, d, dSlope) = wetBulb >= 0
                    ? (2501 - 2.326 * wetBulb, -2.326, 2501 + 1.86 * dryBulb - 4.186 * wetBulb, -4.186)
                    : (2830 - 0.24 * wetBulb, -0.24, 2830 + 1.86 * dryBulb - 2.1 * wetBulb, -2.1)
                let numerator = a * saturated - 1.006 * (dryBulb - wetBulb)
                let numeratorSlope = aSlope * saturated + a * saturatedSlope + 1.006
                let slope = (numeratorSlope * d - numerator * dSlope) / (d * d)
                let step = (numerator / d - ratio) / slope
                wetBulb -= step
                if abs(step) <= 0.01 {
                    converged = true
                    break
                }
            }
        }
        // Where eq. 33 and 35 do not meet, the two roots lie up to ~0.08 K per K of depression apart.
        let ambiguousBand = 0.3 + 0.1 * max(0, dryBulb - wetBulb)
        guard converged, wetBulb.isFinite, abs(wetBulb) >= ambiguousBand, wetBulb <= dryBulb else {
            return wetBulbByBisection(dryBulb: dryBulb, humidityRatio: ratio, pressure: pressure, dewPoint: dewPoint())
        }
        return wetBulb
    }

    /// Thermodynamic wet-bulb temperature, °C (ice-bulb below 0 °C), from dry bulb (°C), relative
    /// humidity (fraction, clamped to 0…1; 0 gives the bone-dry limit W = 1e-7 kg/kg) and total pressure
    /// (Pa). Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 12, 20, 33 and 35.
    public static func wetBulb(dryBulb: Double, relativeHumidity: Double, pressure: Double) -> Double {
        wetBulb(
            dryBulb: dryBulb,
            humidityRatio: humidityRatio(dryBulb: dryBulb, relativeHumidity: relativeHumidity, pressure: pressure),
            pressure: pressure)
    }

    // MARK: Enthalpy, volume, density

    /// Moist-air specific enthalpy, J per kg dry air (0 at 0 °C dry air and liquid water at 0 °C):
    ///
    ///     h = 1.006 t + W (2501 + 1.86 t)   [kJ/kg_da]
    ///
    /// `dryBulb` t in °C, `humidityRatio` W in kg/kg (bounded below by 1e-7).
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 30.
    public static func enthalpy(dryBulb: Double, humidityRatio: Double) -> Double {
        let ratio = max(humidityRatio, minimumHumidityRatio)
        return (1.006 * dryBulb + ratio * (2501 + 1.86 * dryBulb)) * 1000
    }

    /// Moist-air specific heat at constant humidity ratio, J/(kg_da K): the temperature derivative of
    /// `enthalpy(dryBulb:humidityRatio:)`, `c_p = 1006 + 1860 W` (ASHRAE Fundamentals 2017, ch. 1, eq. 30).
    @inline(__always)
    public static func moistAirSpecificHeat(humidityRatio: Double) -> Double {
        1006 + 1860 * max(humidityRatio, minimumHumidityRatio)
    }

    /// Moist-air specific volume, m³ per kg dry air:
    ///
    ///     v = R_da (t + 273.15) (1 + 1.607858 W) / p,   R_da = 287.042 J/(kg·K)
    ///
    /// `dryBulb` t in °C, `humidityRatio` W in kg/kg (bounded below by 1e-7), `pressure` p in Pa.
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 26.
    public static func specificVolume(dryBulb: Double, humidityRatio: Double, pressure: Double) -> Double {
        let ratio = max(humidityRatio, minimumHumidityRatio)
        return dryAirGasConstant * (dryBulb + 273.15) * (1 + 1.607858 * ratio) / pressure
    }

    /// Moist-air density ρ = (1 + W) / v, kg of moist air per m³ (eq. 11 with v from eq. 26).
    ///
    /// `dryBulb` in °C, `humidityRatio` in kg/kg (bounded below by 1e-7), `pressure` in Pa.
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 11 and 26.
    public static func density(dryBulb: Double, humidityRatio: Double, pressure: Double) -> Double {
        let ratio = max(humidityRatio, minimumHumidityRatio)
        return (1 + ratio) / specificVolume(dryBulb: dryBulb, humidityRatio: ratio, pressure: pressure)
    }

    // MARK: Atmosphere and water

    /// Standard atmospheric pressure at `elevation` Z (m above sea level), Pa:
    ///
    ///     p = 101.325 (1 − 2.25577e-5 Z)^5.2559   [kPa]
    ///
    /// Valid for −5000…11 000 m; above ~44 300 m the base would turn negative and the result is 0.
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 3.
    public static func standardPressure(elevation: Double) -> Double {
        standardSeaLevelPressure * pow(max(1 - 2.25577e-5 * elevation, 0), 5.2559)
    }

    /// Standard air density at pressure `pressure` Pa, kg/m³: dry air at 20 °C, `ρ = p / (R_da · 293.15 K)`
    /// with R_da = 287.042 J/(kg·K) (ASHRAE Fundamentals 2017 ch. 1 eq. 28) — EnergyPlus's `StdRhoAir` at the
    /// standard pressure of the site's elevation, which turns its standard volume flows into mass flows.
    public static func standardAirDensity(pressure: Double) -> Double { pressure / (287.042 * 293.15) }

    /// Latent heat of evaporation of water at `temperature` t (°C), J/kg, consistent with the moist-air
    /// enthalpies used above: h_fg = h_g − h_f = (2501 + 1.86 t) − 4.186 t = 2501 − 2.326 t [kJ/kg]
    /// (the vapour term of eq. 30 minus liquid water at 4.186 kJ/(kg·K); the same factor as eq. 33).
    /// Within 0.1 % of steam tables between 0 and 60 °C (2501 kJ/kg at 0 °C, 2406 kJ/kg at 40 °C).
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 30 and 33.
    public static func latentHeatOfEvaporation(temperature: Double) -> Double {
        (2501 - 2.326 * temperature) * 1000
    }

    /// Temperature of saturated air with enthalpy `enthalpy` (J/kg_da) at `pressure` Pa, °C: the root of
    /// `h(t, W_s(t, p)) = enthalpy` (eq. 30 with eq. 20), found by bisection on −60…100 °C to 0.001 K
    /// (EnergyPlus's `PsyTsatFnHPb`, used for a cooling tower's saturated exit air).
    /// Source: ASHRAE Handbook — Fundamentals 2017, ch. 1, eq. 20 and 30.
    public static func saturationTemperature(enthalpy: Double, pressure: Double) -> Double {
        var low = -60.0, high = 100.0
        while high - low > temperatureTolerance {
            let middle = (low + high) / 2
            let h = self.enthalpy(dryBulb: middle, humidityRatio: saturationHumidityRatio(temperature: middle, pressure: pressure))
            if h < enthalpy { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    // MARK: Helpers

    /// Clamps to the saturation equations' range −100…200 °C; NaN stays NaN.
    @inline(__always)
    static func clampTemperature(_ celsius: Double) -> Double {
        celsius < temperatureRange.lowerBound
            ? temperatureRange.lowerBound
            : (celsius > temperatureRange.upperBound ? temperatureRange.upperBound : celsius)
    }

    /// Clamps a fraction to 0…1; NaN stays NaN.
    @inline(__always)
    static func clampFraction(_ value: Double) -> Double {
        value < 0 ? 0 : (value > 1 ? 1 : value)
    }
}
