import HeatLoop
import HeatLoopTestSupport
import Testing

/// 1 MW at 10 K inlet temperature difference, 3 K approach, 20 kW of fans (n = 2.6, φ_min 0.2),
/// 100 kg/s of air at full speed.
private func cooler(adiabatic: AdiabaticPrecooling? = nil) -> DryCooler {
    DryCooler(designCapacity: .megawatts(1), designInletDifference: TemperatureDelta(10), approach: TemperatureDelta(3),
              fan: AffinityMachine(designPower: .kilowatts(20), exponent: 2.6, minimumFraction: 0.2),
              designAirFlow: KilogramsPerSecond(100), adiabatic: adiabatic)
}

private let cp = 4180.0 // J/(kg K), Fluid.waterSpecificHeat

@Suite("Dry cooler")
struct DryCoolerTests {
    @Test("capacity at full fan speed scales with ITD (Eurovent rating per K)")
    func capacityScalesWithITD() {
        let c = cooler()
        // Large flow so the approach limit does not bind: Q_full = 1 MW · ITD / 10 K.
        #expect(c.maximumHeat(waterIn: 40, airIn: 30, flow: 1_000).isApproximatelyEqual(to: 1e6))
        #expect(c.maximumHeat(waterIn: 40, airIn: 35, flow: 1_000).isApproximatelyEqual(to: 0.5e6))
        #expect(c.maximumHeat(waterIn: 40, airIn: 20, flow: 1_000).isApproximatelyEqual(to: 2e6))
        // Air warmer than the water: nothing, never negative.
        #expect(c.maximumHeat(waterIn: 40, airIn: 45, flow: 1_000) == 0)
    }

    @Test("approach limit: water cannot leave below T_air,in + approach")
    func approachLimit() {
        // 20 kg/s from 40 °C with 30 °C air: Q_full 1 MW, but 20·4180·(40 − 30 − 3) = 585 200 W.
        #expect(cooler().maximumHeat(waterIn: 40, airIn: 30, flow: 20).isApproximatelyEqual(to: 585_200))
        // Water within the approach of the air: nothing.
        #expect(cooler().maximumHeat(waterIn: 32, airIn: 30, flow: 20) == 0)
    }

    @Test("leaving water never below air inlet + approach, removed never above load (random sweep)")
    func neverBelowApproach() {
        var random = TestLCG(seed: 0xD2C0_01E2)
        let pads = AdiabaticPrecooling(switchTemperature: Celsius(22), effectiveness: 0.7, cyclesOfConcentration: 3)
        for trial in 0..<5_000 {
            let c = cooler(adiabatic: trial.isMultiple(of: 2) ? pads : nil)
            let waterIn = random.next(in: 15...60)
            let dryBulb = random.next(in: -15...45)
            let wetBulb = dryBulb - random.next(in: 0...15)
            let flow = random.next(in: 0.5...80)
            let load = random.next(in: 0...3e6)
            let step = c.step(load: load, waterIn: waterIn, flow: flow, dryBulb: dryBulb, wetBulb: wetBulb)
            let airIn = c.airInlet(dryBulb: dryBulb, wetBulb: wetBulb)
            let leaving = waterIn - step.removed / (flow * cp)
            if step.removed > 0 && leaving < airIn + 3 - 1e-9 {
                Issue.record("trial \(trial): water leaves at \(leaving) °C < air \(airIn) + 3 K")
                return
            }
            if step.removed > load || step.removed < 0 || step.waterUse < 0 {
                Issue.record("trial \(trial): removed \(step.removed) W for load \(load) W, water \(step.waterUse)")
                return
            }
            // What it removes is the load or its capacity, whichever is smaller.
            if !step.removed.isApproximatelyEqual(to: min(load, step.capacity), relativeTolerance: 1e-12) {
                Issue.record("trial \(trial): removed \(step.removed) W ≠ min(load \(load), capacity \(step.capacity))")
                return
            }
        }
    }

    @Test("fan affinity: half the capacity at half speed costs P·0.5^n")
    func fanPower() {
        let c = cooler()
        // waterIn 40, air 30, large flow: capacity 1 MW (see above); 0.5 MW → φ = 0.5.
        let half = c.step(load: 0.5e6, waterIn: 40, flow: 1_000, dryBulb: 30, wetBulb: 20)
        #expect(half.removed.isApproximatelyEqual(to: 0.5e6))
        // 20 kW · 0.5^2.6 = 20 kW · 0.164938488846612 = 3298.76977693224 W (bc -l).
        #expect(half.fanPower.isApproximatelyEqual(to: 3298.76977693224, relativeTolerance: 1e-12))
        #expect(half.waterUse == 0)
        // Overload: capped at capacity, full speed.
        let full = c.step(load: 3e6, waterIn: 40, flow: 1_000, dryBulb: 30, wetBulb: 20)
        #expect(full.removed.isApproximatelyEqual(to: 1e6))
        #expect(full.fanPower.isApproximatelyEqual(to: 20_000))
        // A trickle runs at φ_min: 20 kW · 0.2^2.6 = 304.584630194541 W.
        let trickle = c.step(load: 1_000, waterIn: 40, flow: 1_000, dryBulb: 30, wetBulb: 20)
        #expect(trickle.fanPower.isApproximatelyEqual(to: 304.584630194541, relativeTolerance: 1e-12))
        // No load: fans off.
        #expect(c.step(load: 0, waterIn: 40, flow: 1_000, dryBulb: 30, wetBulb: 20).fanPower == 0)
        // Half load all removed; of 3 MW, 1 MW removed and 2 MW left in the water.
        checkLoopEnergyBalance(heatIn: 0.5e6, recovered: 0, rejected: half.removed, stored: 0)
        checkLoopEnergyBalance(heatIn: 3e6, recovered: 0, rejected: full.removed, stored: 2e6)
    }

