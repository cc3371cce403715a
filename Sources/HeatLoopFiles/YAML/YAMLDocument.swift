import Foundation
import HeatLoop
import Yams

/// YAML text → the core's format-neutral `SpecNode` tree, with the line:column of every node and key.
/// Scalars keep YAML 1.1 typing: plain `12` is a whole number, `0.5` a number, `true` a boolean,
/// quoted `"0.9"` stays text.
enum YAMLDocument {
    /// Parses a whole document into its root; syntax errors are logged with their position.
    static func parse(text: String, log: SpecProblemLog) -> SpecNode? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.add(nil, "", "the file is empty")
                return nil
            }
            return tree(node, log: log)
        } catch let error as YamlError {
            log.add(error.position, "", "not valid YAML: \(error.summary)")
            return nil
        } catch {
            log.add(nil, "", "not valid YAML: \(error)")
            return nil
        }
    }

    static func tree(_ node: Node, log: SpecProblemLog) -> SpecNode {
        switch node {
        case .scalar(let scalar):
            return .scalar(SpecScalar(text: scalar.string, value: value(of: node)), SourcePosition(node.mark))
        case .mapping(let mapping):
            var entries: [SpecEntry] = []
            for (key, value) in mapping {
                guard case .scalar = key, let name = key.string else {
                    log.add(SourcePosition(key.mark), "", "keys must be strings")
                    continue
                }
                entries.append(SpecEntry(key: name, keyPosition: SourcePosition(key.mark), value: tree(value, log: log)))
            }
            return .mapping(entries, SourcePosition(node.mark))
        case .sequence(let sequence):
            return .sequence(sequence.map { tree($0, log: log) }, SourcePosition(node.mark))
        case .alias:
            log.add(SourcePosition(node.mark), "", "aliases are not supported; write the value out")
            return .scalar(SpecScalar(text: "", value: .null), SourcePosition(node.mark))
        }
    }

    /// The scalar's resolved value (YAML 1.1 core schema, as Yams resolves it).
    private static func value(of node: Node) -> SpecScalar.Value {
        if let int = node.int { return .integer(int) }
        if let float = node.float { return .number(float) }
        if let bool = node.bool { return .boolean(bool) }
        if node.null != nil { return .null }
        return .text
    }

    /// A tree as YAML text: keys in the tree's order, numbers in full precision (`String(Double)`, which
    /// reads back to the same value; Yams' own encoder keeps 15 digits), text quoted where it would read
    /// as something else.
    static func text(of node: SpecNode) throws -> String {
        try Yams.serialize(node: yamlNode(node))
    }

    private static func yamlNode(_ node: SpecNode) -> Node {
        switch node {
        case .scalar(let scalar, _):
            switch scalar.value {
            case .integer(let int): return Node(String(int), Tag(.int))
            case .number(let number):
                var text = String(number)
                // YAML 1.1 floats need a decimal point before an exponent (`1.0e+20`).
                if !text.contains("."), let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                    text.insert(contentsOf: ".0", at: exponent)
                }
                return Node(text, Tag(.float))
            case .boolean(let bool): return Node(bool ? "true" : "false", Tag(.bool))
            case .text: return Node(scalar.text, Tag(.str))
            case .null: return Node("null", Tag(.null))
            }
        case .mapping(let entries, _):
            return .mapping(Node.Mapping(entries.map { (Node($0.key, Tag(.str)), yamlNode($0.value)) }))
        case .sequence(let items, _):
            return .sequence(Node.Sequence(items.map(yamlNode)))
        }
    }

    /// The UTF-8 text of the file at `path`, or a problem naming it.
    static func text(ofFile path: String, what: String) throws(SpecProblems) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecProblems([SpecProblem(file: path, message: "cannot read the \(what) (missing or not readable)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecProblems([SpecProblem(file: path, message: "not UTF-8 text")])
        }
        return text
    }

    /// Decodes a document whose root is a mapping with `keys` through `make`; throws every problem
    /// logged on the way.
    static func decode<Spec>(text: String, file: String, keys: [String], empty: Spec,
                             _ make: (SpecMapping) -> Spec) throws(SpecProblems) -> Spec {
        let log = SpecProblemLog(file: file)
        var spec = empty
        if let root = parse(text: text, log: log), let object = SpecCursor(root: root, log: log).object(keys: keys) {
            spec = make(object)
        }
        guard log.problems.isEmpty else { throw SpecProblems(log.problems) }
        return spec
    }
}

extension SourcePosition {
    init?(_ mark: Mark?) {
        guard let mark else { return nil }
        self.init(line: mark.line, column: mark.column)
    }
}

extension YamlError {
    var position: SourcePosition? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourcePosition(mark)
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
