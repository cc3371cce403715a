/// Economiser option of a CRAC unit (closed family).
public enum CRACEconomiser: Sendable, Equatable {
    case none
    case airSide(AirEconomiser)
    case pumpedRefrigerant(PumpedRefrigerantEconomiser)
}

/// How the CRAC's coil moisture is treated (see `DXCoolingCoil`).
public enum CoilMoistureTreatment: Sendable, Equatable {
    /// Dry coil, SHR = 1: the curves are read at `returnWetBulb`, blended linearly with the outdoor
    /// wet bulb by the outdoor-air fraction (wet bulb follows enthalpy almost linearly, so mixing
    /// errs by a few tenths of a kelvin). The cheap default: data-centre return air carries no latent
    /// load. `returnWetBulb` is best set to the coil's dry-out wet bulb at design
    /// (`DXCoolingCoil.moisture(…).curveWetBulb`), which is what EnergyPlus reads the curves at.
    case dry(returnWetBulb: Celsius)
    /// EnergyPlus apparatus-dew-point / bypass-factor method every step at site pressure `pressure`
    /// Pa: latent removal when outdoor air wets the coil. Costs microseconds per step.
    case apparatusDewPoint(pressure: Double)
}

/// A computer-room air conditioner: DX coil, draw-through supply fan and an optional economiser,
/// as the EnergyPlus data-centre examples build it (`AirLoopHVAC` with `CoilSystem:Cooling:DX` →
/// `Coil:Cooling:DX:SingleSpeed`, then `Fan:VariableVolume`; `SetpointManager:MixedAir` lowers the
/// coil setpoint by the fan's temperature rise).
///
/// Air flow (`c_p = 1006 + 1860 W_return` J/(kg·K), ASHRAE Fundamentals 2017 ch. 1; mass flow from
/// volume at the coil's standard density):
///
///     variable volume: ṁ = clamp(Q_load / (c_p (T_return − T_supply,set)), ff_min ṁ_max, ṁ_max)
///     constant volume: ṁ = ṁ_max
///     T_supply = max(T_supply,set, T_return − Q_load / (ṁ c_p))   (floats up at minimum flow)
///     T_coil,set = T_supply − Q_fan / (ṁ c_p)
///     T_mixed = T_return + f (T_outdoor − T_return)               (f = outdoor-air fraction)
///     Q_coil,s = ṁ c_p (T_mixed − T_coil,set)
///
/// Energy balance (exact by construction, checked in tests):
/// `removed + Q_fan,air = Q_coil,s + Q_economiser`, `unmet = Q_load − removed`. Load that the air
/// flow cannot carry (`T_return` too close to the setpoint at full flow) or the coil cannot meet is
/// unmet. The step is pure, allocation-free and does no psychrometric solving in the `.dry` moisture
/// treatment.
public struct CRACUnit: Sendable, Equatable {
    public var coil: DXCoolingCoil
    public var fan: SupplyFan
    public var economiser: CRACEconomiser
    public var moisture: CoilMoistureTreatment

    public init(coil: DXCoolingCoil, fan: SupplyFan, economiser: CRACEconomiser, moisture: CoilMoistureTreatment) {
        self.coil = coil
        self.fan = fan
        self.economiser = economiser
        self.moisture = moisture
    }

    /// Maximum supply air mass flow, kg/s.
    public var designAirMassFlow: Double { fan.designFlow * coil.standardAirDensity }

