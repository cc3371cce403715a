import ArgumentParser
import Foundation
import HeatLoop
import HeatLoopHDF5
import HeatLoopReport

/// `heatloop report RESULT.h5 [--html FILE]`: a summary of a run, batch or sizing result on the
/// terminal, and optionally a self-contained HTML report with charts (HeatLoopReport does the work).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise a result file (run, batch summary.h5, sizing.h5, <site>-ensemble.h5 or <site>-timeline.h5); --html writes a report with charts.")

    @Argument(help: "Result file (.h5) written by heatloop run, batch, merge or size.") var result: String
    @Option(help: "Also write a self-contained HTML report (inline SVG charts, no network) to this file.") var html: String?

    func run() throws {
        Signals.install()
        guard FileManager.default.fileExists(atPath: result) else {
            printError("error: \(result): no such file")
            throw ExitStatus.invalidInput
        }
        try FileKind.require([.result], result)
        let attributes: [ResultAttribute]
        do { attributes = try HDF5ResultReader.readAttributes(path: result) } catch {
            printError("error: \(result): not an HDF5 file HeatLoop can read (\(error.reason))")
            throw ExitStatus.invalidInput
        }
        let damage = HDF5ResultReader.contractProblems(path: result)
        guard damage.isEmpty else {
            printError("error: \(result): not a whole HeatLoop result, refusing to report it:\n"
                + damage.map { "  - \($0)" }.joined(separator: "\n"))
            throw ExitStatus.invalidInput
        }
        guard let kind = ReportKind(rootAttributes: attributes) else {
            printError("error: \(result): not a HeatLoop result (no site_config, and no kind = batch, batch_uncertainty, sizing, sizing_uncertainty, ensemble, timeline or timeline_ensemble)")
            throw ExitStatus.invalidInput
        }
        let text: String, page: String
        do {
            switch kind {
            case .run:
                let report = RunReport(document: try HDF5ResultReader.readDocument(path: result, series: RunReport.seriesUsed))
                (text, page) = (report.terminalText(), html == nil ? "" : report.html())
            case .batch:
                let report = BatchReport(table: try HDF5ResultReader.readScenarioTable(path: result))
                (text, page) = (report.terminalText(), html == nil ? "" : report.html())
            case .sizing:
                let report = SizingReport(table: try HDF5ResultReader.readScenarioTable(path: result))
                (text, page) = (report.terminalText(), html == nil ? "" : report.html())
            case .ensemble:
                let report = EnsembleReport(table: try HDF5ResultReader.readScenarioTable(path: result))
                (text, page) = (report.terminalText(), html == nil ? "" : report.html())
            case .robustSizing:
                let report = RobustSizingReport(table: try HDF5ResultReader.readScenarioTable(path: result))
                (text, page) = (report.terminalText(), html == nil ? "" : report.html())
            case .batchEnsemble:
                let report = BatchEnsembleReport(table: try HDF5ResultReader.readScenarioTable(path: result))
                (text, page) = (report.terminalText(), html == nil ? "" : report.html())
            case .timeline:
                let report = TimelineReport(table: try HDF5ResultReader.readScenarioTable(path: result))
                (text, page) = (report.terminalText(), html == nil ? "" : report.html())
            case .timelineEnsemble:
                let report = TimelineEnsembleReport(table: try HDF5ResultReader.readScenarioTable(path: result))
                (text, page) = (report.terminalText(), html == nil ? "" : report.html())
            }
        } catch {
            printError("error: \(result): cannot read it as a HeatLoop \(kind) result: \(error)")
            throw ExitStatus.invalidInput
        }
        print(text)
        guard let html else { return }
        do {
            try OutputPath.createFolder(for: html)
            try Signals.writing { try OutputPath.write(text: page, to: html) }
        } catch {
            printError("error: could not write \(html): \(error)")
            throw ExitStatus.failure
        }
        print("HTML report: \(html)")
    }
}
