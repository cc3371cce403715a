import HeatLoop
import HeatLoopTestSupport
import Testing

/// The `Chiller:Electric` of `2ZoneDataCenterHVAC_wEconomizer.idf` sized to 100 kW. Reference values by
/// hand from the equations in `BLASTChillerCurves` (EnergyPlus Engineering Reference, "Electric Chiller
/// Model Based on Fluid Temperature Differences").
@Suite struct BLASTChillerTests {
    let chiller = Chiller(model: .electricBLAST(.twoZoneDataCenter), capacity: Watts(100_000),
                          evaporatorApproach: TemperatureDelta(0), condenserApproach: TemperatureDelta(0),
                          maximumCOP: .infinity)

    /// Design temperatures (ΔT 0): CR 0.944836, Q_avail 94.484 kW; 50 kW → PLR 0.529192, P 9008.02 W.
    @Test func designTemperatures() {
        let step = chiller.step(load: 50_000, chilledWaterLeaving: 6.667, condenserEntering: 29.44)
        #expect(chiller.availableCapacity(chilledWaterLeaving: 6.667, condenserEntering: 29.44).isApproximatelyEqual(to: 94_483.6, relativeTolerance: 1e-9))
        #expect(step.removed == 50_000)
        #expect(step.partLoadRatio.isApproximatelyEqual(to: 0.529192, relativeTolerance: 1e-6))
        #expect(step.power.isApproximatelyEqual(to: 9008.024, relativeTolerance: 1e-6))
    }

    /// 7 °C / 35 °C: ΔT 1.739493 K, CR 0.840057; 80 kW → P 17 100.81 W; 200 kW → capped at 84.006 kW, P 18 171.19 W.
    @Test func warmCondenserAndOverload() {
        let part = chiller.step(load: 80_000, chilledWaterLeaving: 7, condenserEntering: 35)
        #expect(part.power.isApproximatelyEqual(to: 17_100.81, relativeTolerance: 1e-6))
        let over = chiller.step(load: 200_000, chilledWaterLeaving: 7, condenserEntering: 35)
        #expect(over.removed.isApproximatelyEqual(to: 84_005.707, relativeTolerance: 1e-6))
        #expect(over.power.isApproximatelyEqual(to: 18_171.19, relativeTolerance: 1e-6))
    }

    /// 5 kW at design temperatures: PLR 0.052919 < PLR_min 0.15 → cycling 0.352795 at PLR_min power, 951.96 W.
    @Test func cyclesBelowMinimumPartLoad() {
        let step = chiller.step(load: 5_000, chilledWaterLeaving: 6.667, condenserEntering: 29.44)
        #expect(step.cyclingRatio.isApproximatelyEqual(to: 0.352795, relativeTolerance: 1e-5))
        #expect(step.power.isApproximatelyEqual(to: 951.961, relativeTolerance: 1e-6))
    }
}
