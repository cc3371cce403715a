/// The rectangle data are drawn in, in SVG user units.
public struct PlotArea: Sendable, Equatable {
    public var left: Double
    public var top: Double
    public var width: Double
    public var height: Double
    public init(left: Double, top: Double, width: Double, height: Double) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
    }
    public var right: Double { left + width }
    public var bottom: Double { top + height }
}

/// Size and margins of a chart: a legend on top, the y-axis labels and title on the left, the x-axis
/// labels and title below. The left margin grows with the longest y tick label, so labels never run
/// off the drawing; the legend wraps within the plot's width.
public struct ChartFrame: Sendable {
    /// The drawing's size; 720 wide fits an A4 page with margins at 96 dpi.
    public let width: Double
    public let height: Double
    public let legend: Legend?
    public let plotArea: PlotArea

    public static let standardWidth = 720.0
    public static let tickFontSize = 11.0
    public static let titleFontSize = 12.0

    /// `yLabels`: the y tick labels (they set the left margin); `right` and `bottom`: room for a colour
    /// bar and for the x axis.
    public init(width: Double = standardWidth, height: Double, legend: Legend?, yLabels: [String],
                right: Double = 16, bottom: Double = 44) {
        self.width = width
        self.height = height
        self.legend = legend
        let labelWidth = yLabels.map { TextMetrics.width($0, size: Self.tickFontSize) }.max() ?? 0
        let left = 26 + labelWidth + 8
        let legendHeight = legend?.height(maxWidth: width - left - right) ?? 0
        let top = 12 + legendHeight + (legendHeight > 0 ? 10 : 0)
        plotArea = PlotArea(left: left, top: top, width: max(10, width - left - right),
                            height: max(10, height - top - bottom))
    }

    /// A frame for bars over `categories`: the bottom margin fits their labels (rotated when crowded)
    /// and the x title, and the y axis starts at zero.
    public static func forBars(height: Double, legend: Legend?, values: [Double], categories: [String],
                               xTitle: String) -> (frame: ChartFrame, y: LinearScale) {
        let yLabels = LinearScale(covering: values, including: [0], start: 0, end: 1).labelledTicks.map(\.label)
        let provisional = ChartFrame(height: height, legend: legend, yLabels: yLabels)
        let labels = CategoryLabels(categories, band: provisional.plotArea.width / Double(max(1, categories.count)))
        let frame = ChartFrame(height: height, legend: legend, yLabels: yLabels,
                               bottom: labels.reservedHeight(title: xTitle))
        let y = LinearScale(covering: values, including: [0], start: frame.plotArea.bottom, end: frame.plotArea.top)
        return (frame, y)
    }

    /// A canvas of this size with the legend drawn above the plot area.
    public func canvas() -> SVGCanvas {
        var canvas = SVGCanvas(width: width, height: height)
        if let legend {
            canvas.draw(legend, x: plotArea.left, y: 10, maxWidth: plotArea.width)
        }
        return canvas
    }
}

/// Rough text widths for layout (no font metrics in a pure-Swift report): the mean advance of a
/// proportional sans-serif font is about 0.56 of its size for digits and lowercase text.
public enum TextMetrics {
    public static func width(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.56 }

    /// `text` cut to at most `maxCharacters`, with "…" when cut.
    public static func truncated(_ text: String, maxCharacters: Int) -> String {
        text.count <= maxCharacters ? text : String(text.prefix(max(1, maxCharacters - 1))) + "…"
    }
}
