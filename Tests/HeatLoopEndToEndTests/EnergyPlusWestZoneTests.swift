import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// The West zone of `2ZoneDataCenterHVAC_wEconomizer.idf` alone (`Tests/energyplus/2zone-west-zone.yaml`: economiser,
/// direct and indirect evaporative coolers, DX coil) against that zone's EnergyPlus 25.2 figures
/// (`energyplus_2zone_west.csv`, `energyplus_2zone_west_hourly_inlet.csv`) on the four shared climates.
///
/// Known gap, recorded rather than hidden: issue 16's targets (IT within 3 %, cooling within 5 %, hourly inlet
/// MAE ≤ 0.5 K) are not met yet. Measured 2026-12-05: IT −3.6 … −7.3 %, cooling (DX + supply fan + coolers)
/// −3.3 … −11 %, inlet MAE 0.45 … 0.88 K, HeatLoop's inlet 0.4–0.9 K colder. EnergyPlus's zone floats ≈ 0.9 K
/// above its 23 °C setpoint on average (the supply reset acts on the previous step's zone) and its supply
/// plenum warms the supply air by ≈ 0.5 K; HeatLoop holds the room at 23 °C and has no plenum or envelope.
/// The bounds below are that state, so a change that widens the gap fails.
@Suite struct EnergyPlusWestZoneTests {
    static let folder = "\(PackagePaths.root)/Tests/energyplus"

    @Test func westZoneAgainstEnergyPlus() throws {
        let annual = try ReferenceCSV(path: "\(Self.folder)/energyplus_2zone_west.csv")
        let hourly = try ReferenceCSV(path: "\(Self.folder)/energyplus_2zone_west_hourly_inlet.csv")
        #expect(annual.records.count == 4)
        for record in annual.records {
            let climate = try #require(record["climate"])
            let number = { (name: String) throws in try #require(Double(record[name] ?? "")) }
            let name = try #require(EnergyPlusComparisonTests.climates[climate])
            let weather = try #require(PackagePaths.climates[name])
            let input = try SiteInput.load(path: "\(Self.folder)/2zone-west-zone.yaml",
                                           weatherOverride: PackagePaths.weather(weather))
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
            #expect((-0.08 ... -0.02).contains(it), "West zone \(climate): IT \(kpis.itMWh) MWh vs \(itKWh / 1000)")
            #expect(abs(cooling) <= 0.12, "West zone \(climate): cooling \(kpis.coolingMWh) MWh vs \(coolingKWh / 1000)")
            #expect(meanAbsoluteDifference <= 1.0, "West zone \(climate): hourly IT inlet MAE \(meanAbsoluteDifference) K")
            #expect(kpis.maximumEnergyBalanceResidual < 1e-6)
        }
    }
}
