import Foundation
import HeatLoop

/// A batch file expanded into its scenarios (DESIGN §5), every input read and checked once.
///
/// Order: sites × weather × climate × the `vary` grid, each in file order, the last `vary` key varying
/// fastest. `index` is the position in that order (`--shard K/N` runs `index % N == K`).
public struct BatchPlan: Sendable {
    /// The batch file, as given.
    public var path: String
    public var spec: BatchSpec
    public var scenarios: [BatchScenario]

    /// The varied site-file key paths, in file order (the summary's label columns).
    public var variedKeys: [String] { spec.vary.map(\.keyPath) }

    /// The scenario the others are compared with: the first (in the batch's order) that has every value
    /// the batch file's `baseline` names and, when it names no climate, an unchanged climate if any
    /// scenario has one; without `baseline`, the first scenario under an unchanged climate (or the first).
    public var baseline: BatchScenario? {
        let matching = scenarios.filter { scenario in
            spec.baseline.allSatisfy { key, value in
                switch key {
                case "site": scenario.siteName == value
                case "weather": scenario.weatherLabel == value
                case "climate": scenario.climate.name == value
                default: scenario.varied.contains { $0.key == key && $0.value == value }
                }
            }
        }
        guard spec.baseline["climate"] == nil else { return matching.first }
        return matching.first { $0.climate.isBaseline } ?? matching.first
    }

    /// Scenarios of shard `index` of `count` (`index % count == shard`); all scenarios when `count` is 1.
    public func shard(_ shard: Int, of count: Int) -> [BatchScenario] {
        guard count > 0 else { return [] }
        return scenarios.filter { $0.index % count == shard }
    }

    /// Reads the batch file at `path`, its site files (with the `vary` overrides applied), weather and
    /// trace files, each file once. Throws `.batch` with every problem found: the batch file's own (with
    /// line:column and key path), those of its site, weather and trace files (each naming its file), and
    /// overrides the site files reject (reported at the `vary` entry that caused them).
    public static func load(path: String) throws(InputError) -> BatchPlan {
        let spec: BatchSpec
        do { spec = try BatchSpec.read(path: path) } catch { throw .batch(error) }
        return try expand(spec, path: path)
    }

    /// Expands batch-file `text` as if read from `path` (relative paths resolve against `path`'s folder).
    public static func load(text: String, path: String) throws(InputError) -> BatchPlan {
        let spec: BatchSpec
        do { spec = try BatchSpec.decode(text: text, file: path) } catch { throw .batch(error) }
        return try expand(spec, path: path)
    }

    /// Expands `spec` as if read from `path` (used by sizing sweeps, whose file holds a batch's `vary`).
    static func expand(_ spec: BatchSpec, path: String) throws(InputError) -> BatchPlan {
        let loader = BatchLoader(batchPath: path, spec: spec)
        let scenarios = loader.expand()
        guard loader.problems.isEmpty else { throw .batch(SpecProblems(loader.problems)) }
        let plan = BatchPlan(path: path, spec: spec, scenarios: scenarios)
        if !spec.baseline.isEmpty, plan.baseline == nil {
            let named = spec.baseline.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            throw .batch(SpecProblems([SpecProblem(
                file: path, line: spec.baselinePosition?.line, column: spec.baselinePosition?.column, keyPath: "baseline",
                message: "no scenario has \(named); name values of one scenario (sites by their name, weather as 'site' "
                    + "or the EPW file's name without .epw)")]))
        }
        return plan
    }
}

/// One run of a batch: a site (overrides and step applied), a weather file and a climate scenario.
public struct BatchScenario: Sendable {
    /// Position in the batch's expansion order, from 0.
    public var index: Int
    /// Readable slug (site, weather, climate, varied values) + `-` + the first 8 hex digits of `inputsHash`:
    /// the same inputs give the same id, any change of an input gives another.
    public var id: String
    /// The site's `name`.
    public var siteName: String
    /// The site file read (resolved against the batch file).
    public var sitePath: String
    /// The weather file read (the site's own, or one from the batch's `weather` list).
    public var weatherPath: String
    /// `site` for the site's own weather file, else the weather file's name without extension.
    public var weatherLabel: String
    public var climate: ClimateSpec
    /// The overrides of this scenario, in the batch file's order: key path and value as written.
    public var varied: [(key: String, value: String)]
    /// The typed values the overrides set, in the same order.
    public var settings: [SpecNode]
    /// SHA-256 (hex) of the resolved inputs: the resolved site description after overrides (as JSON with
    /// sorted keys, without the weather path), the weather file's name and SHA-256, the trace files' SHA-256,
    /// the step length and the climate.
    public var inputsHash: String
    /// SHA-256 of the weather file's bytes.
    public var weatherSHA256: String

