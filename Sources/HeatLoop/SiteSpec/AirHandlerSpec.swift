/// An air handler per room instead of CRAHs (`AirHandlerRoom`): outdoor-air economiser, supply fan, direct and
/// indirect evaporative coolers and a chilled-water coil on the air loop's chilled-water plant (`chilled_water_c`,
/// `delta_t_k`, pumps, `rejection`). Defaults are the West zone's of EnergyPlus's
/// `2ZoneDataCenterHVAC_wEconomizer.idf`.
public struct AirHandlerSpec: SpecSection {
    /// Design supply air flow; default `design_sizing_factor` × the air-side design heat carried from
    /// `design_supply_air_c` to `room_air_c` (EnergyPlus's zone sizing).
    public var airFlowM3PerS: Double?
    /// Room air setpoint (EnergyPlus: the zone's cooling setpoint); the return air of a well-mixed room.
    public var roomAirC = 23.0
    /// Supply air the design air flow is sized at (EnergyPlus `Sizing:Zone` cooling design supply air).
    public var designSupplyAirC = 13.0
    /// Coldest supply air the setpoint is reset down to (`supply_air_c` is the warmest).
    public var minSupplyAirC = 10.0
    public var fanPressurePa = 300.0
    public var fanEfficiency = 0.7
    public var fanMotorEfficiency = 0.9
    public var fanMotorInAir = 0.0
    public var minFlowFraction = 0.25
    public var economiser: AirSideEconomiserSpec?
    public var directEvaporative: DirectEvaporativeSpec?
    public var indirectEvaporative: IndirectEvaporativeSpec?
    public var dxCoil: AirHandlerDXCoilSpec?
    public var coil = ChilledWaterCoilSpec()

    public init() {}

    public static let schema = Schema<AirHandlerSpec>([
        .optionalNumber("air_flow_m3_per_s", \.airFlowM3PerS, unit: "m³/s", range: 0.01...100_000, doc: "Design supply air flow.",
                        derived: "design_sizing_factor × the air-side design heat / (ρ c_p (room_air_c − design_supply_air_c))"),
        .number("room_air_c", \.roomAirC, unit: "°C", range: 15...50,
                doc: "Room air setpoint (EnergyPlus: the zone's cooling setpoint); the return air in a well-mixed room."),
        .number("design_supply_air_c", \.designSupplyAirC, unit: "°C", range: 5...35,
                doc: "Supply air the design air flow is sized at (EnergyPlus `Sizing:Zone`)."),
        .number("min_supply_air_c", \.minSupplyAirC, unit: "°C", range: 2...30,
                doc: "Coldest supply air the setpoint is reset down to meet the load."),
        .number("fan_pressure_pa", \.fanPressurePa, unit: "Pa", range: 0...3000, doc: "Supply fan pressure rise."),
        .number("fan_efficiency", \.fanEfficiency, range: 0.1...1, doc: "Supply fan total efficiency."),
        .number("fan_motor_efficiency", \.fanMotorEfficiency, range: 0.1...1, doc: "Fan motor efficiency."),
        .number("fan_motor_in_air", \.fanMotorInAir, range: 0...1, doc: "Share of the motor heat that goes to the air stream."),
        .number("min_flow_fraction", \.minFlowFraction, range: 0...1, doc: "Lowest variable-volume flow, share of design."),
        .optionalSection("economiser", \.economiser, doc: "Outdoor-air economiser, EnergyPlus `Controller:OutdoorAir`."),
        .optionalSection("direct_evaporative", \.directEvaporative,
                         doc: "Direct evaporative cooler, EnergyPlus `EvaporativeCooler:Direct:ResearchSpecial`."),
        .optionalSection("indirect_evaporative", \.indirectEvaporative,
                         doc: "Indirect evaporative cooler, EnergyPlus `EvaporativeCooler:Indirect:ResearchSpecial`."),
        .optionalSection("dx_coil", \.dxCoil, doc: "DX coil after the evaporative coolers, EnergyPlus `Coil:Cooling:DX:SingleSpeed`."),
        .section("coil", \.coil, doc: "Chilled-water coil, EnergyPlus `Coil:Cooling:Water` (dry, cross flow), last in the chain."),
    ], check: { handler, o in
        if handler.designSupplyAirC >= handler.roomAirC {
            o["design_supply_air_c"].problem("design supply air (\(formatNumber(handler.designSupplyAirC)) °C) must be colder than room_air_c (\(formatNumber(handler.roomAirC)) °C)")
        }
    })
}

