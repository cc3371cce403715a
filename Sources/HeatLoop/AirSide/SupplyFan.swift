/// How a supply fan's flow is controlled.
public enum FanControl: Sendable, Equatable {
    /// EnergyPlus `Fan:ConstantVolume`: design flow whenever the unit runs.
    case constantVolume
    /// EnergyPlus `Fan:VariableVolume`: part-load power fraction
    /// `f(x) = c1 + c2 x + c3 x² + c4 x³ + c5 x⁴` of the flow fraction `x = max(ff, ff_min)`.
    case variableVolume(coefficients: (Double, Double, Double, Double, Double), minimumFlowFraction: Double)

    public static func == (a: FanControl, b: FanControl) -> Bool {
        switch (a, b) {
        case (.constantVolume, .constantVolume): true
        case let (.variableVolume(c, m), .variableVolume(d, n)): c == d && m == n
        default: false
        }
    }
}

/// A CRAC / air-handler supply fan as EnergyPlus models it (Engineering Reference, "Fans"):
///
///     P_design = V̇_max Δp / η_total                               W
///     P        = P_design · f(x)        (constant volume: f = 1)
///     Q_air    = P_shaft + (P − P_shaft) · f_motor,air,   P_shaft = η_motor P
///
/// `Q_air` is the fan heat that enters the air stream (all of `P` for a motor in the air stream, as
/// the CRAC's EC plug fan in the EnergyPlus examples). Defaults live in the site spec; the EnergyPlus
/// data-centre CRAC uses η_total 0.7, Δp 486 Pa, V̇_max 8.5 m³/s, η_motor 0.9, motor in air stream 1.0,
/// coefficients (0.06990146, 1.39500612, −3.35487336, 2.89232315, 0) and minimum flow fraction 0.05.
public struct SupplyFan: Sendable, Equatable {
    /// Maximum (design) volume flow, m³/s.
    public var designFlow: Double
    /// Total pressure rise, Pa.
    public var pressureRise: Double
    public var totalEfficiency: Double
    public var motorEfficiency: Double
    public var motorInAirstreamFraction: Double
    public var control: FanControl

    public init(designFlow: Double, pressureRise: Double, totalEfficiency: Double, motorEfficiency: Double,
                motorInAirstreamFraction: Double, control: FanControl) {
        self.designFlow = designFlow
        self.pressureRise = pressureRise
        self.totalEfficiency = totalEfficiency
        self.motorEfficiency = motorEfficiency
        self.motorInAirstreamFraction = motorInAirstreamFraction
        self.control = control
    }

    /// Electric power at full flow, W.
    public var designPower: Double { designFlow * pressureRise / totalEfficiency }

    /// Smallest flow fraction the fan runs at (1 for constant volume).
    public var minimumFlowFraction: Double {
        switch control {
        case .constantVolume: 1
        case .variableVolume(_, let minimum): minimum
        }
    }

    /// Electric power at flow fraction `flowFraction`, W.
    @inline(__always)
    public func power(flowFraction: Double) -> Double {
        switch control {
        case .constantVolume:
            return designPower
        case .variableVolume(let c, let minimum):
            let x = min(1, max(minimum, flowFraction))
            return designPower * (c.0 + x * (c.1 + x * (c.2 + x * (c.3 + x * c.4))))
        }
    }

    /// Part of the electric power `power` that heats the air stream, W.
    @inline(__always)
    public func heatToAir(power: Double) -> Double {
        let shaft = motorEfficiency * power
        return shaft + (power - shaft) * motorInAirstreamFraction
    }
}
