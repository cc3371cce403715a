/// Text and numbers as they are written into SVG and HTML markup.
public enum Markup {
    /// `text` with the XML special characters replaced by entities, safe inside elements and inside
    /// double- or single-quoted attributes.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A coordinate or length in SVG user units (pixels at 1:1) with at most one decimal, trailing
    /// ".0" dropped: `12.25` → `"12.3"`, `3.0` → `"3"`. A tenth of a pixel is below what a screen or
    /// printer shows, and short numbers keep an 8,760-point chart small.
    ///
    /// Non-finite values give `"0"`: charts skip non-finite data before they get here, so this is the
    /// last guard that keeps `NaN` and `inf` out of the markup, never a way of drawing them.
    public static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        let whole = magnitude / 10, fraction = magnitude % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
