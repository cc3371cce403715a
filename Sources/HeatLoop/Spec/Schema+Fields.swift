/// The kinds of keys a section declares. Each constructor reads, writes and documents one key; the
/// default is the property's initial value in `Root()` unless the key is required or derived.
extension Field where Root: SpecSection {
    /// A key read by `read` (nil: absent or reported) and written by `write` (nil: left out).
    static func make<Value>(_ key: String, _ path: WritableKeyPath<Root, Value>, type: String, unit: String?,
                            allowed: String?, doc: String, defaultText: String? = nil,
                            children: FieldReference.FieldChildren = .none,
                            read: @escaping (SpecMapping) -> Value?, write: @escaping (Value) -> SpecNode?) -> Field {
        let written = defaultText ?? write(Root()[keyPath: path]).map(\.flowText) ?? "absent"
        return Field(
            key: key,
            reference: FieldReference(key: key, type: type, unit: unit, allowed: allowed, defaultText: written, doc: doc,
                                      children: children),
            decode: { mapping, value in if let read = read(mapping) { value[keyPath: path] = read } },
            encode: { write($0[keyPath: path]) })
    }

    private static func given(_ required: Bool, _ derived: String?) -> String? {
        required ? "required" : derived.map { "derived: \($0)" }
    }

    // MARK: Numbers

    public static func number(_ key: String, _ path: WritableKeyPath<Root, Double>, unit: String? = nil,
                              range: ClosedRange<Double>, doc: String, hint: String = "", required: Bool = false) -> Field {
        make(key, path, type: "number", unit: unit, allowed: formatRange(range), doc: doc, defaultText: given(required, nil),
             read: { required ? $0.requiredNumber(key, range, hint) : $0.optionalNumber(key, range, hint) },
             write: { .scalar(.number($0), nil) })
    }

    /// A number that may be absent; `derived` says how the design step fills it.
    public static func optionalNumber(_ key: String, _ path: WritableKeyPath<Root, Double?>, unit: String? = nil,
                                      range: ClosedRange<Double>, doc: String, hint: String = "", derived: String? = nil) -> Field {
        make(key, path, type: "number", unit: unit, allowed: formatRange(range), doc: doc, defaultText: given(false, derived),
             read: { $0.optionalNumber(key, range, hint).map { $0 } },
             write: { $0.map { .scalar(.number($0), nil) } })
    }

    public static func integer(_ key: String, _ path: WritableKeyPath<Root, Int>, unit: String? = nil,
                               range: ClosedRange<Int>, doc: String, required: Bool = false) -> Field {
        make(key, path, type: "whole number", unit: unit, allowed: "\(range.lowerBound)…\(range.upperBound)", doc: doc,
             defaultText: given(required, nil),
             read: { required ? $0.requiredInteger(key, range) : $0.optionalInteger(key, range) },
             write: { .scalar(.integer($0), nil) })
    }

    public static func optionalInteger(_ key: String, _ path: WritableKeyPath<Root, Int?>, unit: String? = nil,
                                       range: ClosedRange<Int>, doc: String, derived: String? = nil) -> Field {
        make(key, path, type: "whole number", unit: unit, allowed: "\(range.lowerBound)…\(range.upperBound)", doc: doc,
             defaultText: given(false, derived),
             read: { $0.optionalInteger(key, range).map { $0 } },
             write: { $0.map { .scalar(.integer($0), nil) } })
    }

    /// A fixed-length (`count`) or any-length list of numbers.
    public static func numbers(_ key: String, _ path: WritableKeyPath<Root, [Double]>, count: Int?, unit: String? = nil,
                               range: ClosedRange<Double>, doc: String) -> Field {
        make(key, path, type: count.map { "list of \($0) numbers" } ?? "list of numbers", unit: unit,
             allowed: "each \(formatRange(range))", doc: doc,
             read: { $0[key].isPresent ? $0.numbers(key, count: count, range) : nil },
             write: { .sequence($0.map { .scalar(.number($0), nil) }, nil) })
    }

