import Foundation
import HeatLoopTestSupport
import Testing

/// Seeded mutants of an example site through the built `heatloop` (issue 21), as a user's shell sees
/// them: `validate` and `run` exit with 0, 1 or 2 and never by a signal; an exit 2 names the mutant's file
/// (with line:column, or says why the whole file is wrong); no temporary file is left beside the result;
/// an accepted mutant's KPIs are finite wherever the example's are. Reproducible from the seed.
@Suite struct CLIMutationTests {
    static let site = "tucson-enterprise-air"
    static let seed: UInt64 = 21

    @Test func mutantsNeverCrashAndExplainThemselves() throws {
        let original = try String(contentsOfFile: PackagePaths.site(Self.site), encoding: .utf8)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reference = try Self.run(PackagePaths.site(Self.site), output: "\(folder)/reference.h5")
        let finite = try Self.finiteKPIs(reference.stdout)
        #expect(finite.count > 10, "the example's summary: \(reference.stderr)")

        var random = TestLCG(seed: Self.seed)
        var accepted = 0
        for index in 0..<12 {
            var text = original
            for _ in 0...Int(random.next() * 2) { text = Mutator.mutate(text, &random) }
            // Beside the original, so its relative weather path still resolves.
            let path = PackagePaths.site("\(Self.site)-mutant-\(UUID().uuidString)")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let label = "mutant \(index) (seed \(Self.seed))"

            let validated = try CLI.run(["validate", path])
            #expect(!validated.signaled && [0, 2].contains(validated.status), "\(label): validate \(validated.status)")
            let output = "\(folder)/mutant-\(index).h5"
            let run = try Self.run(path, output: output)
            #expect(!run.signaled && [0, 1, 2].contains(run.status), "\(label): run ended with \(run.status)")
            #expect(files(in: folder).allSatisfy { !$0.contains(".partial") }, "\(label): \(files(in: folder))")
            if run.status == 2 {
                let located = run.stderr.contains("\(path):") || run.stderr.contains((path as NSString).lastPathComponent)
                #expect(located, "\(label): the message does not name the file: \(run.stderr.prefix(300))")
                #expect(run.stderr.count < 20_000, "\(label): \(run.stderr.count) characters of errors")
            }
            guard run.status == 0 else { continue }
            accepted += 1
            let kpis = try Self.finiteKPIs(run.stdout)
            for name in finite.keys { #expect(kpis[name] != nil, "\(label): \(name) is not finite") }
        }
        #expect(accepted > 0 && accepted < 12, "accepted \(accepted) of 12: the mutator or the checks do nothing")
    }

    /// `heatloop run SITE --timestep-min 60 --json`: hourly, to keep the suite quick.
    static func run(_ site: String, output: String) throws -> CLI.Outcome {
        try CLI.run(["run", site, "--timestep-min", "60", "--output", output, "--json"])
    }

    /// The numeric `/summary` values of `run --json` that are finite (JSON has no NaN: non-finite ones are null).
    static func finiteKPIs(_ json: String) throws -> [String: Double] {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [:] }
        return object.compactMapValues { ($0 as? NSNumber).map(\.doubleValue).flatMap { $0.isFinite ? $0 : nil } }
    }
}
