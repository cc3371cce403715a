import Foundation

/// One simulated design of a sizing sweep: its varied parameters and its design-table columns.
public struct SizingDesign: Sendable {
    public var id: String
    /// Value of each varied parameter, in the sweep's parameter order (NaN for a text value).
    public var parameters: [Double]
    /// KPIs and economics, in table order, under their design-table column names (`npv_eur`, `erf`, …).
    public var columns: [(name: String, units: String, longName: String, value: Double)]

    public init(id: String, parameters: [Double], columns: [(name: String, units: String, longName: String, value: Double)]) {
        self.id = id
        self.parameters = parameters
        self.columns = columns
    }

    /// The value of `column`; NaN when the design has none.
    public func value(_ column: String) -> Double { columns.first { $0.name == column }?.value ?? .nan }
}

/// What a sweep's designs say together (DESIGN §3.8): which meet the constraints, their rank by the
/// objective, the two Pareto fronts (objective against CAPEX; heat delivered against NPV) among the
/// designs that meet the constraints, and the recommended design: the best feasible one by the objective,
/// the cheaper one on a tie.
public struct SizingAnalysis: Sendable {
    public var parameterKeys: [String]
    public var objective: SizingObjective
    public var constraints: [DesignConstraint]
    public var feasible: [Bool]
    /// 1 = best feasible design; nil for designs that fail a constraint or have no objective value.
    public var rank: [Int?]
    public var paretoObjectiveCapex: [Bool]
    public var paretoHeatNPV: [Bool]
    public var recommended: Int?
    /// The unit of the amounts in `recommendation` (the site's `economics.currency`).
    public var currency = Currency.euro

    public static let capexColumn = "capex_eur"

    /// The bound every design meets besides the sweep's own: its plant met the cooling load all year. A
    /// design that leaves cooling unmet saves energy by not cooling; it is no candidate (issue 15).
    public static let loadMet = DesignConstraint(column: "unmet_cooling_hours", maximum: 0)

    /// The sweep's constraints with `loadMet` added (unless the sweep bounds unmet hours itself).
    public static func constraints(_ given: [DesignConstraint]) -> [DesignConstraint] {
        given.contains { $0.column == loadMet.column } ? given : given + [loadMet]
    }

    public init(designs: [SizingDesign], parameterKeys: [String], objective: SizingObjective,
                constraints: [DesignConstraint]) {
        self.parameterKeys = parameterKeys
        self.objective = objective
        self.constraints = constraints
        let feasible = designs.map { design in
            !design.value(objective.column).isNaN && constraints.allSatisfy { $0.isSatisfied(by: design.value($0.column)) }
        }
        self.feasible = feasible
        let ordered = designs.indices.filter { feasible[$0] }.sorted { a, b in
            let (x, y) = (designs[a].value(objective.column), designs[b].value(objective.column))
            if x != y { return objective.prefers(x, over: y) }
            return designs[a].value(Self.capexColumn) < designs[b].value(Self.capexColumn)
        }
        var rank = [Int?](repeating: nil, count: designs.count)
        for (position, index) in ordered.enumerated() { rank[index] = position + 1 }
        self.rank = rank
        recommended = ordered.first

        func feasibleOnly(_ column: String) -> [Double] { designs.indices.map { feasible[$0] ? designs[$0].value(column) : .nan } }
        paretoObjectiveCapex = ParetoFront.membership(
            x: feasibleOnly(Self.capexColumn), y: feasibleOnly(objective.column),
            xMaximised: false, yMaximised: objective.isMaximised)
        paretoHeatNPV = ParetoFront.membership(
            x: feasibleOnly("heat_delivered_MWh"), y: feasibleOnly("npv_eur"), xMaximised: true, yMaximised: true)
    }

