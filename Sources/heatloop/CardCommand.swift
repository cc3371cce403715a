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

    @Argument(help: "A run's result file (.h5), or a job description (.yaml: see Docs/carbon.md).") var input: String
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

    func validate() throws {
        guard functionalUnits > 0 else { throw ValidationError("--functional-units must be positive") }
        if let gridGPerKwh, !(0...2000).contains(gridGPerKwh) {
            throw ValidationError("--grid-g-per-kwh must be within 0…2000")
        }
    }

    func run() throws {
        let all: [CarbonCard]
        do {
            all = input.hasSuffix(".h5") ? try runCards() : [try jobCard()]
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

    func runCards() throws -> [CarbonCard] {
        let document: ResultDocument, clusterPower: [[Double]]
        guard HDF5ResultReader.isComplete(path: input) else {
            printError("error: \(input): not a complete HeatLoop result file")
            throw ExitStatus.invalidInput
        }
        do {
            document = try HDF5ResultReader.readDocument(path: input, series: [])
            let power = OutputSeries.clusterPower
            clusterPower = try HDF5ResultReader.readMatrix(path: input, group: power.group.rawValue, name: power.name)
        } catch {
            printError("error: \(input): cannot read it as a HeatLoop run result (\(error))")
            throw ExitStatus.invalidInput
        }
        var site: SiteSpec?
        if case .string(let json)? = document.attributes.first(where: { $0.name == "site_config_json" })?.value {
            do { site = try SiteSpec(json: Data(json.utf8)) } catch {
                printError("error: \(input): its stored site cannot be read by this version of HeatLoop; run the site "
                    + "again (\(error.problems.first?.description ?? "\(error)"))")
                throw ExitStatus.invalidInput
            }
        }
        let inputs: RunCardInputs
        do { inputs = try RunCardInputs(document: document, clusterPower: clusterPower, site: site) } catch {
            printError("error: \(input): \(error)")
            throw ExitStatus.invalidInput
        }
        let options = RunCardOptions(boundary: boundary ?? .nodeAndFacility, idle: idle, trainingType: trainingType,
                                     unit: .init(name: functionalUnit, count: functionalUnits), gridGramsPerKWh: gridGPerKwh)
        return try CarbonCard.cards(run: inputs, options: options)
    }
}
