import Foundation
import HeatLoop

extension BatchSpec {
    /// Reads a batch file's text. Every problem (syntax, unknown keys, missing files, climate names,
    /// morph arrays, vary grids) is collected and thrown together, each with its line:column and key path.
    /// The site files themselves are checked by `BatchPlan.load`.
    public static func decode(text: String, file: String) throws(SpecProblems) -> BatchSpec {
        try YAMLDocument.decode(text: text, file: file, keys: keys, empty: BatchSpec(), BatchSpec.init)
    }

    /// Reads the batch file at `path`.
    public static func read(path: String) throws(SpecProblems) -> BatchSpec {
        try decode(text: try YAMLDocument.text(ofFile: path, what: "batch file"), file: path)
    }

    init(_ o: SpecMapping) {
        name = o.requiredString("name", "the batch's name, used for its output") ?? ""
        if !name.isEmpty, !Slug.isSafe(name) {
            o["name"].problem("'\(name)' cannot name an output folder; use letters, digits, '-', '_' and '.', starting with a letter or digit")
        }
        if o["sites"].isPresent {
            sites = Self.files(o["sites"], what: "site file")
            if o["sites"].list?.isEmpty == true { o["sites"].problem("at least one site file is needed") }
        } else {
            o.log.add(o.position, "sites", "missing required key 'sites' (a list of site files, relative to this file)")
        }
        if o["weather"].isPresent {
            weather = Self.weather(o["weather"])
        }
        if let items = o["climate"].list {
            climate = items.compactMap { $0.object(keys: ClimateSpec.keys).map(ClimateSpec.init) }
            if items.isEmpty { o["climate"].problem("at least one climate is needed; leave the key out for [{name: baseline}]") }
            var names = Set<String>()
            for (index, scenario) in climate.enumerated() where !scenario.name.isEmpty {
                if !names.insert(scenario.name).inserted { items[index].problem("duplicate climate name '\(scenario.name)'") }
            }
        }
        if o["vary"].isPresent {
            varyPosition = o.keyPosition("vary")
            vary = Self.vary(o["vary"])
        }
        if o["baseline"].isPresent {
            baselinePosition = o.keyPosition("baseline")
            baseline = Self.baseline(o["baseline"], climate: climate, vary: vary)
        }
        uncertainty = Self.uncertainty(o)
        timestepMin = o.optionalStepMinutes("timestep_min")
        if timestepMin != nil, vary.contains(where: { $0.keyPath == "timestep_min" }) {
            let position = o["vary"].node?.entries?.first { $0.key == "timestep_min" }?.keyPosition
            o.log.add(position, "vary.timestep_min",
                      "the batch's timestep_min already sets every site's step; vary it here or set it there, not both")
        }
    }

    /// The `uncertainty:` section (the sizing file's decoder). Its climate and real weather years would
    /// replace the batch's own `climate` and `weather` lists, so they are refused with the list to use.
    static func uncertainty(_ o: SpecMapping) -> UncertaintySpec? {
        guard let mapping = o["uncertainty"].object(keys: UncertaintySpec.keys) else { return nil }
        let spec = UncertaintySpec(mapping, embedded: true)
        if mapping["climate"].isPresent {
            mapping["climate"].problem("a batch's climate scenarios are its own 'climate:' list; move it there")
        }
        if case .files = spec.weather, o["weather"].isPresent {
            mapping["weather"].problem("real weather years replace each scenario's weather file; "
                + "leave the batch's 'weather:' out, or use 'generated' or 'typical' here")
        }
        return spec
    }

    /// A `baseline` mapping: scenario labels (`site`, `weather`, `climate`) and `vary` key paths to one value
    /// each, climate names and varied values among those listed (sites and weather labels are checked
    /// against the scenarios, `BatchPlan.baseline`).
    static func baseline(_ value: SpecCursor, climate: [ClimateSpec], vary: [VaryAxis]) -> [String: String] {
        guard case .mapping(let entries, _)? = value.node else {
            value.problem("expected a mapping of scenario labels or varied key paths to values, e.g. "
                + "{climate: baseline, heat_recovery.heat_pump.capacity_mw: 8}, found \(value.summary)")
            return [:]
        }
        var selection: [String: String] = [:]
        for entry in entries {
            let path = joinPath(value.path, entry.key)
            guard let text = entry.value.scalar?.text, !text.isEmpty else {
                value.log.add(entry.value.position, path, "expected one value, found \(entry.value.summary)")
                continue
            }
            if entry.key == "climate", !climate.contains(where: { $0.name == text }) {
                value.log.add(entry.value.position, path, "no climate is named '\(text)'; expected one of "
                    + climate.map(\.name).joined(separator: ", "))
            } else if let axis = vary.first(where: { $0.keyPath == entry.key }), !axis.values.contains(text) {
                value.log.add(entry.value.position, path, "'\(text)' is not among the values of vary.\(entry.key): "
                    + axis.values.joined(separator: ", "))
            } else if !baselineLabels.contains(entry.key), !vary.contains(where: { $0.keyPath == entry.key }) {
                value.log.add(entry.keyPosition, path, "'\(entry.key)' names no scenario label or varied key; expected "
                    + (baselineLabels + vary.map(\.keyPath)).joined(separator: ", "))
            }
            selection[entry.key] = text
        }
        return selection
    }

