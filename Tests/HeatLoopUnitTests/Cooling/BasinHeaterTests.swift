import HeatLoop
import HeatLoopTestSupport
import Testing

/// EnergyPlus's 2-zone example's tower heater: 450 W/K below 4.5 °C.
private let heater = BasinHeater(capacityPerKelvin: 450, setpoint: Celsius(4.5))
private let chiller = Chiller(curveSet: ChillerCurveSet.named("carrier-19xr-vsd")!, capacity: .megawatts(2))
private let tower = CoolingTower(
    designCapacity: .megawatts(3), approach: TemperatureDelta(3.9), range: TemperatureDelta(5.6),
    fan: AffinityMachine(designPower: .kilowatts(30), exponent: 3, minimumFraction: 0.2),
    cyclesOfConcentration: 4, driftFraction: 8e-5)
private let plant = WaterCooledChillerPlant(chiller: chiller, condenser: .coolingTower(tower), economiser: nil,
                                            basinHeater: heater)

@Suite("Cooling-tower basin heater")
struct BasinHeaterTests {
    /// `P = C (T_set − T_db)` below the setpoint, nothing at or above it.
    @Test func powerGrowsLinearlyBelowTheSetpoint() {
        #expect(heater.power(dryBulb: -10) == 450 * 14.5)
        #expect(heater.power(dryBulb: 0) == 450 * 4.5)
        #expect(heater.power(dryBulb: 4.5) == 0)
        #expect(heater.power(dryBulb: 25) == 0)
    }

    /// The heater runs only while the tower carries no water: an idle plant (no load, or not stepped at all:
    /// `HeatRejection.idlePower`) draws it, a running one does not; plants without a tower never do.
    @Test func runsOnlyWhileTheTowerIsIdle() {
        let idle = plant.step(load: 0, waterIn: 12, flow: 50, setpoint: 12, dryBulb: -5, wetBulb: -6)
        #expect(idle.heaterPower == 450 * 9.5)
        #expect(idle.removed == 0 && idle.chillerPower == 0)
        let running = plant.step(load: 5e5, waterIn: 18, flow: 50, setpoint: 12, dryBulb: -5, wetBulb: -6)
        #expect(running.heaterPower == 0 && running.removed > 0)
        #expect(HeatRejection.waterCooledChiller(plant).idlePower(dryBulb: -5) == 450 * 9.5)
        #expect(HeatRejection.chiller(chiller).idlePower(dryBulb: -5) == 0)
        let withoutHeater = WaterCooledChillerPlant(chiller: chiller, condenser: .coolingTower(tower), economiser: nil)
        #expect(withoutHeater.step(load: 0, waterIn: 12, flow: 50, setpoint: 12, dryBulb: -5, wetBulb: -6).heaterPower == 0)
    }
}
