import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5
import HeatLoopReport
import HeatLoopTestSupport
import Testing

/// A small batch under uncertainty: 2 heat-pump sizes × 3 samples of generated weather and a heat price.
func smallBatch(_ folder: String, extra: String = "") throws -> String {
    let path = "\(folder)/batch-p90.yaml"
    try """
        name: batch-p90-small
        sites: [\(PackagePaths.site("chicago-ai-campus"))]
        vary:
          heat_recovery.heat_pump.capacity_mw: [4, 8]
        timestep_min: 60
        uncertainty:
          samples: 3
          seed: 7
          inputs:
            economics.heat_price_eur_per_mwh: {triangular: {min: 30, mode: 45, max: 70}}
        \(extra)
        """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite("Batch under uncertainty")
struct BatchEnsembleTests {
    /// Common random numbers: the scenario equal to the site file (8 MW) gives, sample by sample, the KPIs of
    /// an ensemble of the site itself with the same uncertainty section.
    @Test("every scenario runs on the same samples: the site's own scenario reproduces its ensemble exactly")
    func commonRandomNumbers() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try BatchPlan.load(path: try smallBatch(folder))
        let uncertainty = try #require(plan.spec.uncertainty)
        let outcome = try BatchEnsemble(plan: plan, uncertainty: uncertainty, jobs: 2).run()
        let study = try EnsembleStudy(site: PackagePaths.site("chicago-ai-campus"), spec: uncertainty, timestepOverride: 60)
        let ensemble = try study.run(jobs: 2)
        let eight = try #require(outcome.rows.firstIndex { $0.varied.first?.value == 8 })
        #expect(outcome.summaries[eight].kpiNames == ensemble.kpiNames)
        #expect(outcome.summaries[eight].kpiValues == ensemble.kpiValues)
        #expect(outcome.summaries[eight].percentiles == ensemble.percentiles)
        let npv = try #require(ensemble.kpiNames.firstIndex(of: "npv_eur"))
        #expect(outcome.summaries[0].kpiValues.map { $0[npv] } != outcome.summaries[1].kpiValues.map { $0[npv] })
    }

    @Test("heatloop batch writes a CF-clean per-scenario percentile table that heatloop report reads")
    func cli() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLI.run(["batch", try smallBatch(folder), "--output", "\(folder)/out"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 scenarios × 3 common samples") && run.stdout.contains("npv_eur"), "\(run.stdout)")
        try CFComplianceTests.check("\(folder)/out/summary.h5")
        let table = try HDF5ResultReader.readScenarioTable(path: "\(folder)/out/summary.h5")
        #expect(table.ids.count == 2)
        for kpi in EnsembleSummary.columns {
            for suffix in ["p10", "p50", "p90", "mean"] { #expect(table.columns.contains { $0.name == "\(kpi)_\(suffix)" }, "\(kpi)_\(suffix)") }
        }
        let p90 = try #require(table.columns.first { $0.name == "heat_delivered_MWh_p90" }?.values)
        let p10 = try #require(table.columns.first { $0.name == "heat_delivered_MWh_p10" }?.values)
        #expect(zip(p90, p10).allSatisfy { $0 < $1 })
        #expect(table.columns.contains { $0.name == "npv_eur_sample_002" } && !table.columns.contains { $0.name == "npv_eur_sample_003" })
        let report = try CLI.run(["report", "\(folder)/out/summary.h5", "--html", "\(folder)/out/summary.html"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("2 scenarios over 3 common samples") && report.stdout.contains("NPV"), "\(report.stdout)")
        let html = try String(contentsOfFile: "\(folder)/out/summary.html", encoding: .utf8)
        for id in BatchEnsembleReport.ChartID.all { #expect(html.contains("id=\"\(id)\""), "\(id)") }
        #expect(!html.contains("class=\"no-data\""))
        let validated = try CLI.run(["validate", try smallBatch(folder)])
        #expect(validated.status == 0 && validated.stdout.contains("2 scenarios × 3 samples, 1 uncertain input(s)"), "\(validated.stdout)")
        let resumed = try CLI.run(["batch", try smallBatch(folder), "--output", "\(folder)/out2", "--resume"])
        #expect(resumed.status == 2 && resumed.stderr.contains("--resume, --summary-only and --keep do not apply"), "\(resumed.stderr)")
    }

    @Test("the uncertainty section's climate is refused (the batch's climate list is the one), unknown keys named")
    func decoding() throws {
        let base = "name: x\nsites: [\(PackagePaths.site("chicago-ai-campus"))]\n"
        #expect(throws: SpecProblems.self) {
            try BatchSpec.decode(text: base + "uncertainty:\n  samples: 3\n  climate: {name: warm, offset_k: 1}\n", file: "x.yaml")
        }
        do {
            _ = try BatchSpec.decode(text: base + "uncertainty:\n  samples: 3\n  sample: 4\n", file: "x.yaml")
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.description.contains("x.yaml:5:3") && error.description.contains("sample"), "\(error.description)")
        }
        let spec = try BatchSpec.decode(text: base + "uncertainty: {samples: 5, seed: 3}\n", file: "x.yaml")
        #expect(spec.uncertainty?.samples == 5 && spec.uncertainty?.seed == 3)
    }
}
