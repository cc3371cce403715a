/// A hall of several air zones (EnergyPlus `Zone`s), each with its share of the IT and its own units
/// (`AirZoneUnit`): an air handler (`AirHandlerRoom`), whose chilled-water coils one chilled-water loop and its
/// plant serve together, as in EnergyPlus's `2ZoneDataCenterHVAC_wEconomizer.idf` (West and East on one chiller,
/// tower and pump set); CRAHs (`AirHandling`) on the same plant, each zone as a one-zone CRAH hall
/// (`AirSide.chilledWater`: its heat, its coil's condensation and its fans' heat into the water, its supply air
/// `max(T_set, T_chw + approach)` after the plant's step); or DX CRAC units (`CRACRoom`), which reject their zone's
/// heat themselves, each stepped as a one-zone CRAC room (`AirSide.finish(crac:…)`). A hall of CRAC zones has no
/// chilled-water loop.
///
/// Each zone keeps its own supply air and air humidity (`SimulationState.zoneSupplyAir`, `zoneHumidityRatio`):
/// its servers take in its supply air, its room heat is its servers' air heat plus its share of the electrical
/// losses (in proportion to its IT power: EnergyPlus books each ITE object's UPS losses to its own zone), and its
/// moisture meets its own economiser's outdoor air, its direct cooler's water and its DX coil. The coils' heat is
/// summed into the one loop, which the plant rejects once per step. A zone with its own air (`zoneAir`, `ZoneAir`)
/// keeps its temperature (`SimulationState.zoneAirHistory`): its unit treats that air, its supply is reset from the
/// predicted load, and the air settles with the supply it gets through its plenum; a zone without is held at its
/// setpoint (or its servers' return). Balance, summed over the zones:
///
///     Σ_z (Q_z + Q_fan,z + Q_ground,z) = Σ_z (Q_econ,z + Q_evap,z + Q_DX,z + Q_coil,z + rest_z)   (a CRAC zone: its
///                                                                   own `load + Q_fan = Q_coil + Q_econ + unmet`;
///                                                                   a CRAH zone: `Q_coil = Q + Q_latent + Q_fan`)
///     Σ_z Q_coil,z + P_pump = Q_plant + Q_recovered + Q_stored
///
/// `rest_z` is the room heat the unit did not carry away: unmet in a zone held at its setpoint, the heat its air and
/// surfaces stored (and the step's drift `ṁ c_p (T_z − T₁)`) in a zone with its own air.
public struct AirHandlerZones: Sendable, Equatable {
    /// Zone names, as the site file gives them (`cooling.air.zones[].name`).
    public var names: [String]
    public var units: [AirZoneUnit]
    /// The zone (index into `units`) of each cluster, in the site's cluster order.
    public var clusterZone: [Int]
    /// Each zone's air with its capacity and supply plenum (`cooling.air.zones[].zone_air`), nil for a zone held at its
    /// setpoint; empty: none has.
    public var zoneAir: [ZoneAir?]

    public init(names: [String], units: [AirZoneUnit], clusterZone: [Int], zoneAir: [ZoneAir?] = []) {
        self.names = names
        self.units = units
        self.clusterZone = clusterZone
        self.zoneAir = zoneAir
    }

    /// Zone `zone`'s air model, nil when it has none.
    func air(_ zone: Int) -> ZoneAir? { zone < zoneAir.count ? zoneAir[zone] : nil }

    /// One zone's air handler for a step, with what the hall's balance and moisture need from it.
    struct ZoneStep {
        var run: AirHandlerStep
        var returnAir: Double
        /// Room heat the unit did not remove (negative: it over-cooled), W; with zone air, what the air and surfaces
        /// stored and the step's drift instead.
        var rest: Double
        /// Cooling the unit fell short of, W (≥ 0).
        var unmet: Double
        var airMassFlow: Double
        /// Water the DX coil condensed net of what the direct cooler evaporated, kg/s.
        var condensation: Double
        var hall: HallHumidityStep
        /// Supply entering the zone (after its plenum), °C; the zone air at the end of the step, °C (NaN: none).
        var zoneInlet: Double
        var zoneAir: Double = .nan
        /// Heat the plenum took from the ground, W.
        var fromGround: Double = 0
    }

