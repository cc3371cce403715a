import HeatLoop
import Testing

/// EnergyPlus ITE model with the curves of EnergyPlus's data-center examples
/// (`shared/energyplus/1ZoneDataCenterCRAC_wApproachTemp.idf`).
@Suite struct AirCooledITETests {
    let ite = AirCooledITE(
        designPower: Watts(500), fanPowerFraction: 0.4,
        cpuPower: BiquadraticCurve([-1.0, 1.0, 0, 0.06667, 0, 0], x: 0...1.5, y: -10...99, output: 0...99),
        airFlow: BiquadraticCurve([-1.4, 0.9, 0, 0.1, 0, 0], x: 0...1.5, y: -10...99, output: 0...99),
        fanPower: QuadraticCurve(0, 1, 0, x: 0...99, output: 0...99))

    @Test func designPointGivesDesignPower() {
        // u = 1, 15 °C: CPU curve −1 + 1 + 0.06667·15 = 1.00005, flow −1.4 + 0.9 + 1.5 = 1.
        let expected = 500 * 0.6 * 1.00005 + 500 * 0.4 * 1.0
        #expect(abs(ite.power(utilization: 1, inlet: 15) - expected) < 1e-9)
    }

    @Test func warmerInletRaisesPower() {
        // u = 1, 24 °C: CPU 0.6·500·(0.06667·24) = 480.024 W; flow 1.9 → fan 0.4·500·1.9 = 380 W.
        #expect(abs(ite.power(utilization: 1, inlet: 24) - (300 * 0.06667 * 24 + 380)) < 1e-9)
    }

    @Test func curvesClampOutsideTheirRange() {
        // CPU curve output floors at 0: u = 0, 10 °C → −1 + 0.6667 < 0 → 0; flow −1.4 + 1 < 0 → 0.
        #expect(ite.power(utilization: 0, inlet: 10) == 0)
        #expect(ite.isOutsideCurves(utilization: 2, inlet: 20))
        #expect(ite.power(utilization: 2, inlet: 20) == ite.power(utilization: 1.5, inlet: 20))
    }
}

@Suite struct NodePresetTests {
    @Test func presetsAtFullLoad() {
        // 8 × 700 W + 3.5 kW; 8 × 1000 W + 4.5 kW; 800 W CPU server.
        #expect(NodePreset.h100SXM.node.maximum.value == 9100)
        #expect(NodePreset.b200.node.maximum.value == 12_500)
        #expect(NodePreset.cpu.node.maximum.value == 800)
        #expect(NodePreset.cpu.node.idle.value == 200)
    }

    @Test func denseAirCooledRacksWarn() {
        let dense = Cluster(name: "dense", nodes: 8, nodesPerRack: 8, node: NodePreset.h100SXM.node, cooling: .air,
                            liquidCapture: 0, workload: .constant(utilization: 1))
        #expect(dense.rackWarnings.count == 1)   // 72.8 kW of air per rack > 40 kW
        var cooled = dense
        cooled.cooling = .dlc
        cooled.liquidCapture = 0.8               // 14.6 kW air, 58 kW liquid: fine
        #expect(cooled.rackWarnings.isEmpty)
    }
}

/// The servers' air stream (EnergyPlus Engineering Reference, "Electric Equipment ITE (Air-Cooled)").
@Suite struct AirCooledITEAirStreamTests {
    let ite = AirCooledITE(
        designPower: Watts(500), fanPowerFraction: 0.4,
        cpuPower: BiquadraticCurve([-1.0, 1.0, 0, 0.06667, 0, 0], x: 0...1.5, y: -10...99, output: 0...99),
        airFlow: BiquadraticCurve([-1.4, 0.9, 0, 0.1, 0, 0], x: 0...1.5, y: -10...99, output: 0...99),
        fanPower: QuadraticCurve(0, 1, 0, x: 0...99, output: 0...99), airFlowPerPower: 1e-4,
        returnApproach: TemperatureDelta(-1))

    @Test func outletFromPowerAndFlow() {
        // u = 1, 27 °C: P = 300 · 0.06667 · 27 + 200 · 2.2 = 980.027 W; φ = −1.4 + 0.9 + 2.7 = 2.2;
        // ṁ = 1.15 · 500 · 1e-4 · 2.2 = 0.1265 kg/s; T_out = 27 + 980.027 / (0.1265 · 1006) = 34.7011 °C.
        let stream = ite.airStream(utilization: 1, inlet: 27, airDensity: 1.15, specificHeat: 1006)
        #expect(stream.power.isApproximatelyEqual(to: 980.027, absoluteTolerance: 1e-9))
        #expect(stream.massFlow.isApproximatelyEqual(to: 0.1265, absoluteTolerance: 1e-12))
        #expect(stream.outlet.isApproximatelyEqual(to: 27 + 980.027 / (0.1265 * 1006), absoluteTolerance: 1e-9))
    }

    @Test func thinnerAirLeavesHotter() {
        // Same volume flow at 1,700 m (ρ 0.98 vs 1.18 kg/m³): 20 % less mass, 20 % more temperature rise.
        let sea = ite.airStream(utilization: 1, inlet: 25, airDensity: 1.18, specificHeat: 1006)
        let high = ite.airStream(utilization: 1, inlet: 25, airDensity: 0.98, specificHeat: 1006)
        #expect(((high.outlet - 25) / (sea.outlet - 25)).isApproximatelyEqual(to: 1.18 / 0.98, absoluteTolerance: 1e-12))
    }

    @Test func noFlowLeavesTheInlet() {
        let stream = ite.airStream(utilization: 0, inlet: 10, airDensity: 1.2, specificHeat: 1006)
        #expect(stream.massFlow == 0 && stream.outlet == 10)
    }
}
