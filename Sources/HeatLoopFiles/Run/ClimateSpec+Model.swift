import HeatLoop

extension ClimateSpec {
    /// The climate model to apply to a weather file; nil for the weather as read. Throws when the
    /// morphing factors are inconsistent (e.g. a daily maximum change without the minimum).
    public var model: ClimateMorph? {
        get throws(ClimateMorphError) {
            if let offsetK { return .offset(TemperatureDelta(offsetK)) }
            guard let morph else { return nil }
            return .monthly(try ClimateMorph.MonthlyFactors(
                dryBulbDelta: morph.dryBulbDeltaK, dryBulbMaxDelta: morph.dryBulbMaxDeltaK,
                dryBulbMinDelta: morph.dryBulbMinDeltaK, relativeHumidityDelta: morph.rhDeltaPct))
        }
    }
}
