import Foundation

/// Discounting of a constant annual cash flow over a project's life (end-of-year convention).
///
///     a(r, L) = r / (1 − (1 + r)^−L)        capital recovery (annuity) factor, 1/year
///     PV      = A · Σ_{t=1…L} (1 + r)^−t = A / a(r, L)
///
/// with `a(0, L) = 1/L`. Source: VDI 2067 Blatt 1 (2012), annuity method; any engineering-economics
/// text (e.g. Blank & Tarquin, *Engineering Economy*, 8th ed., ch. 2, factor A/P).
public enum Discounting {
    /// Capital recovery factor `a(r, L)`: the constant annual payment, per euro of capital, that repays it
    /// with interest `rate` over `years`. `rate` ≥ 0 (a fraction per year: 0.06 = 6 %), `years` ≥ 1.
    public static func annuityFactor(rate: Double, years: Int) -> Double {
        guard rate != 0 else { return 1 / Double(years) }
        return rate / (1 - pow(1 + rate, -Double(years)))
    }

    /// Present value of `annual` euros received at the end of each of `years` years.
    public static func presentValue(annual: Double, rate: Double, years: Int) -> Double {
        annual / annuityFactor(rate: rate, years: years)
    }
}
