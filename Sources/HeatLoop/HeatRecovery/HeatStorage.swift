/// A stratified hot-water tank between the heat pump and the DH network.
///
///     E_max = ρ c_p V (T_DH,supply,design − T_DH,return)
///
/// Charge and discharge powers are limited; standing losses are a share of the stored energy per day.
public struct HeatStorage: Sendable, Equatable {
    public var capacity: Joules
    public var maximumCharge: Watts
    public var maximumDischarge: Watts
    /// Share of stored energy lost per day (0…1).
    public var lossPerDay: Double

    public init(capacity: Joules, maximumCharge: Watts, maximumDischarge: Watts, lossPerDay: Double) {
        self.capacity = capacity
        self.maximumCharge = maximumCharge
        self.maximumDischarge = maximumDischarge
        self.lossPerDay = lossPerDay
    }

    public static func capacity(volume: Double, supply: Celsius, return returnTemperature: Celsius) -> Joules {
        Joules(Fluid.waterDensity * Fluid.waterSpecificHeat * volume * max(0, (supply - returnTemperature).value))
    }

    public static let none = HeatStorage(capacity: Joules(0), maximumCharge: .zero, maximumDischarge: .zero, lossPerDay: 0)
}