    /// The designed site (overrides, step and weather path applied; designed once) and the files it needs.
    var designed: DesignedSite
    var traces: [String: RegularTrace]
    var weather: WeatherSeries

    /// The scenario's validated input, as `SiteInput.load` would give for the overridden site file with
    /// `--weather` and `--timestep-min`. The climate is not applied: `climate` says how to change `weather`.
    public func siteInput() -> SiteInput {
        SiteInput(designed: designed, traces: traces, weather: weather, weatherPath: weatherPath, weatherSHA256: weatherSHA256)
    }
}

/// Reads a batch's files once each and expands it; the state of one `BatchPlan.load` call.
final class BatchLoader {
    let batchPath: String
    let spec: BatchSpec
    private(set) var problems: [SpecProblem] = []
    private var reported = Set<String>()
    /// Weather series and SHA-256 by resolved path; nil after a problem.
    private var weathers: [String: (series: WeatherSeries, sha256: String)?] = [:]
    /// The design condition of each site weather file read, by standardized path.
    private var designAmbients: [String: DesignAmbient] = [:]
    /// Trace series by resolved path, column and accepted quantities; nil after a problem.
    private var traces: [String: RegularTrace?] = [:]
    private var fileHashes: [String: String] = [:]

    init(batchPath: String, spec: BatchSpec) {
        self.batchPath = batchPath
        self.spec = spec
    }

    /// A site with one point of the `vary` grid applied and designed, and what it reads.
    struct SiteVariant {
        /// Position of the grid point.
        var index: Int
        var designed: DesignedSite
        /// The resolved description as JSON with sorted keys, its weather path left out (the weather enters
        /// the hash by content).
        var resolvedJSON: String
        var traces: [String: RegularTrace]
        /// Trace files as written in the spec, with the SHA-256 of their bytes, sorted by name.
        var traceHashes: [(file: String, sha256: String)]
        var varied: [(key: String, value: String)]
        var settings: [SpecNode]
    }

    func expand() -> [BatchScenario] {
        // Counted from the axes before anything is built: a grid too large fails at once.
        let counts = spec.vary.map(\.values.count)
        let files = [spec.sites.count, spec.weather.count, spec.climate.count]
        guard let total = InputLimits.scenarioCount(axes: files + counts) else {
            let sizes = (files + counts).map(String.init).joined(separator: " × ")
            let total = (files + counts).reduce(1.0) { $0 * Double($1) }
            report(at: spec.varyPosition, "vary", "the batch expands to \(sizes) = \(formatNumber(total)) scenarios; "
                   + "at most \(InputLimits.maximumScenarios) are allowed (split it into several batch files)")
            return []
        }
        let grid = Self.grid(counts)
        var scenarios: [BatchScenario] = []
        scenarios.reserveCapacity(total)
        for siteEntry in spec.sites {
            let sitePath = SiteSpec.resolve(siteEntry, relativeTo: batchPath)
            guard let variants = variants(siteEntry: siteEntry, sitePath: sitePath, grid: grid) else { continue }
            var siteDigests: [String: String] = [:]
            for weatherChoice in spec.weather {
                for climate in spec.climate {
                    for variant in variants {
                        guard let variant else { continue }
                        let scenario = makeScenario(index: scenarios.count, sitePath: sitePath, variant: variant,
                                                    weatherChoice: weatherChoice, climate: climate,
                                                    siteDigests: &siteDigests)
                        if let scenario { scenarios.append(scenario) }
                    }
                }
            }
        }
        checkUnique(scenarios)
        return problems.isEmpty ? scenarios : []
    }

    /// Value indices of every grid point, the last axis varying fastest; one empty point without axes.
    static func grid(_ counts: [Int]) -> [[Int]] {
        var points: [[Int]] = [[]]
        for count in counts {
            points = points.flatMap { point in (0..<count).map { point + [$0] } }
        }
        return points
    }

    // MARK: Sites and overrides