    /// A zone's air handler `room` for `heat` W of room heat, its servers' return `serverReturn` °C (NaN: a
    /// well-mixed room at its setpoint), the chilled water at `chilledWaterSupply` °C; steps the zone's moisture.
    func step(_ room: AirHandlerRoom, heat: Double, serverReturn: Double, chilledWaterSupply: Double, humidityRatio: Double,
              weather: AirSideWeather, hallHumidity: HallHumidity) -> ZoneStep {
        let returnAir = serverReturn.isNaN ? room.roomAir.value : serverReturn
        let run = room.step(load: heat, returnAir: returnAir, humidityRatio: humidityRatio,
                            outdoor: .init(dryBulb: weather.dryBulb, humidityRatio: weather.humidityRatio),
                            chilledWaterSupply: chilledWaterSupply)
        let rest = heat - run.capacityRate * (returnAir - run.supply.dryBulb)
        return finish(run, returnAir: returnAir, rest: rest, unmet: rest, humidityRatio: humidityRatio, weather: weather,
                      hallHumidity: hallHumidity, zoneInlet: run.supply.dryBulb)
    }

    /// Zone `zone`'s step with its own air (`ZoneAir`): the supply reset from the predicted load
    /// (`SetpointManager:SingleZone:Cooling` on the zone air of the previous step, `history.t1`), the unit treating
    /// that air, the supply through the plenum, and the zone air corrected with it. `supplyBefore`: the air that
    /// entered the zone last step (the plenum's), for the predictor's estimate of the zone's heat to the plenum.
    func step(_ room: AirHandlerRoom, air: ZoneAir, heat: Double, history: ZoneAir.History, supplyBefore: Double,
              chilledWaterSupply: Double, humidityRatio: Double, weather: AirSideWeather, hallHumidity: HallHumidity,
              stepSeconds: Double) -> ZoneStep {
        let toPlenum = (air.plenum?.zoneConductance ?? 0) * (history.t1 - supplyBefore)
        let load = air.coolingLoad(setpoint: room.roomAir.value, gains: heat - toPlenum, history: history, stepSeconds: stepSeconds)
        let run = room.step(load: load, returnAir: history.t1, humidityRatio: humidityRatio,
                            outdoor: .init(dryBulb: weather.dryBulb, humidityRatio: weather.humidityRatio),
                            chilledWaterSupply: chilledWaterSupply)
        let supply = run.supply.dryBulb
        let plenum = air.plenum?.outlet(supply: supply, capacityRate: run.capacityRate, zoneAir: history.t1)
            ?? (temperature: supply, fromZone: 0, fromGround: 0)
        let gains = heat - plenum.fromZone
        let zoneAir = air.next(gains: gains, inlet: plenum.temperature, capacityRate: run.capacityRate, history: history,
                               stepSeconds: stepSeconds)
        // The zone's and plenum's heat that the unit did not take from the return air: stored, or the step's drift.
        let rest = air.stored(temperature: zoneAir, history: history, stepSeconds: stepSeconds)
            + run.capacityRate * (zoneAir - history.t1)
        var step = finish(run, returnAir: history.t1, rest: rest,
                          unmet: max(0, load - run.capacityRate * (history.t1 - supply)), humidityRatio: humidityRatio,
                          weather: weather, hallHumidity: hallHumidity, zoneInlet: plenum.temperature)
        step.zoneAir = zoneAir
        step.fromGround = plenum.fromGround
        return step
    }

    /// The zone's air flow, moisture and what the hall's balance needs from the unit's `run`.
    private func finish(_ run: AirHandlerStep, returnAir: Double, rest: Double, unmet: Double, humidityRatio: Double,
                        weather: AirSideWeather, hallHumidity: HallHumidity, zoneInlet: Double) -> ZoneStep {
        let airMassFlow = run.capacityRate / Psychrometrics.moistAirSpecificHeat(humidityRatio: humidityRatio)
        let condensation = run.dx.latentRemoved / Psychrometrics.latentHeatOfEvaporation(temperature: run.dxOutlet)
            - run.direct.water.evaporation * Fluid.waterDensity
        let hall = hallHumidity.step(hallHumidityRatio: humidityRatio, outdoorHumidityRatio: weather.humidityRatio,
                                     outdoorAirFraction: run.outdoorAirFraction, airMassFlow: airMassFlow,
                                     coilSurface: nil, coilCondensation: condensation)
        return ZoneStep(run: run, returnAir: returnAir, rest: rest, unmet: unmet, airMassFlow: airMassFlow,
                        condensation: condensation, hall: hall, zoneInlet: zoneInlet)
    }

