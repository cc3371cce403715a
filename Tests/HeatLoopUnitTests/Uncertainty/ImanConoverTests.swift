import Foundation
import HeatLoop
@testable import HeatLoopFiles
import HeatLoopTestSupport
import Testing

@Suite("Correlated inputs (Iman and Conover 1982)")
struct ImanConoverTests {
    static let inputs = [
        UncertainInput(keyPath: "economics.heat_price_eur_per_mwh", distribution: .triangular(min: 30, mode: 45, max: 70)),
        UncertainInput(keyPath: "economics.electricity_price_eur_per_mwh", distribution: .lognormal(median: 90, sigma: 0.25)),
        UncertainInput(keyPath: "carbon.grid_g_per_kwh", distribution: .normal(mean: 369, sd: 40)),
    ]
    static let targets = [
        InputCorrelation(first: "economics.heat_price_eur_per_mwh", second: "economics.electricity_price_eur_per_mwh", rank: 0.7),
        InputCorrelation(first: "economics.heat_price_eur_per_mwh", second: "carbon.grid_g_per_kwh", rank: -0.4),
    ]

    func column(_ rows: [[Double]], _ j: Int) -> [Double] { rows.map { $0[j] } }

    /// 200 samples: the achieved Spearman ρ is within 0.05 of each target (0 for the pair not given;
    /// Iman and Conover report errors of a few hundredths at this size), and every input's values are the
    /// independent Latin hypercube's, only reordered (the marginals and strata are unchanged).
    @Test("achieved Spearman correlations are within 0.05 of the targets; marginals unchanged")
    func achievedCorrelation() {
        let independent = UncertainInput.sample(Self.inputs, count: 200, seed: 11)
        let correlated = UncertainInput.sample(Self.inputs, count: 200, seed: 11, correlations: Self.targets)
        let target = InputCorrelation.matrix(Self.targets, inputs: Self.inputs.map(\.keyPath))
        for i in 0..<3 {
            #expect(column(correlated, i).sorted() == column(independent, i).sorted())
            for j in (i + 1)..<3 {
                let rho = RankCorrelation.spearman(column(correlated, i), column(correlated, j))
                #expect(abs(rho - target[i][j]) < 0.05, "ρ[\(i)][\(j)] = \(rho), target \(target[i][j])")
            }
        }
        #expect(abs(RankCorrelation.spearman(column(independent, 0), column(independent, 1))) < 0.2)
        #expect(UncertainInput.sample(Self.inputs, count: 200, seed: 11, correlations: Self.targets) == correlated)
    }

    /// A small ensemble (n ≤ k leaves the score correlation singular) still keeps its marginals.
    @Test("few samples: marginals kept, no crash")
    func fewSamples() {
        let correlated = UncertainInput.sample(Self.inputs, count: 3, seed: 2, correlations: Self.targets)
        let independent = UncertainInput.sample(Self.inputs, count: 3, seed: 2)
        for i in 0..<3 { #expect(column(correlated, i).sorted() == column(independent, i).sorted()) }
    }

    @Test("Cholesky, ranks with ties, Spearman of a monotone pair")
    func helpers() throws {
        let l = try #require(ImanConover.cholesky([[4, 2], [2, 5]]))
        #expect(l[0][0] == 2 && l[1][0] == 1 && l[1][1] == 2 && l[0][1] == 0)
        #expect(ImanConover.cholesky([[1, 0.9], [0.9, 0.5]]) == nil)
        #expect(RankCorrelation.ranks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
        #expect(RankCorrelation.spearman([1, 2, 3, 4], [1, 8, 27, 64]) == 1)
    }

    @Test("correlations: unknown inputs, repeats, |ρ| ≥ 1 and contradictions are refused; ensembles record them")
    func decoding() throws {
        let head = """
            name: c
            inputs:
              a.x: {uniform: {min: 0, max: 1}}
              a.y: {uniform: {min: 0, max: 1}}
              a.z: {uniform: {min: 0, max: 1}}
            correlations:

            """
        let good = try UncertaintySpec.decode(text: head + "  - {between: [a.x, a.y], rank: 0.5}\n", file: "u.yaml")
        #expect(good.correlations == [InputCorrelation(first: "a.x", second: "a.y", rank: 0.5)])
        #expect(good.samplingText.contains("Iman and Conover (1982)"))
        func problems(_ lines: String) -> String {
            do { _ = try UncertaintySpec.decode(text: head + lines, file: "u.yaml"); return "" } catch { return error.description }
        }
        #expect(problems("  - {between: [a.x, a.w], rank: 0.5}\n").contains("'a.w' is not one of the inputs"))
        #expect(problems("  - {between: [a.x, a.y], rank: 1}\n").contains("u.yaml:7:"))
        #expect(problems("  - {between: [a.x, a.y], rank: 0.5}\n  - {between: [a.y, a.x], rank: 0.2}\n").contains("listed twice"))
        #expect(problems("  - {between: [a.x, a.y], rank: 0.9}\n  - {between: [a.x, a.z], rank: 0.9}\n  - {between: [a.y, a.z], rank: -0.9}\n")
            .contains("not positive definite"))
        #expect(problems("  - {between: [a.x, a.y], rho: 0.5}\n").contains("unknown key 'rho'"))
    }
}
