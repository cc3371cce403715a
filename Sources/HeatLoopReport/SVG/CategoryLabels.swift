import Foundation

/// How category labels sit under bars without ever touching, for 12 months or 1,000 scenarios:
///
/// - horizontal, as given, when the widest fits its band;
/// - else rotated −35° (−90° when bands are narrower than a rotated line needs), without a prefix that
///   every label shares (`capacity_mw = 4`, `capacity_mw = 8`: the axis title names it once), cut in the
///   middle to `maxCharacters` with "…", and only every `stride`-th label written, so that the
///   perpendicular distance between neighbouring rotated lines is at least a line's height.
///
/// A label not written as given carries its full text in a `<title>` (a tooltip). `boxes` gives the
/// rectangle each written label covers, the geometry the tests check for overlaps.
public struct CategoryLabels: Sendable {
    /// The text written under each category ("" where thinned out).
    public let labels: [String]
    /// The categories' labels as given.
    public let full: [String]
    /// Every how many categories a label is written (1 = all).
    public let stride: Int
    /// Rotation in degrees, counter-clockwise from horizontal (0, 35 or 90).
    public let angle: Double
    /// Height the labels take below the axis, in SVG units.
    public let height: Double
    /// The prefix every label shares, left out of the written labels ("" when none is).
    public let sharedPrefix: String

    public static let maxCharacters = 24
    static let fontSize = ChartFrame.tickFontSize
    /// A line of text across its glyphs, ascent to descent, in font sizes; and the gap kept between lines.
    static let lineThickness = 1.05 * fontSize, lineGap = 2.0

    public init(_ labels: [String], band: Double) {
        full = labels
        let widest = labels.map { TextMetrics.width($0, size: Self.fontSize) }.max() ?? 0
        guard widest + 4 > band else {
            self.labels = labels
            stride = 1
            angle = 0
            height = 20
            sharedPrefix = ""
            return
        }
        let needed = Self.lineThickness + Self.lineGap
        angle = band * sin(35 * .pi / 180) >= needed ? 35 : 90
        let perpendicular = max(1e-9, band * sin(angle * .pi / 180))
        stride = max(1, Int((needed / perpendicular).rounded(.up)))
        sharedPrefix = Self.sharedPrefix(labels)
        self.labels = Self.shortened(labels, prefix: sharedPrefix, stride: stride)
        let longest = self.labels.map { TextMetrics.width($0, size: Self.fontSize) }.max() ?? 0
        let radians = angle * .pi / 180
        height = 14 + longest * sin(radians) + Self.fontSize * cos(radians)
    }

    /// Whether category `index` gets a written label.
    public func isWritten(_ index: Int) -> Bool { index % stride == 0 && !labels[index].isEmpty }

    /// Where label `index`'s text is anchored (its end, when rotated) for a category centred at `x`
    /// over an axis at `axisY`.
    func anchor(x: Double, axisY: Double) -> ChartPoint {
        switch angle {
        case 0: ChartPoint(x: x, y: axisY + 16)
        case 35: ChartPoint(x: x + 4, y: axisY + 12)
        default: ChartPoint(x: x + 4, y: axisY + 8)
        }
    }

    /// The four corners of the rectangle each written label covers (glyph ascent to descent, start to
    /// end), for categories centred at `centers`; thinned-out categories are left out.
    public func boxes(centers: [Double], axisY: Double) -> [[ChartPoint]] {
        labels.indices.filter { isWritten($0) && $0 < centers.count }.map { index in
            let anchor = anchor(x: centers[index], axisY: axisY)
            let width = TextMetrics.width(labels[index], size: Self.fontSize)
            // In the text's own frame (x along the baseline, y down): middle-anchored when level, else end-anchored.
            let (start, end) = angle == 0 ? (-width / 2, width / 2) : (-width, 0)
            let top = -0.8 * Self.fontSize, bottom = top + Self.lineThickness
            let radians = -angle * .pi / 180
            return [(start, top), (end, top), (end, bottom), (start, bottom)].map { x, y in
                ChartPoint(x: anchor.x + x * cos(radians) - y * sin(radians), y: anchor.y + x * sin(radians) + y * cos(radians))
            }
        }
    }

