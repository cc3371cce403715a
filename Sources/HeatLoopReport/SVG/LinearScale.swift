import Foundation

/// Maps a data interval `lower…upper` linearly onto pixels `start…end` (for a y axis `start` is the
/// bottom, so larger values go up), with "nice" tick marks: multiples of 1, 2, 2.5 or 5 × 10ⁿ
/// (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
public struct LinearScale: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let start: Double
    public let end: Double
    /// Distance between ticks, in data units.
    public let tickStep: Double

    /// A scale over exactly `lower…upper` (widened to a unit interval when empty or not finite).
    public init(lower: Double, upper: Double, start: Double, end: Double, targetTickCount: Int = 5) {
        let (low, high) = Self.usableInterval(lower, upper)
        self.lower = low
        self.upper = high
        self.start = start
        self.end = end
        tickStep = Self.niceStep(span: high - low, targetCount: targetTickCount)
    }

    /// A scale covering the finite `values` and `including` (e.g. 0 for bars), widened outwards to
    /// multiples of the tick step. NaN and ±inf are ignored; no finite value gives 0…1; a single
    /// value `v` gives a small interval around it.
    public init(covering values: [Double], including fixed: [Double] = [], start: Double, end: Double,
                targetTickCount: Int = 5) {
        var low = Double.infinity, high = -Double.infinity
        for value in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        for value in fixed where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        (low, high) = Self.usableInterval(low, high)
        let step = Self.niceStep(span: high - low, targetCount: targetTickCount)
        let niceLow = (low / step).rounded(.down) * step
        let niceHigh = (high / step).rounded(.up) * step
        self.lower = niceLow
        self.upper = niceHigh > niceLow ? niceHigh : niceLow + step
        self.start = start
        self.end = end
        tickStep = step
    }

    /// The pixel position of `value` (values outside the domain map outside `start…end`).
    public func position(_ value: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// Tick values: the multiples of `tickStep` within `lower…upper`, rounded to the step (no
    /// `0.30000000000000004`).
    public var ticks: [Double] {
        let first = (lower / tickStep - 1e-9).rounded(.up)
        let last = (upper / tickStep + 1e-9).rounded(.down)
        guard first <= last, last - first < 1000 else { return [lower, upper] }
        let decimals = NumberText.decimals(forStep: tickStep)
        let scale = pow(10, Double(decimals))
        return stride(from: first, through: last, by: 1).map { ($0 * tickStep * scale).rounded() / scale }
    }

    /// The ticks as axis labels (grouped thousands, as many decimals as the step needs).
    public var labelledTicks: [AxisTick] {
        ticks.map { AxisTick(value: $0, label: NumberText.tick($0, step: tickStep)) }
    }

    /// The nice step (1, 2, 2.5 or 5 × 10ⁿ) nearest above `span / targetCount`.
    public static func niceStep(span: Double, targetCount: Int) -> Double {
        guard span.isFinite, span > 0 else { return 1 }
        let raw = span / Double(max(1, targetCount))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// `lower…upper` made finite and non-empty.
    private static func usableInterval(_ lower: Double, _ upper: Double) -> (Double, Double) {
        guard lower.isFinite, upper.isFinite, lower <= upper else { return (0, 1) }
        guard lower == upper else { return (lower, upper) }
        let pad = lower == 0 ? 1 : abs(lower) * 0.1
        return (lower - pad, upper + pad)
    }
}

/// A tick mark: its value (in the axis's data units) and its label.
public struct AxisTick: Sendable, Equatable {
    public var value: Double
    public var label: String
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}
