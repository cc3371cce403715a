import HeatLoop
import HeatLoopTestSupport
import HeatLoopFiles
import Testing

/// Site files: defaults, and every kind of problem reported with file, line:column and key path.
@Suite struct SiteSpecTests {
    /// A small valid site; `weather` points at a file that exists relative to the package root.
    static let valid = """
        name: test-site
        weather: Weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw
        it:
          clusters:
            - name: gpus
              nodes: 100
        """

    static var file: String { "\(root)/site.yaml" }
    static var root: String { PackagePaths.root }

    func problems(_ text: String) -> [SpecProblem] {
        do {
            _ = try SiteSpec.decode(text: text, file: Self.file)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func defaultsFillAValidMinimalSite() throws {
        let spec = try SiteSpec.decode(text: Self.valid, file: Self.file)
        #expect(spec.timestepMin == 15)
        #expect(spec.year == 2025)
        #expect(spec.cooling.liquid.supplyC == 35)
        #expect(spec.it.clusters[0].nodesPerRack == 4)
        let resolved = spec.resolved()
        // DLC default capture 0.80 (DESIGN §3.2); misc 1 % of design IT (100 × 9.1 kW → 9.1 kW).
        #expect(resolved.it.clusters[0].liquidCapture == 0.8)
        #expect(abs((resolved.electrical.miscKw ?? 0) - 9.1) < 1e-9)
        let site = Site(spec: spec)
        #expect(abs(site.designITPower.value - 9.1e5) < 1e-6)
        #expect(site.liquidLoop != nil)
    }

    @Test func wrongTypeNamesLineColumnAndKey() {
        let found = problems(Self.valid.replacingOccurrences(of: "nodes: 100", with: "nodes: many"))
        #expect(found.count == 1)
        #expect(found.first?.keyPath == "it.clusters[0].nodes")
        #expect(found.first?.line == 6)
        #expect(found.first?.column == 14)
        #expect(found.first?.message.contains("whole number") == true)
    }

    @Test func unknownKeySuggestsTheClosest() {
        let found = problems(Self.valid + "\ncooling: {liquid: {suply_c: 30}}")
        #expect(found.count == 1)
        #expect(found.first?.keyPath == "cooling.liquid.suply_c")
        #expect(found.first?.message.contains("did you mean 'supply_c'") == true)
        #expect(found.first?.line == 7)
    }

    @Test func negativeCapacityIsOutOfRange() {
        let text = Self.valid + """

            heat_recovery:
              heat_pump: {capacity_mw: -5}
              district_heating: {demand: {degree_hours: {annual_gwh: 10}}}
            """
        let found = problems(text)
        #expect(found.map(\.keyPath) == ["heat_recovery.heat_pump.capacity_mw"])
        #expect(found.first?.message.contains("out of range") == true)
        #expect(found.first?.line == 8)
    }

    @Test func missingWeatherFileIsReported() {
        let found = problems(Self.valid.replacingOccurrences(of: "Weather/USA_IL", with: "Weather/NOPE_IL"))
        #expect(found.map(\.keyPath) == ["weather"])
        #expect(found.first?.message.contains("not found") == true)
    }

    @Test func allProblemsAreReportedAtOnce() {
        let text = """
            name: x
            weather: missing.epw
            timestep_min: 7
            it:
              clusters:
                - {name: a, nodes: 0, cooling: liquid}
            electrical: {ups_efficiency: 1.5}
            """
        let keys = Set(problems(text).map(\.keyPath))
        #expect(keys == ["weather", "timestep_min", "it.clusters[0].nodes", "it.clusters[0].cooling",
                         "electrical.ups_efficiency"])
    }

    @Test func syntaxErrorHasAPosition() {
        let found = problems("name: [unclosed\nweather: x")
        #expect(found.count == 1)
        #expect(found.first?.line != nil)
        #expect(found.first?.message.contains("not valid YAML") == true)
    }

    @Test func descriptionReadsLikeACompilerMessage() {
        let problem = SpecProblem(file: "a.yaml", line: 3, column: 5, keyPath: "cooling.liquid.supply_c",
                                  message: "80 is out of range; expected 15…60")
        #expect(problem.description == "a.yaml:3:5: cooling.liquid.supply_c: 80 is out of range; expected 15…60")
    }

    @Test func demandNeedsExactlyOneSizing() {
        let text = Self.valid + """

            heat_recovery:
              heat_pump: {capacity_mw: 5}
              district_heating: {demand: {degree_hours: {annual_gwh: 10, design_load_mw: 5}}}
            """
        #expect(problems(text).count == 1)
    }

    @Test func exampleSitesAreValid() throws {
        for name in ["chicago-ai-campus", "tucson-enterprise-air"] {
            let input = try SiteInput.load(path: "\(Self.root)/Sites/\(name).yaml")
            #expect(input.site.name == name)
            #expect(input.resolvedYAML.contains("timestep_min: 15"))
        }
    }

