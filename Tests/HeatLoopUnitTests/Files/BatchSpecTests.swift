import HeatLoop
import HeatLoopTestSupport
@testable import HeatLoopFiles
import Testing
import Yams

/// Batch files (DESIGN §5): decoding with every kind of problem, site-file overrides, expansion order
/// and stable scenario ids. Uses the repository's `Sites/` and `Weather/` files.
@Suite struct BatchSpecTests {
    static var root: String { PackagePaths.root }

    /// Batch texts are read as if they were `Sites/batches/test.yaml`.
    static var file: String { "\(root)/Sites/batches/test.yaml" }

    static let twelve = "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"

    /// The DESIGN §5 example.
    static let example = """
        name: climate-2050
        sites: [../chicago-ai-campus.yaml]
        weather: [site, ../../Weather/USA_FL_Tampa.Intl.AP.722110_TMY3.epw]
        climate:
          - {name: baseline}
          - {name: plus2k, offset_k: 2.0}
          - name: rcp85-2050
            morph: {dry_bulb_delta_k: [2, 2, 2, 2, 2, 2, 3, 3, 3, 2, 2, 2], dry_bulb_max_delta_k: \(twelve),
                    dry_bulb_min_delta_k: \(twelve), rh_delta_pct: [0, 0, 0, 0, 0, 0, -1, -1, -1, 0, 0, 0]}
        vary:
          heat_recovery.heat_pump.capacity_mw: [4, 8, 12]
          it.clusters[0].nodes: [1000, 1500]
        timestep_min: 60
        """

    func problems(_ text: String) -> [SpecProblem] {
        do {
            _ = try BatchSpec.decode(text: text, file: Self.file)
            return []
        } catch {
            return error.problems
        }
    }

    func planProblems(_ text: String) -> [SpecProblem] {
        do {
            _ = try BatchPlan.load(text: text, path: Self.file)
            return []
        } catch {
            guard case .batch(let problems) = error else { return [] }
            return problems.problems
        }
    }

    // MARK: Decoding

    @Test func decodesTheDesignExample() throws {
        let spec = try BatchSpec.decode(text: Self.example, file: Self.file)
        #expect(spec.name == "climate-2050")
        #expect(spec.sites == ["../chicago-ai-campus.yaml"])
        #expect(spec.weather == [.site, .file("../../Weather/USA_FL_Tampa.Intl.AP.722110_TMY3.epw")])
        #expect(spec.climate.map(\.name) == ["baseline", "plus2k", "rcp85-2050"])
        #expect(spec.climate[0].isBaseline)
        #expect(spec.climate[1].offsetK == 2.0)
        #expect(spec.climate[2].morph?.dryBulbDeltaK[6] == 3)
        #expect(spec.climate[2].morph?.dryBulbMaxDeltaK?.count == 12)
        #expect(spec.climate[2].morph?.rhDeltaPct?[7] == -1)
        #expect(spec.vary.map(\.keyPath) == ["heat_recovery.heat_pump.capacity_mw", "it.clusters[0].nodes"])
        #expect(spec.vary[0].values == ["4", "8", "12"])
        #expect(spec.timestepMin == 60)
    }

    @Test func weatherAndClimateDefault() throws {
        let spec = try BatchSpec.decode(text: "name: b\nsites: [../chicago-ai-campus.yaml]", file: Self.file)
        #expect(spec.weather == [.site])
        #expect(spec.climate == [ClimateSpec(name: "baseline")])
        #expect(spec.vary.isEmpty)
        #expect(spec.timestepMin == nil)
    }

    @Test func unknownKeySuggestsTheClosest() {
        let found = problems("name: b\nsites: [../chicago-ai-campus.yaml]\nclimat: []")
        #expect(found.count == 1)
        #expect(found.first?.keyPath == "climat")
        #expect(found.first?.line == 3)
        #expect(found.first?.column == 1)
        #expect(found.first?.message.contains("did you mean 'climate'") == true)
        #expect(found.first?.file == Self.file)
    }

