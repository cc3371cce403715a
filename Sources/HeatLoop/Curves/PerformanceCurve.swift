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
    @inline(__always) public func isOutside(_ x: Double) -> Bool { !xRange.contains(x) }

    @inline(__always) public func callAsFunction(_ x: Double) -> Double {
        let x = min(xRange.upperBound, max(xRange.lowerBound, x))
        let (a, b, c) = coefficients
        return min(outputRange.upperBound, max(outputRange.lowerBound, a + x * (b + c * x)))
    }
}

/// `a + b x + c x² + d x³` (EnergyPlus `Curve:Cubic`), the input clamped to its stated range and the output to
/// its limits.
public struct CubicCurve: Sendable, Equatable {
    public var a: Double, b: Double, c: Double, d: Double
    public var xRange: ClosedRange<Double>
    public var outputRange: ClosedRange<Double>

    public init(_ a: Double, _ b: Double, _ c: Double, _ d: Double, x: ClosedRange<Double> = -.infinity ... .infinity,
                output: ClosedRange<Double> = -.infinity ... .infinity) {
        (self.a, self.b, self.c, self.d) = (a, b, c, d)
        xRange = x
        outputRange = output
    }

    @inline(__always) public func callAsFunction(_ x: Double) -> Double {
        let x = min(xRange.upperBound, max(xRange.lowerBound, x))
        return min(outputRange.upperBound, max(outputRange.lowerBound, a + x * (b + x * (c + d * x))))
    }
}

/// `a + b x + c x² + d y + e y² + f x y`, inputs clamped to their stated ranges and the output to its limits.
///
/// The six coefficients are stored as plain fields (not an array) so that a curve is a trivially
/// copyable value: models holding curves step without reference counting or bounds checks.
public struct BiquadraticCurve: Sendable, Equatable {
    public var a: Double, b: Double, c: Double, d: Double, e: Double, f: Double
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var outputRange: ClosedRange<Double>

    /// `coefficients` = [a, b, c, d, e, f]; missing trailing coefficients are zero.
    public init(_ coefficients: [Double], x: ClosedRange<Double> = -.infinity ... .infinity,
                y: ClosedRange<Double> = -.infinity ... .infinity, output: ClosedRange<Double> = -.infinity ... .infinity) {
        func k(_ i: Int) -> Double { i < coefficients.count ? coefficients[i] : 0 }
        (a, b, c, d, e, f) = (k(0), k(1), k(2), k(3), k(4), k(5))
        xRange = x
        yRange = y
        outputRange = output
    }

    /// [a, b, c, d, e, f].
    public var coefficients: [Double] { [a, b, c, d, e, f] }

    /// True when `(x, y)` lies outside the curve's stated input ranges (the inputs are then clamped).
    @inline(__always) public func isOutside(x: Double, y: Double) -> Bool { !xRange.contains(x) || !yRange.contains(y) }

    @inline(__always) public func callAsFunction(_ x: Double, _ y: Double) -> Double {
        let x = min(xRange.upperBound, max(xRange.lowerBound, x))
        let y = min(yRange.upperBound, max(yRange.lowerBound, y))
        let value = a + x * (b + c * x) + y * (d + e * y) + f * x * y
        return min(outputRange.upperBound, max(outputRange.lowerBound, value))
    }
}
