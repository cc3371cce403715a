import HeatLoop
import HeatLoopTestSupport
import Testing

/// Reference values: independent hand calculation (ASHRAE Fundamentals 2017 ch. 1 eq. 6, 26, 30, 33;
/// the EnergyPlus Engineering Reference equations quoted in each model's doc comment; Python, not the
/// Swift code), at 101 325 Pa, ρ_w 995.6 kg/m³.
@Suite struct EvaporativeCoolerTests {
    let pressure = Psychrometrics.standardSeaLevelPressure

    /// The DEC of `2ZoneDataCenterHVAC_wEconomizer.idf` (ε 0.7, pump 30 W, drift 0, blowdown 3).
    func directCooler(limits: EvaporativeOperatingLimits? = nil) -> DirectEvaporativeCooler {
        DirectEvaporativeCooler(effectiveness: 0.7, pumpDesignPower: 30, driftFraction: 0,
                                blowdownConcentrationRatio: 3, limits: limits)
    }

    /// 30 °C, W 0.008 (T_wb 18.038 °C), 5 kg/s: full load T_out = 30 − 0.7 · 11.962 = 21.627 °C,
    /// W_out 0.011467, evaporation 1.7411e-5 m³/s, blowdown half of it.
    @Test func directFullLoad() {
        let step = directCooler().step(massFlow: 5, inletDryBulb: 30, inletHumidityRatio: 0.008, setpoint: 15, pressure: pressure)
        #expect(step.outletDryBulb.isApproximatelyEqual(to: 21.6266, absoluteTolerance: 2e-3))
        #expect(step.outletHumidityRatio.isApproximatelyEqual(to: 0.0114668, relativeTolerance: 1e-3))
        #expect(step.partLoadFraction == 1)
        #expect(step.electricPower == 30)
        #expect(step.water.evaporation.isApproximatelyEqual(to: 1.74107e-5, relativeTolerance: 2e-3))
        #expect(step.water.blowdown.isApproximatelyEqual(to: step.water.evaporation / 2, relativeTolerance: 1e-12))
        #expect(step.sensibleCooling.isApproximatelyEqual(to: 42_741, relativeTolerance: 2e-3))
    }

    /// Setpoint 25 °C: PLF = 5 / 8.373 = 0.59713, outlet at the setpoint, pump 17.91 W, W_out 0.0100649.
    @Test func directModulatesToSetpoint() {
        let step = directCooler().step(massFlow: 5, inletDryBulb: 30, inletHumidityRatio: 0.008, setpoint: 25, pressure: pressure)
        #expect(step.outletDryBulb.isApproximatelyEqual(to: 25, absoluteTolerance: 1e-9))
        #expect(step.partLoadFraction.isApproximatelyEqual(to: 0.597132, relativeTolerance: 2e-4))
        #expect(step.electricPower.isApproximatelyEqual(to: 17.914, relativeTolerance: 2e-4))
        #expect(step.water.evaporation.isApproximatelyEqual(to: 1.03701e-5, relativeTolerance: 2e-3))
    }

