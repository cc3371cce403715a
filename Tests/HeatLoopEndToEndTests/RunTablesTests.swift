import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5
import HeatLoopReport
import HeatLoopTestSupport
import Testing

/// `heatloop run --csv` / `--csv-hourly` and the month-by-month KPI table of the terminal summary and the
/// HTML report (issue 20 item 4).
@Suite struct RunTablesTests {
    /// One header line with units, one row per step (hourly: per hour), UTC and local times a UTC offset
    /// apart, values equal to the result file's; the terminal prints twelve months and the year.
    @Test func csvHasAHeaderWithUnitsAndTheResultsValues() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = "\(folder)/campus.h5"
        let run = try CLI.run(["run", "Sites/chicago-ai-campus.yaml", "--timestep-min", "30", "--output", result, "--csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOfFile: "\(folder)/campus.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + 365 * 48)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header.prefix(3) == ["time_utc", "time_local", "weather/dry_bulb [degC]"])
        #expect(header.contains("facility/pue [1]") && header.contains("cooling/water_use [L]"))
        let first = lines[1].split(separator: ",").map(String.init)
        #expect(first[0] == "2025-01-01T06:00" && first[1] == "2025-01-01T00:00")  // Chicago, UTC−6
        let dryBulb = try HDF5ResultReader.readSeries(path: result, group: "weather", name: "dry_bulb")
        #expect(Double(first[2]).map { abs($0 - dryBulb[0]) < 1e-6 } == true)
        #expect(lines.last?.hasPrefix("2026-01-01T05:30,2025-12-31T23:30,") == true)

        let monthly = run.stdout.split(separator: "\n").filter { ["Jan", "Dec", "Year"].contains($0.split(separator: " ").first ?? "") }
        #expect(monthly.count == 3, "\(run.stdout)")

        let hourly = try CLI.run(["run", "Sites/chicago-ai-campus.yaml", "--timestep-min", "30", "--output", result,
                                  "--csv-hourly", "--quiet"])
        #expect(hourly.status == 0, "\(hourly.stderr)")
        let hours = try String(contentsOfFile: "\(folder)/campus.csv", encoding: .utf8).split(separator: "\n")
        #expect(hours.count == 1 + 8760)
        #expect(hours[2].hasPrefix("2025-01-01T07:00,2025-01-01T01:00,"))
    }

    /// A report shared on its own says which weather it was made in: its header names the climate scenario.
    @Test func reportHeaderNamesTheClimateScenario() throws {
        let input = try SiteInput.load(path: PackagePaths.site("tucson-enterprise-air"), timestepOverride: 60)
        let document = try ScenarioRunner(input: input, climate: ClimateSpec(name: "plus2k", offsetK: 2))
            .record(origin: RunOrigin(heatloopVersion: "test", createdUTC: "")).document
        let html = RunReport(document: document).html()
        #expect(html.contains("climate ‘plus2k’: dry bulb +2 K every hour"))
        let asRecorded = RunReport(document: try ScenarioRunner(input: input)
            .record(origin: RunOrigin(heatloopVersion: "test", createdUTC: "")).document).html()
        #expect(asRecorded.contains("weather as recorded") && !asRecorded.contains("climate ‘"))
    }

    /// Times before the year (a site east of UTC) and across year ends are written in the right year.
    @Test func stampsCrossYearEnds() {
        #expect(ResultCSV.stamp(year: 2025, minutes: -60) == "2024-12-31T23:00")
        #expect(ResultCSV.stamp(year: 2025, minutes: 59 * 1440) == "2025-03-01T00:00")
        #expect(ResultCSV.stamp(year: 2024, minutes: 59 * 1440) == "2024-02-29T00:00")
        #expect(ResultCSV.stamp(year: 2025, minutes: 365 * 1440 + 330) == "2026-01-01T05:30")
    }

    /// The monthly table: twelve months and the year, the year row equal to `/summary`, the months' IT
    /// energy summing to the year's, and the HTML shows it as a table of visible values.
    @Test func monthlyTableMatchesTheSummaryAndIsInTheReport() throws {
        let document = try resultDocument(site: "tucson-enterprise-air")
        let report = RunReport(document: document)
        let table = try #require(report.monthlyKPITable)
        #expect(table.rows.count == 13 && table.rows.last?.label == "Year")
        let it = MonthlyKPITable.columns.firstIndex { $0.kpi == "it_energy_MWh" }!
        let year = try #require(table.rows.last?.values[it])
        #expect(year == document.summaryValue("it_energy_MWh")?.double)
        #expect(abs(table.rows.dropLast().map { $0.values[it] }.reduce(0, +) - year) < 1e-6 * year)
        let html = report.html()
        #expect(html.contains("id=\"monthly-kpis\""))
        #expect(html.contains(">Year<") && html.contains(">Jul<"))
    }
}