    @Test func missingFilesAndEmptyLists() {
        let found = problems("""
            name: b
            sites: [../chicago-ai-campus.yaml, ../nowhere.yaml]
            weather: [site, ../../Weather/none.epw, site]
            """)
        #expect(found.count == 3)
        #expect(found[0].keyPath == "sites[1]" && found[0].line == 2 && found[0].column == 36)
        #expect(found[0].message.contains("site file '../nowhere.yaml' not found"))
        #expect(found[1].keyPath == "weather[1]" && found[1].line == 3 && found[1].column == 17)
        #expect(found[1].message.contains("weather file"))
        #expect(found[2].keyPath == "weather[2]" && found[2].message.contains("listed twice"))

        let empty = problems("name: b\nsites: []")
        #expect(empty.map(\.keyPath) == ["sites"])
        #expect(empty.first?.message.contains("at least one site") == true)
        let missing = problems("name: b")
        #expect(missing.map(\.keyPath) == ["sites"])
        #expect(missing.first?.message.contains("missing required key 'sites'") == true)
    }

    @Test func climateNamesUniqueAndSlugSafe() {
        let found = problems("""
            name: b
            sites: [../chicago-ai-campus.yaml]
            climate:
              - {name: plus2k, offset_k: 2}
              - {name: plus2k, offset_k: 3}
              - {name: "plus 2/k"}
              - {offset_k: 1}
            """)
        #expect(found.count == 3)
        #expect(found[0].keyPath == "climate[2].name" && found[0].line == 6 && found[0].column == 12)
        #expect(found[0].message.contains("letters, digits"))
        #expect(found[1].keyPath == "climate[3].name" && found[1].message.contains("missing required key 'name'"))
        #expect(found[2].keyPath == "climate[1]" && found[2].line == 5 && found[2].message.contains("duplicate climate name 'plus2k'"))
    }

    @Test func morphArraysHoldTwelveNumbersAndOffsetsAreInRange() {
        let found = problems("""
            name: b
            sites: [../chicago-ai-campus.yaml]
            climate:
              - {name: hot, offset_k: 45}
              - name: short
                morph: {dry_bulb_delta_k: [1, 2, 3], rh_delta_pct: \(Self.twelve)}
              - name: half
                morph: {dry_bulb_delta_k: \(Self.twelve), dry_bulb_max_delta_k: \(Self.twelve)}
              - name: both
                offset_k: 1
                morph: {dry_bulb_delta_k: \(Self.twelve), rh_delta_pct: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, x]}
              - {name: none, morph: {rh_delta_pct: \(Self.twelve)}}
            """)
        #expect(found.count == 6)
        #expect(found[0].keyPath == "climate[0].offset_k" && found[0].line == 4 && found[0].column == 27)
        #expect(found[0].message.contains("45 is out of range") && found[0].message.contains("-20…20"))
        #expect(found[1].keyPath == "climate[1].morph.dry_bulb_delta_k" && found[1].line == 6 && found[1].column == 31)
        #expect(found[1].message == "expected 12 numbers, found 3")
        #expect(found[2].keyPath == "climate[2].morph.dry_bulb_min_delta_k" && found[2].message.contains("both"))
        #expect(found[3].keyPath == "climate[3].morph.rh_delta_pct[11]" && found[3].line == 11)
        #expect(found[3].message.contains("expected a number"))
        #expect(found[4].keyPath == "climate[3].morph" && found[4].message.contains("either offset_k or morph"))
        #expect(found[5].keyPath == "climate[4].morph.dry_bulb_delta_k")
        #expect(found[5].message.contains("missing required key 'dry_bulb_delta_k'"))
    }

