import Foundation
import HeatLoop
@testable import HeatLoopFiles
import Testing

/// Sizing files (DESIGN §3.8): decoding, ranges, objectives and constraints, with every problem reported
/// at its line. Texts are read as if they were `Sites/sizing/test.yaml`.
@Suite struct SizingSpecTests {
    static var file: String { "\(BatchSpecTests.root)/Sites/sizing/test.yaml" }

    func problems(_ text: String) -> [SpecProblem] {
        do {
            _ = try SizingSpec.decode(text: text, file: Self.file)
            return []
        } catch { return error.problems }
    }

    @Test func decodesRangesObjectiveAndConstraints() throws {
        let spec = try SizingSpec.decode(text: """
            name: campus
            site: ../chicago-ai-campus.yaml
            timestep_min: 60
            vary:
              heat_recovery.heat_pump.capacity_mw: {from: 2, to: 20, step: 2}
              heat_recovery.district_heating.return_c: {from: 0.5, to: 0.8, step: 0.1}
              heat_recovery.storage.volume_m3: [0, 250]
            objective: lcoh
            constraints: {erf: {min: 0.2}, payback_years: {max: 8}, heat_delivered_MWh: {min: 1, max: 1e9}}
            """, file: Self.file)
        #expect(spec.vary.map(\.keyPath) == ["heat_recovery.heat_pump.capacity_mw", "heat_recovery.district_heating.return_c",
                                             "heat_recovery.storage.volume_m3"])
        #expect(spec.vary[0].values == ["2", "4", "6", "8", "10", "12", "14", "16", "18", "20"])
        #expect(spec.vary[1].values == ["0.5", "0.6", "0.7", "0.8"])
        #expect(spec.objective == .lcoh && spec.timestepMin == 60 && spec.site == "../chicago-ai-campus.yaml")
        #expect(spec.constraints == [DesignConstraint(column: "erf", minimum: 0.2), DesignConstraint(column: "payback_years", maximum: 8),
                                     DesignConstraint(column: "heat_delivered_MWh", minimum: 1, maximum: 1e9)])
    }

    @Test func everyProblemIsReportedWithItsLine() {
        let found = problems("""
            name: campus
            vary:
              heat_recovery.heat_pump.capacity_mw: {from: 20, to: 2, step: 2}
              heat_recovery.storage.volume_m3: {from: 0, to: 100}
            objective: profit
            constraints: {erf: {min: 0.3, max: 0.2}, paybak_years: {max: 8}, pue: {}}
            """)
        func find(_ fragment: String) -> SpecProblem? { found.first { $0.message.contains(fragment) } }
        #expect(find("does not lead from 20 to 2")?.line == 3, "\(found.map(\.description))")
        #expect(find("missing required key 'step'")?.line == 4)
        #expect(find("'profit'")?.line == 5)
        #expect(find("min 0.3 is above max 0.2")?.line == 6)
        #expect(find("did you mean 'payback_years'")?.line == 6)
        #expect(find("give 'min', 'max' or both") != nil)
        #expect(found.count == 6, "\(found.map(\.description))")
        #expect(problems("name: x\nobjective: npv\n").contains { $0.message.contains("missing required key 'vary'") })
    }

    @Test func planExpandsTheGridAndRejectsSitesWithoutEconomics() throws {
        let plan = try SizingPlan.load(path: "\(BatchSpecTests.root)/Sites/sizing/campus-heat-pump.yaml")
        #expect(plan.designs.count == 60)
        #expect(plan.designs[7].id == "capacity_mw-4-volume_m3-100")
        #expect(plan.designs[7].parameters == [4, 100])
        // Designs that differ only in heat recovery share the baseline run.
        #expect(Set(plan.designs.map(\.baselineKey)).count == 1)
        let neighbour = try plan.design(parameters: [13, 100], values: ["12", "100"])
        #expect(neighbour.id == "capacity_mw-13-volume_m3-100")
        // The Paris site without its economics, beside the original so that its weather path resolves.
        let paris = try String(contentsOfFile: "\(BatchSpecTests.root)/Sites/paris-colocation-heat-export.yaml", encoding: .utf8)
        let cut = try #require(paris.range(of: "\neconomics:"))
        let withoutEconomics = "\(BatchSpecTests.root)/Sites/paris-without-economics-\(UUID().uuidString).yaml"
        try String(paris[..<cut.lowerBound]).write(toFile: withoutEconomics, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: withoutEconomics) }
        do {
            _ = try SizingPlan.load(path: "\(BatchSpecTests.root)/Sites/sizing/campus-heat-pump.yaml", site: withoutEconomics)
            Issue.record("a site without economics is accepted")
        } catch {
            #expect(error.description.contains("economics"))
        }
    }
}
