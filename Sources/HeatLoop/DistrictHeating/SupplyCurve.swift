/// Weather-compensated district-heating supply temperature: piecewise linear in outdoor temperature
/// through `points` (T_out, T_supply), clamped beyond the first and last points.
/// E.g. 4th-generation DH: 70 °C at −15 °C → 55 °C at ≥ 10 °C (Lund et al., Energy 68, 2014).
public struct SupplyCurve: Sendable, Equatable {
    /// Points sorted by outdoor temperature, °C.
    public var points: [(outdoor: Double, supply: Double)]

    public init(points: [(outdoor: Double, supply: Double)]) {
        self.points = points.sorted { $0.outdoor < $1.outdoor }
    }

    public static func == (a: SupplyCurve, b: SupplyCurve) -> Bool {
        a.points.elementsEqual(b.points) { $0.outdoor == $1.outdoor && $0.supply == $1.supply }
    }

    public func supply(outdoor: Double) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        if outdoor <= first.outdoor { return first.supply }
        if outdoor >= last.outdoor { return last.supply }
        for index in 1..<points.count where outdoor <= points[index].outdoor {
            let a = points[index - 1], b = points[index]
            return a.supply + (b.supply - a.supply) * (outdoor - a.outdoor) / (b.outdoor - a.outdoor)
        }
        return last.supply
    }
}
