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
    public func step(sensibleLoad: Double, returnTemperature: Double, returnHumidityRatio: Double,
                     supplySetpoint: Double, outdoorDryBulb: Double, outdoorWetBulb: Double,
                     outdoorHumidityRatio: Double) -> CRACStep {
        let load = max(0, sensibleLoad)
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
        let coilSetpoint = supply - fanHeat / capacityRate

        // Outdoor air (air-side economiser only).
        var outdoorFraction = 0.0
        var economiserActive = false
        if case .airSide(let economiser) = economiser {
            outdoorFraction = economiser.outdoorAirFraction(
                returnTemperature: returnTemperature, mixedSetpoint: coilSetpoint, outdoorDryBulb: outdoorDryBulb,
                outdoorHumidityRatio: outdoorHumidityRatio)
            economiserActive = outdoorFraction > economiser.minimumOutdoorAirFraction + 1e-9
        }
        let mixed = returnTemperature + outdoorFraction * (outdoorDryBulb - returnTemperature)
        let economiserHeat = capacityRate * (returnTemperature - max(mixed, coilSetpoint))
        let coilLoad = max(0, capacityRate * (mixed - coilSetpoint))

        guard coilLoad > 0 else {
            return CRACStep(removed: carried, coilSensible: 0, coilLatent: 0, economiserHeat: economiserHeat,
                            compressorPower: 0, fanPower: fanPower, fanHeat: fanHeat, pumpPower: 0,
                            flowFraction: flowFraction, outdoorAirFraction: outdoorFraction, supplyTemperature: supply,
                            runtimeFraction: 0, mode: .free, unmet: load - carried, curvesClamped: false)
        }

        // Coil inlet wet bulb and sensible heat ratio.
        var wetBulb: Double
        var sensibleHeatRatio = 1.0
        switch moisture {
        case .dry(let returnWetBulb):
            wetBulb = returnWetBulb.value + outdoorFraction * (outdoorWetBulb - returnWetBulb.value)
        case .apparatusDewPoint(let pressure):
            let humidity = returnHumidityRatio + outdoorFraction * (outdoorHumidityRatio - returnHumidityRatio)
            let state = coil.moisture(inletDryBulb: mixed, inletHumidityRatio: humidity, outdoorDryBulb: outdoorDryBulb,
                                      flowFraction: mass / coil.ratedAirMassFlow, pressure: pressure)
            wetBulb = state.curveWetBulb
            sensibleHeatRatio = state.sensibleHeatRatio
        }

        let coilFlowFraction = mass / coil.ratedAirMassFlow
        var mode: CoolingMode = .mechanical
        var result: DXCoilStep
        var pumpPower = 0.0
        var compressorPower: Double
        switch economiser {
        case .none:
            result = coil.step(sensibleLoad: coilLoad, enteringWetBulb: wetBulb, outdoorDryBulb: outdoorDryBulb,
                               flowFraction: coilFlowFraction, sensibleHeatRatio: sensibleHeatRatio)
            compressorPower = result.power
        case .airSide:
            result = coil.step(sensibleLoad: coilLoad, enteringWetBulb: wetBulb, outdoorDryBulb: outdoorDryBulb,
                               flowFraction: coilFlowFraction, sensibleHeatRatio: sensibleHeatRatio)
            compressorPower = result.power
            mode = economiserActive ? .partial : .mechanical
        case .pumpedRefrigerant(let pumped):
            mode = pumped.mode(outdoorDryBulb: outdoorDryBulb)
            result = coil.step(sensibleLoad: coilLoad, enteringWetBulb: wetBulb, outdoorDryBulb: outdoorDryBulb,
                               flowFraction: coilFlowFraction, sensibleHeatRatio: sensibleHeatRatio,
                               eirModifierOverride: mode == .mechanical
                                   ? nil : pumped.eirFunctionOfTemperature(wetBulb, outdoorDryBulb),
                               appliesCompressorLockout: mode != .free)
            if mode == .free {
                pumpPower = result.power
                compressorPower = 0
            } else {
                compressorPower = result.power
            }
        }
        let removed = carried - result.unmetSensible
        return CRACStep(removed: removed, coilSensible: result.sensibleRemoved, coilLatent: result.latentRemoved,
                        economiserHeat: economiserHeat, compressorPower: compressorPower, fanPower: fanPower,
                        fanHeat: fanHeat, pumpPower: pumpPower, flowFraction: flowFraction,
                        outdoorAirFraction: outdoorFraction, supplyTemperature: supply,
                        runtimeFraction: result.runtimeFraction, mode: mode, unmet: load - removed,
                        curvesClamped: result.curvesClamped)
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
