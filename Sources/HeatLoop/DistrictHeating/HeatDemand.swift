/// Heat demand of the district-heating network the data center feeds. Closed family (BDEW profiles,
/// CSV profiles and constant offtakers come with the heat-recovery issue).
public enum HeatDemand: Sendable, Equatable {
    /// Degree-hours method: an annual demand split over the year by heating degree-hours plus a flat
    /// hot-water share `b`:
    ///
    ///     Q_t = Q_a · [(1 − b) · HDH_t / Σ HDH + b · Δt / year],   HDH_t = max(0, T_limit − T̄_out) · Δt
    ///
    /// with T̄_out the 24 h running mean outdoor temperature (building thermal inertia). *Defaults*:
    /// T_limit 15 °C (German VDI 4710 heating limit), b 0.15 (DESIGN §3.5).
    ///
    /// The network is sized either by its annual demand, or by its connected space-heating load at a
    /// design outdoor temperature (EN 12831): then space heating is `P_design (T_limit − T̄)/(T_limit −
    /// T_design)` and the annual demand follows from the weather, so a colder climate asks for more heat.
    case degreeHours(DegreeHoursSizing, heatingLimit: Celsius, hotWaterShare: Double)

    /// Demand power of each step, W, from the 24 h mean outdoor temperature at each step.
    public func series(dailyMeanOutdoor: [Double], stepSeconds: Double) -> [Double] {
        switch self {
        case .degreeHours(let sizing, let limit, let hotWaterShare):
            let count = dailyMeanOutdoor.count
            let degreeSteps = dailyMeanOutdoor.map { max(0, limit.value - $0) }
            let total = degreeSteps.reduce(0, +)
            let yearSeconds = Double(count) * stepSeconds
            let annual: Joules
            switch sizing {
            case .annual(let energy):
                annual = energy
            case .designLoad(let load, let designOutdoor):
                // Validation keeps the design temperature below the heating limit; guard only the division.
                let span = limit.value - designOutdoor.value
                let spaceHeating = span > 0 ? load.value * total * stepSeconds / span : 0
                annual = Joules(spaceHeating / (1 - hotWaterShare))
            }
            let flat = hotWaterShare * annual.value / yearSeconds
            // A climate with no heating degree-hours puts the whole demand in the flat part.
            guard total > 0 else { return [Double](repeating: annual.value / yearSeconds, count: count) }
            let perDegree = (1 - hotWaterShare) * annual.value / (total * stepSeconds)
            return degreeSteps.map { flat + perDegree * $0 }
        }
    }
}

/// How a degree-hours demand is sized.
public enum DegreeHoursSizing: Sendable, Equatable {
    /// Annual heat demand.
    case annual(Joules)
    /// Connected space-heating load at a design outdoor temperature.
    case designLoad(Watts, designOutdoor: Celsius)
}
