import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// Seeded mutants of the shipped input files through the parsers, in-process (issue 21): no crash, no
/// hang, and every rejection says where (file and line, or why the whole file is wrong). Reproducible:
/// a failure names the file, the seed and the mutant's number; rerun with that seed to see the text.
@Suite struct InputMutationTests {
    /// Longest one parse may take (debug build, a shared machine), s.
    static let maximumSeconds = 3.0

    /// `count` mutants of `text` (1 to 3 changes each) from `seed`, each given to `parse`, which returns
    /// the rejection's problems or nil when the mutant is accepted; checks time and locations.
    static func check(_ name: String, _ text: String, count: Int, seed: UInt64,
                      _ parse: (String) -> [String]?) {
        var random = TestLCG(seed: seed)
        var rejected = 0
        for index in 0..<count {
            var mutant = text
            for _ in 0...Int(random.next() * 3) { mutant = Mutator.mutate(mutant, &random) }
            let start = Date()
            let problems = parse(mutant)
            let elapsed = Date().timeIntervalSince(start)
            #expect(elapsed < maximumSeconds, "\(name) mutant \(index) (seed \(seed)) took \(elapsed) s")
            guard let problems else { continue }
            rejected += 1
            #expect(!problems.isEmpty, "\(name) mutant \(index) (seed \(seed)) rejected without a problem")
            for problem in problems {
                #expect(problem.count < 2_000, "\(name) mutant \(index) (seed \(seed)): \(problem.prefix(300))…")
            }
        }
        #expect(rejected > 0, "\(name): no mutant was rejected; the mutator does nothing")
    }

    /// A site, batch or sizing problem is located (line and column) unless it is about the whole file.
    static func located(_ problems: SpecProblems, file: String) -> [String] {
        problems.problems.map { problem in
            let whole = ["the file is empty", "not valid YAML"].contains { problem.message.hasPrefix($0) }
            let ok = problem.file != file || (problem.line != nil && problem.column != nil) || whole
            return ok ? problem.description : "UNLOCATED \(problem.description)"
        }
    }

    private static func expectLocated(_ name: String, _ problems: [String]?) -> [String]? {
        for problem in problems ?? [] where problem.hasPrefix("UNLOCATED") {
            Issue.record("\(name): \(problem)")
        }
        return problems
    }

    @Test(arguments: PackagePaths.exampleSites)
    func siteMutants(site: String) throws {
        let file = PackagePaths.site("mutant")
        let text = try String(contentsOfFile: PackagePaths.site(site), encoding: .utf8)
        Self.check(site, text, count: 400, seed: 0x5173_0000 &+ UInt64(site.count)) { mutant in
            do throws(SpecProblems) {
                let spec = try SiteSpec.decode(text: mutant, file: file)
                _ = spec.designed()
                return nil
            } catch {
                return Self.expectLocated(site, Self.located(error, file: file))
            }
        }
    }

    @Test func batchMutants() throws {
        try Self.checkPlanFile("batch", "batches/climate-2050.yaml", seed: 0xBA7C) { text, path throws(SpecProblems) in
            _ = try BatchSpec.decode(text: text, file: path)
        }
    }

    @Test func sizingMutants() throws {
        try Self.checkPlanFile("sizing", "sizing/campus-heat-pump.yaml", seed: 0x512E) { text, path throws(SpecProblems) in
            _ = try SizingSpec.decode(text: text, file: path)
        }
    }

    /// 1,500 mutants of the shipped plan file `Sites/<file>`, read as `mutant.yaml` beside it by `decode`.
    static func checkPlanFile(_ name: String, _ file: String, seed: UInt64,
                              _ decode: (String, String) throws(SpecProblems) -> Void) throws {
        let original = "\(PackagePaths.root)/Sites/\(file)"
        let path = ((original as NSString).deletingLastPathComponent as NSString).appendingPathComponent("mutant.yaml")
        let text = try String(contentsOfFile: original, encoding: .utf8)
        Self.check(name, text, count: 1_500, seed: seed) { mutant in
            do throws(SpecProblems) {
                try decode(mutant, path)
                return nil
            } catch {
                return Self.expectLocated(name, Self.located(error, file: path))
            }
        }
    }

    @Test func traceMutants() throws {
        let text = try String(contentsOfFile: "\(PackagePaths.root)/Sites/traces/inference-week.csv", encoding: .utf8)
        Self.check("trace", text, count: 800, seed: 0x7ACE) { mutant in
            do throws(TraceFileError) {
                _ = try TraceReader.parse(text: mutant, file: "t.csv", column: "utilization")
                return nil
            } catch {
                // A row's problem names its line, a header's its column; only these are about the whole file.
                let whole = ["is empty", "found no data row", "expected at least two rows"].contains { error.message.contains($0) }
                #expect(error.file == "t.csv" && (error.line != nil || error.column != nil || whole), "\(error)")
                return [error.description]
            }
        }
    }

    /// EPW mutants change the data rows (the header is checked by the unit tests); each is a full year.
    @Test func epwMutants() throws {
        let text = try String(contentsOfFile: PackagePaths.weather("USA_AZ_Davis-Monthan.AFB.722745_TMY3.epw"), encoding: .utf8)
        var random = TestLCG(seed: 0xE9A)
        // The shipped files end lines with CR LF, one Character in Swift: split on the bytes' lines.
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var rejected = 0
        for index in 0..<150 {
            let row = 8 + Int(random.next() * Double(lines.count - 9))
            let original = lines[row]
            lines[row] = Mutator.mutate(original.replacingOccurrences(of: ",", with: "\n"), &random)
                .replacingOccurrences(of: "\n", with: ",")
            let start = Date()
            do throws(WeatherFileError) {
                let weather = try EPWReader.parse(text: lines.joined(separator: "\n"), file: "w.epw")
                #expect(weather.dryBulb.allSatisfy(\.isFinite) && weather.dewPoint.allSatisfy(\.isFinite), "mutant \(index)")
                #expect(zip(weather.dewPoint, weather.dryBulb).allSatisfy { $0 <= $1 }, "mutant \(index)")
            } catch {
                rejected += 1
                #expect(error.file == "w.epw" && (error.line != nil || error.fieldNumber != nil
                        || error.message.contains("8760")), "mutant \(index): \(error)")
            }
            #expect(Date().timeIntervalSince(start) < Self.maximumSeconds)
            lines[row] = original
        }
        #expect(rejected > 0)
    }
}
