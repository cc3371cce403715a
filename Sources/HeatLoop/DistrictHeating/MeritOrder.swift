/// The network operator's dispatch of its producers, and where the data center's heat fits in it.
///
/// Each step the network needs `N` (consumers plus distribution losses). Must-run producers run first, up
/// to `N`; the room left, `N_r = N − min(N, Σ C_must)`, goes to the other producers in order of marginal cost.
/// The data center, offering heat at price `p`, is taken in place of every producer dearer than `p`:
///
///     offer = max(0, N_r − Σ_{c_i ≤ p} C_i)          W the network takes from the data center
///
/// (a producer as cheap as `p` keeps its place). Heat it delivers (`D ≤ offer`) first covers what no producer
/// could (`N_r` beyond their capacity: nothing displaced), then displaces the dearest producers running,
/// from the top of the merit order down; the displaced heat's cost and CO2 are summed producer by producer.
///
/// Source: the merit-order dispatch of heat production units as Frederiksen & Werner, *District Heating and
/// Cooling*, 2013, ch. 5 ("heat supply") and the Danish Energy Agency's dispatch models describe it.
public struct MeritOrder: Sendable, Equatable {
    /// Producers that are not must-run, dearest first (the order they are displaced in).
    public let dispatchable: [HeatProducer]
    /// Σ capacity of the must-run producers, W.
    public let mustRunCapacity: Double

    public init(_ producers: [HeatProducer]) {
        // A stable sort keeps the file's order among equal costs.
        dispatchable = producers.enumerated().filter { !$0.element.mustRun }
            .sorted { ($0.element.marginalCost, $1.offset) > ($1.element.marginalCost, $0.offset) }.map(\.element)
        mustRunCapacity = producers.filter(\.mustRun).reduce(0) { $0 + $1.capacity.value }
    }

    public var isEmpty: Bool { dispatchable.isEmpty && mustRunCapacity == 0 }

    /// Heat the network takes from the data center at price `price` (€/MWh) when it needs `need` (W).
    public func offer(need: Double, price: Double) -> Double {
        var room = need - min(need, mustRunCapacity)
        for producer in dispatchable where producer.marginalCost <= price { room -= producer.capacity.value }
        return max(0, room)
    }

    /// What `delivered` W of the data center's heat displaced when the network needed `need` W (the rest of
    /// `delivered` displaced no producer).
    public func displaced(need: Double, delivered: Double) -> Displacement {
        var room = need - min(need, mustRunCapacity)
        let capacity = dispatchable.reduce(0) { $0 + $1.capacity.value }
        // Heat no producer could give: the data center's heat covers it first.
        var left = delivered - min(delivered, max(0, room - capacity))
        room = min(room, capacity)
        var result = Displacement()
        // Running output of each producer, dearest first: the cheaper ones take the room first.
        var cheaperCapacity = capacity
        for producer in dispatchable where left > 0 {
            cheaperCapacity -= producer.capacity.value
            let running = min(producer.capacity.value, max(0, room - cheaperCapacity))
            let taken = min(left, running)
            result.heat += taken
            result.costWeighted += taken * producer.marginalCost
            result.co2Weighted += taken * producer.co2Intensity
            left -= taken
        }
        return result
    }
}

/// Heat a step's delivery displaced from producers, W, and its cost- and CO2-weighted sums
/// (W·€/MWh and W·g/kWh: × Δt / 3.6e9 gives € and kg).
public struct Displacement: Sendable, Equatable {
    public var heat = 0.0
    public var costWeighted = 0.0
    public var co2Weighted = 0.0

    public init() {}
}
