/// How the room air is cooled: the air share of the IT heat, the electrical losses given to the room,
/// and the fans' own heat. Closed family.
public enum AirSide: Sendable, Equatable {
    /// CRAHs / fan walls on a chilled-water loop with its own heat-rejection plant (the chilled-water
    /// return can feed the heat pump).
    case chilledWater(AirHandling, CoolingLoop)
    /// DX computer-room air conditioners in the room, rejecting heat to outdoor air (legacy rooms and the
    /// EnergyPlus data-center examples). Their heat cannot be recovered. `indirect`: a `CRACRoom` is ~700
    /// bytes (its curves), which every use of an inline `AirSide` would copy (measured: 12 % of a 1-min
    /// year's core loop went to those copies).
    indirect case crac(CRACRoom)
    /// An air handler per room (economiser, evaporative coolers, chilled-water coil) whose coil is served by a
    /// chilled-water loop and its plant (EnergyPlus `2ZoneDataCenterHVAC_wEconomizer.idf`). The coil's load is
    /// known only once the unit has run, in `finish`, so the loop's return is not offered to heat recovery.
    indirect case airHandler(AirHandlerRoom, CoolingLoop)
    /// Several air zones, each with its share of the IT and its own air handler, CRAHs or CRAC units, the air
    /// handlers' and CRAHs' coils on one chilled-water loop and plant (`AirHandlerZones`; the 2-zone EnergyPlus
    /// example; nil when every zone has CRACs). Each zone's supply air and humidity are in `SimulationState.zoneSupplyAir` / `zoneHumidityRatio`.
    indirect case zones(AirHandlerZones, CoolingLoop?)

    /// The chilled-water loop, when there is one.
    public var chilledWaterLoop: CoolingLoop? {
        switch self {
        case .chilledWater(_, let loop), .airHandler(_, let loop): loop
        case .zones(_, let loop): loop
        case .crac: nil
        }
    }

    /// Air delivered to the IT inlets, from the state at the start of a step.
    public func supplyAir(_ state: SimulationState) -> Double {
        switch self {
        case .chilledWater(let air, _): air.supplyAir(chilledWater: state.airSupply)
        case .crac, .airHandler, .zones: state.supplyAir
        }
    }

    /// Room return air (the hot aisle), from the state at the start of a step.
    public func returnAir(_ state: SimulationState) -> Double {
        switch self {
        case .chilledWater(let air, _): supplyAir(state) + air.airTemperatureRise.value
        case .crac(let room): room.returnAir.value
        case .airHandler(let room, _): room.roomAir.value
        // Each zone has its own (`AirHandlerZones.units`, which the step loop reads); the first stands for the hall.
        case .zones(let zones, _): zones.units[0].roomAir
        }
    }

    /// CRAH fan power for `heat` W of room heat (affinity law on the design heat), W; 0 for CRACs, whose
    /// fans are part of their `finish`.
    public func fanPower(heat: Double) -> Double {
        switch self {
        case .chilledWater(let air, _): air.fanPower(heat: heat)
        case .crac, .airHandler, .zones: 0
        }
    }

    /// First half of a step: CRAH fans (`fanPower`, from `fanPower(heat:)`) move the heat into the chilled
    /// water (nothing to do for CRACs, which treat the air in one go in `finish`).
    /// `serverReturn`: the return air the servers' outlets make (`AirCooledITE.returnApproach`), nil in a
    /// well-mixed room.
    public func collect(heat: Double, fanPower fan: Double, serverReturn: Double? = nil, state: SimulationState,
                        stepSeconds: Double) -> AirCollection {
        switch self {
        case .chilledWater(_, let loop):
            let water = loop.collect(heat: heat + fan, supply: state.airSupply, stepSeconds: stepSeconds)
            return AirCollection(roomHeat: heat, fanPower: fan, loop: water)
        case .crac, .airHandler, .zones:
            return AirCollection(roomHeat: heat, fanPower: 0, loop: nil, serverReturn: serverReturn)
        }
    }

    /// Supply air mass flow of CRAHs carrying `heat` W of room heat, kg/s: `Q / (c_p ΔT_IT)` (the air warms
    /// by the IT's temperature rise); 0 for CRACs, whose flow is part of their `finish`.
    public func airMassFlow(heat: Double) -> Double {
        switch self {
        case .chilledWater(let air, _): air.airMassFlow(heat: heat)
        case .crac, .airHandler, .zones: 0
        }
    }

