import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks every chart test applies to generated markup.
enum SVGChecks {
    /// True when `markup` parses as XML without error (libxml2 through Foundation's `XMLParser`).
    static func isWellFormed(_ markup: String) -> Bool {
        let parser = XMLParser(data: Data(markup.utf8))
        return parser.parse() && parser.parserError == nil
    }

    /// True when `markup` holds a non-finite number as text (`NaN`, `nan`, `inf`, `-inf`, `Infinity`).
    static func hasNonFiniteNumber(_ markup: String) -> Bool {
        markup.range(of: #"(?i)(?<![a-z])(nan|inf|infinity)(?![a-z])"#, options: .regularExpression) != nil
    }

    /// The `<svg …>…</svg>` elements of an HTML page.
    static func svgElements(in html: String) -> [String] {
        var elements: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            elements.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return elements
    }

    /// Every check at once, with a message naming what failed (empty when all pass).
    static func problems(_ svg: String, id: String) -> [String] {
        var problems: [String] = []
        if !isWellFormed(svg) { problems.append("\(id): not well-formed XML") }
        if hasNonFiniteNumber(svg) { problems.append("\(id): non-finite number in the SVG") }
        if !svg.contains("id=\"\(id)\"") { problems.append("\(id): id missing") }
        return problems
    }
}
