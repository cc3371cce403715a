/// How a chiller's efficiency is computed. Closed family.
public enum ChillerModel: Sendable, Equatable {
    /// A fixed fraction of the Carnot (reversed) cycle: `COP = η · T_evap / (T_cond − T_evap)` in K
    /// (*default* η 0.55, typical of screw and centrifugal chillers at full load; Gordon & Ng,
    /// "Cool Thermodynamics", 2000).
    case carnot(efficiency: Double)
    /// DOE-2 / EnergyPlus `Chiller:Electric:EIR` curves (see `Chiller.step`); named sets in `ChillerCurveSet`.
    /// `indirect` so that a `Chiller` stays small (48 bytes) and plants holding one copy cheaply.
    indirect case electricEIR(EIRChillerCurves)
    /// EnergyPlus `Chiller:Electric` (BLAST) curves (see `BLASTChillerCurves`).
    indirect case electricBLAST(BLASTChillerCurves)
}

/// An electric vapour-compression chiller.
///
/// The plant decides what the condenser sees: outdoor dry bulb for an air-cooled chiller, the water
/// leaving a cooling tower or dry cooler for a water-cooled one (`HeatRejection`).
///
/// **Carnot**: evaporating = chilled-water leaving − `evaporatorApproach`, condensing = condenser entering
/// + `condenserApproach`; COP capped at `maximumCOP` to keep small lifts finite; `power = removed / COP`.
///
/// **Electric EIR** (DOE-2.1; EnergyPlus 25.2 Engineering Reference, "Electric Chiller Model Based on
/// Condenser Entering Temperature"), with `Q_ref` = `capacity` (the site's size) and T in °C:
///
///     Q_avail = Q_ref · CAPFT(T_chw,l, T_cond,e)
///     Q       = min(load, PLR_max · Q_avail),        PLR = Q / Q_avail
///     CR      = min(1, PLR / PLR_min)                cycling ratio (on-time fraction below PLR_min)
///     PLR_c   = max(PLR, PLR_unload)                 below PLR_unload the compressor false-loads
///     P       = Q_avail / COP_ref · EIRFT(T_chw,l, T_cond,e) · EIRFPLR(PLR_c) · CR
///     P_fan   = Q_ref · condenser fan power ratio · CR
///
/// Curve inputs outside their stated ranges are clamped (as EnergyPlus does) and the step says so
/// (`curveInputsClamped`). The heat the condenser rejects is `Q + P` (first law). EnergyPlus also adds the
/// false-load heat `Q_avail · PLR_c · CR − Q` to its condenser heat; we report it (`falseLoad`) but do not
/// add it, because hot gas bypassed to the evaporator never reaches the condenser. `evaporatorApproach`,
/// `condenserApproach` and `maximumCOP` are Carnot parameters; EIR COPs are bounded by the clamped curves.
/// Load above what the chiller can do is not met (returned as less `removed`); nothing throws.
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

    /// An EIR chiller of `capacity` with the shape and reference COP of a shipped curve set.
    public init(curveSet: ChillerCurveSet, capacity: Watts) {
        self.init(model: .electricEIR(curveSet.curves), capacity: capacity, evaporatorApproach: TemperatureDelta(0),
                  condenserApproach: TemperatureDelta(0), maximumCOP: .infinity)
    }

    /// What the chiller can remove at full load, W: Carnot `capacity`; EIR `Q_ref · CAPFT(T_chw,l, T_cond,e)`
    /// (the load it meets is up to `PLR_max` times this).
    public func availableCapacity(chilledWaterLeaving: Double, condenserEntering: Double) -> Double {
        switch model {
        case .carnot: capacity.value
        case .electricEIR(let curves):
            capacity.value * max(0, curves.capacityFunction(chilledWaterLeaving, condenserEntering))
        case .electricBLAST(let curves):
            capacity.value * curves.capacityRatio(chilledWaterLeaving: chilledWaterLeaving, condenserEntering: condenserEntering)
        }
    }

    /// Full-load COP (compressor only) for an air-cooled chiller in `dryBulb` °C outdoor air.
    public func cop(chilledWaterLeaving: Double, dryBulb: Double) -> Double {
        cop(chilledWaterLeaving: chilledWaterLeaving, condenserEntering: dryBulb)
    }

    /// Full-load COP (compressor only) with the condenser fed at `condenserEntering` °C:
    /// Carnot as above; EIR `COP_ref / (EIRFT · EIRFPLR(1))`.
    public func cop(chilledWaterLeaving: Double, condenserEntering: Double) -> Double {
        switch model {
        case .carnot(let efficiency):
            return carnotCOP(efficiency: efficiency, chilledWaterLeaving: chilledWaterLeaving,
                             condenserEntering: condenserEntering)
        case .electricEIR(let curves):
            let eir = curves.eirFunctionOfTemperature(chilledWaterLeaving, condenserEntering)
                * curves.eirFunctionOfPartLoad(1)
            return eir > 0 ? curves.referenceCOP / eir : .infinity
        case .electricBLAST(let curves):
            let ratio = curves.capacityRatio(chilledWaterLeaving: chilledWaterLeaving, condenserEntering: condenserEntering)
            let input = curves.powerRatio(ratio) * curves.fullLoadFraction(1)
            return input > 0 ? curves.nominalCOP / input : .infinity
        }
    }

    /// Air-cooled step: the condenser takes outdoor air at `dryBulb` °C.
    @inline(__always)
    public func step(load: Double, chilledWaterLeaving: Double, dryBulb: Double) -> ChillerStep {
        step(load: load, chilledWaterLeaving: chilledWaterLeaving, condenserEntering: dryBulb)
    }

    /// Removes up to `load` W, delivering chilled water at `chilledWaterLeaving` °C, with the condenser fed
    /// at `condenserEntering` °C (air or water).
    // Forced inlining lets the EIR curves be read in place from the model's box instead of being copied
    // out each step (measured 36 → 15 ns per air-cooled chiller step).
    @inline(__always)
    public func step(load: Double, chilledWaterLeaving: Double, condenserEntering: Double) -> ChillerStep {
        guard load > 0 else { return .idle }
        switch model {
        case .carnot(let efficiency):
            let removed = min(load, capacity.value)
            let cop = carnotCOP(efficiency: efficiency, chilledWaterLeaving: chilledWaterLeaving,
                                condenserEntering: condenserEntering)
            return ChillerStep(removed: removed, power: removed / cop, condenserFanPower: 0,
                               partLoadRatio: capacity.value > 0 ? removed / capacity.value : 0, cyclingRatio: 1,
                               falseLoad: 0, curveInputsClamped: false)
        case .electricEIR(let curves):
            return eirStep(curves, load: load, chilledWaterLeaving: chilledWaterLeaving,
                           condenserEntering: condenserEntering)
        case .electricBLAST(let curves):
            return blastStep(curves, load: load, chilledWaterLeaving: chilledWaterLeaving,
                             condenserEntering: condenserEntering)
        }
    }

    /// The BLAST step (`BLASTChillerCurves`): no false loading is reported; below PLR_min the
    /// chiller cycles at PLR_min power.
    private func blastStep(_ curves: BLASTChillerCurves, load: Double, chilledWaterLeaving: Double,
                           condenserEntering: Double) -> ChillerStep {
        let ratio = curves.capacityRatio(chilledWaterLeaving: chilledWaterLeaving, condenserEntering: condenserEntering)
        let available = capacity.value * ratio
        guard available > 0 else { return .idle }
        let removed = min(load, curves.maximumPartLoadRatio * available)
        let partLoad = removed / available
        let cycling = min(1, partLoad / curves.minimumPartLoadRatio)
        let runningPartLoad = max(partLoad, curves.minimumPartLoadRatio)
        let power = curves.fullLoadFraction(runningPartLoad) * curves.powerRatio(ratio) * available / curves.nominalCOP * cycling
        return ChillerStep(removed: removed, power: max(0, power), condenserFanPower: 0, partLoadRatio: partLoad,
                           cyclingRatio: cycling, falseLoad: 0, curveInputsClamped: false)
    }

    @inline(__always)
    private func carnotCOP(efficiency: Double, chilledWaterLeaving: Double, condenserEntering: Double) -> Double {
        let evaporating = chilledWaterLeaving - evaporatorApproach.value + 273.15
        let condensing = condenserEntering + condenserApproach.value + 273.15
        let lift = condensing - evaporating
        guard lift > 0 else { return maximumCOP }
        return min(maximumCOP, efficiency * evaporating / lift)
    }

    @inline(__always)
    private func eirStep(_ curves: EIRChillerCurves, load: Double, chilledWaterLeaving t: Double,
                         condenserEntering tc: Double) -> ChillerStep {
        // EnergyPlus resets negative curve outputs to zero; the shipped sets never go there in range.
        let available = capacity.value * max(0, curves.capacityFunction(t, tc))
        let temperatureClamped = curves.capacityFunction.isOutside(x: t, y: tc)
            || curves.eirFunctionOfTemperature.isOutside(x: t, y: tc)
        guard available > 0 else {
            return ChillerStep(removed: 0, power: 0, condenserFanPower: 0, partLoadRatio: 0, cyclingRatio: 0,
                               falseLoad: 0, curveInputsClamped: temperatureClamped)
        }
        let removed = min(load, curves.maximumPartLoadRatio * available)
        let partLoad = removed / available
        let cycling = partLoad < curves.minimumPartLoadRatio ? partLoad / curves.minimumPartLoadRatio : 1
        let compressorPartLoad = max(partLoad, curves.minimumUnloadingRatio)
        let eirTemperature = max(0, curves.eirFunctionOfTemperature(t, tc))
        let eirPartLoad = max(0, curves.eirFunctionOfPartLoad(compressorPartLoad))
        let power = available / curves.referenceCOP * eirTemperature * eirPartLoad * cycling
        return ChillerStep(
            removed: removed, power: power,
            condenserFanPower: capacity.value * curves.condenserFanPowerRatio * cycling,
            partLoadRatio: partLoad, cyclingRatio: cycling,
            falseLoad: max(0, available * compressorPartLoad * cycling - removed),
            curveInputsClamped: temperatureClamped || curves.eirFunctionOfPartLoad.isOutside(compressorPartLoad))
    }
}

/// One chiller step. Powers and heat flows in W.
public struct ChillerStep: Sendable, Equatable {
    /// Heat taken from the chilled water (evaporator).
    public var removed: Double
    /// Compressor electric power.
    public var power: Double
    /// Condenser fan power (EIR condenser fan power ratio; 0 for Carnot).
    public var condenserFanPower: Double
    /// `removed / Q_avail` (Carnot: `removed / capacity`).
    public var partLoadRatio: Double
    /// Fraction of the step the compressor runs (< 1 below the minimum PLR).
    public var cyclingRatio: Double
    /// Hot-gas-bypass load above the water-side load (EnergyPlus "Chiller False Load Heat Transfer Rate").
    public var falseLoad: Double
    /// True when a curve input lay outside its stated range and was clamped.
    public var curveInputsClamped: Bool

    /// Heat the condenser rejects: evaporator heat + compressor power.
    public var heatRejected: Double { removed + power }

    static let idle = ChillerStep(removed: 0, power: 0, condenserFanPower: 0, partLoadRatio: 0, cyclingRatio: 0,
                                  falseLoad: 0, curveInputsClamped: false)
}
