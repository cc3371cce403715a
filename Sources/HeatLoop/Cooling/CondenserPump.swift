/// The condenser-water pump of a water-cooled chiller plant: EnergyPlus `Pump:VariableSpeed` on a condenser loop
/// whose flow is the chiller's design condenser flow whenever the plant rejects heat (`Chiller:Electric` requests
/// its design flow while it runs; the pump's control is Intermittent, so it stops with the chiller).
///
///     P = P_d · PLC(ṁ / ṁ_d) = P_d                 while the sink carries heat, else 0
///     P_d = V̇_d · Δp / (η_impeller · η_motor)      (EnergyPlus's sizing, η_impeller 0.78)
///     Q_water = η_motor · P                         heat into the condenser water (the shaft power; the IDF puts
///                                                  none of the motor's losses into the fluid)
///
/// With the flow at design the part-load curve (the IDF's is linear in the flow ratio) is 1. Source: EnergyPlus
/// 25.2 Engineering Reference, "Pumps" (variable-speed pump, heat to the fluid: shaft power plus the motor losses'
/// fraction to the fluid); Input Output Reference, `Pump:VariableSpeed` (design power sizing method).
public struct CondenserPump: Sendable, Equatable {
    public var designPower: Watts
    /// Share of the pump's electric power that heats the condenser water (η_motor when no motor loss goes to it).
    public var heatToWater: Double

    public init(designPower: Watts, heatToWater: Double) {
        self.designPower = designPower
        self.heatToWater = heatToWater
    }

    /// EnergyPlus's default impeller efficiency of `Pump:VariableSpeed`, which its design power sizing assumes.
    public static let impellerEfficiency = 0.78

    /// Design power, W, of a pump moving `volumeFlow` m³/s against `head` Pa with a motor of efficiency `motorEfficiency`.
    public static func designPower(volumeFlow: Double, head: Double, motorEfficiency: Double) -> Watts {
        Watts(volumeFlow * head / (impellerEfficiency * motorEfficiency))
    }
}
