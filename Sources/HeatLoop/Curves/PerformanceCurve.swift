/// EnergyPlus-style performance curves (EnergyPlus Input Output Reference, "Curve:Quadratic",
/// "Curve:Biquadratic"): polynomial in normalised inputs, inputs clamped to their stated ranges and the
/// output to its limits, exactly as EnergyPlus evaluates them.
public struct QuadraticCurve: Sendable, Equatable {
    /// `a + b x + c x²`.
    public var coefficients: (Double, Double, Double)
    public var xRange: ClosedRange<Double>
    public var outputRange: ClosedRange<Double>

    public init(_ a: Double, _ b: Double, _ c: Double, x: ClosedRange<Double> = -.infinity ... .infinity,
                output: ClosedRange<Double> = -.infinity ... .infinity) {
        coefficients = (a, b, c)
        xRange = x
        outputRange = output
    }

    public static func == (l: QuadraticCurve, r: QuadraticCurve) -> Bool {
        l.coefficients == r.coefficients && l.xRange == r.xRange && l.outputRange == r.outputRange
    }

    /// True when `x` lies outside the curve's stated input range (the value is then clamped).
    public func isOutside(_ x: Double) -> Bool { !xRange.contains(x) }

    public func callAsFunction(_ x: Double) -> Double {
        let x = min(xRange.upperBound, max(xRange.lowerBound, x))
        let (a, b, c) = coefficients
        return min(outputRange.upperBound, max(outputRange.lowerBound, a + x * (b + c * x)))
    }
}

public struct BiquadraticCurve: Sendable, Equatable {
    /// `a + b x + c x² + d y + e y² + f x y`.
    public var coefficients: [Double]
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var outputRange: ClosedRange<Double>

    public init(_ coefficients: [Double], x: ClosedRange<Double> = -.infinity ... .infinity,
                y: ClosedRange<Double> = -.infinity ... .infinity, output: ClosedRange<Double> = -.infinity ... .infinity) {
        self.coefficients = coefficients.count == 6 ? coefficients : coefficients + [Double](repeating: 0, count: max(0, 6 - coefficients.count))
        xRange = x
        yRange = y
        outputRange = output
    }

    public func isOutside(x: Double, y: Double) -> Bool { !xRange.contains(x) || !yRange.contains(y) }

    public func callAsFunction(_ x: Double, _ y: Double) -> Double {
        let x = min(xRange.upperBound, max(xRange.lowerBound, x))
        let y = min(yRange.upperBound, max(yRange.lowerBound, y))
        let k = coefficients
        let value = k[0] + k[1] * x + k[2] * x * x + k[3] * y + k[4] * y * y + k[5] * x * y
        return min(outputRange.upperBound, max(outputRange.lowerBound, value))
    }
}
