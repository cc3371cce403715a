import HeatLoop
import HeatLoopTestSupport
import Testing

/// DESIGN §3.2 default node: 8× H100 SXM, GPU 75 W idle / 700 W max, base 1.2 kW idle / 3.5 kW max.
///
/// These components sum to 3.5 + 8·0.7 = 9.1 kW at full load and 1.2 + 8·0.075 = 1.8 kW idle. (DESIGN
/// §3.2 calls the node "max 10.2 kW": that is the DGX H100 datasheet rating, which includes PSU headroom,
/// as `NodePower`'s doc comment says; it is not what these parameters give.)
private func h100(_ curve: PowerCurve) -> NodePower {
    NodePower(gpus: 8, gpuIdle: Watts(75), gpuMax: Watts(700), baseIdle: .kilowatts(1.2), baseMax: .kilowatts(3.5),
              curve: curve)
}

@Suite("Node power and clusters")
struct NodePowerTests {
    @Test("linear curve at u = 0, 0.5, 1 (hand calculation)")
    func linearCurve() {
        let node = h100(.linear)
        // u = 0: 1200 + 8·75 = 1800 W.
        #expect(node.power(utilization: 0).value.isApproximatelyEqual(to: 1800))
        // u = 0.5: 1200 + 2300·0.5 + 8·(75 + 625·0.5) = 2350 + 3100 = 5450 W.
        #expect(node.power(utilization: 0.5).value.isApproximatelyEqual(to: 5450))
        // u = 1: 3500 + 8·700 = 9100 W.
        #expect(node.power(utilization: 1).value.isApproximatelyEqual(to: 9100))
        #expect(node.idle.value.isApproximatelyEqual(to: 1800))
        #expect(node.maximum.value.isApproximatelyEqual(to: 9100))
    }

    @Test("MSE curve, r = 1.4 (Fan et al. ISCA 2007 eq. 2), at u = 0, 0.5, 1")
    func mseCurve() {
        let node = h100(.mse(exponent: 1.4))
        // g(0) = 0 → idle; g(1) = 2 − 1 = 1 → maximum.
        #expect(node.power(utilization: 0).value.isApproximatelyEqual(to: 1800))
        #expect(node.power(utilization: 1).value.isApproximatelyEqual(to: 9100))
        // g(0.5) = 2·0.5 − 0.5^1.4 = 1 − 0.378929141627600 = 0.621070858372400
        // (0.5^1.4 = exp(−1.4·ln 2), evaluated with `bc -l`).
        #expect(PowerCurve.mse(exponent: 1.4).fraction(0.5).isApproximatelyEqual(to: 0.621070858372400))
        // P = 2350 (base, linear) + 8·(75 + 625·0.6210708583724) = 2350 + 3705.354291862 = 6055.354291862 W.
        #expect(node.power(utilization: 0.5).value.isApproximatelyEqual(to: 6055.354291862, relativeTolerance: 1e-12))
        // Concave: above the linear node at the same load.
        #expect(node.power(utilization: 0.5) > h100(.linear).power(utilization: 0.5))
    }

    @Test("utilisation outside [0, 1] is clamped", arguments: [PowerCurve.linear, .mse(exponent: 1.4)])
    func clamping(curve: PowerCurve) {
        let node = h100(curve)
        #expect(node.power(utilization: -0.5) == node.power(utilization: 0))
        #expect(node.power(utilization: 1.7) == node.power(utilization: 1))
        #expect(curve.fraction(-3) == 0)
        #expect(curve.fraction(2) == 1)
    }

    @Test("cluster design power and rack count")
    func cluster() {
        func cluster(nodes: Int, perRack: Int) -> Cluster {
            Cluster(name: "c", nodes: nodes, nodesPerRack: perRack, node: h100(.linear), cooling: .dlc,
                    liquidCapture: 0.8, workload: .constant(utilization: 1))
        }
        // 10 nodes × 9.1 kW = 91 kW.
        #expect(cluster(nodes: 10, perRack: 4).designPower.value.isApproximatelyEqual(to: 91_000))
        // ceil(10/4) = 3 (last rack half full), 12/4 = 3, 13/4 → 4, 1/8 → 1.
        #expect(cluster(nodes: 10, perRack: 4).racks == 3)
        #expect(cluster(nodes: 12, perRack: 4).racks == 3)
        #expect(cluster(nodes: 13, perRack: 4).racks == 4)
        #expect(cluster(nodes: 1, perRack: 8).racks == 1)
        // One full rack of 4: 4 × 9.1 kW = 36.4 kW at u = 1, 4 × 1.8 kW = 7.2 kW idle.
        #expect(cluster(nodes: 10, perRack: 4).rackPower(utilization: 1).value.isApproximatelyEqual(to: 36_400))
        #expect(cluster(nodes: 10, perRack: 4).rackPower(utilization: 0).value.isApproximatelyEqual(to: 7_200))
    }

    @Test("default liquid capture per cooling class (DESIGN §3.2)")
    func liquidCapture() {
        #expect(CoolingClass.air.defaultLiquidCapture == 0)
        #expect(CoolingClass.dlc.defaultLiquidCapture == 0.80)
        #expect(CoolingClass.immersion.defaultLiquidCapture == 0.97)
    }
}
