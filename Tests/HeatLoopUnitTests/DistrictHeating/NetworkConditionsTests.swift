import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("District-heating network conditions: pipe losses through the year, return rise, summer bypass")
struct NetworkConditionsTests {
    static let calendar = SimulationCalendar(year: 2025, stepMinutes: 60)
    /// 10 ± 10 °C, coldest mid-January.
    static let outdoor = (0..<8_760).map { 10 - 10 * cos(2 * Double.pi * (Double($0) / 24 - 15) / 365) }
    static let pipes = NetworkLosses.pipes(
        [PipeSection(length: 10_000, diameter: .dn200, insulation: .series2, cover: 0.6, insulationConductivity: 0.027,
                     soilConductivity: 1.5)], diffusivity: NetworkLosses.soilDiffusivity(conductivity: 1.5))

    static func network(losses: NetworkLosses, returnRise: Double = 0, minimumFlow: Double = 0) -> DistrictHeatingNetwork {
        DistrictHeatingNetwork(
            supplyCurve: OutdoorResetCurve(points: [(-15, 80), (15, 65)]), returnCurve: .constant(Celsius(40)),
            connection: .megawatts(20),
            demand: .degreeHours(.annual(.megawattHours(40_000)), heatingLimit: Celsius(15), hotWaterShare: 0.15),
            losses: losses, returnRise: TemperatureDelta(returnRise), minimumFlow: KilogramsPerSecond(minimumFlow))
    }

    static func conditions(_ network: DistrictHeatingNetwork) -> NetworkConditions {
        network.conditions(outdoor: outdoor, hourlyOutdoor: outdoor, dailyMeanOutdoor: outdoor, calendar: calendar)
    }

    /// Pipe losses follow the pipe-to-ground temperature difference, not the load: the consumers' demand varies
    /// several-fold over the year, the losses by under 60 % (supply 65–72 °C, ground ±6.6 K at 1 m), so their share is largest in summer.
    @Test func pipeLossesNearlyConstantThroughTheYear() throws {
        let result = Self.conditions(Self.network(losses: Self.pipes))
        let losses = result.need.indices.map { result.losses(at: $0) }
        let lowest = try #require(losses.min()), highest = try #require(losses.max())
        #expect(highest / lowest < 1.6)
        #expect(try #require(result.consumers.max()) / #require(result.consumers.min()) > 3)
        let january = 0..<744, july = 4_344..<5_088
        func share(_ hours: Range<Int>) -> Double {
            hours.reduce(0) { $0 + losses[$1] } / hours.reduce(0) { $0 + result.need[$1] }
        }
        #expect(share(july) > 2 * share(january))
        // 10 km of DN 200 at ~70/40 °C in ~10 °C ground: ~0.27 MW (26–30 W per trench metre).
        let mean = losses.reduce(0, +) / Double(losses.count)
        #expect(mean > 0.24e6 && mean < 0.32e6)
        #expect(result.need.indices.allSatisfy { (result.consumers[$0] + losses[$0]).isApproximatelyEqual(to: result.need[$0], relativeTolerance: 1e-12) })
    }

    @Test func returnRisesWithLoadAndWithTheSummerBypass() throws {
        let plain = Self.conditions(Self.network(losses: Self.pipes))
        let rising = Self.conditions(Self.network(losses: Self.pipes, returnRise: 5))
        let peak = try #require(rising.consumers.indices.max { rising.consumers[$0] < rising.consumers[$1] })
        #expect(rising.returnTemperature[peak].isApproximatelyEqual(to: 45, relativeTolerance: 1e-12))
        // 30 kg/s of circulation: in July ~1.5 MW at a 25 K spread would need only ~14 kg/s.
        let bypass = Self.conditions(Self.network(losses: Self.pipes, minimumFlow: 30))
        let july = 4_344 + 12
        #expect(bypass.returnTemperature[july] > plain.returnTemperature[july] + 5)
        // The bypass's return carries the heat needed at the minimum flow (set before the raised return's extra
        // pipe loss, which one more pass adds: within 10 %).
        let spread = bypass.supply[july] - bypass.returnTemperature[july]
        #expect((30 * Fluid.waterSpecificHeat * spread).isApproximatelyEqual(to: bypass.need[july], relativeTolerance: 0.1))
        // Raised returns lose more in the pipes.
        #expect(bypass.losses(at: july) > plain.losses(at: july))
        // In January the flow is above the minimum: no change.
        #expect(bypass.returnTemperature[12] == plain.returnTemperature[12])
    }
}
