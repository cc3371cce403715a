import Foundation

// The stages of one step (DESIGN §2), in the order `StepPlan.step` calls them, each with what it hands to
// the next. They are inlined into the loop: the arithmetic is the one of the single loop they replace, so
// results are bit-identical to it.

/// IT power and its heat split, summed over the clusters, W.
struct ITStage: ~Copyable {
    var power = 0.0, peak = 0.0, liquidHeat = 0.0
    /// Σ utilisation × nodes.
    var nodeUtilization = 0.0
    /// Σ ṁ and Σ ṁ T_return over the servers whose outlets make the room's return (kg/s, kg·°C/s).
    var returnMassFlow = 0.0, returnHeatFlow = 0.0
    /// Σ P and Σ P T_inlet over the ITE clusters (W, W·°C).
    var itePower = 0.0, iteInletPower = 0.0
    /// IT inlet air, °C: power-weighted over the ITE clusters, the supply air without them.
    var inletAir = 0.0
    /// A single-zone hall with the ITE model: the warmest and the coldest cluster inlet, °C, which the
    /// envelope checks (the servers' own inlets, approach and recirculation included).
    var hallInletHigh = -Double.infinity, hallInletLow = Double.infinity
    /// IT heat released to room air.
    var airHeat: Double { power - liquidHeat }
    /// The servers' return air (their outlets' mix plus the return approach), °C; nil in a well-mixed room.
    var serverReturn: Double? { returnMassFlow > 0 ? returnHeatFlow / returnMassFlow : nil }

    /// Notes a cluster's inlet, °C: the hall's (`zone` < 0) or its air zone's (in `zones`).
    mutating func noteInlet(_ inlet: Double, zone: Int, _ zones: inout ZoneScratch) {
        if zone < 0 {
            (hallInletHigh, hallInletLow) = (max(hallInletHigh, inlet), min(hallInletLow, inlet))
        } else {
            zones.inletHigh[zone] = max(zones.inletHigh[zone], inlet)
            zones.inletLow[zone] = min(zones.inletLow[zone], inlet)
        }
    }
}

/// The electrical chain's losses, W.
struct ElectricalStage: Sendable {
    var step: ElectricalStep
    var losses: Double
    /// The share of the losses that heats the room air.
    var lossesToAir: Double
}

/// Heat the loops collected before recovery and rejection.
struct CollectionStage: ~Copyable {
    var air: AirCollection
    var liquid: LoopCollection?
    /// A CRAH hall's moisture (its condensation's latent heat is in `air`); nil for CRAC rooms, whose
    /// moisture follows their unit's step.
    var hall: HallHumidityStep?
}

/// Heat recovery's share of the step, W (zero without heat recovery).
struct RecoveryStage {
    var primaryTaken = 0.0, secondaryTaken = 0.0
    var available = 0.0
    var dispatch: DispatchStep? = nil
    var dhSupply = 0.0, dhReturn = 0.0, demand = 0.0
    /// Σ heat × source temperature, for the EU EED average waste-heat temperature.
    var recoveredAtTemperature = 0.0
    var recovered: Double { primaryTaken + secondaryTaken }
}

/// What the plants rejected, and the hall's moisture (the IT inlet air's humidity).
struct RejectionStage {
    var air: AirSideStep
    var liquid: LoopStep?
    var hall: HallHumidityStep
}

/// Facility totals of the step, W (water in kg), the energy-balance residual and the envelope excursions.
struct FacilityStage {
    var chillerPower: Double, fanPower: Double, pumpPower: Double, humidifierPower: Double, basinHeaterPower: Double
    var coolingPower: Double
    var facilityPower: Double
    var waterKg: Double
    var heatIntoLoops: Double
    var residual: Double
    var plantMode: CoolingMode
    var unmet: Double
    var inlet: InletExcursions
    var outsideWaterClass: Bool
    var curvesClamped: Bool
}

