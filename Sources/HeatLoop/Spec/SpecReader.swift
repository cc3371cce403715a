/// Collects the problems of one document while it is read, so that all of them are reported at once.
public final class SpecProblemLog {
    public let file: String
    public private(set) var problems: [SpecProblem] = []
    /// While muted, problems are dropped (a section decoded a second time from other defaults).
    var isMuted = false

    public init(file: String) { self.file = file }

    public func add(_ position: SourcePosition?, _ path: String, _ message: String) {
        guard !isMuted else { return }
        problems.append(SpecProblem(file: file, at: position, keyPath: path, message: message))
    }
}

/// A value of a document being read, possibly absent, with its key path and position.
public struct SpecCursor {
    public let node: SpecNode?
    public let path: String
    /// Position of the value, or of its parent mapping when the value is absent.
    public let position: SourcePosition?
    public let log: SpecProblemLog

    public init(node: SpecNode?, path: String, position: SourcePosition?, log: SpecProblemLog) {
        self.node = node
        self.path = path
        self.position = position
        self.log = log
    }

    /// The root of a document.
    public init(root: SpecNode, log: SpecProblemLog) {
        self.init(node: root, path: "", position: root.position, log: log)
    }

    public var isPresent: Bool { node != nil }

    public func problem(_ message: String) { log.add(position, path, message) }

    public var number: Double? { node?.scalar?.number }

    /// What a message calls the value (`'many'`, `a list`, `nothing`).
    public var summary: String { node?.summary ?? "nothing" }

    /// A mapping with exactly these allowed keys; unknown keys are reported with a suggestion (unless the
    /// caller reports them itself).
    public func object(keys: [String], reportingUnknown: Bool = true) -> SpecMapping? {
        guard let node else { return nil }
        guard case .mapping(let entries, let at) = node else {
            problem("expected a mapping with keys \(keys.joined(separator: ", ")), found \(node.summary)")
            return nil
        }
        if reportingUnknown {
            for entry in entries where !keys.contains(entry.key) {
                log.add(entry.keyPosition, joinPath(path, entry.key),
                        "unknown key '\(entry.key)'\(Suggestion.hint(for: entry.key, in: keys)) (allowed: \(keys.joined(separator: ", ")))")
            }
        }
        return SpecMapping(entries: entries, path: path, position: at, log: log)
    }

    /// A mapping with exactly one key naming a variant (`{dry_cooler: {...}}`), or the bare name of one
    /// (`dry_cooler`: all its defaults).
    public func variant(_ cases: [String]) -> (name: String, value: SpecCursor)? {
        guard let node else { return nil }
        let expected = "one of \(cases.map { "{\($0): …}" }.joined(separator: ", "))"
        if case .scalar(let scalar, let at) = node, cases.contains(scalar.text) {
            return (scalar.text, SpecCursor(node: .mapping([], at), path: joinPath(path, scalar.text), position: at, log: log))
        }
        guard case .mapping(let entries, _) = node, entries.count == 1, let entry = entries.first else {
            problem("expected \(expected), found \(node.summary)")
            return nil
        }
        guard cases.contains(entry.key) else {
            log.add(entry.keyPosition, joinPath(path, entry.key),
                    "unknown kind '\(entry.key)'\(Suggestion.hint(for: entry.key, in: cases)); expected \(expected)")
            return nil
        }
        return (entry.key, SpecCursor(node: entry.value, path: joinPath(path, entry.key), position: entry.value.position, log: log))
    }

    public var list: [SpecCursor]? {
        guard let node else { return nil }
        guard case .sequence(let items, _) = node else {
            problem("expected a list, found \(node.summary)")
            return nil
        }
        return items.enumerated().map { index, item in
            SpecCursor(node: item, path: "\(path)[\(index)]", position: item.position, log: log)
        }
    }

    /// The value at `relative` below this one (`workload.training.jobs[0].nodes`), positioned at the
    /// deepest node that exists on the way: where a cross-field check reports a problem.
    public func at(_ relative: String) -> SpecCursor {
        guard let keyPath = SiteKeyPath(relative) else { return self }
        var node = self.node
        var position = self.position
        for component in keyPath.components {
            switch component {
            case .key(let key): node = node?[key]
            case .index(let index):
                if case .sequence(let items, _)? = node, items.indices.contains(index) { node = items[index] } else { node = nil }
            }
            if let at = node?.position { position = at }
        }
        return SpecCursor(node: node, path: path.isEmpty ? relative : joinPath(path, relative), position: position, log: log)
    }
}

/// A mapping being read key by key.
public struct SpecMapping {
    public let entries: [SpecEntry]
    public let path: String
    public let position: SourcePosition?
    public let log: SpecProblemLog

