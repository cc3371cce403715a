/// What the step loop needs that does not change within the year, taken out of the site and weather once
/// per run: per-cluster inputs (copying a `Cluster` or `ClusterLoad` every step would retain and release
/// their arrays), the models, the envelope bounds, the weather-derived series (the district-heating network's
/// conditions).
/// Its `step` runs one step as a sequence of stages (`StepStages.swift`).
struct StepPlan {
    let stepSeconds: Double
    let stepHours: Double

    // Weather at the step midpoints.
    let dryBulb: [Double], wetBulb: [Double], humidityRatio: [Double]

    // Clusters.
    let clusterCount: Int
    let utilization: [[Double]], meanPower: [[Double]], peakPower: [[Double]]
    let ites: [AirCooledITE?], capture: [Double], nodes: [Double]
    /// Whether each cluster has the ITE model: testing `ites[index] == nil` copied the 298-byte model
    /// (and compared it) three times per cluster and step.
    let hasITE: [Bool]
    let anyITE: Bool
    let totalNodes: Double

    // Electrical chain and loops.
    let electrical: ElectricalChain
    let airSide: AirSide
    let hallHumidity: HallHumidity
    /// The site's standard pressure (the hall air's), Pa.
    let airPressure: Double
    /// True when the room air meets outdoor air in the air side's `finish` (CRAC rooms, air handlers): the
    /// hall's moisture is then stepped after it.
    let isCRAC: Bool
    /// Air zones (`AirSide.zones`): how many (0 for a single-zone hall) and each cluster's zone; each zone's air is
    /// in `SimulationState.zoneAirHistory`.
    let zoneCount: Int
    let clusterZone: [Int]
    let chilledWaterSetpoint: Double
    let liquidLoop: CoolingLoop?
    let liquidThermalCapacity: Double
    let liquidSetpoint: Double

    // Heat recovery and district heating.
    /// The site's heat recovery, held by reference so that a step calls the model in place: as a stored
    /// optional (or an array element) its 464 bytes were copied, and its arrays retained, every step
    /// (≈ 5 % of a sizing run).
    let recovery: Immutable<HeatRecovery>?
    /// The network's conditions per step (`NetworkConditions`; they depend only on the weather), empty without
    /// heat recovery. Held as arrays of the plan, not as one optional struct, so that a step retains none of them.
    let dhSupply: [Double], dhReturn: [Double], dhOffer: [Double], dhNeed: [Double], dhConsumers: [Double]
    /// The network's producers (empty: none; for the heat displaced).
    let meritOrder: MeritOrder
    let heatPumpSource: HeatSource

    // Envelopes and carbon.
    let recommended: ASHRAEAirEnvelope, allowable: ASHRAEAirEnvelope
    let waterClass: ASHRAELiquidClass?
    let gridIntensity: [Double]?

    init(site: Site, weather: StepWeather, hourlyDryBulb: [Double], loads: [ClusterLoad]) {
        let calendar = site.calendar
        stepSeconds = calendar.stepDuration.value
        stepHours = stepSeconds / 3600
        dryBulb = weather.dryBulb
        wetBulb = weather.wetBulb
        humidityRatio = weather.humidityRatio

        clusterCount = site.clusters.count
        utilization = loads.map(\.utilization)
        meanPower = loads.map(\.meanPower)
        peakPower = loads.map(\.peakPower)
        ites = site.clusters.map(\.ite)
        capture = site.clusters.map(\.liquidCapture)
        nodes = site.clusters.map { Double($0.nodes) }
        hasITE = ites.map { $0 != nil }
        anyITE = hasITE.contains(true)
        totalNodes = Double(site.clusters.reduce(0) { $0 + $1.nodes })

        electrical = site.electrical
        airSide = site.airSide
        hallHumidity = site.hallHumidity
        airPressure = site.hallHumidity.pressure
        isCRAC = if case .chilledWater = site.airSide { false } else { true }
        if case .zones(let zones, _) = site.airSide {
            zoneCount = zones.units.count
            clusterZone = zones.clusterZone
        } else {
            (zoneCount, clusterZone) = (0, [])
        }
        chilledWaterSetpoint = site.airSide.chilledWaterLoop?.supplySetpoint.value ?? 0
        liquidLoop = site.liquidLoop
        liquidThermalCapacity = site.liquidLoop?.thermalCapacity ?? 0
        liquidSetpoint = site.liquidLoop?.supplySetpoint.value ?? 0

        var recovery = site.heatRecovery
        if recovery?.storage.pit != nil {
            // The pit's deep ground sits at the annual mean of the site's weather (`PitStorage`).
            recovery?.storage.pit?.groundTemperature = GroundTemperature.fitted(hourlyAir: hourlyDryBulb, diffusivity: 0).mean
        }
        self.recovery = recovery.map(Immutable.init)
        let network = recovery?.network.conditions(outdoor: weather.dryBulb, hourlyOutdoor: hourlyDryBulb,
                                                   dailyMeanOutdoor: weather.dryBulbDailyMean, calendar: calendar)
        dhSupply = network?.supply ?? []
        dhReturn = network?.returnTemperature ?? []
        dhOffer = network?.offer ?? []
        dhNeed = network?.need ?? []
        dhConsumers = network?.consumers ?? []
        meritOrder = recovery?.network.producers ?? MeritOrder([])
        heatPumpSource = recovery?.heatPump.source ?? .liquid

        recommended = site.envelope.air.recommended
        allowable = site.envelope.air.allowable
        waterClass = site.envelope.liquid
        gridIntensity = site.carbon?.grid.perStep(calendar)
    }