    @Test("adiabatic pre-cooling: T_air,in = T_db − ε (T_db − T_wb) above the switch temperature")
    func adiabaticInlet() {
        let c = cooler(adiabatic: AdiabaticPrecooling(switchTemperature: Celsius(25), effectiveness: 0.7, cyclesOfConcentration: 3))
        // 35 °C dry bulb, 22 °C wet bulb: 35 − 0.7·13 = 25.9 °C.
        #expect(c.airInlet(dryBulb: 35, wetBulb: 22).isApproximatelyEqual(to: 25.9))
        // Below and at the switch temperature the pads stay dry.
        #expect(c.airInlet(dryBulb: 20, wetBulb: 15) == 20)
        #expect(c.airInlet(dryBulb: 25, wetBulb: 20) == 25)
        // Without pads the coil sees the dry bulb.
        #expect(cooler().airInlet(dryBulb: 35, wetBulb: 22) == 35)
        // The cooler air raises capacity: ITD from 40.9 °C water = 15 K → 1.5 MW instead of 0.59 MW.
        #expect(c.maximumHeat(waterIn: 40.9, airIn: c.airInlet(dryBulb: 35, wetBulb: 22), flow: 1_000)
            .isApproximatelyEqual(to: 1.5e6, relativeTolerance: 1e-12))
    }

    @Test("adiabatic water = evaporation ṁ_air c_p,air (T_db − T_air,in) / h_fg + bleed E / (C − 1)")
    func adiabaticWater() {
        let c = cooler(adiabatic: AdiabaticPrecooling(switchTemperature: Celsius(25), effectiveness: 0.7,
                                                      cyclesOfConcentration: 3))
        // Full speed (load above capacity): T_air,in = 35 − 0.7 (35 − 22) = 25.9 °C; evaporation
        // 100 kg/s · 1006 J/(kg K) · 9.1 K / 2.442 MJ/kg = 0.374881244881 kg/s; bleed at 3 cycles E/2.
        let evaporation = 0.374881244881
        let full = c.step(load: 5e6, waterIn: 40.9, flow: 1_000, dryBulb: 35, wetBulb: 22)
        #expect(full.fanPower.isApproximatelyEqual(to: 20_000))
        #expect(full.waterUse.isApproximatelyEqual(to: evaporation * 1.5, relativeTolerance: 1e-11))
        // Solids balance of the sump: make-up = C · bleed.
        #expect(full.waterUse.isApproximatelyEqual(to: 3 * evaporation / 2, relativeTolerance: 1e-11))
        // Half speed (0.75 MW of 1.5 MW): half the air, half the water.
        let half = c.step(load: 0.75e6, waterIn: 40.9, flow: 1_000, dryBulb: 35, wetBulb: 22)
        #expect(half.waterUse.isApproximatelyEqual(to: evaporation * 1.5 / 2, relativeTolerance: 1e-11))
        // Pads dry below the switch: no water.
        #expect(c.step(load: 0.5e6, waterIn: 40, flow: 1_000, dryBulb: 20, wetBulb: 15).waterUse == 0)
        // Of 5 MW, the 1.5 MW capacity is removed and 3.5 MW stays in the water.
        checkLoopEnergyBalance(heatIn: 5e6, recovered: 0, rejected: full.removed, stored: 3.5e6)
    }

    @Test("as a chiller's heat sink: leaving = T_air,in + approach up to design, floats above; fans hold the approach")
    func condenserCircuit() {
        let c = cooler() // 1 MW at 10 K ITD, 3 K approach → range 7 K at design
        #expect(c.condenserLeavingWater(load: 0.6e6, dryBulb: 25, wetBulb: 18) == 28)
        // 1.5 MW > design: 25 + 3 · 1.5 = 29.5 °C.
        #expect(c.condenserLeavingWater(load: 1.5e6, dryBulb: 25, wetBulb: 18).isApproximatelyEqual(to: 29.5, relativeTolerance: 1e-14))
        // Half design: entering 3 + 3.5 = 6.5 K above the air, Q_full = 1 MW · 6.5/10, φ = 0.5/0.65.
        let half = c.condenserStep(load: 0.5e6, dryBulb: 25, wetBulb: 18)
        #expect(half.removed == 0.5e6 && half.leavingWater == 28)
        #expect(half.capacity.isApproximatelyEqual(to: 0.65e6, relativeTolerance: 1e-12))
        #expect(half.fanPower.isApproximatelyEqual(to: c.fan.power(flowFraction: 0.5 / 0.65).value, relativeTolerance: 1e-12))
        #expect(c.condenserStep(load: 1e6, dryBulb: 25, wetBulb: 18).fanPower.isApproximatelyEqual(to: 20_000))
        #expect(c.condenserStep(load: 0, dryBulb: 25, wetBulb: 18).fanPower == 0)
    }
}
