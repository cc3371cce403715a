import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// Cards from a simulated run (`llama-training-sf`: two named jobs and background jobs on one H100 cluster,
/// 369 g/kWh): the allocation rules and the boundary choices, checked against the run's own totals.
@Suite("Carbon cards from a run")
struct RunCarbonCardTests {
    static func inputs(edit: (inout SiteSpec) -> Void = { _ in }) throws -> RunCardInputs {
        let document = try resultDocument(site: "llama-training-sf")
        let power = try #require(document.matrix(.clusterPower))
        let steps = power.values.count / power.labels.count
        let rows = power.labels.indices.map { row in power.values[(row * steps)..<((row + 1) * steps)].map(Double.init) }
        guard case .string(let json)? = document.attributes.first(where: { $0.name == "site_config_json" })?.value else {
            throw RunCardInputs.Problem.noSite
        }
        var site = try SiteSpec(json: Data(json.utf8))
        edit(&site)
        return try RunCardInputs(document: document, clusterPower: rows, site: site)
    }

    @Test("every kWh of the cluster is in exactly one card; facility and intensity from the simulated hours")
    func allocation() throws {
        let run = try Self.inputs()
        let cards = try CarbonCard.cards(run: run, options: RunCardOptions())
        #expect(cards.map(\.job.name) == ["pretrain-405b", "finetune", "background"])
        let allocatedMWh = cards.reduce(0) { $0 + $1.energy.itKWh.central } / 1000
        #expect(allocatedMWh.isApproximatelyEqual(to: run.clusterEnergyMWh[0], relativeTolerance: 1e-9))
        // One cluster, no other IT: the cluster's energy is the site's IT energy.
        #expect(run.clusterEnergyMWh[0].isApproximatelyEqual(to: run.siteITMWh, relativeTolerance: 1e-5))
        for (card, row) in zip(cards, run.jobs) {
            let idle = card.energy.kWh(.idleShare)?.central ?? 0
            let facility = try #require(card.energy.kWh(.facility)).central
            #expect(facility.isApproximatelyEqual(to: (row.overheadMWh * 1000 + idle * (run.sitePUE - 1)), relativeTolerance: 1e-9))
            let split = (card.energy.kWh(.accelerators)?.central ?? 0) + (card.energy.kWh(.restOfNode)?.central ?? 0)
            #expect(split.isApproximatelyEqual(to: row.energyMWh * 1000, relativeTolerance: 1e-9))
            #expect(card.operational.intensityGramsPerKWh.central.isApproximatelyEqual(to: 369, relativeTolerance: 1e-6))
            #expect(card.energy.pueBasis == .simulated)
        }
    }

    @Test("GPU-only boundary: the accelerators' share of node power; a measured PUE replaces the simulated one")
    func boundaries() throws {
        let gpu = try CarbonCard.cards(run: try Self.inputs(), options: RunCardOptions(boundary: .gpuOnly))[0]
        #expect(gpu.energy.lines.map(\.part) == [.accelerators])
        let node = try CarbonCard.cards(run: try Self.inputs(), options: RunCardOptions(boundary: .node, idle: .none))[0]
        #expect(gpu.energy.totalKWh.central < node.energy.totalKWh.central)
        // H100 preset at full load: 8 × 700 W of 9.1 kW; the GPUs' share lies between idle's and full load's.
        let share = gpu.energy.totalKWh.central / node.energy.totalKWh.central
        #expect(share > 8 * 75 / 1800.0 && share < 5600 / 9100.0, "\(share)")
        let measured = try CarbonCard.cards(run: try Self.inputs { $0.carbon?.measuredPue = 1.3 }, options: RunCardOptions())[0]
        #expect(measured.energy.pueBasis == .measured)
        let facility = try #require(measured.energy.kWh(.facility)).central
        #expect(facility.isApproximatelyEqual(to: 0.3 * measured.energy.itKWh.central, relativeTolerance: 1e-9))
    }

    @Test("a job start in the year before the simulated one counts back from 1 January; earlier years are refused")
    func startBeforeTheYear() throws {
        #expect(TimeOfYear.seconds("2025-10-01", year: 2026) == -92.0 * 86_400)
        #expect(TimeOfYear.seconds("2023-12-31T12:00", year: 2024) == -12.0 * 3600)
        #expect(TimeOfYear.seconds("2024-03-01", year: 2025) == -306.0 * 86_400, "2024 is a leap year")
        #expect(TimeOfYear.seconds("2024-10-01", year: 2026) == nil)
        let site = try String(contentsOfFile: PackagePaths.site("llama-training-sf"), encoding: .utf8)
        let twoBack = site.replacingOccurrences(of: "start: 2025-01-10", with: "start: 2023-01-10")
        #expect(throws: SpecProblems.self) { try SiteSpec.decode(text: twoBack, file: PackagePaths.site("llama-training-sf")) }
        let oneBack = site.replacingOccurrences(of: "start: 2025-01-10", with: "start: 2024-11-10")
        #expect(throws: Never.self) { try SiteSpec.decode(text: oneBack, file: PackagePaths.site("llama-training-sf")) }
    }
}
