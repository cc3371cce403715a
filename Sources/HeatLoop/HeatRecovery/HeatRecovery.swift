/// Heat recovery: heat pumps and heat exchangers drawing on the cooling loops, a storage tank and the
/// DH network.
public struct HeatRecovery: Sendable, Equatable {
    public var heatPump: HeatPump
    public var exchange: HeatExchange
    public var storage: HeatStorage
    public var network: DistrictHeatingNetwork

    public init(heatPump: HeatPump, exchange: HeatExchange = .none, storage: HeatStorage,
                network: DistrictHeatingNetwork) {
        self.heatPump = heatPump
        self.exchange = exchange
        self.storage = storage
        self.network = network
    }

    /// One dispatch step (DESIGN §3.5).
    ///
    /// 1. The heat to produce is the DH demand (capped by the connection) plus the room left in storage
    ///    (`HeatStorage`: from the step's supply and return temperatures).
    /// 2. It is taken first from direct exchange (no compressor), then through the heat pump (with
    ///    pre-heating of the DH return where the source allows), primary source before secondary. Each
    ///    route takes no more than its loop has to shed, and the heat pump no more than its capacity.
    /// 3. The bank runs the units that output needs, within its minimum part load, run and off times and
    ///    the tank's restart level (`HeatPumpOperation`); the running units' load ratio sets the part-load
    ///    COP (`HeatPumpPartLoad`), and the routes are filled again with those units and that COP.
    /// 4. Output serves demand first; the surplus charges storage; storage covers what is missing.
    ///
    /// Energy balance: `Q_hp = Q_evap + W`, `output = direct + preheat + Q_hp`,
    /// `delivered = output − charge + discharge`, storage `E' = E + (charge − discharge − loss)·Δt`.
    /// `state` (tank and bank) is advanced to the end of the step.
    @inline(__always)
    public func dispatch(demand: Double, primary: HeatSourceOffer, secondary: HeatSourceOffer,
                         dhSupply: Double, dhReturn: Double, outdoor: Double, state: inout HeatRecoveryState,
                         stepSeconds: Double) -> DispatchStep {
        let servedDemand = min(demand, network.connection.value)
        let tank = TankStep(tank: storage, state: state.tank, supply: dhSupply, returnTemperature: dhReturn,
                            outdoor: outdoor, stepSeconds: stepSeconds)
        let dischargeLimit = tank.dischargeLimit

        var plan = DispatchPlan(wanted: servedDemand + tank.chargeLimit)
        // A source offering no heat is skipped by every `take…` below, so its routes are not worked out.
        let primaryRoutes = primary.heat > 0 ? routes(for: primary, dhSupply: dhSupply, dhReturn: dhReturn) : Route.unused
        let secondaryRoutes = secondary.heat > 0 ? routes(for: secondary, dhSupply: dhSupply, dhReturn: dhReturn) : Route.unused
        // Free heat first, from either source; then the heat pump, primary source first.
        plan.takeDirect(primaryRoutes.direct, offer: primary.heat, source: 0)
        plan.takeDirect(secondaryRoutes.direct, offer: secondary.heat, source: 1)
        let routes = (primaryRoutes.lifted, secondaryRoutes.lifted), offers = (primary.heat, secondary.heat)
        var lifted = lift(wanted: plan.wanted, routes, offers, share: 1, powerFactor: 1)
        let canRest = state.tank.hotShare >= storage.restartBelow && dischargeLimit >= servedDemand - plan.output
        let bank = heatPump.operate(load: lifted.heatPumpLoad, bank: state.bank, canRest: canRest, stepSeconds: stepSeconds)
        if bank.units > 0 {
            let share = Double(bank.units) / Double(heatPump.units)
            let powerFactor = heatPump.partLoad.powerFactor(loadRatio: min(1, lifted.heatPumpLoad / share))
            if share < 1 || powerFactor != 1 {
                lifted = lift(wanted: plan.wanted, routes, offers, share: share, powerFactor: powerFactor)
            }
            plan.add(lifted)
        }

        let output = plan.output
        let toDemand = min(output, servedDemand)
        let charge = output - toDemand
        let discharge = min(dischargeLimit, servedDemand - toDemand)
        state = HeatRecoveryState(tank: tank.next(charge: charge, discharge: discharge), bank: bank.next)
        return DispatchStep(
            heatPumpOutput: plan.heatPumpOutput, direct: plan.direct, preheat: plan.preheat,
            primaryTaken: plan.taken.0, secondaryTaken: plan.taken.1, compressorPower: plan.compressor,
            cop: plan.compressor > 0 ? plan.heatPumpOutput / plan.compressor : 0,
            delivered: toDemand + discharge, charge: charge, discharge: discharge, storageLoss: tank.loss / stepSeconds,
            nextStorageEnergy: state.tank.energy(in: storage, returnTemperature: dhReturn),
            unitsRunning: bank.units, starts: bank.started, outsideMap: plan.outsideMap)
    }

