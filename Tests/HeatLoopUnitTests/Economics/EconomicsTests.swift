import HeatLoop
import HeatLoopTestSupport
import Testing

/// Project economics (DESIGN §3.8) against hand-computed cases.
@Suite struct EconomicsTests {
    @Test func annuityFactorMatchesHandComputation() {
        // a = r / (1 − (1 + r)^−L): 6 % over 20 years = 0.0871845570 (tables: A/P 6 %, 20 = 0.08718).
        #expect(Discounting.annuityFactor(rate: 0.06, years: 20).isApproximatelyEqual(to: 0.0871845569768514, relativeTolerance: 1e-12))
        // No interest: capital repaid in equal parts.
        #expect(Discounting.annuityFactor(rate: 0, years: 20) == 0.05)
        // 1,000 € at the end of each of 3 years at 5 %: 952.38 + 907.03 + 863.84 = 2,723.25 €.
        #expect(Discounting.presentValue(annual: 1000, rate: 0.05, years: 3).isApproximatelyEqual(to: 2723.2480293, relativeTolerance: 1e-9))
        // One year: the payment repays capital and one year's interest.
        #expect(Discounting.annuityFactor(rate: 0.08, years: 1).isApproximatelyEqual(to: 1.08, relativeTolerance: 1e-13))
    }

    @Test func capitalCostFollowsTheScaleLawAndConnection() {
        let capital = CapitalCost()   // 700 €/kW at 5 MW, n = 0.7, 300 €/m³, 300 k€ + 50 k€/MW + 1,000 €/m × 1,000 m
        let size = ProjectSize(heatPumpCapacity: .megawatts(10), storageVolume: 1000, connectionCapacity: .megawatts(12),
                               isConnected: true)
        let cost = capital.breakdown(for: size)
        // 700 €/kW × 5,000 kW × 2^0.7: twice the size costs 1.62 times as much.
        #expect(cost.heatPump.isApproximatelyEqual(to: 5_685_766.774493649, relativeTolerance: 1e-12))
        #expect(cost.storage == 300_000)
        #expect(cost.connection == 300_000 + 50_000 * 12 + 1_000 * 1_000)
        #expect(cost.total == cost.heatPump + cost.storage + cost.connection)
        // At the reference size the specific cost is the reference cost; nothing built costs nothing.
        let reference = capital.breakdown(for: ProjectSize(heatPumpCapacity: .megawatts(5), storageVolume: 0,
                                                           connectionCapacity: .megawatts(5), isConnected: false))
        #expect(reference.heatPump.isApproximatelyEqual(to: 3_500_000, relativeTolerance: 1e-12))
        #expect(reference.connection == 0 && reference.storage == 0)
    }

    /// CAPEX 9.1 M€ (7 M€ heat pump at n = 1, 0.3 M€ tank, 1.8 M€ connection); 50 GWh sold at 40 €/MWh,
    /// 0.8 M€ of heat-pump electricity, 50 k€ of cooling saved, 2 % maintenance; 5 % over 20 years.
    static let economics = ProjectEconomics(
        capital: CapitalCost(heatPumpEurosPerKilowatt: 700, heatPumpScaleExponent: 1), heatPrice: .constant(eurosPerMegawattHour: 40),
        maintenanceFraction: 0.02, discountRate: 0.05, lifetimeYears: 20)
    static let size = ProjectSize(heatPumpCapacity: .megawatts(10), storageVolume: 1000, connectionCapacity: .megawatts(10),
                                  isConnected: true)
    static let flows = AnnualFlows(heatDelivered: .megawattHours(50_000), heatRevenue: 2_000_000, heatPumpElectricityCost: 800_000,
                                   coolingEnergySaved: .megawattHours(555), coolingSavings: 50_000, co2Avoided: 10_000)

    @Test func npvLcohAndPaybackMatchHandComputation() {
        let result = Self.economics.assess(size: Self.size, flows: Self.flows)
        #expect(result.capex.total == 9_100_000)
        #expect(result.maintenance == 182_000)
        // CF = 2,000,000 + 50,000 − 800,000 − 182,000 = 1,068,000 €/year.
        #expect(result.netCashFlow == 1_068_000)
        // NPV = −9.1 M€ + 1,068,000 × 12.4622103425 (present value of 1 €/year, 5 %, 20 years).
        #expect(result.npv.isApproximatelyEqual(to: 4_209_640.645832712, relativeTolerance: 1e-10))
        // LCOH = (0.0802425872 × 9.1 M€ + 182 k€ + 800 k€ − 50 k€) / 50,000 MWh.
        #expect(result.lcoh.isApproximatelyEqual(to: 33.244150868705816, relativeTolerance: 1e-10))
        #expect(result.paybackYears.isApproximatelyEqual(to: 9_100_000 / 1_068_000, relativeTolerance: 1e-15))
        #expect(result.co2AvoidedLifetimeTonnes == 200_000)
    }

    @Test func noDiscountingAndLossMakingProjects() {
        var economics = Self.economics
        economics.discountRate = 0
        let undiscounted = economics.assess(size: Self.size, flows: Self.flows)
        #expect(undiscounted.npv.isApproximatelyEqual(to: -9_100_000 + 20 * 1_068_000, relativeTolerance: 1e-12))
        // Heat given away: the cash flow is negative, the project never pays back, NPV < −CAPEX.
        var given = Self.flows
        given.heatRevenue = 0
        let giveaway = economics.assess(size: Self.size, flows: given)
        #expect(giveaway.netCashFlow < 0 && giveaway.paybackYears == .infinity && giveaway.npv < -giveaway.capex.total)
        // No heat delivered: no levelised cost.
        var none = Self.flows
        none.heatDelivered = Joules(0)
        #expect(Self.economics.assess(size: Self.size, flows: none).lcoh.isNaN)
    }

    @Test func electricityPriceSeriesWeightsEachStep() {
        let calendar = SimulationCalendar(year: 2025, stepMinutes: 60)
        // 50 €/MWh at night (00–06) and 110 €/MWh otherwise, every day.
        let day = (0..<24).map { $0 < 6 ? 50.0 : 110.0 }
        let price = ElectricityPrice.series(RegularTrace(quantity: .eurosPerMegawattHour, interval: 3600, start: 0, values: day))
        // 1 MW only at night: 6 MWh/day × 365 × 50 €/MWh.
        let night = (0..<calendar.stepCount).map { Float($0 % 24 < 6 ? 1e6 : 0) }
        let energy = Joules.megawattHours(6 * 365)
        #expect(price.cost(power: night, energy: energy, calendar: calendar).isApproximatelyEqual(to: 6 * 365 * 50, relativeTolerance: 1e-12))
        // A constant price multiplies the energy.
        #expect(ElectricityPrice.constant(eurosPerMegawattHour: 90).cost(power: [], energy: energy, calendar: calendar) == 6 * 365 * 90)
        // Savings are the cost of the difference.
        let flat = [Float](repeating: 2e6, count: calendar.stepCount)
        let saved = price.savings(reference: flat, power: zip(flat, night).map { $0 - $1 }, energySaved: energy, calendar: calendar)
        #expect(saved.isApproximatelyEqual(to: 6 * 365 * 50, relativeTolerance: 1e-12))
    }
}
