import Foundation

/// Heat lost by a buried pair of pre-insulated single pipes (supply and return in one trench), per trench metre:
///
///     R_i = ln(D_c / d_s) / (2π λ_i)                    insulation, per pipe
///     R_g = arcosh(2H / D_c) / (2π λ_g),  H = h + D_c/2 + λ_g R_0      ground, per pipe
///     R_m = ln(1 + (2H / E)²) / (4π λ_g)                 mutual (each pipe warms the other's ground)
///     q_s = ((R_g + R_i)(T_s − T_g) − R_m (T_r − T_g)) / ((R_g + R_i)² − R_m²)
///     q_r = ((R_g + R_i)(T_r − T_g) − R_m (T_s − T_g)) / ((R_g + R_i)² − R_m²)
///     q   = q_s + q_r = (T_s + T_r − 2 T_g) / (R_i + R_g + R_m)          W/m of trench
///
/// `d_s` the steel pipe's outer diameter, `D_c` the casing's (`PipeDimensions`), `h` the cover (ground surface
/// to casing top), `E = D_c + 0.15 m` the centre distance (150 mm between casings), `R_0 = 0.0685 m²K/W` the
/// ground surface's resistance (taken as extra depth), `T_g` the undisturbed ground temperature at the pipes'
/// centre depth (`GroundTemperature`). The steel wall and the thin PE casing add under 1 % and are left out.
///
/// Sources: EN 13941-1:2019 Annex (heat loss of a pair of buried pipes); P. Wallentén, "Steady-state heat loss
/// from insulated pipes", Lund Institute of Technology, TVBH-3017, 1991; S. Frederiksen and S. Werner,
/// *District Heating and Cooling*, Studentlitteratur 2013, ch. 8 (distribution heat losses).
/// Defaults: PUR foam λ_i 0.027 W/(m·K) (aged, EN 253 requires ≤ 0.029), moist soil λ_g 1.5 W/(m·K),
/// cover 0.6 m (Frederiksen & Werner: 0.6–1 m).
public struct PipeSection: Sendable, Equatable {
    public var length: Double
    public var diameter: NominalDiameter
    public var insulation: InsulationSeries
    /// Ground surface to the top of the casing, m.
    public var cover: Double
    /// Insulation (PUR foam) conductivity λ_i, W/(m·K).
    public var insulationConductivity: Double
    /// Soil conductivity λ_g, W/(m·K).
    public var soilConductivity: Double

    /// Ground surface resistance R_0, m²K/W (Wallentén 1991).
    public static let surfaceResistance = 0.0685
    /// Clear distance between the two casings, m.
    public static let casingClearance = 0.15

    public init(length: Double, diameter: NominalDiameter, insulation: InsulationSeries, cover: Double,
                insulationConductivity: Double, soilConductivity: Double) {
        self.length = length
        self.diameter = diameter
        self.insulation = insulation
        self.cover = cover
        self.insulationConductivity = insulationConductivity
        self.soilConductivity = soilConductivity
    }

    var casing: Double { diameter.dimensions.casing(insulation) }

    /// Depth of the pipes' centres below the surface, m (where the ground temperature is taken).
    public var centreDepth: Double { cover + casing / 2 }

    /// Thermal resistances R_i, R_g, R_m, m·K/W.
    public var resistances: (insulation: Double, ground: Double, mutual: Double) {
        let casing = self.casing, steel = diameter.dimensions.steel
        let depth = centreDepth + soilConductivity * Self.surfaceResistance
        let x = 2 * depth / casing
        let spacing = casing + Self.casingClearance
        return (insulation: log(casing / steel) / (2 * Double.pi * insulationConductivity),
                ground: log(x + (x * x - 1).squareRoot()) / (2 * Double.pi * soilConductivity),
                mutual: log(1 + pow(2 * depth / spacing, 2)) / (4 * Double.pi * soilConductivity))
    }

