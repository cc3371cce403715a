/// A weather-compensation ("outdoor reset") curve: a network temperature that is piecewise linear in the
/// outdoor temperature through `points` (T_out, T), clamped beyond the first and last points. Used for the
/// DH supply temperature and, optionally, its return temperature.
/// E.g. 4th-generation DH supply: 70 °C at −15 °C → 55 °C at ≥ 10 °C (Lund et al., Energy 68, 2014);
/// 3rd generation: 110 → 70 °C.
public struct OutdoorResetCurve: Sendable, Equatable {
    /// Points sorted by outdoor temperature, °C.
    public var points: [(outdoor: Double, temperature: Double)]

    public init(points: [(outdoor: Double, temperature: Double)]) {
        self.points = points.sorted { $0.outdoor < $1.outdoor }
    }

    /// A curve that is the same at every outdoor temperature.
    public static func constant(_ temperature: Celsius) -> OutdoorResetCurve {
        OutdoorResetCurve(points: [(0, temperature.value)])
    }

    public static func == (a: OutdoorResetCurve, b: OutdoorResetCurve) -> Bool {
        a.points.elementsEqual(b.points) { $0.outdoor == $1.outdoor && $0.temperature == $1.temperature }
    }

    public func temperature(outdoor: Double) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        if outdoor <= first.outdoor { return first.temperature }
        if outdoor >= last.outdoor { return last.temperature }
        for index in 1..<points.count where outdoor <= points[index].outdoor {
            let a = points[index - 1], b = points[index]
            return a.temperature + (b.temperature - a.temperature) * (outdoor - a.outdoor) / (b.outdoor - a.outdoor)
        }
        return last.temperature
    }
}
