import HeatLoop
import Testing

/// Carnot chiller, η 0.55 (DESIGN §3.4 default), 1 MW, 2 K evaporator and 10 K condenser approach, COP ≤ 12.
private let chiller = Chiller(model: .carnot(efficiency: 0.55), capacity: .megawatts(1),
                              evaporatorApproach: TemperatureDelta(2), condenserApproach: TemperatureDelta(10),
                              maximumCOP: 12)

@Suite("Chiller")
struct ChillerTests {
    @Test("Carnot COP at a hand-computed point")
    func carnotCOP() {
        // 18 °C chilled water, 30 °C outdoor: T_evap = 16 °C = 289.15 K, T_cond = 40 °C = 313.15 K,
        // COP = 0.55 · 289.15 / 24 = 6.62635416666667.
        #expect(chiller.cop(chilledWaterLeaving: 18, dryBulb: 30).isApproximatelyEqual(to: 0.55 * 289.15 / 24))
        #expect(chiller.cop(chilledWaterLeaving: 18, dryBulb: 30).isApproximatelyEqual(to: 6.62635416666667,
                                                                                        relativeTolerance: 1e-13))
        // 35 °C outdoor: T_cond = 318.15 K, lift 29 K, COP = 0.55 · 289.15 / 29 = 5.48387931034483.
        #expect(chiller.cop(chilledWaterLeaving: 18, dryBulb: 35).isApproximatelyEqual(to: 5.48387931034483,
                                                                                        relativeTolerance: 1e-13))
    }

    @Test("COP capped at the maximum for small or negative lifts")
    func copCap() {
        // 9 °C outdoor: lift 3 K → 0.55 · 289.15 / 3 = 53 → 12.
        #expect(chiller.cop(chilledWaterLeaving: 18, dryBulb: 9) == 12)
        // 5 °C outdoor: condensing below evaporating → 12.
        #expect(chiller.cop(chilledWaterLeaving: 18, dryBulb: 5) == 12)
        // COP falls as the outdoor air warms.
        let cops = stride(from: 20.0, through: 45, by: 1).map { chiller.cop(chilledWaterLeaving: 18, dryBulb: $0) }
        #expect(zip(cops, cops.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test("load above capacity is clamped; power = removed / COP")
    func capacityClamp() {
        let cop = 6.62635416666667
        let part = chiller.step(load: 0.6e6, chilledWaterLeaving: 18, dryBulb: 30)
        #expect(part.removed == 0.6e6)
        #expect(part.power.isApproximatelyEqual(to: 0.6e6 / cop, relativeTolerance: 1e-13))
        let over = chiller.step(load: 1.5e6, chilledWaterLeaving: 18, dryBulb: 30)
        #expect(over.removed == 1e6)
        #expect(over.power.isApproximatelyEqual(to: 1e6 / cop, relativeTolerance: 1e-13))
        for idle in [chiller.step(load: 0, chilledWaterLeaving: 18, dryBulb: 30),
                     chiller.step(load: -5, chilledWaterLeaving: 18, dryBulb: 30)] {
            #expect(idle.removed == 0 && idle.power == 0)
        }
    }
}
