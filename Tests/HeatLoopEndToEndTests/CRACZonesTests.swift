import Foundation
@testable import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// CRAC air zones (`cooling.air.zones[].crac`, `AirHandlerZones`, `Sites/two-hall-crac.yaml`): each zone steps as a
/// one-zone CRAC room on its own servers, setpoints and moisture, and the site's checks name the zone and the key.
@Suite struct CRACZonesTests {
    /// An EnergyPlus CRAC room (`Sites/energyplus/<site>.yaml`) as two identical zones, each with half the servers
    /// and CRAC units of half the capacity and air flow.
    static func halves(of site: String) throws -> String {
        let text = try String(contentsOfFile: PackagePaths.site(site), encoding: .utf8)
        let clusters = try #require(text.range(of: "  clusters:\n")), electrical = try #require(text.range(of: "\nelectrical:"))
        let cluster = String(text[clusters.upperBound..<electrical.lowerBound]).replacingOccurrences(of: "nodes: 100\n", with: "nodes: 50\n")
        try #require(cluster.contains("nodes: 50\n") && cluster.hasPrefix("    - name: servers\n"))
        let half = { (zone: String) in
            cluster.replacingOccurrences(of: "    - name: servers\n", with: "    - name: servers-\(zone)\n      zone: \(zone)\n") + "\n"
        }
        let crac = try #require(text.range(of: "    crac:\n"))
        let units = String(text[crac.upperBound...])
            .replacingOccurrences(of: "capacity_kw: 148.3\n", with: "capacity_kw: 74.15\n")
            .replacingOccurrences(of: "air_flow_m3_per_s: 8.5\n", with: "air_flow_m3_per_s: 4.25\n")
        try #require(units.contains("74.15") && units.contains("4.25"))
        let indented = units.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
        let zones = ["a", "b"].map { "      - name: \($0)\n        crac:\n" + indented }.joined()
        return String(text[..<clusters.upperBound]) + half("a") + half("b") + String(text[electrical.lowerBound..<crac.lowerBound])
            + "    zones:\n" + zones
    }