    /// One step: workload and IT → electrical chain → loops collect → heat recovery → heat rejection →
    /// facility power, envelopes and energy balance → recorded series and the month's totals.
    /// One call per step; the stages are inlined into it with `@inline(always)` (`@inline(__always)` is a
    /// hint, which the optimizer declined for the two largest stages: +3 % instructions, measured with
    /// callgrind).
    /// `shared`: when given, the step's `SharedStep` is appended to it.
    @inline(never)
    func step(_ step: Int, state: inout SimulationState, caches: inout StepCaches, zones: inout ZoneScratch,
              recorder: StepRecorder, totals: inout EnergyTotals, shared: UnsafeMutablePointer<SharedStep>?) {
        let liquidSupplyBefore = state.liquidSupply
        let it = itLoad(step, state: state, zones: &zones, recorder: recorder)
        let electricalStep = electricalLosses(it)
        let collection = collectHeat(step, it, electricalStep, state: state, caches: &caches, zones: &zones)
        let recovered = recoverHeat(step, liquid: collection.liquid,
                                    airOffer: collection.air.offer(setpoint: chilledWaterSetpoint), state: &state)
        let rejected = rejectHeat(step, collection, recovered, state: &state)
        let inlet = airEnvelopeExcursions(it, rejected, state: state, caches: &caches, zones: &zones)
        // A CRAH coil's condensation: the hall's (`collection.hall`) or its CRAH zones' (`AirSideStep.hall`); 0 for DX coils.
        let hallLatent = rejected.hall.latentLoad
        let facility = balance(it, electricalStep, liquid: collection.liquid, hallLatent: hallLatent, recovered, rejected,
                               inlet: inlet, state: state, liquidSupplyBefore: liquidSupplyBefore)
        record(it, electricalStep, liquid: collection.liquid, recovered, rejected, facility, recorder: recorder)
        accumulate(step, it, electricalStep, recovered, facility, into: &totals)
        shared?.advanced(by: step).initialize(to: SharedStep(
            itPower: it.power, itPeak: it.peak, liquidHeat: it.liquidHeat, nodeUtilization: it.nodeUtilization,
            inletAir: it.inletAir, electrical: electricalStep, liquidSupply: liquidSupplyBefore, liquid: collection.liquid,
            air: rejected.air, hall: rejected.hall, inlet: inlet))
    }

    /// One step that reads the stages independent of heat recovery from `shared` (made by a run with equal
    /// `SharedStepInputs`, `sharedStepInputs`) and makes only the liquid side: heat recovery, the loop's
    /// rejection (and its collection when its supply is not the shared one), then the facility's balance,
    /// records and totals as `step` does.
    @inline(never)
    func replay(_ step: Int, _ shared: UnsafePointer<SharedStep>, state: inout SimulationState,
                recorder: StepRecorder, totals: inout EnergyTotals) {
        let liquidSupplyBefore = state.liquidSupply
        let shared = shared.advanced(by: step)
        recordClusters(step, recorder: recorder)
        var it = ITStage()
        (it.power, it.peak, it.liquidHeat) = (shared.pointee.itPower, shared.pointee.itPeak, shared.pointee.liquidHeat)
        (it.nodeUtilization, it.inletAir) = (shared.pointee.nodeUtilization, shared.pointee.inletAir)
        let electricalStep = shared.pointee.electrical
        let liquid = shared.pointee.liquidSupply.bitPattern == state.liquidSupply.bitPattern ? shared.pointee.liquid
            : liquidLoop?.collect(heat: it.liquidHeat, supply: state.liquidSupply, stepSeconds: stepSeconds)
        // The air side's offer is read only by a heat pump on air, which `sharedStepInputs` excludes.
        let recovered = recoverHeat(step, liquid: liquid, airOffer: .none, state: &state)
        let rejected = RejectionStage(
            air: shared.pointee.air, liquid: rejectLiquid(step, liquid, recovered: recovered.primaryTaken, state: &state),
            hall: shared.pointee.hall)
        let facility = balance(it, electricalStep, liquid: liquid, hallLatent: shared.pointee.hall.latentLoad,
                               recovered, rejected, inlet: shared.pointee.inlet, state: state,
                               liquidSupplyBefore: liquidSupplyBefore)
        record(it, electricalStep, liquid: liquid, recovered, rejected, facility, recorder: recorder)
        accumulate(step, it, electricalStep, recovered, facility, into: &totals)
    }

