import HeatLoop
import HeatLoopTestSupport
import Testing

/// Reference values by hand (Python) from the cross-flow ε-NTU relation quoted in `ChilledWaterCoil`,
/// c_p,a = 1006 + 1860 W, c_w = 4180 J/(kg K).
@Suite struct ChilledWaterCoilTests {
    let coil = ChilledWaterCoil(ua: 20_000, designWaterMassFlow: 8)

    /// 10 kg/s at 24 °C, W 0.008 (C_a 10 208.8 W/K), water 6.667 °C at 8 kg/s (C_w 33 440 W/K):
    /// ε 0.783583, Q 138.654 kW, air out 10.418 °C (setpoint 5 °C is out of reach).
    @Test func fullFlowCapacity() {
        let step = coil.step(airMassFlow: 10, airHumidityRatio: 0.008, airInlet: 24, setpoint: 5, waterInlet: 6.667)
        #expect(step.sensibleCooling.isApproximatelyEqual(to: 138_654.37, relativeTolerance: 1e-6))
        #expect(step.outletDryBulb.isApproximatelyEqual(to: 10.41815, absoluteTolerance: 1e-4))
        #expect(step.waterMassFlow == 8)
    }

    /// Setpoint 16 °C: Q = 10 208.8 · 8 = 81.670 kW, met at water flow 1.33085 kg/s leaving at 21.348 °C.
    @Test func valveModulatesToSetpoint() {
        let step = coil.step(airMassFlow: 10, airHumidityRatio: 0.008, airInlet: 24, setpoint: 16, waterInlet: 6.667)
        #expect(step.outletDryBulb.isApproximatelyEqual(to: 16, absoluteTolerance: 1e-9))
        #expect(step.sensibleCooling.isApproximatelyEqual(to: 81_670.4, relativeTolerance: 1e-9))
        #expect(step.waterMassFlow.isApproximatelyEqual(to: 1.330846, relativeTolerance: 1e-5))
        #expect(step.waterLeaving.isApproximatelyEqual(to: 21.3482, absoluteTolerance: 1e-3))
    }

    /// The UA that removes 120 kW at those flows: 13 977.4 W/K; none for a load beyond an infinite coil.
    @Test func designUA() throws {
        let ua = try #require(ChilledWaterCoil.designUA(designLoad: 120_000, airMassFlow: 10, airHumidityRatio: 0.008,
                                                         airInlet: 24, waterMassFlow: 8, waterInlet: 6.667))
        #expect(ua.isApproximatelyEqual(to: 13_977.4, relativeTolerance: 1e-5))
        #expect(ChilledWaterCoil.designUA(designLoad: 200_000, airMassFlow: 10, airHumidityRatio: 0.008,
                                          airInlet: 24, waterMassFlow: 8, waterInlet: 6.667) == nil)
    }

    /// No cooling when the air is already at or below the setpoint or the water is not colder.
    @Test func idle() {
        #expect(coil.step(airMassFlow: 10, airHumidityRatio: 0.008, airInlet: 15, setpoint: 16, waterInlet: 6.667).sensibleCooling == 0)
        #expect(coil.step(airMassFlow: 10, airHumidityRatio: 0.008, airInlet: 24, setpoint: 16, waterInlet: 25).sensibleCooling == 0)
    }
}
