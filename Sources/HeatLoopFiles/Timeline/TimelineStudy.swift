import Foundation
import HeatLoop

/// A site over its project's years (issue 18 item 3): year t is the site file with the timeline's values of
/// year t set (`ProjectTimeline`), designed like the file itself, run in the site's own weather file through
/// `ScenarioRunner`; years whose inputs are all equal share one run. The per-year KPIs and economics go into
/// a `TimelineSummary` (cash flows, NPV/IRR/LCOH, EnEfG verdict per year).
public struct TimelineStudy: Sendable {
    public let spec: TimelineSpec
    public let timeline: ProjectTimeline
    /// Reads the site and sets values (its typical-year ensemble of one sample, without uncertain inputs).
    public let site: EnsembleStudy

    public var base: SiteInput { site.base }

    public init(site path: String, spec: TimelineSpec, timestepOverride: Int? = nil) throws(InputError) {
        var typical = UncertaintySpec()
        typical.weather = .typical
        typical.samples = 1
        site = try EnsembleStudy(site: path, spec: typical, timestepOverride: timestepOverride)
        self.spec = spec
        timeline = Self.timeline(spec, base: site.base)
    }

    /// The project's years: `spec`'s, over its `years` or else the site's project life (default 20).
    static func timeline(_ spec: TimelineSpec, base: SiteInput) -> ProjectTimeline {
        let lifetime = base.project?.economics.lifetimeYears ?? 20
        return ProjectTimeline(startYear: spec.startYear, years: spec.years ?? lifetime, inputs: spec.inputs)
    }

    /// Operating year `year` (0-based) appraised.
    public func appraise(year: Int) throws(ScenarioFailure) -> (kpis: KPIs, economics: EconomicAssessment?) {
        try Self.appraise(site: site, timeline: timeline, year: year)
    }

    /// Operating year `year` (0-based) of `timeline` appraised: the site with `fixed` set and then the
    /// timeline's values of that year, run in `weather` (nil: the site's own weather file). The one recipe of
    /// a timeline year, with or without uncertainty (`TimelineEnsembleStudy`).
    static func appraise(site: EnsembleStudy, timeline: ProjectTimeline, year: Int, fixed: [(keyPath: String, value: Double)] = [],
                         weather: WeatherSeries? = nil, what: String = "") throws(ScenarioFailure) -> (kpis: KPIs, economics: EconomicAssessment?) {
        let settings = fixed + zip(timeline.inputs, timeline.values(inYear: year + 1)).map { (keyPath: $0.keyPath, value: $1) }
        let input = try site.input(what + "year \(timeline.startYear + year)", settings: settings, weather: weather)
        let run = try ScenarioRunner(input: input).appraise(summaryOnly: true)
        return (run.summary.annual, run.summary.economics)
    }

    /// The summary of `runs` (one per distinct year) with the site's commissioning date and discount rate.
    static func summary(_ timeline: ProjectTimeline, runs: [(kpis: KPIs, economics: EconomicAssessment?)], base: SiteInput,
                        weatherMembers: [Int]? = nil) -> TimelineSummary {
        TimelineSummary(timeline: timeline, runs: runs, commissioning: base.site.compliance?.commissioningDate,
                        discountRate: base.project?.economics.discountRate ?? 0, weatherMembers: weatherMembers)
    }

    /// The distinct years, `jobs` at a time; `progress(done, total)` on the calling thread after each.
    public func run(jobs: Int, progress: (Int, Int) -> Void = { _, _ in }) throws(ScenarioFailure) -> TimelineSummary {
        let distinct = timeline.distinctYears
        var results = [Result<(kpis: KPIs, economics: EconomicAssessment?), ScenarioFailure>?](repeating: nil, count: distinct.count)
        var done = 0
        progress(0, distinct.count)
        ParallelRunner.run(count: distinct.count, jobs: jobs, work: { index in
            Result { () throws(ScenarioFailure) in try self.appraise(year: distinct[index]) }
        }, consume: { index, result in
            results[index] = result
            done += 1
            progress(done, distinct.count)
        })
        var runs: [(kpis: KPIs, economics: EconomicAssessment?)] = []
        for result in results { if let result { runs.append(try result.get()) } }
        return Self.summary(timeline, runs: runs, base: base)
    }
}

extension ScenarioTable {
    /// A timeline's result table (`heatloop run --timeline`): one row per operating year along `year`
    /// (ids the calendar years), with the inputs' values, the KPIs, the cash flow and the EnEfG targets and
    /// verdict; NPV, IRR, LCOH, payback and the investment as root attributes.
    public init(timeline summary: TimelineSummary, name: String, attributes: [ResultAttribute]) {
        let rows = summary.years.enumerated().map { index, year in
            var values: [(name: String, units: String, longName: String, value: Double)] = [
                ("calendar_year", "1", "calendar year of the operating year", Double(year.calendarYear)),
                ("simulated_as_year", "1", "operating year whose simulation this year reuses (same inputs)",
                 Double(summary.timeline.startYear + year.simulatedAs)),
            ]
            values += zip(summary.timeline.inputs, year.inputValues).map { input, value in
                (input.keyPath, "", "timeline site input \(input.keyPath)", value)
            }
            values += year.kpis.named.filter { TimelineSummary.yearColumns.contains($0.name) }
            if let flows = summary.cashFlows?.years[index] {
                values += [("net_cash_flow_eur", "EUR", "heat revenue less costs, net of cooling savings and added CAPEX", flows.netCashFlow),
                           ("additional_capex_eur", "EUR", "CAPEX spent this year beyond earlier years'", year.additionalCapex)]
            }
            if let enefg = year.enefg {
                values += [("enefg_pue_required", "1", "EnEfG §11 PUE target in force this year (NaN: none)",
                            enefg.pueRequired.isFinite ? enefg.pueRequired : .nan),
                           ("enefg_erf_required", "1", "EnEfG §11 ERF target in force this year", enefg.erfRequired),
                           ("enefg_pass", "1", "EnEfG §11 verdict: 1 pass, 0 fail, -1 not assessed or no target", Double(enefg.passCode))]
            }
            let labels = year.enefg.map { [(name: "enefg_verdict", value: $0.verdict), (name: "enefg_basis", value: $0.basis)] } ?? []
            return ScenarioRow(id: "\(year.calendarYear)", labels: labels, values: values)
        }
        let figures = summary.named.map { ResultAttribute($0.name, .double($0.value)) }
        self.init(dimension: "year", rows: rows, attributes: attributes + [
            ResultAttribute("kind", .string("timeline")),
            ResultAttribute("timeline", .string(name)),
            ResultAttribute("start_year", .int(summary.timeline.startYear)),
            ResultAttribute("years", .int(summary.timeline.years)),
            ResultAttribute("simulated_years", .int(summary.simulatedCount)),
            ResultAttribute("discount_rate", .double(summary.discountRate)),
        ] + figures)
    }
}
