/// A key path into a site description: keys separated by `.`, list indices in brackets
/// (`heat_recovery.heat_pump.capacity_mw`, `it.clusters[0].nodes`).
public struct SiteKeyPath: Sendable, Equatable, CustomStringConvertible {
    public enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(components: [Component]) { self.components = components }

    /// Parses `text`; nil when it is not a key path (empty keys, unclosed brackets, non-numeric indices).
    public init?(_ text: String) {
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

    public var description: String {
        components.reduce("") { path, component in
            switch component {
            case .key(let key): path.isEmpty ? key : "\(path).\(key)"
            case .index(let index): "\(path)[\(index)]"
            }
        }
    }

    /// True when one path is a prefix of the other (`a.b` and `a.b.c`, `a.list` and `a.list[0]`).
    public static func overlap(_ a: String, _ b: String) -> Bool {
        guard let a = SiteKeyPath(a)?.components, let b = SiteKeyPath(b)?.components else { return false }
        let shorter = min(a.count, b.count)
        return Array(a.prefix(shorter)) == Array(b.prefix(shorter))
    }
}

/// Why a value cannot be set at a key path of a description's tree.
public struct SettingFailure: Error, Sendable {
    /// The key path up to the part at fault (`it.clusters[3]`).
    public var keyPath: String
    public var message: String
}

extension SpecNode {
    /// The node at `path`, if there is one.
    public func node(at path: SiteKeyPath) -> SpecNode? {
        var node: SpecNode? = self
        for component in path.components {
            switch component {
            case .key(let key): node = node?[key]
            case .index(let index):
                guard case .sequence(let items, _)? = node, items.indices.contains(index) else { return nil }
                node = items[index]
            }
        }
        return node
    }

    /// The tree with `value` at `path`. Missing mappings on the way are created (as a section written
    /// with only this key: the schema then fills its defaults and reports what it lacks); a variant
    /// chosen by its bare name (`rejection: dry_cooler`) gets a mapping of settings; list entries must exist.
    public func setting(_ path: SiteKeyPath, to value: SpecNode) throws(SettingFailure) -> SpecNode {
        try Self.set(value, at: path.components[...], in: self, path: "")
    }

    private static func set(_ value: SpecNode, at components: ArraySlice<SiteKeyPath.Component>, in node: SpecNode?,
                            path: String) throws(SettingFailure) -> SpecNode {
        guard let first = components.first else { return value }
        let rest = components.dropFirst()
        switch first {
        case .key(let key):
            var entries: [SpecEntry]
            var position: SourcePosition? = nil
            switch node {
            case nil:
                entries = []
            case .mapping(let existing, let at)?:
                entries = existing
                position = at
            case .scalar(let scalar, let at)? where scalar.text == key:
                entries = [SpecEntry(key: key, keyPosition: at, value: .mapping([], at))]
                position = at
            case let other?:
                throw SettingFailure(keyPath: path, message: "is \(other.summary) in the site file, not a mapping with key '\(key)'")
            }
            let here = path.isEmpty ? key : "\(path).\(key)"
            if let index = entries.firstIndex(where: { $0.key == key }) {
                entries[index].value = try set(value, at: rest, in: entries[index].value, path: here)
            } else {
                entries.append(SpecEntry(key: key, keyPosition: nil, value: try set(value, at: rest, in: nil, path: here)))
            }
            return .mapping(entries, position)
        case .index(let index):
            let here = "\(path)[\(index)]"
            guard case .sequence(var items, let position)? = node else {
                let found = node.map { "is \($0.summary)" } ?? "is not in the site file"
                throw SettingFailure(keyPath: here, message: "\(path) \(found); an index can only select an entry of an existing list")
            }
            guard !items.isEmpty else {
                throw SettingFailure(keyPath: here, message: "\(path) is an empty list in the site file")
            }
            guard index < items.count else {
                throw SettingFailure(keyPath: here, message: "\(path) has \(items.count) entr\(items.count == 1 ? "y" : "ies") in the site file; expected an index 0…\(items.count - 1)")
            }
            items[index] = try set(value, at: rest, in: items[index], path: here)
            return .sequence(items, position)
        }
    }
}
