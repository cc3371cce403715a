/// The plant rejecting a loop's heat.
public enum RejectionSpec: SpecVariant {
    case dryCooler(DryCoolerSpec)
    case chiller(ChillerSpec)
    case waterCooledChiller(WaterCooledChillerSpec)

    public static let variants = Variants<RejectionSpec>([
        .section("dry_cooler", doc: "Dry cooler, optionally adiabatic, optionally with a trim chiller.", RejectionSpec.dryCooler) {
            if case .dryCooler(let spec) = $0 { spec } else { nil }
        },
        .section("chiller", doc: "Air-cooled chiller.", RejectionSpec.chiller) {
            if case .chiller(let spec) = $0 { spec } else { nil }
        },
        .section("water_cooled_chiller", doc: "Water-cooled chiller with a cooling tower or dry cooler and a water-side economiser.",
                 RejectionSpec.waterCooledChiller) { if case .waterCooledChiller(let spec) = $0 { spec } else { nil } },
    ])

    /// Reports chiller curve sets whose condenser does not fit the chiller's position.
    func checkCondensers(_ at: SpecCursor) {
        switch self {
        case .dryCooler(let cooler): cooler.trimChiller?.checkCondenser(.air, at.at("dry_cooler.trim_chiller"))
        case .chiller(let chiller): chiller.checkCondenser(.air, at.at("chiller"))
        case .waterCooledChiller(let plant): plant.chiller.checkCondenser(.water, at.at("water_cooled_chiller.chiller"))
        }
    }
}

public struct DryCoolerSpec: SpecSection {
    public var approachK = 5.0
    /// Ambient temperature at which `capacity_mw` is rated (with the loop's design return water).
    public var designAmbientC = 35.0
    /// Rated capacity; default what removes the loop's design heat × the sizing factor at the design condition.
    public var capacityMw: Double?
    /// Fan power at full speed, % of rated capacity (large V-type dry coolers: 1–2.5 %).
    public var fanPowerPct = 1.5
    public var fanExponent = 3.0
    public var minFanFraction = 0.2
    /// Air temperature rise across the coil at rating (sets the air flow for water use).
    public var airDeltaTK = 10.0
    public var adiabatic: AdiabaticSpec?
    public var trimChiller: ChillerSpec?

    public init() {}

    public init(trimChiller: ChillerSpec?) { self.trimChiller = trimChiller }

    public init(adiabatic: AdiabaticSpec?) { self.adiabatic = adiabatic }

    public static let schema = Schema<DryCoolerSpec>([
        .number("approach_k", \.approachK, unit: "K", range: 0.5...30, doc: "Leaving water above the (pre-cooled) ambient at full fan speed."),
        .number("design_ambient_c", \.designAmbientC, unit: "°C", range: -10...55,
                doc: "Ambient at which capacity_mw is rated (with the loop's design return water)."),
        .optionalNumber("capacity_mw", \.capacityMw, unit: "MW", range: 0.001...10_000, doc: "Rated capacity.",
                        derived: "what removes the loop's design heat × design_sizing_factor at the design condition (ITD law); "
                            + "the design heat when it cannot reach the supply then; as a water-cooled chiller's sink, its Q (1 + 1/COP)"),
        .number("fan_power_pct", \.fanPowerPct, unit: "%", range: 0...20, doc: "Fan power at full speed, share of rated capacity."),
        .number("fan_exponent", \.fanExponent, range: 1...3, doc: "Exponent of fan power in the speed fraction."),
        .number("min_fan_fraction", \.minFanFraction, range: 0...1, doc: "Lowest fan speed."),
        .number("air_delta_t_k", \.airDeltaTK, unit: "K", range: 1...40, doc: "Air temperature rise across the coil at rating."),
        .optionalSection("adiabatic", \.adiabatic, doc: "Adiabatic pre-cooling of the inlet air."),
        .optionalSection("trim_chiller", \.trimChiller, doc: "Air-cooled chiller taking what the dry cooler cannot reach."),
    ])
}

public struct AdiabaticSpec: SpecSection {
    public var switchC = 28.0
    public var effectiveness = 0.7
    public var cyclesOfConcentration = 3.0

    public init() {}

