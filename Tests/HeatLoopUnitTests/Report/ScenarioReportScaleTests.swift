import Foundation
import HeatLoop
import HeatLoopReport
import Testing

/// Batch and sizing reports of 1,000 scenarios (tables built in memory, nothing simulated): every
/// scenario in the table, bounded drawings, no label written twice or over another (issue 20, item 5).
@Suite("Reports at 1,000 scenarios")
struct ScenarioReportScaleTests {
    static let climates = ["baseline", "rcp45-2050", "rcp85-2050", "rcp85-2080"]

    /// 4 climates × 250 heat-pump sizes; the baseline is named by the file, not the first row.
    static let batch: ScenarioTable = {
        var rows: [ScenarioRow] = []
        for (c, climate) in climates.enumerated() {
            for step in 0..<250 {
                let capacity = 2 + 0.1 * Double(step)
                let warming = Double(c) * 0.6
                rows.append(ScenarioRow(
                    id: "chicago-ai-campus-site-\(climate)-\(NumberText.significant(capacity, digits: 4))-\(String(step * 7919 + c, radix: 16))",
                    labels: [("site", "chicago-ai-campus"), ("weather", "site"), ("climate", climate)],
                    values: [("heat_recovery.heat_pump.capacity_mw", "", "varied", capacity),
                             ("pue", "1", "PUE", 1.09 + 0.004 * warming + 0.0001 * Double(step)),
                             ("erf", "1", "ERF", 0.1 + 0.0005 * Double(step) - 0.01 * warming),
                             ("heat_delivered_MWh", "MWh", "heat", 20_000 + 90 * Double(step) - 500 * warming),
                             ("cooling_energy_MWh", "MWh", "cooling", 9_000 + 400 * warming),
                             ("co2_avoided_t", "t", "CO2", 4_000 + Double(step)), ("enefg_pass", "1", "EnEfG", 1)]))
            }
        }
        return ScenarioTable(rows: rows, attributes: [
            ResultAttribute("kind", .string("batch")), ResultAttribute("batch", .string("scale")),
            ResultAttribute(ScenarioTable.baselineAttribute, .string(rows[5].id)),
        ])
    }()

    /// The rotated category labels (axis labels, not titles) of an SVG, as written.
    static func categoryLabels(in svg: String) -> [String] {
        let pattern = #"<text [^>]*text-anchor="end"[^>]*transform="rotate\(-(35|90) [^>]*>(<title>[^<]*</title>)?([^<]*)</text>"#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap { match in
            Range(match.range(at: 3), in: svg).map { String(svg[$0]) }
        }
    }

    /// The texts of the id cells (`<td class="id">`) of an HTML table.
    static func idCells(in html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"<td class="id">([^<]*)</td>"#)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    @Test("a 1,000-scenario batch: every scenario in the table, bounded charts faceted by climate, labels written once")
    func thousandScenarioBatch() throws {
        let report = BatchReport(table: Self.batch)
        #expect(report.seriesDimension == "climate")
        #expect(report.baselineRow == 5)
        #expect(report.change("pue", row: 5) == 0)
        #expect(abs(report.change("cooling_energy_MWh", row: 255) - 240) < 1e-9)
        let clock = ContinuousClock(), start = clock.now
        let html = report.html()
        print("1,000-scenario batch report: \(html.utf8.count) bytes in \(clock.now - start)")
        let tableHTML = try #require(html.components(separatedBy: "id=\"scenario-table\"").last?
            .components(separatedBy: "</table>").first)
        #expect(tableHTML.components(separatedBy: "<tr").count - 1 == 1 + 1000, "a header row and one row per scenario")
        let cells = Self.idCells(in: tableHTML)
        #expect(cells.count == 1000)
        #expect(Set(cells.map { $0.replacingOccurrences(of: " (baseline)", with: "") }) == Set(Self.batch.ids))
        #expect(cells.filter { $0.hasSuffix(" (baseline)") } == [Self.batch.ids[5] + " (baseline)"])
        #expect(html.contains("<div class=\"table-scroll\"><table id=\"scenario-table\""))
        #expect(html.contains("<tr class=\"baseline\">"))
        let svgs = SVGChecks.svgElements(in: html)
        #expect(svgs.count == BatchReport.ChartID.all.count)
        for id in BatchReport.ChartID.all {
            let svg = try #require(svgs.first { $0.contains("id=\"\(id)\"") }, "\(id)")
            #expect(SVGChecks.problems(svg, id: id).isEmpty, "\(SVGChecks.problems(svg, id: id))")
            #expect(svg.utf8.count < 150_000, "\(id) is \(svg.utf8.count) bytes")
            if id == BatchReport.ChartID.pueVersusERF { continue }
            for climate in Self.climates { #expect(svg.contains(">\(climate)</text>"), "\(id): a panel per climate") }
            let labels = Self.categoryLabels(in: svg)
            #expect(labels.count >= 10, "\(id): \(labels.count) category labels")
            #expect(Set(labels).count == labels.count, "\(id): a category label written twice")
        }
        #expect(html.utf8.count < 2_000_000, "the page is \(html.utf8.count) bytes")
    }

    @Test("a 1,000-design sweep: every design in the table, bounded charts, NPV map rows labelled a line apart")
    func thousandDesignSweep() throws {
        var rows: [ScenarioRow] = []
        for capacity in 1...10 {
            for volume in 0..<100 {
                let npv = 1e6 * Double(capacity) - 2e4 * Double(volume)
                rows.append(ScenarioRow(id: "hp\(capacity)-st\(volume * 50)", labels: [], values: [
                    ("heat_recovery.heat_pump.capacity_mw", "MW", "", Double(capacity)),
                    ("heat_recovery.storage.volume_m3", "m3", "", Double(volume * 50)),
                    ("capex_eur", "EUR", "", 1e6 * Double(capacity)), ("npv_eur", "EUR", "", npv),
                    ("heat_delivered_MWh", "MWh", "", 4000 * Double(capacity)),
                    ("feasible", "1", "", capacity < 9 ? 1 : 0), ("pareto_objective_capex", "1", "", volume == 0 ? 1 : 0),
                    ("pareto_heat_npv", "1", "", volume == 0 ? 1 : 0), ("rank", "1", "", .nan),
                ]))
            }
        }
        let table = ScenarioTable(dimension: "design", rows: rows, attributes: [
            ResultAttribute("kind", .string("sizing")), ResultAttribute("objective_column", .string("npv_eur")),
            ResultAttribute("parameters", .string("heat_recovery.heat_pump.capacity_mw, heat_recovery.storage.volume_m3")),
            ResultAttribute(ScenarioTable.currencyAttribute, .string("USD")),
        ])
        let html = SizingReport(table: table).html()
        let designs = try #require(html.components(separatedBy: "id=\"design-table\"").last?.components(separatedBy: "</table>").first)
        #expect(Self.idCells(in: designs) == SizingReport(table: table).rankedRows.map { rows[$0].id })
        #expect(html.contains("CAPEX (M$)") && !html.contains("€"), "amounts in the sweep's currency")
        for (id, svg) in zip(SizingReport.ChartID.all, SizingReport.ChartID.all.map { id in SVGChecks.svgElements(in: html).first { $0.contains("id=\"\(id)\"") } }) {
            let svg = try #require(svg, "\(id)")
            #expect(SVGChecks.problems(svg, id: id).isEmpty)
            #expect(svg.utf8.count < 150_000, "\(id) is \(svg.utf8.count) bytes")
        }
    }
}
