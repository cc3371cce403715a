/// Bars side by side within groups (a KPI per scenario, one bar per climate). Bars start at zero and
/// may be negative; a non-finite value leaves its slot empty. Each bar shows its value on hover.
public struct GroupedBarChart: Sendable {
    public var groups: [String]
    /// One series per bar position in a group; `values[g]` is the bar of group `g`.
    public var series: [BarSeries]
    public var xTitle: String
    public var yTitle: String
    public var valueUnit: String
    public var height: Double

    public init(groups: [String], series: [BarSeries], xTitle: String, yTitle: String,
                valueUnit: String, height: Double = 300) {
        self.groups = groups
        self.series = series
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.valueUnit = valueUnit
        self.height = height
    }

    public func svg(id: String, title: String) -> String {
        let values = series.flatMap(\.values)
        let legend = series.count > 1 ? Legend(series.map { Legend.Entry($0.name, color: $0.color, swatch: .box) }) : nil
        let (frame, y) = ChartFrame.forBars(height: height, legend: legend, values: values, categories: groups,
                                            xTitle: xTitle)
        let area = frame.plotArea
        let bands = BandScale(count: groups.count, start: area.left, end: area.right, padding: 0.2)
        var canvas = frame.canvas()
        canvas.drawLeftAxis(y, ticks: y.labelledTicks, area: area, title: yTitle)
        let slot = bands.barWidth / Double(max(1, series.count))
        for (position, line) in series.enumerated() {
            for group in groups.indices where group < line.values.count && line.values[group].isFinite {
                let value = line.values[group]
                let top = y.position(max(0, value)), bottom = y.position(min(0, value))
                canvas.rect(x: bands.barStart(group) + Double(position) * slot, y: top, width: max(1, slot - 1),
                            height: max(0.5, bottom - top), fill: line.color,
                            tooltip: "\(groups[group]), \(line.name): \(NumberText.significant(value, digits: 4)) \(valueUnit)")
            }
        }
        if y.lower < 0 {
            let zero = y.position(0)
            canvas.line(from: ChartPoint(x: area.left, y: zero), to: ChartPoint(x: area.right, y: zero), color: Palette.axis)
        }
        canvas.drawCategoryAxis(groups, bands: bands, area: area, title: xTitle)
        return canvas.svg(id: id, title: title)
    }
}
