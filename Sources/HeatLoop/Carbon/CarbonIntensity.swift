/// Grid carbon intensity and the intensity of the heat that recovered heat displaces (DESIGN §3.7).
///
/// Operational CO2 = Σ electricity × grid intensity of its hour; avoided CO2 = heat delivered × displaced
/// heat intensity − heat-pump electricity × grid intensity.
public struct CarbonIntensity: Sendable, Equatable {
    public var grid: GridIntensity
    /// Heat the DH network would otherwise produce, g CO2 per kWh of heat (*default* a natural-gas
    /// boiler: 202 g/kWh fuel / 0.9 efficiency = 224 g/kWh, UBA emission factor for natural gas).
    public var displacedHeatGramsPerKWh: Double

    public init(grid: GridIntensity, displacedHeatGramsPerKWh: Double) {
        self.grid = grid
        self.displacedHeatGramsPerKWh = displacedHeatGramsPerKWh
    }

    public init(gridGramsPerKWh: Double, displacedHeatGramsPerKWh: Double) {
        self.init(grid: .constant(gridGramsPerKWh), displacedHeatGramsPerKWh: displacedHeatGramsPerKWh)
    }
}

/// Carbon intensity of grid electricity, g CO2/kWh.
public enum GridIntensity: Sendable, Equatable {
    /// One figure for the whole year (e.g. a country's annual average).
    case constant(Double)
    /// One figure per hour of the year, from hour 0 (1 January 00:00–01:00); tiled when shorter.
    case hourly([Double])

    /// Intensity for each simulation step (the hour the step starts in).
    public func perStep(_ calendar: SimulationCalendar) -> [Double] {
        switch self {
        case .constant(let value):
            return [Double](repeating: value, count: calendar.stepCount)
        case .hourly(let values):
            guard !values.isEmpty else { return [Double](repeating: 0, count: calendar.stepCount) }
            let stepHours = Double(calendar.stepMinutes) / 60
            return (0..<calendar.stepCount).map { values[Int(Double($0) * stepHours) % values.count] }
        }
    }

    /// Mean over the listed hours, g/kWh.
    public var mean: Double {
        switch self {
        case .constant(let value): value
        case .hourly(let values): values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        }
    }
}