    /// The site decoded for every grid point (nil where the overrides are rejected); nil when the site
    /// file itself has problems.
    private func variants(siteEntry: String, sitePath: String, grid: [[Int]]) -> [SiteVariant?]? {
        let log = SpecProblemLog(file: sitePath)
        let text: String
        do { text = try YAMLDocument.text(ofFile: sitePath, what: "site file") } catch {
            error.problems.forEach(report)
            return nil
        }
        guard let root = YAMLDocument.parse(text: text, log: log) else {
            log.problems.forEach(report)
            return nil
        }
        let base = SiteSpec.decode(file: sitePath, root: root, log: log)
        guard log.problems.isEmpty else {
            log.problems.forEach(report)
            return nil
        }
        guard !spec.vary.isEmpty else { return [variant(base, root: root, index: 0, sitePath: sitePath, varied: [], settings: [])] }
        return grid.enumerated().map { index, point -> SiteVariant? in
            let varied = zip(spec.vary, point).map { (key: $0.keyPath, value: $0.values[$1]) }
            guard let decoded = overridden(root, point: point, siteEntry: siteEntry, sitePath: sitePath) else { return nil }
            return variant(decoded, root: root, index: index, sitePath: sitePath, varied: varied,
                           settings: zip(spec.vary, point).map { $0.settings[$1] })
        }
    }

    /// The site file's tree with the grid point's typed values set, decoded and checked like the file
    /// itself; problems are reported at the batch file's `vary` entries.
    private func overridden(_ root: SpecNode, point: [Int], siteEntry: String, sitePath: String) -> SiteSpec? {
        var node = root
        var applied: [(axis: VaryAxis, value: Int)] = []
        for (axis, value) in zip(spec.vary, point) {
            guard let keyPath = SiteKeyPath(axis.keyPath) else { return nil }
            do throws(SettingFailure) {
                node = try node.setting(keyPath, to: axis.settings[value])
                applied.append((axis, value))
            } catch {
                report(at: axis.keyPosition, "vary.\(axis.keyPath)", "cannot apply to site '\(siteEntry)': \(error.message)")
            }
        }
        // Decode even when an override could not be applied, to report the others' problems too.
        let log = SpecProblemLog(file: sitePath)
        let decoded = SiteSpec.decode(file: sitePath, root: node, log: log)
        guard log.problems.isEmpty else {
            for problem in log.problems { reportOverride(problem, applied: applied, siteEntry: siteEntry) }
            return nil
        }
        return applied.count == point.count ? decoded : nil
    }

    /// Moves a site-decoder problem caused by overrides to the batch file: to the value when it is about
    /// the overridden key, to the `vary` key when about a key on its path (unknown keys), else to `vary`.
    private func reportOverride(_ problem: SpecProblem, applied: [(axis: VaryAxis, value: Int)], siteEntry: String) {
        let isUnknownKey = problem.message.hasPrefix("unknown key") || problem.message.hasPrefix("unknown kind")
        if !isUnknownKey, let (axis, value) = applied.first(where: { $0.axis.keyPath == problem.keyPath }) {
            let quoted = axis.isQuoted(value) ? " (the value is quoted in the batch file, so it is text)" : ""
            report(at: axis.valuePositions[value], "vary.\(axis.keyPath)[\(value)]",
                   "site '\(siteEntry)': \(problem.message)\(quoted)")
        } else if let (axis, _) = applied.first(where: { SiteKeyPath.overlap($0.axis.keyPath, problem.keyPath) }) {
            report(at: axis.keyPosition, "vary.\(axis.keyPath)", "site '\(siteEntry)': \(problem.keyPath): \(problem.message)")
        } else {
            let values = applied.map { "\($0.axis.keyPath) = \($0.axis.values[$0.value])" }.joined(separator: ", ")
            report(at: spec.varyPosition, "vary",
                   "site '\(siteEntry)' with \(values): \(problem.keyPath.isEmpty ? "" : "\(problem.keyPath): ")\(problem.message)")
        }
    }

