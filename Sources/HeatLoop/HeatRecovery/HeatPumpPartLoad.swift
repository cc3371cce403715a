/// Heating COP against a unit's load ratio (issue 17 item 1).
///
/// A unit running at part load ratio `PLR = Q / Q_avail` (its output over what it could give at the step's
/// temperatures) draws, as in the DOE-2 / EnergyPlus EIR formulation (`Chiller:Electric:EIR`,
/// `HeatPump:PlantLoop:EIR`),
///
///     W = Q_avail / COP_full · EIRFPLR(PLR),    so    COP(PLR) = COP_full · PLR / EIRFPLR(PLR)
///
/// with `COP_full` from the COP model at the step's temperatures. Closed family:
public enum HeatPumpPartLoad: Sendable, Equatable {
    /// COP independent of the load (EIRFPLR(PLR) = PLR).
    case constant
    /// The EIR-of-part-load curve of a shipped EnergyPlus chiller curve set (`ChillerCurveSet`), applied
    /// to the heating load ratio. The *default* is `trane-rthb-screw` (Trane RTHB, slide-valve screw,
    /// EnergyPlus DataSets/Chillers.idf): the compressor type of large ammonia district-heating heat
    /// pumps, which unload with a slide valve. Its curve gives COP/COP_full = 1.00 at full load, 1.04–1.05
    /// at 0.6–0.8 (smaller heat-exchanger approaches at part load), 1.00 at 0.5, 0.93 at 0.4, 0.81 at 0.3
    /// and 0.62 at 0.2, the lowest ratio of its fit (below it the curve's input is clamped).
    case curve(QuadraticCurve)

    /// The shipped curve set whose EIR-of-part-load curve is the default.
    public static let defaultCurveSet = "trane-rthb-screw"

    /// `EIRFPLR(PLR)/PLR`: compressor power over the power at the full-load COP (1 at full load for the
    /// shipped curves, within their fit), for `loadRatio` in (0, 1].
    @inlinable
    public func powerFactor(loadRatio: Double) -> Double {
        switch self {
        case .constant: return 1
        case .curve(let curve):
            guard loadRatio > 0 else { return 1 }
            return curve(loadRatio) / loadRatio
        }
    }
}