/// EnergyPlus `EvaporativeCooler:Direct:ResearchSpecial` (`DirectEvaporativeCooler`); defaults the IDF's West zone.
public struct DirectEvaporativeSpec: SpecSection {
    public var effectiveness = 0.7
    public var pumpW = 30.0
    public var driftFraction = 0.0
    public var blowdownConcentrationRatio = 3.0
    public var minDryBulbC = 16.0
    public var maxWetBulbC = 18.0
    public var maxDryBulbC = 20.0

    public init() {}

    public static let schema = Schema<DirectEvaporativeSpec>([
        .number("effectiveness", \.effectiveness, range: 0...1, doc: "Wet-bulb effectiveness of the media."),
        .number("pump_w", \.pumpW, unit: "W", range: 0...1_000_000, doc: "Recirculating pump power at full load."),
        .number("drift_fraction", \.driftFraction, range: 0...0.1, doc: "Drift, share of the evaporated water."),
        .number("blowdown_concentration_ratio", \.blowdownConcentrationRatio, range: 2...50,
                doc: "Blowdown concentration ratio: blowdown = evaporation / (ratio − 1).",
                hint: "EnergyPlus requires a ratio of at least 2"),
        .number("min_dry_bulb_c", \.minDryBulbC, unit: "°C", range: -40...60, doc: "Inlet dry bulb below which the cooler stays dry."),
        .number("max_wet_bulb_c", \.maxWetBulbC, unit: "°C", range: -40...60,
                doc: "Inlet wet bulb at or below which the cooler may run (either this or max_dry_bulb_c)."),
        .number("max_dry_bulb_c", \.maxDryBulbC, unit: "°C", range: -40...60,
                doc: "Inlet dry bulb at or below which the cooler may run (either this or max_wet_bulb_c)."),
    ])
}

/// EnergyPlus `EvaporativeCooler:Indirect:ResearchSpecial` (`IndirectEvaporativeCooler`) with the IDF's Munters
/// flow-ratio tables (`EvaporativeCoolerCurveSets`); defaults the IDF's West zone.
public struct IndirectEvaporativeSpec: SpecSection {
    public var wetEffectiveness = 0.70
    public var dryEffectiveness = 0.72
    public var dewPointEffectivenessFactor = 0.9
    /// Secondary (outdoor) air flow, share of the primary design flow (EnergyPlus "Secondary Air Flow Scaling Factor").
    public var secondaryFlowRatio = 1.4
    /// Secondary fan power per secondary flow, W/(m³/s) ("Secondary Fan Sizing Specific Power").
    public var fanWPerM3PerS = 200.0
    /// Recirculating pump power per secondary flow, W/(m³/s) ("Recirculating Water Pump Sizing Factor").
    public var pumpWPerM3PerS = 150.0
    public var driftFraction = 0.0
    /// Absent: no blowdown.
    public var blowdownConcentrationRatio: Double?
    public var minSecondaryDryBulbWetC = 20.0
    public var maxSecondaryWetBulbC = 24.0
    public var maxDryBulbDryC = 50.0

    public init() {}

    public static let schema = Schema<IndirectEvaporativeSpec>([
        .number("wet_effectiveness", \.wetEffectiveness, range: 0...2, doc: "Wet-bulb effectiveness at design secondary flow."),
        .number("dry_effectiveness", \.dryEffectiveness, range: 0...1, doc: "Dry-bulb effectiveness at design secondary flow."),
        .number("dew_point_effectiveness_factor", \.dewPointEffectivenessFactor, range: 0...1,
                doc: "Bound of the wet outlet: T_in − factor (T_in − T_dp,secondary)."),
        .number("secondary_flow_ratio", \.secondaryFlowRatio, range: 0...10, doc: "Secondary (outdoor) air flow, share of the primary design flow."),
        .number("fan_w_per_m3_per_s", \.fanWPerM3PerS, unit: "W/(m³/s)", range: 0...10_000, doc: "Secondary fan power per secondary flow."),
        .number("pump_w_per_m3_per_s", \.pumpWPerM3PerS, unit: "W/(m³/s)", range: 0...10_000,
                doc: "Recirculating pump power per secondary flow."),
        .number("drift_fraction", \.driftFraction, range: 0...0.1, doc: "Drift, share of the evaporated water."),
        .optionalNumber("blowdown_concentration_ratio", \.blowdownConcentrationRatio, range: 2...50,
                        doc: "Blowdown concentration ratio (absent: no blowdown)."),
        .number("min_secondary_dry_bulb_wet_c", \.minSecondaryDryBulbWetC, unit: "°C", range: -40...60,
                doc: "Secondary dry bulb below which the cooler runs dry."),
        .number("max_secondary_wet_bulb_c", \.maxSecondaryWetBulbC, unit: "°C", range: -40...60,
                doc: "Secondary wet bulb at or above which the cooler stops wetting."),
        .number("max_dry_bulb_dry_c", \.maxDryBulbDryC, unit: "°C", range: -40...80,
                doc: "Primary inlet above which the dry mode stops (with the wet bulb limit)."),
    ])
}