    /// The site with the batch's step applied, designed, and its series files read.
    private func variant(_ decoded: SiteSpec, root: SpecNode, index: Int, sitePath: String, varied: [(key: String, value: String)],
                         settings: [SpecNode]) -> SiteVariant? {
        var spec = decoded
        if let minutes = self.spec.timestepMin { spec.timestepMin = minutes }
        var series: [String: RegularTrace] = [:]
        var hashes: [(file: String, sha256: String)] = []
        for file in spec.seriesFiles {
            let resolved = SiteSpec.resolve(file.path, relativeTo: sitePath)
            guard let trace = trace(resolved, file) else { return nil }
            series[file.path] = trace
            hashes.append((file.path, fileHash(resolved)))
        }
        // The plant is designed for the site's own weather, whichever weather the scenarios then run in.
        guard let ambient = designAmbient(SiteSpec.resolve(spec.weather, relativeTo: sitePath)) else { return nil }
        let designed = spec.designed(ambient: ambient)
        guard designed.problems.isEmpty else {
            // Located at the key in the site file; a varied site says with which values.
            let values = varied.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
            let log = SpecProblemLog(file: sitePath)
            let cursor = SpecCursor(root: root, log: log)
            for problem in designed.problems {
                cursor.at(problem.keyPath).problem((values.isEmpty ? "" : "with \(values): ") + problem.message)
            }
            log.problems.forEach(report)
            return nil
        }
        var hashed = designed.spec
        hashed.weather = ""
        return SiteVariant(index: index, designed: designed, resolvedJSON: hashed.canonicalJSON, traces: series,
                           traceHashes: hashes.sorted { $0.file < $1.file }, varied: varied, settings: settings)
    }

    // MARK: Scenarios

    private func makeScenario(index: Int, sitePath: String, variant: SiteVariant, weatherChoice: WeatherChoice,
                              climate: ClimateSpec, siteDigests: inout [String: String]) -> BatchScenario? {
        var site = variant.designed
        let weatherPath: String
        let label: String
        switch weatherChoice {
        case .site:
            weatherPath = SiteSpec.resolve(site.spec.weather, relativeTo: sitePath)
            label = "site"
        case .file(let file):
            weatherPath = SiteSpec.resolve(file, relativeTo: batchPath)
            label = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            site.spec.weather = weatherPath
        }
        guard let weather = weather(weatherPath) else { return nil }
        let digestKey = "\(weatherPath.standardizedPath)\u{0}\(variant.index)"
        let digest = siteDigests[digestKey] ?? {
            let digest = Self.siteDigest(resolvedJSON: variant.resolvedJSON, timestepMin: site.spec.timestepMin,
                                         weatherFile: (weatherPath as NSString).lastPathComponent,
                                         weatherSHA256: weather.sha256, traces: variant.traceHashes)
            siteDigests[digestKey] = digest
            return digest
        }()
        let hash = Self.inputsHash(siteDigest: digest, climate: climate)
        let slug = Slug.make([site.spec.name, label, climate.name] + variant.varied.map(\.value))
        return BatchScenario(index: index, id: "\(slug)-\(hash.prefix(8))", siteName: site.spec.name, sitePath: sitePath,
                             weatherPath: weatherPath, weatherLabel: label, climate: climate, varied: variant.varied,
                             settings: variant.settings, inputsHash: hash, weatherSHA256: weather.sha256, designed: site, traces: variant.traces,
                             weather: weather.series)
    }

    /// SHA-256 of a canonical text of the site's inputs: the resolved site description as JSON with sorted
    /// keys (weather path left out), the weather file's name and SHA-256, the trace files' SHA-256 and the
    /// step. Versioned: change the tag when the text changes.
    static func siteDigest(resolvedJSON: String, timestepMin: Int, weatherFile: String, weatherSHA256: String,
                           traces: [(file: String, sha256: String)]) -> String {
        var text = "heatloop-scenario-site-v2\n"
        text += "site: " + resolvedJSON + "\n"
        text += "weather: \(weatherFile) \(weatherSHA256)\n"
        for trace in traces { text += "trace: \(trace.file) \(trace.sha256)\n" }
        text += "timestep_min: \(timestepMin)\n"
        return SHA256.hex(Array(text.utf8))
    }

    /// SHA-256 of the site digest and the climate scenario.
    static func inputsHash(siteDigest: String, climate: ClimateSpec) -> String {
        var text = "heatloop-scenario-inputs-v1\nsite: \(siteDigest)\n"
        text += "climate.name: \(climate.name)\n"
        if let offset = climate.offsetK { text += "climate.offset_k: \(offset)\n" }
        if let morph = climate.morph {
            let series: [(String, [Double]?)] = [
                ("dry_bulb_delta_k", morph.dryBulbDeltaK), ("dry_bulb_max_delta_k", morph.dryBulbMaxDeltaK),
                ("dry_bulb_min_delta_k", morph.dryBulbMinDeltaK), ("rh_delta_pct", morph.rhDeltaPct),
            ]
            for case let (key, values?) in series {
                text += "climate.morph.\(key): \(values.map { "\($0)" }.joined(separator: ", "))\n"
            }
        }
        return SHA256.hex(Array(text.utf8))
    }

