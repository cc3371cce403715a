import HeatLoop
import Testing

/// A seasonal pit store (`PitStorage`), checked on Dronninglund's pit (IEA SHC fact sheet 55.C-D2 and
/// Heller, Hot|Cool 4/2019: 62,000 m³, 16 m deep, about 90 m top and 26 m bottom side).
@Suite struct PitStorageTests {
    let dronninglund = PitStorage(volume: 62_000, depth: 16, sideSlope: 2, lidTransmittance: 0.2,
                                  soilConductivity: 1.5, groundTemperature: 10)

    @Test func shapeMatchesDronninglund() {
        // Published 90 m top and 26 m bottom: a slope of 2 gives 91.4 m and 27.4 m for 62,000 m³.
        #expect(abs(dronninglund.topSide - 90) < 2)
        let bottom = dronninglund.topSide - 2 * 2 * 16
        #expect(abs(bottom - 26) < 2)
        // The frustum's volume from its two sides: h/3 (a² + ab + b²).
        let a = dronninglund.topSide
        #expect(abs(16.0 / 3 * (a * a + a * bottom + bottom * bottom) - 62_000) < 1e-6)
    }

    @Test func lossThroughLidAndSoil() {
        // Hand calculation: U_lid a² = 0.2 · 91.4447² = 1,672.42 W/K; λ π D = 1.5 π · 61.8692 = 291.552 W/K
        // (D = 2 (3 · 62,000 / 2π)^⅓). Half hot at 80 °C over a 40 °C return, 5 °C air:
        // 1,672.42 · 75 + 291.552 · (60 − 10) = 125,431.9 + 14,577.6 = 140,009 W.
        #expect(abs(dronninglund.lidCoefficient - 1_672.42) < 0.05)
        #expect(abs(dronninglund.groundCoefficient - 291.552) < 0.005)
        let loss = dronninglund.loss(hotShare: 0.5, hot: 80, returnTemperature: 40, air: 5)
        #expect(abs(loss - 140_009) < 5)
        // An empty store loses through the lid and soil at the return temperature.
        #expect(abs(dronninglund.loss(hotShare: 0, hot: 80, returnTemperature: 40, air: 5) - (1_672.42 * 35 + 291.552 * 30)) < 5)
    }

    /// The tank's step charges a pit's loss to its hot layer, never more than it holds.
    @Test func storeLosesNoMoreThanItHolds() {
        let store = HeatStorage(volume: 62_000, maximumCharge: .megawatts(10), maximumDischarge: .megawatts(10),
                                lossPerDay: 0, pit: dronninglund)
        var state = HeatRecoveryState(tank: TankState(hotShare: 0.001, hotTemperature: 41))
        let recovery = HeatRecovery(
            heatPump: HeatPump(capacity: .megawatts(10), cop: .carnot(efficiency: 0.5, pinch: TemperatureDelta(5)),
                               maximumCOP: 10, minimumPartLoad: 0.2, source: .liquid),
            storage: store,
            network: DistrictHeatingNetwork(supplyCurve: .constant(Celsius(70)), returnCurve: .constant(Celsius(40)),
                                            connection: .megawatts(10),
                                            demand: .degreeHours(.annual(.megawattHours(10_000)), heatingLimit: Celsius(15),
                                                                 hotWaterShare: 0.15)))
        let step = recovery.dispatch(demand: 0, primary: .none, secondary: .none, dhSupply: 70, dhReturn: 40,
                                     outdoor: -10, state: &state, stepSeconds: 86_400)
        let held = 0.001 * 62_000 * Fluid.waterDensity * Fluid.waterSpecificHeat * 1
        #expect(abs(step.storageLoss * 86_400 - held) < 1e-6 * held)
        #expect(step.nextStorageEnergy.magnitude < 1e-6 * held)
    }
}
