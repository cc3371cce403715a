import HeatLoop
import HeatLoopTestSupport
import Testing

/// Dry cooler: 1 MW at 10 K ITD, 3 K approach, 20 kW fans (n 2.6, φ_min 0.2). Trim chiller: Carnot η 0.55,
/// 1 MW, approaches 2 K / 10 K, COP ≤ 12.
private let dryCooler = DryCooler(
    designCapacity: .megawatts(1), designInletDifference: TemperatureDelta(10), approach: TemperatureDelta(3),
    fan: AffinityMachine(designPower: .kilowatts(20), exponent: 2.6, minimumFraction: 0.2),
    designAirFlow: KilogramsPerSecond(100), adiabatic: nil)
private let trim = Chiller(model: .carnot(efficiency: 0.55), capacity: .megawatts(1),
                           evaporatorApproach: TemperatureDelta(2), condenserApproach: TemperatureDelta(10),
                           maximumCOP: 12)
private let economiser = HeatRejection.dryCooler(dryCooler, trimChiller: trim)

@Suite("Heat-rejection plants and economiser modes")
struct HeatRejectionTests {
    @Test("free cooling: the dry cooler alone takes the whole load")
    func free() {
        // 50 kg/s from 40 °C, 20 °C air: Q_full = 1 MW·20/10 = 2 MW < 50·4180·17 = 3.553 MW → capacity 2 MW.
        let step = economiser.step(load: 1.5e6, waterIn: 40, flow: 50, setpoint: 30, dryBulb: 20, wetBulb: 15)
        #expect(step.mode == .free)
        #expect(step.removed.isApproximatelyEqual(to: 1.5e6))
        #expect(step.chillerPower == 0)
        // φ = 1.5/2 = 0.75: 20 kW · 0.75^2.6 = 9466.49653970231 W (bc -l).
        #expect(step.fanPower.isApproximatelyEqual(to: 9466.49653970231, relativeTolerance: 1e-12))
        checkLoopEnergyBalance(heatIn: 1.5e6, recovered: 0, rejected: step.removed, stored: 0)
    }

    @Test("partial: the dry cooler pre-cools, the trim chiller takes the rest")
    func partial() {
        // 50 kg/s from 24 °C with 20 °C air: approach limit 50·4180·(24 − 20 − 3) = 209 000 W (< Q_full 0.4 MW).
        let step = economiser.step(load: 0.5e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 20, wetBulb: 15)
        #expect(step.mode == .partial)
        #expect(step.removed.isApproximatelyEqual(to: 0.5e6))
        #expect(step.fanPower.isApproximatelyEqual(to: 20_000))
        // Chiller: 291 000 W at 18 °C leaving, 20 °C air: COP = 0.55·289.15/14 = 11.3594642857143.
        #expect(step.chillerPower.isApproximatelyEqual(to: 291_000 / 11.3594642857143, relativeTolerance: 1e-12))
        checkLoopEnergyBalance(heatIn: 0.5e6, recovered: 0, rejected: step.removed, stored: 0)
    }

    @Test("mechanical: air too warm for the dry cooler, the chiller does everything")
    func mechanical() {
        // 35 °C air, 24 °C water: no dry-cooler capacity. COP = 0.55·289.15/29 = 5.48387931034483.
        let step = economiser.step(load: 0.8e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 35, wetBulb: 24)
        #expect(step.mode == .mechanical)
        #expect(step.removed.isApproximatelyEqual(to: 0.8e6))
        #expect(step.fanPower == 0)
        #expect(step.chillerPower.isApproximatelyEqual(to: 0.8e6 / 5.48387931034483, relativeTolerance: 1e-12))
        checkLoopEnergyBalance(heatIn: 0.8e6, recovered: 0, rejected: step.removed, stored: 0)
        // 2 MW against a 1 MW chiller: 1 MW stays in the water.
        let short = economiser.step(load: 2e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 35, wetBulb: 24)
        #expect(short.removed.isApproximatelyEqual(to: 1e6))
        checkLoopEnergyBalance(heatIn: 2e6, recovered: 0, rejected: short.removed, stored: 1e6)
    }

