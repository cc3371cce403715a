import Foundation

/// Colours of every chart: the Okabe–Ito palette for categories (distinguishable with the common
/// colour-vision deficiencies; Okabe & Ito, "Color Universal Design", 2008), viridis for sequential
/// values and ColorBrewer's PuOr for values on both sides of zero (both colour-blind safe).
public enum Palette {
    public static let black = "#000000"
    public static let orange = "#E69F00"
    public static let skyBlue = "#56B4E9"
    public static let bluishGreen = "#009E73"
    public static let yellow = "#F0E442"
    public static let blue = "#0072B2"
    public static let vermillion = "#D55E00"
    public static let reddishPurple = "#CC79A7"

    /// Category colours in order of use (yellow last: it is faint on white).
    public static let categories = [blue, orange, bluishGreen, vermillion, reddishPurple, skyBlue, black, yellow]

    /// The colour of category `index` (cycling after eight).
    public static func category(_ index: Int) -> String { categories[((index % categories.count) + categories.count) % categories.count] }

    /// Infeasible or missing data.
    public static let missing = "#BBBBBB"
    /// Text, axes and gridlines.
    public static let text = "#222222"
    public static let axis = "#555555"
    public static let grid = "#E3E3E3"

    /// viridis at 0, 1/9, …, 1 (matplotlib; van der Walt & Smith, 2015).
    public static let viridis = ["#440154", "#482878", "#3E4A89", "#31688E", "#26828E",
                                 "#1F9E89", "#35B779", "#6DCD59", "#B4DE2C", "#FDE725"]
    /// ColorBrewer PuOr from orange (low) through light grey to purple (high).
    public static let purpleOrange = ["#B35806", "#E08214", "#FDB863", "#FEE0B6", "#F7F7F7",
                                      "#D8DAEB", "#B2ABD2", "#8073AC", "#542788"]

    /// The colour at `fraction` (0…1, clamped) along `anchors`, interpolated in sRGB.
    public static func interpolate(_ anchors: [String], at fraction: Double) -> String {
        guard anchors.count > 1 else { return anchors.first ?? black }
        let position = min(1, max(0, fraction.isFinite ? fraction : 0)) * Double(anchors.count - 1)
        let index = min(anchors.count - 2, Int(position.rounded(.down)))
        let t = position - Double(index)
        let a = RGB(hex: anchors[index]), b = RGB(hex: anchors[index + 1])
        return RGB(red: a.red + (b.red - a.red) * t, green: a.green + (b.green - a.green) * t,
                   blue: a.blue + (b.blue - a.blue) * t).hex
    }

    /// Black or white, whichever reads better on `background` (WCAG relative luminance).
    public static func textColor(on background: String) -> String {
        RGB(hex: background).relativeLuminance > 0.35 ? text : "#FFFFFF"
    }
}

/// An sRGB colour with channels 0…255.
struct RGB: Equatable {
    var red: Double
    var green: Double
    var blue: Double

    init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// From `#rrggbb`; anything else is black.
    init(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        let value = digits.count == 6 ? Int(digits, radix: 16) ?? 0 : 0
        self.init(red: Double((value >> 16) & 0xFF), green: Double((value >> 8) & 0xFF), blue: Double(value & 0xFF))
    }

    var hex: String {
        func channel(_ value: Double) -> Int { Int(min(255, max(0, value.rounded()))) }
        return String(format: "#%02X%02X%02X", channel(red), channel(green), channel(blue))
    }

    /// WCAG 2 relative luminance, 0 (black) … 1 (white).
    var relativeLuminance: Double {
        func linear(_ channel: Double) -> Double {
            let c = channel / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }
}
