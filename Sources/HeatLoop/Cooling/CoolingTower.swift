/// An open (wet) cooling tower with a variable-speed fan on a constant-flow water circuit.
///
/// - Leaving water = wet bulb + `approach` (constant; *default* 3.9 K, the CTI rating point 95/85/78 °F
///   that Modelica Buildings' `YorkCalc` uses as nominal: range 10 °F = 5.56 K, approach 7 °F = 3.89 K).
/// - Water flow is constant at design, `ṁ = Q_design / (c_p · range)` (*default* range 5.6 K).
/// - Capacity at full fan speed scales with the entering water's difference to the wet bulb, as the dry
///   cooler's does with its ITD: `Q_full = Q_design · (T_water,in − T_wb) / (range + approach)`. Holding the
///   approach at part load then needs fan speed `φ = Q / Q_full` (clamped to [φ_min, 1]), fan power
///   `P_design · φ^n` (`AffinityMachine`). Above design heat the fan is at full speed and the leaving water
///   floats up: `T_leaving = T_wb + approach · Q / Q_design` (the same linear law, solved for T).
/// - Water, as the Cooling Technology Institute and the ASHRAE Handbook count it (kg/s):
///
///       E = 0.00085 · 1.8 · ṁ · (T_water,in − T_water,out)     evaporation (0.00085 per °F of range)
///       D = d · ṁ                                             drift (*default* d = 0.008 %)
///       B = max(0, E / (C − 1) − D)                           blow-down (*default* C = 4 cycles)
///       M = E + D + B                                         make-up
///
///   The evaporation factor 0.00085 per °F (0.00153 per K) of range is the latent share of the heat
///   rejected: E·h_fg / Q = 0.00153 · h_fg / c_p ≈ 0.89 at 2.44 MJ/kg; the rest leaves as sensible heat
///   of the air. Blow-down follows from the dissolved-solids balance M = C·(B + D), drift counting as
///   blow-down (EnergyPlus subtracts it too). Drift runs while the tower does.
/// Sources: Cooling Technology Institute, *Cooling Tower Fundamentals* (SPX, 2nd ed., 2009), "Evaporation
/// loss" and "Blowdown"; Perry's Chemical Engineers' Handbook 8th ed., §11 "Cooling towers"
/// (E = 0.00085 W_c (T₁ − T₂), gpm and °F); ASHRAE Handbook — HVAC Systems and Equipment 2020, ch. 40;
/// EnergyPlus 25.2 Engineering Reference, "Cooling Towers and Evaporative Fluid Coolers"; Modelica
/// Buildings `Fluid.HeatExchangers.CoolingTowers.YorkCalc`; DESIGN §3.4.
public struct CoolingTower: Sendable, Equatable {
    /// Heat rejected at design range and approach with the fan at full speed.
    public var designCapacity: Watts
    public var approach: TemperatureDelta
    /// Design cooling range of the water, `T_water,in − T_water,out`.
    public var range: TemperatureDelta
    public var fan: AffinityMachine
    /// Cycles of concentration (ratio of dissolved solids in blowdown to make-up), > 1.
    public var cyclesOfConcentration: Double
    /// Drift as a fraction (not %) of the circulating water flow.
    public var driftFraction: Double

    public init(designCapacity: Watts, approach: TemperatureDelta, range: TemperatureDelta, fan: AffinityMachine,
                cyclesOfConcentration: Double, driftFraction: Double) {
        self.designCapacity = designCapacity
        self.approach = approach
        self.range = range
        self.fan = fan
        self.cyclesOfConcentration = cyclesOfConcentration
        self.driftFraction = driftFraction
    }

    /// Evaporated share of the circulating water per kelvin of range: 0.00085 per °F × 1.8 °F/K
    /// (CTI, *Cooling Tower Fundamentals*; Perry's Handbook §11).
    public static let evaporationPerKelvinOfRange = 0.00085 * 1.8

    /// Circulating water, kg/s: `Q_design / (c_p · range)`.
    public var designWaterFlow: Double {
        range.value > 0 ? designCapacity.value / (Fluid.waterSpecificHeat * range.value) : 0
    }

    var circuit: FixedApproachCircuit {
        FixedApproachCircuit(designCapacity: designCapacity.value, approach: approach.value, range: range.value)
    }

    /// Water leaving the tower when it rejects `load` W: `T_wb + approach · max(1, Q / Q_design)`.
    public func leavingWater(load: Double, wetBulb: Double) -> Double {
        wetBulb + circuit.leavingAboveReference(load: load)
    }

    /// The most heat loop water entering a plate heat exchanger at `waterIn` °C with `flow` kg/s can give to
    /// this tower's water (see `FixedApproachCircuit.exchangerLimit`).
    public func exchangerLimit(waterIn: Double, flow: Double, exchangerApproach: Double, wetBulb: Double) -> Double {
        circuit.exchangerLimit(waterIn: waterIn, flow: flow, exchangerApproach: exchangerApproach, reference: wetBulb)
    }

