import Foundation
import HeatLoop

/// What a run's report shows, taken from its result document (in memory, or read back from the HDF5
/// file with only `seriesUsed`): the root and `/summary` attributes, the monthly and jobs tables, and
/// the step series regrouped by hour.
public struct RunReport: Sendable {
    /// The step series the report charts by the hour (`HourlySeries`).
    static let hourlySeries: [OutputSeries] = [
        .dryBulb, .pue, .mode, .itPower, .heatAvailable, .heatRecovered, .heatDelivered, .dhDemand,
    ]

    /// The step series the report reads (a ratio's numerator and denominator rather than the ratio); a
    /// reader may load only these.
    public static let seriesUsed: [OutputSeries] = hourlySeries.flatMap(\.aggregationInputs).reduce(into: []) {
        if !$0.contains($1) { $0.append($1) }
    }

    public var attributes: [ResultAttribute]
    public var summary: [ResultAttribute]
    /// `/summary/monthly`, along `month`.
    public var monthly: ResultTable?
    /// `/summary/jobs`, along `job`, when the site has training jobs.
    public var jobs: ResultTable?
    /// The resolved site the run simulated, read back from `site_config_json` (nil for results that do
    /// not store it).
    public var site: SiteSpec?
    public var year: Int
    public var stepMinutes: Int
    /// The step series by hour, each aggregated as `OutputSeries` declares: means of powers (W) and
    /// temperatures (°C); PUE as the hour's facility / IT energy; the cooling mode most often used in the
    /// hour (0 free, 1 partial, 2 mechanical). Empty when the file lacks a series.
    public var hourly: HourlySeries
    /// Heat duration curves (hourly means sorted from largest, W): `/summary/heat_duration` when the
    /// file has it, else computed from the hourly series.
    public var duration: DurationCurves

    public struct HourlySeries: Sendable {
        public var dryBulb: [Double] = []
        public var pue: [Double] = []
        public var coolingMode: [Double] = []
        public var itPower: [Double] = []
        public var heatAvailable: [Double] = []
        public var heatRecovered: [Double] = []
        public var heatDelivered: [Double] = []
        public var heatDemand: [Double] = []
    }

    public struct DurationCurves: Sendable {
        public var available: [Double]
        public var demand: [Double]
        public var delivered: [Double]
    }

    public init(document: ResultDocument) {
        attributes = document.attributes
        summary = document.summary
        monthly = document.summaryTables.first { $0.name == "monthly" }
        jobs = document.summaryTables.first { $0.name == "jobs" }
        site = document.attributes.first { $0.name == "site_config_json" }.flatMap { attribute in
            guard case .string(let json) = attribute.value else { return nil }
            return try? SiteSpec(json: Data(json.utf8))
        }
        year = document.time.year
        stepMinutes = document.time.stepMinutes
        let step = stepMinutes
        func hourly(_ series: OutputSeries) -> [Double] {
            SeriesAggregation.hourly(series, stepMinutes: step) { document.series($0)?.values.doubles ?? [] }
        }
        self.hourly = HourlySeries(
            dryBulb: hourly(.dryBulb), pue: hourly(.pue), coolingMode: hourly(.mode), itPower: hourly(.itPower),
            heatAvailable: hourly(.heatAvailable), heatRecovered: hourly(.heatRecovered),
            heatDelivered: hourly(.heatDelivered), heatDemand: hourly(.dhDemand))
        if let table = document.summaryTables.first(where: { $0.name == "heat_duration" }),
           let available = table.column("available"), let demand = table.column("demand"),
           let delivered = table.column("delivered") {
            duration = DurationCurves(available: available, demand: demand, delivered: delivered)
        } else {
            duration = DurationCurves(available: SeriesAggregation.durationCurve(self.hourly.heatAvailable),
                                      demand: SeriesAggregation.durationCurve(self.hourly.heatDemand),
                                      delivered: SeriesAggregation.durationCurve(self.hourly.heatDelivered))
        }
    }

    // MARK: - Reading the attributes

    public var siteName: String { text("site") ?? "HeatLoop result" }

    /// A root attribute as text.
    public func text(_ name: String) -> String? {
        guard case .string(let value)? = attributes.first(where: { $0.name == name })?.value else { return nil }
        return value
    }

    /// A root attribute as a number.
    public func rootNumber(_ name: String) -> Double? { attributes.first { $0.name == name }?.value.double }

    /// A `/summary` attribute as a number (NaN when absent or text).
    public func kpi(_ name: String) -> Double { summary.first { $0.name == name }?.value.double ?? .nan }

    /// True when the site recovers heat or has a district-heating demand: the heat charts have data.
    public var hasHeatRecovery: Bool {
        site?.heatRecovery != nil || kpi("heat_available_MWh") > 0 || kpi("dh_demand_MWh") > 0
    }

    /// The EnEfG §11 assessment recorded in `/summary`, or nil when the site was not assessed.
    public var enefg: EnEfGAssessment? {
        guard kpi("enefg_pue_required").isFinite else { return nil }
        let basis: String
        if case .string(let text)? = summary.first(where: { $0.name == "enefg_basis" })?.value { basis = text } else { basis = "" }
        let unmet = kpi("unmet_cooling_hours")
        return EnEfGAssessment(pueRequired: kpi("enefg_pue_required"), erfRequired: kpi("enefg_erf_required"),
                               pueAchieved: kpi("pue"), erfAchieved: kpi("erf"), basis: basis,
                               unmetCoolingHours: unmet.isFinite ? unmet : 0)
    }

    /// The plant's failures recorded in `/summary`.
    public var failures: PlantFailures {
        PlantFailures(summary: summary, airClass: site?.cooling.air.ashraeClass ?? .a1,
                      waterClassName: site?.cooling.liquid.ashraeClass?.name ?? "")
    }
}

extension ResultTable {
    /// A column as `Double`s, or nil when the table has no column `name`.
    public func column(_ name: String) -> [Double]? { columns.first { $0.name == name }?.values.doubles }

    /// The coordinate as text (job names, or month numbers).
    public var coordinateLabels: [String] {
        switch coordinate {
        case .strings(let labels): labels
        case .integers(let values): values.map { String($0) }
        }
    }
}
