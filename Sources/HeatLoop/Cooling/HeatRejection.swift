/// How a loop's heat leaves the building. Closed family of plants composed of component structs.
///
/// Sign conventions: every heat flow is positive, W; `removed` is heat taken from the loop water,
/// `heatToAtmosphere` what finally leaves to the outdoor air (`removed` + compressor power).
///
/// `indirect` because the payloads are large (an EIR chiller's curves are ~320 bytes): matching an inline
/// payload made Swift copy the whole enum every step (measured ~40 → ~16 ns for a dry cooler + trim chiller).
public indirect enum HeatRejection: Sendable, Equatable {
    /// Dry coolers, optionally with an air-cooled trim chiller: the economiser arrangement. Free cooling
    /// when the dry cooler alone reaches the setpoint; partial when it pre-cools and the chiller trims the
    /// rest; mechanical when it cannot pre-cool at all (DESIGN §3.4). Without a trim chiller every step is
    /// free cooling, and heat the dry cooler cannot remove is unmet (the loop drifts warm).
    case dryCooler(DryCooler, trimChiller: Chiller?)
    /// An air-cooled chiller alone (condenser entering = outdoor dry bulb): always mechanical.
    case chiller(Chiller)
    /// A water-cooled chiller whose condenser water comes from a cooling tower or a dry cooler, optionally
    /// with a water-side economiser (see `WaterCooledChillerPlant`).
    case waterCooledChiller(WaterCooledChillerPlant)

    /// Removes up to `load` W from water entering the plant at `waterIn` °C with mass flow `flow`
    /// kg/s, aiming at `setpoint` °C leaving; outdoor air at `dryBulb` / `wetBulb` °C.
    public func step(load: Double, waterIn: Double, flow: Double, setpoint: Double,
                     dryBulb: Double, wetBulb: Double) -> RejectionStep {
        switch self {
        case .dryCooler(let cooler, let trim):
            let free = cooler.step(load: load, waterIn: waterIn, flow: flow, dryBulb: dryBulb, wetBulb: wetBulb)
            let remaining = load - free.removed
            guard remaining > 0 else {
                return RejectionStep(removed: free.removed, chillerPower: 0, fanPower: free.fanPower,
                                     waterUse: free.waterUse, mode: .free, heatToAtmosphere: free.removed,
                                     curveInputsClamped: false)
            }
            // Without a chiller there is no mechanical cooling: what the dry cooler cannot remove is unmet.
            guard let trim else {
                return RejectionStep(removed: free.removed, chillerPower: 0, fanPower: free.fanPower,
                                     waterUse: free.waterUse, mode: .free, heatToAtmosphere: free.removed,
                                     curveInputsClamped: false)
            }
            let mode: CoolingMode = free.removed > 0 ? .partial : .mechanical
            let chiller = trim.step(load: remaining, chilledWaterLeaving: setpoint, dryBulb: dryBulb)
            return RejectionStep(removed: free.removed + chiller.removed, chillerPower: chiller.power,
                                 fanPower: free.fanPower + chiller.condenserFanPower, waterUse: free.waterUse,
                                 mode: mode, heatToAtmosphere: free.removed + chiller.heatRejected,
                                 curveInputsClamped: chiller.curveInputsClamped)
        case .chiller(let chiller):
            let result = chiller.step(load: load, chilledWaterLeaving: setpoint, dryBulb: dryBulb)
            return RejectionStep(removed: result.removed, chillerPower: result.power,
                                 fanPower: result.condenserFanPower, waterUse: 0, mode: .mechanical,
                                 heatToAtmosphere: result.heatRejected, curveInputsClamped: result.curveInputsClamped)
        case .waterCooledChiller(let plant):
            return plant.step(load: load, waterIn: waterIn, flow: flow, setpoint: setpoint, dryBulb: dryBulb,
                              wetBulb: wetBulb)
        }
    }

    /// The plant's electric power while it is not stepped (no heat reaches it): a water-cooled plant's tower
    /// basin heater at `dryBulb` °C (`BasinHeater`), W; 0 for the others.
    public func idlePower(dryBulb: Double) -> Double {
        guard case .waterCooledChiller(let plant) = self else { return 0 }
        return plant.idlePower(dryBulb: dryBulb)
    }
}