    @Test func varyNeedsKeyPathsAndNonEmptyListsOfScalars() {
        let found = problems("""
            name: b
            sites: [../chicago-ai-campus.yaml]
            vary:
              heat_recovery.heat_pump.capacity_mw: []
              it.clusters[x].nodes: [1]
              cooling.liquid.supply_c: [30, {a: 1}, 30]
              weather: [a.epw]
              electrical.misc_kw: 150
            timestep_min: 7
            """)
        #expect(found.count == 7)
        #expect(found[0].keyPath == "vary.heat_recovery.heat_pump.capacity_mw" && found[0].line == 4 && found[0].column == 40)
        #expect(found[0].message.contains("at least one value"))
        #expect(found[1].keyPath == "vary.it.clusters[x].nodes" && found[1].line == 5 && found[1].column == 3)
        #expect(found[1].message.contains("not a key path"))
        #expect(found[2].keyPath == "vary.cooling.liquid.supply_c[1]" && found[2].line == 6 && found[2].column == 33)
        #expect(found[2].message.contains("a single value"))
        #expect(found[3].keyPath == "vary.cooling.liquid.supply_c[2]" && found[3].message.contains("listed twice"))
        #expect(found[4].keyPath == "vary.weather" && found[4].message.contains("cannot be varied"))
        #expect(found[5].keyPath == "vary.electrical.misc_kw" && found[5].message.contains("expected a list"))
        #expect(found[6].keyPath == "timestep_min" && found[6].line == 9 && found[6].message.contains("does not divide an hour"))
    }

    @Test func keyPathsParse() {
        #expect(SiteKeyPath("it.clusters[0].nodes")?.components == [.key("it"), .key("clusters"), .index(0), .key("nodes")])
        #expect(SiteKeyPath("a.b[1][2]")?.components == [.key("a"), .key("b"), .index(1), .index(2)])
        for bad in ["", "a..b", "a.[0]", "a[", "a[-1]", "a[0]b", "a b", ".a"] { #expect(SiteKeyPath(bad) == nil, "\(bad)") }
        #expect(SiteKeyPath.overlap("a.b", "a.b.c"))
        #expect(SiteKeyPath.overlap("a.list", "a.list[0]"))
        #expect(!SiteKeyPath.overlap("a.b", "a.bc"))
    }

    // MARK: Overrides

    /// Typed values set on a site file's tree: missing mappings are created, a bare variant name gets its
    /// mapping, list entries must exist; numbers stay numbers and quoted text stays text.
    @Test func settingsEditTheTree() throws {
        let root = try #require(YAMLDocument.parse(text: "a: {rejection: dry_cooler}\nlist: [{n: 1}, {n: 2}]",
                                                   log: SpecProblemLog(file: "t.yaml")))
        var node = try root.setting(#require(SiteKeyPath("a.rejection.dry_cooler.approach_k")), to: .scalar(.integer(6), nil))
        node = try node.setting(#require(SiteKeyPath("list[1].n")), to: .scalar(.number(3.5), nil))
        node = try node.setting(#require(SiteKeyPath("b.c")), to: .scalar(.text("x"), nil))
        #expect(try node.node(at: #require(SiteKeyPath("a.rejection.dry_cooler.approach_k")))?.scalar?.integer == 6)
        #expect(try node.node(at: #require(SiteKeyPath("list[1].n")))?.scalar?.number == 3.5)
        #expect(try node.node(at: #require(SiteKeyPath("list[0].n")))?.scalar?.integer == 1)
        #expect(try node.node(at: #require(SiteKeyPath("b.c")))?.scalar?.value == .text)
        #expect(throws: SettingFailure.self) {
            try root.setting(#require(SiteKeyPath("list[2].n")), to: .scalar(.integer(1), nil))
        }
    }

    @Test func overridesChangeTheDecodedSite() throws {
        let plan = try BatchPlan.load(text: """
            name: b
            sites: [../chicago-ai-campus.yaml]
            vary:
              heat_recovery.heat_pump.capacity_mw: [4]
              it.clusters[1].nodes: [200]
              cooling.liquid.rejection.dry_cooler.adiabatic.switch_c: [26]
            timestep_min: 60
            """, path: Self.file)
        #expect(plan.scenarios.count == 1)
        let input = plan.scenarios[0].siteInput()
        #expect(input.site.heatRecovery?.heatPump.capacity.value == 4e6)
        #expect(input.site.clusters[1].nodes == 200)
        #expect(input.site.clusters[0].nodes == 1500)
        #expect(input.site.calendar.stepMinutes == 60)
        guard case .dryCooler(let dryCooler) = input.spec.cooling.liquid.rejection else {
            Issue.record("expected the site's dry cooler")
            return
        }
        #expect(dryCooler.adiabatic?.switchC == 26)
        #expect(dryCooler.adiabatic?.effectiveness == 0.7)
        #expect(input.spec.heatRecovery?.heatPump.capacityMw == 4)
        #expect(input.weatherPath.hasSuffix("Weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"))
        #expect(input.weatherSHA256.count == 64)
        #expect(plan.scenarios[0].varied.map(\.key) == ["heat_recovery.heat_pump.capacity_mw", "it.clusters[1].nodes",
                                                        "cooling.liquid.rejection.dry_cooler.adiabatic.switch_c"])
        #expect(plan.scenarios[0].varied.map(\.value) == ["4", "200", "26"])
    }

