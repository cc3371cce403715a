import Foundation

extension SiteSpec {
    /// Reads a site description from a tree (a YAML file's, a JSON document's): types, ranges, unknown
    /// keys with "did you mean", missing keys and cross-field checks, every problem into `log`.
    public static func decode(_ root: SpecNode, log: SpecProblemLog) -> SiteSpec {
        SpecCursor(root: root, log: log).decodeSection(SiteSpec.self) ?? SiteSpec()
    }

    /// `decode(root, log:)` for a tree that differs from the one `decoded` was read from (without problems)
    /// only under the top-level `keys` (`economics`, `it`): those sections are read again from `root`, the
    /// others kept, then the site's checks run. Exact, because a top-level field reads only its own key
    /// (`Field.make`) and the site has no preset (`Schema.base`, which would decode every field again).
    /// A sweep under uncertainty sets a few numbers per sample on each design's tree: reading the whole
    /// site for each of its 40,000 runs was ≈ 6 % of the sweep. A key that is not a top-level field, or a
    /// `root` that is not a mapping, falls back to `decode(root, log:)`.
    public static func decode(_ root: SpecNode, rereading keys: Set<String>, of decoded: SiteSpec,
                              log: SpecProblemLog) -> SiteSpec {
        guard schema.base == nil, keys.isSubset(of: schema.keys),
              let mapping = SpecCursor(root: root, log: log).object(keys: schema.keys) else {
            return decode(root, log: log)
        }
        var spec = decoded
        for field in schema.fields where keys.contains(field.key) { field.decode(mapping, &spec) }
        schema.check?(spec, mapping)
        return spec
    }

    /// Reads a site description from JSON text (a resolved site as `JSONEncoder` writes it), for readers
    /// without a YAML parser. Problems name `file` and key paths (JSON has no positions here).
    public init(json: Data, file: String = "site.json") throws(SpecProblems) {
        let root: SpecNode
        do { root = try JSONDecoder().decode(SpecNode.self, from: json) } catch {
            throw SpecProblems([SpecProblem(file: file, message: "not valid JSON: \(error)")])
        }
        let log = SpecProblemLog(file: file)
        let spec = Self.decode(root, log: log)
        guard log.problems.isEmpty else { throw SpecProblems(log.problems) }
        self = spec
    }

    /// The description with `value` at `keyPath` (`heat_recovery.heat_pump.capacity_mw`), checked like a
    /// decoded file: an absent section is created with its defaults, list entries must exist, and every
    /// problem is thrown at once (named by key path; `file` labels them). The description's keys are all
    /// explicit, so a node `preset` set here does not replace values already decoded; batches and sizing
    /// set values on the site file's own tree instead (`SpecNode.setting`), where it does.
    public func setting(_ keyPath: String, to value: SpecNode, file: String = "site") throws(SpecProblems) -> SiteSpec {
        guard let path = SiteKeyPath(keyPath) else {
            throw SpecProblems([SpecProblem(file: file, at: nil, keyPath: keyPath, message: "not a key path")])
        }
        let tree: SpecNode
        do { tree = try node.setting(path, to: value) } catch {
            throw SpecProblems([SpecProblem(file: file, at: nil, keyPath: error.keyPath, message: error.message)])
        }
        let log = SpecProblemLog(file: file)
        let spec = Self.decode(tree, log: log)
        guard log.problems.isEmpty else { throw SpecProblems(log.problems) }
        return spec
    }

    /// The description as a tree, keys in schema order; absent optional sections stay absent.
    public var node: SpecNode { Self.schema.encode(self) }

    /// Every file the description names, with its key path: the weather file and the CSV series.
    public var files: [FileReference] { Self.schema.files(in: self, path: "") }
}

/// Written through the schema: `YAMLEncoder` gives the resolved site file, `JSONEncoder` its JSON form.
extension SiteSpec: Encodable {
    public func encode(to encoder: Encoder) throws {
        try node.encode(to: encoder)
    }
}
