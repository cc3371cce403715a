import HeatLoop
import HeatLoopTestSupport
import Testing

/// DESIGN §3.3 defaults: η_design 0.96, flat above 30 % load, f(0) = 0.9; distribution 1.5 %;
/// misc 1 % of a 2 MW design IT load = 20 kW.
private let chain = ElectricalChain(upsDesignEfficiency: 0.96, distributionLossFraction: 0.015,
                                    misc: .kilowatts(20), heatToAir: 1, designITPower: .megawatts(2))

@Suite("Electrical chain")
struct ElectricalChainTests {
    @Test("UPS efficiency is flat at η_design from 30 % load up", arguments: [0.3, 0.45, 0.8, 1.0, 1.2])
    func flatAbove(partLoad: Double) {
        #expect(chain.upsEfficiency(partLoad: partLoad) == 0.96)
    }

    @Test("UPS efficiency falls quadratically below 30 % load")
    func fallsBelow() {
        // f(PLR) = 1 − (1 − 0.9)·((0.3 − PLR)/0.3)²:
        // PLR 0 → 0.96·0.9 = 0.864; PLR 0.15 → 0.96·(1 − 0.1·0.25) = 0.936.
        #expect(chain.upsEfficiency(partLoad: 0).isApproximatelyEqual(to: 0.864))
        #expect(chain.upsEfficiency(partLoad: 0.15).isApproximatelyEqual(to: 0.936))
        // Continuous at the 30 % corner, strictly rising below it.
        #expect(chain.upsEfficiency(partLoad: 0.3.nextDown).isApproximatelyEqual(to: 0.96))
        let grid = stride(from: 0.0, through: 0.3, by: 0.01).map { chain.upsEfficiency(partLoad: $0) }
        #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("UPS losses P_IT (1/η − 1), distribution share, misc")
    func losses() {
        // 1 MW of 2 MW design: PLR 0.5, η 0.96 → 1e6·(1/0.96 − 1) = 41 666.67 W; distribution 1.5 % = 15 kW.
        let half = chain.step(itPower: .megawatts(1))
        #expect(half.upsLoss.value.isApproximatelyEqual(to: 1e6 * 0.04 / 0.96))
        #expect(half.distributionLoss.value.isApproximatelyEqual(to: 15_000))
        #expect(half.misc.value == 20_000)
        #expect(half.total.value.isApproximatelyEqual(to: 1e6 * 0.04 / 0.96 + 15_000 + 20_000))
        // 0.3 MW: PLR 0.15, η 0.936 → 0.3e6·0.064/0.936 = 20 512.82 W.
        let light = chain.step(itPower: .megawatts(0.3))
        #expect(light.upsLoss.value.isApproximatelyEqual(to: 0.3e6 * 0.064 / 0.936))
        #expect(light.distributionLoss.value.isApproximatelyEqual(to: 4_500))
    }

    @Test("UPS input/output ratio is the efficiency, distribution loss a fixed share, at any load")
    func sharesAtAnyLoad() {
        for it in stride(from: 50_000.0, through: 2_400_000, by: 50_000) {
            let step = chain.step(itPower: Watts(it))
            // Output P_IT, input P_IT + P_UPS: η = P_IT / (P_IT + P_UPS).
            let efficiency = it / (it + step.upsLoss.value)
            #expect(efficiency.isApproximatelyEqual(to: chain.upsEfficiency(partLoad: it / 2e6), relativeTolerance: 1e-12))
            #expect((step.distributionLoss.value / it).isApproximatelyEqual(to: 0.015))
            #expect(step.misc.value == 20_000)
        }
    }
}
