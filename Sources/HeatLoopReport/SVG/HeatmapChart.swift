/// A grid of coloured cells (heat delivered by day × hour, NPV over two design parameters) with a
/// colour bar of its classes on the right. Rows run top to bottom, columns left to right. NaN cells
/// are grey and named in a legend (`missingLabel`). Cells of one class next to each other in a row are
/// drawn as one rectangle, and each class is one path, which keeps a 365 × 24 grid small.
public struct HeatmapChart: Sendable {
    /// `values[row][column]`; rows may differ in length (missing cells are NaN).
    public var values: [[Double]]
    public var colors: ColorScale
    public var columnTitle: String
    /// Tick values in column units: 0 is the left edge of the first column, 0.5 its centre.
    public var columnTicks: [AxisTick]
    public var rowTitle: String
    /// Tick values in row units: 0 is the top edge of the first row, 0.5 its centre.
    public var rowTicks: [AxisTick]
    public var colorBarTitle: String
    /// Legend label for NaN cells (e.g. "no feasible design"); nil: no legend.
    public var missingLabel: String?
    /// Writes each cell's value in it (for small grids; skipped when cells are narrower than 34 units).
    public var showsValues: Bool
    public var height: Double

    public init(values: [[Double]], colors: ColorScale, columnTitle: String, columnTicks: [AxisTick], rowTitle: String,
                rowTicks: [AxisTick], colorBarTitle: String, missingLabel: String? = nil, showsValues: Bool = false,
                height: Double = 300) {
        self.values = values
        self.colors = colors
        self.columnTitle = columnTitle
        self.columnTicks = columnTicks
        self.rowTitle = rowTitle
        self.rowTicks = rowTicks
        self.colorBarTitle = colorBarTitle
        self.missingLabel = missingLabel
        self.showsValues = showsValues
        self.height = height
    }

    var columnCount: Int { values.map(\.count).max() ?? 0 }

    func cell(_ row: Int, _ column: Int) -> Double {
        column < values[row].count ? values[row][column] : .nan
    }

    public func svg(id: String, title: String) -> String {
        let hasMissing = values.indices.contains { row in (0..<columnCount).contains { cell(row, $0).isNaN } }
        let legend = hasMissing ? missingLabel.map { Legend([Legend.Entry($0, color: Palette.missing, swatch: .box)]) } : nil
        let step = colors.boundaries.count > 1 ? colors.boundaries[1] - colors.boundaries[0] : 1
        let barLabels = colors.boundaries.map { NumberText.tick($0, step: step) }
        let barLabelWidth = barLabels.map { TextMetrics.width($0, size: ChartFrame.tickFontSize) }.max() ?? 0
        let frame = ChartFrame(height: height, legend: legend, yLabels: rowTicks.map(\.label), right: 44 + barLabelWidth + 20)
        let area = frame.plotArea
        var canvas = frame.canvas()
        let columns = max(1, columnCount), rows = max(1, values.count)
        let cellWidth = area.width / Double(columns), cellHeight = area.height / Double(rows)

        var pathsByClass = Array(repeating: "", count: colors.colors.count)
        var missing = ""
        for row in values.indices {
            var column = 0
            while column < columns {
                let klass = colors.classIndex(of: cell(row, column))
                var end = column
                while end + 1 < columns && colors.classIndex(of: cell(row, end + 1)) == klass { end += 1 }
                let rectangle = "M\(Markup.number(area.left + Double(column) * cellWidth)) "
                    + "\(Markup.number(area.top + Double(row) * cellHeight))"
                    + "h\(Markup.number(Double(end - column + 1) * cellWidth))v\(Markup.number(cellHeight))"
                    + "h\(Markup.number(-Double(end - column + 1) * cellWidth))z"
                if let klass { pathsByClass[klass] += rectangle } else { missing += rectangle }
                column = end + 1
            }
        }
        for (klass, data) in pathsByClass.enumerated() { canvas.path(data, fill: colors.colors[klass], crisp: true) }
        canvas.path(missing, fill: Palette.missing, crisp: true)
        if showsValues && cellWidth >= 34 && cellHeight >= 14 {
            for row in values.indices {
                for column in 0..<columns {
                    let value = cell(row, column)
                    guard let fill = colors.color(for: value) else { continue }
                    canvas.text(NumberText.grouped(value, decimals: NumberText.decimals(forStep: step) + 1),
                                at: ChartPoint(x: area.left + (Double(column) + 0.5) * cellWidth,
                                               y: area.top + (Double(row) + 0.5) * cellHeight + 4),
                                size: ChartFrame.tickFontSize, anchor: .middle, color: Palette.textColor(on: fill))
                }
            }
        }
        let x = LinearScale(lower: 0, upper: Double(columns), start: area.left, end: area.right)
        let y = LinearScale(lower: 0, upper: Double(rows), start: area.top, end: area.bottom)
        // Row labels at least a line apart (a sweep with hundreds of values on its second parameter).
        var lastLabelled = -Double.infinity
        let spacedRowTicks = rowTicks.filter { tick in
            let position = y.position(tick.value)
            guard position - lastLabelled >= ChartFrame.tickFontSize + 3 else { return false }
            lastLabelled = position
            return true
        }
        canvas.drawLeftAxis(y, ticks: spacedRowTicks, area: area, title: rowTitle, gridlines: false)
        canvas.drawBottomAxis(x, ticks: columnTicks, area: area, title: columnTitle)
        drawColorBar(on: &canvas, area: area, labels: barLabels)
        return canvas.svg(id: id, title: title)
    }

    /// The classes as a vertical bar right of the plot, low at the bottom, edges labelled.
    private func drawColorBar(on canvas: inout SVGCanvas, area: PlotArea, labels: [String]) {
        let count = colors.colors.count
        guard count > 0 else { return }
        let left = area.right + 14, width = 14.0
        let classHeight = area.height / Double(count)
        for (index, color) in colors.colors.enumerated() {
            canvas.rect(x: left, y: area.bottom - Double(index + 1) * classHeight, width: width, height: classHeight,
                        fill: color)
        }
        for (index, label) in labels.enumerated() {
            let y = area.bottom - Double(index) * classHeight
            canvas.line(from: ChartPoint(x: left + width, y: y), to: ChartPoint(x: left + width + 3, y: y), color: Palette.axis)
            canvas.text(label, at: ChartPoint(x: left + width + 5, y: y + 4), size: ChartFrame.tickFontSize, color: Palette.axis)
        }
        let widest = labels.map { TextMetrics.width($0, size: ChartFrame.tickFontSize) }.max() ?? 0
        canvas.text(colorBarTitle, at: ChartPoint(x: left + width + 12 + widest + 8, y: area.top + area.height / 2),
                    size: ChartFrame.titleFontSize, anchor: .middle, rotation: 90)
    }
}