    /// Why the recommended design (or why none): the objective and the constraints, what the constraints
    /// cost, its neighbours on the CAPEX front, and whether it sits at the edge of the swept ranges.
    public func recommendation(designs: [SizingDesign]) -> [String] {
        let column = objective.column
        let bounds = constraints.map(\.description).joined(separator: ", ")
        guard let best = recommended else {
            var lines = ["No design meets the constraints (\(bounds))."]
            let closest = designs.indices.min { a, b in
                let (fa, fb) = (failures(designs[a]).count, failures(designs[b]).count)
                return fa != fb ? fa < fb : objective.prefers(designs[a].value(column), over: designs[b].value(column))
            }
            if let closest {
                let failed = failures(designs[closest]).map { "\($0.description) (\(describe(designs[closest].value($0.column), $0.column, currency)))" }
                lines.append("Closest: \(designs[closest].id) fails \(failed.joined(separator: ", ")); relax the bound or widen the sweep.")
            }
            return lines
        }
        let design = designs[best]
        let feasibleCount = feasible.filter { $0 }.count
        var lines = ["Recommended: \(design.id) (" + zip(parameterKeys, design.parameters)
            .map { "\($0) = \(shortNumber($1))" }.joined(separator: ", ") + ")."]
        lines.append("It has the \(objective.isMaximised ? "highest" : "lowest") \(column), \(describe(design.value(column), column, currency)), "
            + (constraints.isEmpty ? "of the \(designs.count) designs simulated."
               : "of the \(feasibleCount) of \(designs.count) designs that meet \(bounds)."))
        let better = designs.indices.filter { !feasible[$0] && objective.prefers(designs[$0].value(column), over: design.value(column)) }
        if !better.isEmpty {
            var counts: [String: Int] = [:]
            for index in better { for failure in failures(designs[index]) { counts[failure.description, default: 0] += 1 } }
            let reasons = constraints.map(\.description).compactMap { name in counts[name].map { "\(name): \($0)" } }
            lines.append("\(better.count) design\(better.count == 1 ? "" : "s") with a better \(column) \(better.count == 1 ? "fails" : "fail") a constraint (\(reasons.joined(separator: "; "))).")
        }
        if objective == .npv, design.value("npv_eur") <= 0 {
            lines.append("Its NPV is not positive: at these prices no design pays back over the project life; this is the smallest loss.")
        }
        lines.append(capexFrontLine(designs: designs, best: best))
        let edges = parameterKeys.indices.compactMap { edgeNote(designs: designs, best: best, parameter: $0) }
        lines += edges.isEmpty ? ["It lies inside the swept range of every parameter (an interior optimum)."] : edges
        return lines
    }

    /// The constraints `design` fails.
    public func failures(_ design: SizingDesign) -> [DesignConstraint] {
        constraints.filter { !$0.isSatisfied(by: design.value($0.column)) }
    }

    private func capexFrontLine(designs: [SizingDesign], best: Int) -> String {
        let column = objective.column
        let front = designs.indices.filter { paretoObjectiveCapex[$0] }
        let cheaper = front.filter { designs[$0].value(Self.capexColumn) < designs[best].value(Self.capexColumn) }
            .max { designs[$0].value(Self.capexColumn) < designs[$1].value(Self.capexColumn) }
        var line = "\(front.count) design\(front.count == 1 ? " is" : "s are") on the \(column)–CAPEX Pareto front"
        if let cheaper {
            let saving = designs[best].value(Self.capexColumn) - designs[cheaper].value(Self.capexColumn)
            let loss = abs(designs[best].value(column) - designs[cheaper].value(column))
            line += "; the next cheaper one, \(designs[cheaper].id), saves \(describe(saving, Self.capexColumn, currency)) of CAPEX "
                + "for \(describe(loss, column, currency)) \(objective.isMaximised ? "less" : "more") \(column)."
        } else {
            line += "; none is cheaper than the recommended design."
        }
        return line
    }

    private func edgeNote(designs: [SizingDesign], best: Int, parameter: Int) -> String? {
        let values = Set(designs.map { $0.parameters[parameter] }.filter { !$0.isNaN })
        guard values.count > 1, let low = values.min(), let high = values.max() else { return nil }
        let value = designs[best].parameters[parameter]
        guard value == low || value == high else { return nil }
        return "\(parameterKeys[parameter]) = \(shortNumber(value)) is at the \(value == high ? "upper" : "lower") end of the swept range "
            + "(\(shortNumber(low))…\(shortNumber(high))); the optimum may lie beyond it: widen the range."
    }
}

/// A value with the unit its column name says (`_eur` → M€/k€ in `currency`, `_MWh` → GWh/MWh, `_t` → t).
func describe(_ value: Double, _ column: String, _ currency: Currency = .euro) -> String {
    guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
    let sign = value < 0 ? "−" : ""
    let magnitude = abs(value)
    if column.hasSuffix("_eur") {
        if magnitude >= 1e6 { return sign + String(format: "%.2f ", magnitude / 1e6) + currency.unit("M") }
        return sign + String(format: "%.0f ", magnitude / 1e3) + currency.unit("k")
    }
    if column.hasSuffix("_MWh") {
        return magnitude >= 10_000 ? sign + String(format: "%.1f GWh", magnitude / 1e3) : sign + String(format: "%.0f MWh", magnitude)
    }
    if column.hasSuffix("_eur_per_MWh") { return sign + String(format: "%.1f ", magnitude) + currency.per("MWh") }
    if column.hasSuffix("_t") { return sign + String(format: "%.0f t", magnitude) }
    if column.hasSuffix("_years") { return sign + String(format: "%.1f years", magnitude) }
    return sign + String(format: "%.3g", magnitude)
}
