/// A manufacturer's heat-pump performance map: heating COP and heating capacity factor (available
/// capacity / nominal capacity) on a grid of source-outlet × sink-outlet temperatures (°C).
///
/// Between grid points both are bilinear in the two temperatures:
///
///     f(x, y) = (1−u)(1−v) f₀₀ + u(1−v) f₁₀ + (1−u)v f₀₁ + uv f₁₁,   u = (x − x₀)/(x₁ − x₀), v likewise
///
/// Outside the grid each temperature is clamped to the nearest edge and the point is flagged
/// `outsideMap`, so a run can count the steps it extrapolated instead of silently trusting them.
/// Datasheets publish such maps at fixed outlet temperatures (EN 14511 rating points); source: the
/// manufacturer's data, cited by whoever supplies the map.
public struct HeatPumpMap: Sendable, Equatable {
    /// Source-outlet temperatures, strictly increasing, °C.
    public let sourceOut: [Double]
    /// Sink-outlet temperatures, strictly increasing, °C.
    public let sinkOut: [Double]
    /// COP at `[source][sink]`, row-major: index `i · sinkOut.count + j`.
    public let cop: [Double]
    /// Capacity factor at `[source][sink]`, row-major like `cop`.
    public let capacityFactor: [Double]

    /// Why a map was rejected.
    public enum Problem: Error, Sendable, Equatable {
        /// An axis needs at least two temperatures, strictly increasing.
        case axisNotIncreasing(axis: String)
        /// `cop` and `capacityFactor` need `sourceOut.count × sinkOut.count` values.
        case wrongCount(expected: Int, cop: Int, capacityFactor: Int)
        /// COPs must be ≥ 1 and capacity factors ≥ 0, all finite.
        case invalidValue(index: Int)
    }

    /// `cop` and `capacityFactor` are row-major: one row per source temperature, one column per sink
    /// temperature.
    public init(sourceOut: [Double], sinkOut: [Double], cop: [Double], capacityFactor: [Double]) throws(Problem) {
        for (name, axis) in [("source_out", sourceOut), ("sink_out", sinkOut)] {
            guard axis.count >= 2, axis.allSatisfy(\.isFinite),
                  zip(axis, axis.dropFirst()).allSatisfy({ $0 < $1 })
            else { throw .axisNotIncreasing(axis: name) }
        }
        let count = sourceOut.count * sinkOut.count
        guard cop.count == count, capacityFactor.count == count else {
            throw .wrongCount(expected: count, cop: cop.count, capacityFactor: capacityFactor.count)
        }
        for index in 0..<count {
            guard cop[index].isFinite, cop[index] >= 1, capacityFactor[index].isFinite, capacityFactor[index] >= 0
            else { throw .invalidValue(index: index) }
        }
        self.sourceOut = sourceOut
        self.sinkOut = sinkOut
        self.cop = cop
        self.capacityFactor = capacityFactor
    }

    /// COP and capacity factor at a source and sink outlet temperature (°C), uncapped.
    @inlinable
    public func point(sourceOut x: Double, sinkOut y: Double) -> HeatPumpOperatingPoint {
        let (i, u, outsideX) = Self.locate(x, in: sourceOut)
        let (j, v, outsideY) = Self.locate(y, in: sinkOut)
        let columns = sinkOut.count
        let a = i * columns + j, b = a + columns
        @inline(__always) func blend(_ f: [Double]) -> Double {
            (1 - u) * ((1 - v) * f[a] + v * f[a + 1]) + u * ((1 - v) * f[b] + v * f[b + 1])
        }
        return HeatPumpOperatingPoint(cop: blend(cop), capacityFactor: blend(capacityFactor),
                                      outsideMap: outsideX || outsideY)
    }

    /// Lower index of the grid cell holding `value`, the fraction across it, and whether `value` was
    /// clamped. Linear scan: datasheet grids have a handful of points.
    @usableFromInline
    static func locate(_ value: Double, in axis: [Double]) -> (Int, Double, Bool) {
        let last = axis.count - 1
        if !(value >= axis[0]) { return (0, 0, true) } // also catches NaN
        if value > axis[last] { return (last - 1, 1, true) }
        var index = 0
        while index < last - 1, value > axis[index + 1] { index += 1 }
        return (index, (value - axis[index]) / (axis[index + 1] - axis[index]), false)
    }
}
