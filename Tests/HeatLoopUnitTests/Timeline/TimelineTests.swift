@testable import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("Project timeline")
struct TimelineTests {
    @Test("ramp, escalation and steps by year")
    func changes() {
        let ramp = TimelineChange.ramp(from: 0.5, to: 0.9, years: 3)
        #expect([1, 2, 3, 4, 10].map { ramp.value(inYear: $0) } == [0.5, 0.7, 0.9, 0.9, 0.9])
        let escalate = TimelineChange.escalate(from: 100, rate: 0.02)
        #expect(escalate.value(inYear: 1) == 100)
        #expect(escalate.value(inYear: 3).isApproximatelyEqual(to: 104.04))
        let steps = TimelineChange.steps([TimelineStep(year: 1, value: 0.3), TimelineStep(year: 6, value: 0.8)])
        #expect([1, 5, 6, 20].map { steps.value(inYear: $0) } == [0.3, 0.3, 0.8, 0.8])
        #expect(TimelineChange.steps([TimelineStep(year: 2, value: 1)]).problem != nil)
        #expect(TimelineChange.ramp(from: 0, to: 1, years: 1).value(inYear: 1) == 1)
    }

    @Test("years with the same inputs share one simulation")
    func reduction() {
        let timeline = ProjectTimeline(startYear: 2030, years: 8, inputs: [
            TimelineInput(keyPath: "a", change: .ramp(from: 0.5, to: 0.9, years: 3)),
            TimelineInput(keyPath: "b", change: .steps([TimelineStep(year: 1, value: 1), TimelineStep(year: 6, value: 2)])),
        ])
        #expect(timeline.simulatedAs == [0, 1, 2, 2, 2, 5, 5, 5])
        #expect(timeline.distinctYears == [0, 1, 2, 5])
    }

    /// Two distinct runs over three years (year 3 reuses year 2): investment 1000, flows 300, 400, 400 at
    /// 10 %: NPV = −1000 + 300/1.1 + 400/1.21 + 400/1.331 = −96.168; an existing site (2020) has no target in
    /// 2026, PUE ≤ 1.5 in 2027 and 2028 (31 December after 1 July 2027).
    @Test("cash flows and EnEfG verdict per year")
    func summary() {
        let timeline = ProjectTimeline(startYear: 2026, years: 3, inputs: [
            TimelineInput(keyPath: "a", change: .ramp(from: 1, to: 2, years: 2))])
        func run(_ revenue: Double, pue: Double) -> (kpis: KPIs, economics: EconomicAssessment?) {
            var kpis = KPIs(EnergyTotals(), carbon: nil, gridWaterIntensity: 0)
            kpis.pue = pue
            kpis.erf = 0
            kpis.heatDeliveredMWh = 10
            let economics = EconomicAssessment(capex: CapitalCostBreakdown(heatPump: 1000, storage: 0, connection: 0),
                                               heatRevenue: revenue, takeOrPayPayment: 0, heatPumpElectricityCost: 0,
                                               coolingEnergySaved: Joules(0), coolingSavings: 0,
                                               availabilityShortfall: Joules(0), availabilityPenalty: 0,
                                               maintenance: 0, netCashFlow: revenue, npv: 0, lcoh: 0,
                                               paybackYears: 0, co2AvoidedLifetimeTonnes: 0)
            return (kpis, economics)
        }
        let summary = TimelineSummary(timeline: timeline, runs: [run(300, pue: 1.4), run(400, pue: 1.45)],
                                      commissioning: CalendarDate(year: 2020, month: 1, day: 1), discountRate: 0.1)
        #expect(summary.years.map(\.simulatedAs) == [0, 1, 1])
        let npv: Double = -1000 + 300 / 1.1 + 400 / 1.21 + 400 / 1.331  // −96.168
        #expect(summary.npv.isApproximatelyEqual(to: npv, relativeTolerance: 1e-12))
        #expect(summary.years.map { $0.enefg?.verdict } == ["no target yet", "PASS", "PASS"])
        #expect(summary.years[1].enefg?.pueRequired == 1.5)
        #expect(summary.years.map(\.additionalCapex) == [0, 0, 0])
    }
}
