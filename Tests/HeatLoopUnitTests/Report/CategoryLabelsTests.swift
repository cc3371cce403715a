import HeatLoopReport
import Testing

/// Category labels under bars never collide, at 12, 120 or 1,000 categories, even when every label
/// starts with the same long prefix (issue 20: "at 120, bar labels truncate to the same prefix").
@Suite("Category labels")
struct CategoryLabelsTests {
    /// Scenario labels as a climate batch makes them: a long shared prefix, the part that differs at the end.
    static func scenarioLabels(_ count: Int) -> [String] {
        (0..<count).map { "chicago-ai-campus-site-rcp85-2050-heat_pump.capacity_mw = \($0 + 1)-\(String($0 * 7919 % 65_536, radix: 16))" }
    }

    /// True when the convex polygons `a` and `b` overlap (separating-axis test; touching is not overlapping).
    static func overlap(_ a: [ChartPoint], _ b: [ChartPoint]) -> Bool {
        for polygon in [a, b] {
            for index in polygon.indices {
                let p = polygon[index], q = polygon[(index + 1) % polygon.count]
                let normal = (x: q.y - p.y, y: p.x - q.x)
                let projectA = a.map { $0.x * normal.x + $0.y * normal.y }, projectB = b.map { $0.x * normal.x + $0.y * normal.y }
                if projectA.max()! <= projectB.min()! + 1e-6 || projectB.max()! <= projectA.min()! + 1e-6 { return false }
            }
        }
        return true
    }

    static func overlappingPairs(_ boxes: [[ChartPoint]]) -> Int {
        var count = 0
        for i in boxes.indices {
            // Labels far apart along the axis cannot touch; neighbours within a label's length are checked.
            for j in (i + 1)..<min(boxes.count, i + 400) where overlap(boxes[i], boxes[j]) { count += 1 }
        }
        return count
    }

    @Test("1,000 and 120 labels with a long shared prefix: no two written labels overlap or read alike",
          arguments: [1000, 120, 40])
    func crowdedLabelsNeverCollide(count: Int) {
        let labels = Self.scenarioLabels(count)
        let start = 60.0, end = 700.0
        let bands = BandScale(count: count, start: start, end: end, padding: 0.2)
        let layout = CategoryLabels(labels, band: bands.band)
        let boxes = layout.boxes(centers: labels.indices.map(bands.center), axisY: 300)
        #expect(layout.angle > 0)
        #expect(boxes.count >= min(count, 20), "enough labels are written to read the axis (\(boxes.count))")
        #expect(Self.overlappingPairs(boxes) == 0)
        let written = labels.indices.filter(layout.isWritten).map { layout.labels[$0] }
        #expect(Set(written).count == written.count, "written labels read alike: \(written.prefix(5))")
        #expect(written.allSatisfy { $0.count <= CategoryLabels.maxCharacters })
        #expect(written.allSatisfy { !$0.hasPrefix("chicago-ai-campus-site") }, "the shared prefix is cut")
        #expect(layout.axisTitle("") == "chicago-ai-campus-site-rcp85-2050-heat_pump.capacity_mw = …", "and named once")
    }

    @Test("labels are drawn as laid out, shortened ones with their full text as a tooltip")
    func drawnLabelsCarryTheirFullText() {
        let labels = Self.scenarioLabels(120)
        let bands = BandScale(count: labels.count, start: 60, end: 700, padding: 0.2)
        var canvas = SVGCanvas(width: 720, height: 400)
        canvas.drawCategoryAxis(labels, bands: bands, area: PlotArea(left: 60, top: 10, width: 640, height: 200), title: "")
        let svg = canvas.svg(id: "labels", title: "labels")
        let layout = CategoryLabels(labels, band: bands.band)
        for index in labels.indices where layout.isWritten(index) {
            #expect(svg.contains("<title>\(Markup.escaped(labels[index]))</title>\(Markup.escaped(layout.labels[index]))</text>"))
        }
        #expect(SVGChecks.isWellFormed(svg))
    }

    @Test("a dozen short labels that fit stay level and whole")
    func fewLabelsStayAsTheyAre() {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let layout = CategoryLabels(months, band: 50)
        #expect(layout.angle == 0 && layout.stride == 1 && layout.labels == months)
        let bands = BandScale(count: 12, start: 60, end: 660)
        #expect(Self.overlappingPairs(layout.boxes(centers: months.indices.map(bands.center), axisY: 0)) == 0)
    }
}
