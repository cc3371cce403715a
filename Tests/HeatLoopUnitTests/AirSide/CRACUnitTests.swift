import HeatLoop
import HeatLoopTestSupport
import Testing

/// The CRAC of EnergyPlus `1ZoneDataCenterCRAC_wPumpedDXCoolingCoil.idf`: EC plug fan
/// (`Fan:VariableVolume` 0.7 / 486 Pa / 8.5 m³/s / min 0.05 / motor 0.9 in air stream) and the
/// Liebert DSE 125 coil.
func energyPlusCRAC(economiser: CRACEconomiser, coilCurves: DXCoilCurves = .liebertDSE125) -> CRACUnit {
    let fan = SupplyFan(designFlow: 8.5, pressureRise: 486, totalEfficiency: 0.7, motorEfficiency: 0.9,
                        motorInAirstreamFraction: 1,
                        control: .variableVolume(coefficients: (0.06990146, 1.39500612, -3.35487336, 2.89232315, 0),
                                                 minimumFlowFraction: 0.05))
    return CRACUnit(coil: liebertCoil(curves: coilCurves), fan: fan, economiser: economiser,
                    moisture: .dry(returnWetBulb: Celsius(16)))
}

let liebertPumped = PumpedRefrigerantEconomiser(pumpOnlyBelow: Celsius(1.5555), compressorOnlyAbove: Celsius(34.88889),
                                                eirFunctionOfTemperature: .table(.liebertEconophaseEIR))

func airEconomiser(_ control: AirEconomiserControl) -> AirEconomiser {
    AirEconomiser(control: control, minimumDryBulb: Celsius(-20), maximumDewPoint: Celsius(13.5),
                  minimumOutdoorAirFraction: 0, pressure: Psychrometrics.standardSeaLevelPressure)
}

@Suite struct CRACUnitTests {
    func run(_ unit: CRACUnit, load: Double = 55_000, returnTemperature: Double = 32, setpoint: Double = 22,
             outdoor: Double, outdoorHumidity: Double = 0.005) -> CRACStep {
        unit.step(sensibleLoad: load, returnTemperature: returnTemperature, returnHumidityRatio: 0.006,
                  supplySetpoint: setpoint, outdoorDryBulb: outdoor, outdoorWetBulb: outdoor - 5,
                  outdoorHumidityRatio: outdoorHumidity)
    }

    /// removed + fan heat = coil sensible + economiser heat, and removed + unmet = load, on random
    /// states for every economiser option.
    @Test(arguments: [CRACEconomiser.none, .pumpedRefrigerant(liebertPumped), .airSide(airEconomiser(.differentialDryBulb)),
                      .airSide(airEconomiser(.fixedDryBulb(maximum: Celsius(23))))])
    func energyBalance(economiser: CRACEconomiser) {
        let unit = energyPlusCRAC(economiser: economiser)
        var random = TestLCG(seed: 7)
        for _ in 0 ..< 500 {
            let load = random.next(in: 0 ... 250_000)
            let step = run(unit, load: load, returnTemperature: random.next(in: 20 ... 40),
                           setpoint: random.next(in: 14 ... 27), outdoor: random.next(in: -30 ... 45))
            let scale = max(load, 1)
            #expect(abs(step.removed + step.fanHeat - step.coilSensible - step.economiserHeat) <= 1e-9 * scale)
            #expect(abs(step.removed + step.unmet - load) <= 1e-9 * scale)
            #expect(step.unmet >= -1e-9 * scale)
        }
    }

    /// With ample capacity the room load is met and the coil also removes the fan's heat.
    @Test func meetsLoadAndRemovesFanHeat() {
        let step = run(energyPlusCRAC(economiser: .none), outdoor: 30)
        #expect(step.unmet.isApproximatelyEqual(to: 0, absoluteTolerance: 1e-6))
        #expect(step.removed.isApproximatelyEqual(to: 55_000))
        #expect(step.fanHeat == step.fanPower && step.fanPower > 0)
        #expect(step.coilSensible.isApproximatelyEqual(to: 55_000 + step.fanHeat))
        #expect(step.mode == .mechanical && step.compressorPower > 0 && step.pumpPower == 0)
    }

    @Test(arguments: [AirEconomiserControl.differentialDryBulb, .fixedDryBulb(maximum: Celsius(23))])
    func airEconomiserModesRiseWithOutdoorTemperature(control: AirEconomiserControl) {
        let unit = energyPlusCRAC(economiser: .airSide(airEconomiser(control)))
        var modes: [CoolingMode] = []
        for outdoor in stride(from: -15.0, through: 40, by: 0.5) {
            modes.append(run(unit, outdoor: outdoor).mode)
        }
        #expect(zip(modes, modes.dropFirst()).allSatisfy { $0 <= $1 }, "\(modes)")
        #expect(Set(modes) == Set(CoolingMode.allCases))
    }

    @Test func airEconomiserPowerFallsInFreeAndPartialModes() {
        let unit = energyPlusCRAC(economiser: .airSide(airEconomiser(.differentialDryBulb)))
        let mechanical = run(energyPlusCRAC(economiser: .none), outdoor: 25)
        let partial = run(unit, outdoor: 25)
        let free = run(unit, outdoor: 5)
        #expect(partial.mode == .partial && free.mode == .free)
        #expect(partial.compressorPower < mechanical.compressorPower)
        #expect(free.compressorPower == 0 && free.outdoorAirFraction < 1)
    }

