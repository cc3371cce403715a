import Foundation

/// Heat-pump heating COP models (DESIGN §3.5). Closed family: every model takes the inlet and outlet
/// temperatures of both streams (°C) so that glide-aware models can use them; the Carnot and Jesper
/// models read only the outlets. The *default* is `jensen` (lift-, temperature- and fluid-dependent
/// efficiency); against the CoolProp cycles of `shared/reference/heatpump_cycle.csv` it is within ±10 %
/// on 38 of 56 (median +0.9 %), where `carnot` with η 0.5 is on 20 (median −12.8 %).
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

    /// Lorenz COP corrected for working fluid, compressor and approach (Jensen et al. 2018, see
    /// `JensenHeatPumpCOP`): the *default* model, ammonia, 5 K approach, η_is 0.7.
    case jensen(JensenHeatPumpCOP)

    /// Regression of 33 market-available large heat pumps on the lift (Jesper et al. 2021, see
    /// `JesperHeatPumpCOP`).
    case jesper

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
        case .jensen(let model):
            return HeatPumpOperatingPoint(cop: Self.clamped(model.cop(source: source, sink: sink), maximum))
        case .jesper:
            let cop = JesperHeatPumpCOP.cop(sourceOutlet: source.outlet, sinkOutlet: sink.outlet)
            return HeatPumpOperatingPoint(cop: Self.clamped(cop, maximum))
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

    /// `cop` clamped to [1, maximum] (`.infinity`, a non-positive lift, gives the maximum).
    @usableFromInline
    static func clamped(_ cop: Double, _ maximum: Double) -> Double { min(maximum, max(1, cop)) }

    /// Thermodynamic-mean temperature of a stream between `a` and `b` (K): `(a − b)/ln(a/b)`.
    /// With x = (a − b)/(a + b), ln(a/b) = 2 artanh x, so T̄ = ½(a + b) / (1 + x²/3 + x⁴/5 + …); for
    /// |x| < 0.1 (glides up to ≈ 60 K at 300 K) the series to x¹² is exact to 10⁻¹⁵ and needs no
    /// logarithm in the step loop (the `jensen` default evaluates two means a step); it also keeps the
    /// digits the quotient loses at tiny glides.
    @usableFromInline
    static func logMean(_ a: Double, _ b: Double) -> Double {
        let sum = a + b
        let x = (a - b) / sum
        guard abs(x) < 0.1 else { return (a - b) / log(a / b) }
        let x2 = x * x
        let series = 1 + x2 * (1.0 / 3 + x2 * (1.0 / 5 + x2 * (1.0 / 7 + x2 * (1.0 / 9 + x2 * (1.0 / 11 + x2 / 13)))))
        return 0.5 * sum / series
    }
}

/// What the heat pump can do at one operating point.
public struct HeatPumpOperatingPoint: Sendable, Equatable {
    /// Heating COP, capped.
    public var cop: Double
    /// Heating capacity available as a fraction of the nominal capacity (1 for the formula models, which have no capacity map).
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
