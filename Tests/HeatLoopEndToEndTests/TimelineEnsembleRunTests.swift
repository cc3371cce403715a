import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5
import HeatLoopReport
import HeatLoopTestSupport
import Testing

/// Three years of the Chicago campus (commissioned 2027-01-01: no EnEfG target in 2027 and 2028, PUE ≤ 1.2 and
/// ERF ≥ 10 % in 2029): utilisation ramps over two years, the heat price escalates 2 % a year and the
/// network's design load steps up in year 3.
private func smallTimeline(_ folder: String) throws -> TimelineSpec {
    let path = "\(folder)/timeline.yaml"
    try """
        name: small
        start_year: 2027
        years: 3
        changes:
          it.clusters[0].workload.constant.utilization: {ramp: {from: 0.6, to: 0.85, years: 2}}
          economics.heat_price_eur_per_mwh: {escalate: {from: 45, rate: 0.02}}
        """.write(toFile: path, atomically: true, encoding: .utf8)
    return try TimelineSpec.load(path: path)
}

/// Two samples: the heat price (also moved by the timeline: its drawn value is the year-1 level) and the grid
/// carbon intensity (held for the whole life).
private func uncertainty(_ weather: UncertaintySpec.WeatherChoice, samples: Int = 2) -> UncertaintySpec {
    var spec = UncertaintySpec()
    spec.samples = samples
    spec.seed = 11
    spec.weather = weather
    spec.inputs = [UncertainInput(keyPath: "economics.heat_price_eur_per_mwh", distribution: .triangular(min: 30, mode: 45, max: 70)),
                   UncertainInput(keyPath: "carbon.grid_g_per_kwh", distribution: .normal(mean: 369, sd: 40))]
    return spec
}

private let site = PackagePaths.site("chicago-ai-campus")

/// Equal values, NaN equal to NaN (a KPI the site does not have, an IRR that does not exist).
private func same(_ a: [Double], _ b: [Double]) -> Bool {
    a.elementsEqual(b) { $0 == $1 || ($0.isNaN && $1.isNaN) }
}

/// Every year's KPIs as numbers.
private func kpiValues(_ summary: TimelineSummary) -> [Double] { summary.years.flatMap { $0.kpis.named.map(\.value) } }

/// The same rows, columns and values (NaN equal to NaN).
private func same(_ a: ScenarioTable, _ b: ScenarioTable) -> Bool {
    a.ids == b.ids && a.columns.map(\.name) == b.columns.map(\.name) && zip(a.columns, b.columns).allSatisfy { same($0.values, $1.values) }
}

