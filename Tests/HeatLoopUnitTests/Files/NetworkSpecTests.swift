import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// `district_heating` pipes, producers, return and bypass keys, and the `economics` heat prices and contract.
@Suite struct NetworkSpecTests {
    static let network = SiteSpecTests.valid + """

        heat_recovery:
          heat_pump: {capacity_mw: 2}
          district_heating:
            return_rise_k: 5
            minimum_flow_kg_s: 20
            pipes:
              - {length_m: 3000, dn: 200}
              - {length_m: 500, dn: 80, insulation: series_3, cover_m: 0.8}
            producers:
              - {name: incinerator, kind: waste_incineration, capacity_mw: 1, must_run: true, marginal_cost_eur_per_mwh: 0}
              - {name: boilers, kind: gas_boiler, capacity_mw: 10, marginal_cost_eur_per_mwh: 60, co2_g_per_kwh: 220}
            demand: {constant: {mw: 3}}
        economics:
          heat_price_monthly_eur_per_mwh: [40, 40, 38, 34, 30, 28, 28, 28, 30, 34, 38, 40]
          take_or_pay: {minimum_mwh: 5000}
          availability: {committed_mw: 1, penalty_eur_per_mwh: 30}
          connection_fee_eur: 100000
        """

    func problems(_ text: String) -> [SpecProblem] { SiteSpecTests().problems(text) }

    @Test func pipesProducersAndContractReachTheModels() throws {
        let spec = try SiteSpec.decode(text: Self.network, file: SiteSpecTests.file)
        let site = Site(spec: spec)
        let network = try #require(site.heatRecovery?.network)
        guard case .pipes(let sections, let diffusivity) = network.losses else {
            Issue.record("expected pipe losses")
            return
        }
        #expect(sections.count == 2 && sections[1].diameter == .dn80 && sections[1].insulation == .series3)
        #expect(sections[0].insulation == .series2 && sections[0].cover == 0.6 && sections[0].soilConductivity == 1.5)
        #expect(diffusivity == 1.5 / 2.5e6)
        #expect(network.returnRise.value == 5 && network.minimumFlow.value == 20)
        #expect(network.producers.mustRunCapacity == 1e6 && network.producers.dispatchable.map(\.name) == ["boilers"])
        #expect(network.dataCenterPrice == .monthly([40, 40, 38, 34, 30, 28, 28, 28, 30, 34, 38, 40]))
        let project = try #require(HeatReuseProject(designed: spec.designed()))
        // The take-or-pay price defaults to heat_price_eur_per_mwh (35).
        #expect(project.economics.contract == HeatContract(
            takeOrPay: TakeOrPay(minimum: .megawattHours(5000), price: 35),
            availability: AvailabilityCommitment(committed: .megawatts(1), penalty: 30), connectionFee: 100_000))
        #expect(project.economics.heatPrice == network.dataCenterPrice)
    }

    @Test func oneLossModelOneHeatPriceAndListedDiameters() {
        let both = problems(Self.network.replacingOccurrences(of: "return_rise_k: 5", with: "network_loss_pct: 10"))
        #expect(both.count == 1 && both.first?.keyPath == "heat_recovery.district_heating.pipes")
        let prices = problems(Self.network + "\n  heat_price_from_displaced: true")
        #expect(prices.count == 1 && prices.first?.keyPath == "economics.heat_price_from_displaced")
        let size = problems(Self.network.replacingOccurrences(of: "dn: 200", with: "dn: 210"))
        #expect(size.count == 1 && size.first?.message.contains("not a listed size") == true)
        let kind = problems(Self.network.replacingOccurrences(of: "kind: gas_boiler", with: "kind: gas_boilr"))
        #expect(kind.count == 1 && kind.first?.message.contains("gas_boiler") == true)
    }
}
