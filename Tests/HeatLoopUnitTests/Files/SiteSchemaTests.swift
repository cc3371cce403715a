import Foundation
import HeatLoop
@testable import HeatLoopFiles
import HeatLoopTestSupport
import Testing
import Yams

/// The site schema: every example site survives encode → decode (YAML and JSON), typed values set at
/// key paths, and the generated `Docs/site-reference.md` is current.
@Suite struct SiteSchemaTests {
    static var sites: [String] { PackagePaths.exampleSites.map(PackagePaths.site) }

    func tree(_ text: String) throws -> SpecNode {
        try #require(YAMLDocument.parse(text: text, log: SpecProblemLog(file: "t.yaml")))
    }

    func decode(_ node: SpecNode, _ file: String) -> (SiteSpec, [SpecProblem]) {
        let log = SpecProblemLog(file: file)
        let spec = SiteSpec.decode(node, log: log)
        return (spec, log.problems)
    }

    /// Decode, design, encode the resolved site to YAML and to JSON, decode both again: the same site as
    /// written (components the site does not have, such as the facility-water loop of an all-air site, are
    /// not written, so they read back as defaults), and designing it again changes nothing.
    @Test(arguments: sites)
    func exampleSiteRoundTrips(path: String) throws {
        let input = try SiteInput.load(path: path)
        let resolved = input.spec
        let yaml = input.resolvedYAML
        let (fromYAML, yamlProblems) = decode(try tree(yaml), path)
        #expect(yamlProblems.isEmpty, "\(yamlProblems)")
        #expect(fromYAML.node == resolved.node)
        #expect(fromYAML.designed().spec.node == resolved.node)
        let json = try JSONEncoder().encode(resolved)
        let fromJSON = try SiteSpec(json: json)
        #expect(fromJSON.node == resolved.node)
        #expect(resolved.designed().spec == resolved)
    }

    @Test func absentComponentsStayAbsentInTheResolvedSite() throws {
        let crac = try SiteInput.load(path: "\(SiteSpecTests.root)/Sites/energyplus/crac-pumped-dx.yaml").resolvedYAML
        #expect(crac.contains("crac:"))
        #expect(!crac.contains("trim_chiller") && !crac.contains("chilled_water_c") && !crac.contains("heat_recovery"))
        #expect(!crac.contains("liquid:") && !crac.contains("dry_cooler"))
        // No economiser: written as its bare name (its encoding used to crash).
        var spec = try SiteSpec.decode(text: String(contentsOfFile: "\(SiteSpecTests.root)/Sites/energyplus/crac-pumped-dx.yaml",
                                                                    encoding: .utf8), file: "\(SiteSpecTests.root)/Sites/energyplus/x.yaml")
        spec.cooling.air.crac?.economiser = .none
        #expect(try YAMLEncoder().encode(spec).contains("economiser: none"))
        #expect(try YAMLDocument.text(of: spec.node).contains("economiser: none"))
    }

    @Test func unknownChoicesAreProblemsNotFallbacks() {
        let text = SiteSpecTests.valid.replacingOccurrences(of: "nodes: 100", with: "nodes: 100\n      cooling: liquid\n      node: {curve: msE}")
        let found = SiteSpecTests().problems(text)
        #expect(found.map(\.keyPath).sorted() == ["it.clusters[0].cooling", "it.clusters[0].node.curve"])
        #expect(found.contains { $0.message.contains("did you mean 'mse'") })
    }

