import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// Issue 21 items 4, 6 and 8: resource bombs are refused by counting before building, problems are
/// located, and values no physical input has are rejected.
@Suite struct InputLimitsTests {
    private static let chicago = "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"

    /// Seconds `body` takes.
    private func seconds(_ body: () -> Void) -> Double {
        let start = Date()
        body()
        return Date().timeIntervalSince(start)
    }

    /// The problems of decoding site `text` as if read from `file` (none when it decodes).
    private func siteProblems(_ text: String, file: String = PackagePaths.site("variant")) -> [SpecProblem] {
        do {
            _ = try SiteSpec.decode(text: text, file: file)
            return []
        } catch {
            return error.problems
        }
    }

    private func batchProblems(_ text: String) -> [SpecProblem] {
        do {
            _ = try BatchPlan.load(text: text, path: "\(PackagePaths.root)/Sites/batches/bomb.yaml")
            return []
        } catch {
            if case .batch(let problems) = error { return problems.problems }
            return [SpecProblem(file: "", message: "\(error)")]
        }
    }

    // MARK: Item 4: exploding inputs

    @Test func scenarioCountIsComputedFromTheAxesWithoutOverflow() {
        #expect(InputLimits.scenarioCount(axes: [2, 3, 4]) == 24)
        #expect(InputLimits.scenarioCount(axes: [1_000, 1_000]) == 1_000_000)
        #expect(InputLimits.scenarioCount(axes: [1_000, 1_001]) == nil)
        #expect(InputLimits.scenarioCount(axes: [Int.max, Int.max]) == nil)
        #expect(InputLimits.scenarioCount(axes: []) == 1)
    }

    @Test(arguments: [[10_000, 10_000], [200, 200, 200]])
    func aLargeVaryGridFailsFastAtTheVaryKey(axes: [Int]) {
        let keys = ["it.clusters[0].nodes", "cooling.liquid.supply_c", "electrical.ups_efficiency"]
        var text = "name: bomb\nsites: [../chicago-ai-campus.yaml]\nvary:\n"
        for (key, count) in zip(keys, axes) {
            text += "  \(key): [" + (1...count).map(String.init).joined(separator: ", ") + "]\n"
        }
        var problems: [SpecProblem] = []
        let elapsed = seconds { problems = batchProblems(text) }
        #expect(elapsed < 5, "took \(elapsed) s")
        let problem = problems.first { $0.message.contains("at most \(InputLimits.maximumScenarios)") }
        #expect(problem?.line == 3, "\(problems.prefix(3))")
        #expect(problem?.message.contains(axes.map(String.init).joined(separator: " × ")) == true)
    }

    @Test func aTooLongRangeOrListOnOneAxisIsRejected() {
        let range = batchProblems("name: b\nsites: [../chicago-ai-campus.yaml]\nvary:\n  cooling.liquid.supply_c: {from: 0, to: 1000000000, step: 1.0e-300}\n")
        #expect(range.contains { $0.line == 4 && $0.message.contains("at most \(InputLimits.maximumAxisValues)") }, "\(range)")
        let list = "[" + (0...InputLimits.maximumAxisValues).map(String.init).joined(separator: ",") + "]"
        let long = batchProblems("name: b\nsites: [../chicago-ai-campus.yaml]\nvary:\n  cooling.liquid.supply_c: \(list)\n")
        #expect(long.contains { $0.line == 4 && $0.message.contains("values; at most") }, "\(long.prefix(2))")
    }