/// Where the IT inlet air stood against the ASHRAE class's envelopes in a step.
struct InletExcursions: Sendable {
    var outsideRecommended: Bool
    /// Dry bulb outside the allowable range.
    var temperatureOutsideAllowable: Bool
    /// Dew point or relative humidity outside the allowable range.
    var humidityOutsideAllowable: Bool
    /// The inlet dew point, °C, its relative humidity (fraction), and how far the dew point lies outside
    /// the allowable dew-point range (K, ≤ 0 inside).
    var dewPoint: Double, relativeHumidity: Double, dewPointExcess: Double
    /// The inlet dry bulb farthest outside the allowable range, °C, and how far (K, ≤ 0 inside).
    var dryBulb: Double, dryBulbExcess: Double
    /// Air zones: whether each zone's inlet dry bulb was outside the allowable range; empty for one zone.
    var zoneTemperatureOutsideAllowable: [Bool] = []
    var outsideAllowable: Bool { temperatureOutsideAllowable || humidityOutsideAllowable }

    /// Both inlets together: outside an envelope when either is; the dry bulb and the dew point farthest outside.
    func worse(_ other: InletExcursions) -> InletExcursions {
        var worst = self
        worst.outsideRecommended = outsideRecommended || other.outsideRecommended
        worst.temperatureOutsideAllowable = temperatureOutsideAllowable || other.temperatureOutsideAllowable
        worst.humidityOutsideAllowable = humidityOutsideAllowable || other.humidityOutsideAllowable
        if other.dryBulbExcess > dryBulbExcess { (worst.dryBulb, worst.dryBulbExcess) = (other.dryBulb, other.dryBulbExcess) }
        if other.dewPointExcess > dewPointExcess {
            (worst.dewPoint, worst.relativeHumidity, worst.dewPointExcess) = (other.dewPoint, other.relativeHumidity, other.dewPointExcess)
        }
        return worst
    }
}

extension StepPlan {
    /// 2–3. Workload → IT power → heat split. Air-cooled servers with the ITE model respond to the supply
    /// air they get (the air side's state at the start of the step). Records the per-cluster series. Air zones:
    /// each zone's sums in `zones` (reset here).
    @inline(always)
    func itLoad(_ step: Int, state: SimulationState, zones: inout ZoneScratch, recorder: StepRecorder) -> ITStage {
        var it = ITStage()
        if zoneCount > 0 { zones.reset() }
        for index in 0..<clusterCount {
            let u = utilization[index][step]
            var power = meanPower[index][step], peak = peakPower[index][step]
            // The cluster's air zone (-1: the hall is one zone).
            let zone = zoneCount > 0 ? clusterZone[index] : -1
            if anyITE || zone >= 0, !hasITE[index] {
                // A cluster without the ITE model takes in its zone's supply air.
                let inlet = zone < 0 ? airSide.supplyAir(state) : state.zoneSupplyAir[zone]
                if anyITE { recorder(.clusterInletTemp, cluster: index, Float(inlet)) }
                it.noteInlet(inlet, zone: zone, &zones)
            }
            if anyITE, let ite = ites[index] {
                let inlet = zone < 0 ? ite.inlet(supply: airSide.supplyAir(state), returnAir: airSide.returnAir(state))
                    : ite.inlet(supply: state.zoneSupplyAir[zone], returnAir: state.zoneAirHistory[3 * zone])
                recorder(.clusterInletTemp, cluster: index, Float(inlet))
                it.noteInlet(inlet, zone: zone, &zones)
                var itePower: Double
                if let returnApproach = ite.returnApproach?.value {
                    // The servers' outlets make the room's return (`AirCooledITE`): the hall air's density at
                    // the inlet and the site's pressure, its specific heat (ASHRAE Fundamentals 2017 ch. 1).
                    let humidity = zone < 0 ? state.hallHumidityRatio : state.zoneHumidityRatio[zone]
                    let density = Psychrometrics.density(dryBulb: inlet, humidityRatio: humidity, pressure: airPressure)
                    let stream = ite.airStream(utilization: u, inlet: inlet, airDensity: density,
                                               specificHeat: 1006 + 1860 * humidity)
                    itePower = stream.power * nodes[index]
                    it.returnMassFlow += stream.massFlow * nodes[index]
                    it.returnHeatFlow += stream.massFlow * nodes[index] * (stream.outlet + returnApproach)
                    if zone >= 0 {
                        zones.returnMassFlow[zone] += stream.massFlow * nodes[index]
                        zones.returnHeatFlow[zone] += stream.massFlow * nodes[index] * (stream.outlet + returnApproach)
                    }
                } else {
                    itePower = ite.power(utilization: u, inlet: inlet) * nodes[index]
                }
                it.itePower += itePower
                it.iteInletPower += itePower * inlet
                peak = power > 0 ? peak * itePower / power : itePower
                power = itePower
            }
            recordCluster(index, power: power, peak: peak, utilization: u, recorder: recorder)
            it.power += power
            it.peak += peak
            it.liquidHeat += power * capture[index]
            if zone >= 0 {
                zones.itPower[zone] += power
                zones.airHeat[zone] += power * (1 - capture[index])
            }
            it.nodeUtilization += u * nodes[index]
        }
        it.inletAir = it.itePower > 0 ? it.iteInletPower / it.itePower : airSide.supplyAir(state)
        return it
    }