    /// The IDF's window (T_db ≥ 16 °C and (T_wb ≤ 18 °C or T_db ≤ 20 °C)): off at 30 °C / T_wb 18.04 °C
    /// and at 15 °C, on at 19 °C / W 0.006, and on at 30 °C / W 0.006 (T_wb 16.36 °C ≤ 18 °C).
    @Test func directOperatingWindow() {
        let limits = EvaporativeOperatingLimits(minimumDryBulb: Celsius(16), maximumWetBulb: Celsius(18), maximumDryBulb: Celsius(20))
        let cooler = directCooler(limits: limits)
        let hot = cooler.step(massFlow: 5, inletDryBulb: 30, inletHumidityRatio: 0.008, setpoint: 10, pressure: pressure)
        let cold = cooler.step(massFlow: 5, inletDryBulb: 15, inletHumidityRatio: 0.006, setpoint: 10, pressure: pressure)
        let mild = cooler.step(massFlow: 5, inletDryBulb: 19, inletHumidityRatio: 0.006, setpoint: 10, pressure: pressure)
        #expect(hot.outletDryBulb == 30 && hot.water.total == 0 && hot.electricPower == 0)
        #expect(cold.outletDryBulb == 15 && cold.water.total == 0)
        // T_wb 12.150 °C: 19 − 0.7 · 6.850 = 14.205 °C.
        #expect(mild.outletDryBulb.isApproximatelyEqual(to: 14.2048, absoluteTolerance: 2e-3))
        let hotDry = cooler.step(massFlow: 5, inletDryBulb: 30, inletHumidityRatio: 0.006, setpoint: 10, pressure: pressure)
        #expect(hotDry.partLoadFraction == 1)
    }

    /// An IEC with design power 1000 W (fan) + 500 W (pump) and the IDF's effectiveness and tables;
    /// `secondaryDesignFlow` gives the secondary-to-primary mass ratio exactly 1 at 28 °C / W 0.008.
    func indirectCooler(secondaryDesignFlow: Double) -> IndirectEvaporativeCooler {
        IndirectEvaporativeCooler(
            wetEffectiveness: 0.70, wetEffectivenessModifier: EvaporativeCoolerCurveSets.muntersWetEffectiveness,
            dryEffectiveness: 0.72, dryEffectivenessModifier: EvaporativeCoolerCurveSets.muntersDryEffectiveness,
            dewPointEffectivenessFactor: 0.9, secondaryDesignFlow: secondaryDesignFlow,
            fanDesignPower: 1000, fanPowerModifier: EvaporativeCoolerCurveSets.secondaryFanPower,
            pumpDesignPower: 500, pumpPowerModifier: EvaporativeCoolerCurveSets.twoSpeedSprayPump,
            driftFraction: 0, blowdownConcentrationRatio: nil,
            limits: IndirectEvaporativeLimits(minimumSecondaryDryBulbForWet: Celsius(20), maximumSecondaryWetBulbForWet: Celsius(24),
                                              maximumDryBulbForDry: Celsius(50)))
    }

    /// Primary 10 kg/s at 30 °C / W 0.010; secondary 28 °C / W 0.008 (T_wb 17.362 °C, T_dp 10.700 °C),
    /// ratio 1 (f_wb = 1): full wet T_out = 30 − 0.7 · 12.638 = 21.153 °C (dew-point bound 12.63 °C not
    /// reached), Q 90.645 kW, evaporation 3.5661e-5 m³/s, power 1500 W.
    @Test func indirectWetFull() {
        let secondary = IndirectEvaporativeCooler.SecondaryAir(dryBulb: 28, humidityRatio: 0.008, pressure: pressure)
        let (step, mode) = indirectCooler(secondaryDesignFlow: 8.640967).step(
            massFlow: 10, inletDryBulb: 30, inletHumidityRatio: 0.010, setpoint: 15, secondary: secondary, pressure: pressure)
        #expect(mode == .wetFull)
        #expect(step.outletDryBulb.isApproximatelyEqual(to: 21.1531, absoluteTolerance: 2e-3))
        #expect(step.outletHumidityRatio == 0.010)
        #expect(step.sensibleCooling.isApproximatelyEqual(to: 90_645, relativeTolerance: 2e-4))
        #expect(step.electricPower.isApproximatelyEqual(to: 1500, relativeTolerance: 1e-9))
        #expect(step.water.evaporation.isApproximatelyEqual(to: 3.5661e-5, relativeTolerance: 1e-3))
    }

