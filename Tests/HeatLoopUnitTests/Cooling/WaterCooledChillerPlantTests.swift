import HeatLoop
import HeatLoopTestSupport
import Testing

/// A 2 MW water-cooled plant for 12/18 °C chilled water: Carrier 19XR VSD curves (fitted for 7.2…12.8 °C
/// chilled water and 12.8…26.7 °C condenser water), a 3 MW tower at the CTI point (approach 3.9 K, range
/// 5.6 K, 30 kW fans n 3), and a 1.5 K plate heat exchanger as water-side economiser.
private let curveSet = ChillerCurveSet.named("carrier-19xr-vsd")!
private let chiller = Chiller(curveSet: curveSet, capacity: .megawatts(2))
private let tower = CoolingTower(
    designCapacity: .megawatts(3), approach: TemperatureDelta(3.9), range: TemperatureDelta(5.6),
    fan: AffinityMachine(designPower: .kilowatts(30), exponent: 3, minimumFraction: 0.2),
    cyclesOfConcentration: 4, driftFraction: 8e-5)
private let economiser = PlateHeatExchanger(approach: TemperatureDelta(1.5))
private let withEconomiser = WaterCooledChillerPlant(chiller: chiller, condenser: .coolingTower(tower), economiser: economiser)
private let mechanicalOnly = WaterCooledChillerPlant(chiller: chiller, condenser: .coolingTower(tower), economiser: nil)

private let cp = 4180.0
/// 1.5 MW carried 18 → 12 °C: ṁ c_p = 250 000 W/K.
private let flow = 1.5e6 / (cp * 6)

