import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// Air zones (`cooling.air.zones`, `AirHandlerZones`): one zone in the list runs as the one-zone air handler, and the
/// site's checks name the zone and the key.
@Suite struct AirZonesTests {
    /// The West-zone file (`Tests/energyplus/2zone-west-zone.yaml`) with its air handler moved into a one-zone list.
    @Test func oneZoneListRunsAsTheOneZoneAirHandler() throws {
        let path = "\(PackagePaths.root)/Tests/energyplus/2zone-west-zone.yaml"
        let variant = "\(PackagePaths.root)/Tests/energyplus/2zone-west-zone-variant-\(UUID().uuidString).yaml"
        try Self.westZoneAsOneZoneList(zoneAir: false).write(toFile: variant, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: variant) }

        let single = RunSummary(try ScenarioRunner(input: SiteInput.load(path: path)).simulate()).annual
        let zonedRun = try ScenarioRunner(input: SiteInput.load(path: variant)).simulate()
        let zones = RunSummary(zonedRun).annual
        guard case .zones(let model, _) = zonedRun.site.airSide else {
            Issue.record("the variant is not a zoned site")
            return
        }
        #expect(model.names == ["west"] && model.clusterZone == [0])
        #expect(zones.itMWh.isApproximatelyEqual(to: single.itMWh, relativeTolerance: 1e-9))
        #expect(zones.coolingMWh.isApproximatelyEqual(to: single.coolingMWh, relativeTolerance: 1e-9))
        #expect(zones.pue.isApproximatelyEqual(to: single.pue, relativeTolerance: 1e-9))
        #expect(zones.maximumEnergyBalanceResidual < 1e-6)
    }

    /// The West-zone file with its air handler moved into a one-zone list `west`; with `zoneAir`, the zone keeps its own
    /// air as the 2-zone site's West zone does (its `zone_air` block, taken from `Sites/energyplus/2zone-economizer.yaml`).
    static func westZoneAsOneZoneList(zoneAir: Bool) throws -> String {
        let text = try String(contentsOfFile: "\(PackagePaths.root)/Tests/energyplus/2zone-west-zone.yaml", encoding: .utf8)
        let parts = text.components(separatedBy: "    air_handler:\n")
        try #require(parts.count == 2 && text.contains("      cooling: air\n"))
        let handler = parts[1].split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
        var zoned = parts[0].replacingOccurrences(of: "      cooling: air\n", with: "      cooling: air\n      zone: west\n")
            + "    zones:\n      - name: west\n        air_handler:\n" + handler.joined(separator: "\n")
        if zoneAir {
            let site = try String(contentsOfFile: "\(PackagePaths.root)/Sites/energyplus/2zone-economizer.yaml", encoding: .utf8)
            let west = try #require(site.components(separatedBy: "      - name: west\n").last?.components(separatedBy: "      - name: east\n").first)
            let block = try #require(west.components(separatedBy: "        zone_air:\n").last)
            try #require(west.contains("        zone_air:\n"))
            zoned += (zoned.hasSuffix("\n") ? "" : "\n") + "        zone_air:\n" + block
        }
        return zoned
    }

    /// Problems of the 2-zone example edited, each with the key it names.
    @Test(arguments: [
        ("      zone: east\n", "      zone: eats\n", "it.clusters[1].zone", "no air zone 'eats'"),
        ("      zone: east\n", "", "it.clusters[1].zone", "name the one that cools 'east-servers'"),
        ("      zone: east\n", "      zone: west\n", "cooling.air.zones[1]", "zone 'east' cools no cluster"),
        ("      - name: east\n", "      - name: west\n", "cooling.air.zones[1].name", "zone 'west' is named twice"),
        ("    zones:\n", "    air_handler: {}\n    zones:\n", "cooling.air.air_handler", "with 'zones' each zone has its own 'air_handler'"),
        ("          coil: {design_air_inlet_c: 31.81785, design_air_outlet_c: 12.8}\n",
         "          coil: {design_air_inlet_c: 31.81785, design_air_outlet_c: 12.8}\n        zone_air: {volume_m3: 1054.97}\n",
         "cooling.air.zones[1].zone_air", "keeps its air at its servers' return ('east-servers' has return_approach_k"),
    ])
    func problemsNameTheZoneAndKey(original: String, replacement: String, keyPath: String, message: String) throws {
        expectRefused(site: "energyplus/2zone-economizer", edits: [(original, replacement)], key: keyPath, message: message)
    }

    /// The envelope is checked zone by zone on the servers' own inlets: the East zone's servers take in its 40 °C
    /// supply + 2 K approach = 42 °C all year, above A3's 40 °C, although the zones' mean supply stays inside. The
    /// failure reads as a single-zone hall's does (West-zone file held to A1), with the zone named, and survives
    /// the round trip through `/summary`.
    @Test func envelopeIsCheckedOnEachZonesInlet() throws {
        let zoned = RunSummary(try simulate(site: "energyplus/2zone-economizer").1)
        let failures = zoned.failures
        #expect(failures.inletTemperatureZone == "east")
        #expect(failures.inletTemperature.hours > 8750 && zoned.annual.inletTemperatureOutsideAllowableHours > 8750)
        #expect(failures.inletTemperature.worst.isApproximatelyEqual(to: 42, relativeTolerance: 1e-3))
        #expect(failures.any)
        let zonedLine = try #require(failures.messages.first { $0.hasPrefix("IT inlet temperature") })
        #expect(zonedLine.hasPrefix("IT inlet temperature outside ASHRAE A3 allowable 5–40 °C (most in zone east): 8759"))

        let path = "\(PackagePaths.root)/Tests/energyplus/2zone-west-zone.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let variant = "\(PackagePaths.root)/Tests/energyplus/2zone-west-zone-a1-\(UUID().uuidString).yaml"
        try text.replacingOccurrences(of: "ashrae_class: A3", with: "ashrae_class: A1")
            .write(toFile: variant, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: variant) }
        let single = RunSummary(try ScenarioRunner(input: SiteInput.load(path: variant)).simulate()).failures
        #expect(single.any && single.inletTemperature.hours > 0 && single.inletTemperatureZone.isEmpty)
        #expect(single.messages.contains { $0.hasPrefix("IT inlet temperature outside ASHRAE A1 allowable 15–32 °C: ") })
        #expect(!single.attributes.contains { $0.name == "inlet_temperature_worst_zone" })

        let read = PlantFailures(summary: zoned.attributes, airClass: failures.airClass, waterClassName: failures.waterClassName)
        #expect(read.messages == failures.messages)
    }

    /// A single-zone hall with the ITE model is checked on its servers' inlets, not on the supply air: the
    /// approach-temperature room (supply 25 °C) held to A1 (allowable 15–32 °C) is inside with its 2 K supply
    /// approach and outside all year with a 9 K one, though its supply air is the same.
    @Test func singleZoneEnvelopeIsCheckedOnTheServersInlets() throws {
        func failures(approach: String) throws -> PlantFailures {
            let path = "\(PackagePaths.root)/Sites/energyplus/crac-approach-temp.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let variant = "\(PackagePaths.root)/Tests/energyplus/approach-\(approach)-\(UUID().uuidString).yaml"
            try text.replacingOccurrences(of: "ashrae_class: A3", with: "ashrae_class: A1")
                .replacingOccurrences(of: "supply_approach_k: 2", with: "supply_approach_k: \(approach)")
                .write(toFile: variant, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: variant) }
            return RunSummary(try ScenarioRunner(input: SiteInput.load(path: variant)).simulate()).failures
        }
        let inside = try failures(approach: "2"), outside = try failures(approach: "9")
        #expect(inside.inletTemperature.hours == 0)
        #expect(outside.inletTemperature.hours > 8000)
        #expect(outside.inletTemperature.worst.isApproximatelyEqual(to: 34, absoluteTolerance: 0.5))
        #expect(outside.messages.contains { $0.hasPrefix("IT inlet temperature outside ASHRAE A1 allowable 15–32 °C: ") })
    }
}