/// A water-cooled chiller, its condenser-water heat sink and an optional water-side economiser.
///
/// - **Condenser**: the chiller's condenser entering temperature is the water leaving the sink, which
///   carries the evaporator heat plus the compressor power (and the economiser's heat). The sink holds its
///   approach up to design heat and floats above it; the chiller is evaluated at the sink temperature
///   without its own heat, and once more if its heat pushes the sink past design (one fixed-point pass
///   from below: slightly optimistic when overloaded).
/// - **Economiser** (plate heat exchanger on the loop return, fed by the same sink in parallel with the
///   condenser): the loop water can be cooled to `T_sink + A_hx` (`exchangerLimit`). **Free** when that
///   covers the whole load (chiller off); **partial** when it pre-cools the return and the chiller trims
///   the rest to the setpoint; **mechanical** when the sink water is too warm to pre-cool.
///   The pre-cooling share is computed with the sink at its economiser-only temperature, so when the sink is
///   overloaded in partial mode the share is slightly optimistic; the energy balance is exact regardless.
/// Source: ASHRAE 90.1-2019 §6.5.1.2 (integrated water economiser), DESIGN §3.4.
public struct WaterCooledChillerPlant: Sendable, Equatable {
    public var chiller: Chiller
    public var condenser: CondenserHeatSink
    public var economiser: PlateHeatExchanger?
    /// The condenser-water pump, when the plant counts it: full power while the sink carries heat, its shaft
    /// power into the condenser water (the sink rejects it too).
    public var condenserPump: CondenserPump?
    /// The cooling tower's basin heater: on while the tower carries no water (no load).
    public var basinHeater: BasinHeater?

    public init(chiller: Chiller, condenser: CondenserHeatSink, economiser: PlateHeatExchanger?,
                condenserPump: CondenserPump? = nil, basinHeater: BasinHeater? = nil) {
        self.chiller = chiller
        self.condenser = condenser
        self.economiser = economiser
        self.condenserPump = condenserPump
        self.basinHeater = basinHeater
    }

    /// Electric power while no heat reaches the plant (its tower carries no water): the basin heater's, W.
    @inline(__always)
    public func idlePower(dryBulb: Double) -> Double { basinHeater?.power(dryBulb: dryBulb) ?? 0 }

    /// Same contract as `HeatRejection.step`.
    @inline(__always)
    public func step(load: Double, waterIn: Double, flow: Double, setpoint: Double,
                     dryBulb: Double, wetBulb: Double) -> RejectionStep {
        guard load > 0 else {
            return RejectionStep(removed: 0, chillerPower: 0, fanPower: 0, waterUse: 0,
                                 mode: economiser == nil ? .mechanical : .free, heatToAtmosphere: 0,
                                 curveInputsClamped: false, heaterPower: idlePower(dryBulb: dryBulb))
        }
        var free = 0.0
        let pumpPower = condenserPump?.designPower.value ?? 0
        let pumpHeat = pumpPower * (condenserPump?.heatToWater ?? 0)
        if let economiser {
            let limit = condenser.exchangerLimit(waterIn: waterIn, flow: flow, exchangerApproach: economiser.approach.value,
                                                 dryBulb: dryBulb, wetBulb: wetBulb)
            if limit >= load {
                let sink = condenser.reject(load: load + pumpHeat, dryBulb: dryBulb, wetBulb: wetBulb)
                return RejectionStep(removed: load, chillerPower: 0, fanPower: sink.fanPower, waterUse: sink.waterUse,
                                     mode: .free, heatToAtmosphere: load + pumpPower,
                                     curveInputsClamped: sink.outsideBounds, pumpPower: pumpPower)
            }
            free = limit
        }
        // First pass at the sink temperature before the chiller's heat; a second one if that heat pushes the
        // sink past its design capacity (the leaving water then floats, see `FixedApproachCircuit`) or, for a
        // tower whose approach grows with its range (YorkCalc), simply warms it.
        var condenserEntering = condenser.leavingWater(load: free + pumpHeat, dryBulb: dryBulb, wetBulb: wetBulb)
        var chilled = chiller.step(load: load - free, chilledWaterLeaving: setpoint, condenserEntering: condenserEntering)
        var rejected = free + chilled.heatRejected
        let settled = condenser.leavingWater(load: rejected + pumpHeat, dryBulb: dryBulb, wetBulb: wetBulb)
        if settled > condenserEntering {
            condenserEntering = settled
            chilled = chiller.step(load: load - free, chilledWaterLeaving: setpoint, condenserEntering: condenserEntering)
            rejected = free + chilled.heatRejected
        }
        let sink = condenser.reject(load: rejected + pumpHeat, dryBulb: dryBulb, wetBulb: wetBulb)
        return RejectionStep(removed: free + chilled.removed, chillerPower: chilled.power,
                             fanPower: sink.fanPower + chilled.condenserFanPower, waterUse: sink.waterUse,
                             mode: free > 0 ? .partial : .mechanical, heatToAtmosphere: rejected + pumpPower,
                             curveInputsClamped: chilled.curveInputsClamped || sink.outsideBounds, pumpPower: pumpPower)
    }
}

/// Where a water-cooled chiller's condenser water (and its economiser's water) rejects heat. Closed family.
public enum CondenserHeatSink: Sendable, Equatable {
    /// Open cooling tower: approach to the wet bulb, evaporates water.
    case coolingTower(CoolingTower)
    /// Dry cooler on a closed circuit: approach to the coil air inlet (dry bulb, or pads' outlet).
    case dryCooler(DryCooler)
    /// Open cooling tower with a variable-speed fan and the YorkCalc approach correlation, controlled to a
    /// condenser-water setpoint (EnergyPlus `CoolingTower:VariableSpeed`).
    case yorkCalcTower(YorkCalcTower)

