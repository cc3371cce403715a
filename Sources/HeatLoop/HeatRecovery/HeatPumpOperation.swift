import Foundation

/// How the heat-pump bank is run (issue 17 item 2): parallel units staged one by one, each between its
/// minimum part load and full load, with a minimum run time and a minimum off time.
///
/// Each step the bank wants `n* = ⌈x⌉` units for a wanted output of `x` units' worth (0 when `x` is below
/// one unit's minimum part load). Then:
/// - a stopped bank with a tank stays off while the tank's hot layer is above `HeatStorage.restartBelow`
///   and the tank can cover the step's demand (charge/discharge hysteresis: the heat pump charges the
///   tank full, then rests until it is half empty, instead of topping it up every step);
/// - units start only when no unit has stopped within the minimum off time;
/// - units stop only when no unit has started within the minimum run time; until then the running
///   units share the output down to their minimum part load. Below it (the tank is full and the
///   network takes less than the units' minimum) they stop anyway: a low-load trip, which the heat
///   pump's own protection would force, since nothing else takes the heat.
///
/// The rules are on the bank, not on each unit: "no stop within the minimum run time of the last start"
/// is exact for one unit and, with the lead unit rotated as operators do to even the wear (first
/// started, first stopped), stricter than per-unit timers. The rotation also gives every unit the bank's
/// mean starts and run hours, the figures the results report per unit.
///
/// *Defaults* 30 min run and 20 min off. Large compressors limit their starts to protect motor and
/// starter: Trane's CH530-controlled centrifugal chillers inhibit a restart for a
/// start-to-start time of 10–30 min (default 20 min, after 3 "free" starts; Trane CVGF and CDHF
/// manuals, "Restart Inhibit"). 20 min off is that default; 30 min run is the top of its range, so a
/// unit's cycle lasts at least 50 min. They are settings of the plant's control, not physics: change
/// them to the machine's.
/// Because the timers are in seconds, not steps, starts do not grow with the step count.
public struct HeatPumpOperation: Sendable, Equatable {
    /// Least time a unit runs once started, s.
    public var minimumRunTime: Double
    /// Least time between a unit stopping and a unit starting, s.
    public var minimumOffTime: Double

    public init(minimumRunTime: Double, minimumOffTime: Double) {
        self.minimumRunTime = minimumRunTime
        self.minimumOffTime = minimumOffTime
    }

    /// No timers: the bank follows the wanted output every step.
    public static let unconstrained = HeatPumpOperation(minimumRunTime: 0, minimumOffTime: 0)
}

/// The bank's state between steps.
public struct HeatPumpBankState: Sendable, Equatable {
    /// Units running in the step just done.
    public var unitsRunning: Int
    /// Time since a unit last started and since a unit last stopped, s (∞: never).
    public var sinceStart: Double
    public var sinceStop: Double

    public init(unitsRunning: Int, sinceStart: Double = .infinity, sinceStop: Double = .infinity) {
        self.unitsRunning = unitsRunning
        self.sinceStart = sinceStart
        self.sinceStop = sinceStop
    }

    /// All units stopped long ago.
    public static let off = HeatPumpBankState(unitsRunning: 0)
}

/// The units a step runs and the bank's state after it.
struct BankDecision {
    var units: Int
    var started: Int
    var next: HeatPumpBankState
}

extension HeatPump {
    /// Units to run this step for a wanted output of `load` × the bank's capacity (0…1), given the bank's
    /// state; `canRest`: a stopped bank may stay off (its tank covers the step).
    @inline(__always)
    func operate(load: Double, bank: HeatPumpBankState, canRest: Bool, stepSeconds: Double) -> BankDecision {
        let unitLoads = load * Double(units)
        var wanted = unitLoads >= minimumPartLoad && unitLoads > 0 ? min(units, Int((unitLoads - 1e-9).rounded(.up))) : 0
        if bank.unitsRunning == 0, canRest { wanted = 0 }
        let running = bank.unitsRunning
        var units = wanted
        if wanted > running, bank.sinceStop < operation.minimumOffTime {
            units = running
        } else if wanted < running, bank.sinceStart < operation.minimumRunTime,
                  unitLoads >= minimumPartLoad * Double(running) {
            units = running
        }
        let started = max(0, units - running), stopped = max(0, running - units)
        let next = HeatPumpBankState(
            unitsRunning: units,
            sinceStart: started > 0 ? stepSeconds : bank.sinceStart + stepSeconds,
            sinceStop: stopped > 0 ? stepSeconds : bank.sinceStop + stepSeconds)
        return BankDecision(units: units, started: started, next: next)
    }
}