    /// One step of every zone and the shared plant: `heat[z]` W of room heat and `serverReturn[z]` °C per zone.
    /// Advances each zone's supply air and humidity, the chilled water, and the hall-wide supply air and humidity
    /// (flow-weighted means, for the inlet envelope). Returns the air side's step and the hall's moisture summed
    /// over the zones. The pump runs only while a coil does (EnergyPlus `Pump:VariableSpeed`, `INTERMITTENT`).
    func finish(_ loop: CoolingLoop?, heat: [Double], serverReturn: [Double], recovered: Double,
                state: inout SimulationState, weather: AirSideWeather, hallHumidity: HallHumidity,
                stepSeconds: Double) -> (air: AirSideStep, hall: HallHumidityStep) {
        var air = AirSideStep(), mixing = ZoneMixing()
        var coilHeat = 0.0, dxPower = 0.0
        var cracs = AirSideStep()  // The CRAC and CRAH zones' steps, summed.
        var crahZones = 0, coilSaturation = Double.nan
        for zone in units.indices {
            switch units[zone] {
            case .airHandler(let room):
                let step = zoneStep(room, zone: zone, heat: heat[zone], serverReturn: serverReturn[zone], state: state,
                                    weather: weather, hallHumidity: hallHumidity, stepSeconds: stepSeconds)
                state.zoneSupplyAir[zone] = step.zoneInlet
                state.zoneHumidityRatio[zone] = step.hall.supplyHumidityRatio
                if !step.zoneAir.isNaN { state.advanceZoneAir(zone, to: step.zoneAir) }
                coilHeat += step.run.coil.sensibleCooling
                dxPower += step.run.dx.power
                air.add(airHandler: step, heat: heat[zone])
                mixing.add(supply: step.zoneInlet, returnAir: step.returnAir, airMassFlow: step.airMassFlow)
                mixing.add(moisture: step.hall, airMassFlow: step.airMassFlow, outdoorAirFraction: step.run.outdoorAirFraction)
            case .crah(let crahs):
                // Its supply air (and so its share of the hall's supply and return) waits for the plant (`crahSupply`).
                if coilSaturation.isNaN { coilSaturation = hallHumidity.coilSaturation(temperature: state.airSupply) }
                let (own, moisture) = crahZone(crahs, zone: zone, heat: heat[zone], state: &state, weather: weather,
                                               hallHumidity: hallHumidity, coilSaturation: coilSaturation)
                coilHeat += own.heatIn
                crahZones += 1
                cracs.add(zone: own)
                mixing.add(moisture: moisture, airMassFlow: own.airMassFlow, outdoorAirFraction: own.outdoorAirFraction)
            case .crac(let room):
                let (own, moisture) = cracZone(room, zone: zone, heat: heat[zone], serverReturn: serverReturn[zone],
                                               state: &state, weather: weather, hallHumidity: hallHumidity)
                cracs.add(zone: own)
                mixing.add(supply: own.supplyAir, returnAir: own.returnAir, airMassFlow: own.airMassFlow)
                mixing.add(moisture: moisture, airMassFlow: own.airMassFlow, outdoorAirFraction: own.outdoorAirFraction)
            }
        }
        plant(loop, coilHeat: coilHeat, recovered: recovered, state: &state, weather: weather,
              stepSeconds: stepSeconds, into: &air)
        if crahZones > 0 { crahSupply(heat: heat, state: &state, mixing: &mixing) }
        let totalFlow = air.airMassFlow + cracs.airMassFlow, flow = max(totalFlow, 1e-12)
        air.supplyAir = mixing.supply / flow
        air.returnAir = mixing.returnAir / flow
        air.outdoorAirFraction = mixing.outdoor / flow
        var hall = mixing.hall
        hall.supplyHumidityRatio = totalFlow > 0 ? mixing.humidity / flow : state.hallHumidityRatio
        state.supplyAir = air.supplyAir
        air.compressorPower += dxPower
        if dxPower > 0 { air.mode = .mechanical }
        // CRAC zones: their powers and heat, and their own modes (an economiser's free and partial hours); CRAH
        // zones: their fans and the heat they put into the chilled water.
        air.add(zone: cracs)
        return (air, hall)
    }

