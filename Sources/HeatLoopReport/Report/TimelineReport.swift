import HeatLoop

/// What a project timeline's report shows (`<site>-timeline.h5`, `heatloop run --timeline`: one row per
/// operating year along `year`, `ScenarioTable(timeline:)`): the project figures (NPV, IRR, LCOH, payback,
/// investment), the per-year table (moving inputs, heat delivered, PUE, ERF, net and cumulative cash flow,
/// the EnEfG §11 target in force and the verdict), a chart of the cash flow and cumulative cash by year and
/// one of PUE and ERF against the EnEfG targets.
public struct TimelineReport: Sendable {
    public var table: ScenarioTable

    /// Chart ids (tests check each is present).
    public enum ChartID {
        public static let cash = "chart-timeline-cash"
        public static let compliance = "chart-timeline-enefg"
        public static let all = [cash, compliance]
    }

    public init(table: ScenarioTable) { self.table = table }

    public func attribute(_ name: String) -> String? { table.text(name) }

    func number(_ name: String) -> Double { table.number(name) }

    public func column(_ name: String) -> [Double]? { table.column(name) }

    func values(_ name: String) -> [Double] { column(name) ?? Array(repeating: .nan, count: table.ids.count) }

    func labels(_ name: String) -> [String] {
        table.labels.first { $0.name == name }?.values ?? Array(repeating: "–", count: table.ids.count)
    }

    public var site: String { attribute("site") ?? attribute("timeline") ?? "site" }
    public var years: [Int] { values("calendar_year").map { $0.isFinite ? Int($0) : 0 } }
    /// The site inputs the timeline moves (key-path columns), in file order.
    public var movingInputs: [String] { table.columns.map(\.name).filter { $0.contains(".") } }
    public var hasCashFlows: Bool { column("net_cash_flow_eur") != nil }

    /// Cumulative undiscounted cash at the end of each year: −investment plus the years' net flows so far
    /// (where it crosses zero is the payback).
    public var cumulativeCash: [Double] {
        var total = -(number("investment_eur").isFinite ? number("investment_eur") : 0)
        return values("net_cash_flow_eur").map { flow in
            total += flow.isFinite ? flow : 0
            return total
        }
    }

    /// Each year's EnEfG §11 target in force, as text (`EnEfGAssessment.targetText`).
    public var targets: [String] {
        guard column("enefg_erf_required") != nil else { return Array(repeating: "–", count: table.ids.count) }
        return zip(values("enefg_pue_required"), values("enefg_erf_required")).map {
            EnEfGAssessment.targetText(pueRequired: $0, erfRequired: $1)
        }
    }

    static let figureNames = ["npv_eur", "irr", "lcoh_eur_per_MWh", "payback_years", "investment_eur"]
    static let yearKPIs = ["heat_delivered_MWh", "pue", "erf"]

    func headline() -> String {
        let start = years.first.map(String.init) ?? "?"
        return "\(table.ids.count) operating years from \(start), \(Int(number("simulated_years").isFinite ? number("simulated_years") : 0)) "
            + "distinct year(s) simulated (years with the same inputs share a run)"
            + (number("discount_rate").isFinite ? "; discount rate \(NumberText.grouped(100 * number("discount_rate"), decimals: 1)) %." : ".")
    }

    /// The project figures as (label with unit, text).
    func figures() -> [(label: String, text: String)] {
        Self.figureNames.compactMap { name in
            let value = number(name)
            guard !value.isNaN || name == "irr" else { return nil }
            let display = KPICatalog.display(for: name)
            return (display.titleWithUnit, name == "irr" && !value.isFinite ? "none (flows never repay the investment)" : display.text(value))
        }
    }

    typealias Table = (header: [String], rows: [[(text: String, value: Double?)]])

    /// The per-year inputs: the year and the value of each moving site input; nil when none moves.
    func inputTable() -> Table? {
        guard !movingInputs.isEmpty else { return nil }
        let rows = table.ids.indices.map { row -> [(text: String, value: Double?)] in
            [(String(years[row]), nil)] + movingInputs.map { name in (NumberText.significant(values(name)[row], digits: 4), values(name)[row]) }
        }
        return (["Year"] + movingInputs.map(KPICatalog.shortKeyPath), rows)
    }

