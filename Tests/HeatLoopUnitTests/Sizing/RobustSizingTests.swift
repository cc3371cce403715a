import HeatLoop
import Testing

@Suite("Robust sizing: expected NPV, P90 NPV, minimax regret")
struct RobustSizingTests {
    /// Three designs over five samples: A is best on average but collapses in one sample, B is steady, C
    /// is dominated by B. Expected NPV picks A; P90 (the 10th percentile of 5 values, interpolated between
    /// the lowest two) picks B; minimax regret picks B (worst shortfall 4 against A's 10 and C's 5).
    @Test("each criterion picks the design its definition says, and infeasible designs never win")
    func criteria() {
        let npv: [[Double]] = [
            [10, 10, 10, 10, -8],   // A: mean 6.4, P90 −0.8, regrets 0,0,0,0,10 → 10
            [6, 6, 6, 6, 2],        // B: mean 5.2, P90 4.4, regrets 4,4,4,4,0 → 4
            [5, 5, 5, 5, 1],        // C: dominated by B
        ]
        let all = [true, true, true]
        #expect(RobustSizing(npvBySample: npv, feasible: all, criterion: .expectedNPV).recommended == 0)
        #expect(RobustSizing(npvBySample: npv, feasible: all, criterion: .p90NPV).recommended == 1)
        let regret = RobustSizing(npvBySample: npv, feasible: all, criterion: .minimaxRegret)
        #expect(regret.recommended == 1)
        #expect(regret.maximumRegret == [10, 4, 5])
        #expect(abs(regret.npv[0].p90 - -0.8) < 1e-12)
        let withoutB = RobustSizing(npvBySample: npv, feasible: [true, false, true], criterion: .p90NPV)
        #expect(withoutB.recommended == 2 && withoutB.rank[1] == nil)
        // Regret is against the best feasible design of each sample: A and C, best [10, 10, 10, 10, 1].
        #expect(withoutB.maximumRegret == [9, 4, 5])
    }

    @Test("the recommendation names the winner and why each runner-up lost")
    func sentences() {
        let analysis = RobustSizing(npvBySample: [[10, 10, -8], [6, 6, 2]], feasible: [true, true], criterion: .p90NPV)
        let lines = analysis.sentences(ids: ["a", "b"], currency: .euro)
        #expect(lines[0].hasPrefix("Recommended by P90 NPV over 3 common samples: b"))
        #expect(lines[1].contains("#2 a: lost on P90 NPV"))
    }
}