    /// One step. Temperatures °C, humidity ratios kg/kg, load W (sensible heat the room air must lose).
    ///
    /// Stages, in order: the supply air flow and fan (`airFlow`), the outdoor-air mix (`outdoorAir`),
    /// the coil's inlet wet bulb and SHR (`coilInlet`), the economiser's mode (`coilControl`), then
    /// the coil. The stages are split for reading only; they inline back into one kernel.
    public func step(sensibleLoad: Double, returnTemperature: Double, returnHumidityRatio: Double,
                     supplySetpoint: Double, outdoorDryBulb: Double, outdoorWetBulb: Double,
                     outdoorHumidityRatio: Double) -> CRACStep {
        let load = max(0, sensibleLoad)
        let air = airFlow(load: load, returnTemperature: returnTemperature,
                          returnHumidityRatio: returnHumidityRatio, supplySetpoint: supplySetpoint)
        let mix = outdoorAir(air, returnTemperature: returnTemperature, outdoorDryBulb: outdoorDryBulb,
                             outdoorHumidityRatio: outdoorHumidityRatio)

        guard mix.coilLoad > 0 else {
            return CRACStep(removed: air.carried, coilSensible: 0, coilLatent: 0, economiserHeat: mix.economiserHeat,
                            compressorPower: 0, fanPower: air.fanPower, fanHeat: air.fanHeat, pumpPower: 0,
                            flowFraction: air.flowFraction, outdoorAirFraction: mix.outdoorFraction,
                            supplyTemperature: air.supply, runtimeFraction: 0, mode: .free, unmet: load - air.carried,
                            curvesClamped: false)
        }

        let inlet = coilInlet(air, mix, returnHumidityRatio: returnHumidityRatio, outdoorDryBulb: outdoorDryBulb,
                              outdoorWetBulb: outdoorWetBulb, outdoorHumidityRatio: outdoorHumidityRatio)
        let control = coilControl(mix, enteringWetBulb: inlet.wetBulb, outdoorDryBulb: outdoorDryBulb)
        let result = coil.step(sensibleLoad: mix.coilLoad, enteringWetBulb: inlet.wetBulb,
                               outdoorDryBulb: outdoorDryBulb, flowFraction: air.mass / coil.ratedAirMassFlow,
                               sensibleHeatRatio: inlet.sensibleHeatRatio,
                               eirModifierOverride: control.eirModifierOverride,
                               appliesCompressorLockout: control.appliesCompressorLockout)
        // Only a pumped-refrigerant economiser has a free mode here: its pump draws the coil's power.
        let pumpOnly = control.mode == .free
        let removed = air.carried - result.unmetSensible
        return CRACStep(removed: removed, coilSensible: result.sensibleRemoved, coilLatent: result.latentRemoved,
                        economiserHeat: mix.economiserHeat, compressorPower: pumpOnly ? 0 : result.power,
                        fanPower: air.fanPower, fanHeat: air.fanHeat, pumpPower: pumpOnly ? result.power : 0,
                        flowFraction: air.flowFraction, outdoorAirFraction: mix.outdoorFraction,
                        supplyTemperature: air.supply, runtimeFraction: result.runtimeFraction, mode: control.mode,
                        unmet: load - removed, curvesClamped: result.curvesClamped)
    }

    // MARK: Stages of a step

    /// The supply air stream of one step and the fan that moves it.
    struct AirFlow {
        /// ṁ / ṁ_max.
        var flowFraction: Double
        /// Supply air mass flow ṁ, kg/s.
        var mass: Double
        /// ṁ c_p, W/K.
        var capacityRate: Double
        /// Supply temperature T_supply, °C (floats above the setpoint at minimum flow).
        var supply: Double
        /// Sensible heat the supply air takes from the room, ṁ c_p (T_return − T_supply), W.
        var carried: Double
        /// Fan electric power, W, and the part of it that heats the air stream, W.
        var fanPower: Double, fanHeat: Double
        /// Coil leaving-air setpoint T_coil,set = T_supply − Q_fan / (ṁ c_p), °C.
        var coilSetpoint: Double
    }

    /// Air flow and fan (see the type's equations): variable volume follows the load between the fan's
    /// minimum fraction and full flow; constant volume runs at full flow. `load` is already ≥ 0.
    @inline(__always)
    func airFlow(load: Double, returnTemperature: Double, returnHumidityRatio: Double,
                 supplySetpoint: Double) -> AirFlow {
        let specificHeat = 1006 + 1860 * returnHumidityRatio
        let design = designAirMassFlow
        let roomDelta = returnTemperature - supplySetpoint
        let minimumFraction = fan.minimumFlowFraction
        var flowFraction = 1.0
        if case .variableVolume = fan.control, roomDelta > 0 {
            flowFraction = min(1, max(minimumFraction, load / (specificHeat * roomDelta * design)))
        }
        let mass = flowFraction * design
        let capacityRate = mass * specificHeat
        let supply = max(supplySetpoint, returnTemperature - load / capacityRate)
        let carried = capacityRate * (returnTemperature - supply)
        let fanPower = fan.power(flowFraction: flowFraction)
        let fanHeat = fan.heatToAir(power: fanPower)
        return AirFlow(flowFraction: flowFraction, mass: mass, capacityRate: capacityRate, supply: supply,
                       carried: carried, fanPower: fanPower, fanHeat: fanHeat,
                       coilSetpoint: supply - fanHeat / capacityRate)
    }

    /// Return and outdoor air mixed ahead of the coil.
    struct OutdoorAirMix {
        /// Outdoor-air fraction f (0 without an air-side economiser).
        var outdoorFraction: Double
        /// True when the air-side economiser opens beyond its minimum outdoor air.
        var economiserActive: Bool
        /// T_mixed = T_return + f (T_outdoor − T_return), °C.
        var mixed: Double
        /// Heat carried out by outdoor air replacing return air, W.
        var economiserHeat: Double
        /// Sensible load left for the coil, ṁ c_p (T_mixed − T_coil,set) ≥ 0, W.
        var coilLoad: Double
    }

