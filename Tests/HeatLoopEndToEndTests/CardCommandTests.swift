import Foundation
import HeatLoopTestSupport
import Testing

/// `heatloop card` through the built binary: a job described on its own (the shipped GPT-3 example in
/// Patterson et al. 2021's terms), a run's result file, and the exit-2 paths.
@Suite("heatloop card")
struct CardCommandTests {
    static func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    static func central(_ object: [String: Any], _ path: String...) throws -> Double {
        var node: Any? = object
        for key in path { node = (node as? [String: Any])?[key] }
        return try #require((node as? [String: Any])?["central"] as? Double, "\(path)")
    }

    @Test("a job described in YAML: the paper's terms give its energy and CO2e; the HF block in grams")
    func jobFile() throws {
        let file = "\(PackagePaths.root)/Sites/cards/gpt3-patterson2021.yaml"
        let outcome = try CLI.run(["card", file, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let card = try #require(try Self.json(outcome.stdout).first)
        let kWh = 10_000 * 330 * 355.2 * 1.1 / 1000
        #expect(try Self.central(card, "energy_kWh", "total").isApproximatelyEqual(to: kWh, relativeTolerance: 1e-12))
        let kg = try Self.central(card, "operational_kgCO2e", "location_based")
        #expect(kg.isApproximatelyEqual(to: kWh * 0.429, relativeTolerance: 1e-12))
        let hf = try CLI.run(["card", file, "--format", "hf"])
        #expect(hf.stdout.contains("  emissions: \(Int64((kg * 1000).rounded()))\n"), "\(hf.stdout)")
        #expect(hf.stdout.hasPrefix("co2_eq_emissions:\n") && hf.stdout.contains("training_type: \"pre-training\""))
        let markdown = try CLI.run(["card", file, "--boundary", "node"])
        #expect(markdown.status == 0 && markdown.stdout.contains("Boundary: node (") && !markdown.stdout.contains("energy: facility"))
    }

    @Test("a run's result: one card per job; an unknown job or a job file with problems exits 2")
    func runResult() throws {
        let folder = try temporaryFolder()
        let result = "\(folder)/llama.h5"
        let run = try CLI.run(["run", PackagePaths.site("llama-training-sf"), "--timestep-min", "60", "--output", result, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let outcome = try CLI.run(["card", result, "--format", "json", "--idle", "gpu-hours"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let cards = try Self.json(outcome.stdout)
        #expect(cards.compactMap { ($0["job"] as? [String: Any])?["name"] as? String } == ["pretrain-405b", "finetune", "background"])
        let one = try CLI.run(["card", result, "--job", "finetune"])
        #expect(one.status == 0 && one.stdout.contains("## Carbon card: finetune") && !one.stdout.contains("pretrain-405b"))
        let unknown = try CLI.run(["card", result, "--job", "nope"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no job 'nope'"))
        let bad = "\(folder)/bad.yaml"
        try "name: x\naccelerators: 8\npower_w: 700\nhours: 10\ngpu_hours: 80\ngrid_g_per_kwh: 300\npue: 1.2\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let problem = try CLI.run(["card", bad])
        #expect(problem.status == 2 && problem.stderr.contains("give exactly one of 'hours'"), "\(problem.stderr)")
    }

    @Test("a result without training jobs exits 2 and says why")
    func noJobs() throws {
        let result = "\(try temporaryFolder())/tucson.h5"
        let run = try CLI.run(["run", PackagePaths.site("tucson-enterprise-air"), "--timestep-min", "60", "--output", result, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let outcome = try CLI.run(["card", result])
        #expect(outcome.status == 2 && outcome.stderr.contains("no /summary/jobs"), "\(outcome.stderr)")
    }

    @Test("a job longer than a year: started in 2025, run on in 2026; two results give one card")
    func jobAcrossYears() throws {
        let folder = try temporaryFolder()
        var text = try String(contentsOfFile: PackagePaths.site("llama-training-sf"), encoding: .utf8)
        for (original, replacement) in [("start: 2025-01-10, duration_days: 54,", "start: 2025-10-01, duration_days: 200,"),
                                        ("../Weather/", "\(PackagePaths.root)/Weather/")] {
            try #require(text.contains(original))
            text = text.replacingOccurrences(of: original, with: replacement)
        }
        var results: [String] = []
        for year in [2025, 2026] {
            let site = "\(folder)/long-\(year).yaml", result = "\(folder)/long-\(year).h5"
            // The fine-tune and the maintenance window are in each year; the long job started in 2025.
            try text.replacingOccurrences(of: "timestep_min: 15", with: "timestep_min: 60\nyear: \(year)")
                .replacingOccurrences(of: "2025-04-01", with: "\(year)-04-01")
                .replacingOccurrences(of: "2025-06-03T02:00", with: "\(year)-06-03T02:00")
                .write(toFile: site, atomically: true, encoding: .utf8)
            let run = try CLI.run(["run", site, "--output", result, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            results.append(result)
        }
        func card(_ files: [String]) throws -> [String: Any] {
            let outcome = try CLI.run(["card"] + files + ["--job", "pretrain-405b", "--format", "json"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return try #require(try Self.json(outcome.stdout).first)
        }
        let (first, second, both) = (try card([results[0]]), try card([results[1]]), try card(results))
        func job(_ card: [String: Any], _ key: String) throws -> Double {
            try #require((card["job"] as? [String: Any])?[key] as? Double, "\(key)")
        }
        // 200 days of work from 1 October: 92 days in 2025, the rest (with checkpoints and restarts) in 2026.
        #expect(try job(first, "hours") <= 92 * 24 + 1e-6)
        #expect(try job(both, "gpu_hours").isApproximatelyEqual(to: try job(first, "gpu_hours") + job(second, "gpu_hours"), relativeTolerance: 1e-12))
        #expect(try job(both, "hours") > 200 * 24)
        let source = try #require((both["job"] as? [String: Any])?["source"] as? String)
        #expect(source.contains("2025–2026") && !source.contains("not finished"), "\(source)")
        let reversed = try CLI.run(["card", results[1], results[1], "--job", "pretrain-405b"])
        #expect(reversed.status == 2 && reversed.stderr.contains("not consecutive"), "\(reversed.stderr)")
    }
}
