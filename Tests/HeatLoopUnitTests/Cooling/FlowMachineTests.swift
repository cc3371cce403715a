import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("Affinity-law pumps and fans")
struct FlowMachineTests {
    @Test("P = P_design φ^n; half speed gives P·0.5^n")
    func affinity() {
        let pump = AffinityMachine(designPower: .kilowatts(30), exponent: 3, minimumFraction: 0.3)
        // Ideal affinity law: 30 kW · 0.5³ = 3.75 kW.
        #expect(pump.power(flowFraction: 0.5).value.isApproximatelyEqual(to: 3_750))
        #expect(pump.power(flowFraction: 1).value == 30_000)
        // Below φ_min it runs at φ_min: 30 kW · 0.3³ = 810 W; above design it is capped at design.
        #expect(pump.power(flowFraction: 0.1).value.isApproximatelyEqual(to: 810))
        #expect(pump.power(flowFraction: 1.4).value == 30_000)
        // DESIGN §3.4 fan exponent 2.6: 0.5^2.6 = 0.164938488846612 (bc -l: e(2.6·l(0.5))).
        let fan = AffinityMachine(designPower: .kilowatts(20), exponent: 2.6, minimumFraction: 0.2)
        #expect(fan.power(flowFraction: 0.5).value.isApproximatelyEqual(to: 20_000 * 0.164938488846612,
                                                                        relativeTolerance: 1e-12))
    }

    @Test("design power V̇ Δp / η")
    func designPower() {
        // 0.05 m³/s against 200 kPa at η 0.75: 0.05·200 000/0.75 = 13 333.33 W.
        let power = AffinityMachine.designPower(volumeFlow: 0.05, pressureRise: 200_000, efficiency: 0.75)
        #expect(power.value.isApproximatelyEqual(to: 40_000.0 / 3))
    }
}
