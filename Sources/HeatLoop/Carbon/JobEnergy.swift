/// A training job's electricity by part, kWh, within a stated accounting boundary.
///
///     accelerators + rest of node            = node energy at the plugs (E_node)
///     + network/storage share   s_net · E_node
///     + idle share              allocated by a stated rule (unassigned capacity)
///     = IT energy of the job    E_IT
///     + facility share          E_IT · (PUE − 1), or Σ_steps E_step · (PUE_step − 1) from the simulation
///     = E_total
public struct JobEnergy: Sendable, Equatable {
    public enum Part: String, Sendable, CaseIterable {
        case accelerators
        case restOfNode = "rest_of_node"
        /// Node energy from a node-level power figure that does not split accelerators from the host.
        case node
        case networkStorage = "network_storage"
        case idleShare = "idle_share"
        case facility
    }

    /// One part: energy, kWh, with its range, and how it was obtained.
    public struct Line: Sendable, Equatable {
        public var part: Part
        public var kWh: Estimate
        public var basis: String

        public init(part: Part, kWh: Estimate, basis: String) {
            self.part = part
            self.kWh = kWh
            self.basis = basis
        }
    }

    public var boundary: AccountingBoundary
    public var lines: [Line]
    /// The PUE the facility line corresponds to, and whether it was given, measured or simulated.
    public var pue: Estimate
    public var pueBasis: FacilityOverhead.Basis

    public init(boundary: AccountingBoundary, lines: [Line], pue: Estimate, pueBasis: FacilityOverhead.Basis) {
        self.boundary = boundary
        self.lines = lines
        self.pue = pue
        self.pueBasis = pueBasis
    }

    public var totalKWh: Estimate { Estimate.sum(lines.map(\.kWh)) }
    /// Energy inside the IT boundary (all lines but the facility share), kWh.
    public var itKWh: Estimate { Estimate.sum(lines.filter { $0.part != .facility }.map(\.kWh)) }

    public func kWh(_ part: Part) -> Estimate? { lines.first { $0.part == part }?.kWh }
}

/// Where the facility share (cooling, electrical losses) of a job comes from.
public enum FacilityOverhead: Sendable, Equatable {
    public enum Basis: String, Sendable, CaseIterable {
        /// A PUE stated by a paper or an operator, not measured here.
        case given
        /// A PUE measured at the site over the period (ISO/IEC 30134-2), set in the site file.
        case measured
        /// From the simulated hours the job ran: Σ_steps E_job,step · (PUE_step − 1).
        case simulated
        /// No facility share (boundary GPU only or node).
        case none
    }

    /// A PUE with its range (`Estimate(exactly:)` when exact) and its basis (given or measured).
    case pue(Estimate, Basis)
    /// Overhead energy from the simulation, kWh, and the job's effective PUE.
    case simulated(overheadKWh: Double, pue: Double)
}

/// Why a footprint cannot be computed from the terms given.
public enum CarbonCardProblem: Error, Equatable, CustomStringConvertible {
    case restOfNodeUnknown
    case nodePowerAtGPUBoundary
    case facilityNeedsPUE
    case noAccelerators
    case noGridIntensity

    public var description: String {
        switch self {
        case .restOfNodeUnknown:
            "the power covers accelerators only: a node boundary needs the host power per accelerator "
                + "(rest_of_node_w_per_accelerator), or choose boundary gpu-only"
        case .nodePowerAtGPUBoundary:
            "the power covers whole nodes: it cannot be split into a GPU-only boundary; choose node or node+facility"
        case .facilityNeedsPUE:
            "boundary node+facility needs a PUE (given or measured) or a simulated site"
        case .noAccelerators:
            "a training job needs at least one accelerator"
        case .noGridIntensity:
            "the site has no grid intensity (carbon section): give one with --grid-g-per-kwh"
        }
    }
}

extension JobEnergy {
    /// Energy of a job described in its own terms.
    ///
    /// `networkStorageShare`: the job's network and storage energy as a share of its node energy (0 when
    /// not stated); `idleShareKWh`: idle/shared capacity allocated to the job by the caller's rule.
    public init(terms: TrainingJobTerms, boundary: AccountingBoundary, facility: FacilityOverhead,
                networkStorageShare: Estimate = .zero, idleShareKWh: Estimate = .zero) throws(CarbonCardProblem) {
        guard terms.accelerators > 0 else { throw .noAccelerators }
        let hours = terms.hours
        let drawKWh = terms.power.total(accelerators: terms.accelerators) * hours / 1000
        var lines: [Line] = []
        switch (terms.power.scope, boundary) {
        case (.node, .gpuOnly):
            throw .nodePowerAtGPUBoundary
        case (.node, _):
            lines.append(Line(part: .node, kWh: Estimate(exactly: drawKWh), basis: "stated node power × hours"))
        case (.accelerators, _):
            lines.append(Line(part: .accelerators, kWh: Estimate(exactly: drawKWh), basis: "stated accelerator power × hours"))
            if boundary.includesRestOfNode {
                guard let host = terms.restOfNodeWattsPerAccelerator else { throw .restOfNodeUnknown }
                let kWh = host * Double(terms.accelerators) * hours / 1000
                lines.append(Line(part: .restOfNode, kWh: Estimate(exactly: kWh), basis: "stated host power per accelerator × hours"))
            }
        }
        if boundary.includesRestOfNode {
            let node = Estimate.sum(lines.map(\.kWh))
            if networkStorageShare.high > 0 {
                lines.append(Line(part: .networkStorage, kWh: node * networkStorageShare, basis: "stated share of node energy"))
            }
            if idleShareKWh.high > 0 {
                lines.append(Line(part: .idleShare, kWh: idleShareKWh, basis: "stated idle energy allocated to the job"))
            }
        }
        try self.init(boundary: boundary, itLines: lines, facility: facility)
    }

    /// Adds the facility line to IT lines (when the boundary includes the facility).
    public init(boundary: AccountingBoundary, itLines: [Line], facility: FacilityOverhead) throws(CarbonCardProblem) {
        var lines = itLines
        guard boundary.includesFacility else {
            self.init(boundary: boundary, lines: lines, pue: Estimate(exactly: 1), pueBasis: .none)
            return
        }
        let it = Estimate.sum(itLines.map(\.kWh))
        switch facility {
        case .pue(let pue, let basis):
            guard basis != .none else { throw .facilityNeedsPUE }
            let overhead = it * (pue + Estimate(exactly: -1))
            lines.append(Line(part: .facility, kWh: overhead, basis: "IT energy × (PUE − 1), PUE \(basis.rawValue)"))
            self.init(boundary: boundary, lines: lines, pue: pue, pueBasis: basis)
        case .simulated(let overheadKWh, let pue):
            lines.append(Line(part: .facility, kWh: Estimate(exactly: overheadKWh),
                              basis: "cooling and electrical losses in the simulated hours the job ran"))
            self.init(boundary: boundary, lines: lines, pue: Estimate(exactly: pue), pueBasis: .simulated)
        }
    }
}