    @Test("dry cooler without trim chiller: always free cooling; what it cannot remove stays in the water")
    func noTrim() {
        let plant = HeatRejection.dryCooler(dryCooler, trimChiller: nil)
        let partial = plant.step(load: 0.5e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 20, wetBulb: 15)
        #expect(partial.mode == .free)
        #expect(partial.chillerPower == 0)
        checkLoopEnergyBalance(heatIn: 0.5e6, recovered: 0, rejected: partial.removed, stored: 0.5e6 - 209_000)
        let hot = plant.step(load: 0.5e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 35, wetBulb: 24)
        #expect(hot.mode == .free && hot.removed == 0)
        checkLoopEnergyBalance(heatIn: 0.5e6, recovered: 0, rejected: hot.removed, stored: 0.5e6)
    }

    @Test("air-cooled chiller plant is always mechanical, clamped at capacity")
    func chillerPlant() {
        let plant = HeatRejection.chiller(trim)
        let cold = plant.step(load: 0.4e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: -5, wetBulb: -6)
        #expect(cold.mode == .mechanical)
        #expect(cold.fanPower == 0 && cold.waterUse == 0)
        // −5 °C air: lift negative → COP at its cap, 12.
        #expect(cold.chillerPower.isApproximatelyEqual(to: 0.4e6 / 12))
        checkLoopEnergyBalance(heatIn: 0.4e6, recovered: 0, rejected: cold.removed, stored: 0)
        let over = plant.step(load: 1.6e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 30, wetBulb: 20)
        checkLoopEnergyBalance(heatIn: 1.6e6, recovered: 0, rejected: over.removed, stored: 0.6e6)
    }

    @Test("CoolingMode raw values match the result file (0 free, 1 partial, 2 mechanical)")
    func modeCodes() {
        #expect(CoolingMode.free.rawValue == 0 && CoolingMode.partial.rawValue == 1 && CoolingMode.mechanical.rawValue == 2)
        #expect(CoolingMode.free < .partial && CoolingMode.partial < .mechanical)
        #expect(CoolingMode.allCases.map(\.name) == ["free", "partial", "mechanical"])
    }

    @Test("EIR trim chiller: condenser fans count as fan power, clamped curve inputs are reported")
    func eirTrim() throws {
        var curves = try #require(ChillerCurveSet.named("carrier-30xa-screw")).curves
        curves.condenserFanPowerRatio = 0.01
        let eirTrim = Chiller(model: .electricEIR(curves), capacity: .megawatts(1), evaporatorApproach: TemperatureDelta(0),
                              condenserApproach: TemperatureDelta(0), maximumCOP: .infinity)
        let plant = HeatRejection.dryCooler(dryCooler, trimChiller: eirTrim)
        // 35 °C air: no dry-cooler capacity; the 30XA takes it all at 35 °C condenser air (inside its fit),
        // but 18 °C chilled water is above its 4.44…10 °C fit: clamped and reported.
        let step = plant.step(load: 0.5e6, waterIn: 24, flow: 50, setpoint: 18, dryBulb: 35, wetBulb: 24)
        let alone = eirTrim.step(load: 0.5e6, chilledWaterLeaving: 18, dryBulb: 35)
        #expect(step.mode == .mechanical && step.curveInputsClamped)
        #expect(step.chillerPower == alone.power)
        #expect(step.fanPower.isApproximatelyEqual(to: 10_000))
        #expect(step.heatToAtmosphere.isApproximatelyEqual(to: 0.5e6 + alone.power))
    }

