/// A water loop that collects heat and hands it to heat recovery and a heat-rejection plant.
///
/// - Variable flow keeps the design ΔT: `ṁ = Q / (c_p ΔT_design)`, between the minimum flow fraction
///   and design flow; `T_return = T_supply + Q / (ṁ c_p)` (above design load ΔT grows).
/// - Pump power follows the affinity law; its heat goes into the water.
/// - Thermal mass: the loop's water `C = ρ c_p V` is one lumped node at the supply temperature,
///   `C dT/dt = Q_in − Q_recovered − Q_rejected`. The plant aims to bring the supply back to its
///   setpoint within the step; when it cannot, the supply drifts up (and the step counts as unmet).
public struct CoolingLoop: Sendable, Equatable {
    public var supplySetpoint: Celsius
    public var designDeltaT: TemperatureDelta
    /// Heat the loop is designed to carry at full IT load, W.
    public var designHeat: Watts
    /// `ρ c_p V` of the loop water, J/K.
    public var thermalCapacity: Double
    public var pump: AffinityMachine
    public var rejection: HeatRejection

    public init(supplySetpoint: Celsius, designDeltaT: TemperatureDelta, designHeat: Watts,
                thermalCapacity: Double, pump: AffinityMachine, rejection: HeatRejection) {
        self.supplySetpoint = supplySetpoint
        self.designDeltaT = designDeltaT
        self.designHeat = designHeat
        self.thermalCapacity = thermalCapacity
        self.pump = pump
        self.rejection = rejection
    }

    /// Design mass flow, kg/s.
    @inlinable
    public var designFlow: Double { designHeat.value / (Fluid.waterSpecificHeat * designDeltaT.value) }

    // `collect` and `reject` are `@inlinable` (with the pump law they use) so that a caller in another module
    // (the benchmarks, any driver outside HeatLoop) can inline them; the plant's `step` stays an ordinary call.
    // Opaque cross-module calls that return these structs cost more than the loop's own arithmetic
    // (measured 43 → 16 ns per dry-cooler loop step, 54 → 27 ns with an EIR chiller and tower). Divisions by
    // loop constants are written as a quotient of constants times the variable (`C / Δt · ΔT`, `Δt / C · P`)
    // to keep them off the supply temperature's step-to-step dependency chain; results differ only by rounding.
    /// Flow, pump power and return temperature for a heat load (before pump heat), and the heat the
    /// loop must shed this step to return to its setpoint.
    @inlinable
    public func collect(heat: Double, supply: Double, stepSeconds: Double) -> LoopCollection {
        let design = designFlow
        let wanted = heat / (Fluid.waterSpecificHeat * designDeltaT.value)
        let flow = design > 0 ? min(design, max(pump.minimumFraction * design, wanted)) : 0
        let pumpPower = design > 0 ? pump.power(flowFraction: flow / design).value : 0
        let heatIn = heat + pumpPower
        let returnTemperature = flow > 0 ? supply + heatIn / (flow * Fluid.waterSpecificHeat) : supply
        let toShed = max(0, heatIn + thermalCapacity / stepSeconds * (supply - supplySetpoint.value))
        return LoopCollection(flow: flow, pumpPower: pumpPower, heatIn: heatIn, returnTemperature: returnTemperature,
                              heatToShed: toShed)
    }

    /// Rejects what is left after heat recovery took `recovered` W and advances the supply temperature.
    @inlinable
    public func reject(_ collection: LoopCollection, recovered: Double, supply: Double,
                       stepSeconds: Double, dryBulb: Double, wetBulb: Double) -> LoopStep {
        let load = max(0, collection.heatToShed - recovered)
        let flow = collection.flow
        let waterIn = flow > 0
            ? collection.returnTemperature - recovered / (flow * Fluid.waterSpecificHeat)
            : collection.returnTemperature
        let plant = rejection.step(load: load, waterIn: waterIn, flow: flow, setpoint: supplySetpoint.value,
                                   dryBulb: dryBulb, wetBulb: wetBulb)
        let storedPower = collection.heatIn - recovered - plant.removed
        let nextSupply = thermalCapacity > 0
            ? supply + stepSeconds / thermalCapacity * storedPower
            : supplySetpoint.value
        let unmet = load - plant.removed
        return LoopStep(rejection: plant, nextSupply: nextSupply, storedPower: storedPower,
                        unmet: unmet > 1e-9 * max(1, load) ? unmet : 0)
    }
}

/// The collecting half of a loop step. W, kg/s, °C.
public struct LoopCollection: Sendable, Equatable {
    public var flow: Double
    public var pumpPower: Double
    /// IT/loss heat plus pump heat entering the water.
    public var heatIn: Double
    public var returnTemperature: Double
    /// Heat to remove (recovery + rejection) to bring the supply back to its setpoint.
    public var heatToShed: Double

    @usableFromInline
    init(flow: Double, pumpPower: Double, heatIn: Double, returnTemperature: Double, heatToShed: Double) {
        self.flow = flow
        self.pumpPower = pumpPower
        self.heatIn = heatIn
        self.returnTemperature = returnTemperature
        self.heatToShed = heatToShed
    }
}

/// The rejecting half of a loop step.
public struct LoopStep: Sendable, Equatable {
    public var rejection: RejectionStep
    public var nextSupply: Double
    /// Rate of change of the loop's stored heat, W (positive when it warms).
    public var storedPower: Double
    /// Heat the plant could not remove, W.
    public var unmet: Double

    @usableFromInline
    init(rejection: RejectionStep, nextSupply: Double, storedPower: Double, unmet: Double) {
        self.rejection = rejection
        self.nextSupply = nextSupply
        self.storedPower = storedPower
        self.unmet = unmet
    }
}