    /// Two identical zones with half the IT each are the one room: same IT, cooling and facility energy and PUE, for
    /// the well-mixed room (pumped DX) and the one whose return is the servers' outlet (approach temperatures).
    @Test(arguments: ["energyplus/crac-pumped-dx", "energyplus/crac-approach-temp"])
    func twoHalfZonesAreTheOneRoom(site: String) throws {
        let variant = PackagePaths.site(site + "-variant-halves-" + UUID().uuidString)
        try Self.halves(of: site).write(toFile: variant, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: variant) }
        let zonedRun = try ScenarioRunner(input: SiteInput.load(path: variant)).simulate()
        guard case .zones(let model, let loop) = zonedRun.site.airSide else {
            Issue.record("the variant is not a zoned site")
            return
        }
        #expect(model.names == ["a", "b"] && model.clusterZone == [0, 1] && loop == nil)
        let singleRun = try simulate(site: site).1
        let zones = RunSummary(zonedRun).annual, single = RunSummary(singleRun).annual
        #expect(zones.itMWh.isApproximatelyEqual(to: single.itMWh, relativeTolerance: 1e-9))
        #expect(zones.coolingMWh.isApproximatelyEqual(to: single.coolingMWh, relativeTolerance: 1e-9))
        #expect(zones.facilityMWh.isApproximatelyEqual(to: single.facilityMWh, relativeTolerance: 1e-9))
        #expect(zones.pue.isApproximatelyEqual(to: single.pue, relativeTolerance: 1e-9))
        #expect(zonedRun.annual.unmetHours == singleRun.annual.unmetHours)
        #expect(zonedRun.annual.mechanicalHours == singleRun.annual.mechanicalHours)
        #expect(zones.maximumEnergyBalanceResidual < 1e-9)
    }

    /// Zones are separate rooms: colder supply air in the south hall (21 → 18 °C) cools its servers' inlets by
    /// 0.9 × 3 K (10 % of the inlet air is the 27 °C room's) whenever its supply sits at the setpoint, and lowers
    /// their power (the ITE's power rises with its inlet); the north hall's inlets stay where they were.
    @Test func zonesFollowTheirOwnSetpoints() throws {
        let warm = try simulate(site: "two-hall-crac").1
        let cold = try simulate(site: "two-hall-crac", edits: [("        supply_air_c: 21\n", "        supply_air_c: 18\n")]).1
        func mean(_ result: SimulationResult, _ series: OutputSeries, cluster: Int) -> Double {
            let values = result.columns[series], steps = result.columns.count
            return (0..<steps).reduce(0) { $0 + Double(values[cluster * steps + $1]) } / Double(steps)
        }
        let south = mean(warm, .clusterInletTemp, cluster: 1) - mean(cold, .clusterInletTemp, cluster: 1)
        #expect(south.isApproximatelyEqual(to: 2.7, absoluteTolerance: 0.1), "south inlet cooled by \(south) K")
        #expect(mean(warm, .clusterInletTemp, cluster: 1).isApproximatelyEqual(to: 0.9 * 21 + 0.1 * 27, absoluteTolerance: 0.1))
        let north = mean(warm, .clusterInletTemp, cluster: 0) - mean(cold, .clusterInletTemp, cluster: 0)
        #expect(abs(north) < 0.02, "north inlet moved by \(north) K")
        #expect(mean(cold, .clusterPower, cluster: 1) < mean(warm, .clusterPower, cluster: 1))
        #expect(RunSummary(cold).annual.maximumEnergyBalanceResidual < 1e-9)
    }

    /// A hall may mix kinds: the south hall on an air handler with only a chilled-water coil (a CRAH on the air loop's
    /// plant) beside the north CRAC hall. The plant carries only the south hall's coil (its pump runs), the north
    /// hall's inlets barely move (only its share of the UPS losses follows the south hall's IT power), and the
    /// balance closes.
    @Test func aCRACZoneBesideAnAirHandlerZone() throws {
        let text = "        crac:\n          capacity_kw: 60\n          air_flow_m3_per_s: 6\n          return_air_c: 27\n          coil_wet_bulb_c: 18.9\n"
        let (_, mixed) = try simulate(site: "two-hall-crac", edits: [
            (text, "        air_handler: {room_air_c: 27}\n"), ("    zones:\n", "    chilled_water_c: 7\n    zones:\n"),
        ])
        guard case .zones(let zones, let loop) = mixed.site.airSide, case .crac = zones.units[0],
              case .airHandler = zones.units[1] else {
            Issue.record("the variant is not a CRAC zone beside an air-handler zone")
            return
        }
        let plant = try #require(loop)
        #expect(plant.supplySetpoint.value == 7)
        let crac = try simulate(site: "two-hall-crac").1
        func mean(_ result: SimulationResult, _ series: OutputSeries, cluster: Int? = nil) -> Double {
            let values = result.columns[series], steps = result.columns.count
            return (0..<steps).reduce(0) { $0 + Double(values[(cluster ?? 0) * steps + $1]) } / Double(steps)
        }
        #expect(abs(mean(mixed, .clusterInletTemp, cluster: 0) - mean(crac, .clusterInletTemp, cluster: 0)) < 0.02)
        #expect(mean(mixed, .pumpPower) > mean(crac, .pumpPower))
        #expect(mean(mixed, .chilledWaterSupplyTemp).isFinite && mean(crac, .chilledWaterSupplyTemp).isNaN)
        #expect(RunSummary(mixed).annual.maximumEnergyBalanceResidual < 1e-6)
    }

    /// One step of the two halls by hand: each zone is the one-zone CRAC room's step on its heat (`AirSide.finish
    /// (crac:)`), the hall's step their sum, its supply air their flow-weighted mean; a well-mixed room's supply is
    /// the `SetpointManager:Warmest` reset `clamp(T_return − Q / (ṁ c_p), T_min, T_max)`.
    @Test func aStepOfTwoZonesIsTheSumOfTheirRooms() throws {
        let site = try ScenarioRunner(input: SiteInput.load(path: PackagePaths.site("two-hall-crac"))).simulation.site
        guard case .zones(let zones, nil) = site.airSide, case .crac(let north) = zones.units[0],
              case .crac(let south) = zones.units[1] else {
            Issue.record("two-hall-crac is not two CRAC zones")
            return
        }
        var state = SimulationState(site: site)
        let humidity = state.hallHumidityRatio
        let weather = AirSideWeather(dryBulb: 20, wetBulb: 15, humidityRatio: 0.009)
        let (heatNorth, heatSouth) = (40_000.0, 25_000.0)
        let (air, hall) = zones.finish(nil, heat: [heatNorth, heatSouth], serverReturn: [33, .nan], recovered: 0,
                                       state: &state, weather: weather, hallHumidity: site.hallHumidity, stepSeconds: 600)
        let a = AirSide.finish(crac: north, roomHeat: heatNorth, serverReturn: 33, humidityRatio: humidity, weather: weather)
        let b = AirSide.finish(crac: south, roomHeat: heatSouth, serverReturn: nil, humidityRatio: humidity, weather: weather)
        // South: a well-mixed room at 27 °C, 4 m³/s of standard air (site at 205 m: Chicago O'Hare).
        let capacityRate = south.unit.designAirMassFlow * (1006 + 1860 * humidity)
        #expect(b.supplyAir.isApproximatelyEqual(to: min(21, max(10, 27 - heatSouth / capacityRate)), relativeTolerance: 1e-12))
        #expect(b.returnAir == 27 && a.returnAir == 33)
        #expect(state.zoneSupplyAir == [a.supplyAir, b.supplyAir])
        #expect(air.compressorPower.isApproximatelyEqual(to: a.compressorPower + b.compressorPower, relativeTolerance: 1e-12))
        #expect(air.fanPower.isApproximatelyEqual(to: a.fanPower + b.fanPower, relativeTolerance: 1e-12))
        #expect(air.pumpPower.isApproximatelyEqual(to: a.pumpPower + b.pumpPower, relativeTolerance: 1e-12))
        // Balance: each room's load and fan heat leaves by its coil, its economiser or as unmet.
        #expect(air.heatIn.isApproximatelyEqual(to: heatNorth + heatSouth + a.machineHeat + b.machineHeat, relativeTolerance: 1e-12))
        #expect(air.heatOut.isApproximatelyEqual(to: air.heatIn, relativeTolerance: 1e-9))
        let flow = a.airMassFlow + b.airMassFlow
        #expect(air.supplyAir.isApproximatelyEqual(to: (a.airMassFlow * a.supplyAir + b.airMassFlow * b.supplyAir) / flow,
                                                   relativeTolerance: 1e-12))
        #expect(air.chilledWaterSupply.isNaN && air.mode == max(a.mode, b.mode))
        #expect(hall.humidifierPower >= 0 && state.zoneHumidityRatio.count == 2)
    }

    /// Each zone's inlets are held to the air class on their own: the south hall's supply at 31 °C is inside A1's
    /// 15–32 °C, but its servers' inlets, with 10 % of the 45 °C room's air, are at 32.4 °C all year and the zone is
    /// named; the north hall's 27 °C inlets are inside.
    @Test func envelopeNamesTheCRACZoneOutsideIt() throws {
        let result = try simulate(site: "two-hall-crac", edits: [
            ("    ashrae_class: A3\n", "    ashrae_class: A1\n"), ("        supply_air_c: 21\n", "        supply_air_c: 31\n"),
            ("          return_air_c: 27\n", "          return_air_c: 45\n"),
        ]).1
        let failures = RunSummary(result).failures
        #expect(failures.inletTemperatureZone == "south")
        #expect(failures.inletTemperature.hours > 8700)
        #expect(failures.inletTemperature.worst.isApproximatelyEqual(to: 0.9 * 31 + 0.1 * 45, absoluteTolerance: 0.05))
    }

    /// Problems of the two-hall example edited, each with the key it names.
    @Test(arguments: [
        ("        crac:\n          capacity_kw: 60\n", "        cracs:\n          capacity_kw: 60\n", "cooling.air.zones[1]", "cracs"),
        ("        crac:\n          capacity_kw: 60\n", "        air_handler: {}\n        crac:\n          capacity_kw: 60\n",
         "cooling.air.zones[1].crac", "give one of 'air_handler', 'crah' or 'crac', not both 'air_handler' and 'crac'"),
        ("      zone: south\n", "      zone: soth\n", "it.clusters[1].zone", "no air zone 'soth'"),
        ("          return_air_c: 27\n", "          return_air_c: 20\n", "cooling.air.zones[1].crac.return_air_c",
         "must be warmer than zone 'south''s supply air (21 °C)"),
        ("    zones:\n", "    chilled_water_c: 12\n    zones:\n", "cooling.air.chilled_water_c",
         "does not apply when every zone has 'crac'"),
        ("    zones:\n", "    crac: {}\n    zones:\n", "cooling.air.crac", "each zone has its own 'air_handler', 'crah' or 'crac'"),
        ("        supply_air_c: 21\n", "        supply_air_c: 41\n", "cooling.air.zones[1].supply_air_c", "outside class A3's allowable"),
        ("        crac:\n          capacity_kw: 60\n", "        zone_air: {volume_m3: 900}\n        crac:\n          capacity_kw: 60\n",
         "cooling.air.zones[1].zone_air", "'zone_air' is for an air-handler zone"),
    ])
    func problemsNameTheZoneAndKey(original: String, replacement: String, keyPath: String, message: String) throws {
        expectRefused(site: "two-hall-crac", edits: [(original, replacement)], key: keyPath, message: message)
    }

    /// A zone without units says which keys would give it some.
    @Test func aZoneWithoutUnitsIsRefused() throws {
        expectRefused(site: "two-hall-crac",
                      edits: [("        crac:\n          capacity_kw: 60\n          air_flow_m3_per_s: 6\n          return_air_c: 27\n          coil_wet_bulb_c: 18.9\n", "")],
                      key: "cooling.air.zones[1]", message: "zone 'south' has no cooling: give it 'air_handler'")
    }
}