    /// A list of paths relative to the batch file, each naming a readable file, without repeats.
    private static func files(_ value: SpecCursor, what: String) -> [String] {
        guard let items = value.list else { return [] }
        var paths: [String] = []
        var seen = Set<String>()
        for item in items {
            guard let path = item.text(what: "the path of a \(what)") else { continue }
            item.checkFile(path, what: what)
            if !seen.insert(SiteSpec.resolve(path, relativeTo: value.log.file).standardizedPath).inserted {
                item.problem("'\(path)' is listed twice")
            }
            paths.append(path)
        }
        return paths
    }

    private static func weather(_ value: SpecCursor) -> [WeatherChoice] {
        guard let items = value.list else { return [.site] }
        if items.isEmpty { value.problem("at least one entry is needed; leave the key out for [site]") }
        var choices: [WeatherChoice] = []
        var seen = Set<String>()
        for item in items {
            guard let path = item.text(what: "'site' or the path of an EPW weather file") else { continue }
            if path == "site" {
                if !seen.insert("\u{0}site").inserted { item.problem("'site' is listed twice") }
                choices.append(.site)
                continue
            }
            item.checkFile(path, what: "weather file")
            if !seen.insert(SiteSpec.resolve(path, relativeTo: value.log.file).standardizedPath).inserted {
                item.problem("'\(path)' is listed twice")
            }
            choices.append(.file(path))
        }
        return choices
    }

    /// `{from: 2, to: 20, step: 2}` → 2, 4, … 20 (`to` included when a whole number of steps away,
    /// to 1e-9 of a step); values are rounded to 12 significant digits so 0.1 steps print as written.
    static func range(_ o: SpecMapping) -> [Double]? {
        let any = -1e9...1e9
        guard let from = o.requiredNumber("from", any), let to = o.requiredNumber("to", any),
              let step = o.requiredNumber("step", any) else { return nil }
        guard step != 0, (to - from) / step >= 0 else {
            o["step"].problem("a step of \(formatNumber(step)) does not lead from \(formatNumber(from)) to \(formatNumber(to)); expected a \(to >= from ? "positive" : "negative") step")
            return nil
        }
        // Counted as a number first: a tiny step gives a count beyond Int (or infinity).
        let steps = ((to - from) / step + 1e-9).rounded(.down)
        guard steps.isFinite, steps < Double(InputLimits.maximumAxisValues) else {
            o["step"].problem("the range has \(formatNumber(steps + 1)) values; at most \(InputLimits.maximumAxisValues) are allowed")
            return nil
        }
        let count = Int(steps) + 1
        return (0..<count).map { index in Double(String(format: "%.12g", from + Double(index) * step)) ?? from }
    }

    /// A `vary` mapping: site-file key paths to lists of values or `{from, to, step}` ranges.
    static func vary(_ value: SpecCursor) -> [VaryAxis] {
        guard let node = value.node else { return [] }
        guard case .mapping(let entries, _) = node else {
            value.problem("expected a mapping of site-file key paths to lists of values or {from, to, step} ranges, e.g. {heat_recovery.heat_pump.capacity_mw: [4, 8]}, found \(node.summary)")
            return []
        }
        var axes: [VaryAxis] = []
        for entry in entries {
            let key = entry.key
            let path = joinPath(value.path, key)
            guard let keyPath = SiteKeyPath(key) else {
                value.log.add(entry.keyPosition, path, "'\(key)' is not a key path; expected keys separated by '.' with list indices in brackets, e.g. it.clusters[0].nodes")
                continue
            }
            if case .key(let first)? = keyPath.components.first, ["name", "weather"].contains(first) {
                let hint = first == "weather" ? "list weather files in the batch's 'weather' instead" : "scenarios are labelled by the site's name"
                value.log.add(entry.keyPosition, path, "'\(first)' cannot be varied; \(hint)")
                continue
            }
            if let other = axes.first(where: { $0.keyPath == key || SiteKeyPath.overlap($0.keyPath, key) }) {
                value.log.add(entry.keyPosition, path, other.keyPath == key
                              ? "'\(key)' is listed twice"
                              : "'\(key)' overlaps '\(other.keyPath)'; one override would replace the other")
                continue
            }
            if let axis = Self.axis(key, SpecCursor(node: entry.value, path: path, position: entry.value.position, log: value.log),
                                    keyPosition: entry.keyPosition) {
                axes.append(axis)
            }
        }
        return axes
    }