    @Test func aSizingGridIsCountedBeforeItIsBuilt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/sizing.yaml"
        try """
            name: bomb
            site: \(PackagePaths.site("chicago-ai-campus"))
            vary:
              heat_recovery.heat_pump.capacity_mw: {from: 1, to: 1001, step: 1}
              heat_recovery.storage.volume_m3: {from: 0, to: 1000, step: 1}
            objective: npv
            """.write(toFile: path, atomically: true, encoding: .utf8)
        var message = ""
        let elapsed = seconds {
            do { _ = try SizingPlan.load(path: path) } catch { message = "\(error)" }
        }
        #expect(elapsed < 5)
        #expect(message.contains("\(path):3:") && message.contains("1001 × 1001"), "\(message)")
    }

    @Test func anAliasBombIsRejectedWhileConverting() {
        // ~200 KB: a 100,000-number list aliased 2,000 times (200 million values if expanded).
        var text = "name: bomb\nbig: &a [" + (0..<100_000).map { _ in "1" }.joined(separator: ",") + "]\nmany:\n"
        text += String(repeating: "  - *a\n", count: 2_000)
        var problems: [SpecProblem] = []
        let elapsed = seconds { problems = siteProblems(text) }
        #expect(elapsed < 20, "took \(elapsed) s")
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("more than \(InputLimits.maximumDocumentNodes) values") == true)
        #expect(problems.first?.line != nil)
    }

    @Test func aSiteFileLargerThanTheLimitIsNotParsed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/big.yaml"
        let text = try String(contentsOfFile: PackagePaths.site("tucson-enterprise-air"), encoding: .utf8)
        try (text + String(repeating: "# padding\n", count: InputLimits.maximumYAMLBytes / 10)).write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try SiteInput.load(path: path)
        } throws: { error in
            "\(error)" == "\(path): cannot read the site file (is larger than 1 MB; an input file of this kind is far smaller)"
        }
    }

    @Test func clustersAreCountedBeforeTheyAreDecoded() throws {
        var text = try String(contentsOfFile: PackagePaths.site("tucson-enterprise-air"), encoding: .utf8)
        text += "\n"
        let many = String(repeating: "  - {name: x}\n", count: InputLimits.maximumClusters + 1)
        text = text.replacingOccurrences(of: "it:\n  clusters:\n", with: "it:\n  clusters:\n" + many.replacingOccurrences(of: "  - ", with: "    - "))
        let problems = siteProblems(text, file: PackagePaths.site("variant"))
        #expect(problems.contains { $0.keyPath == "it.clusters" && $0.message.contains("at most \(InputLimits.maximumClusters)") },
                "\(problems.prefix(3))")
        #expect(problems.count < 5)
    }

    @Test func problemListsAreCapped() {
        let problems = SpecProblems((1...120).map { SpecProblem(file: "f.yaml", line: $0, column: 1, keyPath: "k", message: "bad") })
        let lines = problems.description.split(separator: "\n")
        #expect(lines.count == InputLimits.maximumProblemsShown + 1)
        #expect(lines.last == "… and 70 more problems (fix these first)")
        #expect(SpecProblems(Array(problems.problems.prefix(3))).description.split(separator: "\n").count == 3)
    }

    // MARK: Item 6: located messages

    @Test func aDuplicateKeyIsLocatedWithoutDumpingTheFile() {
        let text = "name: a\nyear: 2025\nname: b\n" + String(repeating: "# filler line\n", count: 50)
        let problems = siteProblems(text)
        #expect(problems.count == 1)
        let problem = problems.first
        #expect(problem?.line == 1 && problem?.column == 1)
        #expect(problem?.message.contains("'name'") == true)
        #expect(problem?.message.contains("filler") == false)
        #expect(problem?.message.contains("Context") == false)
    }

    @Test func aWeatherPathThatIsAFolderOrAFIFOIsNamedAtItsKey() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = "\(folder)/pipe.epw"
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = try String(contentsOfFile: PackagePaths.site("tucson-enterprise-air"), encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("weather:") }! + 1
        for (path, what) in [(folder, "is a folder"), (fifo, "is a FIFO")] {
            let edited = text.replacingOccurrences(of: "../Weather/USA_AZ_Davis-Monthan.AFB.722745_TMY3.epw", with: path)
            let problems = siteProblems(edited)
            #expect(problems.count == 1)
            #expect(problems.first?.line == line && problems.first?.keyPath == "weather", "\(problems)")
            #expect(problems.first?.message.contains(what) == true, "\(problems)")
            #expect(problems.first?.file == PackagePaths.site("variant"))
        }
        // Read directly (a `--weather` override), a FIFO is refused instead of blocking.
        #expect(throws: WeatherFileError.self) { try EPWReader.read(path: fifo) }
        #expect(throws: TraceFileError.self) { try TraceReader.read(path: fifo, column: "utilization") }
    }

    @Test func aSizingSiteThatCannotBeReadIsNamedAtTheSizingFilesLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/site.yaml", withIntermediateDirectories: true)
        let path = "\(folder)/sizing.yaml"
        try "name: s\nsite: site.yaml\nvary:\n  heat_recovery.heat_pump.capacity_mw: [4, 8]\nobjective: npv\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        var message = ""
        do { _ = try SizingPlan.load(path: path) } catch { message = error.description }
        #expect(message.contains("\(path):2:") && message.contains("site: site file 'site.yaml' is a folder"), "\(message)")
    }

    @Test func aSizingSiteWithoutEconomicsIsNamedAtTheSizingFilesLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/sizing.yaml"
        try "name: s\nsite: \(PackagePaths.site("tucson-enterprise-air"))\ntimestep_min: 60\nvary:\n  electrical.ups_efficiency: [0.95, 0.96]\nobjective: npv\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        var message = ""
        do { _ = try SizingPlan.load(path: path) } catch { message = error.description }
        #expect(message.hasPrefix("\(path):2:7: site: design ") && message.contains("has no 'economics'"), "\(message)")
    }

    // MARK: Item 8: unbounded values

    @Test func aTraceValueOfImpossibleMagnitudeIsRejectedWithItsLine() {
        let text = "time,grid_g_per_kwh\n2025-01-01T00:00,400\n2025-01-01T01:00,1e308\n"
        #expect {
            _ = try TraceReader.parse(text: text, file: "carbon.csv", column: "grid_g_per_kwh", accepting: [.gramsPerKilowattHour])
        } throws: { error in
            let error = error as? TraceFileError
            return error?.line == 3 && error?.description.contains("not a physical value") == true
        }
    }

    @Test func aDewPointAboveTheDryBulbIsCappedAndReported() throws {
        let path = PackagePaths.weather(Self.chicago)
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var fields = lines[17].components(separatedBy: ",")  // line 18: the tenth hour
        let dryBulb = try #require(Double(fields[6]))
        fields[7] = String(dryBulb + 10)
        lines[17] = fields.joined(separator: ",")
        let weather = try EPWReader.parse(text: lines.joined(separator: "\n"), file: "w.epw")
        #expect(weather.dewPoint[9] == dryBulb)
        #expect(weather.corrections == ["w.epw:18: 1 hourly dew point above the dry bulb (up to 10.0 K) set to the dry bulb (saturated air)"])
        let original = try EPWReader.read(path: path)
        #expect(original.corrections.isEmpty)
        #expect(Array(weather.dewPoint[10...]) == Array(original.dewPoint[10...]))
    }

    @Test func aSiteNameWithControlCharactersOrTooLongIsRejected() throws {
        let text = try String(contentsOfFile: PackagePaths.site("tucson-enterprise-air"), encoding: .utf8)
        let nameLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("name:") })
        for name in ["\"a\\0b\"", "\"tab\\there\"", String(repeating: "n", count: InputLimits.maximumSiteNameLength + 1)] {
            let problems = siteProblems(text.replacingOccurrences(of: String(nameLine), with: "name: \(name)"))
            #expect(problems.contains { $0.keyPath == "name" && $0.line != nil }, "\(name): \(problems)")
        }
        let longest = String(repeating: "n", count: InputLimits.maximumSiteNameLength)
        #expect(siteProblems(text.replacingOccurrences(of: String(nameLine), with: "name: \(longest)")).isEmpty)
    }

    /// Decision: relative paths resolve from the folder of the site file as named (a symbolic link's
    /// own folder), as shells, `make` and compilers' includes do, so a link works like a copy.
    @Test func aSymlinkedSiteResolvesRelativePathsFromTheLinksFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: "\(folder)/sites", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: "\(folder)/Weather", withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: "\(folder)/sites/site.yaml", withDestinationPath: PackagePaths.site("chicago-ai-campus"))
        try manager.copyItem(atPath: PackagePaths.weather(Self.chicago), toPath: "\(folder)/Weather/\(Self.chicago)")
        let input = try SiteInput.load(path: "\(folder)/sites/site.yaml")
        #expect(input.weatherPath == "\(folder)/sites/../Weather/\(Self.chicago)")
    }
}