    /// Vary values are typed: a range sets whole numbers where a key takes them, a plain `true` a boolean;
    /// the labels stay as written.
    @Test func varyValuesAreTypedAndLabelledAsWritten() throws {
        let plan = try BatchPlan.load(text: """
            name: b
            sites: [../chicago-ai-campus.yaml]
            vary:
              it.clusters[1].nodes: {from: 100, to: 200, step: 100}
              economics.credit_cooling_savings: [false]
              heat_recovery.heat_pump.capacity_mw: [0.5]
            timestep_min: 60
            """, path: Self.file)
        #expect(plan.scenarios.map { $0.varied.map(\.value) } == [["100", "false", "0.5"], ["200", "false", "0.5"]])
        #expect(plan.scenarios.map { $0.siteInput().site.clusters[1].nodes } == [100, 200])
        #expect(plan.scenarios[0].siteInput().spec.economics?.creditCoolingSavings == false)
        #expect(plan.scenarios[0].siteInput().spec.heatRecovery?.heatPump.capacityMw == 0.5)
        #expect(plan.scenarios[0].id.hasPrefix("chicago-ai-campus-site-baseline-100-false-0.5-"))
    }

    @Test func overridesAreCheckedBySiteValidationAndReportedAtTheVaryEntry() {
        let found = planProblems("""
            name: b
            sites: [../chicago-ai-campus.yaml]
            vary:
              heat_recovery.heat_pump.capacty_mw: [4, 8]
              it.clusters[5].nodes: [10]
              cooling.liquid.supply_c: [30, 95]
              electrical.misc_kw: [many]
              electrical.ups_efficiency: ["0.9"]
            """)
        #expect(found.count == 5)
        #expect(found.allSatisfy { $0.file == Self.file })
        let unknown = found.first { $0.keyPath == "vary.heat_recovery.heat_pump.capacty_mw" }
        #expect(unknown?.line == 4 && unknown?.column == 3)
        #expect(unknown?.message.contains("did you mean 'capacity_mw'") == true)
        #expect(unknown?.message.contains("site '../chicago-ai-campus.yaml'") == true)
        let index = found.first { $0.keyPath == "vary.it.clusters[5].nodes" }
        #expect(index?.line == 5 && index?.column == 3)
        #expect(index?.message.contains("it.clusters has 2 entries") == true)
        let range = found.first { $0.keyPath == "vary.cooling.liquid.supply_c[1]" }
        #expect(range?.line == 6 && range?.column == 33)
        #expect(range?.message.contains("95 is out of range") == true)
        let type = found.first { $0.keyPath == "vary.electrical.misc_kw[0]" }
        #expect(type?.line == 7 && type?.column == 24)
        #expect(type?.message.contains("expected a number") == true)
        // A quoted value stays text in the site file.
        let quoted = found.first { $0.keyPath == "vary.electrical.ups_efficiency[0]" }
        #expect(quoted?.line == 8 && quoted?.message.contains("expected a number") == true)
        #expect(quoted?.message.contains("quoted") == true)
    }

    @Test func overridesMayCreateSectionsTheSiteDecoderThenChecks() {
        // Tucson has no heat recovery: the new section lacks its required district-heating settings.
        let found = planProblems("""
            name: b
            sites: [../tucson-enterprise-air.yaml]
            vary:
              heat_recovery.heat_pump.capacity_mw: [4]
            """)
        #expect(found.count >= 1)
        #expect(found.allSatisfy { $0.file == Self.file && $0.keyPath.hasPrefix("vary") })
        let missing = found.first { $0.message.contains("heat_recovery.district_heating") }
        #expect(missing?.keyPath == "vary" && missing?.line == 3 && missing?.column == 1)
        #expect(missing?.message.contains("with heat_recovery.heat_pump.capacity_mw = 4") == true)
    }

