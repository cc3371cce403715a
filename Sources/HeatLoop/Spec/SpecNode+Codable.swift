import Foundation

/// Any `Encoder` writes a tree: mappings keep their order (YAML), scalars their type (JSON numbers stay
/// numbers, quoted text stays text).
extension SpecNode: Encodable {
    public func encode(to encoder: Encoder) throws {
        switch self {
        case .scalar(let scalar, _):
            var container = encoder.singleValueContainer()
            switch scalar.value {
            case .integer(let int): try container.encode(int)
            case .number(let number): try container.encode(number)
            case .boolean(let bool): try container.encode(bool)
            case .text: try container.encode(scalar.text)
            case .null: try container.encodeNil()
            }
        case .mapping(let entries, _):
            var container = encoder.container(keyedBy: NodeKey.self)
            for entry in entries { try container.encode(entry.value, forKey: NodeKey(entry.key)) }
        case .sequence(let items, _):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        }
    }
}

/// Any `Decoder` (JSON text through `JSONDecoder`) reads a tree without positions. Mapping order is the
/// decoder's; schemas look keys up by name.
extension SpecNode: Decodable {
    public init(from decoder: Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: NodeKey.self) {
            let keys = keyed.allKeys.sorted { $0.stringValue < $1.stringValue }
            self = .mapping(try keys.map { SpecEntry(key: $0.stringValue, keyPosition: nil, value: try keyed.decode(SpecNode.self, forKey: $0)) }, nil)
        } else if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [SpecNode] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(SpecNode.self)) }
            self = .sequence(items, nil)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .scalar(SpecScalar(text: "", value: .null), nil)
            } else if let bool = try? single.decode(Bool.self) {
                self = .scalar(.boolean(bool), nil)
            } else if let int = try? single.decode(Int.self) {
                self = .scalar(.integer(int), nil)
            } else if let number = try? single.decode(Double.self) {
                self = .scalar(.number(number), nil)
            } else {
                self = .scalar(.text(try single.decode(String.self)), nil)
            }
        }
    }
}

/// A coding key named at run time (a mapping's keys, a summary's attribute names).
public struct NodeKey: CodingKey {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}
