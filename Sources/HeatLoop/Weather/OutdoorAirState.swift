import Foundation

/// One outdoor-air state and every quantity derived from it, consistent with PsychroLib 2.5.0
/// (ASHRAE Fundamentals 2017 ch. 1, `Psychrometrics`) to its solver tolerance.
///
/// **How a weather record is read.** Dry bulb t, dew point t_d and station pressure p define the state;
/// the file's relative-humidity column is not used (it disagrees with the dew point by more than 1 K of
/// dew point in some hours of typical-year files; `WeatherSeries.humidityDisagreementHours` counts them).
/// The dew point is the conserved measure of the air's water content (it does not move with the dry bulb),
/// and EnergyPlus likewise takes the outdoor humidity ratio from the dew point and the pressure
/// (`PsyWFnTdpPb` in its weather manager). Weather stations state dew points over liquid water at every
/// temperature (WMO convention, see `ClimateMorph`), so:
///
///     p_w = min(p_ws,w(t_d), p_ws(t))          vapour pressure, Pa (eq. 6; capped at saturation)
///     W   = 0.621945 p_w / (p − p_w)           humidity ratio, kg/kg (eq. 20)
///     φ   = p_w / p_ws(t)                      relative humidity (eq. 12, 22)
///     T_dp = p_ws⁻¹(p_w)                       dew point, °C (eq. 5/6 inverted: a frost point ≤ 0.01 °C)
///     t*  from eq. 33/35                       thermodynamic (ice-bulb below 0 °C) wet bulb, °C
///     h   = 1.006 t + W (2501 + 1.86 t)        enthalpy, kJ/kg dry air (eq. 30)
///
/// where p_ws is saturation over ice at or below 0.01 °C and over water above, as PsychroLib has it, so
/// the stored dew point, RH and wet bulb are what PsychroLib computes from the stored dry bulb, RH and
/// pressure. The cap matters only for air saturated over supercooled water below 0 °C (fog, rime), which
/// is supersaturated over ice: it is read as saturated over ice.
public struct OutdoorAirState: Sendable, Equatable {
    /// Dry bulb, °C.
    public var dryBulb: Double
    /// Dew (frost, at or below 0.01 °C) point, °C.
    public var dewPoint: Double
    /// Relative humidity, % (0…100; over ice at or below 0.01 °C).
    public var relativeHumidity: Double
    /// Station pressure, Pa.
    public var pressure: Double
    /// Humidity ratio, kg water per kg dry air.
    public var humidityRatio: Double
    /// Thermodynamic wet bulb (ice bulb below 0 °C), °C.
    public var wetBulb: Double
    /// Moist-air enthalpy, J per kg dry air.
    public var enthalpy: Double

    /// The state of air at `dryBulb` (°C) whose station dew point over liquid water is `stationDewPoint`
    /// (°C) at `pressure` (Pa). `estimate`, when given, starts the Newton iterations of the wet bulb
    /// (`Psychrometrics.wetBulb(dryBulb:humidityRatio:pressure:estimate:)`) and of the frost point (°C,
    /// e.g. both interpolated between two hours); without it the wet bulb is solved by bisection.
    public init(dryBulb: Double, stationDewPoint: Double, pressure: Double,
                estimate: (wetBulb: Double, dewPoint: Double)? = nil) {
        let logSaturation = Psychrometrics.logSaturationVaporPressure(dryBulb)
        let logStation = Psychrometrics.logSaturationVaporPressureOverWater(min(stationDewPoint, dryBulb))
        let logVapor = min(logStation, logSaturation)
        let vapor = exp(logVapor)
        let ratio = Psychrometrics.humidityRatio(vaporPressure: vapor, pressure: pressure)
        self.dryBulb = dryBulb
        self.pressure = pressure
        humidityRatio = ratio
        relativeHumidity = 100 * exp(logVapor - logSaturation)
        // Above the triple point both curves are eq. 6: the dew point is the station's own.
        let dewPoint = stationDewPoint > Psychrometrics.triplePoint && logStation < logSaturation
            ? stationDewPoint
            : Psychrometrics.dewPoint(dryBulb: dryBulb, vaporPressure: vapor, estimate: estimate?.dewPoint ?? dryBulb)
        self.dewPoint = dewPoint
        if let estimate {
            wetBulb = Psychrometrics.wetBulb(
                dryBulb: dryBulb, humidityRatio: ratio, pressure: pressure, estimate: estimate.wetBulb) { dewPoint }
        } else {
            wetBulb = Psychrometrics.wetBulbByBisection(
                dryBulb: dryBulb, humidityRatio: ratio, pressure: pressure, dewPoint: dewPoint)
        }
        enthalpy = Psychrometrics.enthalpy(dryBulb: dryBulb, humidityRatio: ratio)
    }
}
