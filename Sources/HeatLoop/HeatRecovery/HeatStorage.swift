/// A stratified hot-water tank between the heat pump and the DH network (issue 17 item 5).
///
/// The tank holds a hot layer (share `f` of the volume, at `T_hot`) above cold water at the network's
/// return temperature. Its energy is counted from the temperatures of the step, not from the design span:
///
///     E      = ρ c_p V f (T_hot − T_DH,return)                        stored, J
///     room   = ρ c_p V (1 − f)(T_DH,supply − T_DH,return)              what charging can still add, J
///     charge:    f' = f + Q_c Δt / (ρ c_p V (T_DH,supply − T_DH,return)),
///                T_hot' = (f T_hot + (f' − f) T_DH,supply) / f'       (hot water enters at the supply)
///     discharge: f' = f − Q_d Δt / (ρ c_p V (T_hot − T_DH,return))    (hot water leaves at T_hot)
///     loss:      T_hot' = T_hot − L Δt / (ρ c_p V f)                   (the hot layer cools)
///
/// so a 1000 m³ tank spanning 55 → 35 °C in summer holds 20/35 of what the winter span 70 → 35 °C gives
/// (the old model's `E_max` at the highest supply all year was 75 % too large in summer). The standing
/// loss is a share of the stored energy per day. A hot layer below the current supply (the supply curve
/// rose since it was charged) is still delivered: the network then runs a few kelvin under its curve for
/// as long as the tank covers the demand. When the return temperature changes, the stored energy is
/// re-counted against the new return (the cold layer is taken at the return of the step).
///
/// A seasonal pit store (`pit`) is the same stratified water body with its loss to the lid's air and the
/// soil (`PitStorage`) instead of a share per day; its losses cool the hot layer likewise. A loss never
/// exceeds the energy stored, and heat gained from air warmer than the store is not counted.
public struct HeatStorage: Sendable, Equatable {
    /// Tank volume, m³.
    public var volume: Double
    public var maximumCharge: Watts
    public var maximumDischarge: Watts
    /// Share of stored energy lost per day (0…1); not used by a pit store.
    public var lossPerDay: Double
    /// A seasonal pit store's geometry and losses to air and soil, or nil for a tank.
    public var pit: PitStorage?
    /// A stopped heat pump restarts when the hot layer falls below this share of the tank (0…1), or when
    /// the tank cannot cover the step's demand (`HeatPumpOperation`).
    public var restartBelow: Double

    public init(volume: Double, maximumCharge: Watts, maximumDischarge: Watts, lossPerDay: Double,
                restartBelow: Double = 0.5, pit: PitStorage? = nil) {
        self.volume = volume
        self.maximumCharge = maximumCharge
        self.maximumDischarge = maximumDischarge
        self.lossPerDay = lossPerDay
        self.restartBelow = restartBelow
        self.pit = pit
    }

    /// Heat capacity of the whole tank, J/K: `ρ c_p V`.
    @inlinable public var heatCapacity: Double { Fluid.waterDensity * Fluid.waterSpecificHeat * volume }

    /// Energy the full tank holds between `supply` and `return`, J (`ρ c_p V (T_s − T_r)`).
    public func capacity(supply: Celsius, return returnTemperature: Celsius) -> Joules {
        Joules(heatCapacity * max(0, (supply - returnTemperature).value))
    }

    public static let none = HeatStorage(volume: 0, maximumCharge: .zero, maximumDischarge: .zero, lossPerDay: 0)
}

/// The tank's state between steps.
public struct TankState: Sendable, Equatable {
    /// Share of the volume that is hot water (0…1).
    public var hotShare: Double
    /// Temperature of the hot layer, °C.
    public var hotTemperature: Double

    public init(hotShare: Double, hotTemperature: Double) {
        self.hotShare = hotShare
        self.hotTemperature = hotTemperature
    }

    /// Energy stored above `returnTemperature`, J.
    @inlinable
    public func energy(in tank: HeatStorage, returnTemperature: Double) -> Double {
        tank.heatCapacity * hotShare * max(0, hotTemperature - returnTemperature)
    }
}

/// One step of the tank: what it can take and give, and its state after the flows.
struct TankStep {
    let tank: HeatStorage
    let state: TankState
    let supply: Double, returnTemperature: Double, stepSeconds: Double
    /// Stored energy at the start of the step and its standing loss over the step, J.
    let energy: Double, loss: Double

    @inline(__always)
    init(tank: HeatStorage, state: TankState, supply: Double, returnTemperature: Double, outdoor: Double,
         stepSeconds: Double) {
        self.tank = tank
        self.state = state
        self.supply = supply
        self.returnTemperature = returnTemperature
        self.stepSeconds = stepSeconds
        energy = state.energy(in: tank, returnTemperature: returnTemperature)
        if let pit = tank.pit {
            let power = pit.loss(hotShare: state.hotShare, hot: state.hotTemperature,
                                 returnTemperature: returnTemperature, air: outdoor)
            loss = min(energy, max(0, power) * stepSeconds)
        } else {
            loss = energy * tank.lossPerDay * stepSeconds / 86_400
        }
    }

    /// Highest charging power this step, W: the charger's limit or the room left.
    var chargeLimit: Double {
        min(tank.maximumCharge.value, tank.heatCapacity * (1 - state.hotShare) * max(0, supply - returnTemperature) / stepSeconds)
    }

    /// Highest discharging power this step, W.
    var dischargeLimit: Double { min(tank.maximumDischarge.value, max(0, energy - loss) / stepSeconds) }

    /// The state after charging `charge` and discharging `discharge` (W) over the step, and the loss.
    @inline(__always)
    func next(charge: Double, discharge: Double) -> TankState {
        let capacity = tank.heatCapacity
        guard capacity > 0 else { return state }
        var share = state.hotShare, hot = state.hotTemperature
        if loss > 0, share > 0 { hot -= loss / (capacity * share) }
        if discharge > 0, hot > returnTemperature {
            share -= discharge * stepSeconds / (capacity * (hot - returnTemperature))
        }
        if charge > 0, supply > returnTemperature {
            let added = charge * stepSeconds / (capacity * (supply - returnTemperature))
            let kept = max(0, share)
            hot = (kept * hot + added * supply) / (kept + added)
            share = kept + added
        }
        return TankState(hotShare: min(1, max(0, share)), hotTemperature: hot)
    }
}