    /// The per-cluster series `itLoad` records, for a step whose IT stage is read from `SharedSteps` (no
    /// cluster has the ITE model there, so each cluster's power is its workload's).
    @inline(always)
    func recordClusters(_ step: Int, recorder: StepRecorder) {
        for index in 0..<clusterCount {
            recordCluster(index, power: meanPower[index][step], peak: peakPower[index][step],
                          utilization: utilization[index][step], recorder: recorder)
        }
    }

    /// A cluster's power, peak power (W) and utilisation for the step.
    @inline(always)
    func recordCluster(_ index: Int, power: Double, peak: Double, utilization: Double, recorder: StepRecorder) {
        recorder(.clusterPower, cluster: index, Float(power))
        recorder(.clusterPowerPeak, cluster: index, Float(peak))
        recorder(.clusterUtilization, cluster: index, Float(utilization))
    }

    /// 4. Electrical chain; a share of its losses heats the room air.
    @inline(always)
    func electricalLosses(_ it: borrowing ITStage) -> ElectricalStage {
        let step = electrical.step(itPower: Watts(it.power))
        let losses = step.total.value
        return ElectricalStage(step: step, losses: losses, lossesToAir: losses * electrical.heatToAir)
    }

    /// 5. Loops collect heat (CRAH fan heat enters the air stream). A CRAH hall's moisture meets its coil
    /// here (sealed: no outdoor air), whose condensation adds its latent heat to the chilled water.
    @inline(always)
    func collectHeat(_ step: Int, _ it: borrowing ITStage, _ electrical: ElectricalStage, state: SimulationState,
                     caches: inout StepCaches, zones: inout ZoneScratch) -> CollectionStage {
        let roomHeat = it.airHeat + electrical.lossesToAir
        // The models are read through `self` (not copied into locals for the closures: copying the air side
        // retained its arrays every step), and the stage is built in place (its air collection was copied twice).
        let fanPower = caches.crahFan(roomHeat) { self.airSide.fanPower(heat: $0) }
        let surface = state.airSupply
        let hall = isCRAC ? nil : hallHumidity.step(
            hallHumidityRatio: state.hallHumidityRatio, outdoorHumidityRatio: humidityRatio[step], outdoorAirFraction: 0,
            airMassFlow: airSide.airMassFlow(heat: roomHeat),
            coilSurface: (surface, caches.coilSaturation(surface) { self.hallHumidity.coilSaturation(temperature: $0) }))
        var stage = CollectionStage(
            air: airSide.collect(heat: roomHeat + (hall?.latentLoad ?? 0), fanPower: fanPower, serverReturn: it.serverReturn,
                                 state: state, stepSeconds: stepSeconds),
            liquid: liquidLoop?.collect(heat: it.liquidHeat, supply: state.liquidSupply, stepSeconds: stepSeconds),
            hall: hall)
        if zoneCount > 0 {
            splitIntoZones(it, electrical, &zones)
            (stage.air.zoneHeat, stage.air.zoneServerReturn) = (zones.heat, zones.serverReturn)
        }
        return stage
    }

    /// Each air zone's room heat: its servers' air heat and the electrical losses to air in proportion to its IT
    /// power (EnergyPlus books each ITE object's UPS losses to its zone); its servers' return, NaN if well mixed.
    /// Written into `zones.heat` and `zones.serverReturn`.
    func splitIntoZones(_ it: borrowing ITStage, _ electrical: ElectricalStage, _ zones: inout ZoneScratch) {
        for zone in 0..<zoneCount {
            zones.heat[zone] = zones.airHeat[zone]
                + electrical.lossesToAir * (it.power > 0 ? zones.itPower[zone] / it.power : 1 / Double(zoneCount))
            zones.serverReturn[zone] = zones.returnMassFlow[zone] > 0
                ? zones.returnHeatFlow[zone] / zones.returnMassFlow[zone] : .nan
        }
    }

