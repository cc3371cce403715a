/// An air handler's supply chain as EnergyPlus's `2ZoneDataCenterHVAC_wEconomizer.idf` builds each zone's
/// `AirLoopHVAC`: outdoor-air mixer with an economiser, draw-through supply fan, direct evaporative cooler,
/// indirect evaporative cooler and a chilled-water coil, every component controlled to the same supply-air
/// setpoint (the IDF's `SetpointManager:SingleZone:Cooling` writes one setpoint to all their outlet nodes;
/// `SetpointManager:MixedAir` lowers the mixer's by the fan's temperature rise), with a DX coil between the
/// indirect cooler and the chilled-water coil (the IDF's West zone runs the DX coil, its East zone the
/// chilled-water coil; each holds the other off by schedule). Each component cools only
/// as far as the setpoint, in order, so the cheapest does what it can first:
///
///     T_mix,set = T_set − Q_fan / (ṁ c_p)                            (Engineering Reference, "Setpoint Managers", Mixed Air)
///     f_oa      = economiser(T_return, T_mix,set, T_oa, W_oa)        (`AirEconomiser`)
///     T_mix     = T_return + f_oa (T_oa − T_return),  W_mix likewise
///     T_fan     = T_mix + Q_fan / (ṁ c_p)
///     T_dec     = DEC(T_fan → T_set),  T_iec = IEC(T_dec → T_set),  T_dx = DX(T_iec → T_set),  T_supply = coil(T_dx → T_set)
///
/// Sensible balance of the room air (W): `ṁ c_p (T_return − T_supply) = Q_economiser + Q_dec + Q_iec + Q_dx + Q_coil − Q_fan`
/// with `Q_economiser = ṁ c_p (T_return − T_mix)` and every stage's heat `ṁ c_p ΔT` at one `c_p`, the return
/// air's (the direct cooler's added moisture changes it by < 0.2 %), so the balance closes exactly. The
/// direct cooler trades sensible for latent heat (its outlet keeps the inlet's wet bulb), so the supply air
/// leaves moister. The chilled-water coil runs dry (`ChilledWaterCoil`); its heat goes to the chilled water
/// at `chilledWaterSupply`. The DX coil (`DXCoolingCoil`, its moisture by the apparatus-dew-point method) rejects
/// its heat and its compressor's to the outdoor air. Components are optional:
/// nil skips the stage, as an IDF whose availability schedule holds a coil off.
public struct AirHandlerUnit: Sendable, Equatable {
    public var economiser: AirEconomiser?
    public var fan: SupplyFan
    public var directCooler: DirectEvaporativeCooler?
    public var indirectCooler: IndirectEvaporativeCooler?
    public var dxCoil: DXCoolingCoil?
    public var coil: ChilledWaterCoil?

    public init(economiser: AirEconomiser?, fan: SupplyFan, directCooler: DirectEvaporativeCooler?,
                indirectCooler: IndirectEvaporativeCooler?, dxCoil: DXCoolingCoil? = nil, coil: ChilledWaterCoil?) {
        self.dxCoil = dxCoil
        self.economiser = economiser
        self.fan = fan
        self.directCooler = directCooler
        self.indirectCooler = indirectCooler
        self.coil = coil
    }

    /// Air entering or leaving a stage: dry bulb °C and humidity ratio kg/kg.
    public struct Air: Sendable, Equatable {
        public var dryBulb: Double
        public var humidityRatio: Double
        public init(dryBulb: Double, humidityRatio: Double) {
            self.dryBulb = dryBulb
            self.humidityRatio = humidityRatio
        }
    }