    /// The inputs of the stages a `SharedStep` holds, when this plan's run can share them: a single-zone hall
    /// without the ITE model (whose servers respond to the supply air step by step) and a heat pump, if any,
    /// on the facility water only (one on the chilled water changes the air side's rejection). Nil otherwise.
    var sharedStepInputs: SharedStepInputs? {
        guard zoneCount == 0, !anyITE, recovery == nil || heatPumpSource == .liquid else { return nil }
        return SharedStepInputs(
            stepSeconds: stepSeconds, dryBulb: dryBulb, wetBulb: wetBulb, humidityRatio: humidityRatio,
            utilization: utilization, meanPower: meanPower, peakPower: peakPower, capture: capture, nodes: nodes,
            electrical: electrical, airSide: airSide, hallHumidity: hallHumidity, recommended: recommended,
            allowable: allowable)
    }
}

/// Inputs that repeat from step to step (IT power is constant for hours; the supply air sits at its
/// setpoint), with their last results, so that they skip their `pow` / `log`. Owned by the loop.
struct StepCaches {
    /// CRAH fan power of the room heat.
    var crahFan = LastValue()
    /// p_ws of the supply air.
    var supplyAirSaturation = LastValue()
    /// Saturation humidity ratio of the CRAH coil surface (the chilled-water supply).
    var coilSaturation = LastValue()
    /// Dew point of the hall's supply air from its humidity ratio.
    var inletDewPoint = LastValue()
}

/// An air-zoned step's per-zone values, W, kg/s, °C, held by the loop and overwritten every step so that the step
/// allocates nothing: the stages fill them in order (IT → zones' heat → envelope), and the air side's collection and
/// the envelope's result share their buffers for the step. Kept apart from `StepCaches`, which stays plain values.
struct ZoneScratch {
    /// Each zone's IT power and IT heat released to its air (W), its servers' Σ ṁ and Σ ṁ T_return (kg/s,
    /// kg·°C/s), and its clusters' warmest and coldest inlet (°C, `/it/cluster_inlet_temp`): `ITStage`'s sums.
    var itPower: [Double], airHeat: [Double], returnMassFlow: [Double], returnHeatFlow: [Double]
    var inletHigh: [Double], inletLow: [Double]
    /// Each zone's room heat (W) and its servers' return (°C, NaN: well mixed): `StepPlan.splitIntoZones`.
    var heat: [Double], serverReturn: [Double]
    /// Whether each zone's inlet dry bulb was outside the allowable range: `StepPlan.zoneEnvelopeExcursions`.
    var outside: [Bool]

    init(count: Int) {
        let zeros = [Double](repeating: 0, count: count)
        (itPower, airHeat, returnMassFlow, returnHeatFlow, heat, serverReturn) = (zeros, zeros, zeros, zeros, zeros, zeros)
        (inletHigh, inletLow) = (zeros, zeros)
        outside = [Bool](repeating: false, count: count)
        reset()
    }

    /// The IT sums at zero and the inlets at ∓∞, for a new step.
    mutating func reset() {
        for zone in itPower.indices {
            (itPower[zone], airHeat[zone], returnMassFlow[zone], returnHeatFlow[zone]) = (0, 0, 0, 0)
            (inletHigh[zone], inletLow[zone]) = (-.infinity, .infinity)
        }
    }
}

/// A value held by an immutable reference: a step reads a large model through it in place, where a stored
/// value would be copied (and its arrays retained) to call a method on it.
final class Immutable<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