    /// 6. Heat recovery: the heat pump takes from its source loops what the district-heating network
    /// (and the storage tank) can use; advances the stored energy.
    /// `airOffer`: what the chilled-water return offers (`AirCollection.offer`), read only by a heat pump on air.
    @inline(always)
    func recoverHeat(_ step: Int, liquid: LoopCollection?, airOffer: HeatSourceOffer,
                     state: inout SimulationState) -> RecoveryStage {
        var stage = RecoveryStage()
        guard !dhOffer.isEmpty else { return stage }
        stage.dhSupply = dhSupply[step]
        stage.dhReturn = dhReturn[step]
        stage.demand = dhOffer[step]
        let liquidOffer = liquid.map { collection in
            HeatSourceOffer(heat: collection.heatToShed, inlet: collection.returnTemperature, outlet: liquidSetpoint)
        } ?? .none
        let (primary, secondary): (HeatSourceOffer, HeatSourceOffer) =
            switch heatPumpSource {
            case .liquid: (liquidOffer, .none)
            case .air: (airOffer, .none)
            case .both: (liquidOffer, airOffer)
            }
        stage.available = primary.heat + secondary.heat
        // Called in place (`StepPlan.recovery`): binding the model first would copy it every step.
        guard let result = recovery?.value.dispatch(
            demand: stage.demand, primary: primary, secondary: secondary, dhSupply: stage.dhSupply,
            dhReturn: stage.dhReturn, outdoor: dryBulb[step], state: &state.heatRecovery,
            stepSeconds: stepSeconds) else { return stage }
        switch heatPumpSource {
        case .liquid: stage.primaryTaken = result.primaryTaken
        case .air: stage.secondaryTaken = result.primaryTaken
        case .both:
            stage.primaryTaken = result.primaryTaken
            stage.secondaryTaken = result.secondaryTaken
        }
        stage.recoveredAtTemperature = result.primaryTaken * primary.inlet + result.secondaryTaken * secondary.inlet
        stage.dispatch = result
        return stage
    }

    /// 7. Heat rejection of what remains; advances the loops' and the supply air's temperatures.
    @inline(always)
    func rejectHeat(_ step: Int, _ collection: borrowing CollectionStage, _ recovery: RecoveryStage,
                    state: inout SimulationState) -> RejectionStage {
        let dryBulb = dryBulb[step], wetBulb = wetBulb[step], outdoorHumidity = humidityRatio[step]
        let outdoor = AirSideWeather(dryBulb: dryBulb, wetBulb: wetBulb, humidityRatio: outdoorHumidity)
        let air = airSide.finish(collection.air, recovered: recovery.secondaryTaken, state: &state, weather: outdoor,
                                 hallHumidity: hallHumidity, stepSeconds: stepSeconds)
        // A CRAC room's moisture: outdoor air mixed in by its economiser, its DX coil's condensation (air zones
        // stepped their own).
        let hall = collection.hall ?? air.hall ?? hallHumidity.step(
            after: air, hallHumidityRatio: state.hallHumidityRatio, outdoorHumidityRatio: outdoorHumidity)
        state.hallHumidityRatio = hall.supplyHumidityRatio
        let liquid = rejectLiquid(step, collection.liquid, recovered: recovery.primaryTaken, state: &state)
        return RejectionStage(air: air, liquid: liquid, hall: hall)
    }

    /// 7, the facility-water loop: rejects what heat recovery (`recovered` W) left and advances its supply.
    @inline(always)
    func rejectLiquid(_ step: Int, _ collection: LoopCollection?, recovered: Double,
                      state: inout SimulationState) -> LoopStep? {
        guard let collection, let result = liquidLoop?.reject(
            collection, recovered: recovered, supply: state.liquidSupply, stepSeconds: stepSeconds,
            dryBulb: dryBulb[step], wetBulb: wetBulb[step]) else { return nil }
        state.liquidSupply = result.nextSupply
        return result
    }

