import Foundation
import HeatLoop
import Yams

extension BatchSpec {
    /// Reads a batch file's text. Every problem (syntax, unknown keys, missing files, climate names,
    /// morph arrays, vary grids) is collected and thrown together, each with its line:column and key path.
    /// The site files themselves are checked by `BatchPlan.load`.
    public static func decode(text: String, file: String) throws(SpecProblems) -> BatchSpec {
        try YAMLValue.decode(text: text, file: file, keys: keys, empty: BatchSpec(), BatchSpec.init)
    }

    /// Reads the batch file at `path`.
    public static func read(path: String) throws(SpecProblems) -> BatchSpec {
        try decode(text: try YAMLValue.text(ofFile: path, what: "batch file"), file: path)
    }

    init(_ o: YAMLObject) {
        name = o.requiredString("name", "the batch's name, used for its output") ?? ""
        if !name.isEmpty, !Slug.isSafe(name) {
            o["name"].problem("'\(name)' cannot name an output folder; use letters, digits, '-', '_' and '.', starting with a letter or digit")
        }
        if o["sites"].isPresent {
            sites = Self.files(o["sites"], what: "site file")
            if o["sites"].list?.isEmpty == true { o["sites"].problem("at least one site file is needed") }
        } else {
            o.log.add(o.mark, "sites", "missing required key 'sites' (a list of site files, relative to this file)")
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
            varyPosition = FilePosition(o.mapping.first { $0.key.string == "vary" }?.key.mark)
            vary = Self.vary(o["vary"])
        }
        timestepMin = o.optionalStepMinutes("timestep_min")
        if timestepMin != nil, vary.contains(where: { $0.keyPath == "timestep_min" }) {
            let mark = o["vary"].node?.mapping?.first { $0.key.string == "timestep_min" }?.key.mark
            o.log.add(mark, "vary.timestep_min",
                      "the batch's timestep_min already sets every site's step; vary it here or set it there, not both")
        }
    }

