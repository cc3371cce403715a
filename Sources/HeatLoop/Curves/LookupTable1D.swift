/// EnergyPlus `Table:Lookup` over one `Table:IndependentVariable`, evaluated with `Linear`
/// interpolation and `Linear` extrapolation (the slope of the end cell continues), the output
/// clamped to `outputRange` (the table's minimum and maximum output).
///
///     f(x) = v[k] + (x − x[k]) (v[k+1] − v[k]) / (x[k+1] − x[k])
///
/// The indirect evaporative cooler tables of `2ZoneDataCenterHVAC_wEconomizer.idf` ask for `Cubic`
/// interpolation: this evaluation is exact at the table points and differs between them (most on the
/// spray-pump table's step from 0.4 to 1 between flow fractions 0.375 and 0.5; not yet measured
/// against EnergyPlus). Source: EnergyPlus Input Output Reference, "Table:Lookup",
/// "Table:IndependentVariable".
public struct LookupTable1D: Sendable, Equatable {
    public var x: [Double]
    public var values: [Double]
    public var outputRange: ClosedRange<Double>

    /// Returns nil unless `x` has at least two strictly increasing points and `values` one per point.
    public init?(x: [Double], values: [Double], output: ClosedRange<Double> = -.infinity ... .infinity) {
        guard x.count >= 2, values.count == x.count, zip(x, x.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.x = x
        self.values = values
        outputRange = output
    }

    /// For tables shipped as data whose grids are known to be valid.
    init(validX x: [Double], values: [Double], output: ClosedRange<Double>) {
        self.x = x
        self.values = values
        outputRange = output
    }

    public func callAsFunction(_ value: Double) -> Double {
        let last = x.count - 1
        var k = 0
        while k < last - 1, x[k + 1] < value { k += 1 }
        let slope = (values[k + 1] - values[k]) / (x[k + 1] - x[k])
        let result = values[k] + (value - x[k]) * slope
        return min(outputRange.upperBound, max(outputRange.lowerBound, result))
    }
}
