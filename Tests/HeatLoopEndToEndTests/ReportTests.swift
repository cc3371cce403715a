import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HeatLoop
import HeatLoopTestSupport
import HeatLoopHDF5
import HeatLoopReport
import Testing

/// `heatloop report` on real result files: a run of the default site, a site without heat recovery, a
/// batch summary and a sizing result, and the files it must refuse (issue 9).
@Suite(.serialized) struct ReportTests {
    /// Runs `report FILE --html FILE.html` and returns the outcome and the page.
    func report(_ result: String) throws -> (outcome: CLI.Outcome, html: String) {
        let page = result + ".html"
        let outcome = try CLI.run(["report", result, "--html", page])
        return (outcome, (try? String(contentsOfFile: page, encoding: .utf8)) ?? "")
    }

    /// The `<svg id="ID" …>…</svg>` element of `html`, or nil.
    func svg(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\""),
              let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// Every chart is an SVG with its id that parses as XML and writes no NaN or infinity.
    func expectCharts(_ ids: [String], in html: String) {
        for id in ids {
            guard let chart = svg(id, in: html) else {
                Issue.record("chart \(id) missing")
                continue
            }
            let parser = XMLParser(data: Data(chart.utf8))
            #expect(parser.parse() && parser.parserError == nil, "\(id) is not well-formed XML")
            #expect(chart.range(of: #"(?i)(?<![a-z])(nan|inf|infinity)(?![a-z])"#, options: .regularExpression) == nil,
                    "\(id) has a non-finite number")
        }
    }

    /// The KPI cells of the page: `data-kpi` → `data-value`.
    func tableValues(_ html: String) -> [String: String] {
        var values: [String: String] = [:]
        var rest = html[...]
        while let match = rest.range(of: #"data-kpi="[^"]+" data-value="[^"]*""#, options: .regularExpression) {
            let parts = rest[match].components(separatedBy: "\"")
            values[parts[1]] = values[parts[1]] ?? parts[3]
            rest = rest[match.upperBound...]
        }
        return values
    }

    /// A table value equals the stored one exactly (empty for a non-finite value).
    func expectEqual(_ text: String?, _ stored: Double, _ name: String) {
        guard let text else {
            Issue.record("\(name) is not in the KPI table")
            return
        }
        if stored.isFinite {
            #expect(Double(text) == stored, "\(name): table \(text), file \(stored)")
        } else {
            #expect(text.isEmpty, "\(name): table \(text), file \(stored)")
        }
    }

    @Test func defaultSiteReportHasEveryChartAndTheSummaryValues() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = "\(folder)/campus.h5"
        let run = try CLI.run(["run", "Sites/chicago-ai-campus.yaml", "--output", result, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let (outcome, html) = try report(result)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("EnEfG §11: PASS"))
        #expect(outcome.stdout.contains("Cooling modes: free"))
        #expect(outcome.stdout.contains("PUE (ISO/IEC 30134-2)"))
        expectCharts(RunReport.ChartID.all, in: html)

        let values = tableValues(html)
        let summary = try HDF5ResultReader.readSummary(path: result)
        for attribute in summary {
            guard let stored = attribute.value.double else { continue }
            expectEqual(values[attribute.name], stored, attribute.name)
        }
        #expect(summary.count > 30)
        #expect(html.contains("id=\"site-inputs\""))
        #expect(!html.contains("<script"), "no JavaScript")
        #expect(files(in: folder) == ["campus.h5", "campus.h5.html"], "no .partial left behind")
    }

    @Test func siteWithoutHeatRecoveryMarksTheHeatChartsEmpty() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = "\(folder)/tucson.h5"
        let run = try CLI.run(["run", "Sites/tucson-enterprise-air.yaml", "--output", result, "--quiet", "--timestep-min", "60"])
        #expect(run.status == 0, "\(run.stderr)")
        let (outcome, html) = try report(result)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        expectCharts([RunReport.ChartID.monthlyEnergy, RunReport.ChartID.coolingModes, RunReport.ChartID.pueVersusDryBulb],
                     in: html)
        for id in [RunReport.ChartID.heatDaily, RunReport.ChartID.heatDuration, RunReport.ChartID.heatHeatmap] {
            #expect(html.contains("<div class=\"no-data\" id=\"\(id)\">"), "\(id)")
        }
    }

    @Test func batchSummaryReportRanksTheScenarios() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = "\(folder)/summary.h5"
        let rows = [("baseline", 4.0, 0.155), ("baseline", 8, 0.256), ("rcp85-2050", 4, 0.139), ("rcp85-2050", 8, 0.226)]
            .map { climate, capacity, erf in
                ScenarioRow(id: "campus-\(climate)-\(Int(capacity))", labels: [("site", "campus"), ("weather", "site"), ("climate", climate)],
                            values: [("heat_recovery.heat_pump.capacity_mw", "", "varied site parameter", capacity),
                                     ("pue", "1", "PUE", climate == "baseline" ? 1.098 : 1.102), ("erf", "1", "ERF", erf),
                                     ("heat_delivered_MWh", "MWh", "heat delivered", erf * 158_000),
                                     ("cooling_energy_MWh", "MWh", "cooling energy", climate == "baseline" ? 9_000 : 9_400),
                                     ("npv_eur", "EUR", "NPV", 1e6 * capacity),
                                     ("co2_avoided_t", "t", "CO2 avoided", .nan), ("enefg_pass", "1", "EnEfG", 1)])
            }
        try HDF5ScenarioTableWriter(path: result).write(ScenarioTable(rows: rows, attributes: [
            ResultAttribute("title", .string("HeatLoop batch summary of test")), ResultAttribute("kind", .string("batch")),
            ResultAttribute("batch", .string("test")), ResultAttribute("baseline_scenario", .string("campus-baseline-8")),
            ResultAttribute("currency", .string("USD")),
        ]))
        let (outcome, html) = try report(result)
        #expect(html.contains(">campus-baseline-8 (baseline)<"), "the named baseline is marked")
        #expect(html.contains("ΔCooling energy (MWh)") && html.contains(">+400<"), "changes against the baseline")
        #expect(html.contains("NPV (M$)") && !html.contains("M€"), "amounts in the batch's currency")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("  1  baseline    8") }, "\(outcome.stdout)")
        expectCharts(BatchReport.ChartID.all, in: html)
        #expect(html.contains("campus-rcp85-2050-8"))
        expectEqual(tableValues(html)["erf"], 0.256, "erf of the best scenario")
    }

    @Test func sizingReportShowsTheRecommendationFrontsAndNPVMap() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = "\(folder)/sizing.h5"
        var rows: [ScenarioRow] = []
        for capacity in [4.0, 8, 12] {
            for volume in [0.0, 1000] {
                let feasible = capacity < 12
                let npv = 1e6 * (capacity == 8 ? 3 : 1) - 300 * volume
                rows.append(ScenarioRow(id: "hp\(Int(capacity))-st\(Int(volume))", labels: [], values: [
                    ("heat_recovery.heat_pump.capacity_mw", "MW", "", capacity), ("heat_recovery.storage.volume_m3", "m3", "", volume),
                    ("capex_eur", "EUR", "", 1e6 * capacity + 400 * volume), ("npv_eur", "EUR", "", npv),
                    ("lcoh_eur_per_MWh", "EUR MWh-1", "", 25), ("payback_years", "year", "", npv > 0 ? 9 : .infinity),
                    ("heat_delivered_MWh", "MWh", "", 4000 * capacity + volume), ("co2_avoided_lifetime_t", "t", "", 1e4),
                    ("erf", "1", "", 0.2), ("pue", "1", "", 1.1), ("feasible", "1", "", feasible ? 1 : 0),
                    ("pareto_objective_capex", "1", "", feasible && volume == 0 ? 1 : 0),
                    ("pareto_heat_npv", "1", "", feasible && volume == 0 ? 1 : 0),
                    ("rank", "1", "", .nan),
                ]))
            }
        }
        // Ranks by NPV among the feasible designs: hp8-st0, hp8-st1000, hp4-st0, hp4-st1000.
        let ranks: [String: Double] = ["hp8-st0": 1, "hp8-st1000": 2, "hp4-st0": 3, "hp4-st1000": 4]
        rows = rows.map { row in
            var row = row
            row.values = row.values.map { $0.name == "rank" ? ($0.name, $0.units, $0.longName, ranks[row.id] ?? .nan) : $0 }
            return row
        }
        try HDF5ScenarioTableWriter(path: result).write(ScenarioTable(dimension: "design", rows: rows, attributes: [
            ResultAttribute("title", .string("HeatLoop sizing")), ResultAttribute("kind", .string("sizing")),
            ResultAttribute("sizing", .string("hp-storage")), ResultAttribute("site", .string("chicago-ai-campus")),
            ResultAttribute("objective", .string("npv")), ResultAttribute("objective_column", .string("npv_eur")),
            ResultAttribute("objective_sense", .string("max")),
            ResultAttribute("parameters", .string("heat_recovery.heat_pump.capacity_mw, heat_recovery.storage.volume_m3")),
            ResultAttribute("recommended_design", .string("hp8-st0")),
            ResultAttribute("recommendation", .string("Recommended: hp8-st0 (capacity_mw = 8).\n12 MW exceeds the DH connection.")),
            ResultAttribute("marginal:heat_recovery.heat_pump.capacity_mw:npv_eur", .double(2e6)),
            ResultAttribute("marginal:heat_recovery.storage.volume_m3:npv_eur", .double(-3e5)),
        ]))
        let (outcome, html) = try report(result)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Recommended: hp8-st0"))
        #expect(outcome.stdout.contains("12 MW exceeds the DH connection."))
        #expect(outcome.stdout.contains("−0.30 M€"), "marginal of the storage step")
        expectCharts(SizingReport.ChartID.all, in: html)
        #expect(html.contains("id=\"marginal-table\""))
        #expect(html.contains("12 MW exceeds the DH connection."))
        let designs = html.components(separatedBy: "id=\"design-table\"").last ?? ""
        #expect(designs.range(of: "hp8-st0")!.lowerBound < designs.range(of: "hp4-st0")!.lowerBound, "best first")
        expectEqual(tableValues(html)["npv_eur"], 3e6, "npv of the best design")
    }

    /// A missing file, a text file, an unfinished file and someone else's HDF5 file exit 2 naming the file,
    /// and write no report.
    @Test(arguments: ["missing", "text", "incomplete", "foreign"])
    func invalidInputExitsTwo(kind: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = "\(folder)/\(kind).h5"
        switch kind {
        case "text": try "not HDF5".write(toFile: result, atomically: true, encoding: .utf8)
        case "incomplete":
            let made = try CLI.python(["-c", "import h5py; h5py.File('\(result)', 'w').attrs['site_config'] = 'name: x'"])
            #expect(made.status == 0, "\(made.stdout)")
        case "foreign":
            let made = try CLI.python(["-c", "import h5py; h5py.File('\(result)', 'w').attrs['complete'] = 1"])
            #expect(made.status == 0, "\(made.stdout)")
        default: break
        }
        let (outcome, _) = try report(result)
        #expect(outcome.status == 2, "\(kind): \(outcome.stderr)")
        #expect(outcome.stderr.contains(result), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: result + ".html"))
    }
}
