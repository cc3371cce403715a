import Foundation

/// Heat-pump heating COP models (DESIGN §3.5). Closed family: every model takes the inlet and outlet
/// temperatures of both streams (°C) so that glide-aware models can use them; the Carnot model reads
/// only the outlets.
///
/// All models cap the COP at `maximum` (small or negative lifts) and never return less than 1
/// (an electric heat pump is never worse than a resistance heater).
public enum HeatPumpCOP: Sendable, Equatable {
    /// A fixed exergy efficiency of the Carnot cycle between the refrigerant temperatures:
    ///
    ///     COP = η · T_sink / (T_sink − T_source)     (K)
    ///     T_sink = T_sink,out + pinch,  T_source = T_source,out − pinch
    ///
    /// *Default* η 0.50, pinch 5 K. Against the CoolProp single-stage cycles of `shared/reference/
    /// heatpump_cycle.csv` (same 5 K approaches, isentropic compressor efficiency 0.7, no motor,
    /// inverter or pressure-drop losses) the default gives 0.77–0.87 of the R717 cycle COP and
    /// 0.82–1.05 of the R134a one (mean 0.82 and 0.93); over all 56 cycles 0.77–1.29 (the top from
    /// R1234ze(E) near its critical point). The gap to R717 is the losses the cycle leaves out, which
    /// bring large DH heat pumps to ≈ 0.45–0.55 vs outlet temperatures (Jensen et al., "Heat pump COP,
    /// part 2", 2018).
    case carnot(efficiency: Double, pinch: TemperatureDelta)

    /// Lorenz COP between the thermodynamic-mean (log-mean) temperatures of the two streams, times an
    /// efficiency (Reinholdt et al., "Heat pump COP, part 1", and Jensen et al., "Heat pump COP, part 2",
    /// 13th IIR Gustav Lorentzen Conference, 2018):
    ///
    ///     COP = η_L · T̄_sink / (T̄_sink − T̄_source)                  (K)
    ///     T̄ = (T_in − T_out) / ln(T_in / T_out)   (T̄ = T when T_in = T_out)
    ///     sink temperatures + pinch, source temperatures − pinch
    ///
    /// Without glide (T_in = T_out on both sides) it equals `carnot` with the same η and pinch, so the
    /// *default* is the same η 0.50, pinch 5 K rather than a figure fitted to any table. The log mean
    /// credits the sink's glide (DH return → supply), which only glide-matched plants (series or
    /// multi-stage units, transcritical CO₂) realise: against the single-stage CoolProp cycles, with
    /// glides of 10 K on the source and 10 K on the sink and the COP cap of 10, the default gives 0.95–1.43
    /// of the cycle COP (mean 1.15; R717 0.95–1.17, mean 1.02); with a 30 K sink glide it over-predicts a
    /// single-stage plant by up to ≈ 4× at small lifts. Prefer `carnot` for single-stage heat pumps.
    case lorenz(efficiency: Double, pinch: TemperatureDelta)

    /// A manufacturer's COP and capacity map, bilinear in source and sink outlet temperature (see
    /// `HeatPumpMap`).
    case table(HeatPumpMap)

    /// Operating point for a source cooled from `source.inlet` to `source.outlet` and a sink heated
    /// from `sink.inlet` to `sink.outlet` (°C). Allocation-free.
    @inlinable
    public func cop(source: (inlet: Double, outlet: Double), sink: (inlet: Double, outlet: Double),
                    maximum: Double) -> HeatPumpOperatingPoint {
        switch self {
        case .carnot(let efficiency, let pinch):
            let hot = sink.outlet + pinch.value + 273.15
            let cold = source.outlet - pinch.value + 273.15
            return HeatPumpOperatingPoint(cop: Self.bounded(efficiency, hot, cold, maximum))
        case .lorenz(let efficiency, let pinch):
            let hot = Self.logMean(sink.inlet + pinch.value + 273.15, sink.outlet + pinch.value + 273.15)
            let cold = Self.logMean(source.inlet - pinch.value + 273.15, source.outlet - pinch.value + 273.15)
            return HeatPumpOperatingPoint(cop: Self.bounded(efficiency, hot, cold, maximum))
        case .table(let map):
            var point = map.point(sourceOut: source.outlet, sinkOut: sink.outlet)
            point.cop = min(maximum, max(1, point.cop))
            return point
        }
    }

    /// `η T_hot/(T_hot − T_cold)` clamped to [1, maximum]; a non-positive lift gives the maximum.
    @usableFromInline
    static func bounded(_ efficiency: Double, _ hot: Double, _ cold: Double, _ maximum: Double) -> Double {
        let lift = hot - cold
        guard lift > 0 else { return maximum }
        return min(maximum, max(1, efficiency * hot / lift))
    }

    /// Thermodynamic-mean temperature of a stream between `a` and `b` (K): `(a − b)/ln(a/b)`.
    /// Below 1 mK of glide the series `(a + b)/2` is used, where the quotient would lose digits.
    @usableFromInline
    static func logMean(_ a: Double, _ b: Double) -> Double {
        let glide = a - b
        guard abs(glide) > 1e-3 else { return 0.5 * (a + b) }
        return glide / log(a / b)
    }
}

/// What the heat pump can do at one operating point.
public struct HeatPumpOperatingPoint: Sendable, Equatable {
    /// Heating COP, capped.
    public var cop: Double
    /// Heating capacity available as a fraction of the nominal capacity (1 for `carnot` and `lorenz`).
    public var capacityFactor: Double
    /// True when a map was evaluated outside its grid and clamped to the nearest edge.
    public var outsideMap: Bool

    @inlinable
    public init(cop: Double, capacityFactor: Double = 1, outsideMap: Bool = false) {
        self.cop = cop
        self.capacityFactor = capacityFactor
        self.outsideMap = outsideMap
    }
}