    /// Heat lost per trench metre by the supply and the return pipe, W/m (the return's may be negative: the
    /// supply pipe warms it).
    public func lossPerMetre(supply: Double, return returnTemperature: Double, ground: Double) -> (supply: Double, return: Double) {
        let r = resistances
        let own = r.ground + r.insulation
        let determinant = own * own - r.mutual * r.mutual
        let supplyExcess = supply - ground, returnExcess = returnTemperature - ground
        return ((own * supplyExcess - r.mutual * returnExcess) / determinant,
                (own * returnExcess - r.mutual * supplyExcess) / determinant)
    }

    /// Heat lost by the section's supply and return pipes together, W.
    public func loss(supply: Double, return returnTemperature: Double, ground: Double) -> Double {
        let r = resistances
        return length * (supply + returnTemperature - 2 * ground) / (r.insulation + r.ground + r.mutual)
    }
}

/// Insulation series of pre-insulated bonded pipes (EN 253): the same steel pipe in a thicker casing.
public enum InsulationSeries: String, Sendable, Equatable, CaseIterable {
    case series1 = "series_1", series2 = "series_2", series3 = "series_3"
}

/// Nominal diameter (DN) of a district-heating steel pipe; closed to the sizes `PipeDimensions` lists.
public enum NominalDiameter: Int, Sendable, Equatable, CaseIterable {
    case dn20 = 20, dn25 = 25, dn32 = 32, dn40 = 40, dn50 = 50, dn65 = 65, dn80 = 80, dn100 = 100, dn125 = 125
    case dn150 = 150, dn200 = 200, dn250 = 250, dn300 = 300, dn350 = 350, dn400 = 400, dn450 = 450
    case dn500 = 500, dn600 = 600

    /// Steel outer diameter (EN 253 / EN 10217-5) and the casing outer diameters of insulation series 1, 2, 3
    /// as pre-insulated pipe makers list them (LOGSTOR and isoplus product catalogues), m.
    public var dimensions: PipeDimensions {
        switch self {
        case .dn20: PipeDimensions(steel: 0.0269, casings: (0.090, 0.110, 0.125))
        case .dn25: PipeDimensions(steel: 0.0337, casings: (0.090, 0.110, 0.125))
        case .dn32: PipeDimensions(steel: 0.0424, casings: (0.110, 0.125, 0.140))
        case .dn40: PipeDimensions(steel: 0.0483, casings: (0.110, 0.125, 0.140))
        case .dn50: PipeDimensions(steel: 0.0603, casings: (0.125, 0.140, 0.160))
        case .dn65: PipeDimensions(steel: 0.0761, casings: (0.140, 0.160, 0.180))
        case .dn80: PipeDimensions(steel: 0.0889, casings: (0.160, 0.180, 0.200))
        case .dn100: PipeDimensions(steel: 0.1143, casings: (0.200, 0.225, 0.250))
        case .dn125: PipeDimensions(steel: 0.1397, casings: (0.225, 0.250, 0.280))
        case .dn150: PipeDimensions(steel: 0.1683, casings: (0.250, 0.280, 0.315))
        case .dn200: PipeDimensions(steel: 0.2191, casings: (0.315, 0.355, 0.400))
        case .dn250: PipeDimensions(steel: 0.2730, casings: (0.400, 0.450, 0.500))
        case .dn300: PipeDimensions(steel: 0.3239, casings: (0.450, 0.500, 0.560))
        case .dn350: PipeDimensions(steel: 0.3556, casings: (0.500, 0.560, 0.630))
        case .dn400: PipeDimensions(steel: 0.4064, casings: (0.560, 0.630, 0.710))
        case .dn450: PipeDimensions(steel: 0.4570, casings: (0.630, 0.710, 0.800))
        case .dn500: PipeDimensions(steel: 0.5080, casings: (0.710, 0.800, 0.900))
        case .dn600: PipeDimensions(steel: 0.6100, casings: (0.800, 0.900, 1.000))
        }
    }
}

/// Outer diameters of a pre-insulated pipe, m.
public struct PipeDimensions: Sendable {
    public var steel: Double
    public var casings: (Double, Double, Double)

    public func casing(_ series: InsulationSeries) -> Double {
        switch series {
        case .series1: casings.0
        case .series2: casings.1
        case .series3: casings.2
        }
    }
}
