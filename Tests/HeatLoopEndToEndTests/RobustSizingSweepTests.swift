import Foundation
import HeatLoop
@testable import HeatLoopFiles
import HeatLoopReport
import HeatLoopTestSupport
import Testing

/// A small sweep under uncertainty: 2 heat-pump sizes (× `vary`) × 3 samples of generated weather and prices
/// (and `inputs`).
private func smallSpec(_ folder: String, extra: String = "", vary: String = "", inputs: String = "") throws -> String {
    let path = "\(folder)/p90.yaml"
    try """
        name: p90-small
        site: \(PackagePaths.site("chicago-ai-campus"))
        timestep_min: 60
        vary:
          heat_recovery.heat_pump.capacity_mw: [4, 8]
          \(vary)
        uncertainty:
          samples: 3
          seed: 7
          inputs:
            economics.heat_price_eur_per_mwh: {triangular: {min: 30, mode: 45, max: 70}}
            \(inputs)
        recommend_by: p90_npv
        \(extra)
        """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite("Sizing under uncertainty")
struct RobustSizingSweepTests {
    /// Common random numbers: the design equal to the site file (8 MW) gives, sample by sample, the NPVs of
    /// an ensemble of the site itself with the same uncertainty section.
    @Test("every design runs on the same samples: the site's own design reproduces its ensemble exactly")
    func commonRandomNumbers() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try SizingPlan.load(path: try smallSpec(folder))
        let uncertainty = try #require(plan.spec.uncertainty)
        let outcome = try RobustSizingSweep(plan: plan, uncertainty: uncertainty, jobs: 2).run()
        let study = try EnsembleStudy(site: PackagePaths.site("chicago-ai-campus"), spec: uncertainty, timestepOverride: 60)
        let ensemble = try study.run(jobs: 2)
        let npvColumn = try #require(ensemble.kpiNames.firstIndex(of: "npv_eur"))
        let eight = try #require(outcome.parameters.firstIndex(of: [8]))
        #expect(outcome.npv[eight] == ensemble.kpiValues.map { $0[npvColumn] })
        #expect(outcome.npv[0] != outcome.npv[1])
        #expect(outcome.analysis.recommended != nil)
        #expect(outcome.recommendation.first?.contains("Recommended by P90 NPV over 3 common samples") == true)
    }

    /// What the sweep shares (weather members, the design condition, each sample's weather at the steps, the
    /// cooling baselines) changes no result: every design × sample run made alone, the plain way (its input
    /// designed for its own weather file, its weather at the steps and its own baseline made in the run),
    /// gives the same KPIs to the bit.
    @Test("sharing across designs and samples gives every run's KPIs to the bit")
    func sharingIsExact() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try SizingPlan.load(path: try smallSpec(folder, vary: "heat_recovery.storage.volume_m3: [0, 500]",
            inputs: "it.clusters[0].workload.constant.utilization: {uniform: {min: 0.7, max: 0.95}}"))
        let uncertainty = try #require(plan.spec.uncertainty)
        let outcome = try RobustSizingSweep(plan: plan, uncertainty: uncertainty, jobs: 2).run()
        let members = try EnsembleStudy.weather(uncertainty, base: plan.designs[0].scenario.weather, file: plan.path)
            .members(uncertainty.samples)
        let weather = try WeatherEnsemble(.recorded(members)), drawn = EnsembleStudy.inputValues(uncertainty)
        var columns: [RobustSizingOutcome.Column] = [], values: [[Double]] = []
        for design in plan.designs {
            let scenario = design.scenario
            let sample = EnsembleSample(root: scenario.designed.spec.node, sitePath: scenario.sitePath, traces: scenario.traces,
                                        designAmbient: DesignAmbient(weather: scenario.weather), weatherPath: scenario.weatherPath,
                                        weatherSHA256: scenario.weatherSHA256, timestepOverride: nil)
            for index in 0..<uncertainty.samples {
                let input = try sample.input(index, inputs: uncertainty.inputs, values: drawn[index], weather: weather)
                let run = try ScenarioRunner(input: input).appraise()
                let row = run.summary.annual.named + (run.summary.economics?.named ?? [])
                columns = row.map { ($0.name, $0.units, $0.longName) }
                values.append(row.map(\.value))
            }
        }
        let plain = RobustSizingOutcome(plan: plan, uncertainty: uncertainty, columns: columns, values: values,
                                        samples: uncertainty.samples)
        #expect(outcome.npv.count == 4 && Set(outcome.npv.flatMap { $0 }).count == 12)
        #expect(outcome.npv.map { $0.map(\.bitPattern) } == plain.npv.map { $0.map(\.bitPattern) })
        #expect(outcome.means.count == plain.means.count)
        for (fast, alone) in zip(outcome.means, plain.means) {
            #expect(fast.map(\.name) == alone.map(\.name))
            #expect(fast.map(\.value.bitPattern) == alone.map(\.value.bitPattern))
        }
    }

    @Test("heatloop size writes a CF-clean design table with NPV percentiles and regret")
    func cli() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLI.run(["size", "--spec", try smallSpec(folder), "--output", "\(folder)/out"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("lost on P90 NPV"))
        try CFComplianceTests.check("\(folder)/out/sizing.h5")
        let csv = try String(contentsOfFile: "\(folder)/out/sizing.csv", encoding: .utf8)
        #expect(csv.contains("npv_eur_p90") && csv.contains("max_regret_eur") && csv.contains("npv_eur_mean"))
        #expect(csv.contains("npv_eur_sample_000") && csv.contains("npv_eur_sample_002") && !csv.contains("npv_eur_sample_003"))
        let report = try CLI.run(["report", "\(folder)/out/sizing.h5", "--html", "\(folder)/out/sizing.html"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("over 3 common samples") && report.stdout.contains("NPV P90 (M€)"))
        let html = try String(contentsOfFile: "\(folder)/out/sizing.html", encoding: .utf8)
        for id in RobustSizingReport.ChartID.all { #expect(html.contains("id=\"\(id)\""), "\(id)") }
        #expect(!html.contains("class=\"no-data\""))
    }

    @Test("a price under vary is refused with a hint to move it under uncertainty")
    func priceUnderVary() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/bad.yaml"
        try """
            name: bad
            site: \(PackagePaths.site("chicago-ai-campus"))
            vary:
              economics.heat_price_eur_per_mwh: [45, 65]
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CLI.run(["size", "--spec", path, "--output", "\(folder)/out"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.yaml:4:3: vary.economics.heat_price_eur_per_mwh: a price is an uncertain input"), "\(run.stderr)")
        #expect(run.stderr.contains("move it under 'uncertainty: inputs:'"))
    }

    @Test("recommend_by without uncertainty is refused")
    func criterionNeedsUncertainty() throws {
        #expect(throws: SpecProblems.self) {
            try SizingSpec.decode(text: "name: x\nvary: {heat_recovery.heat_pump.capacity_mw: [4]}\nrecommend_by: p90_npv\n", file: "x.yaml")
        }
    }
}
