/// Classes of values, each drawn in one colour (a binned colour scale): readers match a cell to a
/// class of the colour bar instead of guessing a shade. Class edges are nice tick values.
public struct ColorScale: Sendable, Equatable {
    /// Class edges, ascending; class `i` is `boundaries[i] ≤ v < boundaries[i + 1]` (the last includes its top).
    public let boundaries: [Double]
    /// One colour per class.
    public let colors: [String]

    public init(boundaries: [Double], colors: [String]) {
        self.boundaries = boundaries
        self.colors = colors
    }

    /// viridis classes over the finite `values` (dark = low, yellow = high).
    public static func sequential(covering values: [Double], targetClasses: Int = 6) -> ColorScale {
        let edges = LinearScale(covering: values, start: 0, end: 1, targetTickCount: targetClasses).ticks
        let count = edges.count - 1
        return ColorScale(boundaries: edges, colors: (0..<count).map {
            Palette.interpolate(Palette.viridis, at: count > 1 ? Double($0) / Double(count - 1) : 0.5)
        })
    }

    /// PuOr classes centred on `center` when the finite `values` lie on both sides of it (orange below,
    /// purple above, equal steps from the centre); viridis when they do not.
    public static func diverging(covering values: [Double], center: Double = 0, targetClasses: Int = 8) -> ColorScale {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), low < center, high > center else {
            return sequential(covering: values, targetClasses: targetClasses / 2 + 2)
        }
        let edges = LinearScale(covering: finite, including: [center], start: 0, end: 1, targetTickCount: targetClasses).ticks
        let extent = max(center - edges[0], edges[edges.count - 1] - center)
        let colors = (0..<(edges.count - 1)).map { index -> String in
            let middle = (edges[index] + edges[index + 1]) / 2
            return Palette.interpolate(Palette.purpleOrange, at: 0.5 + (middle - center) / extent / 2)
        }
        return ColorScale(boundaries: edges, colors: colors)
    }

    /// The class colour of `value`; values outside the edges take the nearest class; nil for NaN.
    public func color(for value: Double) -> String? {
        classIndex(of: value).map { colors[$0] }
    }

    /// The class of `value` (nearest class outside the edges), or nil for NaN or an empty scale.
    public func classIndex(of value: Double) -> Int? {
        guard !value.isNaN, !colors.isEmpty else { return nil }
        var index = 0
        while index < colors.count - 1 && value >= boundaries[index + 1] { index += 1 }
        return index
    }
}
