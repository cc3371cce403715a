/// An ensemble's results: one row of KPIs per sample (its weather member and input values) and the
/// P10/P50/P90 and mean of each KPI over the samples (`Percentiles`, exceedance convention).
public struct EnsembleSummary: Sendable {
    /// The KPIs summarised, in table order: heat delivered, ERF, PUE, unmet cooling hours, and with
    /// economics NPV, LCOH and payback (the columns a lender asks for, issue 18 item 4).
    public static let columns = ["heat_delivered_MWh", "erf", "pue", "unmet_cooling_hours",
                                 "npv_eur", "lcoh_eur_per_MWh", "payback_years"]

    /// Per-sample monthly heat delivered, for the report's fan chart: `heat_delivered_MWh_month_01` …
    /// `_12` (January … December of the simulated year).
    public static let monthlyHeatColumns = (1...12).map { "heat_delivered_MWh_month_" + ($0 < 10 ? "0\($0)" : "\($0)") }

    /// The uncertain inputs' key paths (the input columns of the sample table).
    public var inputKeys: [String]
    /// Per sample: the inputs' values (in `inputKeys` order).
    public var inputValues: [[Double]]
    /// Per sample: the KPI values of `kpiNames` (NaN where a sample lacks one, e.g. no economics).
    public var kpiValues: [[Double]]
    /// The KPI columns present (`columns` filtered to those the site reports), with units and long names.
    public var kpiNames: [String]
    public var kpiUnits: [String]
    public var kpiLongNames: [String]
    /// Per KPI column, its percentiles over the samples.
    public var percentiles: [Percentiles]
    /// Per sample, heat delivered in each month (MWh, 12 values), when the samples report it (`monthlyHeatColumns`).
    public var monthlyHeatDelivered: [[Double]]

    /// Builds the table from each sample's inputs and its run summary's named values.
    public init(inputKeys: [String], inputValues: [[Double]],
                samples: [[(name: String, units: String, longName: String, value: Double)]]) {
        self.inputKeys = inputKeys
        self.inputValues = inputValues
        let first = samples.first ?? []
        let present = Self.columns.compactMap { name in first.first { $0.name == name } }
        kpiNames = present.map(\.name)
        kpiUnits = present.map(\.units)
        kpiLongNames = present.map(\.longName)
        let names = kpiNames
        kpiValues = samples.map { named in
            let values = Dictionary(named.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            return names.map { values[$0] ?? .nan }
        }
        monthlyHeatDelivered = first.contains(where: { $0.name == Self.monthlyHeatColumns[0] })
            ? samples.map { named in
                Self.monthlyHeatColumns.map { name in named.first { $0.name == name }?.value ?? .nan }
            } : []
        let values = kpiValues
        percentiles = names.indices.map { column in Percentiles(values.map { $0[column] }) }
    }

    public var count: Int { kpiValues.count }

    /// A run summary's monthly heat delivered as named values, to go with the KPIs.
    public static func monthlyHeat(_ summary: RunSummary) -> [(name: String, units: String, longName: String, value: Double)] {
        monthlyHeatNamed(summary.monthly.map(\.heatDeliveredMWh))
    }

    /// Twelve monthly heat-delivered values (MWh) as the named columns `monthlyHeatColumns`.
    public static func monthlyHeatNamed(_ values: [Double]) -> [(name: String, units: String, longName: String, value: Double)] {
        zip(monthlyHeatColumns, values).enumerated().map { index, pair in
            (pair.0, "MWh", "heat delivered to district heating in month \(index + 1)", pair.1)
        }
    }
}
