import HeatLoop

/// What a run's report shows, taken from its result document (in memory, or read back from the HDF5
/// file with only `seriesUsed`): the root and `/summary` attributes, the monthly and jobs tables, and
/// the step series regrouped by hour.
public struct RunReport: Sendable {
    /// A series of the result file: its group and name (`/heat_recovery/delivered`).
    public struct SeriesKey: Sendable, Hashable {
        public var group: String
        public var name: String
        public init(_ group: String, _ name: String) {
            self.group = group
            self.name = name
        }
    }

    /// The step series the report reads; a reader may load only these.
    public static let seriesUsed: [SeriesKey] = [
        SeriesKey("weather", "dry_bulb"), SeriesKey("it", "power"), SeriesKey("facility", "power"),
        SeriesKey("cooling", "mode"), SeriesKey("heat_recovery", "available"), SeriesKey("heat_recovery", "recovered"),
        SeriesKey("heat_recovery", "delivered"), SeriesKey("heat_recovery", "dh_demand"),
    ]

    public var attributes: [ResultAttribute]
    public var summary: [ResultAttribute]
    /// `/summary/monthly`, along `month`.
    public var monthly: ResultTable?
    /// `/summary/jobs`, along `job`, when the site has training jobs.
    public var jobs: ResultTable?
    public var year: Int
    public var stepMinutes: Int
    /// Hourly means of the step series (W, °C); PUE as the hour's facility / IT energy; the cooling mode
    /// most often used in the hour (0 free, 1 partial, 2 mechanical). Empty when the file lacks a series.
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
        year = document.time.year
        stepMinutes = document.time.stepMinutes
        func series(_ key: SeriesKey) -> [Double] {
            document.group(key.group)?.series(key.name)?.values.doubles ?? []
        }
        let step = stepMinutes
        func hourly(_ key: SeriesKey) -> [Double] { SeriesAggregation.hourlyMeans(series(key), stepMinutes: step) }
        self.hourly = HourlySeries(
            dryBulb: hourly(SeriesKey("weather", "dry_bulb")),
            pue: SeriesAggregation.hourlyRatio(series(SeriesKey("facility", "power")), series(SeriesKey("it", "power")),
                                               stepMinutes: step),
            coolingMode: SeriesAggregation.hourlyMostFrequent(series(SeriesKey("cooling", "mode")), stepMinutes: step),
            itPower: hourly(SeriesKey("it", "power")),
            heatAvailable: hourly(SeriesKey("heat_recovery", "available")),
            heatRecovered: hourly(SeriesKey("heat_recovery", "recovered")),
            heatDelivered: hourly(SeriesKey("heat_recovery", "delivered")),
            heatDemand: hourly(SeriesKey("heat_recovery", "dh_demand")))
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

    /// A `/summary` attribute as a number (NaN when absent or text).
    public func kpi(_ name: String) -> Double { summary.first { $0.name == name }?.value.double ?? .nan }

    /// True when the site recovers heat or has a district-heating demand: the heat charts have data.
    public var hasHeatRecovery: Bool {
        let configured = text("site_config").map { SiteConfigOutline(yaml: $0).firstKey(under: "heat_recovery") != nil }
        return configured ?? false || kpi("heat_available_MWh") > 0 || kpi("dh_demand_MWh") > 0
    }

    /// The EnEfG §11 assessment recorded in `/summary`, or nil when the site was not assessed.
    public var enefg: EnEfGAssessment? {
        guard kpi("enefg_pass") >= 0 else { return nil }
        let basis: String
        if case .string(let text)? = summary.first(where: { $0.name == "enefg_basis" })?.value { basis = text } else { basis = "" }
        return EnEfGAssessment(pueRequired: kpi("enefg_pue_required"), erfRequired: kpi("enefg_erf_required"),
                               pueAchieved: kpi("pue"), erfAchieved: kpi("erf"), basis: basis)
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