    /// 8. Facility power, water, plant mode, the energy balance and the ASHRAE envelopes.
    ///
    /// Everything entering the loops leaves by rejection, recovery or stays as stored heat; the stored heat
    /// is measured from the loops' temperature change, independently of the plants. The loops' heat must
    /// also be the IT, loss, fan and pump heat put into them; the heat pump's and the delivery's balances
    /// close on their own. The residual is the largest relative imbalance.
    /// `hallLatent`: the latent heat of a CRAH coil's condensation (`CollectionStage.hall`, or the CRAH zones' in
    /// `AirSideStep.hall`), W; `inlet`: the IT inlet against the envelopes (`airEnvelopeExcursions`).
    @inline(always)
    func balance(_ it: borrowing ITStage, _ electrical: ElectricalStage, liquid liquidCollection: LoopCollection?,
                 hallLatent: Double, _ recovery: RecoveryStage, _ rejected: RejectionStage, inlet: InletExcursions,
                 state: SimulationState, liquidSupplyBefore: Double) -> FacilityStage {
        let airStep = rejected.air, liquidStep = rejected.liquid
        let chillerPower = airStep.compressorPower + (liquidStep?.rejection.chillerPower ?? 0)
        let fanPower = airStep.fanPower + (liquidStep?.rejection.fanPower ?? 0)
        let pumpPower = airStep.pumpPower + (liquidCollection?.pumpPower ?? 0) + (liquidStep?.rejection.pumpPower ?? 0)
        let humidifierPower = rejected.hall.humidifierPower
        let basinHeaterPower = airStep.heaterPower + (liquidStep?.rejection.heaterPower ?? 0)
        let coolingPower = chillerPower + fanPower + pumpPower + humidifierPower + basinHeaterPower
        let facilityPower = it.power + electrical.losses + coolingPower
        let waterKg = (airStep.waterUse + (liquidStep?.rejection.waterUse ?? 0) + rejected.hall.humidifierWater)
            * stepSeconds

        let heatIn = airStep.heatIn + (liquidCollection?.heatIn ?? 0)
        let storedLiquid = liquidThermalCapacity * (state.liquidSupply - liquidSupplyBefore) / stepSeconds
        let heatOut = airStep.heatOut + (liquidStep?.rejection.removed ?? 0) + recovery.primaryTaken + storedLiquid
        let sourcesIn = it.power + electrical.lossesToAir + airStep.machineHeat + airStep.envelopeHeat + (liquidCollection?.pumpPower ?? 0)
            + hallLatent
        var residual = max(abs(heatIn - heatOut), abs(heatIn - sourcesIn)) / max(heatIn, 1)
        if let dispatch = recovery.dispatch {
            let heatPumpBalance = dispatch.output - recovery.recovered - dispatch.compressorPower
            let deliveryBalance = dispatch.delivered - (dispatch.output - dispatch.charge + dispatch.discharge)
            residual = max(residual, abs(heatPumpBalance) / max(dispatch.output, 1),
                           abs(deliveryBalance) / max(dispatch.delivered, 1))
        }
        return FacilityStage(
            chillerPower: chillerPower, fanPower: fanPower, pumpPower: pumpPower, humidifierPower: humidifierPower,
            basinHeaterPower: basinHeaterPower,
            coolingPower: coolingPower, facilityPower: facilityPower, waterKg: waterKg, heatIntoLoops: heatIn,
            residual: residual,
            plantMode: liquidStep.map { max($0.rejection.mode, airStep.mode) } ?? airStep.mode,
            unmet: airStep.unmet + (liquidStep?.unmet ?? 0),
            inlet: inlet, outsideWaterClass: liquidStep != nil && waterClass.map { !$0.allows(supply: state.liquidSupply) } ?? false,
            curvesClamped: airStep.curvesClamped || (liquidStep?.rejection.curveInputsClamped ?? false))
    }

