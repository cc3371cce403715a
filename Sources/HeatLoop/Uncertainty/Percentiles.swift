/// P10, P50, P90 and the mean of an ensemble's values of one quantity.
///
/// **Exceedance convention**, as wind and solar yield assessments and their lenders use it: P_x is the
/// value exceeded in x % of the samples, so P90 is the 10th percentile (the low case of heat delivered or
/// NPV) and P10 the 90th; P50 is the median. For a quantity where lower is better (LCOH, unmet hours)
/// P90 is thus the favourable end: read it as "exceeded in 90 % of samples". Percentiles interpolate
/// linearly between order statistics (Hyndman and Fan 1996 definition 7, numpy's default):
///
///     q(p) = x_(k) + (h − k)(x_(k+1) − x_(k)),  h = (n − 1) p,  k = ⌊h⌋   (sorted x_(0…n−1))
///
/// Non-finite values (a payback never reached) are left out and counted in `excluded`.
/// Source: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", Am. Stat. 50 (1996) 361–365.
public struct Percentiles: Sendable, Equatable {
    /// Value exceeded in 10 % of the samples (the 90th percentile).
    public var p10: Double
    public var p50: Double
    /// Value exceeded in 90 % of the samples (the 10th percentile).
    public var p90: Double
    public var mean: Double
    /// Finite values summarised.
    public var count: Int
    /// Non-finite values left out.
    public var excluded: Int

    public init(_ values: [Double]) {
        let finite = values.filter(\.isFinite).sorted()
        count = finite.count
        excluded = values.count - finite.count
        mean = finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
        p10 = Self.quantile(finite, 0.9)
        p50 = Self.quantile(finite, 0.5)
        p90 = Self.quantile(finite, 0.1)
    }

    /// Quantile `p` of ascending `sorted` (Hyndman–Fan 7); NaN when empty.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard let first = sorted.first else { return .nan }
        guard sorted.count > 1 else { return first }
        let h = Double(sorted.count - 1) * p
        let k = min(Int(h), sorted.count - 2)
        return sorted[k] + (h - Double(k)) * (sorted[k + 1] - sorted[k])
    }

    /// The names and values in the order tables write them: `<name>_p10`, `_p50`, `_p90`, `_mean`.
    public func named(_ name: String) -> [(name: String, value: Double)] {
        [("\(name)_p10", p10), ("\(name)_p50", p50), ("\(name)_p90", p90), ("\(name)_mean", mean)]
    }

    /// What each of `named`'s values is, in its order, to follow a quantity's long name.
    public static let descriptions = ["exceeded in 10 % of samples", "median over the samples",
                                      "exceeded in 90 % of samples", "mean over the samples"]
}
