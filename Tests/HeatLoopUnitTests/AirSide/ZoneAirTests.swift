@testable import HeatLoop
import Testing

/// `ZoneAir` (EnergyPlus's third-order predictor-corrector) and `SupplyPlenum` against hand-calculated values.
@Suite struct ZoneAirTests {
    /// C = 1.8 MJ/K over 900 s (a = 2000 W/K), Σ hA = 1000 W/K, the air at 24, 23, 22 °C for the last three steps:
    /// H = a (3·24 − 1.5·23 + 22/3) = 89,666.67 W.
    static let air = ZoneAir(capacitance: 1.8e6, surfaceConductance: 1000)
    static let history = ZoneAir.History(t1: 24, t2: 23, t3: 22)

    @Test func predictorLoadBringsTheAirToItsSetpoint() {
        // 50,000 + 1000·24 + 89,666.67 − (11/6·2000 + 1000)·23 = 56,333.33 W
        let load = Self.air.coolingLoad(setpoint: 23, gains: 50_000, history: Self.history, stepSeconds: 900)
        #expect(load.isApproximatelyEqual(to: 56_333.333, absoluteTolerance: 1e-3))
        // Supplied against the setpoint, ṁ c_p (T_set − T_in) = Q_load, the corrector lands on it.
        let capacityRate = 6000.0
        let exact = Self.air.next(gains: 50_000, inlet: 23 - load / capacityRate, capacityRate: capacityRate,
                                  history: Self.history, stepSeconds: 900)
        #expect(exact.isApproximatelyEqual(to: 23, absoluteTolerance: 1e-9))
        // `SetpointManager:SingleZone:Cooling` sets the supply against the zone's last temperature, T₁ − Q/(ṁ c_p), and
        // lands a step behind: (ṁ c_p T₁ + K T_set) / (K + ṁ c_p) = (6000·24 + 4666.67·23) / 10,666.67 = 23.5625 °C.
        let reset = Self.air.next(gains: 50_000, inlet: 24 - load / capacityRate, capacityRate: capacityRate,
                                  history: Self.history, stepSeconds: 900)
        #expect(reset.isApproximatelyEqual(to: 23.5625, absoluteTolerance: 1e-9))
    }

    @Test func correctorAndStorageCloseTheZoneBalance() {
        // (50,000 + 24,000 + 89,666.67 + 6000·15) / (3666.67 + 1000 + 6000) = 23.78125 °C
        let next = Self.air.next(gains: 50_000, inlet: 15, capacityRate: 6000, history: Self.history, stepSeconds: 900)
        #expect(next.isApproximatelyEqual(to: 23.78125, absoluteTolerance: 1e-9))
        // G + ṁ c_p (T_in − T_z) = 50,000 − 6000 · 8.78125 = −2687.5 W stored
        let stored = Self.air.stored(temperature: next, history: Self.history, stepSeconds: 900)
        #expect(stored.isApproximatelyEqual(to: -2687.5, absoluteTolerance: 1e-6))
        #expect(Self.history.advanced(to: next) == ZoneAir.History(t1: next, t2: 24, t3: 23))
    }

    @Test func plenumBalancesItsSupplyZoneAndGround() {
        let plenum = SupplyPlenum(zoneConductance: 100, groundConductance: 800, groundTemperature: 20)
        // (6000·15 + 100·24 + 800·20) / 6900 = 15.710145 °C
        let out = plenum.outlet(supply: 15, capacityRate: 6000, zoneAir: 24)
        #expect(out.temperature.isApproximatelyEqual(to: 15.710145, absoluteTolerance: 1e-6))
        #expect(out.fromZone.isApproximatelyEqual(to: 828.9855, absoluteTolerance: 1e-3))
        #expect(out.fromGround.isApproximatelyEqual(to: 3431.8841, absoluteTolerance: 1e-3))
        #expect((6000 * (out.temperature - 15)).isApproximatelyEqual(to: out.fromZone + out.fromGround, absoluteTolerance: 1e-9))
        #expect(plenum.outlet(supply: 15, capacityRate: 0, zoneAir: 24).temperature.isApproximatelyEqual(to: 20.444444, absoluteTolerance: 1e-6))
    }

    /// A supply reset from the predicted load (`SetpointManager:SingleZone:Cooling`) that does not know of 3,500 W the
    /// plenum adds: the air settles at T_set + Q_plenum / (11/6 a + Σ hA) = 23 + 3500 / 4666.67 = 23.75 °C.
    @Test func airSettlesWhereThePredictorBalancesThePlenum() {
        var history = ZoneAir.History(steady: 23)
        let capacityRate = 6000.0, gains = 50_000.0, plenumHeat = 3500.0
        for _ in 0..<300 {
            let load = Self.air.coolingLoad(setpoint: 23, gains: gains, history: history, stepSeconds: 900)
            let inlet = history.t1 - load / capacityRate + plenumHeat / capacityRate
            history = history.advanced(to: Self.air.next(gains: gains, inlet: inlet, capacityRate: capacityRate,
                                                         history: history, stepSeconds: 900))
        }
        #expect(history.t1.isApproximatelyEqual(to: 23.75, absoluteTolerance: 1e-6))
    }
}