    /// Second half: reject what heat recovery (`recovered` W from the chilled-water return) left, and
    /// advance the state. The CRAC's return air is the hall air (`state.hallHumidityRatio`), at the servers'
    /// return (`collection.serverReturn`) or, in a well-mixed room, at the room's setpoint. Air zones step their
    /// own moisture with `hallHumidity` (`AirSideStep.hall`).
    public func finish(_ collection: AirCollection, recovered: Double, state: inout SimulationState,
                       weather: AirSideWeather, hallHumidity: HallHumidity, stepSeconds: Double) -> AirSideStep {
        switch self {
        case .chilledWater(let air, let loop):
            guard let water = collection.loop else { return AirSideStep() }
            let before = state.airSupply
            let result = loop.reject(water, recovered: recovered, supply: before, stepSeconds: stepSeconds,
                                     dryBulb: weather.dryBulb, wetBulb: weather.wetBulb)
            state.airSupply = result.nextSupply
            let supplyAir = air.supplyAir(chilledWater: result.nextSupply)
            state.supplyAir = supplyAir
            let stored = loop.thermalCapacity * (result.nextSupply - before) / stepSeconds
            return AirSideStep(
                compressorPower: result.rejection.chillerPower, fanPower: collection.fanPower + result.rejection.fanPower,
                pumpPower: water.pumpPower + result.rejection.pumpPower, waterUse: result.rejection.waterUse, mode: result.rejection.mode,
                unmet: result.unmet, heatIn: water.heatIn, heatOut: result.rejection.removed + recovered + stored,
                machineHeat: collection.fanPower + water.pumpPower, supplyAir: supplyAir,
                returnAir: supplyAir + air.airTemperatureRise.value, chilledWaterSupply: result.nextSupply, coilSurface: result.nextSupply,
                curvesClamped: result.rejection.curveInputsClamped, heaterPower: result.rejection.heaterPower)
        case .crac(let room):
            let air = Self.finish(crac: room, roomHeat: collection.roomHeat, serverReturn: collection.serverReturn,
                                  humidityRatio: state.hallHumidityRatio, weather: weather)
            state.supplyAir = air.supplyAir
            return air
        case .airHandler(let room, let loop):
            return Self.finish(room, loop, collection, recovered: recovered, state: &state, weather: weather,
                               stepSeconds: stepSeconds)
        case .zones(let zones, let loop):
            var (air, hall) = zones.finish(loop, heat: collection.zoneHeat, serverReturn: collection.zoneServerReturn,
                                           recovered: recovered, state: &state, weather: weather,
                                           hallHumidity: hallHumidity, stepSeconds: stepSeconds)
            air.hall = hall
            return air
        }
    }

    /// `finish` of a CRAC room (or a CRAC zone, `AirHandlerZones`) for `roomHeat` W: the units take in the room
    /// air (humidity ratio `humidityRatio` kg/kg) at the servers' return `serverReturn` °C or, well mixed, at the
    /// room's setpoint, and supply it at the reset setpoint (`CRACRoom.supplySetpoint`). The room air gets the
    /// load and the fan heat; the coil, the outdoor air, or nobody (unmet) takes it away:
    /// `load + Q_fan = Q_coil + Q_economiser + unmet`.
    static func finish(crac room: CRACRoom, roomHeat: Double, serverReturn: Double?, humidityRatio hall: Double,
                       weather: AirSideWeather) -> AirSideStep {
        let returnAir = serverReturn ?? room.returnAir.value
        let result = room.unit.step(
            sensibleLoad: roomHeat, returnTemperature: returnAir,
            returnHumidityRatio: hall,
            supplySetpoint: room.supplySetpoint(load: roomHeat, returnAir: returnAir, humidityRatio: hall),
            outdoorDryBulb: weather.dryBulb, outdoorWetBulb: weather.wetBulb,
            outdoorHumidityRatio: weather.humidityRatio)
        return AirSideStep(
            compressorPower: result.compressorPower, fanPower: result.fanPower, pumpPower: result.pumpPower,
            waterUse: 0, mode: result.mode,
            unmet: result.unmet > 1e-9 * max(1, roomHeat) ? result.unmet : 0,
            heatIn: roomHeat + result.fanHeat,
            heatOut: result.coilSensible + result.economiserHeat + result.unmet, machineHeat: result.fanHeat,
            supplyAir: result.supplyTemperature, returnAir: returnAir, chilledWaterSupply: .nan,
            coilSurface: room.coilSurface.value, curvesClamped: result.curvesClamped,
            outdoorAirFraction: result.outdoorAirFraction,
            airMassFlow: result.flowFraction * room.unit.designAirMassFlow,
            coilCondensation: result.coilLatent / Psychrometrics.latentHeatOfEvaporation(temperature: room.coilSurface.value))
    }

