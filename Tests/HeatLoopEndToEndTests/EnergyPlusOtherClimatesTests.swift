import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// The three EnergyPlus examples on climates HeatLoop does not ship (issue 16: "expect the same to be checked on
/// climates we do not ship"): Rapid City (1,030 m, cold), Luxembourg and Brest, TMYx years in `../shared/weather`.
/// EnergyPlus 25.2's annual figures are committed in `Tests/energyplus/energyplus_reference_other_climates.csv`
/// (`run_energyplus.py --climates RapidCity,Luxembourg,Brest --commit`); each site must meet the shipped climates'
/// annual criteria there: PUE within 2 %, IT energy within 3 %, cooling energy within 5 %. The hourly inlet is not
/// committed for these climates. Before the towers' basin heater, the 2-zone site's cooling was 6.5 % low in Rapid
/// City (Docs/energyplus.md).
@Suite struct EnergyPlusOtherClimatesTests {
    static let sites = EnergyPlusComparisonTests.sites.merging(
        ["2ZoneDataCenterHVAC_wEconomizer": "energyplus/2zone-economizer"]) { first, _ in first }
    static let weather = ["RapidCity": "USA_SD_Rapid.City.Rgnl.AP.726620_TMYx.2007-2021.epw",
                          "Luxembourg": "LUX_LU_Luxembourg.AP.065900_TMYx.2004-2018.epw",
                          "Brest": "FRA_BT_Brest.Bretagne.AP.071100_TMYx.2009-2023.epw"]

    @Test(arguments: ["1ZoneDataCenterCRAC_wPumpedDXCoolingCoil", "1ZoneDataCenterCRAC_wApproachTemp",
                      "2ZoneDataCenterHVAC_wEconomizer"])
    func annualFiguresMatchEnergyPlus(model: String) throws {
        let annual = try ReferenceCSV(path: "\(EnergyPlusComparisonTests.folder)/energyplus_reference_other_climates.csv")
        let records = annual.records.filter { $0["model"] == model }
        #expect(Set(records.compactMap { $0["climate"] }) == Set(Self.weather.keys))
        for record in records {
            let climate = try #require(record["climate"]), file = try #require(Self.weather[climate])
            let number = { (name: String) throws in try #require(Double(record[name] ?? "")) }
            let input = try SiteInput.load(path: PackagePaths.site(try #require(Self.sites[model])),
                                           weatherOverride: "\(PackagePaths.shared)/weather/\(file)")
            let kpis = RunSummary(try ScenarioRunner(input: input).simulate()).annual
            let it = try number("ite_cpu_kWh") + number("ite_fan_kWh"), cooling = try number("cooling_kWh")
            let pue = try number("pue")
            #expect(abs(kpis.pue / pue - 1) <= 0.02, "\(model) \(climate): PUE \(kpis.pue) vs EnergyPlus \(pue)")
            #expect(abs(kpis.itMWh * 1000 / it - 1) <= 0.03, "\(model) \(climate): IT \(kpis.itMWh) MWh vs \(it / 1000)")
            #expect(abs(kpis.coolingMWh * 1000 / cooling - 1) <= 0.05,
                    "\(model) \(climate): cooling \(kpis.coolingMWh) MWh vs \(cooling / 1000)")
        }
    }
}