@Suite("Water-cooled chiller plant")
struct WaterCooledChillerPlantTests {
    @Test("mechanical: condenser entering = tower leaving = T_wb + approach; tower takes evaporator + compressor heat")
    func condenserHeat() {
        let step = mechanicalOnly.step(load: 1.5e6, waterIn: 18, flow: flow, setpoint: 12, dryBulb: 30, wetBulb: 18)
        #expect(step.mode == .mechanical)
        #expect(step.removed.isApproximatelyEqual(to: 1.5e6))
        // The chiller sees 18 + 3.9 = 21.9 °C condenser water (tower below its 3 MW design).
        let alone = chiller.step(load: 1.5e6, chilledWaterLeaving: 12, condenserEntering: 21.9)
        #expect(step.chillerPower.isApproximatelyEqual(to: alone.power, relativeTolerance: 1e-12))
        #expect(!step.curveInputsClamped)
        // Condenser heat = evaporator + compressor, and it is what the tower rejects.
        #expect(step.heatToAtmosphere.isApproximatelyEqual(to: step.removed + step.chillerPower, relativeTolerance: 1e-14))
        let towerStep = tower.step(load: step.heatToAtmosphere, wetBulb: 18)
        #expect(step.fanPower.isApproximatelyEqual(to: towerStep.fanPower, relativeTolerance: 1e-14))
        // Make-up = E + D + B = (C/(C − 1)) E with E = 0.00153 ṁ R = 0.00153 Q / c_p (CTI), C = 4.
        #expect(step.waterUse.isApproximatelyEqual(
            to: 0.00085 * 1.8 * step.heatToAtmosphere / cp * (1 + 1.0 / 3), relativeTolerance: 1e-12))
        checkLoopEnergyBalance(heatIn: 1.5e6, recovered: 0, rejected: step.removed, stored: 0)
    }

    @Test("overloaded tower: condenser water floats to T_wb + A·Q/Q_d and the chiller is evaluated there")
    func overloadedTower() {
        var small = tower
        small.designCapacity = .megawatts(1)
        let plant = WaterCooledChillerPlant(chiller: chiller, condenser: .coolingTower(small), economiser: nil)
        let step = plant.step(load: 1.5e6, waterIn: 18, flow: flow, setpoint: 12, dryBulb: 30, wetBulb: 15)
        // First pass at 15 + 3.9 = 18.9 °C; evaporator + compressor heat exceed the 1 MW design, so the water
        // floats to 15 + 3.9·Q/1 MW and the chiller is evaluated once more there.
        let first = chiller.step(load: 1.5e6, chilledWaterLeaving: 12, condenserEntering: 18.9)
        let settled = 15 + 3.9 * (1.5e6 + first.power) / 1e6
        let second = chiller.step(load: 1.5e6, chilledWaterLeaving: 12, condenserEntering: settled)
        #expect(step.chillerPower.isApproximatelyEqual(to: second.power, relativeTolerance: 1e-12))
        #expect(step.chillerPower > first.power)
        #expect(step.heatToAtmosphere.isApproximatelyEqual(to: step.removed + step.chillerPower))
        checkLoopEnergyBalance(heatIn: 1.5e6, recovered: 0, rejected: step.removed, stored: 0)
    }

    @Test("water-side economiser: free → partial → mechanical as the wet bulb rises (monotone)")
    func economiserModes() {
        // Free while 18 − 1.5 − T_wb − 3.9 ≥ 6 K, i.e. T_wb ≤ 6.6 °C; partial up to 12.6 °C; mechanical above.
        var modes: [CoolingMode] = [], powers: [Double] = []
        for wetBulb in stride(from: -10.0, through: 26, by: 0.25) {
            let step = withEconomiser.step(load: 1.5e6, waterIn: 18, flow: flow, setpoint: 12,
                                           dryBulb: wetBulb + 5, wetBulb: wetBulb)
            #expect(step.removed.isApproximatelyEqual(to: 1.5e6, relativeTolerance: 1e-12), "T_wb \(wetBulb)")
            #expect(step.heatToAtmosphere.isApproximatelyEqual(to: step.removed + step.chillerPower, relativeTolerance: 1e-14))
            checkLoopEnergyBalance(heatIn: 1.5e6, recovered: 0, rejected: step.removed, stored: 0)
            let expected: CoolingMode = wetBulb <= 6.6 - 1e-9 ? .free : wetBulb < 12.6 - 1e-9 ? .partial : .mechanical
            #expect(step.mode == expected, "T_wb \(wetBulb): \(step.mode) ≠ \(expected)")
            modes.append(step.mode)
            powers.append(step.chillerPower)
        }
        #expect(zip(modes, modes.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(zip(powers, powers.dropFirst()).allSatisfy { $0 <= $1 + 1e-9 })
        #expect(Set(modes) == Set(CoolingMode.allCases))
        // Free: no compressor. Partial at T_wb 10 °C: HX takes 250 000 · (18 − 1.5 − 13.9) = 650 kW, chiller 850 kW.
        let partial = withEconomiser.step(load: 1.5e6, waterIn: 18, flow: flow, setpoint: 12, dryBulb: 15, wetBulb: 10)
        let trim = chiller.step(load: 850_000, chilledWaterLeaving: 12, condenserEntering: 13.9)
        #expect(partial.chillerPower.isApproximatelyEqual(to: trim.power, relativeTolerance: 1e-9))
    }

    @Test("dry cooler as condenser: entering = coil air + approach; adiabatic pads lower it")
    func dryCoolerCondenser() {
        let cooler = DryCooler(designCapacity: .megawatts(3), designInletDifference: TemperatureDelta(12),
                               approach: TemperatureDelta(5),
                               fan: AffinityMachine(designPower: .kilowatts(40), exponent: 2.6, minimumFraction: 0.2),
                               designAirFlow: KilogramsPerSecond(250), adiabatic: nil)
        let plant = WaterCooledChillerPlant(chiller: chiller, condenser: .dryCooler(cooler), economiser: nil)
        let step = plant.step(load: 1.5e6, waterIn: 18, flow: flow, setpoint: 12, dryBulb: 20, wetBulb: 14)
        let alone = chiller.step(load: 1.5e6, chilledWaterLeaving: 12, condenserEntering: 25)
        #expect(step.chillerPower.isApproximatelyEqual(to: alone.power, relativeTolerance: 1e-12))
        #expect(step.waterUse == 0 && step.fanPower > 0)
        // Pads (ε 0.7 above 15 °C): coil air 20 − 0.7·6 = 15.8 °C, condenser water 20.8 °C: less power, some water.
        var padded = cooler
        padded.adiabatic = AdiabaticPrecooling(switchTemperature: Celsius(15), effectiveness: 0.7, cyclesOfConcentration: 3)
        let wet = WaterCooledChillerPlant(chiller: chiller, condenser: .dryCooler(padded), economiser: nil)
            .step(load: 1.5e6, waterIn: 18, flow: flow, setpoint: 12, dryBulb: 20, wetBulb: 14)
        let cooler20_8 = chiller.step(load: 1.5e6, chilledWaterLeaving: 12, condenserEntering: 20.8)
        #expect(wet.chillerPower.isApproximatelyEqual(to: cooler20_8.power, relativeTolerance: 1e-12))
        #expect(wet.chillerPower < step.chillerPower && wet.waterUse > 0)
        checkLoopEnergyBalance(heatIn: 1.5e6, recovered: 0, rejected: step.removed, stored: 0)
    }

    @Test("load above the chiller stays in the water; zero load costs nothing")
    func limits() {
        let over = mechanicalOnly.step(load: 5e6, waterIn: 18, flow: flow, setpoint: 12, dryBulb: 30, wetBulb: 18)
        // PLR_max 1.01 of the capacity at 21.9 °C condenser water (≈ 2.3 MW of heat, inside the 3 MW tower).
        let available = chiller.availableCapacity(chilledWaterLeaving: 12, condenserEntering: 21.9)
        #expect(over.removed.isApproximatelyEqual(to: 1.01 * available, relativeTolerance: 1e-12))
        checkLoopEnergyBalance(heatIn: 5e6, recovered: 0, rejected: over.removed, stored: 5e6 - over.removed)
        let idle = withEconomiser.step(load: 0, waterIn: 18, flow: flow, setpoint: 12, dryBulb: 30, wetBulb: 18)
        #expect(idle.removed == 0 && idle.chillerPower == 0 && idle.fanPower == 0 && idle.waterUse == 0)
    }
}
