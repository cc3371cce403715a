import Foundation

/// Heating COP of market-available large heat pumps as a regression on the temperature lift (Jesper,
/// Schlosser, Pag, Walmsley, Schmitt, Vajen, "Large-scale heat pumps: Uptake and performance modelling
/// of market-available devices", Renewable and Sustainable Energy Reviews 137 (2021) 110646; 33 devices):
///
///     COP = a (ΔT_lift + 2b)^c (T_sink,out + b)^d,     ΔT_lift = T_sink,out − T_source     (K)
///
/// Conventional heat pumps (sink up to 100 °C): a 1.4480·10¹², b 88.730, c −4.9460, d 0 (so the COP
/// depends on the lift only); very-high-temperature ones (sink 100–160 °C): a 1.9118, b 0.044189
/// (called d there), c −0.89094, d 0.67895. Coefficients as tabulated in Ceruti's `heat pump COP`
/// implementation of the paper; lifts 10–78 K (conventional). HeatLoop takes T_source at the source
/// outlet, as its Carnot model does. This is manufacturers' data, so it
/// includes motor, inverter and heat-exchanger losses, and it has no fluid or approach to set.
/// Against the 56 CoolProp cycles of `shared/reference/heatpump_cycle.csv` (a different machine: bare
/// cycle, η_is 0.7): median −0.2 %, 14 outside ±10 %.
public enum JesperHeatPumpCOP {
    /// COP at the outlet temperatures (°C); a lift that makes the base non-positive returns `.infinity`.
    @inlinable
    public static func cop(sourceOutlet: Double, sinkOutlet: Double) -> Double {
        let lift = sinkOutlet - sourceOutlet
        if sinkOutlet <= 100 {
            let base = lift + 2 * 88.730
            guard base > 0 else { return .infinity }
            return 1.4480e12 * pow(base, -4.9460)
        }
        let base = lift + 2 * 0.044189
        guard base > 0 else { return .infinity }
        return 1.9118 * pow(base, -0.89094) * pow(sinkOutlet + 273.15 + 0.044189, 0.67895)
    }
}
