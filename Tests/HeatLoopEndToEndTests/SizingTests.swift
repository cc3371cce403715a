import Foundation
import HeatLoop
import HeatLoopTestSupport
import HeatLoopHDF5
import Testing

/// `heatloop size` end to end on the shipped example (issue 7): 60 hourly designs of the default site.
@Suite struct SizingTests {
    static let spec = "Sites/sizing/campus-heat-pump.yaml"

    func text(_ attributes: [ResultAttribute], _ name: String) -> String? {
        if case .string(let value)? = attributes.first(where: { $0.name == name })?.value { return value }
        return nil
    }

    @Test func theShippedSweepHasAnInteriorOptimumWithDiminishingReturns() throws {
        let folder = try temporaryFolder()
        let run = try CLI.run(["size", "Sites/chicago-ai-campus.yaml", "--spec", Self.spec, "--output", folder, "--jobs", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Recommended: "), "\(run.stdout)")
        let table = "\(folder)/sizing.h5"
        #expect(HDF5ResultReader.isComplete(path: table))
        let csv = try String(contentsOfFile: "\(folder)/sizing.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 61 && csv[0].hasPrefix("design_id,heat_recovery.heat_pump.capacity_mw,heat_recovery.storage.volume_m3,"))

        // Key paths have dots, which CF variable names may not: the file names them with `__`.
        #expect(CFUnits.variableName("heat_recovery.storage.volume_m3") == "heat_recovery__storage__volume_m3")
        let capacity = try HDF5ResultReader.readSeries(path: table, group: "", name: "heat_recovery__heat_pump__capacity_mw")
        let volume = try HDF5ResultReader.readSeries(path: table, group: "", name: "heat_recovery__storage__volume_m3")
        let npv = try HDF5ResultReader.readSeries(path: table, group: "", name: "npv_eur")
        let heat = try HDF5ResultReader.readSeries(path: table, group: "", name: "heat_delivered_MWh")
        let rank = try HDF5ResultReader.readSeries(path: table, group: "", name: "rank")
        let attributes = try HDF5ResultReader.readAttributes(path: table)
        #expect(text(attributes, "kind") == "sizing" && text(attributes, "objective_column") == "npv_eur")

        // The recommended design has rank 1 and lies inside the grid on both parameters.
        let best = try #require(rank.firstIndex(of: 1))
        let id = try #require(text(attributes, "recommended_design"))
        #expect(id == "capacity_mw-\(Int(capacity[best]))-volume_m3-\(Int(volume[best]))")
        #expect(capacity[best] > capacity.min()! && capacity[best] < capacity.max()!, "optimum at \(capacity[best]) MW")
        #expect(volume[best] > volume.min()! && volume[best] < volume.max()!, "optimum at \(volume[best]) m³")
        #expect(attributes.contains { $0.name == "marginal:heat_recovery.heat_pump.capacity_mw:npv_eur" })

        // Along capacity at the optimum's tank: each extra 2 MW delivers less extra heat than the one before,
        // and NPV rises to the optimum and falls after it.
        let line = capacity.indices.filter { volume[$0] == volume[best] }.sorted { capacity[$0] < capacity[$1] }
        let gains = zip(line.dropFirst(), line).map { heat[$0] - heat[$1] }
        #expect(zip(gains.dropFirst(), gains).allSatisfy { $0 <= $1 + 1e-6 }, "heat gains \(gains)")
        let top = try #require(line.firstIndex(of: best))
        #expect(zip(line[..<top].dropFirst(), line[..<top]).allSatisfy { npv[$0] > npv[$1] })
        #expect(zip(line[top...].dropFirst(), line[top...]).allSatisfy { npv[$0] < npv[$1] })

        // The recommended design's full result: the same NPV, economics and heat duration curves in /summary.
        let result = "\(folder)/\(id).h5"
        #expect(HDF5ResultReader.isComplete(path: result))
        let summary = try HDF5ResultReader.readSummary(path: result)
        let resultNPV = try #require(summary.first { $0.name == "npv_eur" }?.value.double)
        #expect(abs(resultNPV - npv[best]) <= 1e-6 * abs(npv[best]))
        let available = try HDF5ResultReader.readSeries(path: result, group: "summary/heat_duration", name: "available")
        let demand = try HDF5ResultReader.readSeries(path: result, group: "summary/heat_duration", name: "demand")
        #expect(available.count == 8760 && demand.count == 8760)
        #expect(zip(available.dropFirst(), available).allSatisfy { $0 <= $1 } && zip(demand.dropFirst(), demand).allSatisfy { $0 <= $1 })
    }

    @Test func invalidSizingFilesExitTwoNamingTheLine() throws {
        let path = "\(PackagePaths.root)/Sites/sizing/test-\(UUID().uuidString).yaml"
        try "name: bad\nsite: ../chicago-ai-campus.yaml\nvary:\n  heat_recovery.heat_pump.capacity_mw: [4, -1]\nobjective: npv\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CLI.run(["size", "--spec", path, "--output", try temporaryFolder()])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(path):4:"), "\(run.stderr)")
    }
}
