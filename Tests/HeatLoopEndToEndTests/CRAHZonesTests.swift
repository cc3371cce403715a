import Foundation
@testable import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// CRAH air zones (`cooling.air.zones[].crah`, `AirZoneUnit.crah`, `AirHandlerZones`): each zone is a one-zone CRAH
/// hall (`AirSide.chilledWater`) on its own servers, supply air and moisture, their coils on the air loop's one
/// chilled-water plant; the site's checks name the zone and the key.
@Suite struct CRAHZonesTests {
    /// The Tucson CRAH hall (`Sites/tucson-enterprise-air.yaml`) as two identical zones with half the servers each,
    /// its CRAH keys (`air_delta_t_k`) in each zone's `crah`.
    static func halves() throws -> String {
        let text = try String(contentsOfFile: PackagePaths.site("tucson-enterprise-air"), encoding: .utf8)
        let clusters = try #require(text.range(of: "  clusters:\n")), electrical = try #require(text.range(of: "\nelectrical:"))
        let cluster = String(text[clusters.upperBound..<electrical.lowerBound])
            .replacingOccurrences(of: "      nodes: 5000\n", with: "      nodes: 2500\n")
        try #require(cluster.contains("nodes: 2500\n") && cluster.hasPrefix("    - name: enterprise\n"))
        let half = { (zone: String) in
            cluster.replacingOccurrences(of: "    - name: enterprise\n", with: "    - name: enterprise-\(zone)\n      zone: \(zone)\n") + "\n"
        }
        let rest = String(text[electrical.lowerBound...])
        try #require(rest.contains("    air_delta_t_k: 11\n"))
        let zones = "    zones:\n" + ["a", "b"].map { "      - name: \($0)\n        crah: {air_delta_t_k: 11}\n" }.joined()
        return String(text[..<clusters.upperBound]) + half("a") + half("b")
            + rest.replacingOccurrences(of: "    air_delta_t_k: 11\n", with: zones)
    }