    /// The zones' flow-weighted sums (`ṁ T_supply`, `ṁ T_return`, `ṁ f_outdoor`, `ṁ W_supply`) and their moisture,
    /// summed zone by zone, for the hall's means.
    struct ZoneMixing {
        var supply = 0.0, returnAir = 0.0, outdoor = 0.0, humidity = 0.0
        var hall = HallHumidityStep(supplyHumidityRatio: 0, condensed: 0, latentLoad: 0, humidifierWater: 0,
                                    humidifierPower: 0)

        /// A zone's supply and return air, °C, at `airMassFlow` kg/s.
        mutating func add(supply: Double, returnAir: Double, airMassFlow: Double) {
            self.supply += airMassFlow * supply
            self.returnAir += airMassFlow * returnAir
        }

        /// A zone's moisture step, its air at `airMassFlow` kg/s with `outdoorAirFraction` outdoor air.
        mutating func add(moisture: HallHumidityStep, airMassFlow: Double, outdoorAirFraction: Double) {
            outdoor += airMassFlow * outdoorAirFraction
            humidity += airMassFlow * moisture.supplyHumidityRatio
            hall.condensed += moisture.condensed
            hall.latentLoad += moisture.latentLoad
            hall.humidifierWater += moisture.humidifierWater
            hall.humidifierPower += moisture.humidifierPower
        }
    }

    /// A CRAC zone: the one-zone CRAC room's step (`AirSide.finish(crac:)`) on the zone's heat `heat` W, its servers'
    /// return `serverReturn` °C (NaN: well mixed) and its moisture; advances the zone's supply air and humidity.
    private func cracZone(_ room: CRACRoom, zone: Int, heat: Double, serverReturn: Double, state: inout SimulationState,
                          weather: AirSideWeather, hallHumidity: HallHumidity) -> (AirSideStep, HallHumidityStep) {
        let humidity = state.zoneHumidityRatio[zone]
        let crac = AirSide.finish(crac: room, roomHeat: heat, serverReturn: serverReturn.isNaN ? nil : serverReturn,
                                  humidityRatio: humidity, weather: weather)
        let moisture = hallHumidity.step(after: crac, hallHumidityRatio: humidity, outdoorHumidityRatio: weather.humidityRatio)
        state.zoneSupplyAir[zone] = crac.supplyAir
        state.zoneHumidityRatio[zone] = moisture.supplyHumidityRatio
        return (crac, moisture)
    }

    /// A CRAH zone: the one-zone CRAH hall's collection (`AirSide.collect`, `StepPlan.collectHeat`) on the zone's
    /// heat `heat` W. Its fans carry the heat on the affinity law; its sealed air meets the coil at the chilled-water
    /// supply (saturation humidity ratio `coilSaturation`), whose condensation's latent heat goes into the water with
    /// the room and fan heat. Advances the zone's humidity; its supply air follows the plant (`crahSupply`). The step's
    /// `heatIn` is the heat it puts into the chilled water: `Q + Q_latent + P_fan`.
    private func crahZone(_ crahs: AirHandling, zone: Int, heat: Double, state: inout SimulationState,
                          weather: AirSideWeather, hallHumidity: HallHumidity, coilSaturation: Double) -> (AirSideStep, HallHumidityStep) {
        let fanPower = crahs.fanPower(heat: heat), airMassFlow = crahs.airMassFlow(heat: heat)
        let moisture = hallHumidity.step(
            hallHumidityRatio: state.zoneHumidityRatio[zone], outdoorHumidityRatio: weather.humidityRatio, outdoorAirFraction: 0,
            airMassFlow: airMassFlow, coilSurface: (state.airSupply, coilSaturation))
        state.zoneHumidityRatio[zone] = moisture.supplyHumidityRatio
        var step = AirSideStep()
        (step.fanPower, step.machineHeat, step.airMassFlow) = (fanPower, fanPower, airMassFlow)
        step.heatIn = heat + moisture.latentLoad + fanPower
        return (step, moisture)
    }

    /// The CRAH zones' supply air once the plant has stepped the chilled water (`AirHandling.supplyAir`, as a one-zone
    /// CRAH hall's), and their air (the return) its IT air rise above; adds each zone's flow-weighted supply and return
    /// (its flow for `heat[z]` W) to the hall's sums.
    private func crahSupply(heat: [Double], state: inout SimulationState, mixing: inout ZoneMixing) {
        for zone in units.indices {
            guard case .crah(let crahs) = units[zone] else { continue }
            let supply = crahs.supplyAir(chilledWater: state.airSupply), returnAir = supply + crahs.airTemperatureRise.value
            let airMassFlow = crahs.airMassFlow(heat: heat[zone])
            state.zoneSupplyAir[zone] = supply
            // The air the servers' recirculation draws from (`AirCooledITE.inlet`), as a one-zone CRAH hall's return.
            state.advanceZoneAir(zone, to: returnAir)
            mixing.add(supply: supply, returnAir: returnAir, airMassFlow: airMassFlow)
        }
    }