    /// `finish` of an air-handler room: the unit treats the return air (`AirHandlerRoom`), its coil's heat
    /// goes into the chilled water, whose plant rejects it. The pump runs only while the coil does (EnergyPlus
    /// `Pump:VariableSpeed` with `INTERMITTENT` control); an idle loop keeps its temperature. The hall's moisture
    /// gets the direct cooler's evaporation and loses the DX coil's condensation. Balance: the room
    /// air gets the load and the fan heat, which the outdoor air, the evaporative coolers, the coils or nobody
    /// (unmet) take away; the water gets the coil's heat and the pump's, which the plant removes or the loop stores.
    static func finish(_ room: AirHandlerRoom, _ loop: CoolingLoop, _ collection: AirCollection, recovered: Double,
                       state: inout SimulationState, weather: AirSideWeather, stepSeconds: Double) -> AirSideStep {
        let returnAir = collection.serverReturn ?? room.roomAir.value
        let run = room.step(load: collection.roomHeat, returnAir: returnAir, humidityRatio: state.hallHumidityRatio,
                            outdoor: .init(dryBulb: weather.dryBulb, humidityRatio: weather.humidityRatio),
                            chilledWaterSupply: state.airSupply)
        let before = state.airSupply
        var pumpPower = 0.0, plantUnmet = 0.0, stored = 0.0
        var plant = RejectionStep(removed: 0, chillerPower: 0, fanPower: 0, waterUse: 0, mode: .free, heatToAtmosphere: 0,
                                  curveInputsClamped: false, heaterPower: loop.rejection.idlePower(dryBulb: weather.dryBulb))
        if run.coil.sensibleCooling > 0 {
            let water = loop.collect(heat: run.coil.sensibleCooling, supply: before, stepSeconds: stepSeconds)
            let result = loop.reject(water, recovered: recovered, supply: before, stepSeconds: stepSeconds,
                                     dryBulb: weather.dryBulb, wetBulb: weather.wetBulb)
            state.airSupply = result.nextSupply
            (pumpPower, plant, plantUnmet) = (water.pumpPower, result.rejection, result.unmet)
            stored = loop.thermalCapacity * (result.nextSupply - before) / stepSeconds
        }
        state.supplyAir = run.supply.dryBulb
        let unmet = collection.roomHeat - run.capacityRate * (returnAir - run.supply.dryBulb)
        let evaporative = run.direct.electricPower + run.indirect.electricPower
        let evaporativeWater = (run.direct.water.total + run.indirect.water.total) * Fluid.waterDensity
        return AirSideStep(
            compressorPower: plant.chillerPower + run.dx.power, fanPower: run.fanPower + plant.fanPower,
            pumpPower: pumpPower + evaporative + plant.pumpPower, waterUse: plant.waterUse + evaporativeWater,
            mode: run.dx.power > 0 ? .mechanical : run.coil.sensibleCooling > 0 ? plant.mode : .free,
            unmet: (unmet > 1e-9 * max(1, collection.roomHeat) ? unmet : 0) + plantUnmet,
            heatIn: collection.roomHeat + run.fanHeat + pumpPower,
            heatOut: run.economiserHeat + run.directCooling + run.indirectCooling + run.dxCooling + unmet + plant.removed
                + recovered + stored,
            machineHeat: run.fanHeat + pumpPower, supplyAir: run.supply.dryBulb, returnAir: returnAir,
            chilledWaterSupply: state.airSupply, coilSurface: state.airSupply, curvesClamped: plant.curveInputsClamped,
            outdoorAirFraction: run.outdoorAirFraction,
            airMassFlow: run.capacityRate / Psychrometrics.moistAirSpecificHeat(humidityRatio: state.hallHumidityRatio),
            coilCondensation: run.dx.latentRemoved / Psychrometrics.latentHeatOfEvaporation(temperature: run.dxOutlet)
                - run.direct.water.evaporation * Fluid.waterDensity,
            heaterPower: plant.heaterPower)
    }
}

/// Computer-room air handlers moving room air over the air loop's chilled-water coils.
///
/// Fan power follows the affinity law on the air heat load (variable air volume); fan heat enters
/// the air stream. Supply air is `max(setpoint, T_chw,supply + coil approach)`: when the chilled water
/// drifts warm, so does the air delivered to the IT inlets.
public struct AirHandling: Sendable, Equatable {
    public var supplyAirSetpoint: Celsius
    /// Supply air minus chilled-water supply at design.
    public var coilApproach: TemperatureDelta
    public var fan: AffinityMachine
    /// Air-side heat at design (air share of IT + electrical losses), W.
    public var designHeat: Watts
    /// Air temperature rise across the IT equipment (return − supply).
    public var airTemperatureRise: TemperatureDelta

