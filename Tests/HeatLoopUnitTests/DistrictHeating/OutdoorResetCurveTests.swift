import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("District-heating supply curve")
struct OutdoorResetCurveTests {
    /// 4th-generation DH (Lund et al., Energy 68, 2014; DESIGN §3.5): 70 °C at −15 °C → 55 °C at ≥ 10 °C.
    let fourthGeneration = OutdoorResetCurve(points: [(-15, 70), (10, 55)])

    @Test("linear between points (hand interpolation)")
    func interpolation() {
        // Slope −15 K / 25 K = −0.6: at −2.5 °C the midpoint 62.5 °C; at 0 °C 70 − 0.6·15 = 61 °C.
        #expect(fourthGeneration.temperature(outdoor: -2.5).isApproximatelyEqual(to: 62.5))
        #expect(fourthGeneration.temperature(outdoor: 0).isApproximatelyEqual(to: 61))
        #expect(fourthGeneration.temperature(outdoor: -15) == 70)
        #expect(fourthGeneration.temperature(outdoor: 10) == 55)
    }

    @Test("clamped beyond the end points")
    func clamping() {
        #expect(fourthGeneration.temperature(outdoor: -30) == 70)
        #expect(fourthGeneration.temperature(outdoor: 25) == 55)
        // One point: constant everywhere.
        let flat = OutdoorResetCurve(points: [(0, 65)])
        #expect(flat.temperature(outdoor: -20) == 65 && flat.temperature(outdoor: 30) == 65)
    }

    @Test("several points, given unsorted")
    func severalPoints() {
        // 3rd generation, 110 °C at −12 °C, 90 °C at 0 °C, 70 °C at 10 °C.
        let curve = OutdoorResetCurve(points: [(10, 70), (-12, 110), (0, 90)])
        // −6 °C: halfway between 110 and 90 → 100; 5 °C: halfway between 90 and 70 → 80.
        #expect(curve.temperature(outdoor: -6).isApproximatelyEqual(to: 100))
        #expect(curve.temperature(outdoor: 5).isApproximatelyEqual(to: 80))
        #expect(curve.temperature(outdoor: 0) == 90)
        #expect(curve == OutdoorResetCurve(points: [(-12, 110), (0, 90), (10, 70)]))
        #expect(curve != OutdoorResetCurve(points: [(-12, 110), (0, 91), (10, 70)]))
    }
}
