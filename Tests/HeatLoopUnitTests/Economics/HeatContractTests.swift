import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("Heat prices and contracts")
struct HeatContractTests {
    static let calendar = SimulationCalendar(year: 2025, stepMinutes: 60)

    /// 1 MW all year at 12 monthly prices (January 1 €/MWh … December 12): Σ_m p_m · hours_m
    /// = (31·1 + 28·2 + 31·3 + 30·4 + 31·5 + 30·6 + 31·7 + 31·8 + 30·9 + 31·10 + 30·11 + 31·12) · 24 = 2,382 · 24 = 57,168 €.
    @Test func monthlyPriceWeightsEachMonthsHours() {
        let delivered = [Float](repeating: 1e6, count: 8_760)
        var totals = EnergyTotals()
        totals.heatDelivered = 1e6 * 3600 * 8_760
        let monthly = HeatPrice.monthly((1...12).map(Double.init))
        #expect(monthly.revenue(delivered: delivered, totals: totals, calendar: Self.calendar)
            .isApproximatelyEqual(to: 57_168, relativeTolerance: 1e-12))
        #expect(HeatPrice.constant(eurosPerMegawattHour: 30).revenue(delivered: delivered, totals: totals, calendar: Self.calendar)
            == 30 * 8_760)
        #expect(monthly.bids(calendar: Self.calendar)[24 * 40] == 2)
        // Avoided cost: the displaced producers' cost, and the fallback for the rest.
        totals.heatDisplacingProducers = totals.heatDelivered / 2
        totals.displacedProducerCost = 200_000
        #expect(HeatPrice.displacedProducer(fallback: 10).revenue(delivered: delivered, totals: totals, calendar: Self.calendar)
            .isApproximatelyEqual(to: 200_000 + 10 * 4_380, relativeTolerance: 1e-12))
        #expect(HeatPrice.displacedProducer(fallback: 10).bids(calendar: Self.calendar).allSatisfy { $0 == 0 })
    }

    @Test func takeOrPayAvailabilityAndConnectionFee() {
        let contract = HeatContract(takeOrPay: TakeOrPay(minimum: .megawattHours(10_000), price: 20),
                                    availability: AvailabilityCommitment(committed: .megawatts(2), penalty: 50),
                                    connectionFee: 250_000)
        #expect(contract.takeOrPayPayment(delivered: .megawattHours(8_000)) == 40_000)
        #expect(contract.takeOrPayPayment(delivered: .megawattHours(12_000)) == 0)
        // Asked 3, 1, 2 MW; delivered 1, 1, 2: short min(2, 3) − 1 = 1 MW in the first hour only.
        let short = contract.availabilityShortfall(asked: [3e6, 1e6, 2e6], delivered: [1e6, 1e6, 2e6], stepSeconds: 3600)
        #expect(short.megawattHours == 1)
        #expect(contract.penalty(shortfall: short) == 50)

        let economics = ProjectEconomics(capital: CapitalCost(heatPumpEurosPerKilowatt: 700, heatPumpScaleExponent: 1),
                                         heatPrice: .constant(eurosPerMegawattHour: 40), contract: contract,
                                         maintenanceFraction: 0, discountRate: 0, lifetimeYears: 10)
        let size = ProjectSize(heatPumpCapacity: .megawatts(1), storageVolume: 0, connectionCapacity: .megawatts(1), isConnected: true)
        let flows = AnnualFlows(heatDelivered: .megawattHours(8_000), heatRevenue: 320_000, heatPumpElectricityCost: 100_000,
                                coolingEnergySaved: Joules(0), coolingSavings: 0, co2Avoided: 0, availabilityShortfall: short)
        let result = economics.assess(size: size, flows: flows)
        #expect(result.capex.connectionFee == 250_000)
        // CF = 320,000 + 40,000 take-or-pay − 100,000 − 50 penalty.
        #expect(result.netCashFlow == 259_950)
        #expect(result.npv == -result.capex.total + 10 * 259_950)
    }
}
