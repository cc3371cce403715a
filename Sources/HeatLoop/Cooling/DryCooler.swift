/// A dry (closed-circuit, air-blast) cooler with optional adiabatic pre-cooling of its inlet air.
///
/// - Leaving water cannot be colder than `T_air,in + approach`.
/// - Capacity at full fan speed scales with the inlet temperature difference (ITD):
///   `Q_full = Q_design · (T_water,in − T_air,in) / ITD_design` (manufacturers rate dry coolers per K of
///   ITD; Eurovent RS 7/C/005), so `Q_max = min(Q_full, ṁ c_p (T_water,in − T_air,in − approach))`.
/// - Fan speed fraction `φ = Q / Q_max` clamped to [φ_min, 1], fan power `P_design φ^n`.
/// - Adiabatic pads above `switch` temperature: `T_air,in = T_db − ε (T_db − T_wb)`. Adiabatic
///   saturation keeps the air's enthalpy, so the water evaporated takes the sensible heat the air loses,
///   `E = ṁ_air c_p,air (T_db − T_air,in) / h_fg` (ASHRAE Handbook — Fundamentals 2017 ch. 1, "Adiabatic
///   saturation"; HVAC Applications 2019 ch. 53 "Evaporative cooling"); the pads' sump is bled to hold
///   the dissolved solids at `C` cycles of concentration, `B = E / (C − 1)` (the same solids balance as a
///   cooling tower's blow-down, no drift), so the water used is `E + B`.
///
/// As a water-cooled chiller's heat sink (`condenserStep`) the cooler runs a closed circuit at constant
/// flow `ṁ = Q_design / (c_p (ITD_design − approach))` and holds its leaving water at `T_air,in + approach`
/// up to design heat; above it the fans are at full speed and the water floats up to
/// `T_air,in + approach · Q / Q_design` (the same ITD law solved for the leaving water; see
/// `FixedApproachCircuit`). The fan speed that holds the approach is `φ = Q / Q_full`.
public struct DryCooler: Sendable, Equatable {
    public var designCapacity: Watts
    public var designInletDifference: TemperatureDelta
    public var approach: TemperatureDelta
    public var fan: AffinityMachine
    /// Air mass flow at full fan speed, kg/s.
    public var designAirFlow: KilogramsPerSecond
    public var adiabatic: AdiabaticPrecooling?

    public init(designCapacity: Watts, designInletDifference: TemperatureDelta, approach: TemperatureDelta,
                fan: AffinityMachine, designAirFlow: KilogramsPerSecond, adiabatic: AdiabaticPrecooling?) {
        self.designCapacity = designCapacity
        self.designInletDifference = designInletDifference
        self.approach = approach
        self.fan = fan
        self.designAirFlow = designAirFlow
        self.adiabatic = adiabatic
    }

    /// Air temperature entering the coil, after adiabatic pads when they are on.
    public func airInlet(dryBulb: Double, wetBulb: Double) -> Double {
        guard let adiabatic, dryBulb > adiabatic.switchTemperature.value else { return dryBulb }
        return dryBulb - adiabatic.effectiveness * (dryBulb - wetBulb)
    }

    /// The most heat the cooler can remove from water entering at `waterIn` with mass flow `flow`.
    public func maximumHeat(waterIn: Double, airIn: Double, flow: Double) -> Double {
        let full = designCapacity.value * (waterIn - airIn) / designInletDifference.value
        let approachLimit = flow * Fluid.waterSpecificHeat * (waterIn - airIn - approach.value)
        return max(0, min(full, approachLimit))
    }

    /// Removes up to `load` W; returns what it removed, its fan power and water use.
    public func step(load: Double, waterIn: Double, flow: Double, dryBulb: Double,
                                wetBulb: Double) -> DryCoolerStep {
        let airIn = airInlet(dryBulb: dryBulb, wetBulb: wetBulb)
        let capacity = maximumHeat(waterIn: waterIn, airIn: airIn, flow: flow)
        guard capacity > 0, load > 0 else {
            return DryCoolerStep(removed: 0, capacity: capacity, fanPower: 0, waterUse: 0, leavingWater: waterIn)
        }
        let removed = min(load, capacity)
        let speed = min(1, max(fan.minimumFraction, removed / capacity))
        return DryCoolerStep(removed: removed, capacity: capacity, fanPower: fan.power(flowFraction: speed).value,
                             waterUse: padWater(speed: speed, dryBulb: dryBulb, airIn: airIn),
                             leavingWater: waterIn - removed / (flow * Fluid.waterSpecificHeat))
    }

