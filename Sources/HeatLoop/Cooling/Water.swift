/// Constant properties of the loop fluids.
///
/// Water at ~30 °C: ρ = 995.6 kg/m³, c_p = 4180 J/(kg·K) (IAPWS-95 via CoolProp, `shared/reference/
/// fluid_properties.csv`: between 10 and 90 °C c_p stays within 0.5 % and ρ within 3.6 % of these, which
/// is inside the uncertainty of design flow rates). Air: c_p = 1006 J/(kg·K), ρ = 1.2 kg/m³ (ASHRAE
/// Fundamentals 2017 ch. 1, dry air near 20 °C). Latent heat of evaporation at ~25 °C: 2.442 MJ/kg.
public enum Fluid {
    public static let waterDensity = 995.6
    public static let waterSpecificHeat = 4180.0
    public static let airDensity = 1.2
    public static let airSpecificHeat = 1006.0
    public static let waterLatentHeat = 2.442e6
}
