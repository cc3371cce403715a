/// How a chiller's efficiency is computed. Closed family (EIR curve sets come with the cooling-plant library).
public enum ChillerModel: Sendable, Equatable {
    /// A fixed fraction of the Carnot (reversed) cycle: `COP = η · T_evap / (T_cond − T_evap)` in K
    /// (*default* η 0.55, typical of screw and centrifugal chillers at full load; Gordon & Ng,
    /// "Cool Thermodynamics", 2000).
    case carnot(efficiency: Double)
}

/// An electric vapour-compression chiller rejecting its condenser heat to outdoor air.
///
/// Evaporating temperature = chilled-water leaving − `evaporatorApproach`; condensing = outdoor dry
/// bulb + `condenserApproach` (air-cooled condenser). COP is capped at `maximumCOP` to keep small
/// lifts finite. Load above `capacity` is not met (returned as `unmet`); nothing throws.
public struct Chiller: Sendable, Equatable {
    public var model: ChillerModel
    public var capacity: Watts
    public var evaporatorApproach: TemperatureDelta
    public var condenserApproach: TemperatureDelta
    public var maximumCOP: Double

    public init(model: ChillerModel, capacity: Watts, evaporatorApproach: TemperatureDelta,
                condenserApproach: TemperatureDelta, maximumCOP: Double) {
        self.model = model
        self.capacity = capacity
        self.evaporatorApproach = evaporatorApproach
        self.condenserApproach = condenserApproach
        self.maximumCOP = maximumCOP
    }

    public func cop(chilledWaterLeaving: Double, dryBulb: Double) -> Double {
        switch model {
        case .carnot(let efficiency):
            let evaporating = chilledWaterLeaving - evaporatorApproach.value + 273.15
            let condensing = dryBulb + condenserApproach.value + 273.15
            let lift = condensing - evaporating
            guard lift > 0 else { return maximumCOP }
            return min(maximumCOP, efficiency * evaporating / lift)
        }
    }

    public func step(load: Double, chilledWaterLeaving: Double, dryBulb: Double) -> ChillerStep {
        guard load > 0 else { return ChillerStep(removed: 0, power: 0) }
        let removed = min(load, capacity.value)
        let cop = cop(chilledWaterLeaving: chilledWaterLeaving, dryBulb: dryBulb)
        return ChillerStep(removed: removed, power: removed / cop)
    }
}

/// One chiller step, W.
public struct ChillerStep: Sendable, Equatable {
    public var removed: Double
    public var power: Double
}
