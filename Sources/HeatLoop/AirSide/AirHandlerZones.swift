/// A hall of several air zones (EnergyPlus `Zone`s), each with its share of the IT and its own units
/// (`AirZoneUnit`): an air handler (`AirHandlerRoom`), whose chilled-water coils one chilled-water loop and its
/// plant serve together, as in EnergyPlus's `2ZoneDataCenterHVAC_wEconomizer.idf` (West and East on one chiller,
/// tower and pump set); or DX CRAC units (`CRACRoom`), which reject their zone's heat themselves, each stepped as
/// a one-zone CRAC room (`AirSide.finish(crac:…)`). A hall of CRAC zones has no chilled-water loop.
///
/// Each zone keeps its own supply air and air humidity (`SimulationState.zoneSupplyAir`, `zoneHumidityRatio`):
/// its servers take in its supply air, its room heat is its servers' air heat plus its share of the electrical
/// losses (in proportion to its IT power: EnergyPlus books each ITE object's UPS losses to its own zone), and its
/// moisture meets its own economiser's outdoor air, its direct cooler's water and its DX coil. The coils' heat is
/// summed into the one loop, which the plant rejects once per step. Balance, summed over the zones:
///
///     Σ_z (Q_z + Q_fan,z) = Σ_z (Q_econ,z + Q_evap,z + Q_DX,z + Q_coil,z + unmet_z)   (a CRAC zone: its own
///                                                                                 `load + Q_fan = Q_coil + Q_econ + unmet`)
///     Σ_z Q_coil,z + P_pump = Q_plant + Q_recovered + Q_stored
public struct AirHandlerZones: Sendable, Equatable {
    /// Zone names, as the site file gives them (`cooling.air.zones[].name`).
    public var names: [String]
    public var units: [AirZoneUnit]
    /// The zone (index into `units`) of each cluster, in the site's cluster order.
    public var clusterZone: [Int]

    public init(names: [String], units: [AirZoneUnit], clusterZone: [Int]) {
        self.names = names
        self.units = units
        self.clusterZone = clusterZone
    }

    /// One zone's air handler for a step, with what the hall's balance and moisture need from it.
    struct ZoneStep {
        var run: AirHandlerStep
        var returnAir: Double
        /// Room heat the unit did not remove (negative: it over-cooled), W.
        var unmet: Double
        var airMassFlow: Double
        /// Water the DX coil condensed net of what the direct cooler evaporated, kg/s.
        var condensation: Double
        var hall: HallHumidityStep
    }

    /// A zone's air handler `room` for `heat` W of room heat, its servers' return `serverReturn` °C (NaN: a
    /// well-mixed room at its setpoint), the chilled water at `chilledWaterSupply` °C; steps the zone's moisture.
    func step(_ room: AirHandlerRoom, heat: Double, serverReturn: Double, chilledWaterSupply: Double, humidityRatio: Double,
              weather: AirSideWeather, hallHumidity: HallHumidity) -> ZoneStep {
        let returnAir = serverReturn.isNaN ? room.roomAir.value : serverReturn
        let run = room.step(load: heat, returnAir: returnAir, humidityRatio: humidityRatio,
                            outdoor: .init(dryBulb: weather.dryBulb, humidityRatio: weather.humidityRatio),
                            chilledWaterSupply: chilledWaterSupply)
        let airMassFlow = run.capacityRate / Psychrometrics.moistAirSpecificHeat(humidityRatio: humidityRatio)
        let condensation = run.dx.latentRemoved / Psychrometrics.latentHeatOfEvaporation(temperature: run.dxOutlet)
            - run.direct.water.evaporation * Fluid.waterDensity
        let hall = hallHumidity.step(hallHumidityRatio: humidityRatio, outdoorHumidityRatio: weather.humidityRatio,
                                     outdoorAirFraction: run.outdoorAirFraction, airMassFlow: airMassFlow,
                                     coilSurface: nil, coilCondensation: condensation)
        return ZoneStep(run: run, returnAir: returnAir, unmet: heat - run.capacityRate * (returnAir - run.supply.dryBulb),
                        airMassFlow: airMassFlow, condensation: condensation, hall: hall)
    }

