/// A section of a description (the site file's `cooling.liquid`, a cluster, …): a struct whose keys
/// its `schema` declares once, with their type, unit, default, allowed values and doc line. Decoding,
/// the unknown-key hints, encoding and `Docs/site-reference.md` all follow from that declaration.
public protocol SpecSection: Sendable, Equatable {
    /// Every key at its default.
    init()
    static var schema: Schema<Self> { get }
}

/// A closed family chosen by name (`rejection: {dry_cooler: {…}}`): each case is declared once in
/// `variants`, with the section that holds its settings.
public protocol SpecVariant: Sendable, Equatable {
    static var variants: Variants<Self> { get }
}

extension SpecVariant {
    /// The name files write for the chosen case (`dry_cooler`).
    public var variantName: String { Self.variants.cases.first { $0.encode(self) != nil }?.name ?? "" }
}

/// A choice of names: a Swift enum whose raw values are the names written in files.
public protocol SpecChoice: CaseIterable, RawRepresentable, Sendable, Equatable where RawValue == String {
    /// The name as a file may write it (`w32` for `W32`); default the exact raw value.
    init?(specName: String)
    /// What problem messages call a value (`a node preset`).
    static var noun: String { get }
}

extension SpecChoice {
    public init?(specName: String) { self.init(rawValue: specName) }
    public static var noun: String { "valid" }
    static var names: [String] { allCases.map(\.rawValue) }
}

/// The fields of one section type, in the order files list them, and its cross-field checks.
public struct Schema<Root>: @unchecked Sendable {
    public let fields: [Field<Root>]
    /// Checks between fields of one decoded section; problems name key paths relative to the section.
    let check: ((Root, SpecMapping) -> Void)?
    /// Defaults taken from one of the section's own fields (a node preset): when it gives a start value,
    /// the section is decoded again from it.
    let base: ((Root) -> Root?)?

    public init(_ fields: [Field<Root>], base: ((Root) -> Root?)? = nil, check: ((Root, SpecMapping) -> Void)? = nil) {
        self.fields = fields
        self.base = base
        self.check = check
    }

    public var keys: [String] { fields.map(\.key) }
}

/// One key of a section: how it is read, written and documented.
public struct Field<Root>: @unchecked Sendable {
    public let key: String
    public let reference: FieldReference
    /// Reads the key from the section's mapping into the value (absent: leaves the default).
    let decode: (SpecMapping, inout Root) -> Void
    /// The value to write; nil leaves the key out.
    let encode: (Root) -> SpecNode?
    /// Files this key (or a section below it) names, for the file layer to check and read.
    let files: (Root, String) -> [FileReference]

    init(key: String, reference: FieldReference, decode: @escaping (SpecMapping, inout Root) -> Void,
         encode: @escaping (Root) -> SpecNode?, files: @escaping (Root, String) -> [FileReference] = { _, _ in [] }) {
        self.key = key
        self.reference = reference
        self.decode = decode
        self.encode = encode
        self.files = files
    }

    /// The key is written only when `condition` holds (keys that do not apply to the chosen design,
    /// e.g. the chilled-water keys of a CRAC room).
    public func encoded(when condition: @escaping (Root) -> Bool) -> Field<Root> {
        let encode = self.encode
        return Field(key: key, reference: reference, decode: decode, encode: { condition($0) ? encode($0) : nil }, files: files)
    }

    /// The key as a key of an enclosing section `Outer` that holds this one at `path` and writes its keys flat
    /// (the CRAH keys of `cooling.air`, `CRAHSpec`): read, written and documented as declared here.
    public func lifted<Outer>(_ path: WritableKeyPath<Outer, Root>) -> Field<Outer> {
        let (decode, encode, files) = (self.decode, self.encode, self.files)
        return Field<Outer>(key: key, reference: reference, decode: { mapping, outer in decode(mapping, &outer[keyPath: path]) },
                            encode: { encode($0[keyPath: path]) }, files: { files($0[keyPath: path], $1) })
    }

