import Foundation
import HeatLoop

/// An uncertainty file (issue 18): what varies between the samples of `heatloop run SITE --ensemble N`.
///
/// ```yaml
/// name: campus-p90
/// samples: 100                  # default of --ensemble
/// seed: 2026                    # Latin hypercube and weather generator
/// weather: generated            # generated (from the site's EPW) | typical (the EPW as is) | [a.epw, b.epw]
/// weather_variability:          # optional, generated only; default the EPW's climate noise
///   dry_bulb_sd_k: [2.6, 2.4, …]   # 12 monthly spreads, K
///   rh_sd_pct: [2, …]              # 12 monthly spreads, percentage points
///   lag1: 0.2                      # month-to-month autocorrelation
/// climate: {name: plus1k, offset_k: 1}   # optional, on top of every weather member (offset_k or morph)
/// inputs:                       # site-file key path: one named distribution, in the key's unit
///   economics.heat_price_eur_per_mwh: {triangular: {min: 30, mode: 45, max: 70}}
///   economics.electricity_price_eur_per_mwh: {lognormal: {median: 90, sigma: 0.25}}
///   it.clusters[0].workload.constant.utilization: {uniform: {min: 0.7, max: 0.95}}
///   carbon.grid_g_per_kwh: {normal: {mean: 369, sd: 40}}
/// correlations:                 # optional: target Spearman rank correlations of pairs of inputs (Iman-Conover)
///   - {between: [economics.heat_price_eur_per_mwh, economics.electricity_price_eur_per_mwh], rank: 0.6}
/// ```
///
/// Distributions: `normal {mean, sd}`, `lognormal {median, sigma}`, `uniform {min, max}`,
/// `triangular {min, mode, max}` (`Distribution`). Paths are relative to this file. A drawn value the
/// site file rejects (a utilisation above 1) is reported when the sample is made.
public struct UncertaintySpec: Sendable, Equatable {
    /// Where the weather of the samples comes from.
    public enum WeatherChoice: Sendable, Equatable {
        /// Years made by `WeatherGenerator` from the site's weather file (with `variability`, or its climate noise).
        case generated(WeatherVariability?)
        /// The site's weather file in every sample.
        case typical
        /// Real years, one file each (resolved paths), cycled over the samples.
        case files([String])
    }

    public var name = ""
    public var samples = 100
    public var seed: UInt64 = 1
    public var weather = WeatherChoice.generated(nil)
    public var climate: ClimateSpec?
    public var inputs: [UncertainInput] = []
    /// Target rank correlations of pairs of `inputs`, imposed on the Latin hypercube (`ImanConover`); empty:
    /// independent inputs.
    public var correlations: [InputCorrelation] = []

    public init() {}

    static let keys = ["name", "samples", "seed", "weather", "weather_variability", "climate", "inputs", "correlations"]

    /// How the inputs are sampled, for result files (`sampling`).
    public var samplingText: String {
        "Latin hypercube (McKay, Beckman, Conover 1979), " + (correlations.isEmpty ? "independent inputs"
            : "\(correlations.count) rank correlation(s) imposed by Iman and Conover (1982)")
    }
    static let variabilityKeys = ["dry_bulb_sd_k", "rh_sd_pct", "lag1"]
    /// Largest ensemble: 10,000 samples.
    public static let sampleRange = 1...10_000

    public static func read(path: String) throws(SpecProblems) -> UncertaintySpec {
        try decode(text: try YAMLDocument.text(ofFile: path, what: "uncertainty file"), file: path)
    }

    /// `read`, its problems as invalid input (what `validate` and `run` report).
    public static func load(path: String) throws(InputError) -> UncertaintySpec {
        do { return try read(path: path) } catch { throw .site(error) }
    }

    /// The `uncertainty:` section of the site file at `path` (nil without one), its problems naming the site
    /// file's lines; paths in it are relative to the site file.
    public static func load(siteSection path: String) throws(InputError) -> UncertaintySpec? {
        let log = SpecProblemLog(file: path)
        do throws(SpecProblems) {
            guard let root = YAMLDocument.parse(text: try YAMLDocument.text(ofFile: path, what: "site file"), log: log) else {
                throw SpecProblems(log.problems)
            }
            let spec = siteSection(root: root, log: log)
            guard log.problems.isEmpty else { throw SpecProblems(log.problems) }
            return spec
        } catch { throw .site(error) }
    }

    /// A site tree's `uncertainty:` section (`SiteSpec.uncertaintyKey`), decoded like a sizing file's, its
    /// problems into `log`; nil without one.
    static func siteSection(root: SpecNode, log: SpecProblemLog) -> UncertaintySpec? {
        guard case .mapping(let entries, _) = root, let entry = entries.first(where: { $0.key == SiteSpec.uncertaintyKey }) else {
            return nil
        }
        let cursor = SpecCursor(node: entry.value, path: SiteSpec.uncertaintyKey, position: entry.value.position, log: log)
        return cursor.object(keys: keys).map { UncertaintySpec($0, embedded: true) }
    }

    public static func decode(text: String, file: String) throws(SpecProblems) -> UncertaintySpec {
        try YAMLDocument.decode(text: text, file: file, keys: keys, empty: UncertaintySpec(), UncertaintySpec.init)
    }

    init(_ o: SpecMapping) { self.init(o, embedded: false) }

    /// `embedded`: the `uncertainty:` mapping of a sizing or batch file, whose name is the sweep's (or
    /// of a site file, whose name is the site's).
    init(_ o: SpecMapping, embedded: Bool) {
        name = (embedded ? o.optionalString("name") : o.requiredString("name", "the study's name")) ?? ""
        samples = o.integer("samples", default: 100, Self.sampleRange)
        seed = UInt64(o.integer("seed", default: 1, 0...Int(Int32.max)))
        weather = Self.weather(o)
        if let climate = o["climate"].object(keys: ClimateSpec.keys) { self.climate = ClimateSpec(climate) }
        inputs = Self.inputs(o["inputs"])
        if o["correlations"].isPresent { correlations = Self.correlations(o["correlations"], inputs: inputs.map(\.keyPath)) }
    }