    @Test("loop energy balance Q_in = Q_rejected + C dT/dt on every plant over 2 000 random steps",
          arguments: allPlants)
    func loopBalance(plant: HeatRejection) {
        let loop = CoolingLoop(
            supplySetpoint: Celsius(12), designDeltaT: TemperatureDelta(6), designHeat: .megawatts(2),
            thermalCapacity: 2e8, pump: AffinityMachine(designPower: .kilowatts(30), exponent: 3, minimumFraction: 0.3),
            rejection: plant)
        var random = TestLCG(seed: 0x4EA7_1009)
        var supply = 12.0
        let dt = 900.0
        for trial in 0..<2_000 {
            let dryBulb = random.next(in: -15...42)
            let wetBulb = dryBulb - random.next(in: 0...12)
            let heat = random.next(in: 0...2.6e6)
            let collection = loop.collect(heat: heat, supply: supply, stepSeconds: dt)
            let recovered = trial.isMultiple(of: 3) ? min(collection.heatToShed, random.next(in: 0...0.5e6)) : 0
            let step = loop.reject(collection, recovered: recovered, supply: supply, stepSeconds: dt,
                                   dryBulb: dryBulb, wetBulb: wetBulb)
            checkLoopEnergyBalance(loop: loop, supply: supply, collection: collection, recovered: recovered,
                                   step: step, stepSeconds: dt)
            let r = step.rejection
            #expect(r.heatToAtmosphere.isApproximatelyEqual(to: r.removed + r.chillerPower + r.pumpPower, relativeTolerance: 1e-12))
            #expect(r.removed >= 0 && r.chillerPower >= 0 && r.fanPower >= 0 && r.waterUse >= 0)
            supply = step.nextSupply
        }
    }
}

/// One of each `HeatRejection` case (and every condenser sink, the YorkCalc tower with a condenser pump), all 2–3 MW.
private let allPlants: [HeatRejection] = {
    let tower = CoolingTower(designCapacity: .megawatts(3), approach: TemperatureDelta(3.9), range: TemperatureDelta(5.6),
                             fan: AffinityMachine(designPower: .kilowatts(30), exponent: 3, minimumFraction: 0.2),
                             cyclesOfConcentration: 4, driftFraction: 8e-5)
    let water = Chiller(curveSet: ChillerCurveSet.named("york-yk-vsd")!, capacity: .megawatts(2.5))
    let air = Chiller(curveSet: ChillerCurveSet.named("carrier-30rb-scroll")!, capacity: .megawatts(2.5))
    let hx = PlateHeatExchanger(approach: TemperatureDelta(1.5))
    let correlation = YorkCalcCorrelation.energyPlusDefault
    let yorkCalc = YorkCalcTower(
        correlation: correlation, designWaterFlow: 3e6 / (4180 * 5.6),
        designWaterFlowRatio: YorkCalcTower.calibratedWaterFlowRatio(correlation, wetBulb: 25.6, range: 5.6, approach: 3.9)!,
        designFanPower: .kilowatts(30), fanPowerRatio: YorkCalcTower.energyPlusFanPowerRatio, minimumAirFlowRatio: 0.2,
        freeConvectionFraction: 0.125, designAirFlow: 80,
        setpoint: WetBulbReset(offset: TemperatureDelta(3), minimum: Celsius(12), maximum: Celsius(35)),
        cyclesOfConcentration: 4, driftFraction: 5e-4)
    let pump = CondenserPump(designPower: .kilowatts(25), heatToWater: 0.9)
    let blast = Chiller(model: .electricBLAST(.twoZoneDataCenter), capacity: .megawatts(2.5), evaporatorApproach: TemperatureDelta(0),
                        condenserApproach: TemperatureDelta(0), maximumCOP: .infinity)
    return [
        .dryCooler(dryCooler, trimChiller: trim),
        .dryCooler(dryCooler, trimChiller: air),
        .dryCooler(dryCooler, trimChiller: nil),
        .chiller(trim),
        .chiller(air),
        .waterCooledChiller(WaterCooledChillerPlant(chiller: water, condenser: .coolingTower(tower), economiser: hx)),
        .waterCooledChiller(WaterCooledChillerPlant(chiller: water, condenser: .coolingTower(tower), economiser: nil)),
        .waterCooledChiller(WaterCooledChillerPlant(chiller: water, condenser: .dryCooler(dryCooler), economiser: hx)),
        .waterCooledChiller(WaterCooledChillerPlant(chiller: water, condenser: .yorkCalcTower(yorkCalc), economiser: hx,
                                                    condenserPump: pump)),
        .waterCooledChiller(WaterCooledChillerPlant(chiller: blast, condenser: .yorkCalcTower(yorkCalc), economiser: nil,
                                                    condenserPump: pump)),
    ]
}()
