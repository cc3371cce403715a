import Foundation

/// Heating capacity against the evaporating temperature of an ammonia heat pump with a fixed-displacement
/// (screw or piston) compressor (issue 17 item 1).
///
/// The compressor moves a fixed suction volume per second, so its heating capacity is that volume times
/// the refrigerant's volumetric heating capacity at suction, `vhc = ρ_suction (h₂ − h₃)` (J/m³). Like the
/// suction vapour's density (Clausius–Clapeyron), `vhc` grows exponentially with the evaporating
/// temperature:
///
///     Q_avail / Q_rated = exp(B (1/T_evap,rated − 1/T_evap)),     T_evap = T_source,out − ΔT_pp   (K)
///
/// with B = 2154 K for R717, the least-squares fit of ln vhc on 1/T_evap over the 15 CoolProp R717 cycles
/// of `shared/reference/heatpump_cycle.csv` (T_evap 10–40 °C, T_cond 55–100 °C; each within 1.7 %, any
/// ratio between two of them within 2.9 %): +30 % from 10 to 20 °C, +112 % from 10 to 40 °C. The
/// condensing temperature moves R717's vhc by under 2 % there and is left out. Volumetric efficiency
/// (which falls slowly with the pressure ratio) is taken as constant. For other fluids give a `table` COP
/// model with its capacity factors (R600a's vhc also depends on the condensing temperature, ±20 %).
public struct HeatPumpCapacity: Sendable, Equatable {
    /// Source-leaving temperature at which the bank gives its rated capacity, °C.
    public var ratedSourceOutlet: Double
    /// Approach between the source's leaving temperature and evaporation, K.
    public var pinch: Double

    /// B of R717 (K): fit to the CoolProp cycles above.
    public static let ammoniaExponent = 2154.0

    public init(ratedSourceOutlet: Double, pinch: Double = 5) {
        self.ratedSourceOutlet = ratedSourceOutlet
        self.pinch = pinch
    }

    /// Available over rated capacity for a source leaving at `sourceOutlet` °C.
    @inlinable
    public func factor(sourceOutlet: Double) -> Double {
        let rated = ratedSourceOutlet - pinch + 273.15, evaporating = sourceOutlet - pinch + 273.15
        return exp(Self.ammoniaExponent * (1 / rated - 1 / evaporating))
    }
}