    /// The per-year results: heat delivered, PUE, ERF, net and cumulative cash flow, the EnEfG target and verdict.
    func resultTable() -> Table {
        let kpis = Self.yearKPIs.map { KPICatalog.display(for: $0) }
        let money = KPICatalog.display(for: "net_cash_flow_eur")
        var header = ["Year"] + kpis.map(\.titleWithUnit)
        if hasCashFlows { header += ["Cash flow (\(money.unit))", "Cumulative (\(money.unit))"] }
        header += ["EnEfG target", "EnEfG"]
        let (cumulative, flows, targets, verdicts) = (cumulativeCash, values("net_cash_flow_eur"), targets, labels("enefg_verdict"))
        let rows = table.ids.indices.map { row -> [(text: String, value: Double?)] in
            var cells: [(text: String, value: Double?)] = [(String(years[row]), nil)]
            cells += kpis.map { display in (display.text(values(display.name)[row]), values(display.name)[row]) }
            if hasCashFlows { cells += [(money.text(flows[row]), flows[row]), (money.text(cumulative[row]), cumulative[row])] }
            return cells + [(targets[row], nil), (verdicts[row], nil)]
        }
        return (header, rows)
    }

    public func terminalText() -> String {
        var lines = ["\(site) — HeatLoop project timeline" + (attribute("timeline").map { " '\($0)'" } ?? ""), headline(), ""]
        lines += figures().map { "  \($0.label.padding(toLength: 28, withPad: " ", startingAt: 0)) \($0.text)" }
        let results = resultTable()
        for (title, table, textColumns) in [("Inputs by year", inputTable(), 0), ("Results by year", results, 2)] {
            guard let table else { continue }
            lines += ["", title]
            lines += TextTable(header: table.header, rows: table.rows.map { $0.map(\.text) },
                               rightAligned: table.header.indices.map { $0 < table.header.count - textColumns }).lines()
        }
        return lines.joined(separator: "\n")
    }

    public func html() -> String {
        var body = [HTMLPage.paragraph(headline(), className: "note")]
        body.append(HTMLPage.cards(figures().map { (label: $0.label, value: $0.text, className: nil) }))
        func cells(_ table: Table) -> [[HTMLPage.Cell]] {
            table.rows.map { row in
                row.map { HTMLPage.Cell($0.text, numeric: $0.value != nil, value: $0.value,
                                        className: $0.text == "FAIL" ? "fail" : $0.text == "PASS" ? "pass" : nil) }
            }
        }
        let results = resultTable()
        body.append(HTMLPage.section("Results by year", id: "years",
                                     [HTMLPage.table(header: results.header, rows: cells(results), id: "year-table", compact: true)]))
        body.append(HTMLPage.section("Cash and compliance", id: "charts", [cashFigure(), complianceFigure()]))
        if let inputs = inputTable() {
            body.append(HTMLPage.section("Inputs by year", id: "inputs",
                                         [HTMLPage.table(header: inputs.header, rows: cells(inputs), id: "input-table", compact: true)]))
        }
        let subtitle = ["project timeline", attribute("heatloop_version").map { "HeatLoop \($0)" }, attribute("created_utc")]
            .compactMap { $0 }.joined(separator: " · ")
        return HTMLPage.document(title: "\(site) — HeatLoop timeline report", subtitle: subtitle, body: body)
    }

    /// Calendar years as the x axis, one tick a year (every second one beyond 12 years).
    var yearAxis: FixedAxis { Self.yearAxis(years) }

    /// Calendar years `years` as an x axis (also the timeline ensemble's, `TimelineEnsembleReport`).
    static func yearAxis(_ years: [Int]) -> FixedAxis {
        let step = years.count > 12 ? 2 : 1
        let first = (years.first ?? 0) - 1, last = years.last ?? 0
        return FixedAxis(lower: Double(first) - 0.5, upper: Double(last) + 0.5,
                         ticks: stride(from: first, through: last, by: step).map { AxisTick(value: Double($0), label: String($0)) })
    }

