import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("heatloop run --timeline")
struct TimelineRunTests {
    /// Four years of the Chicago campus (commissioned 2027-01-01, a new site: PUE ≤ 1.2 and ERF ≥ 10 % due
    /// 2029-01-01): the heat price steps up in year 3, utilisation ramps over two years, so years 3 and 4 share
    /// a run (3 simulated). NPV is recomputed from the printed per-year cash flows.
    @Test("per-year table, reduction, NPV from the year-by-year flows, EnEfG verdict per year, CF-clean file")
    func timeline() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/timeline.yaml"
        try """
            name: small
            start_year: 2027
            years: 4
            changes:
              it.clusters[0].workload.constant.utilization: {ramp: {from: 0.6, to: 0.85, years: 2}}
              economics.heat_price_eur_per_mwh: {steps: {1: 40, 3: 50}}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CLI.run(["run", "Sites/chicago-ai-campus.yaml", "--timeline", path, "--timestep-min", "60", "--json",
                               "--output", "\(folder)/t.h5"])
        #expect(run.status == 0, "\(run.stderr)")
        try CFComplianceTests.check("\(folder)/t.h5")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["simulated_years"] as? Int == 3)
        let years = try #require(json["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2027, 2028, 2029, 2030])
        #expect(years.map { $0["simulated_as"] as? Int } == [2027, 2028, 2029, 2029])
        let verdicts = years.map { ($0["enefg"] as? [String: Any])?["verdict"] as? String }
        #expect(verdicts[0] == "no target yet" && verdicts[1] == "no target yet")
        #expect(verdicts[2] == "PASS" || verdicts[2] == "FAIL")
        let rate = try #require(json["discount_rate"] as? Double)
        let investment = try #require(json["investment_eur"] as? Double)
        let flows = try years.map { try #require($0["net_cash_flow_eur"] as? Double) }
        var npv = -investment
        for (index, flow) in flows.enumerated() { npv += flow / pow(1 + rate, Double(index + 1)) }
        let reported = try #require(json["npv_eur"] as? Double)
        #expect(reported.isApproximatelyEqual(to: npv, relativeTolerance: 1e-9))
        #expect(flows[3] == flows[2])
        #expect(flows[2] > flows[1])  // the heat price stepped up
        let validate = try CLI.run(["validate", path])
        #expect(validate.status == 0 && validate.stdout.contains("timeline 'small'"), "\(validate.stderr)")
        let example = try CLI.run(["validate", "Sites/timeline/campus-timeline.yaml"])
        #expect(example.status == 0 && example.stdout.contains("timeline 'campus-timeline' from 2027, 6 changing input(s)"))
        let wrong = try CLI.run(["run", "Sites/chicago-ai-campus.yaml", "--timeline", "Sites/chicago-ai-campus.yaml"])
        #expect(wrong.status == 2 && wrong.stderr.contains("this is a site file"))
    }

    @Test("timeline-file problems are reported with their key paths")
    func problems() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/bad.yaml"
        try """
            name: bad
            start_year: 2027
            changes:
              economics.heat_price_eur_per_mwh: {steps: {2: 50}}
              carbon.grid_g_per_kwh: {escalate: {from: 300, rate: -2}}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CLI.run(["validate", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("economics.heat_price_eur_per_mwh") && run.stderr.contains("year 1"))
        #expect(run.stderr.contains("changes.carbon.grid_g_per_kwh.escalate.rate"), "\(run.stderr)")
    }
}
