public struct CoolingSpec: SpecSection {
    public var liquid = LiquidLoopSpec()
    public var air = AirLoopSpec()

    public init() {}

    public static let schema = Schema<CoolingSpec>([
        .section("liquid", \.liquid, doc: "Facility-water loop of the liquid-cooled heat (used when a cluster captures heat to liquid)."),
        .section("air", \.air, doc: "Air side: CRAHs on a chilled-water loop, or DX CRAC units."),
    ])
}

/// Facility-water loop (ASHRAE W32–W45 class for warm-water DLC).
public struct LiquidLoopSpec: SpecSection {
    public var supplyC = 35.0
    public var deltaTK = 10.0
    public var volumeM3 = 40.0
    public var pumpHeadKpa = 250.0
    public var pumpEfficiency = 0.7
    public var minFlowFraction = 0.3
    /// Adiabatic dry coolers: without pads, 35 °C water is out of a 5 K-approach dry cooler's reach at the
    /// design dry bulb of most temperate climates (Chicago 32.2 °C), and `validate` would reject the default.
    public var rejection = RejectionSpec.dryCooler(DryCoolerSpec(adiabatic: AdiabaticSpec()))
    /// ASHRAE TC 9.9 facility-water class (W17…W45, W+); default: the smallest class the supply fits.
    public var ashraeClass: ASHRAELiquidClass?

    public init() {}

    public static let schema = Schema<LiquidLoopSpec>([
        .number("supply_c", \.supplyC, unit: "°C", range: 15...60, doc: "Facility-water supply temperature.",
                hint: "facility water outside ASHRAE W17…W45/W+ practice"),
        .number("delta_t_k", \.deltaTK, unit: "K", range: 2...30, doc: "Design return − supply temperature difference."),
        .number("volume_m3", \.volumeM3, unit: "m³", range: 0.1...100_000, doc: "Water in the loop (thermal inertia)."),
        .number("pump_head_kpa", \.pumpHeadKpa, unit: "kPa", range: 0...2000, doc: "Pump head at design flow."),
        .number("pump_efficiency", \.pumpEfficiency, range: 0.1...1, doc: "Pump and motor efficiency."),
        .number("min_flow_fraction", \.minFlowFraction, range: 0...1, doc: "Lowest pump flow, share of design."),
        .variant("rejection", \.rejection, doc: "Plant rejecting the loop's heat."),
        .optionalChoice("ashrae_class", \.ashraeClass, doc: "ASHRAE TC 9.9 facility-water class the supply is checked against.",
                        derived: "the smallest class the supply fits"),
    ], check: { loop, o in
        if let waterClass = loop.ashraeClass, !waterClass.allows(supply: loop.supplyC) {
            let limit = waterClass.maximumSupply.map { formatNumber($0.value) } ?? ""
            let fitting = ASHRAELiquidClass.allCases.first { $0.allows(supply: loop.supplyC) }?.name ?? "W+"
            o["supply_c"].problem("\(formatNumber(loop.supplyC)) °C is above class \(waterClass.name)'s facility-water limit; "
                + "lower 'supply_c' to \(limit) or set 'ashrae_class' to \(fitting)")
        }
        loop.rejection.checkCondensers(o.at("rejection"))
    })
}

extension ASHRAELiquidClass: SpecChoice {
    public init?(specName: String) { self.init(name: specName) }
    public static var noun: String { "an ASHRAE facility-water class" }
}

extension ASHRAEAirClass: SpecChoice {
    public init?(specName: String) { self.init(name: specName) }
    public static var noun: String { "an ASHRAE air class" }
}