    /// Reading again only the top-level sections a sample's settings change (a sweep under uncertainty)
    /// gives the whole decode's description and problems: in range, out of range, in a list entry.
    @Test func rereadingTheChangedSectionsIsTheWholeDecode() throws {
        for name in ["chicago-ai-campus", "paris-colocation-heat-export"] {
            let root = try SiteInput.load(path: "\(Self.root)/Sites/\(name).yaml").spec.node
            let base = SiteSpec.decode(root, log: SpecProblemLog(file: name))
            let cases: [[(String, Double)]] = [
                [("economics.heat_price_eur_per_mwh", 61.5), ("it.clusters[0].workload.constant.utilization", 0.72)],
                [("electrical.ups_efficiency", 0.9)],
                [("it.clusters[0].workload.constant.utilization", 1.7), ("economics.discount_rate", -3)],
            ]
            for settings in cases {
                var node = root
                for (keyPath, value) in settings { node = try node.setting(try #require(SiteKeyPath(keyPath)), to: .number(value)) }
                let keys = Set(settings.map { String($0.0.prefix { $0 != "." }) })
                let wholeLog = SpecProblemLog(file: name), rereadLog = SpecProblemLog(file: name)
                let whole = SiteSpec.decode(node, log: wholeLog)
                let reread = SiteSpec.decode(node, rereading: keys, of: base, log: rereadLog)
                #expect(reread == whole, "\(name) \(settings)")
                #expect(rereadLog.problems.map(\.description) == wholeLog.problems.map(\.description))
            }
        }
    }

    @Test func carbonFromACountryCode() throws {
        let spec = try SiteSpec.decode(text: Self.valid + "\ncarbon: {country: deu}", file: Self.file)
        guard case .constant(let grams)? = Site(spec: spec).carbon?.grid else {
            Issue.record("expected a constant grid intensity")
            return
        }
        // Germany: 344.13992 g/kWh (carbontracker, 2024) in shared/reference/carbon/country_intensity_merged.csv.
        #expect(grams == 344.13992)
    }

    @Test func carbonNeedsExactlyOneSourceAndAKnownCountry() {
        let both = problems(Self.valid + "\ncarbon: {country: DEU, grid_g_per_kwh: 300}")
        #expect(both.count == 1 && both.first?.message.contains("exactly one") == true)
        let unknown = problems(Self.valid + "\ncarbon: {country: DUE}")
        #expect(unknown.count == 1)
        #expect(unknown.first?.keyPath == "carbon.country")
        #expect(unknown.first?.message.contains("DEU") == true)
    }

    @Test func heatExchangeAndNetworkKeys() throws {
        let text = Self.valid + """

            heat_recovery:
              heat_pump: {capacity_mw: 1, units: 3}
              heat_exchange: {approach_k: 4, preheat: false}
              district_heating:
                return_curve_c: [[-15, 45], [10, 35]]
                network_loss_pct: 10
                demand: {degree_hours: {annual_gwh: 5}}
            """
        let recovery = try #require(Site(spec: SiteSpec.decode(text: text, file: Self.file)).heatRecovery)
        #expect(recovery.heatPump.units == 3)
        #expect(recovery.exchange == HeatExchange(approach: TemperatureDelta(4), direct: true, preheat: false))
        #expect(recovery.network.returnCurve.temperature(outdoor: -20) == 45)
        #expect(recovery.network.losses == .shareOfFeedIn(0.1))
        let clash = problems(text.replacingOccurrences(of: "network_loss_pct: 10", with: "return_c: 40"))
        #expect(clash.count == 1 && clash.first?.keyPath == "heat_recovery.district_heating.return_curve_c")
    }

    static func withRecovery(cop: String, demand: String) -> String {
        valid + """

            heat_recovery:
              heat_pump: {capacity_mw: 1, cop: \(cop)}
              district_heating: {demand: \(demand)}
            """
    }

    @Test func copModelsAndDemandModelsDecode() throws {
        let lorenz = try Site(spec: SiteSpec.decode(
            text: Self.withRecovery(cop: "{lorenz: {efficiency: 0.45}}", demand: "{bdew: {annual_gwh: 20, profile: EFH}}"),
            file: Self.file)).heatRecovery
        #expect(lorenz?.heatPump.cop == .lorenz(efficiency: 0.45, pinch: TemperatureDelta(5)))
        guard case .bdew(let profile)? = lorenz?.network.demand else {
            Issue.record("expected a BDEW demand")
            return
        }
        #expect(profile.type == .singleFamily && profile.buildingClass == 1 && profile.hotWater)
        #expect(profile.annual.value == 20 * 3.6e12)

        let table = try Site(spec: SiteSpec.decode(
            text: Self.withRecovery(
                cop: "{table: {source_out_c: [20, 40], sink_out_c: [60, 80], cop: [[3.5, 2.8], [5.0, 3.6]]}}",
                demand: "{constant: {mw: 2.5}}"),
            file: Self.file)).heatRecovery
        #expect(table?.network.demand == .constant(.megawatts(2.5)))
        guard case .table(let map)? = table?.heatPump.cop else {
            Issue.record("expected a COP table")
            return
        }
        #expect(map.point(sourceOut: 40, sinkOut: 60).cop == 5.0)
        #expect(abs(map.point(sourceOut: 30, sinkOut: 70).cop - (3.5 + 2.8 + 5.0 + 3.6) / 4) < 1e-12)
    }

    @Test func malformedCOPTableAndDemandAreReported() {
        let found = problems(Self.withRecovery(
            cop: "{table: {source_out_c: [40, 20], sink_out_c: [60, 80], cop: [[3.5, 2.8]]}}",
            demand: "{bdew: {annual_gwh: 20, profile: HOUSE}}"))
        let paths = Set(found.map(\.keyPath))
        #expect(paths.contains("heat_recovery.heat_pump.cop.table.source_out_c"))
        #expect(paths.contains("heat_recovery.heat_pump.cop.table.cop"))
        #expect(paths.contains("heat_recovery.district_heating.demand.bdew.profile"))
    }
}