    /// The IT inlet air's dew point (°C) and relative humidity (fraction), and whether it is outside the
    /// recommended and the allowable ASHRAE envelopes. A single-zone hall's inlet is its supply air, its humidity
    /// the hall's supply air (`HallHumidity`); φ = p_w / p_ws(t). With the ITE model the servers' own inlets
    /// are checked (supply plus approach and recirculation: a supply inside the envelope does not make a 2 K
    /// warmer inlet so). Air zones: `zoneEnvelopeExcursions`.
    @inline(always)
    func airEnvelopeExcursions(_ it: borrowing ITStage, _ rejected: RejectionStage, state: SimulationState,
                               caches: inout StepCaches, zones: inout ZoneScratch) -> InletExcursions {
        if zoneCount > 0 { return zoneEnvelopeExcursions(state: state, zones: &zones) }
        let airStep = rejected.air, humidity = rejected.hall.supplyHumidityRatio
        if it.hallInletHigh >= it.hallInletLow {
            return worstInletExcursion(high: it.hallInletHigh, low: it.hallInletLow, humidityRatio: humidity)
        }
        let hallHumidity = self.hallHumidity
        let dewPoint = caches.inletDewPoint(humidity) { hallHumidity.dewPoint(humidityRatio: $0) }
        let saturation = caches.supplyAirSaturation(airStep.supplyAir) {
            Psychrometrics.saturationVaporPressure(temperature: $0)
        }
        let relativeHumidity = hallHumidity.relativeHumidity(humidityRatio: humidity, saturationPressure: saturation)
        return inletExcursion(dryBulb: airStep.supplyAir, dewPoint: dewPoint, relativeHumidity: relativeHumidity)
    }

    /// One inlet air state against the class's recommended and allowable envelopes.
    @inline(always)
    func inletExcursion(dryBulb: Double, dewPoint: Double, relativeHumidity: Double) -> InletExcursions {
        let range = allowable.dryBulb
        return InletExcursions(
            outsideRecommended: !recommended.contains(dryBulb: dryBulb, dewPoint: dewPoint, relativeHumidity: relativeHumidity),
            temperatureOutsideAllowable: !range.contains(dryBulb),
            humidityOutsideAllowable: !allowable.containsMoisture(dewPoint: dewPoint, relativeHumidity: relativeHumidity),
            dewPoint: dewPoint, relativeHumidity: relativeHumidity,
            dewPointExcess: max(dewPoint - allowable.maximumDewPoint, allowable.minimumDewPoint - dewPoint),
            dryBulb: dryBulb, dryBulbExcess: max(dryBulb - range.upperBound, range.lowerBound - dryBulb))
    }

    /// Air zones: each zone's warmest and coldest cluster inlet (`ZoneScratch.inletHigh/Low`, the servers' own
    /// inlets, approach and recirculation included) at the zone's own humidity. The step is outside an envelope
    /// when any zone's inlet is (a zone whose servers breathe 42 °C is not rescued by a cool neighbour); the
    /// dry bulb and dew point reported are the ones farthest outside.
    func zoneEnvelopeExcursions(state: SimulationState, zones: inout ZoneScratch) -> InletExcursions {
        var result: InletExcursions? = nil
        for zone in 0..<zoneCount {
            let inlet = worstInletExcursion(high: zones.inletHigh[zone], low: zones.inletLow[zone],
                                            humidityRatio: state.zoneHumidityRatio[zone])
            zones.outside[zone] = inlet.temperatureOutsideAllowable
            result = result.map { $0.worse(inlet) } ?? inlet
        }
        result?.zoneTemperatureOutsideAllowable = zones.outside
        return result ?? inletExcursion(dryBulb: state.supplyAir, dewPoint: 0, relativeHumidity: 0.5)
    }

    /// The warmest and the coldest inlet of a room (°C) at its humidity ratio (kg/kg): outside an envelope when
    /// either is, with the dry bulb and dew point farthest outside.
    func worstInletExcursion(high: Double, low: Double, humidityRatio: Double) -> InletExcursions {
        let dewPoint = hallHumidity.dewPoint(humidityRatio: humidityRatio)
        func excursion(_ dryBulb: Double) -> InletExcursions {
            let saturation = Psychrometrics.saturationVaporPressure(temperature: dryBulb)
            let relativeHumidity = hallHumidity.relativeHumidity(humidityRatio: humidityRatio, saturationPressure: saturation)
            return inletExcursion(dryBulb: dryBulb, dewPoint: dewPoint, relativeHumidity: relativeHumidity)
        }
        return excursion(high).worse(excursion(low))
    }

