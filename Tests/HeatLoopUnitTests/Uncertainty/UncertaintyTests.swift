import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("Distributions, Latin hypercube, percentiles")
struct UncertaintyTests {
    /// Φ⁻¹ at tabulated points (Abramowitz and Stegun 1964, table 26.5): 0.975 → 1.959964, 0.9 → 1.281552,
    /// 0.001 → −3.090232.
    @Test("the standard normal quantile matches the tables")
    func normalQuantile() {
        #expect(abs(Distribution.standardNormalQuantile(0.975) - 1.959_964) < 1e-6)
        #expect(abs(Distribution.standardNormalQuantile(0.9) - 1.281_552) < 1e-6)
        #expect(abs(Distribution.standardNormalQuantile(0.001) + 3.090_232) < 1e-6)
        #expect(Distribution.standardNormalQuantile(0.5) == 0)
    }

    @Test("quantiles of each distribution: medians, bounds and the triangular's mode")
    func quantiles() {
        #expect(Distribution.normal(mean: 45, sd: 8).quantile(0.5) == 45)
        #expect(abs(Distribution.lognormal(median: 90, sigma: 0.25).quantile(0.5) - 90) < 1e-9)
        #expect(Distribution.uniform(min: 0.7, max: 0.9).quantile(0.25).isApproximatelyEqual(to: 0.75, relativeTolerance: 1e-12))
        let triangle = Distribution.triangular(min: 30, mode: 45, max: 70)
        #expect(abs(triangle.quantile(15.0 / 40) - 45) < 1e-9)  // F(mode) = (c − a)/(b − a)
        #expect(triangle.quantile(1e-12) > 30 && triangle.quantile(1 - 1e-12) < 70)
        #expect(Distribution.triangular(min: 1, mode: 0, max: 2).problem != nil)
        #expect(Distribution.lognormal(median: 0, sigma: 1).problem != nil)
    }

    @Test("a Latin hypercube uses every stratum of every input once, and is reproducible by seed")
    func latinHypercube() {
        let rows = LatinHypercube.sample(count: 50, dimensions: 3, seed: 9)
        for dimension in 0..<3 {
            let strata = Set(rows.map { Int($0[dimension] * 50) })
            #expect(strata == Set(0..<50))
        }
        #expect(LatinHypercube.sample(count: 50, dimensions: 3, seed: 9) == rows)
        #expect(LatinHypercube.sample(count: 50, dimensions: 3, seed: 10) != rows)
        // Adding an input leaves the others' draws unchanged (one stream per input).
        #expect(LatinHypercube.sample(count: 50, dimensions: 4, seed: 9).map { Array($0.prefix(3)) } == rows)
    }

    /// The sample mean of a Latin hypercube of a triangular distribution is within a fraction of the
    /// stratum width of the true mean (plain Monte Carlo would be off by σ/√n ≈ 0.7 here).
    @Test("the sampled mean of an input converges like a stratified sample")
    func stratifiedMean() {
        let triangle = Distribution.triangular(min: 30, mode: 45, max: 70)
        let values = UncertainInput.sample([UncertainInput(keyPath: "x", distribution: triangle)], count: 200, seed: 1).map { $0[0] }
        let mean = values.reduce(0, +) / 200
        #expect(abs(mean - triangle.mean) < 0.1)
    }

    /// numpy.percentile([1, 2, 3, 4, 10], [10, 50, 90]) = [1.4, 3, 7.6] (linear, Hyndman–Fan 7).
    @Test("percentiles follow the exceedance convention and numpy's linear interpolation")
    func percentiles() {
        let p = Percentiles([4, 1, 10, 3, 2, .nan])
        #expect(abs(p.p90 - 1.4) < 1e-12)   // exceeded by 90 %: the 10th percentile
        #expect(p.p50 == 3)
        #expect(abs(p.p10 - 7.6) < 1e-12)
        #expect(p.mean == 4)
        #expect(p.excluded == 1)
    }
}
