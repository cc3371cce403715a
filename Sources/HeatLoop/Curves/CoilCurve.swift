/// A two-input performance curve as EnergyPlus DX coils accept it: a `Curve:Biquadratic` or a
/// two-variable `Table:Lookup` (the EnergyPlus data-centre CRAC examples use tables for both the
/// capacity and the EIR modifiers). Closed family: the coil switches over it once per evaluation.
public enum CoilCurve2D: Sendable, Equatable {
    case biquadratic(BiquadraticCurve)
    case table(LookupTable2D)

    public func callAsFunction(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .biquadratic(let curve): curve(x, y)
        case .table(let table): table(x, y)
        }
    }

    /// True when `(x, y)` lies outside the curve's stated input range (the value is then clamped).
    public func isOutside(x: Double, y: Double) -> Bool {
        switch self {
        case .biquadratic(let curve): curve.isOutside(x: x, y: y)
        case .table(let table): table.isOutside(x: x, y: y)
        }
    }
}

/// EnergyPlus `Table:Lookup` over two `Table:IndependentVariable`s with `Linear` interpolation and
/// `Constant` extrapolation: bilinear interpolation on the grid, inputs clamped to the grid's end
/// points (so the edge values continue flat), output clamped to `outputRange` (the table's minimum
/// and maximum output).
///
///     f(x, y) = (1−s)(1−t) v[i][j] + s(1−t) v[i+1][j] + (1−s) t v[i][j+1] + s t v[i+1][j+1]
///
/// with `s`, `t` the fractional positions of `x`, `y` in their grid cells. `values` are listed as the
/// IDF lists them: the first variable varies slowest (`values[i * y.count + j]` is `f(x[i], y[j])`).
/// Source: EnergyPlus Input Output Reference, "Table:Lookup" and "Table:IndependentVariable".
/// Evaluation does a linear scan of each axis (grids here have < 20 points) and never allocates.
public struct LookupTable2D: Sendable, Equatable {
    public var x: [Double]
    public var y: [Double]
    public var values: [Double]
    public var outputRange: ClosedRange<Double>
    /// Stated input ranges (the IDF's minimum and maximum values), used only for `isOutside`.
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>

    /// Returns nil unless both axes are strictly increasing, non-empty, and `values` has `x.count · y.count` entries.
    public init?(x: [Double], y: [Double], values: [Double],
                 output: ClosedRange<Double> = -.infinity ... .infinity,
                 xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil) {
        guard !x.isEmpty, !y.isEmpty, values.count == x.count * y.count,
              zip(x, x.dropFirst()).allSatisfy({ $0 < $1 }),
              zip(y, y.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.x = x
        self.y = y
        self.values = values
        outputRange = output
        self.xRange = xRange ?? (x[0] ... x[x.count - 1])
        self.yRange = yRange ?? (y[0] ... y[y.count - 1])
    }

    /// For tables shipped as data whose grids are known to be valid.
    init(validX x: [Double], y: [Double], values: [Double], output: ClosedRange<Double>) {
        self.x = x
        self.y = y
        self.values = values
        outputRange = output
        xRange = x[0] ... x[x.count - 1]
        yRange = y[0] ... y[y.count - 1]
    }

    public func isOutside(x: Double, y: Double) -> Bool { !xRange.contains(x) || !yRange.contains(y) }

    public func callAsFunction(_ xValue: Double, _ yValue: Double) -> Double {
        let (i, s) = x.withUnsafeBufferPointer { Self.cell($0, xValue) }
        let (j, t) = y.withUnsafeBufferPointer { Self.cell($0, yValue) }
        let n = y.count
        let i1 = min(i + 1, x.count - 1), j1 = min(j + 1, n - 1)
        let (v00, v10, v01, v11) = values.withUnsafeBufferPointer { v in
            (v[i * n + j], v[i1 * n + j], v[i * n + j1], v[i1 * n + j1])
        }
        let value = (1 - s) * (1 - t) * v00 + s * (1 - t) * v10 + (1 - s) * t * v01 + s * t * v11
        return min(outputRange.upperBound, max(outputRange.lowerBound, value))
    }

    /// Index of the grid cell holding `value` (clamped to the grid) and the fractional position in it.
    @inline(__always)
    static func cell(_ grid: UnsafeBufferPointer<Double>, _ value: Double) -> (Int, Double) {
        let last = grid.count - 1
        if last == 0 || value <= grid[0] { return (0, 0) }
        if value >= grid[last] { return (last, 0) }
        var k = 0
        while grid[k + 1] < value { k += 1 }
        return (k, (value - grid[k]) / (grid[k + 1] - grid[k]))
    }
}
