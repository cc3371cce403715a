import HeatLoop
import HeatLoopTestSupport
import Testing

/// A 3 × 2 map: source out 10/20/30 °C × sink out 60/80 °C.
///
///              sink 60   sink 80
///     src 10   COP 3.0   COP 2.0     capacity 0.8  0.7
///     src 20   COP 4.0   COP 2.6     capacity 1.0  0.9
///     src 30   COP 5.0   COP 3.4     capacity 1.1  1.0
private func sampleMap() throws -> HeatPumpMap {
    try HeatPumpMap(sourceOut: [10, 20, 30], sinkOut: [60, 80],
                    cop: [3.0, 2.0, 4.0, 2.6, 5.0, 3.4],
                    capacityFactor: [0.8, 0.7, 1.0, 0.9, 1.1, 1.0])
}

@Suite("Heat-pump map (table COP model)")
struct HeatPumpMapTests {
    @Test("grid points are returned exactly")
    func gridPoints() throws {
        let map = try sampleMap()
        #expect(map.point(sourceOut: 10, sinkOut: 60) == HeatPumpOperatingPoint(cop: 3, capacityFactor: 0.8))
        #expect(map.point(sourceOut: 20, sinkOut: 80) == HeatPumpOperatingPoint(cop: 2.6, capacityFactor: 0.9))
        #expect(map.point(sourceOut: 30, sinkOut: 80) == HeatPumpOperatingPoint(cop: 3.4, capacityFactor: 1.0))
    }

    @Test("bilinear inside a cell")
    func bilinear() throws {
        // Source 25 °C (u = 0.5 between 20 and 30), sink 65 °C (v = 0.25 between 60 and 80):
        // COP = 0.5·(0.75·4.0 + 0.25·2.6) + 0.5·(0.75·5.0 + 0.25·3.4) = 0.5·3.65 + 0.5·4.6 = 4.125;
        // capacity = 0.5·(0.75·1.0 + 0.25·0.9) + 0.5·(0.75·1.1 + 0.25·1.0) = 0.4875 + 0.5375 = 1.025.
        let point = try sampleMap().point(sourceOut: 25, sinkOut: 65)
        #expect(point.cop.isApproximatelyEqual(to: 4.125, relativeTolerance: 1e-14))
        #expect(point.capacityFactor.isApproximatelyEqual(to: 1.025, relativeTolerance: 1e-14))
        #expect(!point.outsideMap)
    }

    @Test("clamped at the edges and flagged")
    func clamped() throws {
        let map = try sampleMap()
        // Source 40 °C → 30, sink 50 °C → 60: the corner (5.0, 1.1).
        #expect(map.point(sourceOut: 40, sinkOut: 50) == HeatPumpOperatingPoint(cop: 5, capacityFactor: 1.1, outsideMap: true))
        // Only the sink outside: source 15 (u = 0.5 of 10…20), sink 90 → 80: COP 0.5·2.0 + 0.5·2.6 = 2.3.
        let sinkOutside = map.point(sourceOut: 15, sinkOut: 90)
        #expect(sinkOutside.cop.isApproximatelyEqual(to: 2.3, relativeTolerance: 1e-14) && sinkOutside.outsideMap)
        // NaN is treated as outside, never propagated into the COP.
        #expect(map.point(sourceOut: .nan, sinkOut: 70).outsideMap)
        #expect(map.point(sourceOut: .nan, sinkOut: 70).cop.isFinite)
    }

    @Test("through HeatPumpCOP: outlets select the point, the COP is capped")
    func throughCOPModel() throws {
        let model = HeatPumpCOP.table(try sampleMap())
        let point = model.cop(source: (35, 25), sink: (40, 65), maximum: 10)
        #expect(point.cop.isApproximatelyEqual(to: 4.125, relativeTolerance: 1e-14))
        #expect(point.capacityFactor.isApproximatelyEqual(to: 1.025, relativeTolerance: 1e-14))
        #expect(model.cop(source: (40, 30), sink: (40, 60), maximum: 4.5).cop == 4.5)
    }

    @Test("rejects malformed maps")
    func validation() {
        #expect(throws: HeatPumpMap.Problem.axisNotIncreasing(axis: "source_out")) {
            try HeatPumpMap(sourceOut: [20, 10], sinkOut: [60, 80], cop: [3, 2, 4, 3], capacityFactor: [1, 1, 1, 1])
        }
        #expect(throws: HeatPumpMap.Problem.axisNotIncreasing(axis: "sink_out")) {
            try HeatPumpMap(sourceOut: [10, 20], sinkOut: [60], cop: [3, 2], capacityFactor: [1, 1])
        }
        #expect(throws: HeatPumpMap.Problem.wrongCount(expected: 4, cop: 3, capacityFactor: 4)) {
            try HeatPumpMap(sourceOut: [10, 20], sinkOut: [60, 80], cop: [3, 2, 4], capacityFactor: [1, 1, 1, 1])
        }
        #expect(throws: HeatPumpMap.Problem.invalidValue(index: 1)) {
            try HeatPumpMap(sourceOut: [10, 20], sinkOut: [60, 80], cop: [3, 0.5, 4, 3], capacityFactor: [1, 1, 1, 1])
        }
    }

    @Test("dispatch scales the capacity by the map and reports clamped points")
    func dispatchUsesCapacityFactor() throws {
        // 10 MW nominal; source 20 → 10 °C, DH 40 → 80 °C: the map's corner, capacity factor 0.7, COP 2.0.
        let recovery = HeatRecovery(
            heatPump: HeatPump(capacity: .megawatts(10), cop: .table(try sampleMap()), maximumCOP: 10,
                               minimumPartLoad: 0.2, source: .liquid),
            storage: .none,
            network: DistrictHeatingNetwork(
                supplyCurve: OutdoorResetCurve(points: [(-15, 80), (10, 80)]),
                returnCurve: OutdoorResetCurve(points: [(0, 40)]),
                connection: .megawatts(20), demand: .constant(.megawatts(15))))
        let step = recovery.dispatch(demand: 15e6, primary: HeatSourceOffer(heat: 50e6, inlet: 20, outlet: 10),
                                     secondary: .none, dhSupply: 80, dhReturn: 40, outdoor: 10, state: HeatRecoveryState(tank: TankState(hotShare: 0, hotTemperature: 0)), stepSeconds: 900)
        #expect(step.heatPumpOutput.isApproximatelyEqual(to: 7e6, relativeTolerance: 1e-12))
        #expect(step.cop.isApproximatelyEqual(to: 2.0, relativeTolerance: 1e-12))
        #expect(!step.outsideMap)
        // Source leaving 5 °C: below the map, clamped to 10 °C and flagged.
        let colder = recovery.dispatch(demand: 15e6, primary: HeatSourceOffer(heat: 50e6, inlet: 15, outlet: 5),
                                       secondary: .none, dhSupply: 80, dhReturn: 40, outdoor: 10, state: HeatRecoveryState(tank: TankState(hotShare: 0, hotTemperature: 0)), stepSeconds: 900)
        #expect(colder.outsideMap)
        #expect(colder.heatPumpOutput.isApproximatelyEqual(to: 7e6, relativeTolerance: 1e-12))
    }
}