    /// A typed value at a key path: an absent section is created with its defaults, numbers stay
    /// numbers, text stays text, list indices must exist.
    @Test func typedSettingsAreCheckedLikeTheFile() throws {
        let root = try tree(SiteSpecTests.valid)
        let capacity = try root.setting(#require(SiteKeyPath("heat_recovery.heat_pump.capacity_mw")), to: .scalar(.integer(12), nil))
            .setting(#require(SiteKeyPath("heat_recovery.district_heating.demand.constant.mw")), to: .scalar(.number(2.5), nil))
        let (spec, problems) = decode(capacity, SiteSpecTests.file)
        #expect(problems.isEmpty, "\(problems)")
        #expect(spec.heatRecovery?.heatPump.capacityMw == 12)
        #expect(spec.heatRecovery?.heatPump.units == 1)
        #expect(spec.designed().spec.heatRecovery?.districtHeating.connectionMw == 12)

        let text = try root.setting(#require(SiteKeyPath("it.clusters[0].nodes")), to: .scalar(.text("12"), nil))
        #expect(decode(text, SiteSpecTests.file).1.map(\.keyPath) == ["it.clusters[0].nodes"])
        let fraction = try root.setting(#require(SiteKeyPath("it.clusters[0].nodes")), to: .scalar(.number(12.5), nil))
        #expect(decode(fraction, SiteSpecTests.file).1.first?.message.contains("whole number") == true)
        #expect(throws: SettingFailure.self) {
            try root.setting(#require(SiteKeyPath("it.clusters[1].nodes")), to: .scalar(.integer(1), nil))
        }
    }

    /// The same on a decoded description: its tree, the value set, decoded again.
    @Test func settingOnTheDescription() throws {
        let spec = try SiteSpec.decode(text: SiteSpecTests.valid, file: SiteSpecTests.file)
        let changed = try spec.setting("it.clusters[0].node.gpu_max_w", to: .number(1000))
            .setting("cooling.liquid.rejection.dry_cooler.adiabatic.switch_c", to: .number(26))
        #expect(changed.it.clusters[0].node.gpuMaxW == 1000)
        guard case .dryCooler(let cooler) = changed.cooling.liquid.rejection else {
            Issue.record("expected the default dry cooler")
            return
        }
        #expect(cooler.adiabatic?.switchC == 26 && cooler.adiabatic?.effectiveness == 0.7)
        #expect(throws: SpecProblems.self) { try spec.setting("it.clusters[0].node.preset", to: .text("b300")) }
        let error = #expect(throws: SpecProblems.self) { try spec.setting("cooling.liquid.supply_c", to: .number(80)) }
        #expect(error?.problems.map(\.keyPath) == ["cooling.liquid.supply_c"])
        #expect(error?.problems.first?.message.contains("80 is out of range") == true)
    }

    /// `Docs/site-reference.md` is what the schema generates. `make site-reference` rewrites it.
    @Test func siteReferenceIsCurrent() throws {
        let path = "\(SiteSpecTests.root)/Docs/site-reference.md"
        let generated = SiteSpec.referenceMarkdown()
        if ProcessInfo.processInfo.environment["HEATLOOP_WRITE_SITE_REFERENCE"] == "1" {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let committed = try? String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == generated, "Docs/site-reference.md is stale: run `make site-reference`")
        let carbonPath = "\(SiteSpecTests.root)/Docs/carbon.md"
        let carbonPage = try String(contentsOfFile: carbonPath, encoding: .utf8)
        let carbonGenerated = try #require(CarbonJobSpec.updatingReference(in: carbonPage), "Docs/carbon.md lacks the job-keys markers")
        if ProcessInfo.processInfo.environment["HEATLOOP_WRITE_SITE_REFERENCE"] == "1" {
            try carbonGenerated.write(toFile: carbonPath, atomically: true, encoding: .utf8)
        }
        let carbonCommitted = try String(contentsOfFile: carbonPath, encoding: .utf8)
        #expect(carbonCommitted == carbonGenerated, "Docs/carbon.md's job-key table is stale: run `make site-reference`")
        for key in ["heat_recovery.district_heating.connection_mw", "cooling.liquid.rejection.dry_cooler.capacity_mw",
                    "it.clusters[].workload.training.jobs[].start"] {
            #expect(generated.contains("`\(key)`"), "\(key)")
        }
    }
}
