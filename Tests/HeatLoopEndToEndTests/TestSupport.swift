import Foundation
import HeatLoop
import HeatLoopTestSupport
import HeatLoopFiles
import Testing

/// Runs a site file in-process through the scenario runner (no appraisal, no HDF5), optionally with another weather file or step.
func simulate(site: String, weather: String? = nil, timestepMin: Int? = nil) throws -> (SiteInput, SimulationResult) {
    let input = try SiteInput.load(path: PackagePaths.site(site), weatherOverride: weather.map(PackagePaths.weather),
                                   timestepOverride: timestepMin)
    return (input, try ScenarioRunner(input: input).simulate())
}

/// A variant of an example site: its text with `edits` (exact substrings → replacements) applied, written
/// beside the original (so relative paths still resolve) under a unique name, run, and removed.
func simulate(site: String, edits: [(String, String)]) throws -> (SiteInput, SimulationResult) {
    var text = try String(contentsOfFile: PackagePaths.site(site), encoding: .utf8)
    for (original, replacement) in edits {
        precondition(text.contains(original), "\(site).yaml has no '\(original)'")
        text = text.replacingOccurrences(of: original, with: replacement)
    }
    let variant = PackagePaths.site(site + "-variant-" + UUID().uuidString)
    try text.write(toFile: variant, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: variant) }
    let input = try SiteInput.load(path: variant)
    return (input, try ScenarioRunner(input: input).simulate())
}

/// Runs `site` with `edits` (as `simulate(site:edits:)`) and expects it refused with an error that names `key`
/// and says `message`.
func expectRefused(site: String, edits: [(String, String)], key: String, message: String,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        _ = try simulate(site: site, edits: edits)
        Issue.record("the edited site ran", sourceLocation: sourceLocation)
    } catch {
        let text = String(describing: error)
        #expect(text.contains(key) && text.contains(message), "\(text)", sourceLocation: sourceLocation)
    }
}
