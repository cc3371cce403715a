import Foundation

/// A named probability distribution of one uncertain input, sampled by its quantile function (inverse
/// CDF) so that a Latin-hypercube stratum u ∈ (0, 1) maps to a value (`LatinHypercube`).
///
///     normal(μ, σ)                 x = μ + σ Φ⁻¹(u)
///     lognormal(median m, σ_ln)    x = m · exp(σ_ln Φ⁻¹(u))          (ln x normal, median m)
///     uniform(a, b)                x = a + (b − a) u
///     triangular(a, c, b)          x = a + √(u (b − a)(c − a))          for u < (c − a)/(b − a)
///                                  x = b − √((1 − u)(b − a)(b − c))     otherwise
///
/// Φ⁻¹ is the standard normal quantile (`Distribution.standardNormalQuantile`). The parameters carry the
/// unit of the site-file key the distribution is attached to.
public enum Distribution: Sendable, Equatable {
    case normal(mean: Double, sd: Double)
    case lognormal(median: Double, sigma: Double)
    case uniform(min: Double, max: Double)
    case triangular(min: Double, mode: Double, max: Double)

    /// The names files use, in the order of the cases.
    public static let names = ["normal", "lognormal", "uniform", "triangular"]

    /// Checks the parameters (finite; sd, sigma ≥ 0; median > 0; min ≤ mode ≤ max; min < max for a
    /// uniform and a triangular).
    public var problem: String? {
        switch self {
        case .normal(let mean, let sd):
            guard mean.isFinite, sd.isFinite, sd >= 0 else { return "normal: expected a finite mean and sd ≥ 0" }
        case .lognormal(let median, let sigma):
            guard median.isFinite, median > 0, sigma.isFinite, sigma >= 0 else {
                return "lognormal: expected median > 0 and sigma ≥ 0 (the sd of ln x)"
            }
        case .uniform(let lower, let upper):
            guard lower.isFinite, upper.isFinite, lower < upper else { return "uniform: expected min < max" }
        case .triangular(let lower, let mode, let upper):
            guard lower.isFinite, mode.isFinite, upper.isFinite, lower <= mode, mode <= upper, lower < upper else {
                return "triangular: expected min ≤ mode ≤ max and min < max"
            }
        }
        return nil
    }

    /// The value at cumulative probability `u` (0 < u < 1).
    public func quantile(_ u: Double) -> Double {
        switch self {
        case .normal(let mean, let sd): mean + sd * Self.standardNormalQuantile(u)
        case .lognormal(let median, let sigma): median * exp(sigma * Self.standardNormalQuantile(u))
        case .uniform(let lower, let upper): lower + (upper - lower) * u
        case .triangular(let lower, let mode, let upper):
            u < (mode - lower) / (upper - lower)
                ? lower + (u * (upper - lower) * (mode - lower)).squareRoot()
                : upper - ((1 - u) * (upper - lower) * (upper - mode)).squareRoot()
        }
    }

    /// The mean of the distribution.
    public var mean: Double {
        switch self {
        case .normal(let mean, _): mean
        case .lognormal(let median, let sigma): median * exp(sigma * sigma / 2)
        case .uniform(let lower, let upper): (lower + upper) / 2
        case .triangular(let lower, let mode, let upper): (lower + mode + upper) / 3
        }
    }

    /// Φ⁻¹(p), the standard normal quantile, by P. J. Acklam's rational approximation (relative error
    /// below 1.15e-9 over 0 < p < 1) refined by one Halley step on erfc, which takes it to machine
    /// precision. Source: P. J. Acklam, "An algorithm for computing the inverse normal cumulative
    /// distribution function" (2003, web page; the coefficients as published there).
    public static func standardNormalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p <= 0 ? -.infinity : .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low || p > 1 - low {
            let q = (-2 * log(p < low ? p : 1 - p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
            if p > 1 - low { x = -x }
        } else {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        // Halley refinement: e = Φ(x) − p, Φ(x) = erfc(−x/√2)/2.
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        return x - u / (1 + x * u / 2)
    }
}
