/// A plain-text table for the terminal: columns padded to their widest cell, numbers right-aligned,
/// two spaces between columns. Width is counted in characters (fine for the Latin text HeatLoop prints).
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Per column: right-align (numbers).
    public var rightAligned: [Bool]

    public init(header: [String], rows: [[String]], rightAligned: [Bool]) {
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// The table as lines, each starting with `indent`.
    public func lines(indent: String = "  ") -> [String] {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = (0..<columns).map { column -> String in
                let cell = column < cells.count ? cells[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column < rightAligned.count && rightAligned[column] ? padding + cell : cell + padding
            }
            var text = indent + padded.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines = [line(header)]
        lines.append(indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        lines += rows.map(line)
        return lines
    }
}