    /// Two identical CRAH zones with half the IT each are the one CRAH hall: same IT, cooling and facility energy and
    /// PUE, and the same hours on mechanical cooling; the zoned site's resolved description reads back.
    @Test func twoHalfZonesAreTheOneHall() throws {
        let variant = PackagePaths.site("tucson-enterprise-air-variant-halves-" + UUID().uuidString)
        try Self.halves().write(toFile: variant, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: variant) }
        let input = try SiteInput.load(path: variant)
        // The resolved site (zones' `crah` written in full, no one-zone CRAH keys) reads back as the same site.
        let resolved = PackagePaths.site("tucson-enterprise-air-variant-resolved-" + UUID().uuidString)
        try input.resolvedYAML.write(toFile: resolved, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: resolved) }
        #expect(try SiteInput.load(path: resolved).spec == input.spec)
        let zonedRun = try ScenarioRunner(input: input).simulate()
        guard case .zones(let model, let loop) = zonedRun.site.airSide, case .crah = model.units[0], case .crah = model.units[1] else {
            Issue.record("the variant is not two CRAH zones")
            return
        }
        #expect(model.names == ["a", "b"] && model.clusterZone == [0, 1] && loop != nil)
        let singleRun = try simulate(site: "tucson-enterprise-air").1
        guard case .chilledWater(let hall, let hallLoop) = singleRun.site.airSide else {
            Issue.record("tucson-enterprise-air is not a CRAH hall")
            return
        }
        // The plant is designed for the same heat: the zones' heat and fans' sum to the hall's.
        #expect(loop?.designHeat.value.isApproximatelyEqual(to: hallLoop.designHeat.value, relativeTolerance: 1e-12) == true)
        if case .crah(let a) = model.units[0] {
            #expect(a.fan.designPower.value.isApproximatelyEqual(to: hall.fan.designPower.value / 2, relativeTolerance: 1e-12))
        }
        let zones = RunSummary(zonedRun).annual, single = RunSummary(singleRun).annual
        #expect(zones.itMWh.isApproximatelyEqual(to: single.itMWh, relativeTolerance: 1e-9))
        #expect(zones.coolingMWh.isApproximatelyEqual(to: single.coolingMWh, relativeTolerance: 1e-9))
        #expect(zones.facilityMWh.isApproximatelyEqual(to: single.facilityMWh, relativeTolerance: 1e-9))
        #expect(zones.pue.isApproximatelyEqual(to: single.pue, relativeTolerance: 1e-9))
        #expect(zonedRun.annual.mechanicalHours == singleRun.annual.mechanicalHours)
        #expect(zones.maximumEnergyBalanceResidual < 1e-9)
    }

    /// One step of a CRAH zone by hand is the one-zone CRAH hall's step (`AirSide.collect` then `finish`) on the same
    /// heat: fans, pump, plant, the chilled water it leaves and the supply air, and a moist hall's condensation.
    @Test func aCRAHZoneStepIsTheHallsStep() throws {
        let site = try ScenarioRunner(input: SiteInput.load(path: PackagePaths.site("tucson-enterprise-air"))).simulation.site
        guard case .chilledWater(let crahs, let loop) = site.airSide else {
            Issue.record("tucson-enterprise-air is not a CRAH hall")
            return
        }
        let zones = AirHandlerZones(names: ["hall"], units: [.crah(crahs)], clusterZone: [0])
        let humidity = Psychrometrics.saturationHumidityRatio(temperature: 20, pressure: site.hallHumidity.pressure)
        var hallState = SimulationState(site: site), zoneState = hallState
        hallState.hallHumidityRatio = humidity
        (zoneState.zoneSupplyAir, zoneState.zoneHumidityRatio, zoneState.zoneAirHistory) = ([crahs.supplyAirSetpoint.value], [humidity], [0, 0, 0])
        let weather = AirSideWeather(dryBulb: 35, wetBulb: 20, humidityRatio: 0.008), heat = 2.1e6
        // The hall: its coil at the chilled water condenses the 20 °C-dew-point air (`StepPlan.collectHeat`).
        let moisture = site.hallHumidity.step(
            hallHumidityRatio: humidity, outdoorHumidityRatio: weather.humidityRatio, outdoorAirFraction: 0,
            airMassFlow: site.airSide.airMassFlow(heat: heat),
            coilSurface: (hallState.airSupply, site.hallHumidity.coilSaturation(temperature: hallState.airSupply)))
        #expect(moisture.latentLoad > 0)
        let collection = site.airSide.collect(heat: heat + moisture.latentLoad, fanPower: site.airSide.fanPower(heat: heat),
                                              state: hallState, stepSeconds: 900)
        let one = site.airSide.finish(collection, recovered: 0, state: &hallState, weather: weather,
                                      hallHumidity: site.hallHumidity, stepSeconds: 900)
        let (zone, hall) = zones.finish(loop, heat: [heat], serverReturn: [.nan], recovered: 0, state: &zoneState, weather: weather,
                                        hallHumidity: site.hallHumidity, stepSeconds: 900)
        for (a, b) in [(zone.fanPower, one.fanPower), (zone.pumpPower, one.pumpPower), (zone.compressorPower, one.compressorPower),
                       (zone.heatIn, one.heatIn), (zone.heatOut, one.heatOut), (zone.machineHeat, one.machineHeat),
                       (zone.supplyAir, one.supplyAir), (zone.returnAir, one.returnAir), (hall.latentLoad, moisture.latentLoad),
                       (zoneState.airSupply, hallState.airSupply), (zoneState.zoneSupplyAir[0], hallState.supplyAir)] {
            #expect(a.isApproximatelyEqual(to: b, relativeTolerance: 1e-12), "\(a) vs \(b)")
        }
        #expect(zone.mode == one.mode && zoneState.zoneHumidityRatio[0] == moisture.supplyHumidityRatio)
        #expect(hall.supplyHumidityRatio.isApproximatelyEqual(to: moisture.supplyHumidityRatio, relativeTolerance: 1e-12))
        // The zone's air (its servers' recirculation) is its supply plus the IT's air rise, as the hall's return.
        #expect(zoneState.zoneAirHistory[0] == hallState.supplyAir + crahs.airTemperatureRise.value)
    }

    /// The two-hall CRAC site with its south hall on CRAHs (`crah: {}`) beside the north CRAC hall: the plant carries
    /// the south hall's heat (its pump runs), the south servers take in the CRAHs' supply air, 21 °C or the chilled
    /// water of the step before + 3 K (21 − 18 °C at design), with 10 % of the room air at that supply + 12 K
    /// (`air_delta_t_k`'s default), the north hall's inlets barely move, and the balance closes.
    @Test func aCRAHZoneBesideACRACZone() throws {
        let south = "        crac:\n          capacity_kw: 60\n          air_flow_m3_per_s: 6\n          return_air_c: 27\n          coil_wet_bulb_c: 18.9\n"
        let (_, mixed) = try simulate(site: "two-hall-crac", edits: [(south, "        crah: {}\n")])
        guard case .zones(let zones, let loop) = mixed.site.airSide, case .crac = zones.units[0],
              case .crah(let crahs) = zones.units[1] else {
            Issue.record("the variant is not a CRAH zone beside a CRAC zone")
            return
        }
        #expect(loop?.supplySetpoint.value == 18 && crahs.supplyAirSetpoint.value == 21 && crahs.coilApproach.value == 3)
        let crac = try simulate(site: "two-hall-crac").1
        let steps = mixed.columns.count
        let inlets = mixed.columns[.clusterInletTemp], water = mixed.columns[.chilledWaterSupplyTemp]
        var worst = 0.0
        for step in 1..<steps {
            let supply = max(21, Double(water[step - 1]) + 3)
            worst = max(worst, abs(Double(inlets[steps + step]) - (supply + 0.1 * 12)))
        }
        #expect(worst < 1e-4, "south inlet off its CRAHs' supply by \(worst) K")
        func mean(_ result: SimulationResult, _ series: OutputSeries, cluster: Int = 0) -> Double {
            let values = result.columns[series]
            return (0..<steps).reduce(0) { $0 + Double(values[cluster * steps + $1]) } / Double(steps)
        }
        #expect(abs(mean(mixed, .clusterInletTemp) - mean(crac, .clusterInletTemp)) < 0.02)
        #expect(mean(mixed, .pumpPower) > mean(crac, .pumpPower))
        #expect(mean(mixed, .chilledWaterSupplyTemp).isFinite && mean(crac, .chilledWaterSupplyTemp).isNaN)
        #expect(RunSummary(mixed).annual.maximumEnergyBalanceResidual < 1e-9)
    }

    /// EnergyPlus's 2-zone site (`Sites/energyplus/2zone-economizer.yaml`) with its East zone on CRAHs supplying 20 °C
    /// beside the West air handler: both on the one chilled-water plant (7 °C). The plant carries the CRAHs' heat and
    /// fans' (more than the East air handler's coil, whose economiser and evaporative coolers took most of it), the
    /// East servers take in the CRAHs' supply, 20 °C or the chilled water of the step before + 13 K, + their 2 K
    /// approach, the West zone's inlets stay within 0.1 K, and the balance closes.
    @Test func aCRAHZoneBesideAnAirHandlerZone() throws {
        let site = try String(contentsOfFile: PackagePaths.site("energyplus/2zone-economizer"), encoding: .utf8)
        let eastStart = try #require(site.range(of: "      - name: east\n"))
        let east = String(site[eastStart.upperBound...])
        try #require(east.hasPrefix("        air_handler:\n") && !east.contains("zone_air"))
        let (_, mixed) = try simulate(site: "energyplus/2zone-economizer", edits: [(east, "        supply_air_c: 20\n        crah: {}\n")])
        guard case .zones(let zones, let loop) = mixed.site.airSide, case .airHandler = zones.units[0],
              case .crah(let crahs) = zones.units[1] else {
            Issue.record("the variant is not a CRAH zone beside an air-handler zone")
            return
        }
        #expect(loop != nil && crahs.supplyAirSetpoint.value == 20 && crahs.coilApproach.value == 13)
        let original = try simulate(site: "energyplus/2zone-economizer").1
        let steps = mixed.columns.count
        let inlets = mixed.columns[.clusterInletTemp], water = mixed.columns[.chilledWaterSupplyTemp]
        var worst = 0.0
        for step in 1..<steps {
            worst = max(worst, abs(Double(inlets[steps + step]) - (max(20, Double(water[step - 1]) + 13) + 2)))
        }
        #expect(worst < 1e-4, "east inlet off its CRAHs' supply by \(worst) K")
        func mean(_ result: SimulationResult, _ series: OutputSeries) -> Double {
            let values = result.columns[series]
            return (0..<steps).reduce(0) { $0 + Double(values[$1]) } / Double(steps)
        }
        #expect(abs(mean(mixed, .clusterInletTemp) - mean(original, .clusterInletTemp)) < 0.1)
        #expect(mean(mixed, .pumpPower) > mean(original, .pumpPower))
        #expect(RunSummary(mixed).annual.maximumEnergyBalanceResidual < 1e-6)
    }

    /// Problems of the two-hall example with a CRAH south hall, each with the key it names.
    @Test(arguments: [
        ("        crah: {}\n", "        crah: {}\n        crac: {}\n", "cooling.air.zones[1].crac", "give one of 'air_handler', 'crah' or 'crac', not both 'crah' and 'crac'"),
        ("        crah: {}\n", "        crah: {fan_eficiency: 0.5}\n", "cooling.air.zones[1].crah", "fan_eficiency"),
        ("        crah: {}\n", "        crah: {air_delta_t_k: 50}\n", "cooling.air.zones[1].crah.air_delta_t_k", "3…30"),
        ("        crah: {}\n", "        zone_air: {volume_m3: 900}\n        crah: {}\n", "cooling.air.zones[1].zone_air",
         "'zone_air' is for an air-handler zone; a CRAH zone's air is its supply air plus air_delta_t_k"),
        ("    zones:\n", "    chilled_water_c: 22\n    zones:\n", "cooling.air.zones[1].supply_air_c",
         "CRAH zone 'south''s supply air (21 °C) must be warmer than the chilled water"),
        ("    zones:\n", "    air_delta_t_k: 10\n    zones:\n", "cooling.air.air_delta_t_k", "give it in a CRAH zone's 'crah'"),
    ])
    func problemsNameTheZoneAndKey(original: String, replacement: String, keyPath: String, message: String) throws {
        let south = "        crac:\n          capacity_kw: 60\n          air_flow_m3_per_s: 6\n          return_air_c: 27\n          coil_wet_bulb_c: 18.9\n"
        expectRefused(site: "two-hall-crac", edits: [(south, "        crah: {}\n"), (original, replacement)], key: keyPath,
                      message: message)
    }
}
