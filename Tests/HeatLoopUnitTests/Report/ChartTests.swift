@testable import HeatLoopReport
import Testing

/// Every chart kind, fed normal, NaN-laden, empty and constant data, gives well-formed SVG with its id
/// and without a non-finite number.
@Suite("Charts")
struct ChartTests {
    enum Data: CaseIterable { case normal, withNaN, empty, constant }

    static func values(_ data: Data, count: Int = 12) -> [Double] {
        switch data {
        case .normal:
            return (0..<count).map { (index: Int) -> Double in 10 + 5 * Double(index % 5) }
        case .withNaN:
            return (0..<count).map { (index: Int) -> Double in
                if index % 3 == 0 { return .nan }
                return index % 4 == 0 ? .infinity : Double(index)
            }
        case .empty:
            return []
        case .constant:
            return Array(repeating: 1.25, count: count)
        }
    }

    static func points(_ data: Data) -> [ChartPoint] {
        values(data, count: 40).enumerated().map { ChartPoint(x: Double($0.offset), y: $0.element) }
    }

    static func check(_ svg: String, id: String) {
        let problems = SVGChecks.problems(svg, id: id)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("line chart", arguments: Data.allCases)
    func lineChart(data: Data) {
        let chart = LineChart(series: [LineChart.Series(name: "delivered", color: Palette.vermillion, points: Self.points(data)),
                                       LineChart.Series(name: "demand", color: Palette.black, points: Self.points(data), dashed: true)],
                              xTitle: "hours (h)", yTitle: "heat (MW)")
        Self.check(chart.svg(id: "chart-line", title: "Line"), id: "chart-line")
    }

    @Test("fan chart (band and centre line)", arguments: Data.allCases)
    func bandChart(data: Data) {
        let centre = Self.values(data)
        let chart = BandChart(x: centre.indices.map { Double($0 + 1) }, lower: centre.map { $0 - 2 }, upper: centre.map { $0 + 3 },
                              center: centre, bandName: "P90 … P10", centerName: "P50", xTitle: "", yTitle: "heat (MWh)",
                              xAxis: FixedAxis(lower: 0.5, upper: 12.5, ticks: [AxisTick(value: 1, label: "Jan")]))
        Self.check(chart.svg(id: "chart-band", title: "Band"), id: "chart-band")
    }

    @Test("a band breaks at a non-finite point: one outline per finite run")
    func bandRuns() {
        #expect(BandChart.runs([0, 1, 2, 4, 5, 7]) == [[0, 1, 2], [4, 5], [7]])
        let chart = BandChart(x: [1, 2, 3, 4, 5], lower: [1, 1, .nan, 1, 1], upper: [2, 2, 2, 2, 2], center: [1.5, 1.5, 1.5, 1.5, 1.5],
                              bandName: "band", centerName: "centre", xTitle: "", yTitle: "")
        #expect(chart.finiteIndices == [0, 1, 3, 4])
        #expect(chart.svg(id: "chart-band", title: "Band").components(separatedBy: "opacity=\"0.25\"").count - 1 == 2)
    }

    /// ECDF of {3, 1, 2}: 0 below 1, then 1/3, 2/3, 1 at 1, 2, 3 (NaN left out).
    @Test("empirical distribution steps")
    func ecdfSteps() {
        let steps = DistributionChart.ecdfSteps([3, .nan, 1, 2])
        let xs: [Double] = [1, 1, 1, 2, 2, 3, 3]
        let third = 1.0 / 3, twoThirds = 2.0 / 3
        let ys: [Double] = [0, 0, third, third, twoThirds, twoThirds, 1]
        #expect(steps.map(\.x) == xs)
        #expect(steps.map(\.y) == ys)
        #expect(DistributionChart.ecdfSteps([.nan]).isEmpty)
        let chart = DistributionChart.ecdf([(name: "a", values: [3, 1, 2])], xTitle: "NPV (M€)", scale: 1e-6)
        Self.check(chart.svg(id: "chart-ecdf", title: "ECDF"), id: "chart-ecdf")
    }

    @Test("stacked bars", arguments: Data.allCases)
    func stackedBars(data: Data) {
        let chart = StackedBarChart(categories: (1...12).map { "M\($0)" },
                                    layers: [BarSeries(name: "IT", color: Palette.blue, values: Self.values(data)),
                                             BarSeries(name: "cooling", color: Palette.skyBlue, values: Self.values(data))],
                                    xTitle: "", yTitle: "energy (MWh)", valueUnit: "MWh")
        Self.check(chart.svg(id: "chart-stacked", title: "Stacked"), id: "chart-stacked")
    }

    @Test("scatter with rings, a line and a label", arguments: Data.allCases)
    func scatter(data: Data) {
        let points = Self.points(data)
        let chart = ScatterChart(groups: [ScatterChart.Group(name: "feasible", color: Palette.blue, points: points),
                                          ScatterChart.Group(name: "front", color: Palette.vermillion, points: Array(points.prefix(3)),
                                                             ring: true)],
                                 lines: [LineChart.Series(name: "", color: Palette.vermillion, points: Array(points.prefix(3)))],
                                 labels: [ScatterChart.Label(point: points.first ?? ChartPoint(x: .nan, y: .nan), text: "best")],
                                 xTitle: "CAPEX (M€)", yTitle: "NPV (M€)")
        Self.check(chart.svg(id: "chart-scatter", title: "Scatter"), id: "chart-scatter")
    }

    @Test("heatmap", arguments: Data.allCases)
    func heatmap(data: Data) {
        let grid = (0..<4).map { _ in Self.values(data, count: 6) }
        let chart = HeatmapChart(values: grid, colors: .sequential(covering: grid.flatMap { $0 }), columnTitle: "day",
                                 columnTicks: [AxisTick(value: 0.5, label: "1")], rowTitle: "hour",
                                 rowTicks: [AxisTick(value: 0.5, label: "0:00")], colorBarTitle: "heat (MW)",
                                 missingLabel: "no data", showsValues: true)
        Self.check(chart.svg(id: "chart-heatmap", title: "Heatmap"), id: "chart-heatmap")
    }

    @Test("a NaN breaks a line into two subpaths; points outside a fixed x axis are left out")
    func lineBreaks() {
        let x = LinearScale(lower: 0, upper: 10, start: 0, end: 100)
        let y = LinearScale(lower: 0, upper: 1, start: 100, end: 0)
        let points = [0.1, 0.2, .nan, 0.4, 0.5].enumerated().map { ChartPoint(x: Double($0.offset), y: $0.element) }
        let data = LineChart.pathData(points + [ChartPoint(x: 20, y: 0.5)], x: x, y: y)
        #expect(data == "M0 90L10 80M30 60L40 50")
    }

    @Test("thinning to pixel columns keeps each column's first, lowest, highest and last point")
    func thinning() {
        let pixels = (0..<100).map { ChartPoint(x: Double($0) / 50, y: Double(($0 * 37) % 11)) }
        let kept = LineChart.thinnedToPixelColumns(pixels)
        #expect(kept.count <= 8)
        #expect(kept.first == pixels.first && kept.last == pixels.last)
        for column in [0.0, 1.0] {
            let all = pixels.filter { (point: ChartPoint) in point.x.rounded(.down) == column }.map(\.y)
            let ys = kept.filter { (point: ChartPoint) in point.x.rounded(.down) == column }.map(\.y)
            #expect(ys.min() == all.min() && ys.max() == all.max())
        }
    }

    @Test("touching heatmap cells of one class are one rectangle; NaN cells are grey")
    func heatmapRuns() {
        let chart = HeatmapChart(values: [[1, 1, 1, .nan]], colors: ColorScale(boundaries: [0, 2], colors: ["#112233"]),
                                 columnTitle: "", columnTicks: [], rowTitle: "", rowTicks: [], colorBarTitle: "")
        let svg = chart.svg(id: "h", title: "h")
        // One path for the class, holding a single rectangle for the three cells.
        let paths = svg.components(separatedBy: "<path d=\"").dropFirst().map { String($0.prefix { $0 != ">" }) }
            .filter { $0.contains("fill=\"#112233\"") }
        #expect(paths.count == 1)
        #expect(paths.first.map { $0.prefix { $0 != "\"" }.filter { $0 == "M" }.count } == 1)
        #expect(svg.contains("fill=\"\(Palette.missing)\""))
        #expect(!svg.contains("no data"))
    }
}
