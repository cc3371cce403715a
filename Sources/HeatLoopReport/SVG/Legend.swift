/// A row (or rows) of legend entries above a chart's plot area, left to right, wrapping when full.
public struct Legend: Sendable {
    public enum Swatch: Sendable {
        /// A filled square (bars, heatmap classes).
        case box
        /// A short line, dashed or solid (line charts).
        case line(dashed: Bool)
        /// A dot (scatter), or a ring (highlighted points).
        case dot
        case ring
    }

    public struct Entry: Sendable {
        public var label: String
        public var color: String
        public var swatch: Swatch
        public init(_ label: String, color: String, swatch: Swatch) {
            self.label = label
            self.color = color
            self.swatch = swatch
        }
    }

    public var entries: [Entry]
    public init(_ entries: [Entry]) { self.entries = entries }

    static let rowHeight = 18.0
    static let swatchWidth = 18.0
    static let gap = 16.0

    /// Height of the legend when wrapped to `maxWidth`.
    public func height(maxWidth: Double) -> Double {
        entries.isEmpty ? 0 : Double(rows(maxWidth: maxWidth).count) * Self.rowHeight
    }

    /// Entry indices per row, with each entry's x offset from the legend's left.
    func rows(maxWidth: Double) -> [[(index: Int, x: Double)]] {
        var rows: [[(index: Int, x: Double)]] = [[]]
        var x = 0.0
        for (index, entry) in entries.enumerated() {
            let width = Self.swatchWidth + 5 + TextMetrics.width(entry.label, size: ChartFrame.tickFontSize + 1)
            if x > 0 && x + width > maxWidth {
                rows.append([])
                x = 0
            }
            rows[rows.count - 1].append((index, x))
            x += width + Self.gap
        }
        return rows
    }
}

extension SVGCanvas {
    /// Draws `legend` with its top-left corner at (`x`, `y`), wrapping at `maxWidth`.
    public mutating func draw(_ legend: Legend, x: Double, y: Double, maxWidth: Double) {
        for (row, items) in legend.rows(maxWidth: maxWidth).enumerated() {
            let middle = y + Double(row) * Legend.rowHeight + Legend.rowHeight / 2
            for item in items {
                let entry = legend.entries[item.index]
                let left = x + item.x
                switch entry.swatch {
                case .box:
                    rect(x: left + 3, y: middle - 6, width: 12, height: 12, fill: entry.color)
                case .line(let dashed):
                    line(from: ChartPoint(x: left, y: middle), to: ChartPoint(x: left + Legend.swatchWidth, y: middle),
                         color: entry.color, width: 2.5, dashed: dashed)
                case .dot:
                    circle(center: ChartPoint(x: left + 9, y: middle), radius: 4.5, fill: entry.color)
                case .ring:
                    circle(center: ChartPoint(x: left + 9, y: middle), radius: 5, fill: "#FFFFFF", stroke: entry.color,
                           strokeWidth: 2)
                }
                text(entry.label, at: ChartPoint(x: left + Legend.swatchWidth + 5, y: middle + 4),
                     size: ChartFrame.tickFontSize + 1)
            }
        }
    }
}
