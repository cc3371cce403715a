/// Heat-pump heating COP models. Closed family (Lorenz and manufacturer tables come with the
/// heat-recovery issue).
public enum HeatPumpCOP: Sendable, Equatable {
    /// A fixed exergy efficiency of the Carnot cycle between the refrigerant temperatures:
    ///
    ///     COP = η · T_sink / (T_sink − T_source)     (K)
    ///     T_sink = T_DH,supply + pinch,  T_source = T_source,out − pinch
    ///
    /// *Default* η 0.50, pinch 5 K: CoolProp single-stage cycles in `shared/reference/
    /// heatpump_cycle.csv` give η ≈ 0.52–0.61 against refrigerant saturation temperatures with only
    /// compressor losses (isentropic 0.7); motor, inverter and heat-exchanger losses bring large DH heat
    /// pumps to ≈ 0.45–0.55 (Jensen et al., "Heat pump COP, part 2", 2018).
    case carnot(efficiency: Double, pinch: TemperatureDelta)

    /// Heating COP for a source leaving at `sourceOut` and a sink leaving at `sinkOut` (°C), capped.
    public func cop(sourceOut: Double, sinkOut: Double, maximum: Double) -> Double {
        switch self {
        case .carnot(let efficiency, let pinch):
            let sink = sinkOut + pinch.value + 273.15
            let source = sourceOut - pinch.value + 273.15
            let lift = sink - source
            guard lift > 0 else { return maximum }
            return min(maximum, max(1, efficiency * sink / lift))
        }
    }
}
