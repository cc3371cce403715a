import Foundation
import HeatLoopTestSupport
import HeatLoop
import HeatLoopFiles
import Testing

/// The one run recipe (`ScenarioRunner`) and the sizing sweep built on it, in process.
@Suite struct ScenarioRunnerTests {
    static let origin = RunOrigin(heatloopVersion: "test", createdUTC: "2025-01-01T00:00:00Z")

    static func hourly(_ site: String) throws -> SiteInput {
        try SiteInput.load(path: PackagePaths.site(site), timestepOverride: 60)
    }

    /// The document carries the caller's origin and extra attributes, and the same summary as the run.
    @Test func recordCarriesTheOriginTheAttributesAndTheRunsSummary() throws {
        let recorded = try ScenarioRunner(input: try Self.hourly("tucson-enterprise-air"))
            .record(origin: Self.origin, attributes: [ResultAttribute("scenario_id", .string("x"))])
        let attributes = recorded.document.attributes
        #expect(attributes.contains(ResultAttribute("heatloop_version", .string("test"))))
        #expect(attributes.contains(ResultAttribute("created_utc", .string("2025-01-01T00:00:00Z"))))
        #expect(attributes.last == ResultAttribute("scenario_id", .string("x")))
        #expect(recorded.document.summaryValue("pue") == .double(recorded.run.summary.annual.pue))
        #expect(recorded.run.summary.annual.pue > 1)
    }

    /// A uniform offset moves every step's dry bulb by exactly that (interpolation is linear); the
    /// weather as read is kept for the runner without a climate.
    @Test func climateOffsetWarmsEveryStep() throws {
        let input = try Self.hourly("tucson-enterprise-air")
        let recorded = try ScenarioRunner(input: input).stepWeather().dryBulb
        let warmer = try ScenarioRunner(input: input, climate: ClimateSpec(name: "plus2k", offsetK: 2)).stepWeather().dryBulb
        #expect(recorded.count == warmer.count)
        #expect(zip(recorded, warmer).allSatisfy { abs($1 - $0 - 2) < 1e-9 })
    }

