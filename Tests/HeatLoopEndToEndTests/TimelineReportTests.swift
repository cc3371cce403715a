import Foundation
import HeatLoop
import HeatLoopHDF5
import HeatLoopReport
import HeatLoopTestSupport
import Testing

@Suite("heatloop report on a timeline")
struct TimelineReportTests {
    /// Four years of the Chicago campus (commissioned 2027-01-01, a new site: PUE ≤ 1.2 and ERF ≥ 10 % from
    /// 2029): the report lists every year with its target and verdict, the cumulative cash ends at
    /// −investment + Σ flows, and the page draws both charts.
    @Test("per-year table with cash flows, cumulative cash and the EnEfG target and verdict; both charts drawn")
    func report() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try """
            name: small
            start_year: 2027
            years: 4
            changes:
              economics.heat_price_eur_per_mwh: {steps: {1: 40, 3: 50}}
            """.write(toFile: "\(folder)/timeline.yaml", atomically: true, encoding: .utf8)
        let run = try CLI.run(["run", "Sites/chicago-ai-campus.yaml", "--timeline", "\(folder)/timeline.yaml", "--timestep-min", "60",
                               "--quiet", "--output", "\(folder)/t.h5"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try CLI.run(["report", "\(folder)/t.h5", "--html", "\(folder)/t.html"])
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "chicago-ai-campus — HeatLoop project timeline 'small'")
        #expect(lines.contains { $0.contains("IRR (%)") } && lines.contains { $0.contains("NPV (M€)") })
        let inputs = try #require(lines.firstIndex(of: "Inputs by year")), results = try #require(lines.firstIndex(of: "Results by year"))
        #expect(lines[inputs...].filter { $0.hasPrefix("  20") }.count == 8)  // 4 inputs rows, 4 result rows
        let years = lines[results...].filter { $0.hasPrefix("  20") }
        #expect(years.count == 4, "\(report.stdout)")
        #expect(years[0].hasSuffix("none                   no target yet"), "\(years[0])")
        #expect(years[2].contains("PUE ≤ 1.2, ERF ≥ 10 %") && (years[2].hasSuffix("PASS") || years[2].hasSuffix("FAIL")), "\(years[2])")

        let table = try HDF5ResultReader.readScenarioTable(path: "\(folder)/t.h5")
        let timeline = TimelineReport(table: table)
        let flows = try #require(timeline.column("net_cash_flow_eur"))
        let investment = try #require(table.attributes.first { $0.name == "investment_eur" }?.value.double)
        #expect(timeline.cumulativeCash.last?.isApproximatelyEqual(to: flows.reduce(-investment, +), relativeTolerance: 1e-12) == true)
        #expect(timeline.targets[0] == "none" && timeline.targets[3] == "PUE ≤ 1.2, ERF ≥ 10 %")
        let html = try String(contentsOfFile: "\(folder)/t.html", encoding: .utf8)
        for id in TimelineReport.ChartID.all { #expect(html.contains("id=\"\(id)\""), "\(id)") }
        #expect(!html.contains("class=\"no-data\""))
        #expect(html.contains("id=\"year-table\""))
    }

    @Test("the EnEfG target as text: PUE and ERF, PUE alone, none")
    func targetText() {
        #expect(EnEfGAssessment.targetText(pueRequired: 1.2, erfRequired: 0.1) == "PUE ≤ 1.2, ERF ≥ 10 %")
        #expect(EnEfGAssessment.targetText(pueRequired: 1.5, erfRequired: 0) == "PUE ≤ 1.5")
        #expect(EnEfGAssessment.targetText(pueRequired: .infinity, erfRequired: 0.2) == "ERF ≥ 20 %")
        #expect(EnEfGAssessment.targetText(pueRequired: .nan, erfRequired: 0) == "none")
    }
}
