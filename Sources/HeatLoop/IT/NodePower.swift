import Foundation

/// How a component's power rises between idle and maximum with utilisation `u` ∈ [0, 1].
public enum PowerCurve: Sendable, Equatable {
    /// `g(u) = u`.
    case linear
    /// `g(u) = 2u − u^r` (Fan, Weber, Barroso, "Power provisioning for a warehouse-sized computer",
    /// ISCA 2007, eq. 2; they fit r = 1.4). Concave: power rises faster than load at low utilisation.
    case mse(exponent: Double)

    /// `g(u)`, with `u` clamped to [0, 1].
    public func fraction(_ utilization: Double) -> Double {
        let u = min(1, max(0, utilization))
        switch self {
        case .linear: return u
        case .mse(let r): return 2 * u - pow(u, r)
        }
    }
}

/// Electrical power of one server node as a function of utilisation.
///
///     P(u) = P_base,idle + (P_base,max − P_base,idle)·u + n_gpu·[P_gpu,idle + (P_gpu,max − P_gpu,idle)·g(u)]
///
/// The GPU part follows `curve`; the base (CPUs, memory, NICs, fans, PSU losses) rises linearly.
/// Default: an 8× H100 SXM node (DGX H100 class): 9.1 kW at full utilisation, 1.8 kW idle (the DGX H100
/// datasheet rates the system at 10.2 kW maximum, which includes PSU headroom):
/// GPUs 75 W idle / 700 W TDP, base 1.2 kW idle / 3.5 kW maximum.
public struct NodePower: Sendable, Equatable {
    public var gpus: Int
    public var gpuIdle: Watts
    public var gpuMax: Watts
    public var baseIdle: Watts
    public var baseMax: Watts
    public var curve: PowerCurve

    public init(gpus: Int, gpuIdle: Watts, gpuMax: Watts, baseIdle: Watts, baseMax: Watts, curve: PowerCurve) {
        self.gpus = gpus
        self.gpuIdle = gpuIdle
        self.gpuMax = gpuMax
        self.baseIdle = baseIdle
        self.baseMax = baseMax
        self.curve = curve
    }

    /// Node power at utilisation `u` (clamped to [0, 1]).
    public func power(utilization u: Double) -> Watts {
        let clamped = min(1, max(0, u))
        let base = baseIdle.value + (baseMax.value - baseIdle.value) * clamped
        let gpu = gpuIdle.value + (gpuMax.value - gpuIdle.value) * curve.fraction(clamped)
        return Watts(base + Double(gpus) * gpu)
    }

    /// Power at full utilisation (the nameplate used for design loads).
    public var maximum: Watts { power(utilization: 1) }
    /// Power at zero utilisation.
    public var idle: Watts { power(utilization: 0) }
}