    func cashFigure() -> String {
        let title = "Net cash flow and cumulative cash by year"
        guard hasCashFlows, let start = years.first else {
            return HTMLPage.missingFigure(title, id: ChartID.cash, reason: "The site has no economics (no net_cash_flow_eur column).")
        }
        let investment = number("investment_eur").isFinite ? number("investment_eur") : 0
        let scale = 1e-6
        let flows = [ChartPoint(x: Double(start - 1), y: -investment * scale)]
            + zip(years, values("net_cash_flow_eur")).map { ChartPoint(x: Double($0), y: $1 * scale) }
        let cumulative = [ChartPoint(x: Double(start - 1), y: -investment * scale)]
            + zip(years, cumulativeCash).map { ChartPoint(x: Double($0), y: $1 * scale) }
        let chart = LineChart(series: [
            LineChart.Series(name: "net cash flow of the year (investment at the start)", color: Palette.blue, points: flows),
            LineChart.Series(name: "cumulative cash", color: Palette.orange, points: cumulative),
        ], xTitle: "", yTitle: "M€", xAxis: yearAxis)
        return HTMLPage.figure(title, reading: "Undiscounted: the investment is spent at the start of the first year "
            + "(plotted the year before), each later point is that year's heat revenue less its costs (and any added CAPEX). "
            + "The cumulative line crosses zero at the payback.", svg: chart.svg(id: ChartID.cash, title: title))
    }

    func complianceFigure() -> String {
        let title = "PUE and ERF against the EnEfG §11 targets"
        guard column("enefg_erf_required") != nil else {
            return HTMLPage.missingFigure(title, id: ChartID.compliance,
                                          reason: "The site has no compliance.commissioning_date (no EnEfG assessment).")
        }
        func points(_ values: [Double], _ scale: Double = 1) -> [ChartPoint] {
            zip(years, values).filter { $0.1.isFinite && $0.1 > 0 }.map { ChartPoint(x: Double($0.0), y: $0.1 * scale) }
        }
        // PUE on its own scale would hide ERF; both as per cent of their target make one chart: ≤ 100 % PUE
        // and ≥ 100 % ERF pass.
        let pue = zip(values("pue"), values("enefg_pue_required")).map { $1.isFinite ? $0 / $1 : .nan }
        let erf = zip(values("erf"), values("enefg_erf_required")).map { $1 > 0 ? $0 / $1 : .nan }
        var series = [LineChart.Series]()
        if pue.contains(where: \.isFinite) {
            series.append(LineChart.Series(name: "PUE / PUE target (pass at or below 100 %)", color: Palette.blue, points: points(pue, 100)))
        }
        if erf.contains(where: \.isFinite) {
            series.append(LineChart.Series(name: "ERF / ERF target (pass at or above 100 %)", color: Palette.bluishGreen, points: points(erf, 100)))
        }
        let targeted = years.indices.filter { pue[$0].isFinite || erf[$0].isFinite }.map { years[$0] }
        guard !series.isEmpty, let first = targeted.first, let last = targeted.last else {
            return HTMLPage.missingFigure(title, id: ChartID.compliance, reason: "No EnEfG target is in force in any year of the timeline.")
        }
        series.append(LineChart.Series(name: "target", color: Palette.missing,
                                       points: [ChartPoint(x: Double(first), y: 100), ChartPoint(x: Double(last), y: 100)], dashed: true))
        let chart = LineChart(series: series, xTitle: "", yTitle: "% of the target in force", xAxis: yearAxis)
        return HTMLPage.figure(title, reading: "Each year's PUE and ERF divided by the §11 target in force that year "
            + "(years without a target are left out): PUE passes at or below 100 %, ERF at or above.",
                               svg: chart.svg(id: ChartID.compliance, title: title))
    }
}