/// Chilled-water loop serving CRAHs / fan walls, or DX CRAC units (`crac`).
public struct AirLoopSpec: SpecSection {
    /// Supply air to IT inlets (ASHRAE A1 recommended 18–27 °C).
    public var supplyAirC = 24.0
    public var chilledWaterC = 18.0
    public var deltaTK = 6.0
    public var volumeM3 = 30.0
    /// The CRAHs of a one-zone CRAH hall (their keys written flat here: `air_delta_t_k`, `fan_*`).
    public var crah = CRAHSpec()
    public var pumpHeadKpa = 200.0
    public var pumpEfficiency = 0.7
    public var minFlowFraction = 0.3
    public var rejection = RejectionSpec.dryCooler(DryCoolerSpec(trimChiller: ChillerSpec()))
    /// DX CRAC units instead of CRAHs on chilled water (the chilled-water keys then do not apply).
    public var crac: CRACSpec?
    /// An air handler (economiser, evaporative coolers, chilled-water coil) instead of CRAHs, on this loop's
    /// chilled-water plant.
    public var airHandler: AirHandlerSpec?
    /// Several air zones, each with its own air handler (on this loop's chilled-water plant) or CRAC units
    /// (`AirZoneSpec`); clusters name theirs (`it.clusters[].zone`). Empty: the hall is one zone.
    public var zones: [AirZoneSpec] = []
    /// ASHRAE TC 9.9 air class of the IT (A1…A4, H1) whose envelope the inlet air is checked against.
    public var ashraeClass = ASHRAEAirClass.a1
    /// The hall air's moisture and its humidifier.
    public var humidity = HallHumiditySpec()

    public init() {}

    /// Keys of the chilled-water plant, which a CRAC room (or a hall of CRAC zones) does not have.
    static let chilledWaterKeys: Set = ["chilled_water_c", "delta_t_k", "volume_m3", "pump_head_kpa", "pump_efficiency",
                                        "min_flow_fraction", "rejection", "fan_pressure_pa", "fan_efficiency",
                                        "fan_exponent", "min_fan_fraction"]

    /// Keys of the CRAHs' fans (`CRAHSpec`), which an air handler replaces with its own.
    static let crahFanKeys = CRAHSpec.schema.keys

    /// The resolved site writes the CRAH fan keys only for CRAHs (an air handler or zones have their own fans) and
    /// the chilled-water keys only with a chilled-water plant (not for a CRAC room or a hall of CRAC zones), so that
    /// it reads back without problems.
    public static let schema = Schema<AirLoopSpec>(
        fields.map { field in
            if crahFanKeys.contains(field.key) {
                return field.encoded(when: { $0.crac == nil && $0.airHandler == nil && $0.zones.isEmpty })
            }
            return chilledWaterKeys.contains(field.key) ? field.encoded(when: { $0.hasChilledWater }) : field
        },
        check: check)

    private static let fields: [Field<AirLoopSpec>] = [
        .number("supply_air_c", \.supplyAirC, unit: "°C", range: 10...45, doc: "Supply air to the IT inlets (warmest, with CRAC).",
                hint: "ASHRAE A1–A4 allow 5…45 °C inlets"),
        .number("chilled_water_c", \.chilledWaterC, unit: "°C", range: 4...35, doc: "Chilled-water supply temperature."),
        .number("delta_t_k", \.deltaTK, unit: "K", range: 2...20, doc: "Chilled-water design temperature difference."),
        .number("volume_m3", \.volumeM3, unit: "m³", range: 0.1...100_000, doc: "Water in the chilled-water loop."),
    ] + CRAHSpec.schema.fields.map { $0.lifted(\AirLoopSpec.crah) } + [
        .number("pump_head_kpa", \.pumpHeadKpa, unit: "kPa", range: 0...2000, doc: "Chilled-water pump head."),
        .number("pump_efficiency", \.pumpEfficiency, range: 0.1...1, doc: "Chilled-water pump and motor efficiency."),
        .number("min_flow_fraction", \.minFlowFraction, range: 0...1, doc: "Lowest pump flow, share of design."),
        .variant("rejection", \.rejection, doc: "Plant rejecting the chilled water's heat."),
        .optionalSection("crac", \.crac, doc: "DX CRAC units instead of CRAHs (the chilled-water keys then do not apply)."),
        .optionalSection("air_handler", \.airHandler,
                         doc: "An air handler (economiser, evaporative coolers, chilled-water coil) instead of CRAHs, on the chilled-water plant."),
        .list("zones", \.zones, doc: "Air zones, each with its own air handler or CRAHs (both on this loop's chilled-water plant) or DX CRAC units; clusters name theirs (`it.clusters[].zone`). Empty: one zone.",
              maximumCount: 1000),
        .choice("ashrae_class", \.ashraeClass, doc: "ASHRAE TC 9.9 air class whose envelope the inlet air is checked against."),
        .section("humidity", \.humidity, doc: "The hall air's moisture (a sealed hall keeps its own) and its humidifier."),
    ]

