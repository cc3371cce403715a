import Foundation
import HeatLoopTestSupport
import Testing

/// The habits of swift-argument-parser tools (issue 20 item 7), through the built binary: short options,
/// negative option values, "did you mean" for subcommands, one `error:` prefix, messages that quote at most
/// a line of an input, one sentence for a file of the wrong kind, `--output` checked as a file or a folder.
@Suite(.serialized) struct CLIConventionTests {
    static let site = "Sites/chicago-ai-campus.yaml"
    static let batch = "Sites/batches/climate-2050.yaml"
    static let epw = "Weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"

    /// Every stderr line of a failed command that is not a detail line starts with `error:`.
    func expectErrorPrefix(_ outcome: CLI.Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = outcome.stderr.split(separator: "\n")
        #expect(!lines.isEmpty, sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("error: ") == true, "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(!outcome.stderr.contains("Error: "), "\(outcome.stderr)", sourceLocation: sourceLocation)
    }

    @Test func negativeNumbersAreOptionValues() throws {
        let outcome = try CLI.run(["weather", Self.epw, "--offset-k", "-3.4", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("-3.40 K"), "\(outcome.stdout)")
    }

    @Test func shortOptions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLI.run(["run", Self.site, "--timestep-min", "60", "-o", "\(folder)/x.h5", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty && run.stderr.isEmpty, "-q: \(run.stdout) \(run.stderr)")
        #expect(files(in: folder) == ["x.h5"])
        let help = try CLI.run(["batch", "--help"])
        for option in ["-j, --jobs", "-o, --output", "-q, --quiet"] {
            #expect(help.stdout.contains(option), "\(option) in \(help.stdout)")
        }
    }

    @Test func mistypedSubcommandGetsASuggestion() throws {
        let outcome = try CLI.run(["rnu", Self.site])
        #expect(outcome.status == 2)
        expectErrorPrefix(outcome)
        #expect(outcome.stderr.contains("did you mean 'run'?"), "\(outcome.stderr)")
    }

    @Test func usageAndInputErrorsShareThePrefix() throws {
        expectErrorPrefix(try CLI.run(["run", Self.site, "--timestep-min", "7"]))
        expectErrorPrefix(try CLI.run(["run", Self.site, "--no-such-option"]))
        expectErrorPrefix(try CLI.run(["run", "Sites/NOWHERE.yaml"]))
        expectErrorPrefix(try CLI.run(["weather", "Weather/NOWHERE.epw"]))
    }

    /// A file of another kind gets one line naming the command that takes it, never the file's text.
    @Test(arguments: [
        (["batch", site], "this is a site file; use `heatloop run`"),
        (["slurm", site], "this is a site file; use `heatloop run`"),
        (["run", batch], "this is a batch file; use `heatloop batch`"),
        (["run", epw], "this is an EPW weather file"),
        (["run", site, "--weather", site], "--weather \(site): this is a site file"),
        (["weather", site], "this is a site file"),
        (["validate", epw], "this is an EPW weather file"),
    ])
    func fileOfTheWrongKind(arguments: [String], expected: String) throws {
        let outcome = try CLI.run(arguments)
        #expect(outcome.status == 2)
        expectErrorPrefix(outcome)
        #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
    }

    @Test func aResultWhereYAMLIsExpected() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try CLI.run(["run", Self.site, "--timestep-min", "60", "-o", "\(folder)/r.h5", "-q"]).status == 0)
        let outcome = try CLI.run(["run", "\(folder)/r.h5"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("this is a HeatLoop result (HDF5); use `heatloop report`"), "\(outcome.stderr)")
    }

    /// A long one-line value in a site file is quoted cut to a line of about 120 characters.
    @Test func messagesQuoteAtMostALine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/long.yaml"
        try ("name: " + String(repeating: "x", count: 50_000) + "\nit: " + String(repeating: "y", count: 50_000) + "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try CLI.run(["run", path])
        #expect(outcome.status == 2)
        expectErrorPrefix(outcome)
        #expect(outcome.stderr.split(separator: "\n").allSatisfy { $0.count < 400 }, "\(outcome.stderr.prefix(2000))")
        #expect(outcome.stderr.contains("yyy…'"), "\(outcome.stderr.prefix(2000))")
    }

    @Test func outputIsAFileOrAFolderByItsExtension() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for arguments in [["batch", Self.batch, "--output", "\(folder)/x.txt"], ["size", "--spec", "Sites/sizing/campus-heat-pump.yaml", "-o", "\(folder)/x.h5"],
                          ["run", Self.site, "--output", "\(folder)/x.txt"], ["merge", folder, "--output", "\(folder)/x.csv"]] {
            let outcome = try CLI.run(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            expectErrorPrefix(outcome)
            #expect(outcome.stderr.contains("--output \(folder)/x."), "\(outcome.stderr)")
        }
        #expect(files(in: folder).isEmpty)
    }

    /// `economics.currency` labels the amounts of the summary and of the run report's KPI table; the figures
    /// are those of the euro site.
    @Test func currencyLabelsTheSummary() throws {
        let text = try String(contentsOfFile: PackagePaths.site("chicago-ai-campus"), encoding: .utf8)
        #expect(text.contains("economics: {"))
        let site = "\(PackagePaths.root)/Sites/.usd-\(UUID().uuidString).yaml"
        try text.replacingOccurrences(of: "economics: {", with: "economics: {currency: USD, ")
            .write(toFile: site, atomically: true, encoding: .utf8)
        let folder = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: site)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let euros = try CLI.run(["run", Self.site, "--timestep-min", "60", "-o", folder])
        let dollars = try CLI.run(["run", site, "--timestep-min", "60", "-o", folder])
        #expect(dollars.status == 0, "\(dollars.stderr)")
        #expect(dollars.stdout.contains(" $/MWh") && dollars.stdout.contains(" M$"), "\(dollars.stdout)")
        #expect(!dollars.stdout.contains("€"), "\(dollars.stdout)")
        let npv = { (out: String) in out.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("NPV") }?.filter(\.isNumber) }
        #expect(npv(dollars.stdout) != nil && npv(dollars.stdout) == npv(euros.stdout))
        let name = try #require(dollars.stdout.split(separator: "\n").first?.split(separator: ":").first)
        let report = try CLI.run(["report", "\(folder)/\(name).h5", "--html", "\(folder)/report.html"])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: "\(folder)/report.html", encoding: .utf8)
        for text in [report.stdout, html] {
            #expect(text.contains("M$") && text.contains("$/MWh") && !text.contains("M€"), "\(text.prefix(3000))")
        }
    }
}
