import HeatLoop
import HeatLoopTestSupport
import Testing

/// The YorkCalc variable-speed tower (`CoolingTower:VariableSpeed`) with the 2-zone IDF's correlation and fan curve,
/// 100 kg/s of water, a 20 kW fan, setpoint max(T_wb, 10 °C). Reference values by hand (a short script evaluating the
/// 27-term polynomial in EnergyPlus's written-out order, c₁ + c₂ T_wb + c₃ T_wb² + c₄ R + …, and bisecting as the
/// Engineering Reference describes; "Variable Speed Cooling Towers Empirical Models").
@Suite struct YorkCalcTowerTests {
    let correlation = YorkCalcCorrelation.energyPlusDefault

    func tower(freeConvection: Double = 0.125, minimumAirFlow: Double = 0.2) -> YorkCalcTower {
        YorkCalcTower(
            correlation: correlation, designWaterFlow: 100,
            designWaterFlowRatio: YorkCalcTower.calibratedWaterFlowRatio(correlation, wetBulb: 25.6, range: 5.6, approach: 3.9) ?? 0,
            designFanPower: Watts(20_000), fanPowerRatio: YorkCalcTower.energyPlusFanPowerRatio,
            minimumAirFlowRatio: minimumAirFlow, freeConvectionFraction: freeConvection, designAirFlow: 50,
            setpoint: WetBulbReset(offset: TemperatureDelta(0), minimum: Celsius(10), maximum: Celsius(80)),
            cyclesOfConcentration: 4, driftFraction: 0.0005)
    }

    /// A(25.6 °C, 5.6 K, LG 1) = 3.8560728318 K; A(20 °C, 4 K, LG 1.25) = 5.0643587757 K.
    @Test func correlationInEnergyPlusOrder() {
        #expect(correlation.approach(wetBulb: 25.6, range: 5.6, liquidToGas: 1).isApproximatelyEqual(to: 3.8560728318, relativeTolerance: 1e-9))
        #expect(correlation.approach(wetBulb: 20, range: 4, liquidToGas: 1.25).isApproximatelyEqual(to: 5.0643587757, relativeTolerance: 1e-9))
    }

    /// EnergyPlus's defaults (25.6 °C, 3.9 K approach, 5.6 K range) calibrate to FR_water 1.00904392; an approach the
    /// correlation cannot give at any water flow ratio has no calibration.
    @Test func calibration() throws {
        let ratio = try #require(YorkCalcTower.calibratedWaterFlowRatio(correlation, wetBulb: 25.6, range: 5.6, approach: 3.9))
        #expect(ratio.isApproximatelyEqual(to: 1.00904392, relativeTolerance: 1e-6))
        #expect(YorkCalcTower.calibratedWaterFlowRatio(correlation, wetBulb: 25.6, range: 5.6, approach: 0.5) == nil)
    }

    /// 1.5 MW at T_wb 20 °C (setpoint 20 °C, unreachable): fan at full speed, R 3.5885 K, leaving 23.5938218 °C.
    @Test func fullFanWhenTheSetpointIsOutOfReach() {
        let step = tower().step(load: 1.5e6, dryBulb: 28, wetBulb: 20)
        #expect(step.leavingWater.isApproximatelyEqual(to: 23.5938218, relativeTolerance: 1e-8))
        #expect(step.enteringWater.isApproximatelyEqual(to: 23.5938218 + 1.5e6 / (100 * 4180), relativeTolerance: 1e-8))
        #expect(step.airFlowRatio == 1 && step.fanPower == 20_000)
        #expect(!step.outsideBounds)
    }

    /// 1 MW at T_wb 0 °C (setpoint 10 °C): the air flow ratio that holds 10 °C is 0.63094270, fan 5026.71 W.
    @Test func fanModulatesToTheSetpoint() {
        let step = tower().step(load: 1e6, dryBulb: 3, wetBulb: 0)
        #expect(step.leavingWater == 10)
        #expect(step.airFlowRatio.isApproximatelyEqual(to: 0.63094270, relativeTolerance: 1e-5))
        #expect(step.fanPower.isApproximatelyEqual(to: 5026.71, relativeTolerance: 1e-4))
    }

    /// 200 kW at T_wb −5 °C: free convection alone leaves the water at 8.7665216 °C, below the setpoint; fan off.
    @Test func freeConvection() {
        let step = tower().step(load: 2e5, dryBulb: -3, wetBulb: -5)
        #expect(step.leavingWater.isApproximatelyEqual(to: 8.7665216, relativeTolerance: 1e-7))
        #expect(step.fanPower == 0 && step.airFlowRatio == 0.125)
    }