    /// Rejects all of `load` W to air at `wetBulb` °C (the leaving water floats up when overloaded).
    public func step(load: Double, wetBulb: Double) -> CoolingTowerStep {
        let state = circuit.state(load: load)
        guard load > 0, designCapacity.value > 0 else {
            return CoolingTowerStep(leavingWater: wetBulb + state.leaving, enteringWater: wetBulb + state.entering,
                                    fanSpeed: 0, fanPower: 0, evaporation: 0, blowdown: 0, drift: 0)
        }
        let speed = min(1, max(fan.minimumFraction, state.fanSpeed))
        let flow = designWaterFlow
        let water = Self.water(circulating: flow, range: state.entering - state.leaving,
                               cyclesOfConcentration: cyclesOfConcentration, driftFraction: driftFraction)
        return CoolingTowerStep(
            leavingWater: wetBulb + state.leaving, enteringWater: wetBulb + state.entering,
            fanSpeed: speed, fanPower: fan.power(flowFraction: speed).value, evaporation: water.evaporation,
            blowdown: water.blowdown, drift: water.drift)
    }

    /// Evaporation, drift and blow-down, kg/s, of `circulating` kg/s cooled by `range` K (see the type):
    /// `E = 0.00153 ṁ R`, `D = d ṁ`, `B = max(0, E / (C − 1) − D)`.
    public static func water(circulating: Double, range: Double, cyclesOfConcentration: Double,
                             driftFraction: Double) -> (evaporation: Double, drift: Double, blowdown: Double) {
        let evaporation = evaporationPerKelvinOfRange * circulating * max(0, range)
        let drift = driftFraction * circulating
        let blowdown = cyclesOfConcentration > 1 ? max(0, evaporation / (cyclesOfConcentration - 1) - drift) : 0
        return (evaporation, drift, blowdown)
    }
}

/// One cooling-tower step. °C, W, water in kg/s.
public struct CoolingTowerStep: Sendable, Equatable {
    public var leavingWater: Double
    public var enteringWater: Double
    /// Fan speed fraction φ.
    public var fanSpeed: Double
    public var fanPower: Double
    public var evaporation: Double
    public var blowdown: Double
    public var drift: Double
    /// Make-up water M = E + D + B, kg/s.
    public var waterUse: Double { evaporation + blowdown + drift }
}

/// The water circuit shared by a cooling tower and a dry cooler used as a chiller's heat sink: constant
/// flow `ṁ = Q_d / (c_p R)`, leaving water held at `reference + A` while the heat is at most `Q_d`, capacity at
/// full fan speed linear in the entering water's difference to the reference (wet bulb, or coil air inlet).
/// All temperatures are relative to the reference, K.
struct FixedApproachCircuit: Sendable, Equatable {
    var designCapacity: Double
    var approach: Double
    var range: Double

    /// `A · max(1, Q / Q_d)`: solving `Q = Q_d (T_in − T_ref) / (R + A)` with `T_in = T_out + R Q / Q_d`
    /// for `T_out` gives `A Q / Q_d` at full fan speed; below design the fan slows to hold `A`.
    @inline(__always)
    func leavingAboveReference(load: Double) -> Double {
        guard designCapacity > 0 else { return approach }
        return approach * max(1, load / designCapacity)
    }

    /// Leaving and entering water above the reference (K) and the fan speed that holds the approach,
    /// `φ = Q / Q_full` with `Q_full = Q_d (T_in − T_ref) / (R + A)` (1 at and above design); the entering
    /// water is `R · Q / Q_d` warmer than the leaving at constant design flow.
    @inline(__always)
    func state(load: Double) -> (leaving: Double, entering: Double, fanSpeed: Double) {
        guard designCapacity > 0 else { return (approach, approach, 0) }
        let ratio = load / designCapacity
        let leaving = approach * max(1, ratio)
        let entering = leaving + range * ratio
        return (leaving, entering, entering > 0 ? ratio * (range + approach) / entering : 0)
    }

    /// The most heat loop water (`flow` kg/s entering at `waterIn`) can give through a plate heat exchanger
    /// of approach `A_hx` to this circuit: the loop water cannot leave colder than the circuit's water
    /// + `A_hx`, and the circuit's water warms when the heat exceeds `Q_d`:
    ///
    ///     Q = ṁ c_p (T_in − A_hx − T_ref − A · max(1, Q / Q_d))
    ///
    /// solved in closed form: `Q₁ = ṁ c_p (T_in − A_hx − T_ref − A)` when `Q₁ ≤ Q_d`, else
    /// `Q = ṁ c_p (T_in − A_hx − T_ref) / (1 + ṁ c_p A / Q_d)` (continuous at `Q_d`). Never negative.
    func exchangerLimit(waterIn: Double, flow: Double, exchangerApproach: Double, reference: Double) -> Double {
        let capacityRate = flow * Fluid.waterSpecificHeat
        let difference = waterIn - exchangerApproach - reference
        let atApproach = capacityRate * (difference - approach)
        guard atApproach > designCapacity, designCapacity > 0 else { return max(0, atApproach) }
        return capacityRate * difference / (1 + capacityRate * approach / designCapacity)
    }
}
