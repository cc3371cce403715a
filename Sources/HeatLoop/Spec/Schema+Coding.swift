extension Schema where Root: SpecSection {
    /// Reads a section from its mapping: every field (a problem leaves that field at its default), then
    /// the section's checks.
    func decode(_ mapping: SpecMapping) -> Root {
        var value = Root()
        for field in fields { field.decode(mapping, &value) }
        if let base, let start = base(value) {
            // Decoded again from the defaults the section chose; its problems were reported above.
            let wasMuted = mapping.log.isMuted
            mapping.log.isMuted = true
            value = start
            for field in fields { field.decode(mapping, &value) }
            mapping.log.isMuted = wasMuted
        }
        check?(value, mapping)
        return value
    }

    /// The section as a tree, keys in declaration order.
    public func encode(_ value: Root) -> SpecNode {
        .mapping(fields.compactMap { field in field.encode(value).map { (field.key, $0) } })
    }

    /// Every file the section (and the sections below it) names.
    public func files(in value: Root, path: String) -> [FileReference] {
        fields.flatMap { $0.files(value, joinPath(path, $0.key)) }
    }
}

extension SpecCursor {
    /// The section this value holds, or nil when it is not a mapping.
    public func decodeSection<S: SpecSection>(_ type: S.Type) -> S? {
        object(keys: S.schema.keys).map { S.schema.decode($0) }
    }

    /// The variant this value names, or nil after a problem.
    public func decodeVariant<V: SpecVariant>(_ type: V.Type) -> V? {
        let cases = V.variants.cases
        guard let (name, value) = variant(cases.map(\.name)), let chosen = cases.first(where: { $0.name == name }) else { return nil }
        return chosen.decode(value)
    }
}

extension Variants {
    public func encode(_ value: Value) -> SpecNode? {
        for variant in cases { if let node = variant.encode(value) { return node } }
        return nil
    }

    func files(in value: Value, path: String) -> [FileReference] {
        cases.flatMap { $0.files(value, path) }
    }
}

extension SpecNode {
    /// Flow-style text of a small value, for documentation (`[0.35, 0.3]`, `{efficiency: 0.5}`).
    public var flowText: String {
        switch self {
        case .scalar(let scalar, _): scalar.text
        case .sequence(let items, _): "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .mapping(let entries, _): "{" + entries.map { "\($0.key): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        }
    }
}
