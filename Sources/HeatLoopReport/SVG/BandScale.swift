/// Places `count` categories side by side over `start…end`: each gets an equal band, and the bar
/// drawn in it leaves `padding` (a fraction of the band) free, half on each side.
public struct BandScale: Sendable, Equatable {
    public let count: Int
    public let start: Double
    public let end: Double
    public let padding: Double

    public init(count: Int, start: Double, end: Double, padding: Double = 0.25) {
        self.count = max(1, count)
        self.start = start
        self.end = end
        self.padding = min(0.9, max(0, padding))
    }

    /// Width of one category's band.
    public var band: Double { (end - start) / Double(count) }
    /// Width of the bar inside a band.
    public var barWidth: Double { band * (1 - padding) }
    /// Left edge of the bar of category `index`.
    public func barStart(_ index: Int) -> Double { start + Double(index) * band + band * padding / 2 }
    /// Centre of category `index`.
    public func center(_ index: Int) -> Double { start + (Double(index) + 0.5) * band }
}