    public static let schema = Schema<AdiabaticSpec>([
        .number("switch_c", \.switchC, unit: "°C", range: -10...60, doc: "Ambient above which the pads are wetted."),
        .number("effectiveness", \.effectiveness, range: 0...1, doc: "Wet-bulb effectiveness of the pads."),
        .number("cycles_of_concentration", \.cyclesOfConcentration, range: 1.1...20,
                doc: "Sump cycles of concentration: bleed = evaporation / (COC − 1).",
                hint: "bleed is evaporation / (COC − 1), so COC must exceed 1"),
    ])
}

/// A chiller: an EnergyPlus `Chiller:Electric:EIR` curve set shipped with HeatLoop (`ChillerCurveSet.all`), an
/// EnergyPlus `Chiller:Electric` (BLAST) chiller shipped with it (`BLASTChillerCurves.shipped`), or the
/// Carnot-fraction model when neither is given.
public struct ChillerSpec: SpecSection {
    public var curveSet: String?
    /// A shipped BLAST chiller's slug (`BLASTChillerCurves.shipped`).
    public var blast: String?
    /// Carnot efficiency η of `COP = η T_evap/(T_cond − T_evap)`.
    public var carnot = CarnotChillerSpec()
    /// Default: what delivers the loop's design heat × the sizing factor at the design condition.
    public var capacityMw: Double?
    public var evaporatorApproachK = 3.0
    /// Condensing above outdoor dry bulb (air-cooled condenser).
    public var condenserApproachK = 12.0
    public var maxCop = 12.0

    public init() {}

    public init(curveSet: String?) { self.curveSet = curveSet }

    public static let schema = Schema<ChillerSpec>([
        .optionalText("curve_set", \.curveSet, doc: "A shipped EIR curve set: " + ChillerCurveSet.all.map(\.slug).joined(separator: ", ") + ".",
                      normalise: { ChillerCurveSet.named($0)?.slug ?? $0 }),
        .optionalText("blast", \.blast, doc: "A shipped EnergyPlus Chiller:Electric (BLAST) chiller, water cooled: "
                      + BLASTChillerCurves.shipped.map(\.slug).joined(separator: ", ") + " (its nominal COP and curves; the capacity as capacity_mw)."),
        .section("carnot", \.carnot, doc: "The Carnot-fraction model (without curve_set or blast).").encoded(when: { $0.isCarnot }),
        .optionalNumber("capacity_mw", \.capacityMw, unit: "MW", range: 0.001...10_000, doc: "Rated cooling capacity.",
                        derived: "the loop's design heat × design_sizing_factor / CAPFT at the supply and the design condenser temperature"),
        .number("evaporator_approach_k", \.evaporatorApproachK, unit: "K", range: 0...20,
                doc: "Evaporating below the leaving chilled water (Carnot model).").encoded(when: { $0.isCarnot }),
        .number("condenser_approach_k", \.condenserApproachK, unit: "K", range: 0...30,
                doc: "Condensing above the outdoor dry bulb (Carnot model).").encoded(when: { $0.isCarnot }),
        .number("max_cop", \.maxCop, range: 1...50, doc: "Upper bound of the COP (Carnot model).").encoded(when: { $0.isCarnot }),
    ], check: { chiller, o in
        if let name = chiller.curveSet, ChillerCurveSet.named(name) == nil {
            let slugs = ChillerCurveSet.all.map(\.slug)
            o["curve_set"].problem("no chiller curve set '\(name)'\(Suggestion.hint(for: name, in: slugs)); shipped sets: \(slugs.joined(separator: ", "))")
        }
        if o["curve_set"].isPresent, o["carnot"].isPresent {
            o["carnot"].problem("give either 'curve_set' (EnergyPlus EIR curves) or 'carnot', not both")
        }
        if let name = chiller.blast, BLASTChillerCurves.named(name) == nil {
            let slugs = BLASTChillerCurves.shipped.map(\.slug)
            o["blast"].problem("no BLAST chiller '\(name)'\(Suggestion.hint(for: name, in: slugs)); shipped: \(slugs.joined(separator: ", "))")
        }
        if o["blast"].isPresent, o["curve_set"].isPresent || o["carnot"].isPresent {
            o["blast"].problem("give one chiller model: 'blast' (EnergyPlus Chiller:Electric), 'curve_set' (EIR curves) or 'carnot'")
        }
    })