/// EnergyPlus `Coil:Cooling:Water` autosized at a design point (`ChilledWaterCoil.designUA`): the design air flow
/// from `design_air_inlet_c` to `design_air_outlet_c`, chilled water at `chilled_water_c` warming by `delta_t_k`.
public struct ChilledWaterCoilSpec: SpecSection {
    /// False: the coil is held off (an IDF availability schedule of 0); the plant is still sized for it.
    public var available = true
    public var designAirInletC = 31.8
    public var designAirOutletC = 12.8
    /// Default: from the design point.
    public var uaWPerK: Double?

    public init() {}

    public static let schema = Schema<ChilledWaterCoilSpec>([
        .boolean("available", \.available, doc: "False holds the coil off (an EnergyPlus availability schedule of 0); the plant is still sized for it."),
        .number("design_air_inlet_c", \.designAirInletC, unit: "°C", range: -20...60, doc: "Air entering the coil at design."),
        .number("design_air_outlet_c", \.designAirOutletC, unit: "°C", range: 0...40, doc: "Air leaving the coil at design."),
        .optionalNumber("ua_w_per_k", \.uaWPerK, unit: "W/K", range: 1...1e9, doc: "Coil UA.",
                        derived: "the UA that meets the design point at the design air and water flows (cross-flow ε-NTU)"),
    ], check: { coil, o in
        if coil.designAirOutletC >= coil.designAirInletC {
            o["design_air_outlet_c"].problem("design outlet air (\(formatNumber(coil.designAirOutletC)) °C) must be colder than design_air_inlet_c (\(formatNumber(coil.designAirInletC)) °C)")
        }
    })
}

extension AirHandlerSpec {
    /// The design point's air: EnergyPlus's standard density (20 °C dry air) at the site's standard pressure
    /// and a humidity ratio of 0.008 kg/kg for c_p.
    static let designHumidityRatio = 0.008

    /// Design supply air flow, m³/s, for `designHeat` W of room heat and the sizing factor.
    func designAirFlow(designHeat: Double, sizingFactor: Double) -> Double {
        let density = Psychrometrics.standardAirDensity(pressure: Psychrometrics.standardSeaLevelPressure)
        let specificHeat = Psychrometrics.moistAirSpecificHeat(humidityRatio: Self.designHumidityRatio)
        return airFlowM3PerS ?? sizingFactor * designHeat / (density * specificHeat * (roomAirC - designSupplyAirC))
    }

    /// The coil's design load, W, at the design air flow (m³/s).
    func coilDesignLoad(airFlow: Double) -> Double {
        let density = Psychrometrics.standardAirDensity(pressure: Psychrometrics.standardSeaLevelPressure)
        return airFlow * density * Psychrometrics.moistAirSpecificHeat(humidityRatio: Self.designHumidityRatio)
            * (coil.designAirInletC - coil.designAirOutletC)
    }
}

extension AirHandlerSpec {
    /// EnergyPlus `Fan:VariableVolume` part-load coefficients of `2ZoneDataCenterHVAC_wEconomizer.idf`.
    static let fanCoefficients = (0.35071223, 0.30850535, -0.54137364, 0.87198823, 0.0)

    /// The room's air handler (designed spec: `air_flow_m3_per_s` and the coil's UA filled in) at the site's
    /// `elevation` m, its coil on chilled water at `chilledWaterC` warming by `deltaTK`.
    func room(supplyAir: Double, chilledWaterC: Double, deltaTK: Double, elevation: Double) -> AirHandlerRoom {
        let pressure = Psychrometrics.standardPressure(elevation: elevation)
        let flow = airFlowM3PerS ?? 0
        let fan = SupplyFan(designFlow: flow, pressureRise: fanPressurePa, totalEfficiency: fanEfficiency,
                            motorEfficiency: fanMotorEfficiency, motorInAirstreamFraction: fanMotorInAir,
                            control: .variableVolume(coefficients: Self.fanCoefficients, minimumFlowFraction: minFlowFraction))
        let waterFlow = coilDesignLoad(airFlow: flow) / (Fluid.waterSpecificHeat * deltaTK)
        let unit = AirHandlerUnit(
            economiser: economiser?.model(pressure: pressure), fan: fan, directCooler: directEvaporative?.model,
            indirectCooler: indirectEvaporative?.model(primaryFlow: flow),
            dxCoil: dxCoil?.model(airFlow: flow, standardAirDensity: Psychrometrics.standardAirDensity(pressure: pressure)),
            coil: coil.available ? ChilledWaterCoil(ua: coil.uaWPerK ?? 0, designWaterMassFlow: waterFlow) : nil)
        return AirHandlerRoom(unit: unit, designAirMassFlow: flow * Psychrometrics.standardAirDensity(pressure: pressure),
                              supplyAirSetpoint: Celsius(supplyAir), minimumSupplyAir: Celsius(min(minSupplyAirC, supplyAir)),
                              roomAir: Celsius(roomAirC), pressure: pressure)
    }
}