    /// Records the step's 1-D series (`OutputSeries` with `source == .stepLoop`; the per-cluster ones are
    /// recorded by `itLoad`).
    @inline(always)
    func record(_ it: borrowing ITStage, _ electrical: ElectricalStage, liquid: LoopCollection?, _ recovery: RecoveryStage,
                _ rejected: RejectionStage, _ facility: FacilityStage, recorder: StepRecorder) {
        recorder(.itPower, Float(it.power))
        recorder(.itPowerPeak, Float(it.peak))
        recorder(.itUtilization, Float(totalNodes > 0 ? it.nodeUtilization / totalNodes : 0))
        recorder(.liquidHeat, Float(it.liquidHeat))
        recorder(.airHeat, Float(it.airHeat))
        recorder(.upsLoss, Float(electrical.step.upsLoss.value))
        recorder(.distributionLoss, Float(electrical.step.distributionLoss.value))
        recorder(.misc, Float(electrical.step.misc.value))
        recorder(.coolingPower, Float(facility.coolingPower))
        recorder(.chillerPower, Float(facility.chillerPower))
        recorder(.fanPower, Float(facility.fanPower))
        recorder(.pumpPower, Float(facility.pumpPower))
        recorder(.humidifierPower, Float(facility.humidifierPower))
        recorder(.basinHeaterPower, Float(facility.basinHeaterPower))
        recorder(.itInletTemp, Float(it.inletAir))
        recorder(.returnAirTemp, Float(rejected.air.returnAir))
        recorder(.inletDewPoint, Float(facility.inlet.dewPoint))
        recorder(.inletRelativeHumidity, Float(100 * facility.inlet.relativeHumidity))
        recorder(.mode, Float(facility.plantMode.rawValue))
        recorder(.airMode, Float(rejected.air.mode.rawValue))
        recorder(.liquidMode, Float(rejected.liquid?.rejection.mode.rawValue ?? 0))
        recorder(.liquidSupplyTemp, rejected.liquid.map { Float($0.nextSupply) } ?? 0)
        recorder(.liquidReturnTemp, rejected.liquid != nil ? Float(liquid?.returnTemperature ?? 0) : 0)
        recorder(.waterUse, Float(facility.waterKg))
        recorder(.chilledWaterSupplyTemp, Float(rejected.air.chilledWaterSupply))
        recorder(.airSupplyTemp, Float(rejected.air.supplyAir))
        recorder(.unmetCooling, Float(facility.unmet))
        recorder(.heatAvailable, Float(recovery.available))
        recorder(.heatRecovered, Float(recovery.recovered))
        recorder(.heatDelivered, Float(recovery.dispatch?.delivered ?? 0))
        recorder(.heatDumped, Float(recovery.available - recovery.recovered))
        recorder(.heatPumpPower, Float(recovery.dispatch?.compressorPower ?? 0))
        recorder(.heatPumpOutput, Float(recovery.dispatch?.heatPumpOutput ?? 0))
        recorder(.cop, Float(recovery.dispatch?.cop ?? 0))
        recorder(.dhDemand, Float(recovery.demand))
        recorder(.dhSupplyTemp, Float(recovery.dhSupply))
        recorder(.dhReturnTemp, Float(recovery.dhReturn))
        recorder(.heatExchanged, Float((recovery.dispatch?.direct ?? 0) + (recovery.dispatch?.preheat ?? 0)))
        recorder(.storageEnergy, Float(recovery.dispatch?.nextStorageEnergy ?? 0))
        recorder(.facilityPower, Float(facility.facilityPower))
        // PUE is undefined without IT power (ISO/IEC 30134-2): NaN, which the annual ratio of sums never sees.
        recorder(.pue, Float(it.power > 0 ? facility.facilityPower / it.power : .nan))
        recorder(.energyBalanceResidual, Float(facility.residual))
    }

