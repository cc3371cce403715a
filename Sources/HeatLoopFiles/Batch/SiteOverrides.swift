import Yams

/// A key path into a site file: keys separated by `.`, list indices in brackets
/// (`heat_recovery.heat_pump.capacity_mw`, `it.clusters[0].nodes`).
struct SiteKeyPath: Sendable, Equatable {
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    var components: [Component]

    /// Parses `text`; nil when it is not a key path (empty keys, unclosed brackets, non-numeric indices).
    init?(_ text: String) {
        var components: [Component] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            let bracket = part.firstIndex(of: "[") ?? part.endIndex
            let key = part[..<bracket]
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
            components.append(.key(String(key)))
            var rest = part[bracket...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]"),
                      let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0 else { return nil }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
        }
        self.components = components
    }

    /// True when one path is a prefix of the other (`a.b` and `a.b.c`, `a.list` and `a.list[0]`).
    static func overlap(_ a: String, _ b: String) -> Bool {
        guard let a = SiteKeyPath(a)?.components, let b = SiteKeyPath(b)?.components else { return false }
        let shorter = min(a.count, b.count)
        return Array(a.prefix(shorter)) == Array(b.prefix(shorter))
    }
}

/// Replacing values of a site file by key path, on the YAML tree before it is decoded: the site decoder
/// then checks the result like any site file (types, ranges, unknown keys).
enum SiteOverrides {
    /// Why an override cannot be applied to a site file's tree.
    struct Failure: Error {
        /// The key path up to the part at fault (`it.clusters[3]`).
        var keyPath: String
        var message: String
    }

    /// Sets `value` (a scalar as written in the batch file; `quoted` keeps it text) at `path` in `root`.
    /// Missing mappings on the way are created (the site decoder reports keys its schema does not allow);
    /// list entries must exist.
    static func apply(_ path: SiteKeyPath, value: String, quoted: Bool, to root: Node) throws(Failure) -> Node {
        let scalar = quoted ? Node(value, Tag(.str), .doubleQuoted) : Node(value, .implicit, .plain)
        return try set(scalar, at: path.components[...], in: root, path: "")
    }

    private static func set(_ value: Node, at components: ArraySlice<SiteKeyPath.Component>, in node: Node?,
                            path: String) throws(Failure) -> Node {
        guard let first = components.first else { return value }
        let rest = components.dropFirst()
        switch first {
        case .key(let key):
            var mapping: Node.Mapping
            switch node {
            case nil:
                mapping = Node.Mapping([])
            case .mapping(let existing)?:
                mapping = existing
            case .scalar(let scalar)? where scalar.string == key:
                // A variant chosen by its bare name (`rejection: dry_cooler`) gets its mapping of settings.
                mapping = Node.Mapping([(Node(key), Node.mapping(Node.Mapping([])))])
            case let other?:
                throw Failure(keyPath: path, message: "is \(describe(other)) in the site file, not a mapping with key '\(key)'")
            }
            let child = mapping[key]
            mapping[key] = try set(value, at: rest, in: child, path: join(path, key))
            return .mapping(mapping)
        case .index(let index):
            let here = "\(path)[\(index)]"
            guard case .sequence(var sequence)? = node else {
                let found = node.map { "is \(describe($0))" } ?? "is not in the site file"
                throw Failure(keyPath: here, message: "\(path) \(found); an index can only select an entry of an existing list")
            }
            guard !sequence.isEmpty else {
                throw Failure(keyPath: here, message: "\(path) is an empty list in the site file")
            }
            guard index < sequence.count else {
                throw Failure(keyPath: here, message: "\(path) has \(sequence.count) entr\(sequence.count == 1 ? "y" : "ies") in the site file; expected an index 0…\(sequence.count - 1)")
            }
            sequence[index] = try set(value, at: rest, in: sequence[index], path: here)
            return .sequence(sequence)
        }
    }
}
