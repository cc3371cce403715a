import Foundation

/// Heating COP of a single-stage vapour-compression heat pump from the stream temperatures, with a
/// lift- and temperature-dependent efficiency: the Lorenz COP corrected for the working fluid, the
/// compressor and the heat-exchanger approach (Jensen, Ommen, Reinholdt, Markussen, Elmegaard, "Heat
/// pump COP, part 2: Generalized COP estimation of heat pump processes", 13th IIR Gustav Lorentzen
/// Conference on Natural Refrigerants, 2018, doi:10.18462/iir.gl.2018.1386; part 1 is Reinholdt et al.):
///
///     T̄_sink, T̄_source = log-mean of inlet and outlet                                     (K)
///     ΔT_lift   = T̄_sink − T̄_source
///     ΔT_r,source = (T_source,in − T_source,out) / 2                      refrigerant below the source mean
///     ΔT_r,sink   = a (T_sink,out − T_source,out + 2 ΔT_pp) + b (T_sink,out − T_sink,in) + c
///     w           = a_w (T_sink,out − T_source,out + 2 ΔT_pp) + b_w (T_sink,out − T_sink,in) + c_w
///     COP = COP_Lor · (1 + (ΔT_r,sink + ΔT_pp)/T̄_sink) / (1 + (ΔT_r,sink + ΔT_r,source + 2 ΔT_pp)/ΔT_lift)
///               · η_is (1 − w) + 1 − η_is − f_Q,          COP_Lor = T̄_sink / ΔT_lift
///
/// which is `η_is (1 − w) (T̄_sink + ΔT_r,sink + ΔT_pp) / (ΔT_lift + ΔT_r,sink + ΔT_r,source + 2 ΔT_pp)
/// + 1 − η_is − f_Q`: the Lorenz COP between the refrigerant's mean condensing and evaporating
/// temperatures, times the compressor's efficiency less the fluid's throttling and superheat losses (w),
/// plus the compressor's losses that still reach the sink (less the share `f_Q` lost to the room).
/// ΔT_r,sink grows with the sink's glide: a single-stage condenser condenses at one temperature, above
/// the sink's mean, so a large return→supply glide is not credited as the bare Lorenz COP would.
///
/// Fluid coefficients (a, b, c of ΔT_r,sink in K; a_w, b_w, c_w of w) from Jensen et al. 2018, as
/// implemented in PyPSA-Eur (`scripts/build_cop_profiles/central_heating_cop_approximator.py`, MIT):
/// ammonia (R717) 0.2, 0.2, 0.016 and 0.0014, −0.0015, 0.039; isobutane (R600a) −0.0011, 0.3, 2.4 and
/// 0.0035, −0.0033, 0.053. *Defaults*: ammonia, ΔT_pp 5 K, η_is 0.7, f_Q 0.
///
/// Checked against the 56 CoolProp single-stage cycles of `shared/reference/heatpump_cycle.csv` (5 K
/// approaches, η_is 0.7, no glide: inlet = outlet), each with the model's nearest fluid (isobutane for
/// R134a and R1234ze(E)): median error +0.9 %, 18 of 56 outside ±10 % (8 of them R1234ze(E) with the
/// sink within 15 K of its critical point; R717 −5.4 % median). `HeatPumpCOPValidationTests`.
public struct JensenHeatPumpCOP: Sendable, Equatable {
    /// Working fluids whose coefficients Jensen et al. give.
    public enum Fluid: String, Sendable, CaseIterable {
        /// R717, the common fluid of large district-heating heat pumps.
        case ammonia
        /// R600a.
        case isobutane

        /// (a, b, c) of ΔT_r,sink (K) and (a_w, b_w, c_w) of w.
        @usableFromInline
        var coefficients: (sink: (Double, Double, Double), loss: (Double, Double, Double)) {
            switch self {
            case .ammonia: ((0.2, 0.2, 0.016), (0.0014, -0.0015, 0.039))
            case .isobutane: ((-0.0011, 0.3, 2.4), (0.0035, -0.0033, 0.053))
            }
        }
    }

    public var fluid: Fluid
    /// Approach ΔT_pp of evaporator and condenser.
    public var pinch: TemperatureDelta
    /// Isentropic efficiency of the compressor, η_is.
    public var isentropicEfficiency: Double
    /// Share of the compressor work lost as heat that does not reach the sink, f_Q.
    public var heatLoss: Double

    public init(fluid: Fluid = .ammonia, pinch: TemperatureDelta = TemperatureDelta(5),
                isentropicEfficiency: Double = 0.7, heatLoss: Double = 0) {
        self.fluid = fluid
        self.pinch = pinch
        self.isentropicEfficiency = isentropicEfficiency
        self.heatLoss = heatLoss
    }

    /// Heating COP (unbounded; `HeatPumpCOP` caps it) for a source cooled from `source.inlet` to
    /// `source.outlet` and a sink heated from `sink.inlet` to `sink.outlet` (°C). A refrigerant lift
    /// that is not positive returns `.infinity`.
    @inlinable
    public func cop(source: (inlet: Double, outlet: Double), sink: (inlet: Double, outlet: Double)) -> Double {
        let (sinkCoefficients, lossCoefficients) = fluid.coefficients
        let pinch = pinch.value
        let sinkMean = HeatPumpCOP.logMean(sink.inlet + 273.15, sink.outlet + 273.15)
        let sourceMean = HeatPumpCOP.logMean(source.inlet + 273.15, source.outlet + 273.15)
        let outletLift = sink.outlet - source.outlet + 2 * pinch
        let sinkGlide = sink.outlet - sink.inlet
        let refrigerantSink = sinkCoefficients.0 * outletLift + sinkCoefficients.1 * sinkGlide + sinkCoefficients.2
        let refrigerantSource = (source.inlet - source.outlet) / 2
        let loss = lossCoefficients.0 * outletLift + lossCoefficients.1 * sinkGlide + lossCoefficients.2
        let refrigerantLift = sinkMean - sourceMean + refrigerantSink + refrigerantSource + 2 * pinch
        guard refrigerantLift > 0 else { return .infinity }
        let condensing = sinkMean + refrigerantSink + pinch
        return isentropicEfficiency * (1 - loss) * condensing / refrigerantLift + 1 - isentropicEfficiency - heatLoss
    }
}
