/// The numbers of one EnergyPlus `CoolingTowerPerformance:YorkCalc` object: York International's empirical
/// approach correlation for variable-speed towers (EnergyPlus Engineering Reference, "Cooling Towers and
/// Evaporative Fluid Coolers" → "Variable Speed Cooling Towers Empirical Models", YorkCalc):
///
///     A = Σ_{i,j,k = 0…2} c_{9i+3j+k+1} · T_wb^k · R^j · LG^i          K
///     LG = FR_water / FR_air                                          liquid-to-gas ratio
///
/// with `T_wb` the inlet air wet bulb (°C), `R` the range (water in − water out, K), `FR_water` the water flow
/// over the tower's calibrated flow and `FR_air` the air flow over the design air flow. The 27 coefficients are
/// in EnergyPlus's order (c₁ + c₂ T_wb + c₃ T_wb² + c₄ R + c₅ T_wb R + …). The bounds are those the correlation
/// was fitted over: EnergyPlus caps the wet bulb and the water flow ratio at them before evaluating and warns
/// when any input (or the liquid-to-gas ratio) leaves them.
///
/// A closed family of shipped coefficient sets, so that a tower holding one stays a small, trivially copyable value:
/// 27 coefficients of its own (an array) made every condenser heat sink a reference-counted value.
public enum YorkCalcCorrelation: Sendable, Equatable, CaseIterable {
    /// `YorkCalc Default Tower Model` of `2ZoneDataCenterHVAC_wEconomizer.idf` (a `YorkCalcUserDefined` object):
    /// EnergyPlus's built-in YorkCalc coefficients with the file's bounds (wet bulb −34.4…26.6667 °C, range and
    /// approach 1.1111…22.2222 / 1.1111…40 K, water flow ratio 0.5…4, liquid-to-gas ratio at most 8).
    case energyPlusDefault

    /// c₁ … c₂₇.
    public var coefficients: [Double] {
        switch self {
        case .energyPlusDefault: Self.energyPlusDefaultCoefficients
        }
    }

    public var wetBulbBounds: ClosedRange<Double> {
        switch self {
        case .energyPlusDefault: -34.4...26.6667
        }
    }

    public var rangeBounds: ClosedRange<Double> {
        switch self {
        case .energyPlusDefault: 1.1111...22.2222
        }
    }

    public var approachBounds: ClosedRange<Double> {
        switch self {
        case .energyPlusDefault: 1.1111...40
        }
    }

    public var waterFlowRatioBounds: ClosedRange<Double> {
        switch self {
        case .energyPlusDefault: 0.5...4
        }
    }

    public var maximumLiquidToGasRatio: Double {
        switch self {
        case .energyPlusDefault: 8
        }
    }

    /// Approach `A` (K) at wet bulb `wetBulb` (°C), range `range` (K) and liquid-to-gas ratio
    /// `liquidToGas` = FR_water / FR_air, evaluated as given (callers cap the inputs they must).
    public func approach(wetBulb: Double, range: Double, liquidToGas: Double) -> Double {
        let c = coefficients
        var total = 0.0, lgPower = 1.0
        for i in 0..<3 {
            var inRange = 0.0, rangePower = 1.0
            for j in 0..<3 {
                let base = 9 * i + 3 * j
                inRange += rangePower * (c[base] + wetBulb * (c[base + 1] + wetBulb * c[base + 2]))
                rangePower *= range
            }
            total += lgPower * inRange
            lgPower *= liquidToGas
        }
        return total
    }

    static let energyPlusDefaultCoefficients = [
        -0.359741205, -0.055053608, 0.0023850432, 0.173926877, -0.0248473764, 0.00048430224,
        -0.005589849456, 0.0005770079712, -0.00001342427256, 2.84765801111111, -0.121765149, 0.0014599242,
        1.680428651, -0.0166920786, -0.0007190532, -0.025485194448, 0.0000487491696, 0.00002719234152,
        -0.0653766255555556, -0.002278167, 0.0002500254, -0.0910565458, 0.00318176316, 0.000038621772,
        -0.0034285382352, 0.00000856589904, -0.000001516821552,
    ]

    /// The shipped correlations a site names (`cooling_tower.yorkcalc.correlation`), by slug.
    public static let shipped: [(slug: String, correlation: YorkCalcCorrelation)] = [
        ("energyplus-yorkcalc", .energyPlusDefault),
    ]

    /// The shipped correlation with this slug, or nil.
    public static func named(_ slug: String) -> YorkCalcCorrelation? {
        shipped.first { $0.slug == slug }?.correlation
    }
}
