import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// The hall's humidity through whole years (issue 15): outdoor humidity reaches the IT inlets only through
/// an air-side economiser; a sealed hall keeps its own; the humidifier's energy closes the facility balance.
@Suite struct HallHumidityCaseTests {
    func series(_ result: SimulationResult, _ name: OutputSeries) -> [Double] {
        guard case .float32(let values) = result.values(of: name) else { return [] }
        return values.map(Double.init)
    }

    func document(_ result: SimulationResult) -> ResultDocument {
        ResultDocument(result: result, summary: RunSummary(result), provenance: RunProvenance(
            heatloopVersion: "test", createdUTC: "", siteConfig: "", siteJSON: "", weatherFile: "", weatherSHA256: ""))
    }

    /// A CRAH hall (sealed, 18 °C chilled water above its 9 °C dew point) in humid Tampa and a DX room
    /// without outdoor air in Chicago: the inlet dew point stays at 9 °C all year while the outdoor dew
    /// point swings by tens of kelvins; no humidifier runs.
    @Test(arguments: [("enterprise-hall-tower", "tampa"), ("energyplus/crac-pumped-dx", "chicago")])
    func sealedHallKeepsItsMoisture(site: String, climate: String) throws {
        let (_, result) = try simulate(site: site, weather: PackagePaths.climates[climate])
        let inlet = series(result, .inletDewPoint)
        let outdoor = result.weather.dewPoint
        #expect((outdoor.max()! - outdoor.min()!) > 20)
        #expect(inlet.allSatisfy { abs($0 - 9) < 0.01 }, "\(site): inlet dew point \(inlet.min()!)…\(inlet.max()!) °C")
        #expect(series(result, .humidifierPower).allSatisfy { $0 == 0 })
        #expect(RunSummary(result).annual.humidifierMWh == 0)
    }

    /// The DX room with an air-side economiser (10 % minimum outdoor air) in Chicago: in winter the dry
    /// outdoor air dries the hall until the humidifier holds it at −9 °C dew point, at an energy that
    /// enters the cooling and facility power step by step (the facility balance still closes).
    @Test func economiserBringsDryWinterAirAndTheHumidifierPays() throws {
        let (_, result) = try simulate(site: "energyplus/crac-pumped-dx", edits: [
            ("economiser: {pumped_refrigerant: {pump_only_below_c: -4, compressor_only_above_c: 34.89}}",
             "economiser: {air_side: {min_outdoor_air: 0.1}}"),
        ])
        let inlet = series(result, .inletDewPoint), humidifier = series(result, .humidifierPower)
        let annual = RunSummary(result).annual
        #expect(annual.humidifierMWh > 0)
        #expect(humidifier.contains { $0 > 0 })
        // Held at the setpoint when humidifying, never below it.
        #expect(inlet.min()! >= -9 - 1e-4)
        #expect(zip(humidifier, inlet).allSatisfy { $0.0 == 0 || abs($0.1 + 9) < 1e-4 })
        // Humid summer outdoor air raises the hall's dew point above its initial 9 °C.
        #expect(inlet.max()! > 9.5)
        checkEnergyBalance(document(result), site: "energyplus/crac-pumped-dx with an air-side economiser")
        #expect(annual.maximumEnergyBalanceResidual < 1e-6)
        // Humidifier water is site water: WUE > 0 although the room has no tower or pads.
        #expect(annual.wue > 0)
    }

    /// A CRAH hall on 7 °C chilled water: the coil condenses the hall down to a 7 °C dew point in the first
    /// step (its latent heat goes into the chilled water) and holds it there; the loop balance closes.
    @Test func coldCoilDriesTheHall() throws {
        let (_, result) = try simulate(site: "enterprise-hall-tower", edits: [("chilled_water_c: 18", "chilled_water_c: 7")])
        let inlet = series(result, .inletDewPoint)
        #expect(inlet.dropFirst().allSatisfy { abs($0 - 7) < 0.05 }, "\(inlet.min()!)…\(inlet.max()!) °C")
        #expect(RunSummary(result).annual.maximumEnergyBalanceResidual < 1e-6)
        checkEnergyBalance(document(result), site: "enterprise-hall-tower at 7 °C chilled water")
    }
}
