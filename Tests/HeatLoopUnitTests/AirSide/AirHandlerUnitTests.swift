import HeatLoop
import HeatLoopTestSupport
import Testing

/// The West zone's air handler of `2ZoneDataCenterHVAC_wEconomizer.idf` as EnergyPlus 25.2 autosized it in
/// Chicago (eplusout.eio): 5.307 m³/s, fan 300 Pa / η 0.7 / motor 0.9 in the air stream, DEC ε 0.7 (window
/// 16 / 18 / 20 °C), IEC ε 0.70 wet / 0.72 dry with the Munters tables, secondary 7.43 m³/s, fan 1486 W,
/// pump 1114 W; economiser FixedDryBulb 23 °C, dew point 13.5 °C, minimum −20 °C, minimum outdoor air 0
/// (the IDF's autosized minimum is 0 m³/s, which its `OAFractionSched` multiplies). The checks are the
/// chain's own equations (type doc comment): staging to the setpoint and the sensible balance.
@Suite struct AirHandlerUnitTests {
    let pressure = Psychrometrics.standardSeaLevelPressure
    let massFlow = 6.0, designMassFlow = 6.4
    let returnAir = AirHandlerUnit.Air(dryBulb: 23, humidityRatio: 0.008)

    func unit(dxCoil: DXCoolingCoil? = nil, coil: ChilledWaterCoil? = nil) -> AirHandlerUnit {
        AirHandlerUnit(
            economiser: AirEconomiser(control: .fixedDryBulb(maximum: Celsius(23)), minimumDryBulb: Celsius(-20),
                                      maximumDewPoint: Celsius(13.5), minimumOutdoorAirFraction: 0, pressure: pressure),
            fan: SupplyFan(designFlow: 5.307, pressureRise: 300, totalEfficiency: 0.7, motorEfficiency: 0.9,
                           motorInAirstreamFraction: 0,
                           control: .variableVolume(coefficients: (0.35071223, 0.30850535, -0.54137364, 0.87198823, 0),
                                                    minimumFlowFraction: 0.25)),
            directCooler: DirectEvaporativeCooler(
                effectiveness: 0.7, pumpDesignPower: 30, driftFraction: 0, blowdownConcentrationRatio: 3,
                limits: EvaporativeOperatingLimits(minimumDryBulb: Celsius(16), maximumWetBulb: Celsius(18),
                                                   maximumDryBulb: Celsius(20))),
            indirectCooler: IndirectEvaporativeCooler(
                wetEffectiveness: 0.70, wetEffectivenessModifier: EvaporativeCoolerCurveSets.muntersWetEffectiveness,
                dryEffectiveness: 0.72, dryEffectivenessModifier: EvaporativeCoolerCurveSets.muntersDryEffectiveness,
                dewPointEffectivenessFactor: 0.9, secondaryDesignFlow: 7.43, fanDesignPower: 1486,
                fanPowerModifier: EvaporativeCoolerCurveSets.secondaryFanPower, pumpDesignPower: 1114,
                pumpPowerModifier: EvaporativeCoolerCurveSets.twoSpeedSprayPump, driftFraction: 0,
                blowdownConcentrationRatio: nil,
                limits: IndirectEvaporativeLimits(minimumSecondaryDryBulbForWet: Celsius(16),
                                                  maximumSecondaryWetBulbForWet: Celsius(24), maximumDryBulbForDry: Celsius(50))),
            dxCoil: dxCoil, coil: coil)
    }

    /// `ṁ c_p (T_return − T_supply) = Q_economiser + Q_dec + Q_iec + Q_coil − Q_fan`, c_p at the return's humidity.
    func expectBalanced(_ step: AirHandlerStep) {
        let rate = massFlow * Psychrometrics.moistAirSpecificHeat(humidityRatio: returnAir.humidityRatio)
        let removed = step.economiserHeat + step.directCooling + step.indirectCooling
            + step.dxCooling + step.coil.sensibleCooling - step.fanHeat
        #expect((rate * (returnAir.dryBulb - step.supply.dryBulb)).isApproximatelyEqual(to: removed, relativeTolerance: 1e-9))
    }

    /// Chicago winter night, −8 °C: the economiser alone brings the mix to the setpoint less the fan's rise
    /// (f = (23 − T_mix,set) / 31); nothing else runs and the supply leaves at the setpoint.
    @Test func coldOutdoorAirAloneMeetsTheSetpoint() {
        let step = unit().step(massFlow: massFlow, designMassFlow: designMassFlow, returnAir: returnAir,
                               outdoor: .init(dryBulb: -8, humidityRatio: 0.0015), supplySetpoint: 17,
                               chilledWaterSupply: 7, pressure: pressure)
        let rise = step.fanHeat / (massFlow * Psychrometrics.moistAirSpecificHeat(humidityRatio: 0.008))
        #expect(step.outdoorAirFraction.isApproximatelyEqual(to: (23 - (17 - rise)) / 31, relativeTolerance: 1e-9))
        #expect(step.supply.dryBulb.isApproximatelyEqual(to: 17, absoluteTolerance: 1e-9))
        // The mix lands on the setpoint to rounding: the coolers see nothing to do.
        #expect(step.directCooling < 1 && step.indirectCooling < 1 && step.coil.sensibleCooling == 0)
        expectBalanced(step)
    }