    /// Setpoint 25 °C: f_wb(r) = 5 / (0.7 · 12.638) = 0.56517 → r = 0.17154 (on the 0.125…0.25 segment),
    /// power = 1000 · fan(0.17154) + 500 · 0.4 = 212.94 W, evaporation 2.0155e-5 m³/s.
    @Test func indirectWetModulatesSecondaryFlow() {
        let secondary = IndirectEvaporativeCooler.SecondaryAir(dryBulb: 28, humidityRatio: 0.008, pressure: pressure)
        let (step, mode) = indirectCooler(secondaryDesignFlow: 8.640967).step(
            massFlow: 10, inletDryBulb: 30, inletHumidityRatio: 0.010, setpoint: 25, secondary: secondary, pressure: pressure)
        #expect(mode == .wetModulated)
        #expect(step.outletDryBulb == 25)
        #expect(step.electricPower.isApproximatelyEqual(to: 212.94, relativeTolerance: 1e-3))
        #expect(step.water.evaporation.isApproximatelyEqual(to: 2.0155e-5, relativeTolerance: 1e-3))
    }

    /// Secondary 15 °C (below the 20 °C wet limit) → dry; ratio 1, f_db(1) = 0.96299:
    /// T_out = 30 − 0.72 · 0.96299 · 15 = 19.600 °C, fan only (1000 W), no water.
    @Test func indirectDryFull() {
        let secondary = IndirectEvaporativeCooler.SecondaryAir(dryBulb: 15, humidityRatio: 0.006, pressure: pressure)
        let (step, mode) = indirectCooler(secondaryDesignFlow: 8.241705).step(
            massFlow: 10, inletDryBulb: 30, inletHumidityRatio: 0.010, setpoint: 12, secondary: secondary, pressure: pressure)
        #expect(mode == .dryFull)
        #expect(step.outletDryBulb.isApproximatelyEqual(to: 19.5997, absoluteTolerance: 2e-3))
        #expect(step.electricPower.isApproximatelyEqual(to: 1000, relativeTolerance: 1e-9))
        #expect(step.water == .none)
    }

    /// Off when the inlet needs no cooling, or the secondary air is warmer than the inlet.
    @Test func indirectOff() {
        let cooler = indirectCooler(secondaryDesignFlow: 8.64)
        let warm = IndirectEvaporativeCooler.SecondaryAir(dryBulb: 35, humidityRatio: 0.008, pressure: pressure)
        let mild = IndirectEvaporativeCooler.SecondaryAir(dryBulb: 28, humidityRatio: 0.008, pressure: pressure)
        #expect(cooler.step(massFlow: 10, inletDryBulb: 30, inletHumidityRatio: 0.01, setpoint: 20, secondary: warm, pressure: pressure).mode == .off)
        #expect(cooler.step(massFlow: 10, inletDryBulb: 19, inletHumidityRatio: 0.01, setpoint: 20, secondary: mild, pressure: pressure).mode == .off)
    }

    /// Linear interpolation and extrapolation of a 1-D table, output clamped.
    @Test func lookupTable1D() throws {
        let table = try #require(LookupTable1D(x: [0, 1, 2], values: [0, 1, 3], output: 0 ... 4))
        #expect(table(0.5) == 0.5)
        #expect(table(1.5) == 2)
        #expect(table(2.25) == 3.5)
        #expect(table(3) == 4)
        #expect(table(-1) == 0)
        #expect(LookupTable1D(x: [0, 0], values: [1, 2]) == nil)
    }

    /// Drift and blowdown: V_b = max(0, V_e / (R − 1) − V_d).
    @Test func waterUse() {
        let use = EvaporativeWaterUse(evaporation: 1e-3, driftFraction: 0.1, concentrationRatio: 3)
        #expect(use.drift.isApproximatelyEqual(to: 1e-4))
        #expect(use.blowdown.isApproximatelyEqual(to: 4e-4))
        #expect(use.total.isApproximatelyEqual(to: 1.5e-3))
        #expect(EvaporativeWaterUse(evaporation: 1e-3, driftFraction: 0.9, concentrationRatio: 3).blowdown == 0)
    }
}