    /// One `vary` entry: a `{from, to, step}` range or a list of scalars (each kept as written, for
    /// labels, and as the typed value it sets).
    private static func axis(_ key: String, _ list: SpecCursor, keyPosition: SourcePosition?) -> VaryAxis? {
        var axis = VaryAxis(keyPath: key, values: [])
        axis.keyPosition = keyPosition
        if case .mapping? = list.node {
            guard let range = list.object(keys: ["from", "to", "step"]), let values = Self.range(range) else { return nil }
            axis.values = values.map { formatNumber($0) }
            axis.settings = values.map { .scalar(.numeric($0), nil) }
            axis.valuePositions = values.map { _ in list.position }
            return axis
        }
        guard let items = list.list else { return nil }
        if items.isEmpty { list.problem("expected at least one value") }
        guard items.count <= InputLimits.maximumAxisValues else {
            list.problem("\(items.count) values; at most \(InputLimits.maximumAxisValues) are allowed on one axis")
            return nil
        }
        var seen = Set<String>()
        for item in items {
            guard let scalar = item.node?.scalar, !scalar.text.isEmpty else {
                item.problem("expected a single value (number, text or true/false), found \(item.summary)")
                continue
            }
            if !seen.insert(scalar.text).inserted {
                item.problem("'\(scalar.text)' is listed twice")
                continue
            }
            axis.values.append(scalar.text)
            axis.settings.append(.scalar(scalar, nil))
            axis.valuePositions.append(item.position)
        }
        return axis
    }
}

extension ClimateSpec {
    init(_ o: SpecMapping) {
        name = o.requiredString("name", "the climate's label, e.g. baseline or plus2k") ?? ""
        if !name.isEmpty, !Slug.isSafe(name) {
            o["name"].problem("'\(name)' cannot label a scenario id; use letters, digits, '-', '_' and '.', starting with a letter or digit")
        }
        offsetK = o.optionalNumber("offset_k", -20...20, "a dry-bulb shift beyond ±20 K is not a climate scenario")
        morph = o["morph"].object(keys: MorphSpec.keys).flatMap(MorphSpec.init)
        if o["offset_k"].isPresent, o["morph"].isPresent {
            o["morph"].problem("give either offset_k or morph, not both (put a uniform shift into dry_bulb_delta_k)")
        }
    }
}

extension MorphSpec {
    /// Monthly deltas, January…December.
    static let months = 12

    init?(_ o: SpecMapping) {
        let deltaRange: ClosedRange<Double> = -30...30
        let mean = o["dry_bulb_delta_k"].isPresent
            ? o.numbers("dry_bulb_delta_k", count: Self.months, deltaRange) : nil
        if !o["dry_bulb_delta_k"].isPresent {
            o.log.add(o.position, joinPath(o.path, "dry_bulb_delta_k"),
                      "missing required key 'dry_bulb_delta_k' (12 monthly dry-bulb changes, K)")
        }
        let maximum = o.numbers("dry_bulb_max_delta_k", count: Self.months, deltaRange)
        let minimum = o.numbers("dry_bulb_min_delta_k", count: Self.months, deltaRange)
        let humidity = o.numbers("rh_delta_pct", count: Self.months, -100...100)
        if o["dry_bulb_max_delta_k"].isPresent != o["dry_bulb_min_delta_k"].isPresent {
            let missing = o["dry_bulb_max_delta_k"].isPresent ? "dry_bulb_min_delta_k" : "dry_bulb_max_delta_k"
            o.log.add(o.position, joinPath(o.path, missing),
                      "missing '\(missing)': the daily range is stretched with both the maximum and the minimum changes")
        }
        guard let mean else { return nil }
        self.init(dryBulbDeltaK: mean, dryBulbMaxDeltaK: maximum, dryBulbMinDeltaK: minimum, rhDeltaPct: humidity)
    }
}

extension SpecCursor {
    /// A non-empty scalar, or a problem naming `what` was expected.
    fileprivate func text(what: String) -> String? {
        guard let scalar = node?.scalar, !scalar.text.isEmpty else {
            problem("expected \(what), found \(summary)")
            return nil
        }
        return scalar.text
    }

    /// Reports `path` (relative to the batch file) when it names no readable file.
    fileprivate func checkFile(_ path: String, what: String) {
        let resolved = SiteSpec.resolve(path, relativeTo: log.file)
        if let problem = InputFile.problem(at: resolved) {
            self.problem("\(what) '\(path)' \(problem) (looked for \(resolved)); give a path relative to the batch file")
        }
    }
}

extension String {
    /// The path with `.`/`..` components and repeated slashes removed (for comparing paths).
    var standardizedPath: String { (self as NSString).standardizingPath }
}

extension SpecMapping {
    /// An optional step length in minutes, one that divides an hour.
    func optionalStepMinutes(_ key: String) -> Int? {
        guard let minutes = optionalInteger(key, 1...60) else { return nil }
        guard SimulationCalendar.allowedStepMinutes.contains(minutes) else {
            self[key].problem("\(minutes) does not divide an hour; expected one of "
                + SimulationCalendar.allowedStepMinutes.map(String.init).joined(separator: ", "))
            return nil
        }
        return minutes
    }
}
