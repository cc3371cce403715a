/// How a loop's heat leaves the building. Closed family of plants composed of component structs.
public enum HeatRejection: Sendable, Equatable {
    /// Dry coolers, optionally with a trim chiller: the economiser arrangement. Free cooling when the
    /// dry cooler alone reaches the setpoint; partial when it pre-cools and the chiller trims the rest;
    /// mechanical when it cannot pre-cool at all (DESIGN §3.4).
    case dryCooler(DryCooler, trimChiller: Chiller?)
    /// An air-cooled chiller alone: always mechanical.
    case chiller(Chiller)

    /// Removes up to `load` W from water entering the plant at `waterIn` °C with mass flow `flow`
    /// kg/s, aiming at `setpoint` °C leaving.
    public func step(load: Double, waterIn: Double, flow: Double, setpoint: Double,
                                dryBulb: Double, wetBulb: Double) -> RejectionStep {
        switch self {
        case .dryCooler(let cooler, let trim):
            let free = cooler.step(load: load, waterIn: waterIn, flow: flow, dryBulb: dryBulb, wetBulb: wetBulb)
            let remaining = load - free.removed
            guard remaining > 0 else {
                return RejectionStep(removed: free.removed, chillerPower: 0, fanPower: free.fanPower,
                                     waterUse: free.waterUse, mode: .free)
            }
            let mode: CoolingMode = free.removed > 0 ? .partial : .mechanical
            guard let trim else {
                return RejectionStep(removed: free.removed, chillerPower: 0, fanPower: free.fanPower,
                                     waterUse: free.waterUse, mode: mode)
            }
            let chiller = trim.step(load: remaining, chilledWaterLeaving: setpoint, dryBulb: dryBulb)
            return RejectionStep(removed: free.removed + chiller.removed, chillerPower: chiller.power,
                                 fanPower: free.fanPower, waterUse: free.waterUse, mode: mode)
        case .chiller(let chiller):
            let result = chiller.step(load: load, chilledWaterLeaving: setpoint, dryBulb: dryBulb)
            return RejectionStep(removed: result.removed, chillerPower: result.power, fanPower: 0,
                                 waterUse: 0, mode: .mechanical)
        }
    }
}

/// Economiser state of a plant in one step (`/cooling/mode`: 0 free, 1 partial, 2 mechanical).
public enum CoolingMode: Int8, Sendable, CaseIterable, Comparable {
    case free = 0
    case partial = 1
    case mechanical = 2

    public static func < (a: CoolingMode, b: CoolingMode) -> Bool { a.rawValue < b.rawValue }
    public var name: String {
        switch self {
        case .free: "free"
        case .partial: "partial"
        case .mechanical: "mechanical"
        }
    }
}

/// One heat-rejection step: heat removed (W), electric powers (W), water (kg/s), mode.
public struct RejectionStep: Sendable, Equatable {
    public var removed: Double
    public var chillerPower: Double
    public var fanPower: Double
    public var waterUse: Double
    public var mode: CoolingMode
}