    /// Neither an EIR curve set nor a BLAST chiller: the Carnot-fraction model.
    var isCarnot: Bool { curveSet == nil && blast == nil }

    /// Reports a curve set whose condenser (air or water) is not the one this chiller has.
    func checkCondenser(_ condenser: ChillerCondenserType, _ at: SpecCursor) {
        if blast != nil, condenser == .air {
            at.at("blast").problem("the shipped BLAST chillers are water-cooled; this chiller is air-cooled: use 'curve_set' or 'carnot'")
        }
        guard let name = curveSet, let set = ChillerCurveSet.named(name), set.curves.condenser != condenser else { return }
        let wanted = ChillerCurveSet.all.filter { $0.curves.condenser == condenser }.map(\.slug)
        at.at("curve_set").problem("'\(set.slug)' is \(set.curves.condenser == .air ? "air" : "water")-cooled; "
            + "this chiller is \(condenser == .air ? "air-cooled" : "water-cooled"): use one of \(wanted.joined(separator: ", "))")
    }
}

public struct CarnotChillerSpec: SpecSection {
    public var efficiency = 0.55

    public init() {}

    public static let schema = Schema<CarnotChillerSpec>([
        .number("efficiency", \.efficiency, range: 0.05...0.9, doc: "Carnot efficiency η of COP = η T_evap / (T_cond − T_evap).",
                hint: "real chillers reach 0.3–0.65 of Carnot"),
    ])
}

/// A water-cooled chiller, its condenser heat sink (cooling tower or dry cooler) and an optional
/// water-side economiser (plate heat exchanger on the loop return).
public struct WaterCooledChillerSpec: SpecSection {
    public var chiller = ChillerSpec(curveSet: "carrier-19xr-vsd")
    /// Default: a cooling tower unless `dry_cooler` is given (filled by the design step).
    public var coolingTower: CoolingTowerSpec?
    public var dryCooler: DryCoolerSpec?
    public var economiser: PlateExchangerSpec? = PlateExchangerSpec()
    /// The condenser-water pump; absent: not counted.
    public var condenserPump: CondenserPumpSpec?

    public init() {}

    public static let schema = Schema<WaterCooledChillerSpec>([
        .section("chiller", \.chiller, doc: "The water-cooled chiller."),
        .optionalSection("cooling_tower", \.coolingTower, doc: "Open cooling tower on the condenser water.",
                         derived: "a cooling tower with the defaults below, unless dry_cooler is given"),
        .optionalSection("dry_cooler", \.dryCooler, doc: "Dry cooler on the condenser water instead of a tower."),
        .optionalSection("economiser", \.economiser, doc: "Water-side economiser (`none` removes it).", off: ["none"]),
        .optionalSection("condenser_pump", \.condenserPump,
                         doc: "Condenser-water pump at the tower's design flow while the plant rejects heat (absent: not counted)."),
    ], check: { plant, o in
        if o["cooling_tower"].isPresent, o["dry_cooler"].isPresent {
            o["dry_cooler"].problem("give one condenser heat sink: 'cooling_tower' or 'dry_cooler', not both")
        }
        if plant.dryCooler?.trimChiller != nil {
            o["dry_cooler"].problem("a condenser dry cooler has no trim chiller of its own")
        }
        if o["condenser_pump"].isPresent, o["dry_cooler"].isPresent {
            o["condenser_pump"].problem("the condenser pump moves a cooling tower's design water flow; give 'cooling_tower', not 'dry_cooler'")
        }
    })
}

/// The condenser-water pump of a water-cooled chiller plant (EnergyPlus `Pump:VariableSpeed` on the condenser loop,
/// its defaults): design power `V̇_tower Δp / (0.78 η_motor)`, the motor's shaft power into the water.
public struct CondenserPumpSpec: SpecSection {
    /// EnergyPlus's default design head, 179,352 Pa.
    public var headKpa = 179.352
    public var motorEfficiency = 0.9

    public init() {}

    public static let schema = Schema<CondenserPumpSpec>([
        .number("head_kpa", \.headKpa, unit: "kPa", range: 1...2000, doc: "Pump head at design flow."),
        .number("motor_efficiency", \.motorEfficiency, range: 0.3...1,
                doc: "Motor efficiency: design power is flow × head / (0.78 × it) (EnergyPlus's impeller efficiency 0.78); "
                    + "the motor's shaft power heats the condenser water."),
    ])
}

