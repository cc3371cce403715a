/// Which cooling loop the heat pump's evaporator draws from.
public enum HeatSource: String, Sendable, CaseIterable {
    /// Facility-water (liquid-loop) return: the warm source of DLC and immersion.
    case liquid
    /// Chilled-water return of the air loop.
    case air
    /// Both; the warmer liquid loop is used first.
    case both
}

/// A bank of `units` identical electric heat pumps in parallel, lifting data-center heat to the
/// district-heating supply temperature.
///
/// `Q_evap = Q_hp (1 − 1/COP)`, `W = Q_hp / COP` (condenser output `Q_hp`). `capacity` is the bank's
/// total heating capacity, scaled by the COP model's capacity factor where it has one (`table`) and by
/// `ratedCapacity` with the source temperature when given (`HeatPumpCapacity`). Units are staged
/// one by one (`HeatPumpOperation`); each runs between `minimumPartLoad` of its own capacity and full
/// load, so the bank runs down to `minimumPartLoad · capacity / units`. The COP falls or rises with the
/// running units' load ratio (`partLoad`). The evaporator cools a side stream of the loop return to the
/// loop's supply setpoint.
public struct HeatPump: Sendable, Equatable {
    public var capacity: Watts
    public var units: Int
    public var cop: HeatPumpCOP
    public var maximumCOP: Double
    public var minimumPartLoad: Double
    public var source: HeatSource
    public var partLoad: HeatPumpPartLoad
    public var operation: HeatPumpOperation
    /// Capacity against the source temperature (nil: `capacity` at every temperature).
    public var ratedCapacity: HeatPumpCapacity?

    public init(capacity: Watts, units: Int = 1, cop: HeatPumpCOP, maximumCOP: Double, minimumPartLoad: Double,
                source: HeatSource, partLoad: HeatPumpPartLoad = .constant,
                operation: HeatPumpOperation = .unconstrained, ratedCapacity: HeatPumpCapacity? = nil) {
        self.capacity = capacity
        self.units = max(1, units)
        self.cop = cop
        self.maximumCOP = maximumCOP
        self.minimumPartLoad = minimumPartLoad
        self.source = source
        self.partLoad = partLoad
        self.operation = operation
        self.ratedCapacity = ratedCapacity
    }

    /// The least output at which the bank runs (one unit at its minimum part load), W.
    public var minimumOutput: Double { minimumPartLoad * capacity.value / Double(units) }
}

/// Heat exchange between the loops and the DH network without a compressor (DESIGN §3.5).
///
/// - **Direct**: when `T_source,in − approach ≥ T_DH,supply` a counterflow exchanger heats DH return water
///   to supply temperature; the source can be cooled down to `max(T_source,out, T_DH,return + approach)`,
///   so a share `(T_in − max(T_out, T_ret + approach)) / (T_in − T_out)` of its heat goes straight to the
///   network. What is left of it (colder than the DH return) is lifted by the heat pump.
/// - **Pre-heating**: when the source is above the DH return but below supply, it heats the return to
///   `T_pre = T_source,in − approach` and the heat pump lifts `T_pre → T_supply`: a share
///   `(T_pre − T_ret)/(T_sup − T_ret)` of every delivered watt needs no compressor, and the heat pump sees
///   a smaller lift on its sink side.
public struct HeatExchange: Sendable, Equatable {
    public var approach: TemperatureDelta
    public var direct: Bool
    public var preheat: Bool

    public init(approach: TemperatureDelta, direct: Bool, preheat: Bool) {
        self.approach = approach
        self.direct = direct
        self.preheat = preheat
    }

    public static let none = HeatExchange(approach: TemperatureDelta(0), direct: false, preheat: false)
}