    /// A table: a list of rows of numbers (`width` each when given), column `c` in `ranges[c]` (or all
    /// in `ranges[0]`); `row` describes one row for messages.
    public static func rows(_ key: String, _ path: WritableKeyPath<Root, [[Double]]>, width: Int?, unit: String? = nil,
                            ranges: [ClosedRange<Double>], row: String, doc: String, required: Bool = false) -> Field {
        make(key, path, type: "list of \(row)", unit: unit, allowed: nil, doc: doc, defaultText: given(required, nil),
             read: { mapping in
                 guard mapping[key].isPresent else {
                     if required { mapping.missing(key, "a list of \(row)") }
                     return nil
                 }
                 return mapping[key].rows(width: width, ranges: ranges, row: row)
             },
             write: rowsNode)
    }

    public static func optionalRows(_ key: String, _ path: WritableKeyPath<Root, [[Double]]?>, width: Int?, unit: String? = nil,
                                    ranges: [ClosedRange<Double>], row: String, doc: String, derived: String? = nil) -> Field {
        make(key, path, type: "list of \(row)", unit: unit, allowed: nil, doc: doc, defaultText: given(false, derived),
             read: { $0[key].rows(width: width, ranges: ranges, row: row).map { $0 } },
             write: { $0.map(rowsNode) })
    }

    private static func rowsNode(_ rows: [[Double]]) -> SpecNode {
        .sequence(rows.map { .sequence($0.map { .scalar(.number($0), nil) }, nil) }, nil)
    }

    // MARK: Text, dates, files, choices

    /// Text; `normalise` gives the form kept (`deu` → `DEU`).
    public static func text(_ key: String, _ path: WritableKeyPath<Root, String>, doc: String, required: String? = nil,
                            normalise: @escaping (String) -> String = { $0 }) -> Field {
        make(key, path, type: "text", unit: nil, allowed: nil, doc: doc, defaultText: required.map { _ in "required" },
             read: { mapping in (required.map { mapping.requiredString(key, $0) } ?? mapping.optionalString(key)).map(normalise) },
             write: { .scalar(.text($0), nil) })
    }

    public static func optionalText(_ key: String, _ path: WritableKeyPath<Root, String?>, doc: String,
                                    normalise: @escaping (String) -> String = { $0 }) -> Field {
        make(key, path, type: "text", unit: nil, allowed: nil, doc: doc,
             read: { $0.optionalString(key).map(normalise) },
             write: { $0.map { .scalar(.text($0), nil) } })
    }

    /// A date `YYYY-MM-DD`, or with `time` also `YYYY-MM-DDTHH:MM[:SS]`.
    public static func date(_ key: String, _ path: WritableKeyPath<Root, String>, time: Bool, doc: String,
                            required: String) -> Field {
        let format = time ? "YYYY-MM-DD or YYYY-MM-DDTHH:MM" : "YYYY-MM-DD"
        return make(key, path, type: time ? "date or date-time" : "date", unit: nil, allowed: format, doc: doc,
                    defaultText: "required",
                    read: { mapping in
                        guard let text = mapping.requiredString(key, required) else { return nil }
                        let valid = time ? TimeOfYear.parse(text) != nil : CalendarDate(iso: text) != nil
                        if !valid { mapping[key].problem("'\(text)' is not a date; expected \(format)") }
                        return text
                    },
                    write: { .scalar(.text($0), nil) })
    }

    /// A file path, relative to the file that names it. `column` names the sibling key of the CSV column
    /// read, which must hold one of `accepting`.
    public static func file(_ key: String, _ path: WritableKeyPath<Root, String>, what: String, doc: String, required: String,
                            column: (key: String, path: KeyPath<Root, String>)? = nil,
                            accepting: [RegularTrace.Quantity] = []) -> Field {
        let field = text(key, path, doc: doc, required: required)
        return field.naming(files: { value, keyPath in
            [reference(keyPath, value[keyPath: path], what, value, column, accepting)].compactMap { $0 }
        })
    }

    public static func optionalFile(_ key: String, _ path: WritableKeyPath<Root, String?>, what: String, doc: String,
                                    column: (key: String, path: KeyPath<Root, String>)? = nil,
                                    accepting: [RegularTrace.Quantity] = []) -> Field {
        optionalText(key, path, doc: doc).naming(files: { value, keyPath in
            [reference(keyPath, value[keyPath: path] ?? "", what, value, column, accepting)].compactMap { $0 }
        })
    }

