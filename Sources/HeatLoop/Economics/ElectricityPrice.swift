/// The price the data center pays for electricity, €/MWh: constant, or a series (e.g. day-ahead hourly
/// prices) resampled onto the steps by exact interval averaging (`RegularTrace`).
public enum ElectricityPrice: Sendable, Equatable {
    case constant(eurosPerMegawattHour: Double)
    case series(RegularTrace)

    /// Cost of `power` (W, one value per step of `calendar`) whose sum over the year is `energy`, €.
    ///
    ///     C = Σ_k p_k · P_k · Δt / 3.6e9        (p in €/MWh, P in W, Δt in s)
    ///
    /// A constant price multiplies the exact annual energy; a series weights each step's power.
    public func cost(power: [Float], energy: Joules, calendar: SimulationCalendar) -> Double {
        switch self {
        case .constant(let price):
            return price * energy.value / 3.6e9
        case .series(let trace):
            let prices = trace.stepMeans(calendar: calendar)
            let stepSeconds = calendar.stepDuration.value
            var euros = 0.0
            for (price, watts) in zip(prices, power) { euros += price * Double(watts) * stepSeconds }
            return euros / 3.6e9
        }
    }

    /// Cost of the difference `reference − power` (what a design saves against a reference), €.
    public func savings(reference: [Float], power: [Float], energySaved: Joules, calendar: SimulationCalendar) -> Double {
        switch self {
        case .constant:
            return cost(power: [], energy: energySaved, calendar: calendar)
        case .series:
            return cost(power: zip(reference, power).map { $0 - $1 }, energy: energySaved, calendar: calendar)
        }
    }
}