    /// A list of paths relative to the batch file, each naming a readable file, without repeats.
    private static func files(_ value: YAMLValue, what: String) -> [String] {
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

    private static func weather(_ value: YAMLValue) -> [WeatherChoice] {
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

    /// The most values one `{from, to, step}` range may expand to.
    static let maximumRangeValues = 10_000

    /// `{from: 2, to: 20, step: 2}` → "2", "4", … "20" (`to` included when a whole number of steps away,
    /// to 1e-9 of a step); values are rounded to 12 significant digits so 0.1 steps print as written.
    static func range(_ o: YAMLObject) -> [String]? {
        let any = -1e9...1e9
        guard let from = o.requiredNumber("from", any), let to = o.requiredNumber("to", any),
              let step = o.requiredNumber("step", any) else { return nil }
        guard step != 0, (to - from) / step >= 0 else {
            o["step"].problem("a step of \(format(step)) does not lead from \(format(from)) to \(format(to)); expected a \(to >= from ? "positive" : "negative") step")
            return nil
        }
        let count = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
        guard count <= maximumRangeValues else {
            o["step"].problem("the range has \(count) values; at most \(maximumRangeValues) are allowed")
            return nil
        }
        return (0..<count).map { index in
            let value = Double(String(format: "%.12g", from + Double(index) * step)) ?? from
            return value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
    }

    /// A `vary` mapping: site-file key paths to lists of values or `{from, to, step}` ranges.
    static func vary(_ value: YAMLValue) -> [VaryAxis] {
        guard let node = value.node else { return [] }
        guard case .mapping(let mapping) = node else {
            value.problem("expected a mapping of site-file key paths to lists of values or {from, to, step} ranges, e.g. {heat_recovery.heat_pump.capacity_mw: [4, 8]}, found \(describe(node))")
            return []
        }
        var axes: [VaryAxis] = []
        for (keyNode, valuesNode) in mapping {
            guard case .scalar = keyNode, let key = keyNode.string, !key.isEmpty else {
                value.log.add(keyNode.mark, "vary", "keys must be key paths of the site file, e.g. it.clusters[0].nodes")
                continue
            }
            let path = join(value.path, key)
            let keyMark = keyNode.mark
            guard let keyPath = SiteKeyPath(key) else {
                value.log.add(keyMark, path, "'\(key)' is not a key path; expected keys separated by '.' with list indices in brackets, e.g. it.clusters[0].nodes")
                continue
            }
            if case .key(let first)? = keyPath.components.first, ["name", "weather"].contains(first) {
                let hint = first == "weather" ? "list weather files in the batch's 'weather' instead" : "scenarios are labelled by the site's name"
                value.log.add(keyMark, path, "'\(first)' cannot be varied; \(hint)")
                continue
            }
            if let other = axes.first(where: { $0.keyPath == key || SiteKeyPath.overlap($0.keyPath, key) }) {
                value.log.add(keyMark, path, other.keyPath == key
                              ? "'\(key)' is listed twice"
                              : "'\(key)' overlaps '\(other.keyPath)'; one override would replace the other")
                continue
            }
            let list = YAMLValue(node: valuesNode, path: path, mark: valuesNode.mark, log: value.log)
            var axis = VaryAxis(keyPath: key, values: [])
            axis.keyPosition = FilePosition(keyMark)
            if case .mapping = valuesNode {
                guard let range = list.object(keys: ["from", "to", "step"]), let values = Self.range(range) else { continue }
                axis.values = values
                axis.quoted = values.map { _ in false }
                axis.valuePositions = values.map { _ in FilePosition(valuesNode.mark) }
                axes.append(axis)
                continue
            }
            guard let items = list.list else { continue }
            if items.isEmpty { list.problem("expected at least one value") }
            for item in items {
                guard case .scalar(let scalar)? = item.node, !scalar.string.isEmpty else {
                    item.problem("expected a single value (number, text or true/false), found \(describe(item.node))")
                    continue
                }
                if axis.values.contains(scalar.string) {
                    item.problem("'\(scalar.string)' is listed twice")
                    continue
                }
                axis.values.append(scalar.string)
                axis.quoted.append(scalar.style == .singleQuoted || scalar.style == .doubleQuoted)
                axis.valuePositions.append(FilePosition(item.mark))
            }
            axes.append(axis)
        }
        return axes
    }
}

extension ClimateSpec {
    init(_ o: YAMLObject) {
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

    init?(_ o: YAMLObject) {
        let deltaRange: ClosedRange<Double> = -30...30
        let mean = o["dry_bulb_delta_k"].isPresent
            ? o.numbers("dry_bulb_delta_k", count: Self.months, deltaRange) : nil
        if !o["dry_bulb_delta_k"].isPresent {
            o.log.add(o.mark, join(o.path, "dry_bulb_delta_k"),
                      "missing required key 'dry_bulb_delta_k' (12 monthly dry-bulb changes, K)")
        }
        let maximum = o.numbers("dry_bulb_max_delta_k", count: Self.months, deltaRange)
        let minimum = o.numbers("dry_bulb_min_delta_k", count: Self.months, deltaRange)
        let humidity = o.numbers("rh_delta_pct", count: Self.months, -100...100)
        if o["dry_bulb_max_delta_k"].isPresent != o["dry_bulb_min_delta_k"].isPresent {
            let missing = o["dry_bulb_max_delta_k"].isPresent ? "dry_bulb_min_delta_k" : "dry_bulb_max_delta_k"
            o.log.add(o.mark, join(o.path, missing),
                      "missing '\(missing)': the daily range is stretched with both the maximum and the minimum changes")
        }
        guard let mean else { return nil }
        self.init(dryBulbDeltaK: mean, dryBulbMaxDeltaK: maximum, dryBulbMinDeltaK: minimum, rhDeltaPct: humidity)
    }
}

extension YAMLValue {
    /// A non-empty scalar, or a problem naming `what` was expected.
    fileprivate func text(what: String) -> String? {
        guard case .scalar(let scalar)? = node, !scalar.string.isEmpty else {
            problem("expected \(what), found \(describe(node))")
            return nil
        }
        return scalar.string
    }

    /// Reports `path` (relative to the batch file) when it names no readable file.
    fileprivate func checkFile(_ path: String, what: String) {
        let resolved = SiteSpec.resolve(path, relativeTo: log.file)
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) || isDirectory.boolValue
            || !FileManager.default.isReadableFile(atPath: resolved) {
            problem("\(what) '\(path)' not found (looked for \(resolved)); give a path relative to the batch file")
        }
    }
}

extension FilePosition {
    init?(_ mark: Mark?) {
        guard let mark else { return nil }
        self.init(line: mark.line, column: mark.column)
    }
}

extension String {
    /// The path with `.`/`..` components and repeated slashes removed (for comparing paths).
    var standardizedPath: String { (self as NSString).standardizingPath }
}

extension YAMLObject {
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
