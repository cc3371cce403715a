/// A hall of several air zones (EnergyPlus `Zone`s), each with its share of the IT and its own air handler
/// (`AirHandlerRoom`), whose chilled-water coils one chilled-water loop and its plant serve together, as in
/// EnergyPlus's `2ZoneDataCenterHVAC_wEconomizer.idf` (West and East on one chiller, tower and pump set).
///
/// Each zone keeps its own supply air and air humidity (`SimulationState.zoneSupplyAir`, `zoneHumidityRatio`):
/// its servers take in its supply air, its room heat is its servers' air heat plus its share of the electrical
/// losses (in proportion to its IT power: EnergyPlus books each ITE object's UPS losses to its own zone), and its
/// moisture meets its own economiser's outdoor air, its direct cooler's water and its DX coil. The coils' heat is
/// summed into the one loop, which the plant rejects once per step. Balance, summed over the zones:
///
///     Σ_z (Q_z + Q_fan,z) = Σ_z (Q_econ,z + Q_evap,z + Q_DX,z + Q_coil,z + unmet_z)
///     Σ_z Q_coil,z + P_pump = Q_plant + Q_recovered + Q_stored
public struct AirHandlerZones: Sendable, Equatable {
    /// Zone names, as the site file gives them (`cooling.air.zones[].name`).
    public var names: [String]
    public var rooms: [AirHandlerRoom]
    /// The zone (index into `rooms`) of each cluster, in the site's cluster order.
    public var clusterZone: [Int]

    public init(names: [String], rooms: [AirHandlerRoom], clusterZone: [Int]) {
        self.names = names
        self.rooms = rooms
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

    /// Zone `zone`'s air handler for `heat` W of room heat, its servers' return `serverReturn` °C (NaN: a
    /// well-mixed room at its setpoint), the chilled water at `chilledWaterSupply` °C; steps the zone's moisture.
    func step(zone: Int, heat: Double, serverReturn: Double, chilledWaterSupply: Double, humidityRatio: Double,
              weather: AirSideWeather, hallHumidity: HallHumidity) -> ZoneStep {
        let room = rooms[zone]
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
    func finish(_ loop: CoolingLoop, heat: [Double], serverReturn: [Double], recovered: Double,
                state: inout SimulationState, weather: AirSideWeather, hallHumidity: HallHumidity,
                stepSeconds: Double) -> (air: AirSideStep, hall: HallHumidityStep) {
        var air = AirSideStep(), hall = HallHumidityStep(supplyHumidityRatio: 0, condensed: 0, latentLoad: 0,
                                                         humidifierWater: 0, humidifierPower: 0)
        var coilHeat = 0.0, dxPower = 0.0, flowSupply = 0.0, flowReturn = 0.0, flowOutdoor = 0.0, flowHumidity = 0.0
        for zone in rooms.indices {
            let step = self.step(zone: zone, heat: heat[zone], serverReturn: serverReturn[zone],
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
        let flow = max(air.airMassFlow, 1e-12)
        air.supplyAir = flowSupply / flow
        air.returnAir = flowReturn / flow
        air.outdoorAirFraction = flowOutdoor / flow
        hall.supplyHumidityRatio = air.airMassFlow > 0 ? flowHumidity / flow : state.hallHumidityRatio
        state.supplyAir = air.supplyAir
        plant(loop, coilHeat: coilHeat, recovered: recovered, state: &state, weather: weather,
              stepSeconds: stepSeconds, into: &air)
        air.compressorPower += dxPower
        if dxPower > 0 { air.mode = .mechanical }
        return (air, hall)
    }

    /// The chilled-water plant's share: the coils' heat `coilHeat` W into the loop, rejected (less `recovered`).
    private func plant(_ loop: CoolingLoop, coilHeat: Double, recovered: Double, state: inout SimulationState,
                       weather: AirSideWeather, stepSeconds: Double, into air: inout AirSideStep) {
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
        air.pumpPower += water.pumpPower + result.rejection.pumpPower
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
