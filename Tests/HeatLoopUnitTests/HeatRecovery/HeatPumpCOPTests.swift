import HeatLoop
import Testing

/// DESIGN §3.5 defaults: Carnot η 0.50, pinch 5 K, COP ≤ 10.
private let carnot = HeatPumpCOP.carnot(efficiency: 0.5, pinch: TemperatureDelta(5))

@Suite("Heat-pump COP")
struct HeatPumpCOPTests {
    @Test("Carnot COP at the reference point")
    func referencePoint() {
        // Source leaving 35 °C, DH supply 70 °C: T_sink = 75 °C = 348.15 K, T_source = 30 °C = 303.15 K,
        // COP = 0.5 · 348.15 / 45 = 3.86833333333333.
        let cop = carnot.cop(sourceOut: 35, sinkOut: 70, maximum: 10)
        #expect(cop.isApproximatelyEqual(to: 348.15 / 90, relativeTolerance: 1e-14))
        #expect(cop.isApproximatelyEqual(to: 3.86833333333333, relativeTolerance: 1e-13))
        // Air-loop return at 18 °C: T_source = 286.15 K, lift 62 K → 0.5·348.15/62 = 2.80766129032258.
        #expect(carnot.cop(sourceOut: 18, sinkOut: 70, maximum: 10)
            .isApproximatelyEqual(to: 2.80766129032258, relativeTolerance: 1e-13))
    }

    @Test("capped at the maximum for small or negative lifts, never below 1")
    func bounds() {
        // 60 °C source, 62 °C sink: lift 340.15 − 328.15 = 12 K → 0.5·340.15/12 = 14.2 → 10.
        #expect(carnot.cop(sourceOut: 60, sinkOut: 62, maximum: 10) == 10)
        // Source warmer than the sink even after the pinches: the cap.
        #expect(carnot.cop(sourceOut: 80, sinkOut: 60, maximum: 10) == 10)
        // η 0.1 from 10 °C to 110 °C: 0.1·388.15/110 = 0.35 < 1 → 1 (a heat pump is never worse than a heater).
        #expect(HeatPumpCOP.carnot(efficiency: 0.1, pinch: TemperatureDelta(5)).cop(sourceOut: 10, sinkOut: 110, maximum: 10) == 1)
    }

    @Test("COP falls with sink temperature and rises with source temperature")
    func monotonic() {
        let bySink = stride(from: 55.0, through: 110, by: 5).map { carnot.cop(sourceOut: 35, sinkOut: $0, maximum: 10) }
        #expect(zip(bySink, bySink.dropFirst()).allSatisfy { $0 > $1 })
        let bySource = stride(from: 10.0, through: 45, by: 5).map { carnot.cop(sourceOut: $0, sinkOut: 70, maximum: 10) }
        #expect(zip(bySource, bySource.dropFirst()).allSatisfy { $0 < $1 })
    }
}
