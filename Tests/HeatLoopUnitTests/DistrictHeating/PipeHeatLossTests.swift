import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("District-heating pipe losses (EN 13941 / Wallentén) and ground temperature (Kusuda–Achenbach)")
struct PipeHeatLossTests {
    /// DN 200 in series 2 (steel 219.1 mm, casing 355 mm), 0.6 m cover, PUR 0.027, soil 1.5 W/(m·K).
    static let dn200 = PipeSection(length: 1000, diameter: .dn200, insulation: .series2, cover: 0.6,
                                   insulationConductivity: 0.027, soilConductivity: 1.5)

    /// Worked by hand from the formulas (EN 13941-1 Annex, Wallentén 1991):
    /// R_i = ln(355/219.1)/(2π·0.027) = 2.84469; H = 0.6 + 0.1775 + 1.5·0.0685 = 0.88025 m,
    /// R_g = arcosh(2H/0.355)/(2π·1.5) = 0.242346; E = 0.505 m, R_m = ln(1 + (2H/E)²)/(4π·1.5) = 0.136696 m·K/W.
    /// At 65/40 °C and 10 °C ground: q_s = 17.4203, q_r = 8.94669, q = 26.3670 W/m of trench; the pair's
    /// U = 1/(R_i + R_g + R_m) = 0.310 W/(m·K) per pipe, in the 0.2–0.5 W/(m·K) Frederiksen & Werner (2013, ch. 8)
    /// give for DN 100–300 pipes of the standard series.
    @Test func pairOfPipesMatchesTheWorkedExample() {
        let r = Self.dn200.resistances
        #expect(r.insulation.isApproximatelyEqual(to: 2.844685601216832, relativeTolerance: 1e-12))
        #expect(r.ground.isApproximatelyEqual(to: 0.2423461363204702, relativeTolerance: 1e-12))
        #expect(r.mutual.isApproximatelyEqual(to: 0.13669617628097017, relativeTolerance: 1e-12))
        let perMetre = Self.dn200.lossPerMetre(supply: 65, return: 40, ground: 10)
        #expect(perMetre.supply.isApproximatelyEqual(to: 17.4203009422206, relativeTolerance: 1e-12))
        #expect(perMetre.return.isApproximatelyEqual(to: 8.946688540872486, relativeTolerance: 1e-12))
        #expect(Self.dn200.loss(supply: 65, return: 40, ground: 10)
            .isApproximatelyEqual(to: 1000 * (perMetre.supply + perMetre.return), relativeTolerance: 1e-12))
    }

    @Test func thickerInsulationAndWarmerGroundLoseLess() {
        var series3 = Self.dn200
        series3.insulation = .series3
        let base = Self.dn200.loss(supply: 65, return: 40, ground: 10)
        #expect(series3.loss(supply: 65, return: 40, ground: 10) < base)
        #expect(Self.dn200.loss(supply: 65, return: 40, ground: 15) < base)
        // Every listed size has a casing wider than its steel pipe, growing with the series.
        for dn in NominalDiameter.allCases {
            let d = dn.dimensions
            #expect(d.steel < d.casing(.series1) && d.casing(.series1) < d.casing(.series2) && d.casing(.series2) < d.casing(.series3))
        }
    }

    /// A pure annual wave, 10 ± 8 °C, coldest on day 15: the fit returns it (the daily means of a sine keep
    /// sinc(π/365) ≈ 0.99999 of its amplitude), and at depth z the wave is damped by e^(−z√(π/(αP))) and its
    /// minimum comes z/2·√(P/(πα)) later (Kusuda & Achenbach 1965).
    @Test func groundWaveFittedToTheWeatherAndDampedWithDepth() {
        let period = 365 * 86_400.0, coldest = 15 * 86_400.0
        let air = (0..<8_760).map { 10 - 8 * cos(2 * Double.pi * ((Double($0) + 0.5) * 3600 - coldest) / period) }
        let diffusivity = 6e-7
        let ground = GroundTemperature.fitted(hourlyAir: air, diffusivity: diffusivity)
        #expect(ground.mean.isApproximatelyEqual(to: 10, relativeTolerance: 1e-9))
        #expect(ground.amplitude.isApproximatelyEqual(to: 8, relativeTolerance: 1e-4))
        #expect(abs(ground.coldest - coldest) < 600)
        let depth = 1.0
        let damping = depth * (Double.pi / (diffusivity * period)).squareRoot()  // 0.40747 at 1 m
        let lag = depth / 2 * (period / (Double.pi * diffusivity)).squareRoot()  // 22.4 days
        #expect(damping.isApproximatelyEqual(to: 0.407470, relativeTolerance: 1e-5))
        let coldestAtDepth = ground.temperature(depth: depth, time: coldest + lag)
        #expect(coldestAtDepth.isApproximatelyEqual(to: 10 - 8 * exp(-damping), relativeTolerance: 1e-4))
        #expect(ground.temperature(depth: depth, time: coldest) > coldestAtDepth)
        #expect(abs(ground.temperature(depth: 20, time: coldest) - 10) < 0.01)
    }
}
