import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5
import HeatLoopReport
import HeatLoopTestSupport
import Testing

@Suite("heatloop run --ensemble / --uncertainty")
struct EnsembleRunTests {
    @Test("an ensemble writes a CF-clean per-sample table with percentiles, reproducibly by seed")
    func ensembleTable() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = ["run", "Sites/chicago-ai-campus.yaml", "--uncertainty", "Sites/uncertainty/campus-p90.yaml",
                         "--ensemble", "6", "--timestep-min", "60", "--json"]
        let first = try CLI.run(arguments + ["--output", "\(folder)/a.h5"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run(arguments + ["--output", "\(folder)/b.h5", "--jobs", "1"])
        #expect(second.status == 0, "\(second.stderr)")
        try CFComplianceTests.check("\(folder)/a.h5")
        let csvA = try String(contentsOfFile: "\(folder)/a.csv", encoding: .utf8)
        let csvB = try String(contentsOfFile: "\(folder)/b.csv", encoding: .utf8)
        #expect(csvA == csvB)  // same seed, any number of jobs: the same samples
        #expect(csvA.split(separator: "\n").count == 7)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let percentiles = try #require(json["percentiles"] as? [String: [String: Any]])
        let heat = try #require(percentiles["heat_delivered_MWh"])
        let (p90, p50, p10) = (try #require(heat["p90"] as? Double), try #require(heat["p50"] as? Double),
                               try #require(heat["p10"] as? Double))
        #expect(p90 < p50 && p50 < p10)
        #expect(percentiles["npv_eur"] != nil)
        let attributes = try HDF5ResultReader.readAttributes(path: "\(folder)/a.h5").map(\.name)
        #expect(attributes.contains("npv_eur_p90") && attributes.contains("heat_delivered_MWh_p50"))
        // Monthly heat delivered per sample: twelve columns that add up to the sample's annual heat.
        let table = try HDF5ResultReader.readScenarioTable(path: "\(folder)/a.h5")
        let annual = try #require(table.columns.first { $0.name == "heat_delivered_MWh" }?.values)
        let months = EnsembleSummary.monthlyHeatColumns.compactMap { name in table.columns.first { $0.name == name }?.values }
        #expect(months.count == 12)
        for sample in annual.indices {
            let sum = months.reduce(0) { $0 + $1[sample] }
            #expect(sum.isApproximatelyEqual(to: annual[sample], relativeTolerance: 1e-9))
        }
        // The report: the P90/P50/P10 table in the terminal, the fan chart and the NPV distribution in HTML.
        let report = try CLI.run(["report", "\(folder)/a.h5", "--html", "\(folder)/a.html"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("HeatLoop ensemble of 6 samples") && report.stdout.contains("NPV (M€)"))
        let html = try String(contentsOfFile: "\(folder)/a.html", encoding: .utf8)
        for id in EnsembleReport.ChartID.all { #expect(html.contains("id=\"\(id)\""), "\(id)") }
        #expect(!html.contains("class=\"no-data\""))
    }

    @Test("the typical year with no uncertain inputs reproduces the single run exactly")
    func typicalYearIsTheSingleRun() throws {
        var spec = UncertaintySpec()
        spec.weather = .typical
        let study = try EnsembleStudy(site: PackagePaths.site("paris-colocation-heat-export"), spec: spec, samples: 2,
                                      timestepOverride: 60)
        let single = try ScenarioRunner(input: SiteInput.load(path: PackagePaths.site("paris-colocation-heat-export"),
                                                              timestepOverride: 60)).appraise()
        let summary = try study.run(jobs: 2)
        let column = try #require(summary.kpiNames.firstIndex(of: "heat_delivered_MWh"))
        #expect(summary.kpiValues[0][column] == single.summary.annual.heatDeliveredMWh)
        #expect(summary.kpiValues[1][column] == summary.kpiValues[0][column])
    }

    @Test("a drawn value the site rejects names the sample, key and value")
    func rejectedValue() throws {
        let spec = try UncertaintySpec.decode(text: """
            name: bad
            weather: typical
            inputs:
              it.clusters[0].workload.constant.utilization: {uniform: {min: 1.5, max: 2}}
            """, file: "bad.yaml")
        let study = try EnsembleStudy(site: PackagePaths.site("chicago-ai-campus"), spec: spec, samples: 2, timestepOverride: 60)
        #expect(throws: ScenarioFailure.self) { try study.input(0) }
        do { _ = try study.input(0) } catch { #expect(error.description.contains("it.clusters[0].workload.constant.utilization")) }
    }

    @Test("validate checks an uncertainty file; --uncertainty refuses a site file naming the right command")
    func fileKinds() throws {
        let valid = try CLI.run(["validate", "Sites/uncertainty/campus-p90.yaml"])
        #expect(valid.status == 0, "\(valid.stderr)")
        #expect(valid.stdout.contains("ok (uncertainty 'campus-p90', 100 samples, 4 uncertain input(s))"))
        let wrong = try CLI.run(["run", "Sites/chicago-ai-campus.yaml", "--uncertainty", "Sites/chicago-ai-campus.yaml"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("this is a site file"))
    }

    @Test("uncertainty-file problems are reported with their key paths")
    func fileProblems() {
        #expect(throws: SpecProblems.self) {
            try UncertaintySpec.decode(text: """
                name: x
                inputs:
                  economics.heat_price_eur_per_mwh: {gaussian: {mean: 1, sd: 2}}
                  economics.electricity_price_eur_per_mwh: {triangular: {min: 5, mode: 1, max: 9}}
                weather_variability: {dry_bulb_sd_k: [1, 2], rh_sd_pct: [1], lag1: 2}
                """, file: "x.yaml")
        }
        do {
            _ = try UncertaintySpec.decode(text: "name: x\ninputs:\n  economics.heat_price_eur_per_mwh: {gaussian: {mean: 1}}\n", file: "x.yaml")
        } catch {
            #expect(error.description.contains("unknown kind 'gaussian'"))
        }
    }
}