    /// Pad water used at fan speed `speed`, kg/s: evaporation `ṁ_air c_p (T_db − T_air,in) / h_fg` and the
    /// bleed `E / (C − 1)` (see the type).
    func padWater(speed: Double, dryBulb: Double, airIn: Double) -> Double {
        guard let adiabatic else { return 0 }
        let evaporation = designAirFlow.value * speed * Fluid.airSpecificHeat * (dryBulb - airIn) / Fluid.waterLatentHeat
        return evaporation + adiabatic.bleed(evaporation: evaporation)
    }

    var circuit: FixedApproachCircuit {
        FixedApproachCircuit(designCapacity: designCapacity.value, approach: approach.value,
                             range: max(0, designInletDifference.value - approach.value))
    }

    /// Water leaving the cooler's closed circuit when it rejects `load` W as a chiller's heat sink.
    public func condenserLeavingWater(load: Double, dryBulb: Double, wetBulb: Double) -> Double {
        airInlet(dryBulb: dryBulb, wetBulb: wetBulb) + circuit.leavingAboveReference(load: load)
    }

    /// The most heat loop water can give through a plate heat exchanger to the cooler's closed circuit.
    public func exchangerLimit(waterIn: Double, flow: Double, exchangerApproach: Double, dryBulb: Double,
                               wetBulb: Double) -> Double {
        circuit.exchangerLimit(waterIn: waterIn, flow: flow, exchangerApproach: exchangerApproach,
                               reference: airInlet(dryBulb: dryBulb, wetBulb: wetBulb))
    }

    /// Rejects all of `load` W from its closed circuit (a chiller condenser and/or economiser exchanger).
    public func condenserStep(load: Double, dryBulb: Double, wetBulb: Double) -> DryCoolerStep {
        let airIn = airInlet(dryBulb: dryBulb, wetBulb: wetBulb)
        let state = circuit.state(load: load)
        let leaving = airIn + state.leaving
        guard load > 0, designCapacity.value > 0 else {
            return DryCoolerStep(removed: 0, capacity: designCapacity.value, fanPower: 0, waterUse: 0, leavingWater: leaving)
        }
        let neededSpeed = state.fanSpeed
        let speed = min(1, max(fan.minimumFraction, neededSpeed))
        // Capacity at full fan speed with the circuit's water entering as it does now.
        return DryCoolerStep(removed: load, capacity: neededSpeed > 0 ? load / neededSpeed : 0,
                             fanPower: fan.power(flowFraction: speed).value,
                             waterUse: padWater(speed: speed, dryBulb: dryBulb, airIn: airIn), leavingWater: leaving)
    }
}

/// Evaporative pads in front of a dry cooler's coil.
public struct AdiabaticPrecooling: Sendable, Equatable {
    /// Dry bulb above which the pads are wetted.
    public var switchTemperature: Celsius
    /// Saturation effectiveness ε (*default* 0.7).
    public var effectiveness: Double
    /// Cycles of concentration C of the pads' sump water, > 1 (*default* 3, `AdiabaticSpec`).
    public var cyclesOfConcentration: Double
    public init(switchTemperature: Celsius, effectiveness: Double, cyclesOfConcentration: Double) {
        self.switchTemperature = switchTemperature
        self.effectiveness = effectiveness
        self.cyclesOfConcentration = cyclesOfConcentration
    }

    /// Bleed-off, kg/s, holding the sump at `cyclesOfConcentration` while `evaporation` kg/s evaporates:
    /// `B = E / (C − 1)`.
    public func bleed(evaporation: Double) -> Double {
        cyclesOfConcentration > 1 ? evaporation / (cyclesOfConcentration - 1) : 0
    }
}

/// One step of a dry cooler. Powers in W, water in kg/s.
public struct DryCoolerStep: Sendable, Equatable {
    public var removed: Double
    public var capacity: Double
    public var fanPower: Double
    /// Pad water used (evaporation + bleed), kg/s.
    public var waterUse: Double
    /// Water leaving the cooler, °C.
    public var leavingWater: Double
}
