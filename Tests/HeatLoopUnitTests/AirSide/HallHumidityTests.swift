import HeatLoop
import HeatLoopTestSupport
import Testing

/// The hall's moisture (`HallHumidity`) by hand: mixing, coil condensation, the humidifier and its energy.
@Suite("Hall humidity")
struct HallHumidityTests {
    static let pressure = 101_325.0
    /// Hall at 9 °C dew point, humidifier at −9 °C (ASHRAE A1 recommended minimum).
    let hall = HallHumidity(initialDewPoint: 9, humidifyBelowDewPoint: -9, pressure: pressure)
    let saturated = { (t: Double) in Psychrometrics.saturationHumidityRatio(temperature: t, pressure: pressure) }

    @Test("a sealed hall keeps its moisture whatever the outdoor air holds")
    func sealed() {
        for outdoor in [1e-4, 0.005, 0.02, 0.03] {
            let step = hall.step(hallHumidityRatio: hall.initialHumidityRatio, outdoorHumidityRatio: outdoor,
                                 outdoorAirFraction: 0, airMassFlow: 100, coilSurface: nil)
            #expect(step.supplyHumidityRatio == hall.initialHumidityRatio)
            #expect(step.humidifierPower == 0 && step.condensed == 0 && step.latentLoad == 0)
        }
        // Its dew point is the one it started with: p_ws(9 °C) = 1148.0 Pa (eq. 6), so
        // W = 0.621945 · 1148.0 / (101325 − 1148.0) = 7.128 g/kg.
        #expect(abs(hall.dewPoint(humidityRatio: hall.initialHumidityRatio) - 9) < 0.001)
        #expect(hall.initialHumidityRatio.isApproximatelyEqual(to: 0.007128, relativeTolerance: 1e-4))
    }

    @Test("an economiser brings outdoor humidity in proportion to its outdoor-air fraction")
    func mixing() {
        let inside = hall.initialHumidityRatio, outdoor = 0.011
        for fraction in [0.1, 0.25, 0.5, 1.0] {
            let step = hall.step(hallHumidityRatio: inside, outdoorHumidityRatio: outdoor, outdoorAirFraction: fraction,
                                 airMassFlow: 50, coilSurface: nil)
            #expect(step.supplyHumidityRatio.isApproximatelyEqual(to: inside + fraction * (outdoor - inside), relativeTolerance: 1e-14))
        }
    }

    @Test("dry winter air: the humidifier adds ṁ (W_low − W_mix) at 2.645 MJ/kg")
    func humidifier() {
        // All outdoor air at −20 °C, RH 60 %: W = 0.6 · 103.24 Pa · 0.621945 / (101325 − 61.9) = 3.80e-4 kg/kg.
        let outdoor = Psychrometrics.humidityRatio(dryBulb: -20, relativeHumidity: 0.6, pressure: Self.pressure)
        let step = hall.step(hallHumidityRatio: hall.initialHumidityRatio, outdoorHumidityRatio: outdoor,
                             outdoorAirFraction: 1, airMassFlow: 10, coilSurface: nil)
        let low = saturated(-9)
        #expect(step.supplyHumidityRatio == low)
        #expect(hall.dewPoint(humidityRatio: step.supplyHumidityRatio) == -9)
        #expect(step.humidifierWater.isApproximatelyEqual(to: 10 * (low - outdoor), relativeTolerance: 1e-12))
        // h_g(100 °C) − h_f(10 °C) = 2501 + 186 − 41.86 = 2645.14 kJ/kg.
        #expect(HallHumidity.humidifierEnergyPerKilogram == 2_645_140)
        #expect(step.humidifierPower.isApproximatelyEqual(to: step.humidifierWater * 2_645_140, relativeTolerance: 1e-12))
        #expect(step.humidifierPower > 0)
        // Without a humidifier the hall dries out to the outdoor air.
        let none = HallHumidity(initialDewPoint: 9, humidifyBelowDewPoint: nil, pressure: Self.pressure)
        let dry = none.step(hallHumidityRatio: none.initialHumidityRatio, outdoorHumidityRatio: outdoor,
                            outdoorAirFraction: 1, airMassFlow: 10, coilSurface: nil)
        #expect(dry.supplyHumidityRatio.isApproximatelyEqual(to: outdoor, relativeTolerance: 1e-9) && dry.humidifierPower == 0)
    }

    @Test("a coil colder than the hall's dew point condenses down to its surface; latent heat ṁ ΔW h_fg")
    func coil() {
        // Hall at 15 °C dew point over a 7 °C coil: W falls from W_s(15) to W_s(7).
        let humid = saturated(15), surface = saturated(7)
        let step = hall.step(hallHumidityRatio: humid, outdoorHumidityRatio: 0.02, outdoorAirFraction: 0,
                             airMassFlow: 100, coilSurface: (7, saturated(7)))
        #expect(step.supplyHumidityRatio == surface)
        #expect(step.condensed.isApproximatelyEqual(to: 100 * (humid - surface), relativeTolerance: 1e-12))
        #expect(step.latentLoad.isApproximatelyEqual(to: step.condensed * (2501 - 2.326 * 7) * 1000, relativeTolerance: 1e-12))
        // A warmer coil leaves the hall alone.
        let warm = hall.step(hallHumidityRatio: humid, outdoorHumidityRatio: 0.02, outdoorAirFraction: 0,
                             airMassFlow: 100, coilSurface: (18, saturated(18)))
        #expect(warm.supplyHumidityRatio == humid && warm.latentLoad == 0)
    }

    @Test("inlet RH from the humidity ratio: 9 °C dew point at 24 °C is p_ws(9)/p_ws(24) = 38.4 %")
    func relativeHumidity() {
        let saturation = Psychrometrics.saturationVaporPressure(temperature: 24)
        let rh = hall.relativeHumidity(humidityRatio: hall.initialHumidityRatio, saturationPressure: saturation)
        #expect(rh.isApproximatelyEqual(to: Psychrometrics.relativeHumidity(dryBulb: 24, dewPoint: 9), relativeTolerance: 1e-9))
        #expect(abs(rh - 0.3846) < 0.001)
    }
}
