/// Lines over a numeric x axis (series over the year, duration curves). A non-finite point breaks
/// its line; points closer than a pixel column are thinned to the first, lowest, highest and last of
/// the column, which draws the same picture with far fewer coordinates.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var color: String
        public var points: [ChartPoint]
        public var dashed: Bool
        public init(name: String, color: String, points: [ChartPoint], dashed: Bool = false) {
            self.name = name
            self.color = color
            self.points = points
            self.dashed = dashed
        }
    }

    public var series: [Series]
    public var xTitle: String
    public var yTitle: String
    /// A fixed x axis (e.g. days of the year with month ticks); nil: nice numbers covering the data.
    public var xAxis: FixedAxis?
    public var yIncludesZero: Bool
    public var height: Double

    public init(series: [Series], xTitle: String, yTitle: String, xAxis: FixedAxis? = nil,
                yIncludesZero: Bool = true, height: Double = 300) {
        self.series = series
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.xAxis = xAxis
        self.yIncludesZero = yIncludesZero
        self.height = height
    }

    public func svg(id: String, title: String) -> String {
        let legend = Legend(series.map { Legend.Entry($0.name, color: $0.color, swatch: .line(dashed: $0.dashed)) })
        let ys = series.flatMap { $0.points.filter(\.isFinite).map(\.y) }
        let zero = yIncludesZero ? [0.0] : []
        let yTicks = LinearScale(covering: ys, including: zero, start: 0, end: 1).labelledTicks
        let frame = ChartFrame(height: height, legend: legend, yLabels: yTicks.map(\.label))
        let area = frame.plotArea
        let y = LinearScale(covering: ys, including: zero, start: area.bottom, end: area.top)
        let x: LinearScale
        if let xAxis {
            x = LinearScale(lower: xAxis.lower, upper: xAxis.upper, start: area.left, end: area.right)
        } else {
            x = LinearScale(covering: series.flatMap { $0.points.filter(\.isFinite).map(\.x) },
                            start: area.left, end: area.right)
        }
        var canvas = frame.canvas()
        canvas.drawLeftAxis(y, ticks: y.labelledTicks, area: area, title: yTitle)
        canvas.drawBottomAxis(x, ticks: xAxis?.ticks ?? x.labelledTicks, area: area, title: xTitle,
                              gridlines: xAxis != nil)
        for line in series {
            canvas.path(Self.pathData(line.points, x: x, y: y), stroke: line.color, strokeWidth: 2, dashed: line.dashed)
        }
        return canvas.svg(id: id, title: title)
    }

    /// SVG path data of `points` in pixels: one subpath per run of finite points inside the x domain.
    static func pathData(_ points: [ChartPoint], x: LinearScale, y: LinearScale) -> String {
        var data = ""
        var segment: [ChartPoint] = []
        func flush() {
            let kept = thinnedToPixelColumns(segment)
            if let first = kept.first {
                data += "M\(Markup.number(first.x)) \(Markup.number(first.y))"
                if kept.count > 1 { data += "L" + kept.dropFirst().map { "\(Markup.number($0.x)) \(Markup.number($0.y))" }.joined(separator: " ") }
            }
            segment.removeAll(keepingCapacity: true)
        }
        let low = min(x.lower, x.upper), high = max(x.lower, x.upper)
        for point in points {
            if point.isFinite && point.x >= low && point.x <= high {
                segment.append(ChartPoint(x: x.position(point.x), y: y.position(point.y)))
            } else {
                flush()
            }
        }
        flush()
        return data
    }

    /// Keeps, of the pixels in each whole-pixel column, the first, the highest, the lowest and the last.
    static func thinnedToPixelColumns(_ pixels: [ChartPoint]) -> [ChartPoint] {
        guard pixels.count > 4 else { return pixels }
        var kept: [ChartPoint] = []
        var start = 0
        while start < pixels.count {
            let column = pixels[start].x.rounded(.down)
            var end = start
            var lowest = start, highest = start
            while end + 1 < pixels.count && pixels[end + 1].x.rounded(.down) == column {
                end += 1
                if pixels[end].y < pixels[lowest].y { lowest = end }
                if pixels[end].y > pixels[highest].y { highest = end }
            }
            for index in Set([start, lowest, highest, end]).sorted() { kept.append(pixels[index]) }
            start = end + 1
        }
        return kept
    }
}

/// An axis with a fixed domain and hand-placed ticks (months along days of the year, hours of a day).
public struct FixedAxis: Sendable {
    public var lower: Double
    public var upper: Double
    public var ticks: [AxisTick]
    public init(lower: Double, upper: Double, ticks: [AxisTick]) {
        self.lower = lower
        self.upper = upper
        self.ticks = ticks
    }
}
