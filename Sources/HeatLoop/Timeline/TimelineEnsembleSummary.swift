/// A timeline under uncertainty (issue 18): one whole project life per sample (`TimelineSummary`, each year
/// in its own weather member, the sample's uncertain inputs over the whole life) and over the samples the
/// P10/P50/P90/mean of the project figures, per year those of heat delivered, PUE and ERF, and per year the
/// share of samples meeting the EnEfG §11 targets in force (`Percentiles`, exceedance convention).
public struct TimelineEnsembleSummary: Sendable {
    /// The project figures summarised (names of `TimelineSummary.named`).
    public static let projectColumns = ["npv_eur", "irr", "lcoh_eur_per_MWh", "payback_years"]
    /// The per-year quantities summarised (names of `KPIs.named`).
    public static let yearColumns = ["heat_delivered_MWh", "pue", "erf"]

    /// The uncertain inputs' key paths and, per sample, their drawn values.
    public var inputKeys: [String]
    public var inputValues: [[Double]]
    /// Per sample, its project life.
    public var samples: [TimelineSummary]

    public init(inputKeys: [String], inputValues: [[Double]], samples: [TimelineSummary]) {
        self.inputKeys = inputKeys
        self.inputValues = inputValues
        self.samples = samples
    }

    public var count: Int { samples.count }
    /// The calendar years of the project (those of the first sample; every sample has the same).
    public var calendarYears: [Int] { samples.first?.years.map(\.calendarYear) ?? [] }
    public var hasEconomics: Bool { samples.first?.cashFlows != nil }

    /// Per sample, the project figure `name` (`TimelineSummary.named`), NaN when absent.
    public func project(_ name: String) -> [Double] {
        samples.map { sample in sample.named.first { $0.name == name }?.value ?? .nan }
    }

    /// The project figure's units and long name (`TimelineSummary.named`).
    public func projectMetadata(_ name: String) -> (units: String, longName: String) {
        let figure = samples.first?.named.first { $0.name == name }
        return (figure?.units ?? "", figure?.longName ?? name)
    }

    /// P10/P50/P90/mean of each of `projectColumns` over the samples.
    public var projectPercentiles: [(name: String, percentiles: Percentiles)] {
        Self.projectColumns.map { ($0, Percentiles(project($0))) }
    }

    /// Per sample and year, the annual KPI `name` (`KPIs.named`), NaN when absent.
    public func yearly(_ name: String) -> [[Double]] {
        samples.map { sample in sample.years.map { year in year.kpis.named.first { $0.name == name }?.value ?? .nan } }
    }

    /// Per year, the percentiles of KPI `name` over the samples.
    public func yearlyPercentiles(_ name: String) -> [Percentiles] {
        Self.percentilesByYear(yearly(name))
    }

    /// Per year (columns of `values`, one row per sample), the percentiles over the samples.
    public static func percentilesByYear(_ values: [[Double]]) -> [Percentiles] {
        guard let first = values.first else { return [] }
        return first.indices.map { year in Percentiles(values.map { $0[year] }) }
    }

    /// Per sample and year, the EnEfG verdict code (`EnEfGAssessment.passCode`: 1 pass, 0 fail, −1 not
    /// assessed or no target); −1 throughout without a commissioning date.
    public var enefgPass: [[Int]] { samples.map { $0.years.map { $0.enefg?.passCode ?? -1 } } }

    /// Per year, the share of samples meeting the targets in force that year among those assessed
    /// (`passCode` 1 over 1 or 0); NaN in a year without a target or assessment.
    public var enefgShare: [Double] { Self.enefgShare(enefgPass) }

    /// `enefgShare` from per-sample, per-year verdict codes (also the report's, from the result file).
    public static func enefgShare(_ codes: [[Int]]) -> [Double] {
        guard let first = codes.first else { return [] }
        return first.indices.map { year in
            let assessed = codes.map { $0[year] }.filter { $0 >= 0 }
            return assessed.isEmpty ? .nan : Double(assessed.filter { $0 == 1 }.count) / Double(assessed.count)
        }
    }

    /// Distinct (weather member, inputs) years simulated over all samples.
    public var simulatedCount: Int { samples.reduce(0) { $0 + $1.simulatedCount } }
}