    /// One step of every zone and the shared plant: `heat[z]` W of room heat and `serverReturn[z]` °C per zone.
    /// Advances each zone's supply air and humidity, the chilled water, and the hall-wide supply air and humidity
    /// (flow-weighted means, for the inlet envelope). Returns the air side's step and the hall's moisture summed
    /// over the zones. The pump runs only while a coil does (EnergyPlus `Pump:VariableSpeed`, `INTERMITTENT`).
    func finish(_ loop: CoolingLoop?, heat: [Double], serverReturn: [Double], recovered: Double,
                state: inout SimulationState, weather: AirSideWeather, hallHumidity: HallHumidity,
                stepSeconds: Double) -> (air: AirSideStep, hall: HallHumidityStep) {
        var air = AirSideStep(), hall = HallHumidityStep(supplyHumidityRatio: 0, condensed: 0, latentLoad: 0,
                                                         humidifierWater: 0, humidifierPower: 0)
        var coilHeat = 0.0, dxPower = 0.0, flowSupply = 0.0, flowReturn = 0.0, flowOutdoor = 0.0, flowHumidity = 0.0
        var cracs = AirSideStep()  // The CRAC zones' steps, summed.
        for zone in units.indices {
            guard case .airHandler(let room) = units[zone] else {
                guard case .crac(let room) = units[zone] else { continue }
                let (crac, moisture) = cracZone(room, zone: zone, heat: heat[zone], serverReturn: serverReturn[zone],
                                                state: &state, weather: weather, hallHumidity: hallHumidity)
                cracs.add(zone: crac)
                flowSupply += crac.airMassFlow * crac.supplyAir
                flowReturn += crac.airMassFlow * crac.returnAir
                flowOutdoor += crac.airMassFlow * crac.outdoorAirFraction
                flowHumidity += crac.airMassFlow * moisture.supplyHumidityRatio
                hall.condensed += moisture.condensed
                hall.humidifierWater += moisture.humidifierWater
                hall.humidifierPower += moisture.humidifierPower
                continue
            }
            let step = self.step(room, heat: heat[zone], serverReturn: serverReturn[zone],
                                 chilledWaterSupply: state.airSupply, humidityRatio: state.zoneHumidityRatio[zone],
                                 weather: weather, hallHumidity: hallHumidity)
            let run = step.run
            state.zoneSupplyAir[zone] = run.supply.dryBulb
            state.zoneHumidityRatio[zone] = step.hall.supplyHumidityRatio
            coilHeat += run.coil.sensibleCooling
            dxPower += run.dx.power
            air.fanPower += run.fanPower
            air.pumpPower += run.direct.electricPower + run.indirect.electricPower
            air.waterUse += (run.direct.water.total + run.indirect.water.total) * Fluid.waterDensity
            air.unmet += step.unmet > 1e-9 * max(1, heat[zone]) ? step.unmet : 0
            air.heatIn += heat[zone] + run.fanHeat
            air.heatOut += run.economiserHeat + run.directCooling + run.indirectCooling + run.dxCooling + step.unmet
            air.machineHeat += run.fanHeat
            air.airMassFlow += step.airMassFlow
            air.coilCondensation += step.condensation
            flowSupply += step.airMassFlow * run.supply.dryBulb
            flowReturn += step.airMassFlow * step.returnAir
            flowOutdoor += step.airMassFlow * run.outdoorAirFraction
            flowHumidity += step.airMassFlow * step.hall.supplyHumidityRatio
            hall.condensed += step.hall.condensed
            hall.humidifierWater += step.hall.humidifierWater
            hall.humidifierPower += step.hall.humidifierPower
        }
        let totalFlow = air.airMassFlow + cracs.airMassFlow, flow = max(totalFlow, 1e-12)
        air.supplyAir = flowSupply / flow
        air.returnAir = flowReturn / flow
        air.outdoorAirFraction = flowOutdoor / flow
        hall.supplyHumidityRatio = totalFlow > 0 ? flowHumidity / flow : state.hallHumidityRatio
        state.supplyAir = air.supplyAir
        plant(loop, coilHeat: coilHeat, recovered: recovered, state: &state, weather: weather,
              stepSeconds: stepSeconds, into: &air)
        air.compressorPower += dxPower
        if dxPower > 0 { air.mode = .mechanical }
        // CRAC zones: their powers and heat, and their own modes (an economiser's free and partial hours).
        air.add(zone: cracs)
        return (air, hall)
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
        guard coilHeat > 0 else { return }
        let before = state.airSupply
        let water = loop.collect(heat: coilHeat, supply: before, stepSeconds: stepSeconds)
        let result = loop.reject(water, recovered: recovered, supply: before, stepSeconds: stepSeconds,
                                 dryBulb: weather.dryBulb, wetBulb: weather.wetBulb)
        state.airSupply = result.nextSupply
        let stored = loop.thermalCapacity * (result.nextSupply - before) / stepSeconds
        air.compressorPower += result.rejection.chillerPower
        air.fanPower += result.rejection.fanPower
        air.pumpPower += water.pumpPower
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