    /// Hot dry afternoon (30 °C, above the economiser's 23 °C): the mixer stays closed; the return air after the
    /// fan (23.4 °C, W 0.008, T_wb 16.3 °C ≤ 18 °C) is in the direct cooler's window, which modulates to the 19 °C
    /// setpoint (full load would give 18.4 °C); the indirect and the coil have nothing left.
    @Test func directCoolerTakesWhatTheEconomiserCannot() {
        let step = unit().step(massFlow: massFlow, designMassFlow: designMassFlow, returnAir: returnAir,
                               outdoor: .init(dryBulb: 30, humidityRatio: 0.006), supplySetpoint: 19,
                               chilledWaterSupply: 7, pressure: pressure)
        #expect(step.outdoorAirFraction == 0)
        #expect(step.direct.partLoadFraction > 0.5 && step.direct.partLoadFraction < 1)
        #expect(step.supply.dryBulb.isApproximatelyEqual(to: 19, absoluteTolerance: 1e-9))
        #expect(step.supply.humidityRatio > returnAir.humidityRatio)
        #expect(step.indirectMode == .off && step.coil.sensibleCooling == 0)
        #expect(step.waterUse > 0)
        expectBalanced(step)
    }

    /// Humid outdoor air (28 °C, W 0.016) and a humid return (23 °C, W 0.0135, T_wb ≈ 18.9 °C): the direct
    /// cooler is outside its window (T_wb > 18 °C and T_db > 20 °C), the indirect is off (its secondary air is
    /// warmer than its primary) and the chilled-water coil takes it all, its heat the chilled water's load.
    @Test func coilFinishesWhatTheCoolersLeave() {
        let coil = ChilledWaterCoil(ua: 20_000, designWaterMassFlow: 10)
        let humidReturn = AirHandlerUnit.Air(dryBulb: 23, humidityRatio: 0.0135)
        let step = unit(coil: coil).step(massFlow: massFlow, designMassFlow: designMassFlow, returnAir: humidReturn,
                                         outdoor: .init(dryBulb: 28, humidityRatio: 0.016), supplySetpoint: 13,
                                         chilledWaterSupply: 7, pressure: pressure)
        #expect(step.outdoorAirFraction == 0)
        #expect(step.direct.partLoadFraction == 0)
        #expect(step.indirectMode == .off)
        #expect(step.coil.sensibleCooling > 0)
        #expect(step.supply.dryBulb.isApproximatelyEqual(to: 13, absoluteTolerance: 1e-6))
        let rate = massFlow * Psychrometrics.moistAirSpecificHeat(humidityRatio: humidReturn.humidityRatio)
        let removed = step.economiserHeat + step.directCooling + step.indirectCooling
            + step.coil.sensibleCooling - step.fanHeat
        #expect((rate * (humidReturn.dryBulb - step.supply.dryBulb)).isApproximatelyEqual(to: removed, relativeTolerance: 1e-9))
        #expect(step.coil.waterLeaving > 7)
    }

    /// The West zone's DX coil (131.8 kW as EnergyPlus autosized it, COP 3, packaged-AC curves) on a hot humid
    /// afternoon (30 °C, W 0.014): the mixer is closed, the direct cooler brings the return air (T_wb 16.3 °C)
    /// to 18.4 °C at full load, the indirect is off (its outdoor secondary air is warmer) and the DX coil takes
    /// the rest down to 15 °C, drawing compressor power.
    @Test func dxCoilAfterTheCoolers() {
        let coil = DXCoolingCoil(ratedTotalCapacity: Watts(131_787), ratedSensibleHeatRatio: 0.70159, ratedCOP: 3,
                                 ratedAirFlow: 5.307, curves: .energyPlusPackagedAC)
        let step = unit(dxCoil: coil).step(massFlow: massFlow, designMassFlow: designMassFlow, returnAir: returnAir,
                                           outdoor: .init(dryBulb: 30, humidityRatio: 0.014), supplySetpoint: 15,
                                           chilledWaterSupply: 7, pressure: pressure)
        #expect(step.direct.partLoadFraction == 1 && step.indirectMode == .off)
        #expect(step.dx.power > 0 && step.dx.unmetSensible < 1e-6)
        #expect(step.supply.dryBulb.isApproximatelyEqual(to: 15, absoluteTolerance: 1e-9))
        #expect(step.dxCooling.isApproximatelyEqual(to: step.dx.sensibleRemoved, relativeTolerance: 1e-9))
        expectBalanced(step)
    }

    /// No flow: nothing runs, no power.
    @Test func noFlowDoesNothing() {
        let step = unit().step(massFlow: 0, designMassFlow: designMassFlow, returnAir: returnAir,
                               outdoor: .init(dryBulb: 30, humidityRatio: 0.006), supplySetpoint: 17,
                               chilledWaterSupply: 7, pressure: pressure)
        #expect(step.electricPower == 0 && step.waterUse == 0 && step.supply.dryBulb == returnAir.dryBulb)
    }
}
