import Foundation

/// One step of a chilled-water coil.
public struct ChilledWaterCoilStep: Sendable, Equatable {
    /// Air leaving the coil, °C.
    public var outletDryBulb: Double
    /// Heat taken from the air (and given to the chilled water), W.
    public var sensibleCooling: Double
    /// Chilled-water flow the control valve opens to, kg/s, and the water leaving the coil, °C.
    public var waterMassFlow: Double
    public var waterLeaving: Double
}

/// Chilled-water cooling coil, EnergyPlus `Coil:Cooling:Water` with `SimpleAnalysis` and `CrossFlow`,
/// run dry (Engineering Reference, "Cooling Coil Model" → "Simple Cooling Coil Model", the dry-coil
/// ε-NTU part; heat exchanger relation for cross flow with both streams unmixed):
///
///     C_a = ṁ_a c_p,a,  C_w = ṁ_w c_w,  C_min/max = min/max(C_a, C_w),  C_r = C_min / C_max
///     NTU = UA / C_min
///     ε   = 1 − exp( NTU^0.22 / C_r · (exp(−C_r NTU^0.78) − 1) )
///     Q   = ε C_min (T_a,in − T_w,in)
///
/// `Controller:WaterCoil` opens the valve until the air leaves at the setpoint: the water flow is found
/// (bisection, 1e-6 of design) that gives `Q = C_a (T_a,in − T_set)`; at full flow the air leaves warmer
/// if the coil cannot do it. UA comes from the design point (`designUA`), as EnergyPlus autosizes it.
/// Not modelled: the wet (dehumidifying) part of the coil (EnergyPlus splits the coil into dry and wet
/// areas when the surface falls below the air's dew point); a data-hall supply coil runs dry except
/// in humid weather with low supply setpoints.
public struct ChilledWaterCoil: Sendable, Equatable {
    /// Overall heat-transfer coefficient times area, W/K.
    public var ua: Double
    /// Design (maximum) chilled-water flow, kg/s.
    public var designWaterMassFlow: Double

    public init(ua: Double, designWaterMassFlow: Double) {
        self.ua = ua
        self.designWaterMassFlow = designWaterMassFlow
    }

    /// Cross-flow (both unmixed) effectiveness for `ntu` and capacity-rate ratio `ratio` (0…1).
    @inline(__always)
    public static func effectiveness(ntu: Double, ratio: Double) -> Double {
        guard ntu > 0 else { return 0 }
        guard ratio > 1e-9 else { return 1 - exp(-ntu) }
        return 1 - exp(pow(ntu, 0.22) / ratio * (exp(-ratio * pow(ntu, 0.78)) - 1))
    }

    /// Heat the coil moves at water flow `waterMassFlow` kg/s, W.
    @inline(__always)
    func heat(airCapacityRate: Double, waterMassFlow: Double, airInlet: Double, waterInlet: Double) -> Double {
        let waterRate = waterMassFlow * Fluid.waterSpecificHeat
        let minimum = min(airCapacityRate, waterRate), maximum = max(airCapacityRate, waterRate)
        guard minimum > 0 else { return 0 }
        return Self.effectiveness(ntu: ua / minimum, ratio: minimum / maximum) * minimum * (airInlet - waterInlet)
    }

    /// UA, W/K, that removes `designLoad` W from `airMassFlow` kg/s entering at `airInlet` °C with
    /// `waterMassFlow` kg/s entering at `waterInlet` °C (bisection on NTU; nil if even an infinite coil
    /// could not, i.e. `designLoad ≥ C_min (T_a,in − T_w,in)`).
    public static func designUA(designLoad: Double, airMassFlow: Double, airHumidityRatio: Double,
                                airInlet: Double, waterMassFlow: Double, waterInlet: Double) -> Double? {
        let airRate = airMassFlow * Psychrometrics.moistAirSpecificHeat(humidityRatio: airHumidityRatio)
        let waterRate = waterMassFlow * Fluid.waterSpecificHeat
        let minimum = min(airRate, waterRate), ratio = minimum / max(airRate, waterRate)
        let wanted = designLoad / (minimum * (airInlet - waterInlet))
        guard minimum > 0, wanted > 0, wanted < effectiveness(ntu: 50, ratio: ratio) else { return nil }
        var low = 0.0, high = 50.0
        while high - low > 1e-9 * high {
            let mid = 0.5 * (low + high)
            if effectiveness(ntu: mid, ratio: ratio) < wanted { low = mid } else { high = mid }
        }
        return 0.5 * (low + high) * minimum
    }

    /// Cools `airMassFlow` kg/s (dry air) of `airHumidityRatio` kg/kg from `airInlet` °C towards
    /// `setpoint` °C with chilled water entering at `waterInlet` °C.
    public func step(airMassFlow: Double, airHumidityRatio: Double, airInlet: Double, setpoint: Double,
                     waterInlet: Double) -> ChilledWaterCoilStep {
        let idle = ChilledWaterCoilStep(outletDryBulb: airInlet, sensibleCooling: 0, waterMassFlow: 0, waterLeaving: waterInlet)
        guard airMassFlow > 0, airInlet > setpoint, airInlet > waterInlet, designWaterMassFlow > 0 else { return idle }
        let airRate = airMassFlow * Psychrometrics.moistAirSpecificHeat(humidityRatio: airHumidityRatio)
        let wanted = airRate * (airInlet - max(setpoint, waterInlet))
        let full = heat(airCapacityRate: airRate, waterMassFlow: designWaterMassFlow, airInlet: airInlet, waterInlet: waterInlet)
        var flow = designWaterMassFlow, removed = full
        if full > wanted {
            var low = 0.0, high = designWaterMassFlow
            while high - low > 1e-6 * designWaterMassFlow {
                let mid = 0.5 * (low + high)
                if heat(airCapacityRate: airRate, waterMassFlow: mid, airInlet: airInlet, waterInlet: waterInlet) < wanted { low = mid } else { high = mid }
            }
            flow = high
            removed = wanted
        }
        return ChilledWaterCoilStep(outletDryBulb: airInlet - removed / airRate, sensibleCooling: removed,
                                    waterMassFlow: flow, waterLeaving: waterInlet + removed / (flow * Fluid.waterSpecificHeat))
    }
}
