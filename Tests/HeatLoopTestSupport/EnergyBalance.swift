import HeatLoop
import Testing

/// The loop energy balance of DESIGN §2, checked on every plant and loop test:
///
///     Q_in = Q_recovered + Q_rejected + Q_stored      (W)
///
/// `heatIn` is what entered the water (IT/loss heat and pump heat), `recovered` what the heat-pump
/// evaporator took, `rejected` what the heat-rejection plant removed, `stored` the rate of change of the
/// loop's thermal energy (for a plant tested alone: the heat it left in the water). The residual must be
/// within `relativeTolerance` of the largest term.
public func checkLoopEnergyBalance(
    heatIn: Double, recovered: Double, rejected: Double, stored: Double,
    relativeTolerance: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation
) {
    let scale = max(abs(heatIn), abs(recovered), abs(rejected), abs(stored), 1)
    let residual = heatIn - recovered - rejected - stored
    #expect(
        abs(residual) <= relativeTolerance * scale,
        "energy balance off by \(residual) W: in \(heatIn) ≠ recovered \(recovered) + rejected \(rejected) + stored \(stored)",
        sourceLocation: sourceLocation)
}

/// The same balance for one `CoolingLoop` step. The stored heat is taken from the temperature change of
/// the loop's water, `C (T_supply' − T_supply) / Δt`, not from the step's own `storedPower`, so the check
/// is independent of the model's bookkeeping; `storedPower` must then agree with it.
public func checkLoopEnergyBalance(
    loop: CoolingLoop, supply: Double, collection: LoopCollection, recovered: Double, step: LoopStep,
    stepSeconds: Double, relativeTolerance: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation
) {
    let stored = loop.thermalCapacity * (step.nextSupply - supply) / stepSeconds
    checkLoopEnergyBalance(
        heatIn: collection.heatIn, recovered: recovered, rejected: step.rejection.removed, stored: stored,
        relativeTolerance: relativeTolerance, sourceLocation: sourceLocation)
    let scale = max(abs(collection.heatIn), abs(stored), 1)
    #expect(
        abs(step.storedPower - stored) <= relativeTolerance * scale,
        "reported storedPower \(step.storedPower) W ≠ C·ΔT/Δt = \(stored) W", sourceLocation: sourceLocation)
}

/// The energy balance of a whole run, checked from its result document (the on-disk contract), so the
/// check is independent of the step loop's own bookkeeping. At every step, within Float32 precision:
///
///     P_facility = P_IT + P_UPS loss + P_distribution loss + P_misc + P_cooling     (W)
///     P_cooling  = P_chillers + P_fans + P_pumps + P_humidifiers + P_basin heaters   (W)
///     Q_dumped   = Q_available − Q_recovered,  Q_recovered ≤ Q_available              (W)
///
/// and the step loop's own loop balance residual (`max_energy_balance_residual`) below 1e-9.
public func checkEnergyBalance(_ document: ResultDocument, site: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
    func series(_ group: String, _ name: String) -> [Double] {
        guard let values = document.group(group)?.series(name)?.values.doubles else {
            Issue.record("\(site): /\(group)/\(name) missing", sourceLocation: sourceLocation)
            return []
        }
        return values
    }
    let facility = series("facility", "power"), it = series("it", "power")
    let ups = series("electrical", "ups_loss"), distribution = series("electrical", "distribution_loss")
    let misc = series("electrical", "misc"), cooling = series("cooling", "power")
    let chillers = series("cooling", "chiller_power"), fans = series("cooling", "fan_power")
    let pumps = series("cooling", "pump_power"), humidifiers = series("cooling", "humidifier_power")
    let basinHeaters = series("cooling", "basin_heater_power")
    let available = series("heat_recovery", "available"), recovered = series("heat_recovery", "recovered")
    let dumped = series("heat_recovery", "dumped")
    var worst = (facility: 0.0, cooling: 0.0, heat: 0.0)
    for step in facility.indices where step < min(it.count, pumps.count, humidifiers.count, dumped.count) {
        let parts = it[step] + ups[step] + distribution[step] + misc[step] + cooling[step]
        worst.facility = max(worst.facility, abs(facility[step] - parts) / max(facility[step], 1))
        let coolingParts = chillers[step] + fans[step] + pumps[step] + humidifiers[step] + basinHeaters[step]
        worst.cooling = max(worst.cooling, abs(cooling[step] - coolingParts) / max(cooling[step], 1))
        let heatGap = abs(dumped[step] - (available[step] - recovered[step]))
            + max(0, recovered[step] - available[step] * (1 + 1e-6))
        worst.heat = max(worst.heat, heatGap / max(available[step], 1))
    }
    // Float32 series: each term carries a relative error of up to 6e-8.
    #expect(worst.facility < 1e-6, "\(site): facility power ≠ IT + losses + misc + cooling by up to \(worst.facility)",
            sourceLocation: sourceLocation)
    #expect(worst.cooling < 1e-6, "\(site): cooling power ≠ chillers + fans + pumps + humidifiers by up to \(worst.cooling)",
            sourceLocation: sourceLocation)
    #expect(worst.heat < 1e-5, "\(site): heat dumped ≠ available − recovered by up to \(worst.heat)",
            sourceLocation: sourceLocation)
    let residual = document.summaryValue("max_energy_balance_residual")?.double ?? .nan
    #expect(residual < 1e-9, "\(site): the step loop's energy-balance residual reached \(residual)",
            sourceLocation: sourceLocation)
}
