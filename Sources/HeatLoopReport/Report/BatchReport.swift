import HeatLoop

/// What a batch's report shows, from its `summary.h5` table: scenarios ranked, what varies between them,
/// and the grouping of the bar charts (one bar per climate, or weather, within groups of the other
/// varied settings).
public struct BatchReport: Sendable {
    public let table: ScenarioTable
    /// The baseline's row (`BatchBaseline.swift`), found once.
    public let baselineRow: Int?

    /// Chart ids (tests check each is present).
    public enum ChartID {
        public static let pue = "chart-batch-pue"
        public static let erf = "chart-batch-erf"
        public static let heat = "chart-batch-heat"
        public static let pueVersusERF = "chart-batch-pue-erf"
        public static let changePUE = "chart-batch-change-pue"
        public static let changeERF = "chart-batch-change-erf"
        public static let changeHeat = "chart-batch-change-heat"
        public static let changeCooling = "chart-batch-change-cooling"
        public static let all = [pue, erf, heat, pueVersusERF, changePUE, changeERF, changeHeat, changeCooling]
    }

    /// Charts show at most this many facets (panels), those of the best-ranked scenarios; the table has all.
    public static let maxFacets = 12

    public init(table: ScenarioTable) {
        self.table = table
        baselineRow = Self.baselineRow(of: table)
    }

    public var name: String { attribute("batch") ?? attribute("title") ?? "batch" }

    public func attribute(_ name: String) -> String? {
        guard case .string(let value)? = table.attributes.first(where: { $0.name == name })?.value else { return nil }
        return value
    }

    public func column(_ name: String) -> [Double]? { table.columns.first { $0.name == name }?.values }

    public func value(_ name: String, row: Int) -> Double {
        guard let values = column(name), row < values.count else { return .nan }
        return values[row]
    }

    /// The labels and varied parameters (key-path columns such as `heat_recovery.heat_pump.capacity_mw`)
    /// that differ between scenarios, as text per row.
    public var varying: [(name: String, values: [String])] {
        var result: [(name: String, values: [String])] = []
        for label in table.labels where Set(label.values).count > 1 {
            result.append((label.name, label.values))
        }
        for column in table.columns where column.name.contains(".") {
            let texts = column.values.map { NumberText.significant($0, digits: 4) }
            if Set(texts).count > 1 { result.append((column.name, texts)) }
        }
        return result
    }

    /// Ranked by ERF (highest first) when some scenario reuses heat, else by PUE (lowest first).
    public var ranking: (column: String, descending: Bool) {
        (column("erf") ?? []).contains { $0.isFinite && $0 > 0 } ? ("erf", true) : ("pue", false)
    }

    /// Row indices, best first; rows without a ranking value last, in file order.
    public var rankedRows: [Int] {
        let (name, descending) = ranking
        let values = column(name) ?? []
        func key(_ row: Int) -> Double {
            let value = row < values.count ? values[row] : .nan
            guard value.isFinite else { return .infinity }
            return descending ? -value : value
        }
        return table.ids.indices.sorted { key($0) != key($1) ? key($0) < key($1) : $0 < $1 }
    }

    /// The varied label the charts facet by, one panel per value (climate first, then weather file, then
    /// site), if any varies.
    public var seriesDimension: String? {
        let names = varying.map(\.name)
        return ["climate", "weather", "site"].first { names.contains($0) }
    }

    /// Each row's facet: its value of `seriesDimension` ("scenario" when nothing varies).
    public var seriesLabels: [String] {
        let values = seriesDimension.flatMap { name in varying.first { $0.name == name }?.values }
        return values ?? Array(repeating: "scenario", count: table.ids.count)
    }

    /// The distinct facets in file order.
    public var seriesNames: [String] {
        var names: [String] = []
        for label in seriesLabels where !names.contains(label) { names.append(label) }
        return names
    }

    /// Each row's category within its facet: the other varied settings, `capacity_mw = 8`-style for key paths.
    public var groupLabels: [String] {
        let others = varying.filter { $0.name != seriesDimension }
        guard !others.isEmpty else {
            return seriesDimension == nil ? table.ids : Array(repeating: "all scenarios", count: table.ids.count)
        }
        return table.ids.indices.map { row in
            others.map { column in
                column.name.contains(".") ? "\(column.name.split(separator: ".").last ?? "") = \(column.values[row])"
                    : column.values[row]
            }.joined(separator: ", ")
        }
    }
}
