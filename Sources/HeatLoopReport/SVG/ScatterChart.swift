/// Points on two numeric axes, in coloured groups (PUE against outdoor temperature by cooling mode,
/// designs by feasibility), with optional lines through chosen points (a Pareto front) and text
/// labels. Non-finite points are left out.
///
/// Dots are drawn as zero-length round-capped strokes, one path per group: a dot costs about a dozen
/// bytes, so 8,760 hourly points stay a few hundred kilobytes. Rings (highlighted points) are circles.
public struct ScatterChart: Sendable {
    public struct Group: Sendable {
        public var name: String
        public var color: String
        public var points: [ChartPoint]
        public var radius: Double
        /// Drawn as open rings rather than filled dots.
        public var ring: Bool
        public var opacity: Double
        public init(name: String, color: String, points: [ChartPoint], radius: Double = 2.5, ring: Bool = false,
                    opacity: Double = 1) {
            self.name = name
            self.color = color
            self.points = points
            self.radius = radius
            self.ring = ring
            self.opacity = opacity
        }
    }

    /// A text next to a point (e.g. "recommended").
    public struct Label: Sendable {
        public var point: ChartPoint
        public var text: String
        public init(point: ChartPoint, text: String) {
            self.point = point
            self.text = text
        }
    }

    public var groups: [Group]
    /// Lines through points, in the given order (drawn under the dots); unnamed lines have no legend entry.
    public var lines: [LineChart.Series]
    public var labels: [Label]
    public var xTitle: String
    public var yTitle: String
    public var height: Double

    public init(groups: [Group], lines: [LineChart.Series] = [], labels: [Label] = [], xTitle: String, yTitle: String,
                height: Double = 340) {
        self.groups = groups
        self.lines = lines
        self.labels = labels
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.height = height
    }

    public func svg(id: String, title: String) -> String {
        let points = groups.flatMap { $0.points.filter(\.isFinite) } + lines.flatMap { $0.points.filter(\.isFinite) }
        let yTicks = LinearScale(covering: points.map(\.y), start: 0, end: 1).labelledTicks
        let entries = groups.filter { !$0.points.isEmpty }.map {
            Legend.Entry($0.name, color: $0.color, swatch: $0.ring ? .ring : .dot)
        } + lines.filter { !$0.name.isEmpty }.map { Legend.Entry($0.name, color: $0.color, swatch: .line(dashed: $0.dashed)) }
        let frame = ChartFrame(height: height, legend: Legend(entries), yLabels: yTicks.map(\.label))
        let area = frame.plotArea
        let x = LinearScale(covering: points.map(\.x), start: area.left, end: area.right)
        let y = LinearScale(covering: points.map(\.y), start: area.bottom, end: area.top)
        var canvas = frame.canvas()
        canvas.drawLeftAxis(y, ticks: y.labelledTicks, area: area, title: yTitle)
        canvas.drawBottomAxis(x, ticks: x.labelledTicks, area: area, title: xTitle, gridlines: true)
        for line in lines {
            canvas.path(LineChart.pathData(line.points, x: x, y: y), stroke: line.color, strokeWidth: 1.5,
                        dashed: line.dashed)
        }
        for group in groups {
            let pixels = group.points.filter(\.isFinite).map { ChartPoint(x: x.position($0.x), y: y.position($0.y)) }
            if group.ring {
                for pixel in pixels {
                    canvas.circle(center: pixel, radius: group.radius, fill: "none", stroke: group.color, strokeWidth: 2)
                }
            } else {
                let data = pixels.map { "M\(Markup.number($0.x)) \(Markup.number($0.y))h0" }.joined()
                canvas.path(data, stroke: group.color, strokeWidth: 2 * group.radius, roundCaps: true,
                            opacity: group.opacity)
            }
        }
        for label in labels where label.point.isFinite {
            let pixel = ChartPoint(x: x.position(label.point.x), y: y.position(label.point.y))
            let nearRight = pixel.x + TextMetrics.width(label.text, size: ChartFrame.tickFontSize) + 10 > area.right
            canvas.text(label.text, at: ChartPoint(x: pixel.x + (nearRight ? -9 : 9), y: pixel.y - 8),
                        size: ChartFrame.tickFontSize, anchor: nearRight ? .end : .start, bold: true)
        }
        return canvas.svg(id: id, title: title)
    }
}