    /// The axis title with the shared prefix the labels leave out: `capacity_mw = …`.
    public func axisTitle(_ title: String) -> String {
        guard !sharedPrefix.isEmpty else { return title }
        let prefix = sharedPrefix.trimmingCharacters(in: .whitespaces) + " …"
        return title.isEmpty ? prefix : "\(title) (\(prefix))"
    }

    /// Room below the plot for the labels and the axis title.
    public func reservedHeight(title: String) -> Double { height + (axisTitle(title).isEmpty ? 6 : 24) }

    /// The written labels: without `prefix`, cut in the middle to `maxCharacters`; thinned-out ones
    /// empty. Written labels that still read alike show their ends.
    static func shortened(_ labels: [String], prefix: String, stride: Int) -> [String] {
        var texts = labels.enumerated().map { index, label -> String in
            guard index % stride == 0 else { return "" }
            return middleTruncated(String(label.dropFirst(prefix.count)), maxCharacters: maxCharacters)
        }
        var seen: [String: Int] = [:]
        for index in texts.indices where !texts[index].isEmpty {
            if let first = seen[texts[index]] {
                for duplicate in [first, index] where labels[duplicate].count > maxCharacters {
                    texts[duplicate] = "…" + labels[duplicate].suffix(maxCharacters - 1)
                }
            } else {
                seen[texts[index]] = index
            }
        }
        return texts
    }

    /// The longest prefix every label has, cut back to just after a separator (space, `-`, `_`, `,`, `=`,
    /// `.`, `/`), when at least 6 characters long and shorter than every label; else "".
    static func sharedPrefix(_ labels: [String]) -> String {
        guard labels.count > 1, var prefix = labels.first.map(Array.init) else { return "" }
        for label in labels.dropFirst() {
            let characters = Array(label)
            var length = 0
            while length < min(prefix.count, characters.count) && prefix[length] == characters[length] { length += 1 }
            prefix = Array(prefix.prefix(length))
        }
        let separators: Set<Character> = [" ", "-", "_", ",", "=", ".", "/"]
        while let last = prefix.last, !separators.contains(last) { prefix.removeLast() }
        guard prefix.count >= 6, labels.allSatisfy({ $0.count > prefix.count }) else { return "" }
        return String(prefix)
    }

    /// `text` with its middle replaced by "…" so that it has at most `maxCharacters` characters; a third
    /// kept from the start and the rest from the end, where scenario labels and ids differ.
    static func middleTruncated(_ text: String, maxCharacters: Int) -> String {
        guard text.count > maxCharacters else { return text }
        let head = (maxCharacters - 1) / 3
        return String(text.prefix(head)) + "…" + String(text.suffix(maxCharacters - 1 - head))
    }
}

extension SVGCanvas {
    /// Category labels under bars, laid out by `CategoryLabels` (reserve its `height` below the plot),
    /// the axis line, and `title` below.
    public mutating func drawCategoryAxis(_ labels: [String], bands: BandScale, area: PlotArea, title: String) {
        let layout = CategoryLabels(labels, band: bands.band)
        for index in layout.labels.indices where layout.isWritten(index) {
            let text = layout.labels[index]
            self.text(text, at: layout.anchor(x: bands.center(index), axisY: area.bottom), size: ChartFrame.tickFontSize,
                      anchor: layout.angle == 0 ? .middle : .end, color: Palette.axis, rotation: -layout.angle,
                      tooltip: text == labels[index] ? nil : labels[index])
        }
        line(from: ChartPoint(x: area.left, y: area.bottom), to: ChartPoint(x: area.right, y: area.bottom), color: Palette.axis)
        let title = layout.axisTitle(title)
        if !title.isEmpty {
            self.text(title, at: ChartPoint(x: area.left + area.width / 2, y: area.bottom + layout.height + 14),
                      size: ChartFrame.titleFontSize, anchor: .middle)
        }
    }
}
