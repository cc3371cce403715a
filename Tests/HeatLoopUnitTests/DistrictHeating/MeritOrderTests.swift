import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("District-heating merit order")
struct MeritOrderTests {
    /// A 5 MW must-run incinerator (−10 €/MWh, 0 g/kWh), 10 MW of CHP (40 €/MWh, 200 g/kWh), 20 MW of gas boilers
    /// (60 €/MWh, 220 g/kWh).
    static let order = MeritOrder([
        HeatProducer(name: "boilers", kind: .gasBoiler, capacity: .megawatts(20), mustRun: false, marginalCost: 60, co2Intensity: 220),
        HeatProducer(name: "incinerator", kind: .wasteIncineration, capacity: .megawatts(5), mustRun: true,
                     marginalCost: -10, co2Intensity: 0),
        HeatProducer(name: "chp", kind: .chp, capacity: .megawatts(10), mustRun: false, marginalCost: 40, co2Intensity: 200),
    ])

    @Test func mustRunFillsSummerAndCheaperProducersKeepTheirPlace() {
        // Summer: 3 MW needed, the incinerator covers it: nothing for the data center.
        #expect(Self.order.offer(need: 3e6, price: 35) == 0)
        // 12 MW: 7 MW left after the incinerator, all dearer than 35 €/MWh.
        #expect(Self.order.offer(need: 12e6, price: 35) == 7e6)
        // At 50 €/MWh the CHP (40) keeps its 10 MW: 25 − 5 − 10 = 10 MW for the data center.
        #expect(Self.order.offer(need: 25e6, price: 50) == 10e6)
        // As dear as the boilers: they keep their place too.
        #expect(Self.order.offer(need: 25e6, price: 60) == 0)
    }

    @Test func displacesTheDearestRunningProducerFirst() {
        // 12 MW needed: the CHP runs 7 MW, the boilers nothing; 7 MW delivered displace the CHP's 7 MW.
        let chp = Self.order.displaced(need: 12e6, delivered: 7e6)
        #expect(chp.heat == 7e6 && chp.co2Weighted == 7e6 * 200 && chp.costWeighted == 7e6 * 40)
        // 25 MW: CHP 10, boilers 10; 12 MW delivered displace the boilers' 10 MW, then 2 MW of CHP.
        let both = Self.order.displaced(need: 25e6, delivered: 12e6)
        #expect(both.heat == 12e6)
        #expect(both.co2Weighted == 10e6 * 220 + 2e6 * 200)
        #expect(both.costWeighted == 10e6 * 60 + 2e6 * 40)
        // 40 MW: 5 MW more than every producer can give; 8 MW delivered cover those 5 first, then 3 of boilers.
        let short = Self.order.displaced(need: 40e6, delivered: 8e6)
        #expect(short.heat == 3e6 && short.co2Weighted == 3e6 * 220)
    }

    @Test func withoutProducersTheNetworkTakesWhatItNeeds() {
        let network = DistrictHeatingNetwork(
            supplyCurve: .constant(Celsius(70)), returnCurve: .constant(Celsius(40)), connection: .megawatts(10),
            demand: .constant(.megawatts(4)), losses: .shareOfFeedIn(0.2))
        let calendar = SimulationCalendar(year: 2025, stepMinutes: 60)
        let outdoor = [Double](repeating: 5, count: 8_760)
        let conditions = network.conditions(outdoor: outdoor, hourlyOutdoor: outdoor, dailyMeanOutdoor: outdoor, calendar: calendar)
        #expect(conditions.need.allSatisfy { $0 == 4e6 / 0.8 })
        #expect(conditions.offer == conditions.need)
        #expect(conditions.need.indices.allSatisfy { conditions.losses(at: $0).isApproximatelyEqual(to: 1e6, relativeTolerance: 1e-12) })
    }
}
