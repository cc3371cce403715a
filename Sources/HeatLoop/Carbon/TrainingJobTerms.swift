/// A training job described in its own terms, as a paper or a practitioner states it: how many
/// accelerators, what power on which basis, for how long, in which facility and on which grid.
///
///     E_meter = P · t              (P on the stated basis; t wall-clock hours, or GPU-hours / n)
///     E_total = E_meter · PUE      (boundary node + facility)
public struct TrainingJobTerms: Sendable, Equatable {
    /// What a stated power covers, and per what.
    public struct PowerDraw: Sendable, Equatable {
        public enum Scope: String, Sendable, CaseIterable {
            /// Accelerator board power only (e.g. a GPU's TDP, or `nvidia-smi` readings).
            case accelerators
            /// Whole node(s): accelerators and host (Strubell: p_c + p_r + g·p_g; Patterson: system power).
            case node
        }
        public enum Per: String, Sendable, CaseIterable {
            /// Watts per accelerator, multiplied by the accelerator count.
            case accelerator
            /// Watts for the whole job (all its accelerators together).
            case job
        }
        public var watts: Double
        public var scope: Scope
        public var per: Per

        public init(watts: Double, scope: Scope, per: Per) {
            self.watts = watts
            self.scope = scope
            self.per = per
        }

        /// Total draw of the job's `accelerators`, W.
        public func total(accelerators: Int) -> Double {
            per == .accelerator ? watts * Double(accelerators) : watts
        }
    }

    /// How long the job ran.
    public enum Duration: Sendable, Equatable {
        /// Wall-clock hours of the whole job.
        case hours(Double)
        /// Accelerator-hours (GPU-hours) summed over the job's accelerators.
        case gpuHours(Double)

        /// Wall-clock hours given the accelerator count.
        public func hours(accelerators: Int) -> Double {
            switch self {
            case .hours(let h): h
            case .gpuHours(let gh): accelerators > 0 ? gh / Double(accelerators) : 0
            }
        }

        public func gpuHours(accelerators: Int) -> Double {
            switch self {
            case .hours(let h): h * Double(accelerators)
            case .gpuHours(let gh): gh
            }
        }
    }

    public var name: String
    /// Hardware as it would be named on a model card, e.g. "8x P100", "10,000 V100".
    public var hardware: String
    public var accelerators: Int
    /// Accelerators per server, for the server's share of embodied carbon (8 in DGX/HGX nodes).
    public var acceleratorsPerNode: Int
    public var power: PowerDraw
    /// Host power per accelerator, W, when `power` covers accelerators only: what a node boundary adds
    /// (CPUs, memory, NICs, fans). Nil: the rest of the node is not known and a node boundary cannot be
    /// drawn from accelerator power alone.
    public var restOfNodeWattsPerAccelerator: Double?
    public var duration: Duration

    public init(name: String, hardware: String, accelerators: Int, acceleratorsPerNode: Int = 8,
                power: PowerDraw, restOfNodeWattsPerAccelerator: Double? = nil, duration: Duration) {
        self.name = name
        self.hardware = hardware
        self.accelerators = accelerators
        self.acceleratorsPerNode = acceleratorsPerNode
        self.power = power
        self.restOfNodeWattsPerAccelerator = restOfNodeWattsPerAccelerator
        self.duration = duration
    }

    public var hours: Double { duration.hours(accelerators: accelerators) }
    public var gpuHours: Double { duration.gpuHours(accelerators: accelerators) }
}
