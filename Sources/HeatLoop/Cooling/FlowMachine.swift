import Foundation

/// A variable-speed pump or fan following the affinity laws.
///
///     P = P_design · max(φ, φ_min)^n
///
/// with flow fraction φ = flow / design flow. n = 3 is the ideal affinity law; measured VSD fan and pump
/// systems follow n ≈ 2.4–2.8 because of static pressure and drive losses (ASHRAE 90.1-2019 G3.1.3.15
/// part-load fan curve; DESIGN §3.4 *default* 2.6 for air handlers). Below φ_min the machine runs at
/// its minimum speed.
public struct AffinityMachine: Sendable, Equatable {
    public var designPower: Watts
    public var exponent: Double
    public var minimumFraction: Double

    public init(designPower: Watts, exponent: Double, minimumFraction: Double) {
        self.designPower = designPower
        self.exponent = exponent
        self.minimumFraction = minimumFraction
    }

    /// Design power of a machine moving a volume flow against a pressure rise: `P = V̇ Δp / η`.
    public static func designPower(volumeFlow: Double, pressureRise: Double, efficiency: Double) -> Watts {
        Watts(volumeFlow * pressureRise / efficiency)
    }

    @inlinable
    public func power(flowFraction: Double) -> Watts {
        let fraction = min(1, max(minimumFraction, flowFraction))
        // Whole exponents (the ideal law n = 3, and n = 2) by multiplication: `pow` costs ~15 ns a call.
        let factor = switch exponent {
        case 3: fraction * fraction * fraction
        case 2: fraction * fraction
        case 1: fraction
        default: pow(fraction, exponent)
        }
        return Watts(designPower.value * factor)
    }
}