    /// Water leaving the sink when it rejects `load` W, °C.
    @inline(__always)
    public func leavingWater(load: Double, dryBulb: Double, wetBulb: Double) -> Double {
        switch self {
        case .coolingTower(let tower): tower.leavingWater(load: load, wetBulb: wetBulb)
        case .dryCooler(let cooler): cooler.condenserLeavingWater(load: load, dryBulb: dryBulb, wetBulb: wetBulb)
        case .yorkCalcTower(let tower): tower.leavingWater(load: load, wetBulb: wetBulb)
        }
    }

    /// The most heat loop water can give to the sink's water through a plate heat exchanger, W.
    @inline(__always)
    public func exchangerLimit(waterIn: Double, flow: Double, exchangerApproach: Double, dryBulb: Double,
                               wetBulb: Double) -> Double {
        switch self {
        case .coolingTower(let tower):
            tower.exchangerLimit(waterIn: waterIn, flow: flow, exchangerApproach: exchangerApproach, wetBulb: wetBulb)
        case .dryCooler(let cooler):
            cooler.exchangerLimit(waterIn: waterIn, flow: flow, exchangerApproach: exchangerApproach,
                                  dryBulb: dryBulb, wetBulb: wetBulb)
        case .yorkCalcTower(let tower):
            tower.exchangerLimit(waterIn: waterIn, flow: flow, exchangerApproach: exchangerApproach, wetBulb: wetBulb)
        }
    }

    /// Rejects all of `load` W; fan power W, make-up water kg/s.
    @inline(__always)
    public func reject(load: Double, dryBulb: Double, wetBulb: Double) -> HeatSinkStep {
        switch self {
        case .coolingTower(let tower):
            let step = tower.step(load: load, wetBulb: wetBulb)
            return HeatSinkStep(leavingWater: step.leavingWater, fanPower: step.fanPower, waterUse: step.waterUse)
        case .dryCooler(let cooler):
            let step = cooler.condenserStep(load: load, dryBulb: dryBulb, wetBulb: wetBulb)
            return HeatSinkStep(leavingWater: step.leavingWater, fanPower: step.fanPower, waterUse: step.waterUse)
        case .yorkCalcTower(let tower):
            let step = tower.step(load: load, dryBulb: dryBulb, wetBulb: wetBulb)
            return HeatSinkStep(leavingWater: step.leavingWater, fanPower: step.fanPower, waterUse: step.waterUse,
                                outsideBounds: step.outsideBounds)
        }
    }
}

/// One heat-sink step: leaving water °C, fan power W, make-up water kg/s.
public struct HeatSinkStep: Sendable, Equatable {
    public var leavingWater: Double
    public var fanPower: Double
    public var waterUse: Double
    /// True when the sink's performance correlation was evaluated outside its fitted bounds (YorkCalc).
    public var outsideBounds = false
}

/// A plate heat exchanger between the loop water and the heat sink's water (the water-side economiser):
/// the loop water leaves no colder than the sink water entering + `approach` (typical 1–2 K for plate
/// exchangers sized for free cooling; ASHRAE Handbook HVAC Systems and Equipment 2020, ch. 48).
public struct PlateHeatExchanger: Sendable, Equatable {
    public var approach: TemperatureDelta
    public init(approach: TemperatureDelta) { self.approach = approach }
}

/// Economiser state of a plant in one step (`/cooling/mode`: 0 free, 1 partial, 2 mechanical).
public enum CoolingMode: Int8, Sendable, CaseIterable, Comparable {
    case free = 0
    case partial = 1
    case mechanical = 2

    public static func < (a: CoolingMode, b: CoolingMode) -> Bool { a.rawValue < b.rawValue }
    public var name: String {
        switch self {
        case .free: "free"
        case .partial: "partial"
        case .mechanical: "mechanical"
        }
    }
}

/// One heat-rejection step: heat removed from the loop (W), electric powers (W), water (kg/s), mode.
public struct RejectionStep: Sendable, Equatable {
    public var removed: Double
    /// Compressor power of the plant's chiller.
    public var chillerPower: Double
    /// Dry-cooler, cooling-tower and chiller condenser fans.
    public var fanPower: Double
    /// Make-up water: adiabatic pads, or tower evaporation + blowdown + drift, kg/s.
    public var waterUse: Double
    public var mode: CoolingMode
    /// Heat leaving to the outdoor air: `removed` + compressor power (+ the condenser pump's).
    public var heatToAtmosphere: Double
    /// True when a chiller curve or tower correlation input lay outside its stated range this step (clamped).
    public var curveInputsClamped: Bool
    /// The condenser-water pump of a water-cooled chiller plant, W (0 for plants without one).
    public var pumpPower = 0.0
    /// The cooling tower's basin heater while the tower is idle (`BasinHeater`), W.
    public var heaterPower = 0.0
}