    /// Air-handler zone `zone`'s step: with its own air when it has it, else held at its setpoint or its servers' return.
    private func zoneStep(_ room: AirHandlerRoom, zone: Int, heat: Double, serverReturn: Double, state: SimulationState,
                          weather: AirSideWeather, hallHumidity: HallHumidity, stepSeconds: Double) -> ZoneStep {
        let humidity = state.zoneHumidityRatio[zone]
        guard let air = air(zone) else {
            return step(room, heat: heat, serverReturn: serverReturn, chilledWaterSupply: state.airSupply,
                        humidityRatio: humidity, weather: weather, hallHumidity: hallHumidity)
        }
        return step(room, air: air, heat: heat, history: state.zoneAir(zone), supplyBefore: state.zoneSupplyAir[zone],
                    chilledWaterSupply: state.airSupply, humidityRatio: humidity, weather: weather,
                    hallHumidity: hallHumidity, stepSeconds: stepSeconds)
    }

    /// The chilled-water plant's share: the coils' heat `coilHeat` W into the loop, rejected (less `recovered`).
    /// A hall of CRAC zones has no plant (`loop` nil): no chilled water.
    private func plant(_ loop: CoolingLoop?, coilHeat: Double, recovered: Double, state: inout SimulationState,
                       weather: AirSideWeather, stepSeconds: Double, into air: inout AirSideStep) {
        guard let loop else {
            air.chilledWaterSupply = .nan
            return
        }
        air.chilledWaterSupply = state.airSupply
        air.coilSurface = state.airSupply
        // With no coil heat the plant is not stepped: only its idle tower's basin heater runs.
        guard coilHeat > 0 else {
            air.heaterPower += loop.rejection.idlePower(dryBulb: weather.dryBulb)
            return
        }
        let before = state.airSupply
        let water = loop.collect(heat: coilHeat, supply: before, stepSeconds: stepSeconds)
        let result = loop.reject(water, recovered: recovered, supply: before, stepSeconds: stepSeconds,
                                 dryBulb: weather.dryBulb, wetBulb: weather.wetBulb)
        state.airSupply = result.nextSupply
        let stored = loop.thermalCapacity * (result.nextSupply - before) / stepSeconds
        air.compressorPower += result.rejection.chillerPower
        air.fanPower += result.rejection.fanPower
        air.pumpPower += water.pumpPower + result.rejection.pumpPower
        air.heaterPower += result.rejection.heaterPower
        air.waterUse += result.rejection.waterUse
        air.mode = result.rejection.mode
        air.unmet += result.unmet
        // The water's balance: the coils' heat and the pump's in, the plant's removal, recovery and storage out.
        air.heatIn += water.pumpPower
        air.heatOut += result.rejection.removed + recovered + stored
        air.machineHeat += water.pumpPower
        air.chilledWaterSupply = result.nextSupply
        air.coilSurface = result.nextSupply
        air.curvesClamped = result.rejection.curveInputsClamped
    }
}

extension AirSideStep {
    /// Adds an air-handler zone's step, `heat` W of its room heat: its fans, evaporative coolers, water, unmet
    /// cooling, heat in and out, air flow and coil condensation (its DX power is the hall's compressor power, its
    /// coil heat the plant's; `AirHandlerZones.finish` adds those).
    mutating func add(airHandler step: AirHandlerZones.ZoneStep, heat: Double) {
        let run = step.run
        fanPower += run.fanPower
        pumpPower += run.direct.electricPower + run.indirect.electricPower
        waterUse += (run.direct.water.total + run.indirect.water.total) * Fluid.waterDensity
        unmet += step.unmet > 1e-9 * max(1, heat) ? step.unmet : 0
        heatIn += heat + run.fanHeat + step.fromGround
        envelopeHeat += step.fromGround
        heatOut += run.economiserHeat + run.directCooling + run.indirectCooling + run.dxCooling + step.rest
        machineHeat += run.fanHeat
        airMassFlow += step.airMassFlow
        coilCondensation += step.condensation
    }
}
