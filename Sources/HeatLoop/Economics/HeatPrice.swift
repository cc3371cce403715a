/// The price the network pays for the data center's heat, €/MWh. Closed family.
///
///     R = Σ_k p_k · D_k · Δt / 3.6e9        € (p in €/MWh, D the heat delivered in W, Δt in s)
///
/// The price is also the data center's offer in the network's merit order (`bids`, `MeritOrder.offer`):
/// its heat is taken only in place of producers dearer than it.
public enum HeatPrice: Sendable, Equatable {
    case constant(eurosPerMegawattHour: Double)
    /// One price per calendar month, January first (heat contracts often price winter above summer).
    case monthly([Double])
    /// A series (e.g. hourly), resampled onto the steps by exact interval averaging (`RegularTrace`; its
    /// `time` or `time_utc` clock as the CSV says, moved onto the weather file's local standard time).
    case series(RegularTrace)
    /// The marginal cost of the producer each step's heat displaces (avoided-cost pricing); heat that
    /// displaces no producer sells at `fallback`. The data center bids 0 €/MWh: it is taken in place of any
    /// producer that is not must-run and costs more than nothing.
    case displacedProducer(fallback: Double)

    /// The data center's offer price at each step, €/MWh.
    public func bids(calendar: SimulationCalendar) -> [Double] {
        switch self {
        case .constant(let price): [Double](repeating: price, count: calendar.stepCount)
        case .monthly(let prices): (0..<calendar.stepCount).map { prices[calendar.month(ofStep: $0)] }
        case .series(let trace): trace.stepMeans(calendar: calendar)
        case .displacedProducer: [Double](repeating: 0, count: calendar.stepCount)
        }
    }

    /// Sales of the heat `delivered` (W, one value per step; summing to `totals.heatDelivered`), €.
    /// `totals` gives the displaced producers' cost for `displacedProducer`.
    public func revenue(delivered: [Float], totals: EnergyTotals, calendar: SimulationCalendar) -> Double {
        switch self {
        case .constant(let price):
            return price * (totals.heatDelivered / 3.6e9)
        case .monthly, .series:
            let prices = bids(calendar: calendar), stepSeconds = calendar.stepDuration.value
            var euros = 0.0
            for (price, watts) in zip(prices, delivered) { euros += price * Double(watts) * stepSeconds }
            return euros / 3.6e9
        case .displacedProducer(let fallback):
            return totals.displacedProducerCost + fallback * (totals.heatDelivered - totals.heatDisplacingProducers) / 3.6e9
        }
    }
}
