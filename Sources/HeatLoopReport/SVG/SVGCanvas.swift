/// A point in data units or in SVG user units (pixels, y pointing down).
public struct ChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
    public var isFinite: Bool { x.isFinite && y.isFinite }
}

/// How a text is aligned on its anchor point.
public enum TextAnchor: String, Sendable {
    case start, middle, end
}

/// An SVG drawing built element by element, rendered as one `<svg>` element that stands alone
/// (namespace, `viewBox`, title) and inlines into HTML. Colours are `#rrggbb` strings; every
/// coordinate goes through `Markup.number` and every text through `Markup.escaped`.
public struct SVGCanvas: Sendable {
    /// Size in SVG user units; the `viewBox` is `0 0 width height`, so the drawing scales to its box.
    public let width: Double
    public let height: Double
    private var elements: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends markup as it is (the caller escapes it).
    public mutating func append(_ markup: String) { elements.append(markup) }

    public mutating func line(from start: ChartPoint, to end: ChartPoint, color: String, width: Double = 1,
                              dashed: Bool = false) {
        let dash = dashed ? " stroke-dasharray=\"5 3\"" : ""
        elements.append("<line x1=\"\(n(start.x))\" y1=\"\(n(start.y))\" x2=\"\(n(end.x))\" y2=\"\(n(end.y))\" "
            + "stroke=\"\(color)\" stroke-width=\"\(n(width))\"\(dash)/>")
    }

    /// A rectangle; `tooltip` becomes its `<title>`, which browsers show on hover (no script needed).
    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                              stroke: String? = nil, tooltip: String? = nil) {
        let outline = stroke.map { " stroke=\"\($0)\"" } ?? ""
        let opening = "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" "
            + "height=\"\(n(max(0, height)))\" fill=\"\(fill)\"\(outline)"
        elements.append(tooltip.map { opening + "><title>\(Markup.escaped($0))</title></rect>" } ?? opening + "/>")
    }

    public mutating func circle(center: ChartPoint, radius: Double, fill: String, stroke: String? = nil,
                                strokeWidth: Double = 1, tooltip: String? = nil) {
        let outline = stroke.map { " stroke=\"\($0)\" stroke-width=\"\(n(strokeWidth))\"" } ?? ""
        let opening = "<circle cx=\"\(n(center.x))\" cy=\"\(n(center.y))\" r=\"\(n(radius))\" fill=\"\(fill)\"\(outline)"
        elements.append(tooltip.map { opening + "><title>\(Markup.escaped($0))</title></circle>" } ?? opening + "/>")
    }

    /// A path; `data` is SVG path data built with `Markup.number` coordinates.
    /// `crisp`: no anti-aliasing, so cells that touch show no hairline seams (heatmaps).
    public mutating func path(_ data: String, fill: String = "none", stroke: String? = nil, strokeWidth: Double = 1,
                              dashed: Bool = false, roundCaps: Bool = false, opacity: Double = 1, crisp: Bool = false) {
        guard !data.isEmpty else { return }
        var attributes = "d=\"\(data)\" fill=\"\(fill)\""
        if crisp { attributes += " shape-rendering=\"crispEdges\"" }
        if let stroke { attributes += " stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\" stroke-linejoin=\"round\"" }
        if dashed { attributes += " stroke-dasharray=\"6 3\"" }
        if roundCaps { attributes += " stroke-linecap=\"round\"" }
        if opacity < 1 { attributes += " opacity=\"\(opacityText(opacity))\"" }
        elements.append("<path \(attributes)/>")
    }

    /// A text label; `rotation` in degrees about the anchor point (−90 reads bottom to top); `tooltip`
    /// (a shortened label's full text) becomes its `<title>`.
    public mutating func text(_ text: String, at point: ChartPoint, size: Double = 12, anchor: TextAnchor = .start,
                              color: String = Palette.text, bold: Bool = false, rotation: Double = 0,
                              tooltip: String? = nil) {
        var attributes = "x=\"\(n(point.x))\" y=\"\(n(point.y))\" font-size=\"\(n(size))\" fill=\"\(color)\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if rotation != 0 { attributes += " transform=\"rotate(\(n(rotation)) \(n(point.x)) \(n(point.y)))\"" }
        let title = tooltip.map { "<title>\(Markup.escaped($0))</title>" } ?? ""
        elements.append("<text \(attributes)>\(title)\(Markup.escaped(text))</text>")
    }

    /// The drawing as one `<svg>` element with `id` and an accessible `<title>`.
    public func svg(id: String, title: String) -> String {
        let safeID = Markup.escaped(id)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(safeID)\" class=\"chart\" "
            + "viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" "
            + "role=\"img\" aria-labelledby=\"\(safeID)-title\" "
            + "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif\">"
            + "<title id=\"\(safeID)-title\">\(Markup.escaped(title))</title>"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
            + elements.joined()
            + "</svg>"
    }

    private func n(_ value: Double) -> String { Markup.number(value) }
    private func opacityText(_ value: Double) -> String {
        "\(Double(Int((min(1, max(0, value)) * 100).rounded())) / 100)"
    }
}
