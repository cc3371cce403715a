import HeatLoop
import HeatLoopTestSupport
import Testing

/// Hand-computed: I = 1000, net flows 300, 400, 500 at r = 10 %:
/// NPV = −1000 + 300/1.1 + 400/1.21 + 500/1.331 = −1000 + 272.727 + 330.579 + 375.657 = −21.037;
/// IRR: NPV(r) = 0 at r = 8.8963 % (checked by putting it back); payback 1000 − 300 − 400 = 300 of year 3's 500 → 2.6 a.
@Suite("Project cash flows")
struct ProjectCashFlowsTests {
    static let flows = ProjectCashFlows(investment: 1000, years: [
        .init(revenue: 400, cost: 100, heatDeliveredMWh: 10),
        .init(revenue: 500, cost: 100, heatDeliveredMWh: 20),
        .init(revenue: 600, cost: 100, heatDeliveredMWh: 30),
    ])

    @Test("NPV, IRR and payback of a known series")
    func knownSeries() throws {
        #expect(Self.flows.npv(rate: 0.10).isApproximatelyEqual(to: -21.0368, absoluteTolerance: 1e-3))
        #expect(Self.flows.npv(rate: 0) == 200)
        let irr = try #require(Self.flows.irr())
        #expect(irr.isApproximatelyEqual(to: 0.088963, absoluteTolerance: 1e-5))
        #expect(abs(Self.flows.npv(rate: irr)) < 1e-6)
        #expect(Self.flows.paybackYears.isApproximatelyEqual(to: 2.6, relativeTolerance: 1e-12))
        #expect(ProjectCashFlows(investment: 1000, years: [.init(revenue: 100, cost: 200, heatDeliveredMWh: 1)]).irr() == nil)
    }

    /// LCOH = (1000 + 100/1.1 + 100/1.21 + 100/1.331) / (10/1.1 + 20/1.21 + 30/1.331)
    ///      = 1248.685 / 48.1593 = 25.9282 €/MWh.
    @Test("LCOH of a known series")
    func levelisedCost() {
        #expect(Self.flows.lcoh(rate: 0.10).isApproximatelyEqual(to: 25.9282, absoluteTolerance: 1e-3))
        #expect(ProjectCashFlows(investment: 1, years: [.init(revenue: 0, cost: 0, heatDeliveredMWh: 0)]).lcoh(rate: 0.1).isNaN)
    }

    @Test("constant years give the annuity figures of ProjectEconomics")
    func constantYearsMatchTheAnnuity() {
        let flows = ProjectCashFlows(investment: 5e6, years: Array(repeating: .init(revenue: 1.2e6, cost: 0.4e6, heatDeliveredMWh: 30_000), count: 20))
        let annuity = Discounting.annuityFactor(rate: 0.06, years: 20)
        #expect(flows.npv(rate: 0.06).isApproximatelyEqual(to: -5e6 + 0.8e6 / annuity, relativeTolerance: 1e-12))
        #expect(flows.lcoh(rate: 0.06).isApproximatelyEqual(to: (annuity * 5e6 + 0.4e6) / 30_000, relativeTolerance: 1e-12))
    }
}
