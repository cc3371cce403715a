import HeatLoop
import Testing

/// Textbook points from ASHRAE Handbook — Fundamentals 2017 ch. 1 (Table 1: standard atmosphere; Table 2:
/// moist-air properties; Table 3: water at saturation) and limits that must stay finite.
@Suite("Psychrometrics")
struct PsychrometricsTests {
    @Test("saturation pressure matches ASHRAE Table 3 over water and ice")
    func saturationPressure() {
        // Table 3: 20 °C 2.3392 kPa, 100 °C 101.418 kPa (water); −20 °C 0.10326 kPa (ice).
        #expect(abs(Psychrometrics.saturationVaporPressure(temperature: 20) - 2339.2) < 1)
        #expect(abs(Psychrometrics.saturationVaporPressure(temperature: 100) - 101_418) < 5)
        #expect(abs(Psychrometrics.saturationVaporPressure(temperature: -20) - 103.26) < 0.05)
        // The ice (eq. 5) and water (eq. 6) curves meet at the triple point, 611.657 Pa.
        let ice = Psychrometrics.saturationVaporPressure(temperature: 0.01)
        let water = Psychrometrics.saturationVaporPressure(temperature: 0.01.nextUp)
        #expect(abs(ice - 611.657) < 0.05)
        #expect(abs(ice - water) / ice < 1e-4)
        // Below the triple point the ice curve is used: lower than water's (≈ 286.5 Pa at −10 °C).
        #expect(abs(Psychrometrics.saturationVaporPressure(temperature: -10) - 259.90) < 0.05)
    }

    @Test("standard pressure, eq. 3 (ASHRAE Table 1)")
    func standardPressure() {
        #expect(Psychrometrics.standardPressure(elevation: 0) == 101_325)
        #expect(abs(Psychrometrics.standardPressure(elevation: 200) - 98_945) < 1)
        #expect(abs(Psychrometrics.standardPressure(elevation: 1500) - 84_556) < 1)
        #expect(abs(Psychrometrics.standardPressure(elevation: -500) - 107_478) < 2)
        #expect(Psychrometrics.standardPressure(elevation: 1e6) == 0)
    }

    @Test("saturated humidity ratio and dry-air volume match ASHRAE Table 2")
    func tableTwo() {
        // Eq. 20 at saturation, 20 °C and 101.325 kPa: 0.621945 · 2338.80 / (101325 − 2338.80) = 0.0146951 kg/kg.
        // (Table 2 lists 0.014758: it includes the real-gas enhancement factor, which eq. 20 and PsychroLib omit.)
        #expect(abs(Psychrometrics.saturationHumidityRatio(temperature: 20, pressure: 101_325) - 0.0146951) < 1e-7)
        // Table 2 at 0 °C: v_da = 0.7738 m³/kg.
        let dryVolume = Psychrometrics.specificVolume(dryBulb: 0, humidityRatio: 0, pressure: 101_325)
        #expect(abs(dryVolume - 0.7738) < 1e-4)
        // Eq. 30: h = 1.006·20 + 0.01·(2501 + 1.86·20) kJ/kg = 45.502 kJ/kg.
        #expect(abs(Psychrometrics.enthalpy(dryBulb: 20, humidityRatio: 0.01) - 45_502) < 1e-6)
        #expect(abs(Psychrometrics.density(dryBulb: 20, humidityRatio: 0, pressure: 101_325) - 1.2041) < 1e-3)
    }

    @Test("humidity ratio and vapour pressure invert each other (eq. 20)")
    func humidityRatioRoundTrip() {
        for vapor in [10.0, 611.0, 2000.0, 7000.0] {
            let ratio = Psychrometrics.humidityRatio(vaporPressure: vapor, pressure: 101_325)
            #expect(abs(ratio - 0.621945 * vapor / (101_325 - vapor)) < 1e-15)
            #expect(abs(Psychrometrics.vaporPressure(humidityRatio: ratio, pressure: 101_325) - vapor) / vapor < 1e-12)
        }
    }

    @Test("dew point inverts the saturation curve, frost point below 0 °C")
    func dewPoint() {
        for dryBulb in stride(from: -40.0, through: 55, by: 5) {
            for humidity in [0.05, 0.3, 0.7, 1.0] {
                let dew = Psychrometrics.dewPoint(dryBulb: dryBulb, relativeHumidity: humidity)
                #expect(dew <= dryBulb)
                let back = Psychrometrics.relativeHumidity(dryBulb: dryBulb, dewPoint: dew)
                #expect(abs(back - humidity) / humidity < 2e-4, "\(dryBulb) °C, RH \(humidity): dew \(dew)")
            }
        }
        // Saturated air: the dew point is the dry bulb (within the solver's 0.001 K).
        #expect(abs(Psychrometrics.dewPoint(dryBulb: 20, relativeHumidity: 1) - 20) < 1e-3)
        // A frost point: p_w = p_ws,ice(−15 °C) = 165.30 Pa, not the ~−13.5 °C a water curve would give.
        let frost = Psychrometrics.dewPoint(dryBulb: 0, vaporPressure: 165.30)
        #expect(abs(frost - -15) < 0.01)
    }

