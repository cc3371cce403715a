/// Make-up water of an evaporative cooler, m³/s (EnergyPlus Engineering Reference, "Evaporative
/// Coolers", sections "Water Consumption" of the research-special direct and indirect models):
///
///     V̇_total    = V̇_evap + V̇_drift + V̇_blowdown
///     V̇_drift    = f_drift · V̇_evap
///     V̇_blowdown = max(0, V̇_evap / (R − 1) − V̇_drift)        (0 when no ratio R is given)
///
/// `R` is the blowdown concentration ratio (solids in the blowdown over solids in the make-up water;
/// EnergyPlus requires R ≥ 2). One home for the drift and blowdown rule that both coolers share.
public struct EvaporativeWaterUse: Sendable, Equatable {
    /// Water evaporated into the air, m³/s.
    public var evaporation: Double
    /// Water carried off as droplets, m³/s.
    public var drift: Double
    /// Water drained from the sump to hold the solids concentration, m³/s.
    public var blowdown: Double

    public static let none = EvaporativeWaterUse(evaporation: 0, drift: 0, blowdown: 0)

    public init(evaporation: Double, drift: Double, blowdown: Double) {
        self.evaporation = evaporation
        self.drift = drift
        self.blowdown = blowdown
    }

    /// The make-up water that replaces `evaporation` m³/s, with drift fraction `driftFraction` and
    /// blowdown concentration ratio `concentrationRatio` (nil: no blowdown).
    public init(evaporation: Double, driftFraction: Double, concentrationRatio: Double?) {
        let evaporated = max(0, evaporation)
        let drift = evaporated * driftFraction
        let blowdown = concentrationRatio.map { max(0, evaporated / ($0 - 1) - drift) } ?? 0
        self.init(evaporation: evaporated, drift: drift, blowdown: blowdown)
    }

    /// Total make-up water, m³/s.
    public var total: Double { evaporation + drift + blowdown }
}