    @Test func siteFileProblemsNameTheSiteFile() {
        let found = planProblems("name: b\nsites: [../../Tests/HeatLoopUnitTests/Files/BatchSpecTests.swift]")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.file.hasSuffix("BatchSpecTests.swift") })
    }

    // MARK: Expansion and ids

    static let grid = """
        name: grid
        sites: [../chicago-ai-campus.yaml, ../paris-colocation-heat-export.yaml]
        weather: [site, ../../Weather/USA_FL_Tampa.Intl.AP.722110_TMY3.epw]
        climate: [{name: baseline}, {name: plus2k, offset_k: 2}, {name: plus4k, offset_k: 4}]
        vary:
          heat_recovery.heat_pump.capacity_mw: [4, 8, 12]
        timestep_min: 60
        """

    @Test func expandsSitesWeatherClimateAndGridInFileOrder() throws {
        let plan = try BatchPlan.load(text: Self.grid, path: Self.file)
        #expect(plan.scenarios.count == 36)
        #expect(plan.scenarios.map(\.index) == Array(0..<36))
        var expected: [String] = []
        for site in ["chicago-ai-campus", "paris-colocation-heat-export"] {
            for weather in ["site", "USA_FL_Tampa.Intl.AP.722110_TMY3"] {
                for climate in ["baseline", "plus2k", "plus4k"] {
                    for capacity in ["4", "8", "12"] { expected.append("\(site)|\(weather)|\(climate)|\(capacity)") }
                }
            }
        }
        #expect(plan.scenarios.map { "\($0.siteName)|\($0.weatherLabel)|\($0.climate.name)|\($0.varied[0].value)" } == expected)
        #expect(plan.scenarios[3].id.hasPrefix("chicago-ai-campus-site-plus2k-4-"))
        #expect(plan.scenarios[9].id.hasPrefix("chicago-ai-campus-usa_fl_tampa.intl.ap.722110_tmy3-baseline-4-"))
        #expect(plan.scenarios[9].weatherPath.hasSuffix("Weather/USA_FL_Tampa.Intl.AP.722110_TMY3.epw"))
        #expect(plan.scenarios[0].weatherPath.hasSuffix("Weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"))
        #expect(plan.scenarios[9].siteInput().spec.weather == plan.scenarios[9].weatherPath)
        #expect(Set(plan.scenarios.map(\.id)).count == 36)
        #expect(plan.scenarios.allSatisfy { $0.id.allSatisfy { "abcdefghijklmnopqrstuvwxyz0123456789-_.".contains($0) } })
        #expect(plan.scenarios.allSatisfy { $0.inputsHash.count == 64 && $0.id.hasSuffix("-" + $0.inputsHash.prefix(8)) })
        #expect(plan.shard(1, of: 4).map(\.index) == [1, 5, 9, 13, 17, 21, 25, 29, 33])
        // One weather series read per file: scenarios with the same file share it.
        // (Chicago and Paris each on Tampa's file; Paris's own file is Luxembourg's.)
        #expect(plan.scenarios[9].weatherSHA256 == plan.scenarios[27].weatherSHA256)
        #expect(plan.scenarios[0].weatherSHA256 != plan.scenarios[9].weatherSHA256)
        #expect(plan.scenarios[0].weatherSHA256 != plan.scenarios[18].weatherSHA256)
    }

    /// `baseline` names one scenario by labels and varied values; the rest default to their first value, and
    /// the climate to the first unchanged one.
    @Test func baselineNamesOneScenario() throws {
        let plan = try BatchPlan.load(text: Self.grid, path: Self.file)
        #expect(plan.baseline?.index == 0, "default: the first scenario under an unchanged climate")
        let warmFirst = try BatchPlan.load(text: Self.grid.replacingOccurrences(
            of: "[{name: baseline}, {name: plus2k, offset_k: 2}", with: "[{name: plus2k, offset_k: 2}, {name: baseline}"), path: Self.file)
        #expect(warmFirst.baseline?.climate.name == "baseline" && warmFirst.baseline?.index == 3)
        let named = try BatchPlan.load(text: Self.grid + "\nbaseline: {site: paris-colocation-heat-export, "
            + "heat_recovery.heat_pump.capacity_mw: 8}", path: Self.file)
        #expect(named.baseline.map { "\($0.siteName)|\($0.weatherLabel)|\($0.climate.name)|\($0.varied[0].value)" }
                == "paris-colocation-heat-export|site|baseline|8")
        let attributes = try #require(named.baseline).resultAttributes(batch: "grid", count: 36, baseline: named.baseline?.id)
        #expect(attributes.contains { $0.name == "baseline_scenario" && $0.value == .string(named.baseline!.id) })
        #expect(attributes.contains { $0.name == "currency" && $0.value == .string("EUR") })
    }

    @Test func baselineValuesMustNameAScenario() {
        let problems = self.problems(Self.grid + "\nbaseline: {climate: plus9k, heat_recovery.heat_pump.capacity_mw: 5, colour: red}")
        #expect(problems.map(\.keyPath) == ["baseline.climate", "baseline.heat_recovery.heat_pump.capacity_mw", "baseline.colour"])
        #expect(problems.first?.message.contains("expected one of baseline, plus2k, plus4k") == true)
        #expect(self.problems(Self.grid + "\nbaseline: plus2k").first?.message.contains("expected a mapping") == true)
        let unmatched = planProblems(Self.grid + "\nbaseline: {site: tucson}")
        #expect(unmatched.map(\.keyPath) == ["baseline"])
        #expect(unmatched.first?.message.contains("no scenario has site tucson") == true)
    }

    @Test func idsAreStableAndFollowEveryInput() throws {
        let first = try BatchPlan.load(text: Self.grid, path: Self.file).scenarios
        let second = try BatchPlan.load(text: Self.grid, path: Self.file).scenarios
        #expect(first.map(\.id) == second.map(\.id))
        #expect(first.map(\.inputsHash) == second.map(\.inputsHash))

        // Same labels, different inputs: the slug stays, the hash changes.
        let offset = try BatchPlan.load(text: Self.grid.replacingOccurrences(of: "offset_k: 4", with: "offset_k: 4.5"),
                                        path: Self.file).scenarios
        let step = try BatchPlan.load(text: Self.grid.replacingOccurrences(of: "timestep_min: 60", with: "timestep_min: 30"),
                                      path: Self.file).scenarios
        let site = try BatchPlan.load(text: Self.grid.replacingOccurrences(of: "[4, 8, 12]", with: "[4, 8, 12]\n  electrical.misc_kw: [150]"),
                                      path: Self.file).scenarios
        for index in first.indices {
            let changedClimate = first[index].climate.name == "plus4k"
            #expect((offset[index].id == first[index].id) == !changedClimate)
            #expect(step[index].id != first[index].id)
            #expect(step[index].id.dropLast(8) == first[index].id.dropLast(8))
        }
        // misc_kw 150 is Chicago's own value but not Paris's: only Paris's inputs change.
        for index in first.indices {
            let sameSlug = first[index].id.dropLast(9)
            #expect(site[index].id.hasPrefix(sameSlug + "-150-"))
            let paris = first[index].siteName == "paris-colocation-heat-export"
            #expect((site[index].inputsHash == first[index].inputsHash) == !paris)
        }
    }

    @Test func exampleBatchFileExpandsToSixHourlyScenarios() throws {
        let plan = try BatchPlan.load(path: "\(Self.root)/Sites/batches/climate-2050.yaml")
        #expect(plan.spec.name == "climate-2050")
        #expect(plan.scenarios.count == 6)
        #expect(plan.scenarios.map(\.climate.name) == ["baseline", "baseline", "baseline", "rcp85-2050", "rcp85-2050", "rcp85-2050"])
        #expect(plan.scenarios.map { $0.varied[0].value } == ["4", "8", "12", "4", "8", "12"])
        #expect(plan.scenarios[3].climate.morph?.dryBulbMinDeltaK?.count == 12)
        let input = plan.scenarios[5].siteInput()
        #expect(input.site.calendar.stepMinutes == 60)
        #expect(input.site.heatRecovery?.heatPump.capacity.value == 12e6)
        #expect(plan.variedKeys == ["heat_recovery.heat_pump.capacity_mw"])
    }
}
