import ArgumentParser
import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5
import HeatLoopReport

extension AccountingBoundary: ExpressibleByArgument {}
extension IdleAllocation: ExpressibleByArgument {}

/// `heatloop card RESULT.h5 | JOB.yaml`: a carbon model card for each training job of a run, or for one
/// job described on its own (the core's `CarbonCard` does the work; Docs/carbon.md explains each line).
struct CardCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json, hf }

    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Carbon model cards: per training job of a run (result .h5), or for a job described in YAML.")

    @Argument(help: "A run's result file (.h5; several of one site's consecutive years make one card per job over all of them), or a job description (.yaml: see Docs/carbon.md).")
    var inputs: [String]
    @Option(help: "Only this job of the run (default: every row of /summary/jobs).") var job: String?
    @Option(help: "markdown (the card with a Hugging Face block), json, or hf (only the co2_eq_emissions block).")
    var format: Format = .markdown
    @Option(help: "Accounting boundary: gpu-only, node or node+facility (default: the job file's, node+facility for runs).")
    var boundary: AccountingBoundary?
    @Option(help: "Runs: how idle capacity of a job's cluster is allocated: energy, gpu-hours or none.") var idle: IdleAllocation = .energy
    @Option(help: "Runs: Hugging Face training_type.") var trainingType = "pre-training"
    @Option(help: "Runs: the SCI functional unit (what the score is per).") var functionalUnit = "training run"
    @Option(help: "Runs: how many functional units each job produced.") var functionalUnits = 1.0
    @Option(help: "Runs: grid intensity, g/kWh, for a site without a carbon section.") var gridGPerKwh: Double?

    /// The first input (messages name it; a job description is the only input).
    var input: String { inputs.first ?? "" }

    func validate() throws {
        let results = inputs.filter { $0.hasSuffix(".h5") }.count
        guard results == inputs.count || inputs.count == 1 else {
            throw ValidationError("give one job description (.yaml), or one or more result files (.h5)")
        }
        guard functionalUnits > 0 else { throw ValidationError("--functional-units must be positive") }
        if let gridGPerKwh, !(0...2000).contains(gridGPerKwh) {
            throw ValidationError("--grid-g-per-kwh must be within 0…2000")
        }
    }

    func run() throws {
        let all: [CarbonCard]
        do {
            all = input.hasSuffix(".h5") ? try CarbonCard.cards(run: try runInputs(), options: options) : [try jobCard()]
        } catch let problem as CarbonCardProblem {
            printError("error: \(input): \(problem)")
            throw ExitStatus.invalidInput
        }
        let cards = job.map { name in all.filter { $0.job.name == name } } ?? all
        guard !cards.isEmpty else {
            printError("error: \(input): no job '\(job ?? "")'; jobs: \(all.map(\.job.name).joined(separator: ", "))")
            throw ExitStatus.invalidInput
        }
        switch format {
        case .markdown: print(CarbonCardMarkdown.text(cards), terminator: "")
        case .json: print(CarbonCardJSON.text(cards))
        case .hf: print(cards.map(CarbonCardMarkdown.huggingFace).joined(separator: "\n---\n"))
        }
    }

    func jobCard() throws -> CarbonCard {
        var spec: CarbonJobSpec
        do { spec = try CarbonJobSpec.load(path: input) } catch {
            printError(error.description)
            throw ExitStatus.invalidInput
        }
        if let boundary { spec.boundary = boundary }
        return try spec.card()
    }

    var options: RunCardOptions {
        RunCardOptions(boundary: boundary ?? .nodeAndFacility, idle: idle, trainingType: trainingType,
                       unit: .init(name: functionalUnit, count: functionalUnits), gridGramsPerKWh: gridGPerKwh)
    }

    /// Every result read, joined over their years.
    func runInputs() throws -> RunCardInputs {
        let runs = try inputs.map(readRun)
        do { return try RunCardInputs.consecutive(runs) } catch {
            printError("error: \(inputs.joined(separator: ", ")): \(error)")
            throw ExitStatus.invalidInput
        }
    }

    func readRun(_ path: String) throws -> RunCardInputs {
        guard HDF5ResultReader.isComplete(path: path) else {
            printError("error: \(path): not a complete HeatLoop result file")
            throw ExitStatus.invalidInput
        }
        let document: ResultDocument, clusterPower: [[Double]]
        do {
            document = try HDF5ResultReader.readDocument(path: path, series: [])
            let power = OutputSeries.clusterPower
            clusterPower = try HDF5ResultReader.readMatrix(path: path, group: power.group.rawValue, name: power.name)
        } catch {
            printError("error: \(path): cannot read it as a HeatLoop run result (\(error))")
            throw ExitStatus.invalidInput
        }
        var site: SiteSpec?
        if case .string(let json)? = document.attributes.first(where: { $0.name == "site_config_json" })?.value {
            do { site = try SiteSpec(json: Data(json.utf8)) } catch {
                printError("error: \(path): its stored site cannot be read by this version of HeatLoop; run the site "
                    + "again (\(error.problems.first?.description ?? "\(error)"))")
                throw ExitStatus.invalidInput
            }
        }
        do { return try RunCardInputs(document: document, clusterPower: clusterPower, site: site) } catch {
            printError("error: \(path): \(error)")
            throw ExitStatus.invalidInput
        }
    }
}