    /// `correlations:`: a list of `{between: [a, b], rank: ρ}`, a and b two different `inputs`, each pair once,
    /// −0.99 ≤ ρ ≤ 0.99, and together a positive definite matrix.
    static func correlations(_ cursor: SpecCursor, inputs: [String]) -> [InputCorrelation] {
        guard let items = cursor.list else { return [] }
        var pairs: [InputCorrelation] = []
        for item in items {
            guard let o = item.object(keys: ["between", "rank"]) else { continue }
            let rank = o.requiredNumber("rank", -0.99...0.99, "a rank correlation strictly between -1 and 1")
            guard let names = o["between"].list?.compactMap({ $0.node?.scalar?.text }), names.count == 2 else {
                if o["between"].isPresent { o["between"].problem("expected two input key paths, e.g. [economics.heat_price_eur_per_mwh, carbon.grid_g_per_kwh]") }
                else { o.missing("between", "the two inputs' key paths") }
                continue
            }
            for name in names where !inputs.contains(name) {
                o["between"].problem("'\(name)' is not one of the inputs; expected one of " + inputs.joined(separator: ", "))
            }
            if names[0] == names[1] { o["between"].problem("an input is always fully correlated with itself; name two inputs") }
            if pairs.contains(where: { Set([$0.first, $0.second]) == Set(names) }) {
                o["between"].problem("the pair \(names[0]), \(names[1]) is listed twice")
            }
            if let rank { pairs.append(InputCorrelation(first: names[0], second: names[1], rank: rank)) }
        }
        if let problem = InputCorrelation.problem(pairs, inputs: inputs) { cursor.problem(problem) }
        return pairs
    }

    static func weather(_ o: SpecMapping) -> WeatherChoice {
        let cursor = o["weather"]
        var choice = WeatherChoice.generated(nil)
        if case .sequence? = cursor.node {
            let files = (cursor.list ?? []).compactMap { item -> String? in
                guard let text = item.node?.scalar?.text else { item.problem("expected an EPW file path"); return nil }
                let resolved = SiteSpec.resolve(text, relativeTo: o.log.file)
                if let problem = InputFile.problem(at: resolved) { item.problem("weather file '\(text)' \(problem)") }
                return resolved
            }
            if files.isEmpty { cursor.problem("at least one weather file is needed") }
            choice = .files(files)
        } else if let name = o.choice("weather", ["generated", "typical"]) {
            choice = name == "typical" ? .typical : .generated(nil)
        }
        guard let v = o["weather_variability"].object(keys: variabilityKeys) else { return choice }
        guard case .generated = choice else {
            o["weather_variability"].problem("applies to generated weather only; set 'weather: generated' or remove it")
            return choice
        }
        guard let temperature = v.numbers("dry_bulb_sd_k", count: 12, 0...20),
              let humidity = v.numbers("rh_sd_pct", count: 12, 0...50),
              let lag1 = v.requiredNumber("lag1", -0.99...0.99) else {
            if !v["dry_bulb_sd_k"].isPresent { v.missing("dry_bulb_sd_k", "12 monthly spreads of the mean dry bulb, K") }
            if !v["rh_sd_pct"].isPresent { v.missing("rh_sd_pct", "12 monthly spreads of the mean RH, percentage points") }
            return choice
        }
        do { return .generated(try WeatherVariability(dryBulbSD: temperature, relativeHumiditySD: humidity, lag1: lag1)) } catch {
            v.problem(error.description)
            return choice
        }
    }

    static func inputs(_ cursor: SpecCursor) -> [UncertainInput] {
        guard let node = cursor.node else { return [] }
        guard case .mapping(let entries, _) = node else {
            cursor.problem("expected a mapping of site-file key paths to distributions, e.g. "
                + "{economics.heat_price_eur_per_mwh: {normal: {mean: 45, sd: 8}}}, found \(node.summary)")
            return []
        }
        return entries.compactMap { entry in
            let path = joinPath(cursor.path, entry.key)
            guard SiteKeyPath(entry.key) != nil else {
                cursor.log.add(entry.keyPosition, path, "'\(entry.key)' is not a key path; e.g. it.clusters[0].nodes")
                return nil
            }
            let value = SpecCursor(node: entry.value, path: path, position: entry.value.position, log: cursor.log)
            return distribution(value).map { UncertainInput(keyPath: entry.key, distribution: $0) }
        }
    }

    static func distribution(_ cursor: SpecCursor) -> Distribution? {
        guard let (name, value) = cursor.variant(Distribution.names) else { return nil }
        let keys: [String] = switch name {
        case "normal": ["mean", "sd"]
        case "lognormal": ["median", "sigma"]
        case "uniform": ["min", "max"]
        default: ["min", "mode", "max"]
        }
        guard let o = value.object(keys: keys) else { return nil }
        let numbers = keys.map { o.requiredNumber($0, -1e12...1e12) }
        let p = numbers.compactMap { $0 }
        guard p.count == keys.count else { return nil }
        let distribution: Distribution = switch name {
        case "normal": .normal(mean: p[0], sd: p[1])
        case "lognormal": .lognormal(median: p[0], sigma: p[1])
        case "uniform": .uniform(min: p[0], max: p[1])
        default: .triangular(min: p[0], mode: p[1], max: p[2])
        }
        if let problem = distribution.problem {
            o.problem(problem)
            return nil
        }
        return distribution
    }
}