@Suite("heatloop run --timeline --ensemble")
struct TimelineEnsembleRunTests {
    /// In the typical year, sample s is exactly a plain timeline run whose timeline sets the drawn grid carbon
    /// every year and escalates the heat price from the drawn value.
    @Test("a sample is a plain timeline run with its drawn values (typical weather, exact)")
    func sampleIsAPlainTimeline() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = try smallTimeline(folder)
        let study = try TimelineEnsembleStudy(site: site, timeline: spec, uncertainty: uncertainty(.typical), timestepOverride: 60)
        let ensemble = try study.run(jobs: 2)
        for sample in 0..<2 {
            let values = study.ensemble.inputValues[sample]
            var plain = spec
            plain.inputs[1].change = .escalate(from: values[0], rate: 0.02)
            plain.inputs.append(TimelineInput(keyPath: "carbon.grid_g_per_kwh", change: .steps([TimelineStep(year: 1, value: values[1])])))
            let reference = try TimelineStudy(site: site, spec: plain, timestepOverride: 60).run(jobs: 2)
            #expect(same(kpiValues(ensemble.samples[sample]), kpiValues(reference)))
            #expect(ensemble.samples[sample].npv == reference.npv)
            #expect(ensemble.samples[sample].lcoh == reference.lcoh)
        }
        #expect(ensemble.samples[0].npv != ensemble.samples[1].npv)
    }

    /// Generated weather: every year of every sample has its own member, so no year shares a run (the
    /// plain timeline would share none here either, but members must not be shared across); each year equals
    /// a single run of the site with that year's values in that member.
    @Test("generated weather: each year its own member, equal to a single run in that member; same seed, same table")
    func generatedWeather() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = try smallTimeline(folder)
        let study = try TimelineEnsembleStudy(site: site, timeline: spec, uncertainty: uncertainty(.generated(nil)), timestepOverride: 60)
        #expect(study.weatherMembers == [[0, 1, 2], [3, 4, 5]])
        let ensemble = try study.run(jobs: 2)
        #expect(ensemble.simulatedCount == 6)
        let (sample, year) = (1, 2)
        let values = study.ensemble.inputValues[sample]
        let settings: [(keyPath: String, value: Double)] = [
            ("carbon.grid_g_per_kwh", values[1]), ("it.clusters[0].workload.constant.utilization", 0.85),
            ("economics.heat_price_eur_per_mwh", values[0] * pow(1.02, 2)),
        ]
        let member = try study.ensemble.weather.member(5)
        let single = try ScenarioRunner(input: study.ensemble.input("check", settings: settings, weather: member)).appraise()
        #expect(same(ensemble.samples[sample].years[year].kpis.named.map(\.value), single.summary.annual.named.map(\.value)))
        #expect(ensemble.samples[0].years[0].kpis.heatDeliveredMWh != ensemble.samples[0].years[1].kpis.heatDeliveredMWh)

        let table = ScenarioTable(timelineEnsemble: ensemble, name: "small", sampling: "", attributes: [])
        let again = try TimelineEnsembleStudy(site: site, timeline: spec, uncertainty: uncertainty(.generated(nil)), timestepOverride: 60)
        #expect(same(ScenarioTable(timelineEnsemble: try again.run(jobs: 1), name: "small", sampling: "", attributes: []), table))

        // Percentiles agree with the per-sample table, in the file and in the report.
        let npv = try #require(table.columns.first { $0.name == "npv_eur" }?.values)
        #expect(table.attributes.first { $0.name == "npv_eur_p90" }?.value.double == Percentiles(npv).p90)
        let report = TimelineEnsembleReport(table: table)
        #expect(report.years == [2027, 2028, 2029])
        #expect(report.yearly("heat_delivered_MWh") == ensemble.yearlyPercentiles("heat_delivered_MWh"))
        #expect(report.yearly("heat_delivered_MWh")[1].p50.isApproximatelyEqual(to: (ensemble.samples[0].years[1].kpis.heatDeliveredMWh
            + ensemble.samples[1].years[1].kpis.heatDeliveredMWh) / 2, relativeTolerance: 1e-12))
        let share = report.enefgShare
        #expect(share[0].isNaN && share[1].isNaN && share[2].isFinite)
        #expect(same(share, ensemble.enefgShare))
    }

    @Test("heatloop run --timeline --ensemble writes a CF-clean table that heatloop report reads")
    func cli() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try smallTimeline(folder)
        let path = "\(folder)/u.yaml"
        try """
            name: u
            samples: 3
            seed: 5
            inputs:
              carbon.grid_g_per_kwh: {normal: {mean: 369, sd: 40}}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CLI.run(["run", site, "--timeline", "\(folder)/timeline.yaml", "--ensemble", "2", "--uncertainty", path,
                               "--timestep-min", "60", "--json", "--output", "\(folder)/te.h5"])
        #expect(run.status == 0, "\(run.stderr)")
        try CFComplianceTests.check("\(folder)/te.h5")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["samples"] as? Int == 2 && json["simulated_site_years"] as? Int == 6)
        let years = try #require(json["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2027, 2028, 2029])
        #expect(((json["percentiles"] as? [String: Any])?["npv_eur"] as? [String: Any])?["p50"] is Double)
        let table = try HDF5ResultReader.readScenarioTable(path: "\(folder)/te.h5")
        #expect(table.text("kind") == "timeline_ensemble" && table.ids == ["sample-0", "sample-1"])
        #expect(FileManager.default.fileExists(atPath: "\(folder)/te.csv"))
        let report = try CLI.run(["report", "\(folder)/te.h5", "--html", "\(folder)/te.html"])
        #expect(report.status == 0 && report.stdout.contains("timeline ensemble") && report.stdout.contains("2029"), "\(report.stderr)")
        let page = try String(contentsOfFile: "\(folder)/te.html", encoding: .utf8)
        for id in TimelineEnsembleReport.ChartID.all { #expect(page.contains("id=\"\(id)\""), "\(id)") }
        let example = try CLI.run(["validate", "Sites/uncertainty/campus-timeline-p90.yaml"])
        #expect(example.status == 0 && example.stdout.contains("3 uncertain input(s)"), "\(example.stderr)")
    }

    @Test("bad combinations are refused with what to do")
    func refused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try smallTimeline(folder)
        let timeline = "\(folder)/timeline.yaml"
        let weather = try CLI.run(["run", site, "--timeline", timeline, "--weather", "x.epw"])
        #expect(weather.status != 0 && weather.stderr.contains("--timeline") && weather.stderr.contains("--weather"), "\(weather.stderr)")
        let csv = try CLI.run(["run", site, "--timeline", timeline, "--ensemble", "2", "--csv"])
        #expect(csv.status != 0 && csv.stderr.contains("--csv"), "\(csv.stderr)")
        let path = "\(folder)/zero.yaml"
        try """
            name: zero
            start_year: 2027
            years: 2
            changes:
              carbon.grid_g_per_kwh: {ramp: {from: 0, to: 300, years: 2}}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let draw = "\(folder)/draw.yaml"
        try """
            name: draw
            inputs:
              carbon.grid_g_per_kwh: {normal: {mean: 369, sd: 40}}
            """.write(toFile: draw, atomically: true, encoding: .utf8)
        let zero = try CLI.run(["run", site, "--timeline", path, "--ensemble", "2", "--uncertainty", draw])
        #expect(zero.status == 2 && zero.stderr.contains("carbon.grid_g_per_kwh") && zero.stderr.contains("from 0 in year 1"), "\(zero.stderr)")
    }
}
