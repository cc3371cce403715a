import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5
import HeatLoopTestSupport
import Testing

/// Design-load sizing and loud failures (issue 15): every example meets its full load on its own weather;
/// configurations that cannot work are rejected before a run, with the key to change; failures fail
/// `run --strict`; step PUE is NaN without IT power.
@Suite("Design loads and failures")
struct DesignLoadTests {
    /// The example with every cluster at utilisation 1.0 (the design case): its plant, sized for that load
    /// at the weather file's ASHRAE design condition, leaves no cooling unmet.
    @Test("every example meets its load at 100 % utilisation", arguments: PackagePaths.exampleSites)
    func fullUtilisationIsMet(site: String) throws {
        let input = try SiteInput.load(path: PackagePaths.site(site))
        var designed = input.designed
        var full = ConstantWorkloadSpec()
        full.utilization = 1
        for index in designed.spec.it.clusters.indices { designed.spec.it.clusters[index].workload = .constant(full) }
        let atFullLoad = SiteInput(designed: designed, traces: [:], weather: input.weather, weatherPath: input.weatherPath,
                                   weatherSHA256: input.weatherSHA256)
        let summary = RunSummary(try ScenarioRunner(input: atFullLoad).simulate())
        #expect(summary.annual.unmetCoolingHours == 0, "\(site): \(summary.failures.messages)")
        #expect(summary.annual.outsideWaterClassHours == 0, "\(site)")
        if site == "energyplus/2zone-economizer" {
            // Mapped input by input from EnergyPlus's example, whose East servers take in the 40 °C supply + 2 K
            // approach = 42 °C, above A3's 40 °C; only that zone may be outside (AirZonesTests).
            #expect(summary.failures.inletTemperatureZone == "east")
        } else {
            #expect(summary.annual.inletTemperatureOutsideAllowableHours == 0, "\(site)")
        }
    }

