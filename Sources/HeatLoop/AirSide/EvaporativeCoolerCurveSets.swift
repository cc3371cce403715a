/// Part-flow tables of the indirect evaporative cooler in EnergyPlus
/// `2ZoneDataCenterHVAC_wEconomizer.idf` (Munters Oasis data, as the IDF comments them). The
/// effectiveness modifiers take the secondary-to-primary mass flow ratio; the fan and pump modifiers
/// take the secondary flow fraction of design. Grids and outputs copied from the IDF's
/// `Table:IndependentVariable` / `Table:Lookup` objects (evaluated linearly, see `LookupTable1D`).
public enum EvaporativeCoolerCurveSets {
    /// `IECEffWBFlowMod`: wet-bulb effectiveness modifier, ratio 0…1.875, output 0…1.15.
    public static let muntersWetEffectiveness = LookupTable1D(
        validX: stride(from: 0.0, through: 1.875, by: 0.125).map { $0 },
        values: [0.0, 0.503563817, 0.669042545, 0.765841395, 0.834521272, 0.887793524, 0.931320123, 0.968121338,
                 1.0, 1.028118973, 1.053272252, 1.07602616, 1.09679885, 1.115907873, 1.133600065, 1.150071102],
        output: 0 ... 1.15)

    /// `IECEffDBFlowMod`: dry-bulb effectiveness modifier, ratio 0…1.1, output 0…1.
    public static let muntersDryEffectiveness = LookupTable1D(
        validX: [0.0, 0.156016442, 0.224969531, 0.245292433, 0.269624525, 0.299327692, 0.33698954, 0.385709241,
                 0.453044107, 0.553875806, 0.732741489, 0.899289342, 1.047473735, 1.074970273, 1.104173513],
        values: [0.0, 0.251901141, 0.272633745, 0.297085202, 0.32635468, 0.362021858, 0.406441718, 0.463286713,
                 0.538617886, 0.643203883, 0.798192771, 0.907534247, 0.989130435, 0.994186047, 1.0],
        output: 0 ... 1)

    /// `IECFanPowerMod`: secondary fan power fraction, flow fraction 0…1 (≈ x^2.6), output 0…1.
    public static let secondaryFanPower = LookupTable1D(
        validX: stride(from: 0.0, through: 1.0, by: 0.125).map { $0 },
        values: [0, 0.004487103, 0.027204705, 0.078069482, 0.164938489, 0.294637516, 0.473324827, 0.706676969, 1],
        output: 0 ... 1)

    /// `IECPumpPowerMod`: two-speed spray pump power fraction, flow fraction 0…1, output 0…1.
    public static let twoSpeedSprayPump = LookupTable1D(
        validX: stride(from: 0.0, through: 1.0, by: 0.125).map { $0 },
        values: [0.4, 0.4, 0.4, 0.4, 1, 1, 1, 1, 1],
        output: 0 ... 1)
}
