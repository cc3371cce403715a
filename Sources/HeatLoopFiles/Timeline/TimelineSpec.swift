import Foundation
import HeatLoop

/// A timeline file (issue 18 item 3): how the site's inputs move over the project's years, for
/// `heatloop run SITE --timeline FILE`.
///
/// ```yaml
/// name: campus-timeline
/// start_year: 2027                # calendar year of operating year 1
/// years: 20                       # default: the site's economics.lifetime_years
/// changes:                        # site-file key path: how it moves, in the key's unit
///   it.clusters[0].workload.constant.utilization: {ramp: {from: 0.5, to: 0.9, years: 3}}
///   economics.heat_price_eur_per_mwh: {escalate: {from: 45, rate: 0.02}}
///   carbon.grid_g_per_kwh: {escalate: {from: 380, rate: -0.06}}
///   heat_recovery.heat_pump.capacity_mw: {steps: {1: 8, 6: 12}}
/// ```
///
/// `ramp {from, to, years}`, `escalate {from, rate}`, `steps {year: value, …}` (`TimelineChange`).
public struct TimelineSpec: Sendable {
    public var name = ""
    public var startYear = 2027
    /// Nil: the site's project life.
    public var years: Int?
    public var inputs: [TimelineInput] = []

    public init() {}

    static let keys = ["name", "start_year", "years", "changes"]
    /// Longest timeline: 60 years.
    public static let yearRange = 1...60

    public static func read(path: String) throws(SpecProblems) -> TimelineSpec {
        try YAMLDocument.decode(text: try YAMLDocument.text(ofFile: path, what: "timeline file"), file: path, keys: keys,
                                empty: TimelineSpec(), TimelineSpec.init)
    }

    /// `read`, its problems as invalid input (what `validate` and `run` report).
    public static func load(path: String) throws(InputError) -> TimelineSpec {
        do { return try read(path: path) } catch { throw .site(error) }
    }

    init(_ o: SpecMapping) {
        name = o.requiredString("name", "the timeline's name") ?? ""
        startYear = o.requiredInteger("start_year", 2000...2100) ?? startYear
        years = o.optionalInteger("years", Self.yearRange)
        inputs = Self.changes(o["changes"])
        if inputs.isEmpty && !o["changes"].isPresent {
            o.missing("changes", "site-file key paths and how they move, e.g. {economics.heat_price_eur_per_mwh: {escalate: {from: 45, rate: 0.02}}}")
        }
    }

    static func changes(_ cursor: SpecCursor) -> [TimelineInput] {
        guard let node = cursor.node else { return [] }
        guard case .mapping(let entries, _) = node else {
            cursor.problem("expected a mapping of site-file key paths to changes, found \(node.summary)")
            return []
        }
        return entries.compactMap { entry in
            let path = joinPath(cursor.path, entry.key)
            guard SiteKeyPath(entry.key) != nil else {
                cursor.log.add(entry.keyPosition, path, "'\(entry.key)' is not a key path; e.g. economics.heat_price_eur_per_mwh")
                return nil
            }
            let value = SpecCursor(node: entry.value, path: path, position: entry.value.position, log: cursor.log)
            return change(value).map { TimelineInput(keyPath: entry.key, change: $0) }
        }
    }

    static func change(_ cursor: SpecCursor) -> TimelineChange? {
        guard let (name, value) = cursor.variant(TimelineChange.names) else { return nil }
        let change: TimelineChange
        switch name {
        case "ramp":
            guard let o = value.object(keys: ["from", "to", "years"]), let from = o.requiredNumber("from", -1e12...1e12),
                  let to = o.requiredNumber("to", -1e12...1e12), let years = o.requiredInteger("years", yearRange) else { return nil }
            change = .ramp(from: from, to: to, years: years)
        case "escalate":
            guard let o = value.object(keys: ["from", "rate"]), let from = o.requiredNumber("from", -1e12...1e12),
                  let rate = o.requiredNumber("rate", -0.99...10, "a fraction a year: 0.02 = 2 %") else { return nil }
            change = .escalate(from: from, rate: rate)
        default:
            guard let steps = steps(value) else { return nil }
            change = .steps(steps)
        }
        if let problem = change.problem {
            cursor.problem(problem)
            return nil
        }
        return change
    }

    static func steps(_ cursor: SpecCursor) -> [TimelineStep]? {
        guard case .mapping(let entries, _)? = cursor.node else {
            cursor.problem("expected a mapping of operating years to values, e.g. {1: 0.3, 6: 0.8}")
            return nil
        }
        var steps: [TimelineStep] = []
        for entry in entries {
            let at = SpecCursor(node: entry.value, path: joinPath(cursor.path, entry.key), position: entry.value.position, log: cursor.log)
            guard let year = Int(entry.key), yearRange.contains(year) else {
                at.problem("'\(entry.key)' is not an operating year (1…\(yearRange.upperBound))")
                return nil
            }
            guard let value = at.number else {
                at.problem("expected a number, found \(at.summary)")
                return nil
            }
            steps.append(TimelineStep(year: year, value: value))
        }
        return steps.sorted { $0.year < $1.year }
    }
}