    public subscript(key: String) -> SpecCursor {
        let node = entries.first { $0.key == key }?.value
        return SpecCursor(node: node, path: joinPath(path, key), position: node?.position ?? position, log: log)
    }

    /// The position of `key` itself (for problems about the key rather than its value).
    public func keyPosition(_ key: String) -> SourcePosition? {
        entries.first { $0.key == key }?.keyPosition
    }

    /// The value at `relative` below this mapping (`clusters[1]`), for cross-field checks.
    public func at(_ relative: String) -> SpecCursor {
        SpecCursor(node: .mapping(entries, position), path: path, position: position, log: log).at(relative)
    }

    /// Reports a problem with the whole mapping.
    public func problem(_ message: String) { log.add(position, path, message) }

    /// Reports a required key that is absent, at the mapping.
    public func missing(_ key: String, _ what: String) {
        log.add(position, joinPath(path, key), "missing required key '\(key)' (\(what))")
    }

    public func number(_ key: String, default value: Double, _ range: ClosedRange<Double>, _ hint: String = "") -> Double {
        optionalNumber(key, range, hint) ?? value
    }

    public func optionalNumber(_ key: String, _ range: ClosedRange<Double>, _ hint: String = "") -> Double? {
        let field = self[key]
        guard field.isPresent else { return nil }
        guard let number = field.number else {
            field.problem("expected a number in \(formatRange(range)), found \(field.summary)")
            return nil
        }
        guard range.contains(number) else {
            field.problem("\(formatNumber(number)) is out of range\(hint.isEmpty ? "" : ": \(hint)"); expected \(formatRange(range))")
            return nil
        }
        return number
    }

    public func requiredNumber(_ key: String, _ range: ClosedRange<Double>, _ hint: String = "") -> Double? {
        guard self[key].isPresent else {
            missing(key, "a number in \(formatRange(range))")
            return nil
        }
        return optionalNumber(key, range, hint)
    }

    public func integer(_ key: String, default value: Int, _ range: ClosedRange<Int>) -> Int {
        optionalInteger(key, range) ?? value
    }

    public func optionalInteger(_ key: String, _ range: ClosedRange<Int>) -> Int? {
        let field = self[key]
        guard let node = field.node else { return nil }
        guard let int = node.scalar?.integer else {
            field.problem("expected a whole number in \(range.lowerBound)…\(range.upperBound), found \(node.summary)")
            return nil
        }
        guard range.contains(int) else {
            field.problem("\(int) is out of range; expected \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return int
    }

    public func requiredInteger(_ key: String, _ range: ClosedRange<Int>) -> Int? {
        guard self[key].isPresent else {
            missing(key, "a whole number in \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return optionalInteger(key, range)
    }

    public func boolean(_ key: String, default value: Bool) -> Bool {
        let field = self[key]
        guard let node = field.node else { return value }
        guard let bool = node.scalar?.boolean else {
            field.problem("expected true or false, found \(node.summary)")
            return value
        }
        return bool
    }

    public func optionalString(_ key: String) -> String? {
        let field = self[key]
        guard let node = field.node else { return nil }
        guard let scalar = node.scalar, !scalar.text.isEmpty else {
            field.problem("expected text, found \(node.summary)")
            return nil
        }
        return scalar.text
    }

    public func requiredString(_ key: String, _ what: String) -> String? {
        guard self[key].isPresent else {
            missing(key, what)
            return nil
        }
        return optionalString(key)
    }

    /// One of `options`; `what` names the kind of value in the message (`a node preset`).
    public func choice(_ key: String, _ options: [String], what: String? = nil) -> String? {
        guard let text = optionalString(key) else { return nil }
        guard options.contains(text) else {
            self[key].problem("'\(text)' is not \(what ?? "valid")\(Suggestion.hint(for: text, in: options)); expected one of \(options.joined(separator: ", "))")
            return nil
        }
        return text
    }

    public func numbers(_ key: String, count: Int?, _ range: ClosedRange<Double>) -> [Double]? {
        self[key].numbers(count: count, range)
    }
}

extension SpecCursor {
    /// A list of numbers in `range`, `count` long when given.
    public func numbers(count: Int?, _ range: ClosedRange<Double>) -> [Double]? {
        guard let items = list else { return nil }
        if let count, items.count != count {
            problem("expected \(count) numbers, found \(items.count)")
            return nil
        }
        var values: [Double] = []
        for item in items {
            guard let number = item.number else {
                item.problem("expected a number in \(formatRange(range)), found \(item.summary)")
                return nil
            }
            guard range.contains(number) else {
                item.problem("\(formatNumber(number)) is out of range; expected \(formatRange(range))")
                return nil
            }
            values.append(number)
        }
        return values
    }
}

public func joinPath(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
