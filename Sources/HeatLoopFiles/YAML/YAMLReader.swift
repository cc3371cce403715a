import Foundation
import Yams

/// Collects the problems of one file while it is read, so that all of them are reported at once.
final class ProblemLog {
    let file: String
    private(set) var problems: [SpecProblem] = []
    init(file: String) { self.file = file }

    func add(_ mark: Mark?, _ path: String, _ message: String) {
        problems.append(SpecProblem(file: file, line: mark?.line, column: mark?.column, keyPath: path, message: message))
    }
}

/// A value in a YAML document, possibly absent, with its key path and position.
struct YAMLValue {
    let node: Node?
    let path: String
    /// Position of the value, or of its parent mapping when the value is absent.
    let mark: Mark?
    let log: ProblemLog

    var isPresent: Bool { node != nil }

    func problem(_ message: String) { log.add(mark, path, message) }

    var number: Double? {
        guard let node, case .scalar = node else { return nil }
        if let int = node.int { return Double(int) }
        return node.float.flatMap { $0.isFinite ? $0 : nil }
    }

    /// A mapping with exactly these allowed keys; unknown keys are reported with a suggestion (unless the
    /// caller reports them itself).
    func object(keys: [String], reportingUnknown: Bool = true) -> YAMLObject? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            problem("expected a mapping with keys \(keys.joined(separator: ", ")), found \(describe(node))")
            return nil
        }
        for (key, _) in mapping {
            guard let name = key.string else {
                log.add(key.mark, path, "keys must be strings")
                continue
            }
            if reportingUnknown, !keys.contains(name) {
                let hint = Suggestion.closest(to: name, in: keys).map { "; did you mean '\($0)'?" } ?? ""
                log.add(key.mark, join(path, name), "unknown key '\(name)'\(hint) (allowed: \(keys.joined(separator: ", ")))")
            }
        }
        return YAMLObject(mapping: mapping, path: path, mark: node.mark, log: log)
    }

    /// A mapping with exactly one key naming a variant (`{dry_cooler: {...}}`).
    func variant(_ cases: [String]) -> (name: String, value: YAMLValue)? {
        guard let node else { return nil }
        let expected = "one of \(cases.map { "{\($0): …}" }.joined(separator: ", "))"
        if case .scalar = node, let name = node.string, cases.contains(name) {
            // A bare name selects the variant with all defaults.
            return (name, YAMLValue(node: .mapping(.init([])), path: join(path, name), mark: node.mark, log: log))
        }
        guard case .mapping(let mapping) = node, mapping.count == 1, let (key, value) = mapping.first,
              let name = key.string else {
            problem("expected \(expected), found \(describe(node))")
            return nil
        }
        guard cases.contains(name) else {
            let hint = Suggestion.closest(to: name, in: cases).map { "; did you mean '\($0)'?" } ?? ""
            log.add(key.mark, join(path, name), "unknown kind '\(name)'\(hint); expected \(expected)")
            return nil
        }
        return (name, YAMLValue(node: value, path: join(path, name), mark: value.mark, log: log))
    }

    var list: [YAMLValue]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            problem("expected a list, found \(describe(node))")
            return nil
        }
        return sequence.enumerated().map { index, element in
            YAMLValue(node: element, path: "\(path)[\(index)]", mark: element.mark, log: log)
        }
    }
}

/// A mapping being read key by key.
struct YAMLObject {
    let mapping: Node.Mapping
    let path: String
    let mark: Mark?
    let log: ProblemLog

    subscript(key: String) -> YAMLValue {
        let node = mapping.first { $0.key.string == key }?.value
        return YAMLValue(node: node, path: join(path, key), mark: node?.mark ?? mark, log: log)
    }

    func number(_ key: String, default value: Double, _ range: ClosedRange<Double>, _ hint: String = "") -> Double {
        optionalNumber(key, range, hint) ?? value
    }

    func optionalNumber(_ key: String, _ range: ClosedRange<Double>, _ hint: String = "") -> Double? {
        let field = self[key]
        guard field.isPresent else { return nil }
        guard let number = field.number else {
            field.problem("expected a number in \(format(range)), found \(describe(field.node))")
            return nil
        }
        guard range.contains(number) else {
            field.problem("\(format(number)) is out of range\(hint.isEmpty ? "" : ": \(hint)"); expected \(format(range))")
            return nil
        }
        return number
    }

    func requiredNumber(_ key: String, _ range: ClosedRange<Double>, _ hint: String = "") -> Double? {
        guard self[key].isPresent else {
            log.add(mark, join(path, key), "missing required key '\(key)' (a number in \(format(range)))")
            return nil
        }
        return optionalNumber(key, range, hint)
    }

    func integer(_ key: String, default value: Int, _ range: ClosedRange<Int>) -> Int {
        optionalInteger(key, range) ?? value
    }