    /// The heat pump's routes filled in order (primary source first) with `share` of the bank's capacity
    /// and the compressor at `powerFactor` times its full-load power.
    @inline(__always)
    func lift(wanted: Double, _ routes: (Route, Route), _ offers: (Double, Double), share: Double,
              powerFactor: Double) -> DispatchPlan {
        var lifted = DispatchPlan(wanted: wanted)
        let capacity = heatPump.capacity.value * share
        lifted.takeLifted(routes.0, offer: offers.0, source: 0, capacity: capacity, powerFactor: powerFactor)
        lifted.takeLifted(routes.1, offer: offers.1, source: 1, capacity: capacity, powerFactor: powerFactor)
        return lifted
    }

    /// The two ways a source's heat can reach the network this step: straight through an exchanger, and
    /// through the heat pump (possibly after pre-heating the DH return).
    func routes(for offer: HeatSourceOffer, dhSupply: Double, dhReturn: Double) -> (direct: Route, lifted: Route) {
        let approach = exchange.approach.value
        let span = offer.inlet - offer.outlet
        var directShare = 0.0
        var liftedSourceIn = offer.inlet
        var sinkIn = dhReturn
        if exchange.direct, offer.inlet - approach >= dhSupply {
            let coldEnd = max(offer.outlet, dhReturn + approach)
            directShare = span > 0 ? min(1, max(0, (offer.inlet - coldEnd) / span)) : 1
            liftedSourceIn = min(offer.inlet, coldEnd)
        } else if exchange.preheat, offer.inlet - approach > dhReturn, dhSupply > dhReturn {
            sinkIn = offer.inlet - approach
        }
        let direct = Route(sourceShare: directShare, preheatShare: 1, cop: .infinity, capacityFactor: 1, outsideMap: false)
        let point = heatPump.cop.cop(source: (liftedSourceIn, offer.outlet), sink: (sinkIn, dhSupply),
                                     maximum: heatPump.maximumCOP)
        let preheatShare = dhSupply > dhReturn ? (sinkIn - dhReturn) / (dhSupply - dhReturn) : 0
        let capacityFactor = point.capacityFactor * (heatPump.ratedCapacity?.factor(sourceOutlet: offer.outlet) ?? 1)
        let lifted = Route(sourceShare: 1 - directShare, preheatShare: preheatShare, cop: point.cop,
                           capacityFactor: capacityFactor, outsideMap: point.outsideMap)
        return (direct, lifted)
    }
}

/// One way of moving a source's heat to the network. Per watt of output a share `preheatShare` comes
/// from the source without a compressor, the rest from the heat pump at `cop`.
struct Route {
    /// Share of the source's offered heat this route may use.
    var sourceShare: Double
    var preheatShare: Double
    var cop: Double
    var capacityFactor: Double
    var outsideMap: Bool

    /// Routes of a source that offers nothing (never taken).
    static let unused = (direct: Route(sourceShare: 0, preheatShare: 0, cop: 1, capacityFactor: 1, outsideMap: false),
                         lifted: Route(sourceShare: 0, preheatShare: 0, cop: 1, capacityFactor: 1, outsideMap: false))

    /// Source heat drawn per watt of output: `s + (1 − s)(1 − k/COP)`, with the compressor drawing `k`
    /// times its full-load power (`HeatPumpPartLoad.powerFactor`).
    func sourcePerOutput(powerFactor k: Double) -> Double { preheatShare + (1 - preheatShare) * (1 - k / cop) }
}

/// Running totals while routes are filled in order. W.
struct DispatchPlan {
    /// Output still wanted.
    var wanted: Double
    var taken = (0.0, 0.0)
    var direct = 0.0
    var preheat = 0.0
    var heatPumpOutput = 0.0
    var compressor = 0.0
    /// Share of the heat-pump bank's capacity in use (0…1).
    var heatPumpLoad = 0.0
    var outsideMap = false

    var output: Double { direct + preheat + heatPumpOutput }