    private func checkUnique(_ scenarios: [BatchScenario]) {
        var first: [String: Int] = [:]
        for scenario in scenarios {
            if let other = first[scenario.id] {
                report(SpecProblem(file: batchPath, line: nil, column: nil, keyPath: "",
                                   message: "scenarios \(other) and \(scenario.index) have the same inputs and labels (id \(scenario.id)); remove the repeated entry"))
            } else {
                first[scenario.id] = scenario.index
            }
        }
    }

    // MARK: Files, each read once

    private func weather(_ path: String) -> (series: WeatherSeries, sha256: String)? {
        let key = path.standardizedPath
        if let cached = weathers[key] { return cached }
        var loaded: (series: WeatherSeries, sha256: String)?
        do {
            loaded = (try EPWReader.read(path: path), fileHash(path))
        } catch {
            let field = switch (error.fieldNumber, error.fieldName) {
            case let (number?, name?): "field \(number) (\(name))"
            case let (number?, nil): "field \(number)"
            case let (nil, name?): name
            case (nil, nil): ""
            }
            report(SpecProblem(file: error.file, line: error.line, column: nil, keyPath: field, message: error.message))
        }
        weathers[key] = .some(loaded)
        return loaded
    }

    /// The design condition of a weather file (computed once per file).
    private func designAmbient(_ path: String) -> DesignAmbient? {
        if let cached = designAmbients[path.standardizedPath] { return cached }
        guard let loaded = weather(path) else { return nil }
        let ambient = DesignAmbient(weather: loaded.series)
        designAmbients[path.standardizedPath] = ambient
        return ambient
    }

    private func trace(_ resolved: String, _ file: FileReference) -> RegularTrace? {
        let key = "\(resolved.standardizedPath)\u{0}\(file.column ?? "")\u{0}\(file.accepting)"
        if let cached = traces[key] { return cached }
        var loaded: RegularTrace?
        do {
            loaded = try TraceReader.read(path: resolved, column: file.column ?? "", accepting: file.accepting)
        } catch {
            report(SpecProblem(file: error.file, line: error.line, column: nil,
                               keyPath: error.column.map { "column '\($0)'" } ?? "", message: error.message))
        }
        traces[key] = .some(loaded)
        return loaded
    }

    private func fileHash(_ path: String) -> String {
        let key = path.standardizedPath
        if let cached = fileHashes[key] { return cached }
        let hash = SHA256.hex(FileManager.default.contents(atPath: path) ?? Data())
        fileHashes[key] = hash
        return hash
    }

    // MARK: Problems

    private func report(_ problem: SpecProblem) {
        if reported.insert(problem.description).inserted { problems.append(problem) }
    }

    private func report(at position: SourcePosition?, _ keyPath: String, _ message: String) {
        report(SpecProblem(file: batchPath, line: position?.line, column: position?.column, keyPath: keyPath, message: message))
    }
}

/// Scenario ids and labels: lower-case letters, digits, `.`, `_` and `-`.
enum Slug {
    /// Longest slug before the hash suffix (ids name files: `OUT/<id>.h5`).
    static let maximumLength = 100

    /// True for a label usable in an id as it is: letters, digits, `-`, `_`, `.`, starting with a letter or digit.
    static func isSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("0"..."9").contains(first) || isASCIILetter(first) else { return false }
        return text.unicodeScalars.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
    }

    /// `parts` lower-cased, other characters replaced by `-`, joined with `-`, at most `maximumLength` long.
    static func make(_ parts: [String]) -> String {
        let cleaned = parts.map { part -> String in
            var out = ""
            for scalar in part.lowercased().unicodeScalars {
                let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_"
                if keep { out.unicodeScalars.append(scalar) } else if !out.hasSuffix("-") { out += "-" }
            }
            return out.trimmingCharacters(in: CharacterSet(charactersIn: "-."))
        }
        var slug = cleaned.filter { !$0.isEmpty }.joined(separator: "-")
        if slug.count > maximumLength {
            slug = String(slug.prefix(maximumLength)).trimmingCharacters(in: CharacterSet(charactersIn: "-."))
        }
        return slug.isEmpty ? "scenario" : slug
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
