/// A fan chart: a shaded band between a lower and an upper line (P90…P10 of an ensemble) with a centre
/// line (P50) over a numeric x axis. A point whose three values are not all finite breaks band and line.
/// The band is drawn first and translucent, so gridlines and the centre line stay visible.
public struct BandChart: Sendable {
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var center: [Double]
    public var bandName: String
    public var centerName: String
    public var color: String
    public var xTitle: String
    public var yTitle: String
    public var xAxis: FixedAxis?
    public var height: Double

    public init(x: [Double], lower: [Double], upper: [Double], center: [Double], bandName: String, centerName: String,
                color: String = Palette.blue, xTitle: String, yTitle: String, xAxis: FixedAxis? = nil,
                height: Double = 300) {
        self.x = x
        self.lower = lower
        self.upper = upper
        self.center = center
        self.bandName = bandName
        self.centerName = centerName
        self.color = color
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.xAxis = xAxis
        self.height = height
    }

    /// Indices where x, lower, upper and centre are all finite.
    var finiteIndices: [Int] {
        x.indices.filter { index in
            index < lower.count && index < upper.count && index < center.count
                && [x[index], lower[index], upper[index], center[index]].allSatisfy(\.isFinite)
        }
    }

    public func svg(id: String, title: String) -> String {
        let legend = Legend([Legend.Entry(bandName, color: color, swatch: .box),
                             Legend.Entry(centerName, color: color, swatch: .line(dashed: false))])
        let kept = finiteIndices
        let ys = kept.flatMap { [lower[$0], upper[$0], center[$0]] }
        let yTicks = LinearScale(covering: ys, including: [0], start: 0, end: 1).labelledTicks
        let frame = ChartFrame(height: height, legend: legend, yLabels: yTicks.map(\.label))
        let area = frame.plotArea
        let y = LinearScale(covering: ys, including: [0], start: area.bottom, end: area.top)
        let xScale = xAxis.map { LinearScale(lower: $0.lower, upper: $0.upper, start: area.left, end: area.right) }
            ?? LinearScale(covering: kept.map { x[$0] }, start: area.left, end: area.right)
        var canvas = frame.canvas()
        canvas.drawLeftAxis(y, ticks: y.labelledTicks, area: area, title: yTitle)
        canvas.drawBottomAxis(xScale, ticks: xAxis?.ticks ?? xScale.labelledTicks, area: area, title: xTitle,
                              gridlines: xAxis != nil)
        for run in Self.runs(kept) {
            let top = run.map { ChartPoint(x: xScale.position(x[$0]), y: y.position(upper[$0])) }
            let bottom = run.reversed().map { ChartPoint(x: xScale.position(x[$0]), y: y.position(lower[$0])) }
            let outline = (top + bottom).map { "\(Markup.number($0.x)) \(Markup.number($0.y))" }
            canvas.path("M" + outline.joined(separator: " L") + "Z", fill: color, opacity: 0.25)
        }
        let centerPoints = x.indices.map { index in
            kept.contains(index) ? ChartPoint(x: x[index], y: center[index]) : ChartPoint(x: .nan, y: .nan)
        }
        canvas.path(LineChart.pathData(centerPoints, x: xScale, y: y), stroke: color, strokeWidth: 2)
        for index in kept {
            canvas.circle(center: ChartPoint(x: xScale.position(x[index]), y: y.position(center[index])), radius: 3,
                          fill: color, tooltip: "\(NumberText.significant(x[index], digits: 4)): "
                              + "\(NumberText.significant(lower[index], digits: 4)) … \(NumberText.significant(upper[index], digits: 4)), "
                              + "\(centerName) \(NumberText.significant(center[index], digits: 4))")
        }
        return canvas.svg(id: id, title: title)
    }

    /// Consecutive runs of indices (a gap in `indices` starts a new run).
    static func runs(_ indices: [Int]) -> [[Int]] {
        var runs: [[Int]] = []
        for index in indices {
            if let last = runs.last?.last, last + 1 == index { runs[runs.count - 1].append(index) } else { runs.append([index]) }
        }
        return runs
    }
}
