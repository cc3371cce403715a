import HeatLoop
import Testing

@Suite("Random generator (xoshiro256** seeded by SplitMix64)")
struct TrainingRandomGeneratorTests {
    @Test("reference vectors")
    func referenceVectors() {
        // xoshiro256** from state {1, 2, 3, 4}: the first outputs of the authors' reference code
        // (prng.di.unimi.it/xoshiro256starstar.c), as listed in the test suites of its ports.
        var rng = RandomGenerator(state: 1, 2, 3, 4)
        let expected: [UInt64] = [11_520, 0, 1_509_978_240, 1_215_971_899_390_074_240,
                                  1_216_172_134_540_287_360, 607_988_272_756_665_600]
        #expect(expected.map { _ in rng.next() } == expected)
        // SplitMix64 from state 0 (prng.di.unimi.it/splitmix64.c): 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4.
        var state: UInt64 = 0
        #expect(RandomGenerator.splitMix64(&state) == 0xE220_A839_7B1D_CDAF)
        #expect(RandomGenerator.splitMix64(&state) == 0x6E78_9E6A_A1B9_65F4)
        // Seed 42: state = four SplitMix64 outputs from 42, then xoshiro256** (computed with an independent
        // Python transcription of both reference programs, checked against the vector above).
        var seeded = RandomGenerator(seed: 42)
        #expect(seeded.next() == 1_546_998_764_402_558_742)
        #expect(seeded.next() == 6_990_951_692_964_543_102)
        #expect(seeded.next() == 12_544_586_762_248_559_009)
    }

    @Test("same seed, same sequence; streams and seeds differ")
    func reproducibility() {
        var a = RandomGenerator(seed: 7), b = RandomGenerator(seed: 7)
        var c = RandomGenerator(seed: 8), d = RandomGenerator(seed: 7, stream: 1)
        let sa = (0..<8).map { _ in a.next() }
        #expect(sa == (0..<8).map { _ in b.next() })
        #expect(sa != (0..<8).map { _ in c.next() })
        #expect(sa != (0..<8).map { _ in d.next() })
        #expect(RandomGenerator(state: 0, 0, 0, 0) == RandomGenerator(seed: 0))
    }

    @Test("distributions: ranges and moments (n = 200 000, bounds ≥ 5 standard errors)")
    func distributions() {
        var rng = RandomGenerator(seed: 2024)
        let n = 200_000
        var uniformSum = 0.0, exponentialSum = 0.0, normalSum = 0.0, normalSquares = 0.0
        var logUniformBelowTen = 0
        var inRange = true
        for _ in 0..<n {
            let u = rng.uniform(), p = rng.uniformPositive()
            inRange = inRange && u >= 0 && u < 1 && p > 0 && p <= 1
            uniformSum += u
            exponentialSum += rng.exponential(mean: 3)
            let z = rng.normal()
            normalSum += z
            normalSquares += z * z
            let x = rng.logUniform(min: 1, max: 100)
            inRange = inRange && x >= 1 && x < 100
            if x < 10 { logUniformBelowTen += 1 }
        }
        #expect(inRange)
        let count = Double(n)
        // Standard errors: uniform 0.2887/√n = 6.5e-4; exponential 3/√n = 6.7e-3; normal 1/√n = 2.2e-3;
        // variance of z² is 2 → 3.2e-3; a proportion of 0.5 → 1.1e-3.
        #expect(abs(uniformSum / count - 0.5) < 5 * 6.5e-4)
        #expect(abs(exponentialSum / count - 3) < 5 * 6.7e-3)
        #expect(abs(normalSum / count) < 5 * 2.2e-3)
        #expect(abs(normalSquares / count - 1) < 5 * 3.2e-3)
        #expect(abs(Double(logUniformBelowTen) / count - 0.5) < 5 * 1.1e-3)  // half the decades lie below 10
        // Log-normal: the median is exp(mu).
        var below = 0
        for _ in 0..<20_000 where rng.logNormal(mu: 2, sigma: 1.5) < 7.389_056_098_930_65 { below += 1 }
        #expect(abs(Double(below) / 20_000 - 0.5) < 5 * 0.0036)
    }

    @Test("degenerate parameters do not trap")
    func degenerate() {
        var rng = RandomGenerator(seed: 1)
        #expect(rng.exponential(mean: 0) == 0)
        #expect(rng.exponential(mean: -1) == 0)
        #expect(rng.logUniform(min: 5, max: 5) == 5)
        #expect(rng.logUniform(min: 0, max: 5) == 0)
    }
}
