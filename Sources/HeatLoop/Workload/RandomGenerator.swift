import Foundation

/// The simulation's pseudo-random numbers: xoshiro256** 1.0 seeded through SplitMix64.
///
///     next:  result = rotl(s₁·5, 7)·9;  t = s₁ << 17;  s₂ ^= s₀;  s₃ ^= s₁;  s₁ ^= s₂;  s₀ ^= s₃;
///            s₂ ^= t;  s₃ = rotl(s₃, 45)
///
/// The 64-bit integer sequence is fixed by the seed on every platform (pure integer arithmetic); the
/// derived doubles use `log`/`exp` from the C library. Value type: copy it to fork a sequence, keep it
/// in the simulation state to continue one. Not for cryptography.
/// Source: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47 (2021)
/// (preprint 2018); reference code and the SplitMix64 seeding at https://prng.di.unimi.it.
public struct RandomGenerator: Sendable, Equatable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose 256-bit state is four successive SplitMix64 outputs from `seed` (the seeding
    /// the xoshiro authors recommend; any seed, including 0, gives a valid state).
    public init(seed: UInt64) {
        var splitMix = seed
        s0 = Self.splitMix64(&splitMix)
        s1 = Self.splitMix64(&splitMix)
        s2 = Self.splitMix64(&splitMix)
        s3 = Self.splitMix64(&splitMix)
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }  // the one invalid state; cannot occur in practice
    }

    /// An independent sequence number `stream` of `seed`: the seed is mixed with the stream number
    /// through SplitMix64 before seeding, so streams of one seed do not share a prefix. Used to give each
    /// job its own sequence, so that adding a job does not change the draws of the others.
    public init(seed: UInt64, stream: UInt64) {
        var mix = stream &+ 0x632B_E59B_D9B4_E019
        self.init(seed: seed ^ Self.splitMix64(&mix))
    }

    /// A generator with an explicit state (for reference test vectors). An all-zero state is replaced
    /// by the seeded state of 0.
    public init(state s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        if s0 | s1 | s2 | s3 == 0 {
            self.init(seed: 0)
        } else {
            self.init(raw: s0, s1, s2, s3)
        }
    }

    private init(raw s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        self.s0 = s0
        self.s1 = s1
        self.s2 = s2
        self.s3 = s3
    }

    /// SplitMix64 (Steele, Lea, Flood 2014; Vigna's `splitmix64.c`): advances `state` by the golden
    /// gamma and returns the mixed value.
    @inlinable
    public static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    @inline(__always)
    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in [0, 1): the top 53 bits scaled by 2⁻⁵³ (every value a multiple of 2⁻⁵³).
    @inline(__always)
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in (0, 1]: never 0, so safe inside `log`.
    @inline(__always)
    public mutating func uniformPositive() -> Double { Double((next() >> 11) + 1) * 0x1p-53 }

    /// Exponentially distributed with the given mean (inversion: `−mean·ln U`, U ∈ (0, 1]).
    /// A non-positive mean gives 0.
    public mutating func exponential(mean: Double) -> Double {
        let draw = -log(uniformPositive())
        return mean > 0 ? mean * draw : 0
    }

    /// Standard normal (Marsaglia's polar method; the second variate of each pair is discarded so that
    /// the generator state stays the only state).
    public mutating func normal() -> Double {
        while true {
            let x = 2 * uniform() - 1, y = 2 * uniform() - 1
            let s = x * x + y * y
            if s > 0, s < 1 { return x * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// Log-normal: `exp(mu + sigma·Z)`, Z standard normal; the median is `exp(mu)`, the mean
    /// `exp(mu + sigma²/2)`.
    public mutating func logNormal(mu: Double, sigma: Double) -> Double { exp(mu + sigma * normal()) }

    /// Log-uniform on [min, max) (density ∝ 1/x): `min·(max/min)^U`. Requires 0 < min ≤ max; otherwise
    /// returns `min`.
    public mutating func logUniform(min lower: Double, max upper: Double) -> Double {
        guard lower > 0, upper > lower else { return lower }
        return lower * exp(log(upper / lower) * uniform())
    }
}
