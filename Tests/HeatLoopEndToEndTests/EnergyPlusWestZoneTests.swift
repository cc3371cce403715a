import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// The West zone of `2ZoneDataCenterHVAC_wEconomizer.idf` alone (`Tests/energyplus/2zone-west-zone.yaml`: economiser,
/// direct and indirect evaporative coolers, DX coil; as a one-zone list with the 2-zone site's West `zone_air`) against that zone's EnergyPlus 25.2 figures
/// (`energyplus_2zone_west.csv`, `energyplus_2zone_west_hourly_inlet.csv`) on the four shared climates.
///
/// The zone keeps its own air (`zone_air`: EnergyPlus's predictor-corrector, its surfaces and its supply plenum), so it
/// floats above its 23 °C setpoint as EnergyPlus's does and its servers take in the plenum's warmer air. Measured
/// 2026-12-05 (held at 23 °C without a plenum before): IT +0.3, +1.3, +1.6, −1.4 % (was −5.1, −4.0, −3.6, −7.3 %),
/// cooling (DX + supply fan + coolers) +1.2, −1.9, −1.6, −3.8 % (was −4.8, −3.3, −9.0, −11.1 %), hourly inlet MAE
/// 0.14, 0.17, 0.20, 0.24 K (was 0.62, 0.48, 0.45, 0.88) in Chicago, San Francisco, Tampa, Tucson: issue 16's targets.
/// The bounds below are that state, so a change that widens the gap fails.
@Suite struct EnergyPlusWestZoneTests {
    static let folder = "\(PackagePaths.root)/Tests/energyplus"

    @Test func westZoneAgainstEnergyPlus() throws {
        let annual = try ReferenceCSV(path: "\(Self.folder)/energyplus_2zone_west.csv")
        let hourly = try ReferenceCSV(path: "\(Self.folder)/energyplus_2zone_west_hourly_inlet.csv")
        #expect(annual.records.count == 4)
        let variant = "\(Self.folder)/2zone-west-zone-air-\(UUID().uuidString).yaml"
        try AirZonesTests.westZoneAsOneZoneList(zoneAir: true).write(toFile: variant, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: variant) }
        for record in annual.records {
            let climate = try #require(record["climate"])
            let number = { (name: String) throws in try #require(Double(record[name] ?? "")) }
            let name = try #require(EnergyPlusComparisonTests.climates[climate])
            let weather = try #require(PackagePaths.climates[name])
            let input = try SiteInput.load(path: variant, weatherOverride: PackagePaths.weather(weather))
            let result = try ScenarioRunner(input: input).simulate()
            let kpis = RunSummary(result).annual
            let itKWh = try number("ite_cpu_kWh") + number("ite_fan_kWh")
            let coolingKWh = try number("dx_coil_kWh") + number("supply_fan_kWh") + number("iec_kWh") + number("dec_kWh")
            let column = try hourly.column(climate)
            let reference = hourly.rows.map { Double($0[column]) ?? .nan }
            let inlet = EnergyPlusComparisonTests.hourly(result.columns[.itInletTemp], stepsPerHour: 60 / input.spec.timestepMin)
            try #require(inlet.count == reference.count)
            let meanAbsoluteDifference = zip(inlet, reference).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(inlet.count)
            let it = kpis.itMWh * 1000 / itKWh - 1, cooling = kpis.coolingMWh * 1000 / coolingKWh - 1
            #expect((-0.02 ... 0.02).contains(it), "West zone \(climate): IT \(kpis.itMWh) MWh vs \(itKWh / 1000)")
            #expect(abs(cooling) <= 0.04, "West zone \(climate): cooling \(kpis.coolingMWh) MWh vs \(coolingKWh / 1000)")
            #expect(meanAbsoluteDifference <= 0.25, "West zone \(climate): hourly IT inlet MAE \(meanAbsoluteDifference) K")
            #expect(kpis.maximumEnergyBalanceResidual < 1e-6)
        }
    }
}