    /// A zone's units against its supply air: a CRAC zone's return air must be warmer, a CRAH zone's chilled water
    /// colder (its coil's approach, `supply_air_c − chilled_water_c`, must be positive, as a one-zone CRAH hall's).
    private static func checkZoneTemperatures(_ air: AirLoopSpec, _ o: SpecMapping) {
        for (index, zone) in air.zones.enumerated() {
            let supply = air.supplyAir(of: zone)
            if let crac = zone.crac, crac.returnAirC <= supply {
                o.at("zones[\(index)].crac.return_air_c").problem("return air (\(formatNumber(crac.returnAirC)) °C) must be warmer than zone '\(zone.name)''s supply air (\(formatNumber(supply)) °C)")
            }
            if zone.crah != nil, zone.supplyAirC != nil, air.chilledWaterC >= supply {
                o.at("zones[\(index)].supply_air_c").problem("CRAH zone '\(zone.name)''s supply air (\(formatNumber(supply)) °C) must be warmer than the chilled water (chilled_water_c: \(formatNumber(air.chilledWaterC)) °C)")
            }
        }
    }

    /// True when the air side has a chilled-water plant: CRAHs, an air handler, or a zone with one.
    var hasChilledWater: Bool { crac == nil && (zones.isEmpty || zonesUseChilledWater) }

    private static func check(_ air: AirLoopSpec, _ o: SpecMapping) {
        if air.chilledWaterC >= air.supplyAirC, !o["crac"].isPresent, air.hasChilledWater {
            o["chilled_water_c"].problem("chilled water (\(formatNumber(air.chilledWaterC)) °C) must be colder than the supply air (\(formatNumber(air.supplyAirC)) °C)")
        }
        if let crac = air.crac {
            for entry in o.entries where chilledWaterKeys.contains(entry.key) {
                o[entry.key].problem("'\(entry.key)' belongs to a chilled-water air loop and does not apply with 'crac'")
            }
            if crac.returnAirC <= air.supplyAirC {
                o.at("crac.return_air_c").problem("return air (\(formatNumber(crac.returnAirC)) °C) must be warmer than the supply air (\(formatNumber(air.supplyAirC)) °C)")
            }
        } else {
            air.rejection.checkCondensers(o.at("rejection"))
        }
        if !air.zones.isEmpty {
            for key in ["crac", "air_handler"] where o[key].isPresent {
                o[key].problem("'\(key)' is for a one-zone hall; with 'zones' each zone has its own 'air_handler', 'crah' or 'crac'")
            }
            checkZoneTemperatures(air, o)
            if !air.zonesUseChilledWater {
                for entry in o.entries where chilledWaterKeys.contains(entry.key) && !crahFanKeys.contains(entry.key) {
                    o[entry.key].problem("'\(entry.key)' belongs to a chilled-water air loop and does not apply when every zone has 'crac' (DX units)")
                }
            }
            for key in crahFanKeys where o[key].isPresent {
                o[key].problem("'\(key)' belongs to a one-zone CRAH hall and does not apply with 'zones' (give it in a CRAH zone's 'crah'; an air handler's fan is 'air_handler.fan_*')")
            }
        }
        if air.airHandler != nil {
            if o["crac"].isPresent {
                o["air_handler"].problem("give either 'crac' (DX units) or 'air_handler' (chilled-water coil), not both")
            }
            for key in crahFanKeys where o[key].isPresent {
                o[key].problem("'\(key)' belongs to CRAHs and does not apply with 'air_handler' (its fan is 'air_handler.fan_*')")
            }
        }
    }
}

