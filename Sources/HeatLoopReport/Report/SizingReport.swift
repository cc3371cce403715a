import HeatLoop

/// What a sizing sweep's report shows, from its `sizing.h5` table (one row per design along `design`):
/// the objective and its sense, the varied parameters, the recommendation, the best feasible designs,
/// the Pareto fronts and the marginal value of the last step of each parameter.
public struct SizingReport: Sendable {
    public var table: ScenarioTable

    /// Chart ids (tests check each is present).
    public enum ChartID {
        public static let pareto = "chart-sizing-pareto"
        public static let heatVersusNPV = "chart-sizing-heat-npv"
        public static let npvHeatmap = "chart-sizing-npv-heatmap"
        public static let all = [pareto, heatVersusNPV, npvHeatmap]
    }

    /// The change of one KPI per the last step of one parameter (root `marginal:<key path>:<kpi>`).
    public struct Marginal: Sendable, Equatable {
        public var parameter: String
        public var kpi: String
        public var value: Double
        public init(parameter: String, kpi: String, value: Double) {
            self.parameter = parameter
            self.kpi = kpi
            self.value = value
        }
    }

    public init(table: ScenarioTable) { self.table = table }

    public func attribute(_ name: String) -> String? {
        guard case .string(let value)? = table.attributes.first(where: { $0.name == name })?.value else { return nil }
        return value
    }

    public var name: String { attribute("sizing") ?? "sizing" }
    public var objective: String { attribute("objective") ?? "npv" }
    public var objectiveColumn: String { attribute("objective_column") ?? "npv_eur" }
    /// True when a larger objective is better.
    public var maximises: Bool { attribute("objective_sense") != "min" }
    /// The varied key paths in grid order; the first two span the NPV heatmap.
    public var parameters: [String] {
        (attribute("parameters") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
    public var recommendedDesign: String? { attribute("recommended_design").flatMap { $0.isEmpty ? nil : $0 } }
    public var recommendation: String { attribute("recommendation") ?? "" }

    public var marginals: [Marginal] {
        table.attributes.compactMap { attribute in
            guard attribute.name.hasPrefix("marginal:"), let value = attribute.value.double else { return nil }
            let rest = attribute.name.dropFirst("marginal:".count)
            guard let colon = rest.lastIndex(of: ":") else { return nil }
            return Marginal(parameter: String(rest[..<colon]), kpi: String(rest[rest.index(after: colon)...]), value: value)
        }
    }

    public func column(_ name: String) -> [Double]? { table.columns.first { $0.name == name }?.values }

    public func value(_ name: String, row: Int) -> Double {
        guard let values = column(name), row < values.count else { return .nan }
        return values[row]
    }

    /// A 0/1 flag column as booleans (false where absent or NaN).
    public func flag(_ name: String) -> [Bool] {
        table.ids.indices.map { value(name, row: $0) == 1 }
    }

    /// Feasible designs by `rank` (1 = best), then the infeasible ones.
    public var rankedRows: [Int] {
        let feasible = flag("feasible")
        func key(_ row: Int) -> Double {
            let rank = value("rank", row: row)
            return feasible[row] && rank.isFinite ? rank : .infinity
        }
        return table.ids.indices.sorted { key($0) != key($1) ? key($0) < key($1) : $0 < $1 }
    }

    public var feasibleCount: Int { flag("feasible").filter { $0 }.count }

    /// The currency of the money columns (`economics.currency`, the root `currency`; euros in older files).
    public var currency: Currency { table.currency ?? .euro }

    /// How a KPI shows: the catalog's display in the sweep's currency.
    func display(_ kpi: String) -> KPIDisplay { KPICatalog.display(for: kpi).in(currency) }
}
