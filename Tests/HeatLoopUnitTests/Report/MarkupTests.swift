import HeatLoopReport
import Testing

@Suite("SVG markup: escaping and numbers")
struct MarkupTests {
    @Test("the XML special characters become entities; other text is unchanged")
    func escaping() {
        #expect(Markup.escaped(#"PUE < 1.2 & ERF > 10 % "new" 'site'"#)
                == "PUE &lt; 1.2 &amp; ERF &gt; 10 % &quot;new&quot; &#39;site&#39;")
        #expect(Markup.escaped("Chicago O’Hare, 35 °C, CO₂") == "Chicago O’Hare, 35 °C, CO₂")
    }

    @Test("coordinates keep one decimal, drop a trailing .0, and never write NaN or inf")
    func numbers() {
        #expect(Markup.number(12.25) == "12.3")
        #expect(Markup.number(3.0) == "3")
        #expect(Markup.number(-0.04) == "0")
        #expect(Markup.number(-7.96) == "-8")
        #expect(Markup.number(-12.34) == "-12.3")
        #expect(Markup.number(.nan) == "0")
        #expect(Markup.number(.infinity) == "0")
        #expect(Markup.number(-.infinity) == "0")
    }

    @Test("an element's text and attributes are escaped on the canvas")
    func canvasEscapes() {
        var canvas = SVGCanvas(width: 100, height: 50)
        canvas.text("a < b & c", at: ChartPoint(x: 1, y: 2))
        canvas.rect(x: 0, y: 0, width: 10, height: 10, fill: "#000000", tooltip: "\"quoted\" <tip>")
        let svg = canvas.svg(id: "chart-\"x\"", title: "T & <t>")
        #expect(svg.contains("a &lt; b &amp; c"))
        #expect(svg.contains("<title>&quot;quoted&quot; &lt;tip&gt;</title>"))
        #expect(SVGChecks.isWellFormed(svg))
    }
}
