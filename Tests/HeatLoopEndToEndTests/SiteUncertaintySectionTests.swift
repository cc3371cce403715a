import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// The default campus with its weather path made absolute, in `folder`, with `tail` appended.
private func campus(in folder: String, tail: String, name: String = "site.yaml") throws -> String {
    let text = try String(contentsOfFile: PackagePaths.site("chicago-ai-campus"), encoding: .utf8)
        .replacingOccurrences(of: "weather: ../Weather/", with: "weather: \(PackagePaths.root)/Weather/")
    let path = "\(folder)/\(name)"
    try (text + "\n" + tail).write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

private let section = """
    uncertainty:
      samples: 3
      seed: 7
      inputs:
        economics.heat_price_eur_per_mwh: {triangular: {min: 30, mode: 45, max: 70}}
    """

@Suite("A site's own uncertainty: section")
struct SiteUncertaintySectionTests {
    @Test("run --ensemble uses the site's section; --uncertainty FILE replaces it")
    func sectionAndOverride() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let site = try campus(in: folder, tail: section)
        // The same section as an uncertainty file, on the site without it: the same samples.
        let plain = try campus(in: folder, tail: "", name: "plain.yaml")
        try ("name: same\n" + section.split(separator: "\n").dropFirst().map { String($0.dropFirst(2)) }.joined(separator: "\n") + "\n")
            .write(toFile: "\(folder)/same.yaml", atomically: true, encoding: .utf8)
        try "name: other\nsamples: 2\nseed: 3\ninputs:\n  carbon.grid_g_per_kwh: {normal: {mean: 369, sd: 40}}\n"
            .write(toFile: "\(folder)/other.yaml", atomically: true, encoding: .utf8)
        let common = ["--timestep-min", "60", "--quiet"]
        let own = try CLI.run(["run", site, "--ensemble", "3", "--output", "\(folder)/own.h5"] + common)
        #expect(own.status == 0, "\(own.stderr)")
        let file = try CLI.run(["run", plain, "--uncertainty", "\(folder)/same.yaml", "--output", "\(folder)/file.h5"] + common)
        #expect(file.status == 0, "\(file.stderr)")
        let ownCSV = try String(contentsOfFile: "\(folder)/own.csv", encoding: .utf8)
        #expect(ownCSV.contains("economics.heat_price_eur_per_mwh"))
        #expect(ownCSV == (try String(contentsOfFile: "\(folder)/file.csv", encoding: .utf8)))
        let replaced = try CLI.run(["run", site, "--uncertainty", "\(folder)/other.yaml", "--output", "\(folder)/other.h5"] + common)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let otherCSV = try String(contentsOfFile: "\(folder)/other.csv", encoding: .utf8)
        #expect(otherCSV.contains("carbon.grid_g_per_kwh") && !otherCSV.contains("economics.heat_price_eur_per_mwh"))
        #expect(otherCSV.split(separator: "\n").count == 3)
    }

    @Test("a single run ignores the section with a note and leaves it out of the resolved site")
    func singleRun() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let site = try campus(in: folder, tail: section)
        let input = try SiteInput.load(path: site)
        #expect(input.uncertainty?.samples == 3 && input.uncertainty?.inputs.count == 1)
        #expect(!input.resolvedYAML.contains("uncertainty"))
        #expect(input.spec == (try SiteInput.load(path: try campus(in: folder, tail: "", name: "plain.yaml"))).spec)
        let run = try CLI.run(["run", site, "--timestep-min", "60", "--output", "\(folder)/one.h5"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("note: the site's 'uncertainty:' section applies to --ensemble N"))
    }

    @Test("validate checks the section with the site's lines; unknown keys are named")
    func validation() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let good = try campus(in: folder, tail: section)
        let ok = try CLI.run(["validate", good])
        #expect(ok.status == 0 && ok.stdout.contains("uncertainty: 3 samples, 1 uncertain input(s)"), "\(ok.stdout)\(ok.stderr)")
        let bad = try campus(in: folder, tail: section.replacingOccurrences(of: "samples: 3", with: "sample: 3"), name: "bad.yaml")
        let line = try String(contentsOfFile: bad, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("  sample: 3") }.map { $0 + 1 }
        let refused = try CLI.run(["validate", bad])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("bad.yaml:\(line ?? 0):3: uncertainty.sample: unknown key 'sample'; did you mean 'samples'?"),
                "\(refused.stderr)")
        let run = try CLI.run(["run", bad, "--ensemble", "2", "--timestep-min", "60"])
        #expect(run.status == 2 && run.stderr.contains("unknown key 'sample'"))
    }
}