    /// Outdoor air (air-side economiser only), the mixed-air temperature and the coil's sensible load.
    @inline(__always)
    func outdoorAir(_ air: AirFlow, returnTemperature: Double, outdoorDryBulb: Double,
                    outdoorHumidityRatio: Double) -> OutdoorAirMix {
        var outdoorFraction = 0.0
        var economiserActive = false
        if case .airSide(let economiser) = economiser {
            outdoorFraction = economiser.outdoorAirFraction(
                returnTemperature: returnTemperature, mixedSetpoint: air.coilSetpoint, outdoorDryBulb: outdoorDryBulb,
                outdoorHumidityRatio: outdoorHumidityRatio)
            economiserActive = outdoorFraction > economiser.minimumOutdoorAirFraction + 1e-9
        }
        let mixed = returnTemperature + outdoorFraction * (outdoorDryBulb - returnTemperature)
        return OutdoorAirMix(
            outdoorFraction: outdoorFraction, economiserActive: economiserActive, mixed: mixed,
            economiserHeat: air.capacityRate * (returnTemperature - max(mixed, air.coilSetpoint)),
            coilLoad: max(0, air.capacityRate * (mixed - air.coilSetpoint)))
    }

    /// The wet bulb the coil's curves are read at, °C, and its sensible heat ratio, by the moisture
    /// treatment: `.dry` blends wet bulbs linearly (SHR = 1); `.apparatusDewPoint` solves the coil's
    /// moisture state at the mixed inlet.
    @inline(__always)
    func coilInlet(_ air: AirFlow, _ mix: OutdoorAirMix, returnHumidityRatio: Double, outdoorDryBulb: Double,
                   outdoorWetBulb: Double, outdoorHumidityRatio: Double)
        -> (wetBulb: Double, sensibleHeatRatio: Double) {
        switch moisture {
        case .dry(let returnWetBulb):
            return (returnWetBulb.value + mix.outdoorFraction * (outdoorWetBulb - returnWetBulb.value), 1.0)
        case .apparatusDewPoint(let pressure):
            let humidity = returnHumidityRatio + mix.outdoorFraction * (outdoorHumidityRatio - returnHumidityRatio)
            let state = coil.moisture(inletDryBulb: mix.mixed, inletHumidityRatio: humidity,
                                      outdoorDryBulb: outdoorDryBulb, flowFraction: air.mass / coil.ratedAirMassFlow,
                                      pressure: pressure)
            return (state.curveWetBulb, state.sensibleHeatRatio)
        }
    }

    /// The cooling mode the economiser sets and how the DX coil runs in it: mechanical without an
    /// economiser; partial while an air-side economiser is open; for a pumped-refrigerant economiser its
    /// mode, whose own EIRFT replaces the coil's outside mechanical mode and which lifts the compressor
    /// lockout in pump-only (free) mode, where the coil's power is the pump's.
    @inline(__always)
    func coilControl(_ mix: OutdoorAirMix, enteringWetBulb: Double, outdoorDryBulb: Double)
        -> (mode: CoolingMode, eirModifierOverride: Double?, appliesCompressorLockout: Bool) {
        switch economiser {
        case .none:
            return (.mechanical, nil, true)
        case .airSide:
            return (mix.economiserActive ? .partial : .mechanical, nil, true)
        case .pumpedRefrigerant(let pumped):
            let mode = pumped.mode(outdoorDryBulb: outdoorDryBulb)
            let eirModifier = mode == .mechanical
                ? nil : pumped.eirFunctionOfTemperature(enteringWetBulb, outdoorDryBulb)
            return (mode, eirModifier, mode != .free)
        }
    }
}

/// One CRAC step. Heats and powers in W, temperatures °C.
public struct CRACStep: Sendable, Equatable {
    /// Sensible heat taken from the room air.
    public var removed: Double
    public var coilSensible: Double
    public var coilLatent: Double
    /// Heat carried out by outdoor air replacing return air.
    public var economiserHeat: Double
    /// Compressor + condenser fan electric power.
    public var compressorPower: Double
    public var fanPower: Double
    /// Part of the fan power that heats the air stream.
    public var fanHeat: Double
    /// Refrigerant pump power (pumped-refrigerant economiser in pump-only mode).
    public var pumpPower: Double
    public var flowFraction: Double
    public var outdoorAirFraction: Double
    public var supplyTemperature: Double
    public var runtimeFraction: Double
    public var mode: CoolingMode
    /// Sensible load not met.
    public var unmet: Double
    public var curvesClamped: Bool

    /// Total electric power of the unit, W.
    public var power: Double { compressorPower + fanPower + pumpPower }
}