    public init(supplyAirSetpoint: Celsius, coilApproach: TemperatureDelta, fan: AffinityMachine, designHeat: Watts,
                airTemperatureRise: TemperatureDelta) {
        self.airTemperatureRise = airTemperatureRise
        self.supplyAirSetpoint = supplyAirSetpoint
        self.coilApproach = coilApproach
        self.fan = fan
        self.designHeat = designHeat
    }

    /// Supply air from chilled water at `chilledWater` °C: `max(T_setpoint, T_chw + approach)`, °C.
    @inline(__always)
    func supplyAir(chilledWater: Double) -> Double { max(supplyAirSetpoint.value, chilledWater + coilApproach.value) }

    /// Fan power carrying `heat` W of room heat, W: the affinity law at the flow fraction `Q / Q_design`.
    @inline(__always)
    func fanPower(heat: Double) -> Double { fan.power(flowFraction: heat / designHeat.value).value }

    /// Supply air mass flow carrying `heat` W of room heat, kg/s: `Q / (c_p ΔT_IT)` (the air warms by the IT's rise).
    @inline(__always)
    func airMassFlow(heat: Double) -> Double { max(0, heat) / (Fluid.airSpecificHeat * airTemperatureRise.value) }
}

/// A room cooled by DX CRAC units (modelled as one unit of their combined size) with a cooling setpoint on
/// its air (EnergyPlus: the zone's cooling setpoint, "Cooling Return Air Setpoint").
///
/// The return air the units see is the room air held at `returnAir` in a well-mixed room, or the servers'
/// outlet mix (`AirCooledITE.returnApproach`, EnergyPlus "FlowControlWithApproachTemperatures"), where the
/// room air follows the return and may float above the setpoint.
///
/// Supply air is reset as EnergyPlus's `SetpointManager:Warmest` does (Engineering Reference, "Setpoint
/// Managers", *Warmest*): as warm as the room allows, up to `supplyAirSetpoint`, colder (down to
/// `minimumSupplyAir`) when the design air flow cannot carry the room's load `Q` at that temperature,
///
///     T_supply = clamp(T_return − Q / (ṁ_design c_p), T_min, T_max)
///
/// A variable-volume fan (`CRACUnit.airFlow`) carries `Q` from the supply to the return: it runs at full flow
/// while the reset is below `T_max` and turns down once the supply sits at `T_max`. With the return at the
/// servers' outlet (8–9 K above the supply in EnergyPlus's example rather than the 4.3 K to a 29.3 °C room
/// setpoint), that is where it spends its part-load months.
public struct CRACRoom: Sendable, Equatable {
    public var unit: CRACUnit
    public var supplyAirSetpoint: Celsius
    public var minimumSupplyAir: Celsius
    public var returnAir: Celsius
    /// Dew point of the room's design state (the DX coil's surface at design), °C.
    public var coilSurface: Celsius

    public init(unit: CRACUnit, supplyAirSetpoint: Celsius, minimumSupplyAir: Celsius, returnAir: Celsius,
                coilSurface: Celsius) {
        self.unit = unit
        self.supplyAirSetpoint = supplyAirSetpoint
        self.minimumSupplyAir = minimumSupplyAir
        self.returnAir = returnAir
        self.coilSurface = coilSurface
    }

    /// Supply-air setpoint for a sensible load (W) with the room's return air at `returnAir` °C and the air's
    /// humidity ratio.
    public func supplySetpoint(load: Double, returnAir: Double, humidityRatio: Double) -> Double {
        let capacityRate = unit.designAirMassFlow * (1006 + 1860 * humidityRatio)
        let needed = returnAir - load / capacityRate
        return min(supplyAirSetpoint.value, max(minimumSupplyAir.value, needed))
    }
}

/// The outdoor air of one step as the air side needs it.
public struct AirSideWeather: Sendable {
    public var dryBulb: Double
    public var wetBulb: Double
    /// kg water per kg dry air.
    public var humidityRatio: Double
    public init(dryBulb: Double, wetBulb: Double, humidityRatio: Double) {
        self.dryBulb = dryBulb
        self.wetBulb = wetBulb
        self.humidityRatio = humidityRatio
    }
}