    mutating func record(taken heat: Double, source: Int) {
        if source == 0 { taken.0 += heat } else { taken.1 += heat }
    }

    /// Direct exchange: output equals the source heat taken.
    mutating func takeDirect(_ route: Route, offer: Double, source: Int) {
        guard route.sourceShare > 0, wanted > 0, offer > 0 else { return }
        let heat = min(wanted, route.sourceShare * offer)
        record(taken: heat, source: source)
        direct += heat
        wanted -= heat
    }

    /// Heat pump, with pre-heating where the route has it: output `x` draws `x·sourcePerOutput` from the
    /// source and puts `x(1 − s)` through the heat pump, whose compressor draws `powerFactor` times its
    /// full-load power for that output.
    mutating func takeLifted(_ route: Route, offer: Double, source: Int, capacity: Double, powerFactor: Double) {
        let available = route.sourceShare * offer
        let pumpShare = 1 - route.preheatShare
        guard available > 0, wanted > 0, heatPumpLoad < 1 else { return }
        var output = min(wanted, available / route.sourcePerOutput(powerFactor: powerFactor))
        let pumpCapacity = capacity * route.capacityFactor
        if pumpShare > 0 { output = min(output, (1 - heatPumpLoad) * pumpCapacity / pumpShare) }
        guard output > 0 else { return }
        let pumped = output * pumpShare
        let work = pumped * powerFactor / route.cop
        record(taken: output - work, source: source)
        preheat += output - pumped
        heatPumpOutput += pumped
        compressor += work
        heatPumpLoad += pumpCapacity > 0 ? pumped / pumpCapacity : 1
        outsideMap = outsideMap || route.outsideMap
        wanted -= output
    }

    mutating func add(_ other: DispatchPlan) {
        taken.0 += other.taken.0
        taken.1 += other.taken.1
        direct += other.direct
        preheat += other.preheat
        heatPumpOutput += other.heatPumpOutput
        compressor += other.compressor
        outsideMap = outsideMap || other.outsideMap
        wanted = other.wanted
    }
}

/// What the heat recovery carries from one step to the next: the tank and the heat-pump bank.
public struct HeatRecoveryState: Sendable, Equatable {
    public var tank: TankState
    public var bank: HeatPumpBankState

    public init(tank: TankState, bank: HeatPumpBankState = .off) {
        self.tank = tank
        self.bank = bank
    }

    /// The tank half full at the network's highest supply temperature, every unit off. A seasonal pit store
    /// starts the year empty: half of it would be heat the year did not make (2 GWh for 150,000 m³).
    public init(_ recovery: HeatRecovery) {
        let startShare = recovery.storage.volume > 0 && recovery.storage.pit == nil ? 0.5 : 0
        self.init(tank: TankState(hotShare: startShare,
                                  hotTemperature: recovery.network.supplyCurve.points.map(\.temperature).max() ?? 0))
    }
}

/// Heat a loop offers this step (W): its return water enters at `inlet` and leaves at `outlet` (the
/// loop's supply setpoint), °C.
public struct HeatSourceOffer: Sendable, Equatable {
    public var heat: Double
    public var inlet: Double
    public var outlet: Double
    public init(heat: Double, inlet: Double, outlet: Double) {
        self.heat = heat
        self.inlet = inlet
        self.outlet = outlet
    }
    public static let none = HeatSourceOffer(heat: 0, inlet: 0, outlet: 0)
}

/// One dispatch step. Powers in W; storage energy in J.
public struct DispatchStep: Sendable, Equatable {
    /// Heat-pump condenser output.
    public var heatPumpOutput: Double
    /// Heat passed straight to the network by exchangers, and used to pre-heat its return.
    public var direct: Double
    public var preheat: Double
    /// Heat taken from the primary and the secondary source (evaporator + exchangers).
    public var primaryTaken: Double
    public var secondaryTaken: Double
    public var compressorPower: Double
    public var cop: Double
    public var delivered: Double
    public var charge: Double
    public var discharge: Double
    /// Standing loss of the tank, W.
    public var storageLoss: Double
    /// Energy in the tank at the end of the step (above the step's return), J.
    public var nextStorageEnergy: Double
    /// Heat-pump units running this step, and how many of them started at its beginning.
    public var unitsRunning: Int
    public var starts: Int
    /// A COP map was evaluated outside its table.
    public var outsideMap: Bool

    /// Everything put into the network side: exchangers and heat pump.
    public var output: Double { direct + preheat + heatPumpOutput }
}
