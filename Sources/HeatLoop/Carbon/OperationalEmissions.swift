/// Operational CO2e of a job's electricity under both GHG Protocol Scope 2 methods.
///
///     location-based = E_total · I_grid
///     market-based   = E_total · (s · I_instrument + (1 − s) · I_residual)
///
/// `I_grid`: the job's energy-weighted hourly intensity when the site has an hourly series (the hours the
/// job actually ran), else the annual average. `s`: share of the job's electricity covered by contractual
/// instruments (PPAs, guarantees of origin) at their intensity `I_instrument` (0 for wind/solar/hydro);
/// `I_residual`: the residual mix for the uncovered rest (the location intensity when none is stated, and
/// the card says so). Source: GHG Protocol Scope 2 Guidance (WRI/WBCSD 2015), §6–7.
public struct OperationalEmissions: Sendable, Equatable {
    /// How the location intensity was obtained.
    public enum IntensityBasis: String, Sendable, CaseIterable {
        /// One figure for the period (a country's annual average or a stated constant).
        case annual
        /// Hourly intensities weighted by the job's energy in each hour.
        case hourly
    }

    /// Contractual instruments behind the market-based figure.
    public struct Market: Sendable, Equatable {
        /// Share of the job's electricity covered by PPAs or guarantees of origin, 0…1.
        public var coveredShare: Double
        /// Intensity of the covered electricity, g/kWh (0: renewable PPA / GoO).
        public var instrumentGramsPerKWh: Double
        /// Residual-mix intensity for the uncovered rest, g/kWh; nil: the location intensity is used.
        public var residualGramsPerKWh: Double?

        public init(coveredShare: Double, instrumentGramsPerKWh: Double = 0, residualGramsPerKWh: Double? = nil) {
            self.coveredShare = min(max(coveredShare, 0), 1)
            self.instrumentGramsPerKWh = instrumentGramsPerKWh
            self.residualGramsPerKWh = residualGramsPerKWh
        }

        /// No instruments: market-based equals location-based (with no residual mix stated).
        public static let none = Market(coveredShare: 0)
    }

    public var intensityGramsPerKWh: Estimate
    public var intensityBasis: IntensityBasis
    public var market: Market
    /// kg CO2e.
    public var locationKg: Estimate
    /// kg CO2e.
    public var marketKg: Estimate

    /// `energyKWh`: the job's total within its boundary; `intensity`: g/kWh with its range.
    public init(energyKWh: Estimate, intensity: Estimate, basis: IntensityBasis, market: Market = .none) {
        intensityGramsPerKWh = intensity
        intensityBasis = basis
        self.market = market
        locationKg = energyKWh * intensity * 1e-3
        let residual = market.residualGramsPerKWh.map { Estimate(exactly: $0) } ?? intensity
        let marketIntensity = Estimate(exactly: market.instrumentGramsPerKWh) * market.coveredShare
            + residual * (1 - market.coveredShare)
        marketKg = energyKWh * marketIntensity * 1e-3
    }
}
