/// A project's timeline appraised (issue 18 item 3): per year its inputs, KPIs, cash flow and the EnEfG
/// verdict against the targets in force that year; over the years NPV, IRR, LCOH and payback from the
/// year-by-year cash flows (`ProjectCashFlows`).
///
/// Investment: the heat-recovery CAPEX of year 1's design at the start; when a later year's design costs
/// more (a larger heat pump after a refresh), the difference is spent in that year (added to its costs).
/// Year t is calendar year `startYear + t − 1`, assessed against the EnEfG targets in force on its
/// 31 December (`EnEfGRequirement`).
public struct TimelineSummary: Sendable {
    public struct Year: Sendable {
        public var calendarYear: Int
        public var inputValues: [Double]
        /// 0-based index of the year whose simulation this year reuses (itself when simulated).
        public var simulatedAs: Int
        public var kpis: KPIs
        public var economics: EconomicAssessment?
        /// CAPEX spent this year beyond what was spent before (0 in year 1: that is the investment).
        public var additionalCapex: Double
        public var enefg: EnEfGAssessment?
    }

    /// The per-year KPI columns of the result table and the terminal.
    public static let yearColumns = ["it_energy_MWh", "heat_delivered_MWh", "pue", "erf", "unmet_cooling_hours", "co2_operational_t"]

    public var timeline: ProjectTimeline
    public var years: [Year]
    /// Nil when the site has no economics.
    public var cashFlows: ProjectCashFlows?
    public var discountRate: Double
    /// Per year, the weather member it ran in (nil: the site's weather file in every year).
    public var weatherMembers: [Int]?

    /// `runs[i]`: the annual KPIs and economics of year `timeline.distinctYears(weatherMembers:)[i]`;
    /// `weatherMembers[t − 1]`: the weather member year t ran in (nil: one weather for every year).
    public init(timeline: ProjectTimeline, runs: [(kpis: KPIs, economics: EconomicAssessment?)],
                commissioning: CalendarDate?, discountRate: Double, weatherMembers: [Int]? = nil) {
        self.timeline = timeline
        self.discountRate = discountRate
        self.weatherMembers = weatherMembers
        let distinct = timeline.distinctYears(weatherMembers: weatherMembers)
        let byYear = Dictionary(uniqueKeysWithValues: zip(distinct, runs).map { ($0, $1) })
        var spent = 0.0
        years = timeline.simulatedAs(weatherMembers: weatherMembers).enumerated().compactMap { index, source in
            guard let run = byYear[source] else { return nil }
            let capex = run.economics?.capex.total ?? 0
            let additional = index == 0 ? 0 : max(0, capex - spent)
            spent = max(spent, capex)
            let calendarYear = timeline.startYear + index
            let enefg = commissioning.map {
                EnEfGAssessment(commissioning: $0, lastDay: CalendarDate(year: calendarYear, month: 12, day: 31),
                                pue: run.kpis.pue, erf: run.kpis.erf, unmetCoolingHours: run.kpis.unmetCoolingHours)
            }
            return Year(calendarYear: calendarYear, inputValues: timeline.values(inYear: index + 1), simulatedAs: source,
                        kpis: run.kpis, economics: run.economics, additionalCapex: additional, enefg: enefg)
        }
        guard let first = years.first?.economics else { cashFlows = nil; return }
        cashFlows = ProjectCashFlows(investment: first.capex.total, years: years.map { year in
            guard let economics = year.economics else { return .init(revenue: 0, cost: 0, heatDeliveredMWh: 0) }
            var flow = ProjectCashFlows.Year(economics, heatDeliveredMWh: year.kpis.heatDeliveredMWh)
            flow.cost += year.additionalCapex
            return flow
        })
    }

    public var npv: Double { cashFlows?.npv(rate: discountRate) ?? .nan }
    public var irr: Double { cashFlows?.irr() ?? .nan }
    public var lcoh: Double { cashFlows?.lcoh(rate: discountRate) ?? .nan }
    public var paybackYears: Double { cashFlows?.paybackYears ?? .nan }
    public var simulatedCount: Int { timeline.distinctYears(weatherMembers: weatherMembers).count }

    /// The project figures under their result-file names, with units.
    public var named: [(name: String, units: String, longName: String, value: Double)] {
        [("npv_eur", "EUR", "net present value of the year-by-year cash flows", npv),
         ("irr", "1", "internal rate of return of the year-by-year cash flows", irr),
         ("lcoh_eur_per_MWh", "EUR MWh-1", "levelised cost of delivered heat over the timeline", lcoh),
         ("payback_years", "year", "simple payback of the year-by-year cash flows", paybackYears),
         ("investment_eur", "EUR", "heat-recovery CAPEX of year 1", cashFlows?.investment ?? .nan)]
    }
}
