import Foundation
import HeatLoop
import HeatLoopFiles

/// An example site run in-process into its result document, as `heatloop run` makes it (no HDF5).
public func resultDocument(site: String) throws -> ResultDocument {
    let input = try SiteInput.load(path: PackagePaths.site(site))
    let weather = input.weather.atStepMidpoints(stepMinutes: input.site.calendar.stepMinutes)
    let run = AppraisedRun(site: input.site, weather: weather, project: input.project)
    let provenance = RunProvenance(heatloopVersion: "test", createdUTC: "", siteConfig: input.resolvedYAML,
                                   weatherFile: input.weatherPath, weatherSHA256: input.weatherSHA256)
    return ResultDocument(result: run.result, summary: run.summary, provenance: provenance)
}
