/// Bars made of stacked layers, one bar per category (monthly energy by end use). Layers stack from
/// zero in the order given; negative and non-finite values count as zero (an end use cannot be
/// negative energy). Each piece shows its value on hover.
public struct StackedBarChart: Sendable {
    public var categories: [String]
    public var layers: [BarSeries]
    public var xTitle: String
    public var yTitle: String
    /// Unit written after hover values (`MWh`).
    public var valueUnit: String
    public var height: Double

    public init(categories: [String], layers: [BarSeries], xTitle: String, yTitle: String, valueUnit: String,
                height: Double = 320) {
        self.categories = categories
        self.layers = layers
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.valueUnit = valueUnit
        self.height = height
    }

    func value(_ layer: BarSeries, _ index: Int) -> Double {
        guard index < layer.values.count, layer.values[index].isFinite else { return 0 }
        return max(0, layer.values[index])
    }

    public func svg(id: String, title: String) -> String {
        let totals = categories.indices.map { index in layers.reduce(0) { $0 + value($1, index) } }
        let legend = Legend(layers.map { Legend.Entry($0.name, color: $0.color, swatch: .box) })
        let (frame, y) = ChartFrame.forBars(height: height, legend: legend, values: totals, categories: categories,
                                            xTitle: xTitle)
        let area = frame.plotArea
        let bands = BandScale(count: categories.count, start: area.left, end: area.right)
        var canvas = frame.canvas()
        canvas.drawLeftAxis(y, ticks: y.labelledTicks, area: area, title: yTitle)
        for index in categories.indices {
            var base = 0.0
            for layer in layers {
                let amount = value(layer, index)
                guard amount > 0 else { continue }
                let top = y.position(base + amount), bottom = y.position(base)
                canvas.rect(x: bands.barStart(index), y: top, width: bands.barWidth, height: bottom - top, fill: layer.color,
                            tooltip: "\(categories[index]), \(layer.name): \(NumberText.significant(amount, digits: 4)) \(valueUnit)")
                base += amount
            }
        }
        canvas.drawCategoryAxis(categories, bands: bands, area: area, title: xTitle)
        return canvas.svg(id: id, title: title)
    }
}