    /// Minimum air flow ratio 0.4, free convection 0.05, 40 kW at T_wb 4 °C: T_off 10.5928 °C, T_min 9.3699 °C, so
    /// the fan cycles at FR_min for c = 0.48477419 of the step: fan 624.846 W, mean air flow ratio 0.21967097.
    @Test func fanCyclesAtItsMinimum() {
        let step = tower(freeConvection: 0.05, minimumAirFlow: 0.4).step(load: 4e4, dryBulb: 6, wetBulb: 4)
        #expect(step.leavingWater == 10)
        #expect(step.fanPower.isApproximatelyEqual(to: 624.846085, relativeTolerance: 1e-6))
        #expect(step.airFlowRatio.isApproximatelyEqual(to: 0.21967097, relativeTolerance: 1e-6))
    }

    /// A wet bulb above the correlation's 26.6667 °C: evaluated at the cap (leaving 29.2975871 °C) and reported.
    @Test func outOfBoundsIsReportedNotSilent() {
        let step = tower().step(load: 1.5e6, dryBulb: 35, wetBulb: 28)
        #expect(step.leavingWater.isApproximatelyEqual(to: 29.2975871, relativeTolerance: 1e-8))
        #expect(step.outsideBounds)
        let sink = CondenserHeatSink.yorkCalcTower(tower()).reject(load: 1.5e6, dryBulb: 35, wetBulb: 28)
        #expect(sink.outsideBounds)
    }

    /// Water: drift d ṁ FR_air, blowdown E / (C − 1) − D. With saturated inlet air the evaporation carries most but
    /// not all of the heat as latent heat (the saturated exit air is also warmer), so E h_fg lies between 60 % and
    /// 100 % of Q; drier inlet air is also humidified on its way to saturation, so it evaporates more.
    @Test func waterUse() {
        let step = tower().step(load: 1.5e6, dryBulb: 20, wetBulb: 20)
        #expect(step.drift.isApproximatelyEqual(to: 0.0005 * 100, relativeTolerance: 1e-12))
        #expect(step.blowdown.isApproximatelyEqual(to: step.evaporation / 3 - step.drift, relativeTolerance: 1e-12))
        let latent = step.evaporation * Psychrometrics.latentHeatOfEvaporation(temperature: 22) / 1.5e6
        #expect(latent > 0.6 && latent < 1.0)
        #expect(tower().step(load: 1.5e6, dryBulb: 28, wetBulb: 20).evaporation > step.evaporation)
        #expect(tower().step(load: 0, dryBulb: 28, wetBulb: 20).waterUse == 0)
    }

    /// The condenser pump runs at design power while the plant rejects heat and its shaft power reaches the tower.
    @Test func condenserPumpInThePlant() {
        let chiller = Chiller(model: .electricBLAST(.twoZoneDataCenter), capacity: Watts(1e6),
                              evaporatorApproach: TemperatureDelta(0), condenserApproach: TemperatureDelta(0), maximumCOP: .infinity)
        let pump = CondenserPump(designPower: CondenserPump.designPower(volumeFlow: 0.1, head: 140_000, motorEfficiency: 0.9),
                                 heatToWater: 0.9)
        #expect(pump.designPower.value.isApproximatelyEqual(to: 0.1 * 140_000 / 0.702, relativeTolerance: 1e-12))
        let with = WaterCooledChillerPlant(chiller: chiller, condenser: .yorkCalcTower(tower()), economiser: nil, condenserPump: pump)
        let without = WaterCooledChillerPlant(chiller: chiller, condenser: .yorkCalcTower(tower()), economiser: nil)
        let a = with.step(load: 5e5, waterIn: 11, flow: 30, setpoint: 7, dryBulb: 30, wetBulb: 22)
        let b = without.step(load: 5e5, waterIn: 11, flow: 30, setpoint: 7, dryBulb: 30, wetBulb: 22)
        #expect(a.pumpPower == pump.designPower.value && b.pumpPower == 0)
        #expect(a.heatToAtmosphere.isApproximatelyEqual(to: a.removed + a.chillerPower + a.pumpPower, relativeTolerance: 1e-12))
        #expect(a.chillerPower > b.chillerPower) // its heat warms the condenser water
        #expect(with.step(load: 0, waterIn: 7, flow: 0, setpoint: 7, dryBulb: 30, wetBulb: 22).pumpPower == 0)
    }
}
