import Foundation

/// A seasonal pit thermal energy store (PTES): a lined pit shaped as an inverted truncated square pyramid,
/// water to the brim, a floating insulated lid on top, sides and bottom against the soil without insulation
/// (the Danish design of Dronninglund, Marstal and Vojens: IEA SHC Task 55 fact sheet 55.C-D2, "Seasonal pit
/// heat storages – guidelines for materials & construction", PlanEnergi 2020).
///
/// Geometry, from the volume `V`, depth `h` and side slope `s` (horizontal per vertical):
///
///     bottom side b:  V = h/3 · (a² + a b + b²),  a = b + 2 s h     (solved for b ≥ 0)
///     lid area:       A_lid = a²
///
/// Dronninglund: 62,000 m³, 16 m deep, 90 m top and 26 m bottom side, slope 2.
///
/// Standing loss, W, with the stored water's hot layer (share `f` at `T_hot`) above water at the return
/// temperature `T_r`:
///
///     Q_lid    = U_lid A_lid (T_top − T_air)                       T_top = T_hot while f > 0, else T_r
///     Q_ground = λ_soil S (T_mean − T_ground),  S = π D              T_mean = f T_hot + (1 − f) T_r
///
/// The lid is a flat insulated cover (`U_lid` ≈ 0.2 W/(m²·K): ~240 mm of PE foam at λ ≈ 0.05 W/(m·K),
/// fact sheet 55.C-D2). The soil side is the steady conduction shape factor of half an isothermal sphere of
/// the pit's volume (`S = π D`, half of a buried sphere's `2π D`, Incropera & DeWitt, "Fundamentals of Heat
/// and Mass Transfer", Table 4.1), `D = 2 (3V/2π)^⅓`, against the undisturbed deep-ground temperature (the
/// annual mean, `GroundTemperature.mean`: at the pit's mid-depth the annual wave is damped below 3 %).
/// Steady conduction ignores the soil's warm-up in the first years, so the loss is the settled store's.
public struct PitStorage: Sendable, Equatable {
    /// Side of the pit's square top, m.
    public var topSide: Double
    /// Lid heat-loss coefficient `U_lid A_lid`, W/K.
    public var lidCoefficient: Double
    /// Soil heat-loss coefficient `λ_soil π D`, W/K.
    public var groundCoefficient: Double
    /// Undisturbed deep-ground temperature, °C (`GroundTemperature.mean` of the site's weather).
    public var groundTemperature: Double

    /// - Parameters:
    ///   - volume: water volume, m³; depth: m; sideSlope: horizontal run of the walls per metre of depth;
    ///   - lidTransmittance: W/(m²·K); soilConductivity: W/(m·K).
    public init(volume: Double, depth: Double, sideSlope: Double, lidTransmittance: Double, soilConductivity: Double,
                groundTemperature: Double) {
        topSide = Self.topSide(volume: volume, depth: depth, sideSlope: sideSlope)
        lidCoefficient = lidTransmittance * topSide * topSide
        let diameter = 2 * Foundation.cbrt(3 * volume / (2 * Double.pi))
        groundCoefficient = soilConductivity * Double.pi * diameter
        self.groundTemperature = groundTemperature
    }

    /// Side of the square top, m: `b + 2 s h` with `h/3 (3b² + 3b·2sh + (2sh)²) = V` solved for the bottom `b`.
    static func topSide(volume: Double, depth: Double, sideSlope: Double) -> Double {
        guard depth > 0 else { return 0 }
        let rise = 2 * sideSlope * depth
        let constant = rise * rise / 3 - volume / depth
        let bottom = max(0, (-rise + (rise * rise - 4 * constant).squareRoot()) / 2)
        return bottom + rise
    }

    /// Standing loss of the store, W (the equations above).
    @inline(__always)
    public func loss(hotShare: Double, hot: Double, returnTemperature: Double, air: Double) -> Double {
        let top = hotShare > 0 ? hot : returnTemperature
        let mean = hotShare * hot + (1 - hotShare) * returnTemperature
        return lidCoefficient * (top - air) + groundCoefficient * (mean - groundTemperature)
    }
}
