/// One thing wrong with an input file: where, which key, what, and what would be valid.
public struct SpecProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line and column, when known.
    public var line: Int?
    public var column: Int?
    /// Dotted key path (`cooling.liquid.supply_c`, `it.clusters[0].nodes`).
    public var keyPath: String
    public var message: String

    public init(file: String, line: Int?, column: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
    }
}

/// Every problem found in an input file; thrown only after the whole file has been checked.
public struct SpecProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [SpecProblem]
    public init(_ problems: [SpecProblem]) { self.problems = problems }
    /// The first `InputLimits.maximumProblemsShown` problems, one a line, and how many more there are.
    public var description: String {
        let shown = problems.prefix(InputLimits.maximumProblemsShown).map(\.description)
        let more = problems.count - shown.count
        return (shown + (more > 0 ? ["… and \(more) more problems (fix these first)"] : [])).joined(separator: "\n")
    }
}

extension SpecProblem {
    /// A problem with the whole file (unreadable, not UTF-8).
    public init(file: String, message: String) {
        self.init(file: file, line: nil, column: nil, keyPath: "", message: message)
    }

    public init(file: String, at position: SourcePosition?, keyPath: String, message: String) {
        self.init(file: file, line: position?.line, column: position?.column, keyPath: keyPath, message: message)
    }
}

/// "Did you mean" for an unknown key or value: the closest allowed key within a small edit distance.
public enum Suggestion {
    public static func closest(to key: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(key, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored else { return nil }
        let limit = max(2, key.count / 3)
        if distance <= limit || best.hasPrefix(key) || key.hasPrefix(best) { return best }
        return nil
    }

    /// Levenshtein distance.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension Suggestion {
    /// `; did you mean 'x'?` for the closest candidate, or nothing.
    public static func hint(for text: String, in candidates: [String]) -> String {
        closest(to: text, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
