/// Water a job consumed: on site (evaporated by the cooling plant) and off site (consumed generating
/// its electricity).
///
///     on-site  = WUE · E_IT          (WUE, L/kWh of IT energy, ISO/IEC 30134-9; simulated or stated)
///     off-site = EWIF · E_total      (EWIF, L/kWh of electricity)
///
/// Defaults when nothing is simulated or stated: WUE 0.55 L/kWh and EWIF 3.14 L/kWh (Li, Yang, Islam &
/// Ren 2023, "Making AI Less 'Thirsty'", arXiv 2304.03271: Microsoft's U.S. average on-site WUE and the
/// U.S. average electricity water intensity); ranges ±50 % (HeatLoop assumption: both vary several-fold
/// with climate, cooling and generation mix).
public struct WaterFootprint: Sendable, Equatable {
    public enum Basis: String, Sendable, CaseIterable {
        /// From the simulated cooling plant in the hours the job ran.
        case simulated
        /// Stated for the site or the job.
        case stated
        /// The published default above.
        case `default`
    }

    public static let defaultOnSiteLitresPerKWh = Estimate(low: 0.275, central: 0.55, high: 0.825)
    public static let defaultOffSiteLitresPerKWh = Estimate(low: 1.57, central: 3.14, high: 4.71)
    public static let defaultSource = "Li et al. 2023, arXiv 2304.03271 (U.S. averages); ranges ±50 % (HeatLoop assumption)"

    public var onSiteLitres: Estimate
    public var onSiteBasis: Basis
    public var offSiteLitres: Estimate
    public var offSiteBasis: Basis

    public init(onSiteLitres: Estimate, onSiteBasis: Basis, offSiteLitres: Estimate, offSiteBasis: Basis) {
        self.onSiteLitres = onSiteLitres
        self.onSiteBasis = onSiteBasis
        self.offSiteLitres = offSiteLitres
        self.offSiteBasis = offSiteBasis
    }

    /// From water-use factors: `wue` L/kWh of IT energy, `ewif` L/kWh of electricity.
    public init(itKWh: Estimate, totalKWh: Estimate, wue: Estimate, wueBasis: Basis, ewif: Estimate, ewifBasis: Basis) {
        self.init(onSiteLitres: itKWh * wue, onSiteBasis: wueBasis, offSiteLitres: totalKWh * ewif, offSiteBasis: ewifBasis)
    }

    public var totalLitres: Estimate { onSiteLitres + offSiteLitres }
}
