import HeatLoop

/// Which report a HeatLoop file gets, from its root attributes: a sizing sweep or a batch summary (root
/// `kind`), an ensemble (`kind = ensemble`), a sizing sweep under uncertainty (`kind = sizing_uncertainty`),
/// a batch under uncertainty (`kind = batch_uncertainty`), a project timeline (`kind = timeline`), a timeline ensemble (`kind = timeline_ensemble`), or a single run (it records its resolved site
/// file). Nil for other files.
public enum ReportKind: Sendable, Equatable {
    case run
    case batch
    case sizing
    case ensemble
    case robustSizing
    case batchEnsemble
    case timeline
    case timelineEnsemble

    public init?(rootAttributes attributes: [ResultAttribute]) {
        func text(_ name: String) -> String? {
            guard case .string(let value)? = attributes.first(where: { $0.name == name })?.value else { return nil }
            return value
        }
        switch text("kind") {
        case "batch": self = .batch
        case "sizing": self = .sizing
        case "ensemble": self = .ensemble
        case "sizing_uncertainty": self = .robustSizing
        case "batch_uncertainty": self = .batchEnsemble
        case "timeline": self = .timeline
        case "timeline_ensemble": self = .timelineEnsemble
        default:
            guard text("site_config_json") != nil || text("site_config") != nil else { return nil }
            self = .run
        }
    }
}