    /// Runs the chain for `massFlow` kg/s of dry air (flow fraction `massFlow / designMassFlow` for the fan)
    /// returning at `returnAir`, with outdoor air `outdoor`, towards `supplySetpoint` °C; chilled water enters
    /// the coil at `chilledWaterSupply` °C; barometric pressure `pressure` Pa.
    public func step(massFlow: Double, designMassFlow: Double, returnAir: Air, outdoor: Air, supplySetpoint: Double,
                     chilledWaterSupply: Double, pressure: Double) -> AirHandlerStep {
        let flowFraction = designMassFlow > 0 ? massFlow / designMassFlow : 0
        let fanPower = massFlow > 0 ? fan.power(flowFraction: flowFraction) : 0
        let fanHeat = fan.heatToAir(power: fanPower)
        let capacityRate = massFlow * Psychrometrics.moistAirSpecificHeat(humidityRatio: returnAir.humidityRatio)
        let fanRise = capacityRate > 0 ? fanHeat / capacityRate : 0
        let outdoorFraction = economiser?.outdoorAirFraction(
            returnTemperature: returnAir.dryBulb, mixedSetpoint: supplySetpoint - fanRise,
            outdoorDryBulb: outdoor.dryBulb, outdoorHumidityRatio: outdoor.humidityRatio) ?? 0
        let mixed = Air(dryBulb: returnAir.dryBulb + outdoorFraction * (outdoor.dryBulb - returnAir.dryBulb),
                        humidityRatio: returnAir.humidityRatio + outdoorFraction * (outdoor.humidityRatio - returnAir.humidityRatio))
        let fanOutlet = Air(dryBulb: mixed.dryBulb + fanRise, humidityRatio: mixed.humidityRatio)

        let direct = directCooler?.step(massFlow: massFlow, inletDryBulb: fanOutlet.dryBulb,
                                        inletHumidityRatio: fanOutlet.humidityRatio, setpoint: supplySetpoint,
                                        pressure: pressure) ?? .idle(fanOutlet)
        let directOutlet = Air(dryBulb: direct.outletDryBulb, humidityRatio: direct.outletHumidityRatio)
        let secondary = IndirectEvaporativeCooler.SecondaryAir(dryBulb: outdoor.dryBulb, humidityRatio: outdoor.humidityRatio,
                                                               pressure: pressure)
        let (indirect, indirectMode) = indirectCooler?.step(
            massFlow: massFlow, inletDryBulb: directOutlet.dryBulb, inletHumidityRatio: directOutlet.humidityRatio,
            setpoint: supplySetpoint, secondary: secondary, pressure: pressure) ?? (.idle(directOutlet), .off)
        let (dx, dxOutlet) = dxStage(massFlow: massFlow, capacityRate: capacityRate,
                                     inlet: Air(dryBulb: indirect.outletDryBulb, humidityRatio: indirect.outletHumidityRatio),
                                     setpoint: supplySetpoint, outdoorDryBulb: outdoor.dryBulb, pressure: pressure)
        let coilStep = coil?.step(airMassFlow: massFlow, airHumidityRatio: returnAir.humidityRatio,
                                  airInlet: dxOutlet.dryBulb, setpoint: supplySetpoint, waterInlet: chilledWaterSupply)
            ?? ChilledWaterCoilStep(outletDryBulb: dxOutlet.dryBulb, sensibleCooling: 0, waterMassFlow: 0,
                                    waterLeaving: chilledWaterSupply)
        return AirHandlerStep(
            capacityRate: capacityRate, returnAir: returnAir.dryBulb, outdoorAirFraction: outdoorFraction, mixedAir: mixed.dryBulb,
            fanOutlet: fanOutlet.dryBulb, fanPower: fanPower, fanHeat: fanHeat,
            direct: direct, indirect: indirect, indirectMode: indirectMode, dx: dx, dxOutlet: dxOutlet.dryBulb, coil: coilStep,
            supply: Air(dryBulb: coilStep.outletDryBulb, humidityRatio: dxOutlet.humidityRatio))
    }