/// The collecting half of an air-side step. W.
public struct AirCollection: Sendable {
    /// Sensible heat given to the room air (IT air share and electrical losses).
    public var roomHeat: Double
    /// CRAH fan power (its heat is in the chilled water).
    public var fanPower: Double
    /// The chilled-water loop's collection, for CRAH rooms.
    public var loop: LoopCollection?
    /// Return air of the servers' outlets, °C (CRAC rooms with `AirCooledITE.returnApproach`); nil when the
    /// room is well mixed.
    public var serverReturn: Double? = nil
    /// Air zones: each zone's room heat, W, and its servers' return air, °C (NaN: well mixed); empty otherwise.
    public var zoneHeat: [Double] = []
    public var zoneServerReturn: [Double] = []

    /// Heat a heat pump could take from the chilled-water return this step.
    public func offer(setpoint: Double) -> HeatSourceOffer {
        guard let loop else { return .none }
        return HeatSourceOffer(heat: loop.heatToShed, inlet: loop.returnTemperature, outlet: setpoint)
    }
}

/// One air-side step. Powers in W, water kg/s, temperatures °C.
public struct AirSideStep: Sendable {
    /// Chiller or DX compressor (with condenser fans).
    public var compressorPower = 0.0
    public var fanPower = 0.0
    public var pumpPower = 0.0
    public var waterUse = 0.0
    public var mode = CoolingMode.free
    public var unmet = 0.0
    /// Energy balance: heat that entered the air side, and what removed or stored it.
    public var heatIn = 0.0
    public var heatOut = 0.0
    /// Fan and pump heat added to the streams.
    public var machineHeat = 0.0
    /// Heat from outside the hall into its air: the ground under air zones' supply plenums (`SupplyPlenum`).
    public var envelopeHeat = 0.0
    public var supplyAir = 0.0
    /// Return air the cooling units take in, °C.
    public var returnAir = 0.0
    public var chilledWaterSupply = Double.nan
    /// Coldest surface the room air meets, °C.
    public var coilSurface = 0.0
    public var curvesClamped = false
    /// Outdoor-air fraction of the supply air (CRAC air-side economiser; 0 for a sealed hall).
    public var outdoorAirFraction = 0.0
    /// Supply air mass flow (CRACs), kg/s.
    public var airMassFlow = 0.0
    /// Water the DX coil condensed (its latent removal / h_fg), kg/s; for an air handler, net of what its direct
    /// evaporative cooler evaporates into the supply air (negative when the cooler adds more).
    public var coilCondensation = 0.0
    /// The chilled-water plant's cooling-tower basin heater (`BasinHeater`), W.
    public var heaterPower = 0.0
    /// The hall's moisture when the air side stepped it zone by zone (air zones, summed); nil otherwise.
    public var hall: HallHumidityStep? = nil

    /// Adds another zone's step (air zones): powers, water, unmet and heat summed, the more mechanical mode, the
    /// curves clamped in either. Temperatures and fractions are not summed (the caller weights them by flow).
    mutating func add(zone: AirSideStep) {
        compressorPower += zone.compressorPower
        fanPower += zone.fanPower
        pumpPower += zone.pumpPower
        heaterPower += zone.heaterPower
        waterUse += zone.waterUse
        unmet += zone.unmet
        heatIn += zone.heatIn
        heatOut += zone.heatOut
        machineHeat += zone.machineHeat
        airMassFlow += zone.airMassFlow
        coilCondensation += zone.coilCondensation
        mode = max(mode, zone.mode)
        curvesClamped = curvesClamped || zone.curvesClamped
    }
}

/// The ASHRAE TC 9.9 classes a site is held to (*Thermal Guidelines for Data Processing Environments*,
/// 5th ed., 2021): an air class for the IT inlets and a facility-water class for the liquid loop.
public struct OperatingEnvelope: Sendable, Equatable {
    public var air: ASHRAEAirClass
    public var liquid: ASHRAELiquidClass?
    public init(air: ASHRAEAirClass, liquid: ASHRAELiquidClass?) {
        self.air = air
        self.liquid = liquid
    }
}

extension HallHumidity {
    /// The room air's moisture after units that met it in `finish` (a CRAC room or zone, an air handler): the
    /// outdoor air their economiser mixed in and the water their DX coil condensed (`air.coilCondensation`).
    func step(after air: AirSideStep, hallHumidityRatio: Double, outdoorHumidityRatio: Double) -> HallHumidityStep {
        step(hallHumidityRatio: hallHumidityRatio, outdoorHumidityRatio: outdoorHumidityRatio,
             outdoorAirFraction: air.outdoorAirFraction, airMassFlow: air.airMassFlow, coilSurface: nil,
             coilCondensation: air.coilCondensation)
    }
}