    private static func reference(_ keyPath: String, _ file: String, _ what: String, _ value: Root,
                                  _ column: (key: String, path: KeyPath<Root, String>)?,
                                  _ accepting: [RegularTrace.Quantity]) -> FileReference? {
        guard !file.isEmpty || column != nil else { return nil }
        let parent = keyPath.split(separator: ".").dropLast().joined(separator: ".")
        return FileReference(keyPath: keyPath, path: file, what: what, column: column.map { value[keyPath: $0.path] },
                             columnKeyPath: column.map { joinPath(parent, $0.key) }, accepting: accepting)
    }

    public static func boolean(_ key: String, _ path: WritableKeyPath<Root, Bool>, doc: String) -> Field {
        make(key, path, type: "true/false", unit: nil, allowed: nil, doc: doc,
             read: { mapping in
                 guard let node = mapping[key].node else { return nil }
                 guard let bool = node.scalar?.boolean else {
                     mapping[key].problem("expected true or false, found \(node.summary)")
                     return nil
                 }
                 return bool
             },
             write: { .scalar(.boolean($0), nil) })
    }

    public static func choice<E: SpecChoice>(_ key: String, _ path: WritableKeyPath<Root, E>, doc: String) -> Field {
        make(key, path, type: "name", unit: nil, allowed: E.names.joined(separator: ", "), doc: doc,
             read: { readChoice(E.self, $0, key) }, write: { .scalar(.text($0.rawValue), nil) })
    }

    public static func optionalChoice<E: SpecChoice>(_ key: String, _ path: WritableKeyPath<Root, E?>, doc: String,
                                                     derived: String? = nil) -> Field {
        make(key, path, type: "name", unit: nil, allowed: E.names.joined(separator: ", "), doc: doc,
             defaultText: given(false, derived),
             read: { readChoice(E.self, $0, key).map { $0 } }, write: { $0.map { .scalar(.text($0.rawValue), nil) } })
    }

    private static func readChoice<E: SpecChoice>(_ type: E.Type, _ mapping: SpecMapping, _ key: String) -> E? {
        guard let text = mapping.optionalString(key) else { return nil }
        guard let value = E(specName: text) else {
            mapping[key].problem("'\(text)' is not \(E.noun)\(Suggestion.hint(for: text, in: E.names)); expected one of \(E.names.joined(separator: ", "))")
            return nil
        }
        return value
    }

    // MARK: Sections, lists, variants

    /// A section of its own; `shorthand` names the key a bare scalar sets (`node: b200` for `{preset: b200}`).
    public static func section<S: SpecSection>(_ key: String, _ path: WritableKeyPath<Root, S>, doc: String,
                                               required: String? = nil, shorthand: String? = nil) -> Field {
        make(key, path, type: "section", unit: nil, allowed: shorthand.map { "a mapping, or a bare \($0)" }, doc: doc,
             defaultText: required.map { _ in "required" } ?? "present",
             children: .section { S.schema.fields.map(\.reference) },
             read: { mapping in
                 var cursor = mapping[key]
                 guard let node = cursor.node else {
                     if let required { mapping.missing(key, required) }
                     return nil
                 }
                 if let shorthand, case .scalar = node {
                     cursor = SpecCursor(node: .mapping([SpecEntry(key: shorthand, keyPosition: node.position, value: node)], node.position),
                                         path: cursor.path, position: cursor.position, log: cursor.log)
                 }
                 return cursor.decodeSection(S.self)
             },
             write: { S.schema.encode($0) })
        .naming(files: { value, keyPath in S.schema.files(in: value[keyPath: path], path: keyPath) })
    }

    /// A section that may be absent. With `off` words it is present by default and one of them
    /// (`failures: off`) removes it; it is written as `off[0]` when absent.
    public static func optionalSection<S: SpecSection>(_ key: String, _ path: WritableKeyPath<Root, S?>, doc: String,
                                                       off: [String] = [], derived: String? = nil) -> Field {
        make(key, path, type: "section", unit: nil, allowed: off.isEmpty ? nil : "a mapping, or \(off[0])", doc: doc,
             defaultText: derived.map { "derived: \($0)" } ?? (Root()[keyPath: path] == nil ? "absent" : "present"),
             children: .section { S.schema.fields.map(\.reference) },
             read: { mapping in
                 let cursor = mapping[key]
                 guard let node = cursor.node else { return nil }
                 if !off.isEmpty, let scalar = node.scalar {
                     if off.contains(scalar.text.lowercased()) { return .some(nil) }
                     cursor.problem("expected '\(off[0])' or a mapping {\(S.schema.keys.joined(separator: ", "))}")
                     return nil
                 }
                 return cursor.decodeSection(S.self).map { $0 }
             },
             write: { value in value.map { S.schema.encode($0) } ?? (off.isEmpty ? nil : .scalar(.text(off[0]), nil)) })
        .naming(files: { value, keyPath in value[keyPath: path].map { S.schema.files(in: $0, path: keyPath) } ?? [] })
    }

