/// Small multiples of bars: one panel per facet (a climate scenario, a weather file), stacked, each with
/// one bar per category (the other varied settings), all on one y scale so panels compare at a glance,
/// and one category axis under the last panel (`CategoryLabels`: never colliding at any count). Bars
/// start at zero and may be negative (a change against a baseline); a non-finite value leaves its slot empty.
///
/// Up to `maxTooltipBars` categories each bar is a rectangle that shows its value on hover; beyond, each
/// panel's bars are one path (a few dozen bytes a bar), so 1,000 scenarios stay a bounded drawing.
public struct FacetedBarChart: Sendable {
    /// A panel: its name, colour and one value per category.
    public typealias Facet = BarSeries

    public var categories: [String]
    public var facets: [Facet]
    public var yTitle: String
    public var valueUnit: String
    /// Height of each panel's plot area.
    public var panelHeight: Double

    public static let maxTooltipBars = 240
    static let facetTitleHeight = 18.0, panelGap = 8.0

    public init(categories: [String], facets: [Facet], yTitle: String, valueUnit: String, panelHeight: Double = 110) {
        self.categories = categories
        self.facets = facets
        self.yTitle = yTitle
        self.valueUnit = valueUnit
        self.panelHeight = panelHeight
    }

    public func svg(id: String, title: String) -> String {
        let values = facets.flatMap(\.values)
        let tickLabels = LinearScale(covering: values, including: [0], start: 0, end: 1).labelledTicks.map(\.label)
        let panelsHeight = Double(max(1, facets.count)) * (Self.facetTitleHeight + panelHeight + Self.panelGap)
        let provisional = ChartFrame(height: 1000, legend: nil, yLabels: tickLabels)
        let labels = CategoryLabels(categories, band: provisional.plotArea.width / Double(max(1, categories.count)))
        let frame = ChartFrame(height: 12 + panelsHeight + labels.reservedHeight(title: ""), legend: nil,
                               yLabels: tickLabels, bottom: labels.reservedHeight(title: ""))
        var canvas = frame.canvas()
        var area = frame.plotArea
        for (index, facet) in facets.enumerated() {
            area.top = frame.plotArea.top + Double(index) * (Self.facetTitleHeight + panelHeight + Self.panelGap)
                + Self.facetTitleHeight
            area.height = panelHeight
            canvas.text(facet.name, at: ChartPoint(x: area.left, y: area.top - 5), size: ChartFrame.tickFontSize + 1,
                        color: facet.color == Palette.yellow ? Palette.text : facet.color, bold: true)
            drawPanel(facet, values: values, area: area, on: &canvas)
        }
        let bands = BandScale(count: categories.count, start: area.left, end: area.right, padding: 0.2)
        canvas.drawCategoryAxis(categories, bands: bands, area: area, title: "")
        canvas.text(yTitle, at: ChartPoint(x: 14, y: frame.plotArea.top + panelsHeight / 2), size: ChartFrame.titleFontSize,
                    anchor: .middle, rotation: -90)
        return canvas.svg(id: id, title: title)
    }

    /// One facet's bars over `area`, on the scale of every facet's `values`.
    private func drawPanel(_ facet: Facet, values: [Double], area: PlotArea, on canvas: inout SVGCanvas) {
        let y = LinearScale(covering: values, including: [0], start: area.bottom, end: area.top, targetTickCount: 3)
        canvas.drawLeftAxis(y, ticks: y.labelledTicks, area: area, title: "")
        let bands = BandScale(count: categories.count, start: area.left, end: area.right, padding: 0.2)
        let width = max(0.5, bands.barWidth)
        var path = ""
        for index in categories.indices where index < facet.values.count && facet.values[index].isFinite {
            let value = facet.values[index]
            let top = y.position(max(0, value)), bottom = y.position(min(0, value))
            let height = max(0.5, bottom - top)
            if categories.count <= Self.maxTooltipBars {
                canvas.rect(x: bands.barStart(index), y: top, width: width, height: height, fill: facet.color,
                            tooltip: "\(categories[index]), \(facet.name): \(NumberText.significant(value, digits: 4))"
                                + (valueUnit.isEmpty ? "" : " \(valueUnit)"))
            } else {
                path += "M\(Markup.number(bands.barStart(index))) \(Markup.number(top))h\(Markup.number(width))"
                    + "v\(Markup.number(height))h\(Markup.number(-width))z"
            }
        }
        canvas.path(path, fill: facet.color, crisp: true)
        let zero = y.position(0)
        canvas.line(from: ChartPoint(x: area.left, y: zero), to: ChartPoint(x: area.right, y: zero), color: Palette.axis)
    }
}