/// An open cooling tower on the condenser water (defaults: CTI rating point, Modelica `YorkCalc` nominal).
public struct CoolingTowerSpec: SpecSection {
    public var approachK = 3.9
    public var rangeK = 5.6
    /// Heat rejected at design; default the chiller's design heat × (1 + 1/COP) (evaporator + compressor heat).
    public var capacityMw: Double?
    /// Fan power at full speed, % of design heat (induced-draft towers: 0.5–1.5 %).
    public var fanPowerPct = 1.0
    public var fanExponent = 3.0
    public var minFanFraction = 0.2
    public var cyclesOfConcentration = 4.0
    /// Drift, % of circulating water (EnergyPlus default 0.008 %).
    public var driftPct = 0.008
    /// The YorkCalc variable-speed tower instead of the constant approach.
    public var yorkcalc: YorkCalcSpec?
    public var basinHeater: BasinHeaterSpec?

    public init() {}

    var isConstantApproach: Bool { yorkcalc == nil }

    public static let schema = Schema<CoolingTowerSpec>([
        .number("approach_k", \.approachK, unit: "K", range: 0.5...20, doc: "Leaving water above the wet bulb at design."),
        .number("range_k", \.rangeK, unit: "K", range: 1...30, doc: "Condenser-water range at design."),
        .optionalNumber("capacity_mw", \.capacityMw, unit: "MW", range: 0.001...10_000, doc: "Heat rejected at design.",
                        derived: "the loop's design heat × design_sizing_factor × (1 + 1/COP at the design condition)"),
        .number("fan_power_pct", \.fanPowerPct, unit: "%", range: 0...10, doc: "Fan power at full speed, share of design heat."),
        .number("fan_exponent", \.fanExponent, range: 1...3,
                doc: "Exponent of fan power in the speed fraction (constant-approach tower).").encoded(when: { $0.isConstantApproach }),
        .number("min_fan_fraction", \.minFanFraction, range: 0...1, doc: "Lowest fan speed (YorkCalc: the minimum air flow ratio)."),
        .number("cycles_of_concentration", \.cyclesOfConcentration, range: 1.1...20,
                doc: "Blow-down is evaporation / (COC − 1) − drift.",
                hint: "blow-down is evaporation / (COC − 1) − drift, so COC must exceed 1"),
        .number("drift_pct", \.driftPct, unit: "%", range: 0...1, doc: "Drift, share of circulating water."),
        .optionalSection("yorkcalc", \.yorkcalc,
                         doc: "EnergyPlus CoolingTower:VariableSpeed (YorkCalc): the approach from the correlation, calibrated at "
                            + "approach_k, range_k and design_wet_bulb_c, the fan modulated to a condenser-water setpoint."),
        .optionalSection("basin_heater", \.basinHeater,
                         doc: "Electric heater keeping the basin water from freezing while the tower is idle: "
                            + "capacity_w_per_k × (setpoint_c − outdoor dry bulb) below setpoint_c (EnergyPlus's basin heater)."),
    ], check: { tower, o in
        guard let york = tower.yorkcalc, let correlation = YorkCalcCorrelation.named(york.correlation) else { return }
        if YorkCalcTower.calibratedWaterFlowRatio(correlation, wetBulb: york.designWetBulbC, range: tower.rangeK,
                                                  approach: tower.approachK) == nil {
            o["approach_k"].problem("the YorkCalc correlation gives no approach of \(formatNumber(tower.approachK)) K at range "
                + "\(formatNumber(tower.rangeK)) K and wet bulb \(formatNumber(york.designWetBulbC)) °C for any water flow ratio "
                + "0.5…\(formatNumber(4 * correlation.waterFlowRatioBounds.upperBound)); change approach_k, range_k or design_wet_bulb_c")
        }
    })
}

/// A cooling tower's basin heater (EnergyPlus `CoolingTower:*` "Basin Heater Capacity" and "Basin Heater Setpoint
/// Temperature", always available: no operating schedule).
public struct BasinHeaterSpec: SpecSection {
    public var capacityWPerK = 0.0
    /// EnergyPlus's default and lowest setpoint.
    public var setpointC = 2.0

