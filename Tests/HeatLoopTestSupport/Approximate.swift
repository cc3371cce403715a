/// Test-only approximate comparison (same contract as swift-numerics' `isApproximatelyEqual`):
/// `|a − b| ≤ max(absoluteTolerance, relativeTolerance · max(|a|, |b|))`. NaN is never close to anything.
extension Double {
    public func isApproximatelyEqual(
        to other: Double, relativeTolerance: Double = 1e-12, absoluteTolerance: Double = 0
    ) -> Bool {
        guard isFinite, other.isFinite else { return self == other }
        let scale = Swift.max(abs(self), abs(other))
        return abs(self - other) <= Swift.max(absoluteTolerance, relativeTolerance * scale)
    }
}

/// A reproducible pseudo-random sequence for property tests (Knuth's MMIX 64-bit LCG constants;
/// the top 53 bits give a uniform double in [0, 1)).
public struct TestLCG {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / 9_007_199_254_740_992.0
    }
    /// Uniform in `range`.
    public mutating func next(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * next()
    }
}
