/// When an outdoor-air economiser may open beyond its minimum (EnergyPlus `Controller:OutdoorAir`,
/// field "Economizer Control Type"; closed family).
public enum AirEconomiserControl: Sendable, Equatable {
    /// `FixedDryBulb`: enabled while the outdoor dry bulb is at or below `maximum`.
    case fixedDryBulb(maximum: Celsius)
    /// `DifferentialDryBulb`: enabled while the outdoor dry bulb is below the return air's.
    case differentialDryBulb
}

/// Outdoor-air (air-side) economiser of a CRAC / air handler, as EnergyPlus `Controller:OutdoorAir`
/// with `ModulateFlow` action and `NoLockout` (Engineering Reference, "Outdoor Air Economizer"):
///
///     f = clamp((T_return − T_mixed,set) / (T_return − T_outdoor), f_min, 1)   when enabled
///     f = f_min                                                               otherwise
///
/// The mixed-air setpoint is the coil-leaving setpoint (supply setpoint minus fan heat rise,
/// EnergyPlus `SetpointManager:MixedAir`). Enabled when the control type allows it, the outdoor
/// dry bulb is at or above `minimumDryBulb`, and the outdoor dew point is at or below
/// `maximumDewPoint` (tested on humidity ratio: `W_oa ≤ W_s(T_dp,max, p)`, fixed at init so the
/// step needs no dew-point solve). The outdoor air that replaces return air takes
/// `ṁ f c_p (T_return − T_outdoor)` out of the room air (`economiserHeat` of `CRACStep`).
/// EnergyPlus `2ZoneDataCenterHVAC_wEconomizer.idf`: FixedDryBulb 23 °C, dew point ≤ 13.5 °C,
/// minimum dry bulb −20 °C.
public struct AirEconomiser: Sendable, Equatable {
    public var control: AirEconomiserControl
    public var minimumDryBulb: Celsius
    public var maximumDewPoint: Celsius
    /// Minimum outdoor-air fraction of the supply flow (ventilation); 0 for a sealed data hall.
    public var minimumOutdoorAirFraction: Double
    /// Saturation humidity ratio at `maximumDewPoint` and the site pressure, kg/kg.
    public let maximumHumidityRatio: Double

    /// `pressure`: the site's barometric pressure, Pa (the dew-point limit depends on it).
    public init(control: AirEconomiserControl, minimumDryBulb: Celsius, maximumDewPoint: Celsius,
                minimumOutdoorAirFraction: Double, pressure: Double) {
        self.control = control
        self.minimumDryBulb = minimumDryBulb
        self.maximumDewPoint = maximumDewPoint
        self.minimumOutdoorAirFraction = min(1, max(0, minimumOutdoorAirFraction))
        maximumHumidityRatio = Psychrometrics.saturationHumidityRatio(temperature: maximumDewPoint.value, pressure: pressure)
    }

    /// True when outdoor air may be used beyond the minimum fraction.
    @inline(__always)
    public func isEnabled(outdoorDryBulb: Double, outdoorHumidityRatio: Double, returnTemperature: Double) -> Bool {
        guard outdoorDryBulb >= minimumDryBulb.value, outdoorHumidityRatio <= maximumHumidityRatio else { return false }
        switch control {
        case .fixedDryBulb(let maximum): return outdoorDryBulb <= maximum.value
        case .differentialDryBulb: return outdoorDryBulb < returnTemperature
        }
    }

    /// Outdoor-air fraction of the supply flow that brings the mix towards `mixedSetpoint` °C.
    @inline(__always)
    public func outdoorAirFraction(returnTemperature: Double, mixedSetpoint: Double, outdoorDryBulb: Double,
                                   outdoorHumidityRatio: Double) -> Double {
        let minimum = minimumOutdoorAirFraction
        guard isEnabled(outdoorDryBulb: outdoorDryBulb, outdoorHumidityRatio: outdoorHumidityRatio,
                        returnTemperature: returnTemperature),
              returnTemperature - outdoorDryBulb > 1e-9 else { return minimum }
        let wanted = (returnTemperature - mixedSetpoint) / (returnTemperature - outdoorDryBulb)
        return min(1, max(minimum, wanted))
    }
}