    /// Chilled water the dry coolers can never deliver at the design condition is rejected when the site is
    /// read, at the key's line, saying what to change.
    @Test("an unreachable supply temperature is rejected at its key")
    func unreachableSupplyIsRejected() throws {
        let edits = [("        trim_chiller: {carnot: {efficiency: 0.55}}\n", "")]
        #expect {
            _ = try simulate(site: "dlc-dry-coolers", edits: edits)
        } throws: { error in
            let text = "\(error)"
            return text.contains(".yaml:") && text.contains("cooling.air.chilled_water_c: 24 °C cannot be reached")
                && text.contains("raise 'chilled_water_c' to") && text.contains("trim_chiller")
        }
    }

    /// A batch that varies a site into a configuration that cannot work reports it at the site file's key,
    /// with the values that made it (exit 2), before any scenario runs.
    @Test("a batch rejects a varied site that cannot work, located")
    func batchRejectsUnreachableVariant() throws {
        let batch = PackagePaths.root + "/Sites/batches/unreachable-" + UUID().uuidString + ".yaml"
        try """
            name: unreachable
            sites: [../dlc-dry-coolers.yaml]
            vary:
              cooling.liquid.supply_c: [40, 30]
            timestep_min: 60
            """.write(toFile: batch, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: batch) }
        let outcome = try CLI.run(["validate", batch])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("dlc-dry-coolers.yaml:"))
        #expect(outcome.stderr.contains("cooling.liquid.supply_c: with cooling.liquid.supply_c = 30: 30 °C cannot be reached"))
        #expect(!outcome.stderr.contains("supply_c = 40"))
    }

    /// `validate` rejects a heat pump drawing from a liquid loop an all-air site does not have (exit 2), naming
    /// the key and the fix; without it the site recovered 0 MWh and charged the heat pump's CAPEX.
    @Test("validate rejects a heat pump without its source loop")
    func heatPumpWithoutSource() throws {
        let outcome = try validate(site: "paris-colocation-heat-export", edits: [("    source: air\n", "    source: liquid\n")])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("heat_recovery.heat_pump.source: the heat pump draws from 'liquid'"))
        #expect(outcome.stderr.contains("use 'source: air'"))
    }

    @Test("validate rejects a supply air outside the ASHRAE class's allowable range")
    func airClassContradicted() throws {
        let outcome = try validate(site: "tucson-enterprise-air", edits: [("    supply_air_c: 24\n", "    supply_air_c: 34\n    ashrae_class: A1\n")])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cooling.air.supply_air_c: 34 °C is outside class A1's allowable inlet range 15…32 °C"))
        #expect(outcome.stderr.contains("'ashrae_class' to one of A2, A3, A4"))
    }

    @Test("validate rejects a facility-water supply above its W class")
    func waterClassContradicted() throws {
        let outcome = try validate(site: "dlc-dry-coolers", edits: [("    ashrae_class: W40\n", "    ashrae_class: W32\n")])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("cooling.liquid.supply_c: 40 °C is above class W32's facility-water limit"))
        #expect(outcome.stderr.contains("lower 'supply_c' to 32 or set 'ashrae_class' to W40"))
    }

    /// A plant sized for a third of the IT leaves cooling unmet: the summary warns, the verdict is not
    /// assessed, and `--strict` exits 1 (the result is still written); without `--strict` the run succeeds.
    @Test("run --strict exits 1 when the plant failed, 0 when it did not")
    func strictExitCodes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let undersized = try variant(site: "dlc-dry-coolers", edits: [("timestep_min: 15\n", "timestep_min: 60\ndesign_it_mw: 5\n")])
        defer { try? FileManager.default.removeItem(atPath: undersized) }
        let strict = try CLI.run(["run", undersized, "--strict", "--output", folder + "/strict.h5"])
        #expect(strict.status == 1, "\(strict.stderr)")
        #expect(strict.stdout.contains("WARNING: the plant did not do its job"))
        #expect(strict.stdout.contains("! Unmet cooling:"))
        #expect(strict.stdout.contains("not assessed (") && strict.stdout.contains(" h unmet cooling)"))
        #expect(strict.stderr.contains("--strict: the plant failed"))
        #expect(FileManager.default.fileExists(atPath: folder + "/strict.h5"))
        let lenient = try CLI.run(["run", undersized, "--output", folder + "/lenient.h5"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        let met = try CLI.run(["run", PackagePaths.site("llama-training-sf"), "--strict", "--timestep-min", "60",
                               "--quiet", "--output", folder + "/met.h5"])
        #expect(met.status == 0, "\(met.stderr)")
    }

    /// Step PUE is undefined without IT power: NaN in those steps, in the result file too; the annual PUE
    /// (a ratio of sums), the monthly ones, the summary and the report are unaffected.
    @Test("step PUE is NaN when IT power is 0")
    func pueNaNWithoutIT() throws {
        let edits = [("base_idle_w: 250", "base_idle_w: 0"), ("hourly: [0.3, 0.28,", "hourly: [0, 0.28,")]
        let (_, result) = try simulate(site: "tucson-enterprise-air", edits: edits)
        let it = result.columns[.itPower], pue = result.columns[.pue]
        let idle = it.indices.filter { it[$0] == 0 }
        #expect(idle.count >= 365)
        #expect(idle.allSatisfy { pue[$0].isNaN })
        #expect(it.indices.filter { it[$0] > 0 }.allSatisfy { pue[$0].isFinite && pue[$0] > 1 })
        let summary = RunSummary(result)
        #expect(summary.annual.pue.isFinite && abs(summary.annual.pue - summary.annual.facilityMWh / summary.annual.itMWh) < 1e-12)
        #expect(summary.monthly.allSatisfy { $0.pue.isFinite })

        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let site = try variant(site: "tucson-enterprise-air", edits: edits)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let run = try CLI.run(["run", site, "--output", folder + "/idle.h5"])
        #expect(run.status == 0, "\(run.stderr)")
        let stored = try HDF5ResultReader.readSeries(path: folder + "/idle.h5", group: "facility", name: "pue")
        let storedIT = try HDF5ResultReader.readSeries(path: folder + "/idle.h5", group: "it", name: "power")
        #expect(stored.indices.allSatisfy { storedIT[$0] == 0 ? stored[$0].isNaN : stored[$0].isFinite })
        let report = try CLI.run(["report", folder + "/idle.h5", "--html", folder + "/idle.html"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("PUE"))
    }

    /// A heat pump that never runs (no demand) is reported, not hidden behind its CAPEX.
    @Test("idle heat recovery is a failure")
    func idleHeatRecovery() throws {
        let (_, result) = try simulate(site: "paris-colocation-heat-export", edits: [("annual_gwh: 14,", "annual_gwh: 0,")])
        let failures = RunSummary(result).failures
        #expect(failures.heatRecoveryIdle)
        #expect(failures.messages.contains { $0.hasPrefix("Heat recovery recovered nothing all year") })
        #expect(failures.attributes.contains(ResultAttribute("heat_recovery_idle", .int(1))))
    }

    /// The site with `edits` written beside the original (so relative paths resolve); the caller removes it.
    private func variant(site: String, edits: [(String, String)]) throws -> String {
        var text = try String(contentsOfFile: PackagePaths.site(site), encoding: .utf8)
        for (original, replacement) in edits {
            precondition(text.contains(original), "\(site).yaml has no '\(original)'")
            text = text.replacingOccurrences(of: original, with: replacement)
        }
        let path = PackagePaths.site(site + "-variant-" + UUID().uuidString)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func validate(site: String, edits: [(String, String)]) throws -> CLI.Outcome {
        let path = try variant(site: site, edits: edits)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try CLI.run(["validate", path])
    }
}
