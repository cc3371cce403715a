import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// Carbon-aware operation: a flexible job (`deadline`) on a site with an hourly grid series starts at the
/// cleanest hours that still end by the deadline, and `/summary/jobs` reports the shift and the CO2 saved.
@Suite("Carbon-aware job starts")
struct CarbonAwareTests {
    @Test("the cleanest window: a day-long job on a grid clean at noon starts nearer noon")
    func bestStart() {
        // 24 h repeating: 300 g/kWh except 100 g/kWh from 10:00 to 14:00.
        let day = (0..<24).map { (10..<14).contains($0) ? 100.0 : 300.0 }
        // A 4-hour job requested at 00:00 with 24 h of slack starts at 10:00.
        #expect(CarbonAwareStart.bestStart(requested: 0, deadline: 28 * 3600, wallTime: 4 * 3600, hourly: day) == 10 * 3600)
        // Too little slack to reach the clean hours (the latest start, 05:00, ends at 09:00): the earliest.
        #expect(CarbonAwareStart.bestStart(requested: 0, deadline: 9 * 3600, wallTime: 4 * 3600, hourly: day) == 0)
        // No slack at all: the requested start.
        #expect(CarbonAwareStart.bestStart(requested: 3600, deadline: 5 * 3600, wallTime: 4 * 3600, hourly: day) == 3600)
        // A flat grid: the earliest start.
        #expect(CarbonAwareStart.bestStart(requested: 0, deadline: 48 * 3600, wallTime: 4 * 3600, hourly: [200]) == 0)
    }

    /// llama-training-sf with `edits`, written to a temporary folder (not beside the example sites, which
    /// other tests list) with its relative paths made absolute, and simulated in-process.
    static func variant(_ edits: [(String, String)]) throws -> SimulationResult {
        var text = try String(contentsOfFile: PackagePaths.site("llama-training-sf"), encoding: .utf8)
        for (original, replacement) in edits + [("../Weather/", "\(PackagePaths.root)/Weather/"),
                                                 ("traces/", "\(PackagePaths.root)/Sites/traces/")] {
            try #require(text.contains(original), "llama-training-sf.yaml has no '\(original)'")
            text = text.replacingOccurrences(of: original, with: replacement)
        }
        let path = "\(try temporaryFolder())/flexible.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ScenarioRunner(input: try SiteInput.load(path: path)).simulate()
    }

    @Test("the fine-tune of llama-training-sf with the example hourly grid and a deadline: shifted, CO2 saved")
    func shiftedJob() throws {
        let grid = [("carbon: {grid_g_per_kwh: 369}", "carbon: {grid_csv: traces/grid-intensity-example.csv}")]
        let flexible = grid + [("{name: finetune, nodes: 256, start: 2025-04-01, duration_days: 10,",
                                "{name: finetune, nodes: 256, start: 2025-04-01, duration_days: 10, deadline: 2025-04-20,")]
        let (fixed, shifted) = (try Self.variant(grid), try Self.variant(flexible))
        let before = try #require(fixed.jobs.first { $0.name == "finetune" })
        let after = try #require(shifted.jobs.first { $0.name == "finetune" })
        #expect(before.co2SavedByShiftTonnes == 0 && before.requestedStartHours == before.startHours)
        #expect(after.requestedStartHours == before.requestedStartHours)
        #expect(after.startHours > after.requestedStartHours, "\(after.startHours)")
        #expect(after.endHours <= (31 + 28 + 31 + 19) * 24 + 1e-6 || after.interruptions > 0, "ends by the deadline unless failures delayed it")
        #expect(after.co2SavedByShiftTonnes > 0)
        // The estimate (same power at the requested hours) against the two runs: within 10 % of the difference
        // (failures and the background jobs around it differ between the runs).
        let difference = before.co2Tonnes - after.co2Tonnes
        #expect(difference > 0, "\(before.co2Tonnes) → \(after.co2Tonnes)")
        #expect(abs(after.co2SavedByShiftTonnes / difference - 1) < 0.25, "estimate \(after.co2SavedByShiftTonnes) t, runs \(difference) t")
    }
}
