import ArgumentParser
import Foundation
import HeatLoopFiles

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check site, batch, sizing, uncertainty and timeline files and report every problem; exit 2 if any.")

    @Argument(help: "Site, batch, sizing, uncertainty or timeline files (YAML).") var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                let kind = FileKind.of(file)
                switch kind {
                case .batch:
                    let plan = try BatchPlan.load(path: file)
                    print("\(file): ok (batch '\(plan.spec.name)', \(plan.scenarios.count) scenarios"
                          + (plan.spec.uncertainty.map { " × \($0.samples) samples, \($0.inputs.count) uncertain input(s)" } ?? "") + ")")
                case .sizing:
                    let plan = try SizingPlan.load(path: file)
                    print("\(file): ok (sizing '\(plan.spec.name)', \(plan.designs.count) designs of \(plan.sitePath))")
                case .uncertainty:
                    let spec = try UncertaintySpec.load(path: file)
                    print("\(file): ok (uncertainty '\(spec.name)', \(spec.samples) samples, \(spec.inputs.count) uncertain input(s))")
                case .timeline:
                    let spec = try TimelineSpec.load(path: file)
                    print("\(file): ok (timeline '\(spec.name)' from \(spec.startYear), \(spec.inputs.count) changing input(s))")
                case .weather, .result:
                    printError("error: \(file): \(kind.usage)")
                    failed = true
                case .site, .other:
                    let input = try SiteInput.load(path: file)
                    for warning in input.warnings { printError("warning: \(file): \(warning)") }
                    print("\(file): ok (\(input.site.clusters.count) cluster(s), \(input.site.calendar.stepMinutes)-minute steps, weather \(input.weatherPath)"
                          + (input.uncertainty.map { "; uncertainty: \($0.samples) samples, \($0.inputs.count) uncertain input(s)" } ?? "") + ")")
                }
            } catch {
                printError(errorLines(error.description))
                failed = true
            }
        }
        if failed { throw ExitStatus.invalidInput }
    }
}
