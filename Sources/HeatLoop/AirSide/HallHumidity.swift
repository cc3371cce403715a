import Foundation

/// The data hall's moisture: the humidity ratio of its air, a state carried from step to step, and the
/// humidifier that holds it above its lower setpoint.
///
/// The hall has no moisture sources of its own (no people, no open doors: a data hall), so the air that
/// returns to the air handlers carries the water the supply air brought. Per step, with W_r the hall
/// (return) air, W_o the outdoor air, f the outdoor-air fraction of the supply air flow ṁ (kg dry air/s):
///
///     W_mix    = W_r + f (W_o − W_r)                   mixing: outdoor humidity enters only with outdoor air
///     W_coil   = min(W_mix, W_s(T_surface, p))         a coil colder than the air's dew point condenses
///                                                      (CRAH coils, contact factor 1; DX coils: their own
///                                                      latent removal, `CRACUnit`)
///     W_supply = max(W_coil, W_low)                    with a humidifier, W_low = W_s(T_dp,low, p)
///     W_r'     = W_supply                              the next step's hall air
///
/// A sealed hall (f = 0: CRAHs, or CRACs without an air-side economiser) keeps its moisture: only its coil
/// and its humidifier change it. The IT inlet air is the supply air: its dew point and RH, at the supply
/// temperature, are what the ASHRAE envelope check reads. The lower setpoint *defaults* to the recommended
/// minimum dew point of the site's ASHRAE air class (−9 °C for A1; TC 9.9, *Thermal Guidelines*, 5th ed.,
/// 2021); the upper limits (dew point 15 °C, RH) are held only as far as the coil condenses, and hours
/// above them are reported by the envelope check.
///
/// Humidifier: an isothermal electric steam humidifier (ASHRAE Handbook — HVAC Systems and Equipment 2020,
/// ch. 22 "Humidifiers"). Its electric power is the enthalpy rise of the water it adds, from make-up water
/// at 10 °C to vapour at 100 °C, boiler losses neglected:
///
///     P = ṁ_w (h_g(100 °C) − h_f(10 °C)) = ṁ_w (2501 + 1.86 · 100 − 4.186 · 10) kJ/kg = ṁ_w · 2.645 MJ/kg
///
/// (moist-air vapour enthalpy eq. 30 and liquid water at 4.186 kJ/(kg K), ASHRAE Fundamentals 2017 ch. 1).
/// The steam's enthalpy stays in the hall air as latent heat (its sensible part, ~5 %, is neglected), so
/// the sensible loop balances are unchanged; the power is part of the facility's cooling power. A coil's
/// condensation takes the latent heat `ṁ (W_mix − W_coil) h_fg` from the chilled water (`latentLoad`).
/// The pressure is the site's standard pressure (ASHRAE Fundamentals 2017 ch. 1 eq. 3).
public struct HallHumidity: Sendable, Equatable {
    /// Electric energy per kg of water a steam humidifier adds, J/kg (see the type).
    public static let humidifierEnergyPerKilogram = (2501 + 1.86 * 100 - 4.186 * 10) * 1000.0

    /// Humidity ratio of the hall air at the start of the year, kg/kg.
    public var initialHumidityRatio: Double
    /// Humidity ratio the humidifier holds the supply air at or above, kg/kg; nil without a humidifier.
    public var humidifierSetpoint: Double?
    /// Dew point of `humidifierSetpoint`, °C (reported exactly when the humidifier holds it).
    public var humidifierDewPoint: Double
    /// Hall air pressure, Pa.
    public var pressure: Double

    /// `initialDewPoint` and `humidifyBelowDewPoint` in °C (nil: no humidifier), `pressure` in Pa.
    public init(initialDewPoint: Double, humidifyBelowDewPoint: Double?, pressure: Double) {
        initialHumidityRatio = Psychrometrics.saturationHumidityRatio(temperature: initialDewPoint, pressure: pressure)
        humidifierSetpoint = humidifyBelowDewPoint.map {
            Psychrometrics.saturationHumidityRatio(temperature: $0, pressure: pressure)
        }
        humidifierDewPoint = humidifyBelowDewPoint ?? -Double.infinity
        self.pressure = pressure
    }