    /// A section another layer reads (a site's `uncertainty:`, read by the file layer's `UncertaintySpec`
    /// for `heatloop run --ensemble`): the key is known here, so it is no unknown key, but the description
    /// neither decodes nor writes it (a run's resolved site leaves it out).
    public static func readElsewhere(_ key: String, doc: String) -> Field {
        Field(key: key, reference: FieldReference(key: key, type: "section", unit: nil, allowed: nil, defaultText: "absent",
                                                  doc: doc, children: .none),
              decode: { _, _ in }, encode: { _ in nil })
    }

    /// A list of sections, at most `maximumCount` long (checked before any item is decoded).
    public static func list<S: SpecSection>(_ key: String, _ path: WritableKeyPath<Root, [S]>, doc: String,
                                            required: String? = nil, maximumCount: Int = .max) -> Field {
        make(key, path, type: "list of sections", unit: nil, allowed: nil, doc: doc,
             defaultText: required.map { _ in "required" } ?? "empty",
             children: .section { S.schema.fields.map(\.reference) },
             read: { mapping in
                 guard mapping[key].isPresent else {
                     if let required { mapping.missing(key, required) }
                     return nil
                 }
                 if let count = mapping[key].node?.sequenceItems?.count, count > maximumCount {
                     mapping[key].problem("\(count) items; at most \(maximumCount) are allowed")
                     return nil
                 }
                 return mapping[key].list?.compactMap { $0.decodeSection(S.self) }
             },
             write: { .sequence($0.map { S.schema.encode($0) }, nil) })
        .naming(files: { value, keyPath in
            value[keyPath: path].enumerated().flatMap { index, item in S.schema.files(in: item, path: "\(keyPath)[\(index)]") }
        })
    }

    /// One of a family of variants (`{dry_cooler: {…}}` or a bare `dry_cooler`).
    public static func variant<V: SpecVariant>(_ key: String, _ path: WritableKeyPath<Root, V>, doc: String,
                                               required: String? = nil) -> Field {
        make(key, path, type: "one of", unit: nil, allowed: V.variants.names.joined(separator: ", "), doc: doc,
             defaultText: required.map { _ in "required" },
             children: .variants { V.variants.cases.map { ($0.name, $0.doc, $0.fields()) } },
             read: { mapping in
                 guard mapping[key].isPresent else {
                     if let required { mapping.missing(key, required) }
                     return nil
                 }
                 return mapping[key].decodeVariant(V.self)
             },
             write: { V.variants.encode($0) })
        .naming(files: { value, keyPath in V.variants.files(in: value[keyPath: path], path: keyPath) })
    }
}

extension Field {
    /// The field with `files` listing the files it names.
    func naming(files: @escaping (Root, String) -> [FileReference]) -> Field {
        Field(key: key, reference: reference, decode: decode, encode: encode, files: files)
    }
}

extension SpecCursor {
    /// A table of numbers; nil (with problems) when any row or number is malformed.
    func rows(width: Int?, ranges: [ClosedRange<Double>], row: String) -> [[Double]]? {
        guard let items = list else { return nil }
        var rows: [[Double]] = []
        var valid = true
        for item in items {
            guard let cells = item.node?.sequenceItems, width.map({ cells.count == $0 }) ?? true else {
                item.problem("expected \(row)")
                valid = false
                continue
            }
            var numbers: [Double] = []
            for (column, cell) in (item.list ?? []).enumerated() {
                let range = ranges[min(column, ranges.count - 1)]
                guard let number = cell.number else {
                    cell.problem("expected a number in \(formatRange(range)), found \(cell.summary)")
                    valid = false
                    continue
                }
                if !range.contains(number) {
                    cell.problem("\(formatNumber(number)) is out of range; expected \(formatRange(range))")
                    valid = false
                }
                numbers.append(number)
            }
            _ = cells
            rows.append(numbers)
        }
        return valid ? rows : nil
    }
}

extension SpecNode {
    var sequenceItems: [SpecNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }
}
