import Foundation
import HeatLoop
import HeatLoopHDF5
import HeatLoopTestSupport
import Testing

/// The `heatloop` command as a user runs it: results, exit codes, messages, no stray files.
@Suite(.serialized) struct CLITests {
    @Test func runWritesAResultAndPrintsTheSummary() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try CLI.run(["run", "Sites/chicago-ai-campus.yaml", "--output", folder])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("PUE"))
        #expect(outcome.stdout.contains("EnEfG"))
        #expect(files(in: folder) == ["chicago-ai-campus.h5"])
    }

    @Test func jsonSummaryHasEveryKPI() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try CLI.run(["run", "Sites/tucson-enterprise-air.yaml", "--output", "\(folder)/t.h5", "--json",
                                   "--timestep-min", "60"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        for key in ["pue", "pue_with_heat_pump", "erf", "ere", "wue_L_per_kWh", "heat_delivered_MWh", "enefg_pass",
                    "max_energy_balance_residual"] {
            #expect(object?[key] != nil, "missing \(key)")
        }
        #expect(files(in: folder) == ["t.h5"])
        // Every /summary attribute of the file, with the same value (NaN as null), and the keys sorted.
        // Numbers are read from the text: JSONSerialization on Linux may round their last bit.
        for attribute in try HDF5ResultReader.readSummary(path: "\(folder)/t.h5") {
            let value = try #require(object?[attribute.name], "missing \(attribute.name)")
            let token = outcome.stdout.components(separatedBy: "\"\(attribute.name)\":").last?
                .prefix { $0 != "," && $0 != "}" }.description ?? ""
            switch attribute.value {
            case .double(let number) where !number.isFinite: #expect(value is NSNull, "\(attribute.name)")
            case .double(let number): #expect(Double(token) == number, "\(attribute.name): \(token)")
            case .int(let number): #expect(Int(token) == number, "\(attribute.name): \(token)")
            case .string(let text): #expect(value as? String == text, "\(attribute.name)")
            }
        }
        let keys = try #require(object?.keys).sorted()
        let positions = keys.compactMap { outcome.stdout.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
    }

    @Test func validateAcceptsTheExampleSitesAndBatches() throws {
        let sites = PackagePaths.exampleSites.map { "Sites/\($0).yaml" }
        #expect(sites.count >= 8)
        let outcome = try CLI.run(["validate"] + sites + ["Sites/batches/climate-2050.yaml"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("batch 'climate-2050', 6 scenarios"))
    }

    @Test func brokenBatchFileExitsTwoWithLineAndSuggestion() throws {
        let folder = try temporaryFolder()
        try "name: x\nsites: [../Sites/chicago-ai-campus.yaml]\nclimat: []\n"
            .write(toFile: "\(folder)/batch.yaml", atomically: true, encoding: .utf8)
        let outcome = try CLI.run(["batch", "\(folder)/batch.yaml", "--output", "\(folder)/out"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("batch.yaml:3:1: climat: unknown key 'climat'; did you mean 'climate'?"),
                "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out"))
    }

    /// Each broken site gives exit 2, a message with the file, line and key, and writes nothing.
    @Test(arguments: [
        ("nodes: 1500", "nodes: lots", "it.clusters[0].nodes"),
        ("  liquid:\n    supply_c: 35", "  liquid:\n    suply_c: 35", "did you mean 'supply_c'"),
        ("capacity_mw: 8,", "capacity_mw: -8,", "heat_recovery.heat_pump.capacity_mw"),
        ("weather: ../Weather/USA_IL", "weather: ../Weather/NOWHERE_IL", "weather"),
    ])
    func brokenSiteFileExitsTwo(original: String, broken: String, expected: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try String(contentsOfFile: PackagePaths.site("chicago-ai-campus"), encoding: .utf8)
        #expect(text.contains(original))
        // Same folder depth as Sites/, so the relative weather path still resolves.
        let site = "\(PackagePaths.root)/Sites/.broken-\(UUID().uuidString).yaml"
        try text.replacingOccurrences(of: original, with: broken).write(toFile: site, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let outcome = try CLI.run(["run", site, "--output", folder])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(site + ":"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
        #expect(outcome.stderr.range(of: #"\.yaml:\d+:\d+: "#, options: .regularExpression) != nil, "\(outcome.stderr)")
        #expect(files(in: folder).isEmpty)
    }

    @Test func malformedEPWLineExitsTwoWithItsLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = PackagePaths.weather(PackagePaths.climates["chicago"]!)
        var lines = try String(contentsOfFile: original, encoding: .utf8).components(separatedBy: "\n")
        var fields = lines[19].components(separatedBy: ",")
        fields[6] = "warm"
        lines[19] = fields.joined(separator: ",")
        let epw = "\(folder)/bad.epw"
        try lines.joined(separator: "\n").write(toFile: epw, atomically: true, encoding: .utf8)
        let output = "\(folder)/out"
        let outcome = try CLI.run(["run", "Sites/chicago-ai-campus.yaml", "--weather", epw, "--output", output])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bad.epw:20"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("dry bulb"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func invalidOptionExitsTwo() throws {
        let outcome = try CLI.run(["run", "Sites/chicago-ai-campus.yaml", "--timestep-min", "7"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("does not divide an hour"))
    }

    /// The result opens in xarray as netCDF-4 (time decoded, units on every series, all summary
    /// attributes present): `Tests/python/check_result.py`, with packages `make test` installs.
    @Test func resultOpensInXarray() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = "\(folder)/campus.h5"
        let run = try CLI.run(["run", "Sites/chicago-ai-campus.yaml", "--output", result, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let check = try CLI.python(["\(PackagePaths.root)/Tests/python/check_result.py", result, "--require-summary",
                                    "--require-contract"])
        #expect(check.status == 0, "\(check.stdout)")
    }
}
