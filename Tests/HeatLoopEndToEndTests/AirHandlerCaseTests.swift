import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// A room with an air handler (issue 16 item 3): EnergyPlus's pumped-DX example room in Chicago with its CRAC
/// replaced by the 2-zone example's air-handler chain (economiser to 23 °C, direct and indirect evaporative
/// coolers, chilled-water coil on 7 °C water from an air-cooled chiller) through a whole year.
@Suite struct AirHandlerCaseTests {
    static let airHandler = """
        chilled_water_c: 7
        delta_t_k: 4
        rejection: {chiller: {}}
        air_handler:
          air_flow_m3_per_s: 8.5
          room_air_c: 29.3
          economiser: {max_dry_bulb_c: 23}
          direct_evaporative: {}
          indirect_evaporative: {}

    """

    func series(_ result: SimulationResult, _ name: OutputSeries) -> [Double] {
        guard case .float32(let values) = result.values(of: name) else { return [] }
        return values.map(Double.init)
    }

    func simulateAirHandler(_ handler: String = airHandler) throws -> (SiteInput, SimulationResult) {
        let text = try String(contentsOfFile: PackagePaths.site("energyplus/crac-pumped-dx"), encoding: .utf8)
        let crac = try #require(text.range(of: "    crac:\n"))
        return try simulate(site: "energyplus/crac-pumped-dx", edits: [(String(text[crac.lowerBound...]), handler)])
    }

    /// The balance closes every step; outdoor air cools the winter alone (the chiller runs in < 1 % of January's
    /// steps: below the economiser's −20 °C), the summer
    /// needs the evaporative coolers' water and the coil's chiller; the supply air stays at or below 25 °C
    /// whenever the load is met, and the design step filled the air flow and the coil's UA.
    @Test func yearInChicago() throws {
        let (input, result) = try simulateAirHandler()
        let annual = RunSummary(result).annual
        #expect(annual.maximumEnergyBalanceResidual < 1e-6)
        let handler = try #require(input.designed.spec.cooling.air.airHandler)
        #expect((handler.airFlowM3PerS ?? 0) > 0 && (handler.coil.uaWPerK ?? 0) > 0)

        let stepsPerDay = 24 * 60 / input.spec.timestepMin
        let january = 0..<(31 * stepsPerDay), july = (181 * stepsPerDay)..<(212 * stepsPerDay)
        let water = series(result, .waterUse), chiller = series(result, .chillerPower)
        let supply = series(result, .airSupplyTemp), unmet = series(result, .unmetCooling)
        #expect(january.filter { chiller[$0] > 0 }.count < january.count / 100, "the economiser alone cools January")
        #expect(july.contains { water[$0] > 0 }, "the evaporative coolers use water in July")
        #expect(july.contains { chiller[$0] > 0 }, "the coil's chiller runs in July")
        #expect(zip(supply, unmet).allSatisfy { $0.1 > 0 || $0.0 <= 25 + 1e-6 })
        #expect(annual.wue > 0)
        #expect(Double(unmet.filter { $0 > 0 }.count) < 0.01 * Double(unmet.count))
    }

    /// Keys are validated with the key's path and its range; an air handler excludes CRAC units and CRAH fan keys.
    @Test func keysAreChecked() throws {
        let bad = Self.airHandler.replacingOccurrences(of: "direct_evaporative: {}", with: "direct_evaporative: {effectiveness: 1.5}")
        #expect(throws: (any Error).self) { try simulateAirHandler(bad) }
        do {
            _ = try simulateAirHandler(bad)
        } catch {
            let message = "\(error)"
            #expect(message.contains("air_handler.direct_evaporative.effectiveness") && message.contains("0…1"), "\(message)")
        }
        let withCRAHFan = Self.airHandler + "    fan_pressure_pa: 400\n"
        do {
            _ = try simulateAirHandler(withCRAHFan)
            Issue.record("a CRAH fan key with an air handler must be rejected")
        } catch {
            #expect("\(error)".contains("fan_pressure_pa"), "\(error)")
        }
    }
}
