import ArgumentParser
import Foundation
import HeatLoopFiles

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check site and batch files and report every problem; exit 2 if any.")

    @Argument(help: "Site or batch files (YAML).") var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                if Self.isBatchFile(file) {
                    let plan = try BatchPlan.load(path: file)
                    print("\(file): ok (batch '\(plan.spec.name)', \(plan.scenarios.count) scenarios)")
                } else {
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

    /// A batch file lists `sites:` at the top level; a site file never does.
    static func isBatchFile(_ path: String) -> Bool {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { $0.hasPrefix("sites:") }
    }
}