    /// The section is written without its entry `child` when `condition` holds (a component the site does
    /// not have, e.g. the facility-water loop of an all-air site), so the resolved site names only what exists.
    public func omitting(_ child: String, when condition: @escaping (Root) -> Bool) -> Field<Root> {
        let encode = self.encode
        return Field(key: key, reference: reference, decode: decode, encode: { root in
            guard condition(root), case .mapping(let entries, let position)? = encode(root) else { return encode(root) }
            return .mapping(entries.filter { $0.key != child }, position)
        }, files: files)
    }
}

/// A file a description names (weather, a trace or price CSV), found by walking the schema.
public struct FileReference: Sendable, Equatable {
    /// Key path of the file's key (`it.clusters[0].workload.trace.file`).
    public var keyPath: String
    /// The path as written, relative to the description's file unless absolute; empty when a CSV key is
    /// absent (its column key is still checked).
    public var path: String
    /// What the file is, for messages (`trace file`).
    public var what: String
    /// For CSV series: the column read, its key path and the quantities it may hold.
    public var column: String?
    public var columnKeyPath: String?
    public var accepting: [RegularTrace.Quantity]
}

/// A key's documentation, for `Docs/site-reference.md`.
public struct FieldReference: @unchecked Sendable {
    public var key: String
    /// `number`, `whole number`, `text`, `date`, `true/false`, `list of 24 numbers`, `section`, …
    public var type: String
    public var unit: String?
    /// Range or names allowed.
    public var allowed: String?
    /// Written default (`35`), `required`, `derived: …` or `absent`.
    public var defaultText: String
    public var doc: String
    /// The keys below this one: a section's fields, a list entry's, or each variant's.
    public var children: FieldChildren

    public enum FieldChildren {
        case none
        case section(() -> [FieldReference])
        case variants(() -> [(name: String, doc: String, fields: [FieldReference])])
    }
}

/// The variants of a family, in the order files and messages list them.
public struct Variants<Value>: @unchecked Sendable {
    public let cases: [VariantCase<Value>]
    public init(_ cases: [VariantCase<Value>]) { self.cases = cases }
    var names: [String] { cases.map(\.name) }
}

/// One variant: its name, how its settings are read and written.
public struct VariantCase<Value>: @unchecked Sendable {
    public let name: String
    public let doc: String
    let decode: (SpecCursor) -> Value?
    /// The variant's settings when `value` is this case (a bare name for a case without settings).
    let encode: (Value) -> SpecNode?
    let files: (Value, String) -> [FileReference]
    let fields: () -> [FieldReference]

    /// A case holding a section of settings (`dry_cooler: {approach_k: 5, …}`).
    public static func section<S: SpecSection>(_ name: String, doc: String, _ embed: @escaping (S) -> Value,
                                               _ extract: @escaping (Value) -> S?) -> VariantCase {
        VariantCase(
            name: name, doc: doc,
            decode: { cursor in cursor.decodeSection(S.self).map(embed) },
            encode: { value in extract(value).map { .mapping([(name, S.schema.encode($0))]) } },
            files: { value, path in extract(value).map { S.schema.files(in: $0, path: joinPath(path, name)) } ?? [] },
            fields: { S.schema.fields.map(\.reference) })
    }

    /// A case without settings, written as its bare name (`economiser: none`).
    public static func bare(_ name: String, doc: String, _ value: Value) -> VariantCase where Value: Equatable {
        VariantCase(
            name: name, doc: doc,
            decode: { cursor in
                if let entries = cursor.node?.entries, !entries.isEmpty {
                    cursor.problem("'\(name)' takes no settings; write it as a bare name")
                }
                return value
            },
            encode: { $0 == value ? .scalar(.text(name), nil) : nil },
            files: { _, _ in [] }, fields: { [] })
    }
}