/// The data hall's moisture (`HallHumidity`): the dew point it starts the year at and the humidifier that
/// holds the supply air at or above its lower setpoint.
public struct HallHumiditySpec: SpecSection {
    public var initialDewPointC = 9.0
    public var humidifier = true
    /// Default: the recommended minimum dew point of the air class (−9 °C for A1…A4, H1).
    public var humidifyBelowDewPointC: Double?

    public init() {}

    public static let schema = Schema<HallHumiditySpec>([
        .number("initial_dew_point_c", \.initialDewPointC, unit: "°C", range: -40...30,
                doc: "Dew point of the hall air at the start of the year (a sealed hall keeps it unless its coil or humidifier changes it)."),
        .boolean("humidifier", \.humidifier, doc: "A steam humidifier holds the supply air at or above `humidify_below_dew_point_c`."),
        .optionalNumber("humidify_below_dew_point_c", \.humidifyBelowDewPointC, unit: "°C", range: -40...30,
                        doc: "Dew point the humidifier holds the supply air at or above.",
                        derived: "the recommended minimum dew point of `ashrae_class` (−9 °C)"),
    ])
}

/// DX computer-room air conditioners (EnergyPlus `Coil:Cooling:DX:SingleSpeed` with a supply fan), all
/// units together. Defaults are those of the EnergyPlus data-center examples' CRAC (a Liebert DSE 125).
public struct CRACSpec: SpecSection {
    /// Rated total cooling capacity of all units; default 1.3 × (the air-side design heat + the supply fans' heat).
    public var capacityKw: Double?
    public var sensibleHeatRatio = 0.83
    public var cop = 4.5669
    /// Rated air flow; default 5.73e-5 m³/s per W of capacity (8.5 m³/s for 148.3 kW).
    public var airFlowM3PerS: Double?
    public var curves = CRACCurves.liebertDSE125
    /// Room return air held by the units (EnergyPlus: the zone's cooling setpoint).
    public var returnAirC = 29.3
    /// Coldest supply air when the units reset it down to meet the load (`supply_air_c` is the warmest).
    public var minSupplyAirC = 10.0
    /// Wet bulb the coil curves are read at (dry coil): the coil's dry-out wet bulb at design.
    public var coilWetBulbC = 19.4
    public var fanPressurePa = 486.0
    public var fanEfficiency = 0.7
    public var fanMotorEfficiency = 0.9
    public var fanMotorInAir = 1.0
    public var fanControl = CRACFanControl.variable
    public var minFlowFraction = 0.05
    public var economiser = CRACEconomiserSpec.none

    public init() {}

    public static let schema = Schema<CRACSpec>([
        .optionalNumber("capacity_kw", \.capacityKw, unit: "kW", range: 0.1...1_000_000, doc: "Rated total cooling capacity of all units.",
                        derived: "1.3 × (the air-side design heat + the supply fans' heat)"),
        .number("sensible_heat_ratio", \.sensibleHeatRatio, range: 0.5...1, doc: "Rated sensible heat ratio."),
        .number("cop", \.cop, range: 1...10, doc: "Rated COP of compressor and condenser fans.",
                hint: "rated COP of compressor and condenser fans"),
        .optionalNumber("air_flow_m3_per_s", \.airFlowM3PerS, unit: "m³/s", range: 0.01...100_000, doc: "Rated air flow.",
                        derived: "5.73e-5 m³/s per W of capacity (8.5 m³/s for 148.3 kW)"),
        .choice("curves", \.curves, doc: "Performance curves of the DX coil."),
        .number("return_air_c", \.returnAirC, unit: "°C", range: 15...50,
                doc: "Room air setpoint (EnergyPlus: the zone's cooling setpoint); the return air in a well-mixed room."),
        .number("min_supply_air_c", \.minSupplyAirC, unit: "°C", range: 5...30,
                doc: "Coldest supply air when the units reset it down to meet the load."),
        .number("coil_wet_bulb_c", \.coilWetBulbC, unit: "°C", range: 5...30, doc: "Wet bulb the coil curves are read at (dry coil)."),
        .number("fan_pressure_pa", \.fanPressurePa, unit: "Pa", range: 0...3000, doc: "Supply fan pressure rise."),
        .number("fan_efficiency", \.fanEfficiency, range: 0.1...1, doc: "Supply fan total efficiency."),
        .number("fan_motor_efficiency", \.fanMotorEfficiency, range: 0.1...1, doc: "Fan motor efficiency."),
        .number("fan_motor_in_air", \.fanMotorInAir, range: 0...1, doc: "Share of the motor heat that goes to the air stream."),
        .choice("fan_control", \.fanControl, doc: "Variable volume (EnergyPlus `Fan:VariableVolume`) or constant volume."),
        .number("min_flow_fraction", \.minFlowFraction, range: 0...1, doc: "Lowest variable-volume flow, share of design."),
        .variant("economiser", \.economiser, doc: "Free cooling of the units."),
    ])
}