    /// A result names what made it: the program, the command, the site's location from the EPW header, the
    /// climate scenario with its factors and the SHA-256 of the weather it ran in (differing from the
    /// weather as read), and a CF `history`.
    @Test func resultNamesTheClimateScenarioAndTheLocation() throws {
        let input = try Self.hourly("tucson-enterprise-air")
        let origin = RunOrigin(heatloopVersion: "test", createdUTC: "2025-01-01T00:00:00Z", gitRevision: "abc",
                               commandLine: "heatloop batch x.yaml")
        let recorded = try ScenarioRunner(input: input).record(origin: origin).document.attributes
        let morph = MorphSpec(dryBulbDeltaK: (1...12).map { Double($0) / 4 })
        let warmed = try ScenarioRunner(input: input, climate: ClimateSpec(name: "warm", morph: morph))
            .record(origin: origin).document.attributes
        func value(_ attributes: [ResultAttribute], _ name: String) -> AttributeValue? { attributes.first { $0.name == name }?.value }
        #expect(value(recorded, ProvenanceKey.climate) == .string("as recorded"))
        #expect(value(warmed, ProvenanceKey.climate) == .string("warm"))
        #expect(value(warmed, ProvenanceKey.climateMorphPrefix + "dry_bulb_delta_k")
                == .string("0.25 0.5 0.75 1 1.25 1.5 1.75 2 2.25 2.5 2.75 3"))
        #expect(value(recorded, ProvenanceKey.effectiveWeatherSHA256) != value(warmed, ProvenanceKey.effectiveWeatherSHA256))
        #expect(value(recorded, "weather_sha256") == value(warmed, "weather_sha256"))
        #expect(value(recorded, ProvenanceKey.utcOffsetMinutes) == .int(-420))
        #expect(value(recorded, ProvenanceKey.timeZone) == .string("UTC-07:00"))
        #expect(value(recorded, ProvenanceKey.latitude)?.double.map { abs($0 - 32.1) < 0.2 } == true)
        #expect(value(recorded, ProvenanceKey.gitRevision) == .string("abc"))
        #expect(value(recorded, ProvenanceKey.history) == .string("2025-01-01T00:00:00Z: heatloop batch x.yaml (HeatLoop test, git abc)"))
    }

    /// The resolved site of an all-air site names no facility-water loop (no component it does not have).
    @Test func resolvedSiteOmitsAnAbsentLiquidLoop() throws {
        let crac = try Self.hourly("energyplus/crac-pumped-dx")
        #expect(!crac.resolvedJSON.contains("\"liquid\""))
        #expect(!crac.resolvedJSON.contains("chilled_water_c"))
        #expect(try Self.hourly("chicago-ai-campus").resolvedJSON.contains("\"liquid\""))
    }

    /// A climate whose factors do not fit together fails that scenario, naming the climate.
    @Test func inconsistentMorphFailsNamingTheClimate() throws {
        let morph = MorphSpec(dryBulbDeltaK: Array(repeating: 1, count: 12), dryBulbMaxDeltaK: Array(repeating: 2, count: 12))
        let input = try Self.hourly("tucson-enterprise-air")
        do {
            _ = try ScenarioRunner(input: input, climate: ClimateSpec(name: "lopsided", morph: morph))
            Issue.record("expected a ScenarioFailure")
        } catch {
            #expect(error.description.hasPrefix("climate 'lopsided': "), "\(error)")
        }
    }

    /// A sweep's summary-only rows equal what the full recipe gives for the same design and baseline,
    /// and progress runs from 0 to the total of each stage.
    @Test func sweepRowsEqualTheFullRecipeAndProgressIsReported() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spec = "\(folder)/sweep.yaml"
        try """
            name: two
            timestep_min: 60
            vary:
              heat_recovery.heat_pump.capacity_mw: [4, 8]
            objective: npv
            """.write(toFile: spec, atomically: true, encoding: .utf8)
        let plan = try SizingPlan.load(path: spec, site: PackagePaths.site("chicago-ai-campus"))
        var sweep = SizingSweep(plan: plan, jobs: 2)
        var events: [(SizingSweep.Stage, Int, Int)] = []
        let outcome = try sweep.run { events.append(($0, $1, $2)) }

        #expect(outcome.designs.map(\.id) == plan.designs.map(\.id))
        let designEvents = events.filter { $0.0 == .designs }
        #expect(designEvents.map(\.1) == [0, 1, 2] && designEvents.allSatisfy { $0.2 == 2 })
        let marginalEvents = events.filter { $0.0 == .marginals }
        #expect(marginalEvents.first?.1 == 0 && marginalEvents.last?.1 == marginalEvents.last?.2)

        let best = try #require(outcome.recommended)
        let runner = try ScenarioRunner(best.scenario)
        let full = runner.record(origin: Self.origin, baseline: runner.coolingBaseline()).run.summary
        let row = try #require(outcome.designs.first { $0.id == best.id })
        #expect(row.value("npv_eur") == full.economics?.npv)
        #expect(row.value("pue") == full.annual.pue)
    }

    /// A summary-only run (the sizing sweeps') keeps only `RunSummary.seriesRead` of the step columns; its
    /// summary, economics and failures included, is the full run's to the bit, for sites with a heat-reuse
    /// project and cooling savings (so the baseline keeps only `CoolingBaseline.seriesRead` too).
    @Test(arguments: ["chicago-ai-campus", "paris-colocation-heat-export", "tucson-enterprise-air"])
    func summaryOnlyRunHasTheFullRunsSummary(site: String) throws {
        let runner = try ScenarioRunner(input: try Self.hourly(site))
        let full = runner.appraise(), summaryOnly = runner.appraise(summaryOnly: true)
        func text(_ run: AppraisedRun) -> String {
            "\(run.summary.attributes) \(run.summary.monthly.map(\.named)) \(run.summary.economics.map(\.named) ?? [])"
        }
        #expect(text(summaryOnly) == text(full))
        #expect(summaryOnly.result.columns[.heatDelivered].count == full.result.columns.count)
    }
}
