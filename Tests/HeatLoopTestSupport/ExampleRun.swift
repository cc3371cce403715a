import Foundation
import HeatLoop
import HeatLoopFiles

/// An example site run in-process into its result document by the scenario runner, as `heatloop run`
/// makes it (no HDF5).
public func resultDocument(site: String) throws -> ResultDocument {
    let input = try SiteInput.load(path: PackagePaths.site(site))
    return try ScenarioRunner(input: input).record(origin: RunOrigin(heatloopVersion: "test", createdUTC: "")).document
}
