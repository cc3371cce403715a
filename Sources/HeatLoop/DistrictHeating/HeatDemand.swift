/// Heat demand of the district-heating network the data center feeds (DESIGN §3.5). Closed family.
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

    /// BDEW/SigLinDe standard load profile as demandlib 0.2.2 builds it (see `BDEWProfile`).
    case bdew(BDEWProfile)

    /// A measured or planned demand profile in MW (`RegularTrace` with quantity `.megawatts`, read from a
    /// CSV by `TraceReader`): each step gets the exact overlap-weighted mean of the samples, tiled over
    /// the year when the profile is shorter (see `RegularTrace`).
    case profile(RegularTrace)

    /// A constant offtaker (e.g. an industrial process).
    case constant(Watts)

    /// Demand power of each step, W.
    ///
    /// - Parameters:
    ///   - hourlyOutdoor: the weather file's hourly outdoor dry bulb, °C, value 0 the hour from midnight
    ///     of 1 January (`WeatherSeries.dryBulb`; `bdew` reads only this: demandlib's calendar-day means).
    ///   - dailyMeanOutdoor: 24 h running mean of the outdoor temperature at each step, °C
    ///     (`StepWeather.dryBulbDailyMean`; `degreeHours` reads only this). One value per step.
    ///   - calendar: the simulated year (step length; `profile` is placed on its steps).
    public func series(hourlyOutdoor: [Double], dailyMeanOutdoor: [Double], calendar: SimulationCalendar) -> [Double] {
        let stepSeconds = calendar.stepDuration.value
        switch self {
        case .degreeHours(let sizing, let limit, let hotWaterShare):
            return Self.degreeHours(sizing, limit: limit.value, hotWaterShare: hotWaterShare,
                                    dailyMeanOutdoor: dailyMeanOutdoor, stepSeconds: stepSeconds)
        case .bdew(let profile):
            return profile.series(hourlyOutdoor: hourlyOutdoor, stepSeconds: stepSeconds)
        case .profile(let trace):
            return trace.stepMeans(calendar: calendar).map { $0 * 1e6 }
        case .constant(let power):
            return [Double](repeating: power.value, count: calendar.stepCount)
        }
    }

    private static func degreeHours(_ sizing: DegreeHoursSizing, limit: Double, hotWaterShare: Double,
                                    dailyMeanOutdoor: [Double], stepSeconds: Double) -> [Double] {
        let count = dailyMeanOutdoor.count
        // One array, turned from degree-steps into demand in place (a 1-min year's series is 4 MB).
        var values = dailyMeanOutdoor.map { max(0, limit - $0) }
        let total = values.reduce(0, +)
        let yearSeconds = Double(count) * stepSeconds
        let annual: Double
        switch sizing {
        case .annual(let energy):
            annual = energy.value
        case .designLoad(let load, let designOutdoor):
            // Validation keeps the design temperature below the heating limit; guard only the division.
            let span = limit - designOutdoor.value
            let spaceHeating = span > 0 ? load.value * total * stepSeconds / span : 0
            annual = spaceHeating / (1 - hotWaterShare)
        }
        let flat = hotWaterShare * annual / yearSeconds
        // A climate with no heating degree-hours puts the whole demand in the flat part.
        guard total > 0 else { return [Double](repeating: annual / yearSeconds, count: count) }
        let perDegree = (1 - hotWaterShare) * annual / (total * stepSeconds)
        values.withUnsafeMutableBufferPointer { values in
            for index in values.indices { values[index] = flat + perDegree * values[index] }
        }
        return values
    }
}

/// How a degree-hours demand is sized.
public enum DegreeHoursSizing: Sendable, Equatable {
    /// Annual heat demand.
    case annual(Joules)
    /// Connected space-heating load at a design outdoor temperature.
    case designLoad(Watts, designOutdoor: Celsius)
}