    /// The DX coil's step towards `setpoint` for air entering at `inlet` (its sensible heat `ṁ c_p ΔT` at
    /// `capacityRate`; its latent heat dries the air by `Q_latent / (ṁ h_fg)`).
    func dxStage(massFlow: Double, capacityRate: Double, inlet: Air, setpoint: Double, outdoorDryBulb: Double,
                 pressure: Double) -> (DXCoilStep, Air) {
        let idle = DXCoilStep(sensibleRemoved: 0, totalRemoved: 0, power: 0, partLoadRatio: 0, runtimeFraction: 0,
                              availableCapacity: 0, unmetSensible: 0, curvesClamped: false)
        guard let dxCoil, massFlow > 0, inlet.dryBulb > setpoint else { return (idle, inlet) }
        let flowFraction = massFlow / dxCoil.ratedAirMassFlow
        let moisture = dxCoil.moisture(inletDryBulb: inlet.dryBulb, inletHumidityRatio: inlet.humidityRatio,
                                       outdoorDryBulb: outdoorDryBulb, flowFraction: flowFraction, pressure: pressure)
        let step = dxCoil.step(sensibleLoad: capacityRate * (inlet.dryBulb - setpoint), enteringWetBulb: moisture.curveWetBulb,
                               outdoorDryBulb: outdoorDryBulb, flowFraction: flowFraction,
                               sensibleHeatRatio: moisture.sensibleHeatRatio)
        let outlet = inlet.dryBulb - step.sensibleRemoved / capacityRate
        let dried = step.latentRemoved / (massFlow * Psychrometrics.latentHeatOfEvaporation(temperature: outlet))
        return (step, Air(dryBulb: outlet, humidityRatio: max(Psychrometrics.minimumHumidityRatio, inlet.humidityRatio - dried)))
    }
}

extension EvaporativeCoolerStep {
    /// A cooler that does nothing to `air`.
    static func idle(_ air: AirHandlerUnit.Air) -> EvaporativeCoolerStep {
        EvaporativeCoolerStep(outletDryBulb: air.dryBulb, outletHumidityRatio: air.humidityRatio, partLoadFraction: 0,
                              sensibleCooling: 0, electricPower: 0, water: .none)
    }
}

/// One air-handler step. Heats and powers in W, temperatures °C.
public struct AirHandlerStep: Sendable, Equatable {
    /// `ṁ c_p` of the supply air at the return air's humidity, W/K.
    public var capacityRate: Double
    /// Return air entering the mixer, °C.
    public var returnAir: Double
    public var outdoorAirFraction: Double
    public var mixedAir: Double
    /// Air leaving the fan (entering the direct cooler).
    public var fanOutlet: Double
    public var fanPower: Double
    /// Part of the fan power that heats the air stream.
    public var fanHeat: Double
    public var direct: EvaporativeCoolerStep
    public var indirect: EvaporativeCoolerStep
    public var indirectMode: IndirectEvaporativeMode
    /// The DX coil (idle without one) and the air leaving it, °C.
    public var dx: DXCoilStep
    public var dxOutlet: Double
    /// The chilled-water coil (idle without one): its `sensibleCooling` is the chilled water's load.
    public var coil: ChilledWaterCoilStep
    public var supply: AirHandlerUnit.Air

    /// Heat carried out by outdoor air replacing return air, `ṁ c_p (T_return − T_mix)` (negative when the
    /// outdoor air is warmer, at the minimum fraction).
    public var economiserHeat: Double { capacityRate * (returnAir - mixedAir) }
    /// Sensible heat the direct and the indirect cooler take from the supply air, `ṁ c_p ΔT`.
    public var directCooling: Double { capacityRate * (fanOutlet - direct.outletDryBulb) }
    public var indirectCooling: Double { capacityRate * (direct.outletDryBulb - indirect.outletDryBulb) }
    public var dxCooling: Double { capacityRate * (indirect.outletDryBulb - dxOutlet) }

    /// Fan and evaporative-cooler (pumps, secondary fan) electric power, W; the DX coil's (`dx.power`) and the
    /// chilled water's plant are apart.
    public var electricPower: Double { fanPower + direct.electricPower + indirect.electricPower }
    /// Water the two evaporative coolers use, m³/s.
    public var waterUse: Double { direct.water.total + indirect.water.total }
}
