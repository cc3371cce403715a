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
func checkLoopEnergyBalance(
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
func checkLoopEnergyBalance(
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
