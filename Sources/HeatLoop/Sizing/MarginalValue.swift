/// What one more (or one less) step of a parameter is worth around the recommended design: the change
/// of the design-table columns between the optimum and the designs one step below and above it, each
/// a full annual simulation. The step is 1 MW for capacities (`…_mw`), 100 m³ for volumes (`…_m3`),
/// otherwise the spacing of the swept values next to the optimum.
public struct MarginalValue: Sendable {
    public var key: String
    public var step: Double
    public var columns: [String]
    /// `column(optimum) − column(optimum − step)`: what the last step added; nil below the domain (< 0).
    public var last: [Double]?
    /// `column(optimum + step) − column(optimum)`: what the next step would add.
    public var next: [Double]?

    public init(key: String, step: Double, columns: [String], last: [Double]?, next: [Double]?) {
        self.key = key
        self.step = step
        self.columns = columns
        self.last = last
        self.next = next
    }

    /// The step for `key` at `value`, given the values the sweep took; nil when it took only one.
    public static func step(for key: String, swept: [Double], at value: Double) -> Double? {
        if key.hasSuffix("_mw") { return 1 }
        if key.hasSuffix("_m3") { return 100 }
        let gaps = swept.filter { $0 != value && !$0.isNaN }.map { abs($0 - value) }
        return gaps.min()
    }

    /// `The last 1 MW of heat_recovery.heat_pump.capacity_mw added NPV +0.29 M€, …; the next would add …`.
    public var sentence: String { sentence(in: .euro) }

    /// `sentence` with amounts in `currency`.
    public func sentence(in currency: Currency) -> String {
        func changes(_ values: [Double]) -> String {
            zip(columns, values).map { "\($0) \($1 >= 0 ? "+" : "")\(describe($1, $0, currency))" }.joined(separator: ", ")
        }
        let unit = key.hasSuffix("_mw") ? " MW" : key.hasSuffix("_m3") ? " m³" : ""
        var parts: [String] = []
        if let last { parts.append("the last \(shortNumber(step))\(unit) of \(key) added \(changes(last))") }
        if let next { parts.append("the next \(shortNumber(step))\(unit) would add \(changes(next))") }
        guard !parts.isEmpty else { return "" }
        return parts.joined(separator: "; ").prefix(1).uppercased() + parts.joined(separator: "; ").dropFirst() + "."
    }
}
