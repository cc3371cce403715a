import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// Both example sites across the four shared climates: energy balance, plausibility, and the order
/// physics predicts.
@Suite struct ClimateTests {
    static let sites = ["chicago-ai-campus", "tucson-enterprise-air"]

    func annual(_ site: String, _ climate: String) throws -> KPIs {
        let (_, result) = try simulate(site: site, weather: PackagePaths.climates[climate])
        return RunSummary(result).annual
    }

    @Test(arguments: sites)
    func energyBalanceClosesEveryStep(site: String) throws {
        for minutes in [60, 5] {
            let (_, result) = try simulate(site: site, timestepMin: minutes)
            let worst = result.columns[.energyBalanceResidual].max() ?? .infinity
            #expect(worst < 1e-6, "\(site) at \(minutes) min: residual \(worst)")
            #expect(RunSummary(result).annual.maximumEnergyBalanceResidual < 1e-6)
        }
    }

    /// PUE rises with the cooling a climate asks for. San Francisco (marine, 14 °C mean, rarely above
    /// 25 °C) needs least; Chicago has cold winters of free cooling but humid summers; Tucson is hot but
    /// dry, so adiabatic pads and a low wet bulb help; Tampa is hot and humid all year and needs the
    /// trim chillers most. Expected: SF < Chicago < Tucson < Tampa, for both sites.
    @Test(arguments: sites)
    func pueFollowsTheClimate(site: String) throws {
        let pue = try ["san_francisco", "chicago", "tucson", "tampa"].map { try annual(site, $0).pue }
        #expect(pue == pue.sorted(), "\(site): PUE SF, Chicago, Tucson, Tampa = \(pue)")
        // Plausible: liquid-cooled campus 1.05–1.2, air-cooled enterprise hall 1.15–1.45.
        let range = site == "chicago-ai-campus" ? 1.05...1.2 : 1.15...1.45
        for value in pue { #expect(range.contains(value), "\(site) PUE \(value)") }
    }

    /// The campus's DH network is sized by its connected load at design temperature, so heat demand
    /// (and the heat that can be reused) grows with heating degree-hours: Chicago (≈6,500 K·d at 15 °C
    /// base) > San Francisco (mild, but heating most of the year) > Tucson > Tampa (almost none).
    @Test func erfFollowsHeatingDemand() throws {
        let results = try ["chicago", "san_francisco", "tucson", "tampa"].map { try annual("chicago-ai-campus", $0) }
        let erf = results.map(\.erf)
        #expect(erf == erf.sorted(by: >), "ERF Chicago, SF, Tucson, Tampa = \(erf)")
        #expect((0.15...0.45).contains(erf[0]), "Chicago ERF \(erf[0])")
        for kpis in results {
            #expect(kpis.heatDeliveredMWh <= kpis.dhDemandMWh * (1 + 1e-9))
            // Lifts of 15–30 K (warm liquid source to a 55–70 °C network): the market regression of Jesper
            // et al. 2021 gives COP 7.3 at 15 K and 5.0 at 30 K; the default (Jensen et al. 2018) 6.8–7.6 a year.
            #expect((4...8).contains(kpis.heatPumpSCOP), "SCOP \(kpis.heatPumpSCOP)")
        }
    }

    @Test func freeCoolingHoursFollowTheClimate() throws {
        let free = try ["chicago", "tampa"].map { try annual("tucson-enterprise-air", $0).freeCoolingHours }
        #expect(free[0] > 2 * free[1], "free-cooling hours Chicago \(free[0]) vs Tampa \(free[1])")
    }
}