    @Test("wet bulb lies between dew point and dry bulb, equals dry bulb when saturated")
    func wetBulbBounds() {
        for dryBulb in stride(from: -40.0, through: 55, by: 5) {
            for humidity in [0.0, 0.1, 0.5, 0.9, 1.0] {
                for pressure in [70_000.0, 101_325] {
                    let wet = Psychrometrics.wetBulb(dryBulb: dryBulb, relativeHumidity: humidity, pressure: pressure)
                    let dew = Psychrometrics.dewPoint(dryBulb: dryBulb, relativeHumidity: humidity)
                    #expect(wet.isFinite)
                    #expect(wet <= dryBulb + 1e-9 && wet >= dew - 1e-3, "\(dryBulb) °C RH \(humidity): \(wet)")
                }
            }
            let saturated = Psychrometrics.wetBulb(dryBulb: dryBulb, relativeHumidity: 1, pressure: 101_325)
            #expect(abs(saturated - dryBulb) < 2e-3)
        }
        // Eq. 33 at the solution reproduces the humidity ratio (psychrometer equation inverted).
        let ratio = Psychrometrics.humidityRatio(dryBulb: 30, relativeHumidity: 0.4, pressure: 101_325)
        let wet = Psychrometrics.wetBulb(dryBulb: 30, humidityRatio: ratio, pressure: 101_325)
        let back = Psychrometrics.humidityRatio(dryBulb: 30, wetBulb: wet, pressure: 101_325)
        #expect(abs(back - ratio) < 1e-6)
        // Lower pressure (altitude) lowers the wet bulb at the same RH.
        #expect(Psychrometrics.wetBulb(dryBulb: 30, relativeHumidity: 0.4, pressure: 84_000) < wet)
    }

    @Test("extremes stay finite: RH 0 and 1, −40 °C and 55 °C, out-of-range inputs")
    func extremes() {
        for dryBulb in [-40.0, -0.5, 0, 0.01, 55] {
            for humidity in [0.0, 1.0, -0.3, 1.7] {
                let ratio = Psychrometrics.humidityRatio(dryBulb: dryBulb, relativeHumidity: humidity, pressure: 101_325)
                let values = [
                    Psychrometrics.wetBulb(dryBulb: dryBulb, relativeHumidity: humidity, pressure: 101_325),
                    Psychrometrics.dewPoint(dryBulb: dryBulb, relativeHumidity: humidity),
                    ratio,
                    Psychrometrics.vaporPressure(dryBulb: dryBulb, relativeHumidity: humidity),
                    Psychrometrics.enthalpy(dryBulb: dryBulb, humidityRatio: ratio),
                    Psychrometrics.specificVolume(dryBulb: dryBulb, humidityRatio: ratio, pressure: 101_325),
                ]
                #expect(values.allSatisfy { $0.isFinite }, "\(dryBulb) °C, RH \(humidity): \(values)")
            }
        }
        // RH 0: the bone-dry limit W = 1e-7 kg/kg (PsychroLib), dew point at the bottom of eq. 5's range.
        #expect(Psychrometrics.humidityRatio(dryBulb: 20, relativeHumidity: 0, pressure: 101_325) == 1e-7)
        #expect(Psychrometrics.dewPoint(dryBulb: 20, relativeHumidity: 0) == -100)
        // Far outside the equations' range: clamped, finite, and no endless iteration.
        #expect(Psychrometrics.wetBulb(dryBulb: 300, relativeHumidity: 0.5, pressure: 101_325).isFinite)
        #expect(Psychrometrics.wetBulb(dryBulb: -150, relativeHumidity: 0.5, pressure: 101_325).isFinite)
        #expect(Psychrometrics.wetBulb(dryBulb: 25, relativeHumidity: 0.5, pressure: 0).isFinite)
        #expect(Psychrometrics.wetBulb(dryBulb: .nan, relativeHumidity: 0.5, pressure: 101_325).isNaN)
        #expect(Psychrometrics.dewPoint(dryBulb: 20, vaporPressure: .infinity).isNaN)
    }

    @Test("latent heat of evaporation, 2501 − 2.326 t kJ/kg")
    func latentHeat() {
        #expect(Psychrometrics.latentHeatOfEvaporation(temperature: 0) == 2_501_000)
        // Steam tables: 2406.0 kJ/kg at 40 °C.
        #expect(abs(Psychrometrics.latentHeatOfEvaporation(temperature: 40) - 2_406_000) / 2_406_000 < 2e-3)
    }
}
