import Foundation

/// A project's cash flows year by year (end-of-year convention), for a timeline whose years differ:
///
///     NPV(r) = −I + Σ_{t=1…L} (R_t − C_t) (1 + r)^−t
///     IRR    = the r with NPV(r) = 0
///     LCOH   = (I + Σ_t C_t (1 + r)^−t) / Σ_t Q_t (1 + r)^−t
///
/// I: investment at the start (€), R_t: heat revenue and take-or-pay payment of year t, C_t: its costs net of
/// cooling savings (maintenance + heat-pump electricity + availability penalty − cooling electricity saved), Q_t: heat delivered (MWh). With the same
/// flows every year these are `ProjectEconomics.assess`'s annuity figures (NPV = −I + CF / a(r, L), LCOH =
/// (a·I + C) / Q). Source: VDI 2067 Blatt 1 (2012); Blank & Tarquin, *Engineering Economy*, ch. 2 and 7.
public struct ProjectCashFlows: Sendable, Equatable {
    public struct Year: Sendable, Equatable {
        public var revenue: Double
        public var cost: Double
        public var heatDeliveredMWh: Double
        public var netCashFlow: Double { revenue - cost }
        public init(revenue: Double, cost: Double, heatDeliveredMWh: Double) {
            self.revenue = revenue
            self.cost = cost
            self.heatDeliveredMWh = heatDeliveredMWh
        }

        /// A year from its appraisal: revenue from heat and take-or-pay; the costs are what the appraisal's net
        /// cash flow leaves of it (`ProjectEconomics.assess`, the one home of what a year's cash flow counts).
        public init(_ assessment: EconomicAssessment, heatDeliveredMWh: Double) {
            let revenue = assessment.heatRevenue + assessment.takeOrPayPayment
            self.init(revenue: revenue, cost: revenue - assessment.netCashFlow, heatDeliveredMWh: heatDeliveredMWh)
        }
    }

    public var investment: Double
    public var years: [Year]

    public init(investment: Double, years: [Year]) {
        self.investment = investment
        self.years = years
    }

    /// (1 + r)^−t for t = 1…L.
    func discountFactors(_ rate: Double) -> [Double] { years.indices.map { pow(1 + rate, -Double($0 + 1)) } }

    public func npv(rate: Double) -> Double {
        zip(years, discountFactors(rate)).reduce(-investment) { $0 + $1.0.netCashFlow * $1.1 }
    }

    /// €/MWh; NaN when no heat is delivered.
    public func lcoh(rate: Double) -> Double {
        let factors = discountFactors(rate)
        let heat = zip(years, factors).reduce(0) { $0 + $1.0.heatDeliveredMWh * $1.1 }
        guard heat > 0 else { return .nan }
        return zip(years, factors).reduce(investment) { $0 + $1.0.cost * $1.1 } / heat
    }

    /// The internal rate of return, by bisection on −99 % … 1000 % a year to 1e-10; nil when NPV has the same
    /// sign at both ends (no investment, or a project that never pays back).
    public func irr() -> Double? {
        var low = -0.99, high = 10.0
        var npvLow = npv(rate: low)
        guard npvLow.isFinite, npvLow * npv(rate: high) < 0 else { return nil }
        while high - low > 1e-10 {
            let middle = (low + high) / 2
            let value = npv(rate: middle)
            if (value < 0) == (npvLow < 0) { (low, npvLow) = (middle, value) } else { high = middle }
        }
        return (low + high) / 2
    }

    /// Simple payback in years: when the cumulative undiscounted cash flow first covers the investment,
    /// interpolated within that year; ∞ when it never does within the years given.
    public var paybackYears: Double {
        guard investment > 0 else { return 0 }
        var remaining = investment
        for (index, year) in years.enumerated() {
            let flow = year.netCashFlow
            if flow > 0 && flow >= remaining { return Double(index) + remaining / flow }
            remaining -= flow
        }
        return .infinity
    }
}
