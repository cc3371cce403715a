/// A 1-based line and column in an input file.
public struct SourcePosition: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A scalar of an input document: its text as written and the value it resolves to (YAML 1.1 plain
/// scalars resolve to numbers, booleans or null; quoted ones stay text).
public struct SpecScalar: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case integer(Int)
        case number(Double)
        case boolean(Bool)
        case text
        case null
    }

    public var text: String
    public var value: Value

    public init(text: String, value: Value) {
        self.text = text
        self.value = value
    }

    public static func integer(_ value: Int) -> SpecScalar { SpecScalar(text: String(value), value: .integer(value)) }
    public static func number(_ value: Double) -> SpecScalar { SpecScalar(text: formatNumber(value), value: .number(value)) }
    public static func boolean(_ value: Bool) -> SpecScalar { SpecScalar(text: value ? "true" : "false", value: .boolean(value)) }
    public static func text(_ value: String) -> SpecScalar { SpecScalar(text: value, value: .text) }

    /// A number: a whole number when it is one (`4`, for keys that take whole numbers), else a number.
    public static func numeric(_ value: Double) -> SpecScalar {
        value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
    }

    /// `text` as an unquoted scalar reads: a whole number, a number, `true`/`false`, or text.
    public init(plain text: String) {
        if let int = Int(text) {
            self = .integer(int)
        } else if let number = Double(text), number.isFinite, text.first.map({ $0.isNumber || $0 == "-" || $0 == "." || $0 == "+" }) == true {
            self = SpecScalar(text: text, value: .number(number))
        } else if ["true", "false"].contains(text.lowercased()) {
            self = SpecScalar(text: text, value: .boolean(text.lowercased() == "true"))
        } else {
            self = .text(text)
        }
    }

    /// A finite number (whole numbers included).
    public var number: Double? {
        switch value {
        case .integer(let int): Double(int)
        case .number(let number): number.isFinite ? number : nil
        default: nil
        }
    }

    public var integer: Int? {
        if case .integer(let int) = value { return int }
        return nil
    }

    public var boolean: Bool? {
        if case .boolean(let bool) = value { return bool }
        return nil
    }
}

/// A format-neutral tree of an input document (YAML or JSON), with the source position of each node
/// when read from a file. Site, batch and sizing descriptions are decoded from it through their schemas.
public indirect enum SpecNode: Sendable, Equatable {
    case scalar(SpecScalar, SourcePosition?)
    /// Entries in document order, each with the position of its key.
    case mapping([SpecEntry], SourcePosition?)
    case sequence([SpecNode], SourcePosition?)

    public var position: SourcePosition? {
        switch self {
        case .scalar(_, let position), .mapping(_, let position), .sequence(_, let position): position
        }
    }

    public var scalar: SpecScalar? {
        if case .scalar(let scalar, _) = self { return scalar }
        return nil
    }

    public var entries: [SpecEntry]? {
        if case .mapping(let entries, _) = self { return entries }
        return nil
    }

    /// The value of `key` in a mapping.
    public subscript(key: String) -> SpecNode? {
        entries?.first { $0.key == key }?.value
    }

    /// What a problem message calls this node: `'text'`, `an empty value`, `a mapping`, `a list`.
    public var summary: String {
        switch self {
        case .scalar(let scalar, _): scalar.text.isEmpty ? "an empty value" : InputLimits.quoted(scalar.text)
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    /// A number (a whole number when it is one), text or a boolean, as a value to set.
    public static func number(_ value: Double) -> SpecNode { .scalar(.numeric(value), nil) }
    public static func text(_ value: String) -> SpecNode { .scalar(.text(value), nil) }
    public static func boolean(_ value: Bool) -> SpecNode { .scalar(.boolean(value), nil) }

    /// A mapping without positions, from entries in order.
    public static func mapping(_ entries: [(String, SpecNode)]) -> SpecNode {
        .mapping(entries.map { SpecEntry(key: $0.0, keyPosition: nil, value: $0.1) }, nil)
    }
}

/// One key of a mapping and its value.
public struct SpecEntry: Sendable, Equatable {
    public var key: String
    public var keyPosition: SourcePosition?
    public var value: SpecNode

    public init(key: String, keyPosition: SourcePosition?, value: SpecNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// A number as an input file would hold it: whole numbers without a decimal point (`12`, `0.5`).
public func formatNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

/// A number rounded to `digits` decimals for messages and verdicts (`1.098`, `1866`; `–` when not finite).
func formatFixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return "–" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return digits == 0 ? String(Int(rounded)) : String(rounded)
}

/// A range as problem messages print it (`15…60`, `≥ 0`).
public func formatRange(_ range: ClosedRange<Double>) -> String {
    switch (range.lowerBound.isInfinite, range.upperBound.isInfinite) {
    case (true, true): "any number"
    case (false, true): "≥ \(formatNumber(range.lowerBound))"
    case (true, false): "≤ \(formatNumber(range.upperBound))"
    case (false, false): "\(formatNumber(range.lowerBound))…\(formatNumber(range.upperBound))"
    }
}