    /// Adds the step to the month's energy totals (J, water kg, CO₂ kg) and hour counters.
    @inline(always)
    func accumulate(_ step: Int, _ it: borrowing ITStage, _ electrical: ElectricalStage, _ recovery: RecoveryStage,
                    _ facility: FacilityStage, into totals: inout EnergyTotals) {
        let dispatch = recovery.dispatch
        totals.it += it.power * stepSeconds
        totals.facility += facility.facilityPower * stepSeconds
        totals.cooling += facility.coolingPower * stepSeconds
        totals.humidifier += facility.humidifierPower * stepSeconds
        totals.electricalLosses += electrical.losses * stepSeconds
        totals.heatPump += (dispatch?.compressorPower ?? 0) * stepSeconds
        totals.heatPumpOutput += (dispatch?.heatPumpOutput ?? 0) * stepSeconds
        totals.heatIntoLoops += facility.heatIntoLoops * stepSeconds
        totals.heatAvailable += recovery.available * stepSeconds
        totals.heatRecovered += recovery.recovered * stepSeconds
        totals.heatDelivered += (dispatch?.delivered ?? 0) * stepSeconds
        totals.heatDumped += (recovery.available - recovery.recovered) * stepSeconds
        totals.heatExchanged += ((dispatch?.direct ?? 0) + (dispatch?.preheat ?? 0)) * stepSeconds
        totals.storageLoss += (dispatch?.storageLoss ?? 0) * stepSeconds
        totals.recoveredHeatTemperature += recovery.recoveredAtTemperature * stepSeconds
        totals.dhDemand += recovery.demand * stepSeconds
        if !dhNeed.isEmpty {
            totals.dhNeed += dhNeed[step] * stepSeconds
            totals.dhLosses += (dhNeed[step] - dhConsumers[step]) * stepSeconds  // `NetworkConditions.losses(at:)`
            if !meritOrder.isEmpty, let dispatch {
                let displaced = meritOrder.displaced(need: dhNeed[step], delivered: dispatch.delivered)
                totals.heatDisplacingProducers += displaced.heat * stepSeconds
                // W · s · g/kWh / 3.6e9 = kg; W · s · €/MWh / 3.6e9 = €.
                totals.co2DisplacedProducers += displaced.co2Weighted * stepSeconds / 3.6e9
                totals.displacedProducerCost += displaced.costWeighted * stepSeconds / 3.6e9
            }
        }
        totals.water += facility.waterKg
        if let gridIntensity {
            // W · s / 3.6e6 = kWh; × g/kWh / 1000 = kg.
            let kgPerJoule = gridIntensity[step] / 3.6e9
            totals.co2Facility += facility.facilityPower * stepSeconds * kgPerJoule
            totals.co2HeatPump += (dispatch?.compressorPower ?? 0) * stepSeconds * kgPerJoule
        }
        switch facility.plantMode {
        case .free: totals.freeHours += stepHours
        case .partial: totals.partialHours += stepHours
        case .mechanical: totals.mechanicalHours += stepHours
        }
        if facility.unmet > 0 { totals.unmetHours += stepHours }
        if facility.inlet.outsideRecommended { totals.outsideRecommendedHours += stepHours }
        if facility.inlet.outsideAllowable { totals.outsideAllowableHours += stepHours }
        if facility.inlet.temperatureOutsideAllowable {
            totals.inletTemperatureOutsideAllowableHours += stepHours
            // Rounded as `/cooling/air_supply_temp` records it, so a single-zone hall's worst is that series' value.
            let dryBulb = Double(Float(facility.inlet.dryBulb)), range = allowable.dryBulb
            totals.worstInletTemperature.note(value: dryBulb, excess: max(dryBulb - range.upperBound, range.lowerBound - dryBulb),
                                              step: step)
            totals.addZoneInletTemperatureHours(facility.inlet.zoneTemperatureOutsideAllowable, stepHours)
        }
        if facility.inlet.humidityOutsideAllowable {
            totals.inletHumidityOutsideAllowableHours += stepHours
            totals.worstInletHumidity.note(value: facility.inlet.dewPoint, excess: facility.inlet.dewPointExcess, step: step)
        }
        if facility.outsideWaterClass { totals.outsideWaterClassHours += stepHours }
        if facility.curvesClamped { totals.curveClampedHours += stepHours }
        if dispatch?.outsideMap == true { totals.heatPumpOutsideMapHours += stepHours }
        totals.heatPumpStarts += Double(dispatch?.starts ?? 0)
        totals.heatPumpUnitHours += Double(dispatch?.unitsRunning ?? 0) * stepHours
        totals.maximumResidual = max(totals.maximumResidual, facility.residual)
    }
}
