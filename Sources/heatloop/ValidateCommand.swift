import ArgumentParser
import Foundation
import HeatLoopFiles

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check site, batch and sizing files and report every problem; exit 2 if any.")

    @Argument(help: "Site, batch or sizing files (YAML).") var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                switch Self.kind(of: file) {
                case .batch:
                    let plan = try BatchPlan.load(path: file)
                    print("\(file): ok (batch '\(plan.spec.name)', \(plan.scenarios.count) scenarios)")
                case .sizing:
                    let plan = try SizingPlan.load(path: file)
                    print("\(file): ok (sizing '\(plan.spec.name)', \(plan.designs.count) designs of \(plan.sitePath))")
                case .site:
                    let input = try SiteInput.load(path: file)
                    for warning in input.warnings { printError("warning: \(file): \(warning)") }
                    print("\(file): ok (\(input.site.clusters.count) cluster(s), \(input.site.calendar.stepMinutes)-minute steps, weather \(input.weatherPath))")
                }
            } catch {
                printError(error.description)
                failed = true
            }
        }
        if failed { throw ExitStatus.invalidInput }
    }

    enum Kind { case site, batch, sizing }

    /// A batch file lists `sites:` at the top level, a sizing file has `vary:` without it; a site file
    /// has neither.
    static func kind(of path: String) -> Kind {
        // A path that is no regular file (a FIFO would block) is read as a site, which reports why.
        guard InputFile.problem(at: path) == nil, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return .site
        }
        let lines = text.split(separator: "\n")
        if lines.contains(where: { $0.hasPrefix("sites:") }) { return .batch }
        return lines.contains { $0.hasPrefix("vary:") } ? .sizing : .site
    }
}