    public init() {}

    var model: BasinHeater { BasinHeater(capacityPerKelvin: capacityWPerK, setpoint: Celsius(setpointC)) }

    public static let schema = Schema<BasinHeaterSpec>([
        .number("capacity_w_per_k", \.capacityWPerK, unit: "W/K", range: 0...1e7,
                doc: "Heater power per kelvin of outdoor air below the setpoint.", required: true),
        .number("setpoint_c", \.setpointC, unit: "°C", range: 2...20,
                doc: "Outdoor dry bulb below which the idle tower's heater runs (EnergyPlus: at least 2 °C)."),
    ])
}

/// The YorkCalc variable-speed tower's own keys (EnergyPlus `CoolingTower:VariableSpeed` and its
/// `SetpointManager:FollowOutdoorAirTemperature`); defaults are EnergyPlus's or, where it has none, the 2-zone example's.
public struct YorkCalcSpec: SpecSection {
    public var correlation = "energyplus-yorkcalc"
    /// EnergyPlus's default design inlet air wet bulb.
    public var designWetBulbC = 25.6
    public var freeConvectionFraction = 0.125
    public var fanPowerCurve = [-0.00931516301535329, 0.0512333965844443, -0.0838364671381841, 1.04191823356909]
    /// Default: EnergyPlus's sizing at sea level, fan power × 0.5 / 190 Pa.
    public var airFlowM3PerS: Double?
    public var setpointOffsetK = 0.0
    public var minSetpointC = 10.0
    public var maxSetpointC = 80.0

    public init() {}

    public static let schema = Schema<YorkCalcSpec>([
        .text("correlation", \.correlation,
              doc: "A shipped YorkCalc correlation: " + YorkCalcCorrelation.shipped.map(\.slug).joined(separator: ", ") + "."),
        .number("design_wet_bulb_c", \.designWetBulbC, unit: "°C", range: -10...40,
                doc: "Inlet air wet bulb of the design point the water flow is calibrated at (with approach_k and range_k)."),
        .number("free_convection_fraction", \.freeConvectionFraction, range: 0.001...0.2,
                doc: "Fraction of the tower's capacity with the fan off."),
        .numbers("fan_power_curve", \.fanPowerCurve, count: 4, range: -1e6...1e6,
                 doc: "Cubic a, b, c, d of fan power / design fan power in the air flow ratio (evaluated at 0.15…1)."),
        .optionalNumber("air_flow_m3_per_s", \.airFlowM3PerS, unit: "m³/s", range: 0.001...1e5,
                        doc: "Air flow at full fan speed (for the evaporation).",
                        derived: "design fan power × 0.5 / 190 Pa (EnergyPlus's sizing at sea level; it scales that by "
                            + "101,325 Pa / the site's pressure, +2 % at 200 m)"),
        .number("setpoint_offset_k", \.setpointOffsetK, unit: "K", range: -20...40,
                doc: "Condenser-water setpoint above the outdoor wet bulb."),
        .number("min_setpoint_c", \.minSetpointC, unit: "°C", range: -20...80, doc: "Lowest condenser-water setpoint."),
        .number("max_setpoint_c", \.maxSetpointC, unit: "°C", range: -20...100, doc: "Highest condenser-water setpoint."),
    ], check: { york, o in
        if YorkCalcCorrelation.named(york.correlation) == nil {
            let slugs = YorkCalcCorrelation.shipped.map(\.slug)
            o["correlation"].problem("no YorkCalc correlation '\(york.correlation)'\(Suggestion.hint(for: york.correlation, in: slugs)); "
                + "shipped: \(slugs.joined(separator: ", "))")
        }
        if york.minSetpointC > york.maxSetpointC {
            o["min_setpoint_c"].problem("min_setpoint_c \(formatNumber(york.minSetpointC)) is above max_setpoint_c \(formatNumber(york.maxSetpointC))")
        }
    })
}

/// The water-side economiser's plate heat exchanger.
public struct PlateExchangerSpec: SpecSection {
    public var approachK = 1.5

    public init() {}

    public static let schema = Schema<PlateExchangerSpec>([
        .number("approach_k", \.approachK, unit: "K", range: 0.2...10, doc: "Approach of the plate heat exchanger."),
    ])
}
