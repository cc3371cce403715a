import Foundation
import HeatLoop

/// A sizing file as written (DESIGN §3.8): a site, a grid of its parameters to vary, the objective and
/// constraints. Every grid point is a full annual simulation with the site's economics.
///
/// ```yaml
/// name: campus-heat-pump
/// site: ../chicago-ai-campus.yaml             # relative to this file; `heatloop size SITE` overrides it
/// timestep_min: 60
/// vary:
///   heat_recovery.heat_pump.capacity_mw: {from: 4, to: 20, step: 2}
///   heat_recovery.storage.volume_m3: [0, 100, 250, 500, 1000, 2000]
/// objective: npv                              # npv | lcoh | heat_delivered | co2_avoided
/// constraints: {erf: {min: 0.2}, payback_years: {max: 8}}
/// ```
public struct SizingSpec: Sendable {
    public var name = ""
    /// The site file as written (relative to the sizing file unless absolute); nil when the command line gives it.
    public var site: String?
    public var timestepMin: Int?
    public var vary: [VaryAxis] = []
    public var objective = SizingObjective.npv
    public var constraints: [DesignConstraint] = []
    /// Designs listed in the terminal table.
    public var top = 10
    /// Uncertain inputs and weather (issue 18): every design is run over the same samples and recommended
    /// by `recommendBy`; nil: one typical year per design, recommended by `objective`.
    public var uncertainty: UncertaintySpec?
    /// The robust criterion (`recommend_by`; only with `uncertainty`). Default: P90 NPV.
    public var recommendBy = RobustCriterion.p90NPV

    var varyPosition: SourcePosition?
    /// Where `site` is written, for problems of the site it names that have no line of their own.
    var sitePosition: SourcePosition?

    public init() {}

    static let keys = ["name", "site", "timestep_min", "vary", "objective", "constraints", "top", "uncertainty", "recommend_by"]

    /// Columns of the design table a constraint may bound: the run KPIs and the economics.
    public static var constrainableColumns: [String] {
        KPIs(EnergyTotals(), carbon: nil).named.map(\.name) + EconomicAssessment.descriptions.map(\.name)
    }

    /// Reads the sizing file at `path`; every problem with its line:column and key path.
    public static func read(path: String) throws(SpecProblems) -> SizingSpec {
        try decode(text: try YAMLDocument.text(ofFile: path, what: "sizing file"), file: path)
    }

    public static func decode(text: String, file: String) throws(SpecProblems) -> SizingSpec {
        try YAMLDocument.decode(text: text, file: file, keys: keys, empty: SizingSpec(), SizingSpec.init)
    }

    init(_ o: SpecMapping) {
        name = o.requiredString("name", "the sweep's name, used for its output folder") ?? ""
        if !name.isEmpty, !Slug.isSafe(name) {
            o["name"].problem("'\(name)' cannot name an output folder; use letters, digits, '-', '_' and '.', starting with a letter or digit")
        }
        site = o.optionalString("site")
        sitePosition = o["site"].node?.position
        if let site {
            let resolved = SiteSpec.resolve(site, relativeTo: o.log.file)
            if let problem = InputFile.problem(at: resolved) {
                o["site"].problem("site file '\(site)' \(problem) (looked for \(resolved)); give a path relative to \((o.log.file as NSString).lastPathComponent)")
            }
        }
        timestepMin = o.optionalStepMinutes("timestep_min")
        if o["vary"].isPresent {
            varyPosition = o.keyPosition("vary")
            vary = BatchSpec.vary(o["vary"])
            Self.refuseUncertainInputs(o, vary: vary)
            if vary.isEmpty, o["vary"].node?.entries?.isEmpty == true {
                o["vary"].problem("at least one parameter to vary is needed")
            }
        } else {
            o.log.add(o.position, "vary", "missing required key 'vary' (site-file key paths to lists or {from, to, step} ranges)")
        }
        if let name = o.choice("objective", SizingObjective.allCases.map(\.rawValue)), let chosen = SizingObjective(rawValue: name) {
            objective = chosen
        }
        // Any column may be bound, so the keys are checked here, with a hint shorter than the column list.
        if let bounds = o["constraints"].object(keys: Self.constrainableColumns, reportingUnknown: false) {
            for entry in bounds.entries {
                let column = entry.key
                guard Self.constrainableColumns.contains(column) else {
                    let candidates = Self.constrainableColumns
                    let hint = (candidates.first { $0.hasPrefix(column + "_") } ?? Suggestion.closest(to: column, in: candidates))
                        .map { "; did you mean '\($0)'?" } ?? ""
                    bounds.log.add(entry.keyPosition, joinPath(bounds.path, column), "'\(column)' is not a design-table column\(hint) "
                        + "(any /summary KPI or economics column: erf, pue, dh_coverage, heat_delivered_MWh, npv_eur, payback_years, …; "
                        + "Docs/economics.md)")
                    continue
                }
                guard let bound = bounds[column].object(keys: ["min", "max"]) else { continue }
                let constraint = DesignConstraint(column: column, minimum: bound.optionalNumber("min", -1e15...1e15),
                                                  maximum: bound.optionalNumber("max", -1e15...1e15))
                if constraint.minimum == nil, constraint.maximum == nil {
                    bounds[column].problem("give 'min', 'max' or both, e.g. {min: 0.2}")
                } else if let low = constraint.minimum, let high = constraint.maximum, low > high {
                    bounds[column].problem("min \(low) is above max \(high); no design could meet it")
                }
                constraints.append(constraint)
            }
        }
        top = o.integer("top", default: top, 1...10_000)
        if let mapping = o["uncertainty"].object(keys: UncertaintySpec.keys) {
            uncertainty = UncertaintySpec(mapping, embedded: true)
        }
        if let name = o.choice("recommend_by", RobustCriterion.allCases.map(\.rawValue)), let criterion = RobustCriterion(rawValue: name) {
            recommendBy = criterion
            if uncertainty == nil {
                o["recommend_by"].problem("ranks designs over uncertain samples; add 'uncertainty:' or use 'objective'")
            }
        }
    }

    /// A price is not a design choice: varying it would recommend the price, not a design. Refused with
    /// a hint to move it under `uncertainty: inputs:`.
    static func refuseUncertainInputs(_ o: SpecMapping, vary: [VaryAxis]) {
        for axis in vary {
            guard case .key(let last)? = SiteKeyPath(axis.keyPath)?.components.last, last.contains("price") else { continue }
            o.log.add(axis.keyPosition, "vary.\(axis.keyPath)",
                      "a price is an uncertain input, not a design choice; move it under 'uncertainty: inputs:' as a "
                        + "distribution, e.g. \(axis.keyPath): {triangular: {min: …, mode: …, max: …}}")
        }
    }
}