    /// One step. `hallHumidityRatio`, `outdoorHumidityRatio` kg/kg; `outdoorAirFraction` f; `airMassFlow` ṁ
    /// kg/s; `coilSurface` °C with its saturation humidity ratio `W_s(T_surface, p)` (`coilSaturation(…)`,
    /// which the step loop caches); nil: the coil's condensation is `coilCondensation` kg/s, a DX coil's own.
    public func step(hallHumidityRatio: Double, outdoorHumidityRatio: Double, outdoorAirFraction: Double,
                     airMassFlow: Double, coilSurface: (temperature: Double, saturation: Double)?,
                     coilCondensation: Double = 0) -> HallHumidityStep {
        let mixed = hallHumidityRatio + outdoorAirFraction * (outdoorHumidityRatio - hallHumidityRatio)
        var coil = max(mixed - (airMassFlow > 0 ? coilCondensation / airMassFlow : 0), Psychrometrics.minimumHumidityRatio)
        var latentHeat = 0.0
        if let coilSurface {
            coil = min(coil, coilSurface.saturation)
            latentHeat = Psychrometrics.latentHeatOfEvaporation(temperature: coilSurface.temperature)
        }
        let condensed = airMassFlow * (mixed - coil)
        var supply = coil, humidified = 0.0
        if let setpoint = humidifierSetpoint, coil < setpoint {
            supply = setpoint
            humidified = airMassFlow * (setpoint - coil)
        }
        return HallHumidityStep(
            supplyHumidityRatio: supply, condensed: condensed, latentLoad: condensed * latentHeat,
            humidifierWater: humidified, humidifierPower: humidified * Self.humidifierEnergyPerKilogram)
    }

    /// Saturation humidity ratio of a coil surface at `temperature` °C at the hall's pressure, kg/kg.
    public func coilSaturation(temperature: Double) -> Double {
        Psychrometrics.saturationHumidityRatio(temperature: temperature, pressure: pressure)
    }

    /// Dew point of supply air at `humidityRatio` kg/kg, °C: the humidifier's setpoint exactly when it
    /// holds the air there, else eq. 20 and eq. 5/6 inverted (`Psychrometrics.dewPoint`).
    public func dewPoint(humidityRatio: Double) -> Double {
        if let setpoint = humidifierSetpoint, humidityRatio == setpoint { return humidifierDewPoint }
        let vapor = Psychrometrics.vaporPressure(humidityRatio: humidityRatio, pressure: pressure)
        return Psychrometrics.dewPoint(dryBulb: Psychrometrics.temperatureRange.upperBound, vaporPressure: vapor,
                                       estimate: humidifierDewPoint.isFinite ? humidifierDewPoint : 0)
    }

    /// Relative humidity (fraction) of supply air at `humidityRatio` kg/kg whose dry bulb's saturation
    /// pressure is `saturationPressure` p_ws(t_db) Pa: the vapour pressure `p W / (0.621945 + W)` (eq. 20)
    /// over p_ws.
    @inline(__always)
    public func relativeHumidity(humidityRatio: Double, saturationPressure: Double) -> Double {
        Psychrometrics.vaporPressure(humidityRatio: humidityRatio, pressure: pressure) / saturationPressure
    }
}

/// One step of the hall's moisture. Humidity ratio kg/kg, water kg/s, heat and power W.
public struct HallHumidityStep: Sendable, Equatable {
    /// Humidity ratio of the supply (IT inlet) air, and of the hall air at the step's end.
    public var supplyHumidityRatio: Double
    /// Water condensed on the cooling coil.
    public var condensed: Double
    /// Latent heat the condensation adds to a chilled-water coil's load (0 for DX coils, whose model has it).
    public var latentLoad: Double
    /// Water the humidifier adds.
    public var humidifierWater: Double
    /// Humidifier electric power.
    public var humidifierPower: Double
}