/// DX coil curve sets (`DXCoolingCoil` curves).
public enum CRACCurves: String, SpecChoice {
    /// Liebert DSE 125 with its pumped-refrigerant EIR table (EnergyPlus data-center example).
    case liebertDSE125 = "liebert-dse-125"
    /// EnergyPlus's packaged air-conditioner curves.
    case packagedAC = "packaged-ac"
}

public enum CRACFanControl: String, SpecChoice {
    case variable
    case constant
}

public enum CRACEconomiserSpec: SpecVariant {
    case none
    /// Refrigerant pump instead of the compressor at low outdoor temperatures (Liebert DSE EconoPhase).
    case pumpedRefrigerant(PumpedRefrigerantSpec)
    /// Outdoor air, EnergyPlus `Controller:OutdoorAir` with fixed or differential dry-bulb limits.
    case airSide(AirSideEconomiserSpec)

    public static let variants = Variants<CRACEconomiserSpec>([
        .bare("none", doc: "No economiser.", .none),
        .section("pumped_refrigerant", doc: "Refrigerant pump instead of the compressor when it is cold (Liebert EconoPhase).",
                 CRACEconomiserSpec.pumpedRefrigerant) { if case .pumpedRefrigerant(let spec) = $0 { spec } else { nil } },
        .section("air_side", doc: "Outdoor air, EnergyPlus `Controller:OutdoorAir`.", CRACEconomiserSpec.airSide) {
            if case .airSide(let spec) = $0 { spec } else { nil }
        },
    ])
}

public struct PumpedRefrigerantSpec: SpecSection {
    public var pumpOnlyBelowC = 1.5555
    public var compressorOnlyAboveC = 34.889

    public init() {}

    public static let schema = Schema<PumpedRefrigerantSpec>([
        .number("pump_only_below_c", \.pumpOnlyBelowC, unit: "°C", range: -40...30, doc: "Outdoor dry bulb below which the pump alone cools."),
        .number("compressor_only_above_c", \.compressorOnlyAboveC, unit: "°C", range: -30...50,
                doc: "Outdoor dry bulb above which the compressor alone cools."),
    ], check: { economiser, o in
        if economiser.compressorOnlyAboveC <= economiser.pumpOnlyBelowC {
            o["compressor_only_above_c"].problem("must be above pump_only_below_c (\(formatNumber(economiser.pumpOnlyBelowC)) °C)")
        }
    })
}

public struct AirSideEconomiserSpec: SpecSection {
    /// Absent: differential dry bulb (outdoor air when colder than the return air).
    public var maxDryBulbC: Double?
    public var minDryBulbC = -20.0
    public var maxDewPointC = 13.5
    public var minOutdoorAir = 0.0

    public init() {}

    public static let schema = Schema<AirSideEconomiserSpec>([
        .optionalNumber("max_dry_bulb_c", \.maxDryBulbC, unit: "°C", range: -20...45,
                        doc: "Fixed dry-bulb limit (absent: differential, outdoor air when colder than the return air)."),
        .number("min_dry_bulb_c", \.minDryBulbC, unit: "°C", range: -60...30, doc: "Lowest outdoor dry bulb used."),
        .number("max_dew_point_c", \.maxDewPointC, unit: "°C", range: -20...30, doc: "Highest outdoor dew point used."),
        .number("min_outdoor_air", \.minOutdoorAir, range: 0...1, doc: "Minimum outdoor-air fraction."),
    ])
}