    func optionalInteger(_ key: String, _ range: ClosedRange<Int>) -> Int? {
        let field = self[key]
        guard let node = field.node else { return nil }
        guard case .scalar = node, let int = node.int else {
            field.problem("expected a whole number in \(range.lowerBound)…\(range.upperBound), found \(describe(node))")
            return nil
        }
        guard range.contains(int) else {
            field.problem("\(int) is out of range; expected \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return int
    }

    func requiredInteger(_ key: String, _ range: ClosedRange<Int>) -> Int? {
        guard self[key].isPresent else {
            log.add(mark, join(path, key), "missing required key '\(key)' (a whole number in \(range.lowerBound)…\(range.upperBound))")
            return nil
        }
        return optionalInteger(key, range)
    }

    func boolean(_ key: String, default value: Bool) -> Bool {
        let field = self[key]
        guard let node = field.node else { return value }
        guard case .scalar = node, let bool = node.bool else {
            field.problem("expected true or false, found \(describe(node))")
            return value
        }
        return bool
    }

    func optionalString(_ key: String) -> String? {
        let field = self[key]
        guard let node = field.node else { return nil }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            field.problem("expected text, found \(describe(node))")
            return nil
        }
        return scalar.string
    }

    func requiredString(_ key: String, _ what: String) -> String? {
        guard self[key].isPresent else {
            log.add(mark, join(path, key), "missing required key '\(key)' (\(what))")
            return nil
        }
        return optionalString(key)
    }

    func choice(_ key: String, default value: String, _ options: [String]) -> String {
        guard let text = optionalString(key) else { return value }
        guard options.contains(text) else {
            let hint = Suggestion.closest(to: text, in: options).map { "; did you mean '\($0)'?" } ?? ""
            self[key].problem("'\(text)' is not valid\(hint); expected one of \(options.joined(separator: ", "))")
            return value
        }
        return text
    }

    func numbers(_ key: String, count: Int?, _ range: ClosedRange<Double>) -> [Double]? {
        guard let items = self[key].list else { return nil }
        if let count, items.count != count {
            self[key].problem("expected \(count) numbers, found \(items.count)")
            return nil
        }
        var values: [Double] = []
        for item in items {
            guard let number = item.number else {
                item.problem("expected a number in \(format(range)), found \(describe(item.node))")
                return nil
            }
            guard range.contains(number) else {
                item.problem("\(format(number)) is out of range; expected \(format(range))")
                return nil
            }
            values.append(number)
        }
        return values
    }
}

func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

func format(_ range: ClosedRange<Double>) -> String {
    switch (range.lowerBound.isInfinite, range.upperBound.isInfinite) {
    case (true, true): "any number"
    case (false, true): "≥ \(format(range.lowerBound))"
    case (true, false): "≤ \(format(range.upperBound))"
    case (false, false): "\(format(range.lowerBound))…\(format(range.upperBound))"
    }
}

func describe(_ node: Node?) -> String {
    guard let node else { return "nothing" }
    switch node {
    case .scalar(let scalar): return scalar.string.isEmpty ? "an empty value" : "'\(scalar.string)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
}

extension YAMLValue {
    /// Parses a whole document into its root value; syntax errors are logged with their position.
    static func document(text: String, log: ProblemLog) -> YAMLValue? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.add(nil, "", "the file is empty")
                return nil
            }
            return YAMLValue(node: node, path: "", mark: node.mark, log: log)
        } catch let error as YamlError {
            log.add(error.mark, "", "not valid YAML: \(error.summary)")
            return nil
        } catch {
            log.add(nil, "", "not valid YAML: \(error)")
            return nil
        }
    }
}

extension YAMLValue {
    /// The UTF-8 text of the file at `path`, or a problem naming it.
    static func text(ofFile path: String, what: String) throws(SpecProblems) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecProblems([SpecProblem(file: path, line: nil, column: nil, keyPath: "",
                                            message: "cannot read the \(what) (missing or not readable)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecProblems([SpecProblem(file: path, line: nil, column: nil, keyPath: "", message: "not UTF-8 text")])
        }
        return text
    }

    /// Decodes a document whose root is a mapping with `keys` through `make`; throws every problem
    /// logged on the way.
    static func decode<Spec>(text: String, file: String, keys: [String], empty: Spec,
                             _ make: (YAMLObject) -> Spec) throws(SpecProblems) -> Spec {
        let log = ProblemLog(file: file)
        var spec = empty
        if let root = document(text: text, log: log), let object = root.object(keys: keys) { spec = make(object) }
        guard log.problems.isEmpty else { throw SpecProblems(log.problems) }
        return spec
    }
}

extension YamlError {
    var mark: Mark? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark
        default:
            return nil
        }
    }
    var summary: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(self)"
        }
    }
}
