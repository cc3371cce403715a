/// A value with its uncertainty range: `low ≤ central ≤ high`, in the unit of the line it belongs to.
///
/// Ranges propagate by interval arithmetic on non-negative quantities: a sum adds the bounds, a product of
/// two non-negative estimates multiplies them (low × low, high × high). That is a bound, not a confidence
/// interval: it is what each line of a carbon card states as "range".
public struct Estimate: Sendable, Equatable {
    public var low: Double
    public var central: Double
    public var high: Double

    public init(low: Double, central: Double, high: Double) {
        self.low = min(low, central, high)
        self.central = central
        self.high = max(low, central, high)
    }

    /// An exactly known value (range of zero width).
    public init(exactly value: Double) { self.init(low: value, central: value, high: value) }

    public static let zero = Estimate(exactly: 0)

    public static func + (a: Estimate, b: Estimate) -> Estimate {
        Estimate(low: a.low + b.low, central: a.central + b.central, high: a.high + b.high)
    }

    public static func * (a: Estimate, k: Double) -> Estimate {
        Estimate(low: a.low * k, central: a.central * k, high: a.high * k)
    }

    /// Product of two non-negative estimates.
    public static func * (a: Estimate, b: Estimate) -> Estimate {
        Estimate(low: a.low * b.low, central: a.central * b.central, high: a.high * b.high)
    }

    /// Quotient of two positive estimates: the widest ratio (low / high … high / low).
    public static func / (a: Estimate, b: Estimate) -> Estimate {
        Estimate(low: a.low / b.high, central: a.central / b.central, high: a.high / b.low)
    }

    /// The sum of several estimates.
    public static func sum<S: Sequence>(_ values: S) -> Estimate where S.Element == Estimate {
        values.reduce(.zero, +)
    }
}