extension AirSideEconomiserSpec {
    func model(pressure: Double) -> AirEconomiser {
        AirEconomiser(control: maxDryBulbC.map { .fixedDryBulb(maximum: Celsius($0)) } ?? .differentialDryBulb,
                      minimumDryBulb: Celsius(minDryBulbC), maximumDewPoint: Celsius(maxDewPointC),
                      minimumOutdoorAirFraction: minOutdoorAir, pressure: pressure)
    }
}

extension DirectEvaporativeSpec {
    var model: DirectEvaporativeCooler {
        DirectEvaporativeCooler(
            effectiveness: effectiveness, pumpDesignPower: pumpW, driftFraction: driftFraction,
            blowdownConcentrationRatio: blowdownConcentrationRatio,
            limits: EvaporativeOperatingLimits(minimumDryBulb: Celsius(minDryBulbC), maximumWetBulb: Celsius(maxWetBulbC),
                                               maximumDryBulb: Celsius(maxDryBulbC)))
    }
}

extension IndirectEvaporativeSpec {
    /// The cooler for a primary design flow `primaryFlow` m³/s.
    func model(primaryFlow: Double) -> IndirectEvaporativeCooler {
        let secondary = secondaryFlowRatio * primaryFlow
        return IndirectEvaporativeCooler(
            wetEffectiveness: wetEffectiveness, wetEffectivenessModifier: EvaporativeCoolerCurveSets.muntersWetEffectiveness,
            dryEffectiveness: dryEffectiveness, dryEffectivenessModifier: EvaporativeCoolerCurveSets.muntersDryEffectiveness,
            dewPointEffectivenessFactor: dewPointEffectivenessFactor, secondaryDesignFlow: secondary,
            fanDesignPower: fanWPerM3PerS * secondary, fanPowerModifier: EvaporativeCoolerCurveSets.secondaryFanPower,
            pumpDesignPower: pumpWPerM3PerS * secondary, pumpPowerModifier: EvaporativeCoolerCurveSets.twoSpeedSprayPump,
            driftFraction: driftFraction, blowdownConcentrationRatio: blowdownConcentrationRatio,
            limits: IndirectEvaporativeLimits(minimumSecondaryDryBulbForWet: Celsius(minSecondaryDryBulbWetC),
                                              maximumSecondaryWetBulbForWet: Celsius(maxSecondaryWetBulbC),
                                              maximumDryBulbForDry: Celsius(maxDryBulbDryC)))
    }
}

/// EnergyPlus `Coil:Cooling:DX:SingleSpeed` in an air handler (`DXCoolingCoil`), rated at the handler's design
/// air flow; defaults the IDF's West zone (COP 3, its packaged-AC curves, SHR as EnergyPlus autosized it).
public struct AirHandlerDXCoilSpec: SpecSection {
    public var capacityKw = 0.0
    public var sensibleHeatRatio = 0.70159
    public var cop = 3.0
    public var curves = CRACCurves.packagedAC

    public init() {}

    public static let schema = Schema<AirHandlerDXCoilSpec>([
        .number("capacity_kw", \.capacityKw, unit: "kW", range: 0.1...1_000_000, doc: "Rated total cooling capacity.", required: true),
        .number("sensible_heat_ratio", \.sensibleHeatRatio, range: 0.5...1, doc: "Rated sensible heat ratio."),
        .number("cop", \.cop, range: 1...10, doc: "Rated COP of compressor and condenser fans."),
        .choice("curves", \.curves, doc: "Performance curves of the DX coil."),
    ])

    func model(airFlow: Double, standardAirDensity: Double) -> DXCoolingCoil {
        DXCoolingCoil(ratedTotalCapacity: Watts(capacityKw * 1e3), ratedSensibleHeatRatio: sensibleHeatRatio, ratedCOP: cop,
                      ratedAirFlow: airFlow, curves: curves.model, standardAirDensity: standardAirDensity)
    }
}

extension CRACCurves {
    var model: DXCoilCurves {
        switch self {
        case .liebertDSE125: .liebertDSE125
        case .packagedAC: .energyPlusPackagedAC
        }
    }
}