    /// Humid outdoor air (dew point above 13.5 °C) keeps the dampers at minimum.
    @Test func dewPointLimitDisablesAirEconomiser() {
        let unit = energyPlusCRAC(economiser: .airSide(airEconomiser(.differentialDryBulb)))
        let step = run(unit, outdoor: 20, outdoorHumidity: 0.012)
        #expect(step.mode == .mechanical && step.outdoorAirFraction == 0)
    }

    @Test func pumpedEconomiserModesRiseWithOutdoorTemperature() {
        let unit = energyPlusCRAC(economiser: .pumpedRefrigerant(liebertPumped))
        var modes: [CoolingMode] = []
        for outdoor in stride(from: -30.0, through: 45, by: 0.5) {
            let step = run(unit, outdoor: outdoor)
            modes.append(step.mode)
            if step.mode == .free { #expect(step.compressorPower == 0 && step.pumpPower > 0) }
        }
        #expect(zip(modes, modes.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(Set(modes) == Set(CoolingMode.allCases))
    }

    /// At low ambient the pump (EIR modifier 0.042–0.084) draws far less than a compressor on a
    /// standard EIR curve; and with the Liebert table as the coil's own EIRFT (the EnergyPlus example)
    /// the economiser only relabels: the power is the same at every temperature.
    @Test func pumpedEconomiserSavesPowerAtLowAmbient() {
        let compressor = energyPlusCRAC(economiser: .none, coilCurves: .energyPlusPackagedAC)
        let pumped = energyPlusCRAC(economiser: .pumpedRefrigerant(liebertPumped))
        for outdoor in [-10.0, 0, 1.5] {
            let pump = run(pumped, outdoor: outdoor)
            let mechanical = run(compressor, outdoor: outdoor)
            #expect(pump.mode == .free)
            #expect(pump.pumpPower + pump.compressorPower < 0.2 * mechanical.compressorPower)
        }
        let plain = energyPlusCRAC(economiser: .none)
        for outdoor in stride(from: -20.0, through: 45, by: 1) {
            let a = run(plain, outdoor: outdoor), b = run(pumped, outdoor: outdoor)
            #expect((b.compressorPower + b.pumpPower).isApproximatelyEqual(to: a.compressorPower, relativeTolerance: 1e-12))
        }
    }

    /// Variable-volume flow follows the load; constant volume does not.
    @Test func fanFlowFollowsLoad() {
        let unit = energyPlusCRAC(economiser: .none)
        let low = run(unit, load: 10_000, outdoor: 20), high = run(unit, load: 60_000, outdoor: 20)
        #expect(low.flowFraction < high.flowFraction && low.fanPower < high.fanPower)
        var constant = unit
        constant.fan.control = .constantVolume
        let c = run(constant, load: 10_000, outdoor: 20)
        #expect(c.flowFraction == 1 && c.supplyTemperature > 22)
        #expect(c.fanPower.isApproximatelyEqual(to: 8.5 * 486 / 0.7))
    }
}

/// The room's supply-air reset (`SetpointManager:Warmest`) and the variable-volume fan with the return air at
/// the servers' outlet (EnergyPlus `1ZoneDataCenterCRAC_wApproachTemp`, issue 16).
@Suite struct CRACRoomTests {
    let room = CRACRoom(unit: energyPlusCRAC(economiser: .none), supplyAirSetpoint: Celsius(25),
                        minimumSupplyAir: Celsius(10), returnAir: Celsius(29.3), coilSurface: Celsius(12))

    func step(load: Double, returnAir: Double) -> CRACStep {
        let setpoint = room.supplySetpoint(load: load, returnAir: returnAir, humidityRatio: 0.006)
        return room.unit.step(sensibleLoad: load, returnTemperature: returnAir, returnHumidityRatio: 0.006,
                              supplySetpoint: setpoint, outdoorDryBulb: 10, outdoorWetBulb: 5, outdoorHumidityRatio: 0.005)
    }

    @Test func fullLoadResetsTheSupplyBelowItsMaximumAtFullFlow() {
        // ṁ_max c_p = 8.5 · 1.204 · (1006 + 1860 · 0.006) = 10.348 kW/K; 88 kW from a 30.5 °C return:
        // T_supply = 30.5 − 88 / 10.348 = 21.996 °C, at full flow.
        let result = step(load: 88_000, returnAir: 30.5)
        let capacityRate = 8.5 * 1.204 * (1006 + 1860 * 0.006)
        #expect(result.supplyTemperature.isApproximatelyEqual(to: 30.5 - 88_000 / capacityRate, absoluteTolerance: 1e-9))
        #expect(result.flowFraction.isApproximatelyEqual(to: 1))
        #expect(result.unmet.magnitude < 1e-6)
    }

    @Test func partLoadTurnsTheFanDownOnlyWhenTheReturnFollowsTheServers() {
        // 60 kW: from a 33 °C return the supply sits at 25 °C and the flow is 60 / (10.348 · 8) = 0.725;
        // from the 29.3 °C setpoint (well-mixed room) 4.3 K cannot carry it: full flow, colder supply.
        let capacityRate = 8.5 * 1.204 * (1006 + 1860 * 0.006)
        let servers = step(load: 60_000, returnAir: 33)
        #expect(servers.supplyTemperature == 25)
        #expect(servers.flowFraction.isApproximatelyEqual(to: 60_000 / (capacityRate * 8), absoluteTolerance: 1e-9))
        let mixed = step(load: 60_000, returnAir: 29.3)
        #expect(mixed.flowFraction == 1 && mixed.supplyTemperature < 25)
        #expect(servers.fanPower < 0.7 * mixed.fanPower)
    }
}
