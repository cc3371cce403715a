import Foundation
import HeatLoop
import Yams

/// YAML text → the core's format-neutral `SpecNode` tree, with the line:column of every node and key.
/// Scalars keep YAML 1.1 typing: plain `12` is a whole number, `0.5` a number, `true` a boolean,
/// quoted `"0.9"` stays text.
enum YAMLDocument {
    /// Parses a whole document into its root; syntax errors are logged with their position. A document
    /// that expands (aliases included) to more than `InputLimits.maximumDocumentNodes` nodes is rejected
    /// while it is converted, before the tree is built.
    static func parse(text: String, log: SpecProblemLog) -> SpecNode? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.add(nil, "", "the file is empty")
                return nil
            }
            var budget = NodeBudget(remaining: InputLimits.maximumDocumentNodes)
            return try tree(node, log: log, budget: &budget)
        } catch let error as NodeBudget.Exceeded {
            log.add(error.position, "", "the document expands to more than \(InputLimits.maximumDocumentNodes) values "
                    + "(each alias counts everything it stands for); a site, batch or sizing file needs far fewer; write long series as CSV")
            return nil
        } catch let error as YamlError {
            log.add(error.position, "", "not valid YAML: \(error.summary)")
            return nil
        } catch {
            log.add(nil, "", "not valid YAML: \(error)")
            return nil
        }
    }

    /// Nodes still allowed while a document is converted.
    struct NodeBudget {
        struct Exceeded: Error { var position: SourcePosition? }
        var remaining: Int

        mutating func spend(_ node: Node) throws(Exceeded) {
            remaining -= 1
            if remaining < 0 { throw Exceeded(position: SourcePosition(node.mark)) }
        }
    }

    static func tree(_ node: Node, log: SpecProblemLog, budget: inout NodeBudget) throws(NodeBudget.Exceeded) -> SpecNode {
        try budget.spend(node)
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
                entries.append(SpecEntry(key: name, keyPosition: SourcePosition(key.mark),
                                         value: try tree(value, log: log, budget: &budget)))
            }
            return .mapping(entries, SourcePosition(node.mark))
        case .sequence(let sequence):
            var items: [SpecNode] = []
            for item in sequence { items.append(try tree(item, log: log, budget: &budget)) }
            return .sequence(items, SourcePosition(node.mark))
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
        let data: Data
        switch InputFile.contents(at: path, maximumBytes: InputLimits.maximumYAMLBytes) {
        case .success(let bytes): data = bytes
        case .failure(let problem):
            throw SpecProblems([SpecProblem(file: path, message: "cannot read the \(what) (\(problem.message))")])
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
        case .duplicatedKeysInMapping(_, let context):
            return SourcePosition(context.mark)
        default:
            return nil
        }
    }
    var summary: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            // Yams' own description repeats the whole file; the position says where.
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return "a key is given twice in one mapping (\(keys), first here); keep one"
        case .reader(let problem, _, _, _):
            return problem
        default:
            return "\(self)"
        }
    }
}
