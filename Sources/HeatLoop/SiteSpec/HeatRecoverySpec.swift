public struct HeatRecoverySpec: SpecSection {
    public var heatPump = HeatPumpSpec()
    /// Absent: no exchangers, every watt goes through the heat pump.
    public var heatExchange: HeatExchangeSpec?
    public var storage: StorageSpec?
    public var districtHeating = DistrictHeatingSpec()

    public init() {}

    public static let schema = Schema<HeatRecoverySpec>([
        .section("heat_pump", \.heatPump, doc: "Heat pump lifting the loops' heat to the network's supply.", required: "with capacity_mw"),
        .optionalSection("heat_exchange", \.heatExchange,
                         doc: "Exchangers between the loops and the network (absent: everything goes through the heat pump)."),
        .optionalSection("storage", \.storage, doc: "Hot-water storage tank between the heat pump and the network."),
        .section("district_heating", \.districtHeating, doc: "The district-heating network and its demand.", required: "with a demand"),
    ])
}

public struct HeatPumpSpec: SpecSection {
    public var capacityMw = 0.0
    public var cop = COPSpec.jensen(JensenCOPSpec())
    public var maxCop = 10.0
    public var minPartLoad = 0.2
    /// Identical units in parallel sharing `capacity_mw`.
    public var units = 1
    public var source = HeatSource.liquid
    /// `HeatPumpOperation`: Trane's restart-inhibit range (10–30 min, default 20).
    public var minRunMin = 30.0
    public var minOffMin = 20.0
    /// A shipped chiller curve set whose EIR-of-part-load curve gives the part-load COP, or `none`.
    public var partLoadCurve = HeatPumpPartLoad.defaultCurveSet
    /// `HeatPumpCapacity`: capacity_mw holds at this source-leaving temperature (absent: at every one).
    public var ratedSourceOutC: Double?

    public init() {}

    public static let schema = Schema<HeatPumpSpec>([
        .number("capacity_mw", \.capacityMw, unit: "MW", range: 0...10_000, doc: "Heating capacity of all units.", required: true),
        .variant("cop", \.cop, doc: "COP model."),
        .number("max_cop", \.maxCop, range: 1...50, doc: "Upper bound of the COP."),
        .number("min_part_load", \.minPartLoad, range: 0...1, doc: "Lowest part load of one unit."),
        .integer("units", \.units, range: 1...100, doc: "Identical units in parallel sharing capacity_mw."),
        .choice("source", \.source, doc: "Loop the heat pump draws from."),
        .number("min_run_min", \.minRunMin, unit: "min", range: 0...1440, doc: "Least time a unit runs once started.",
                hint: "large chillers and heat pumps inhibit restarts for 10–30 min"),
        .number("min_off_min", \.minOffMin, unit: "min", range: 0...1440, doc: "Least time between a unit stopping and a unit starting."),
        .text("part_load_curve", \.partLoadCurve,
              doc: "EIR-of-part-load curve of a shipped chiller curve set giving COP against load ratio ("
                  + ChillerCurveSet.all.map(\.slug).joined(separator: ", ") + "), or none.",
              normalise: { ChillerCurveSet.named($0)?.slug ?? $0 }),
        .optionalNumber("rated_source_out_c", \.ratedSourceOutC, unit: "°C", range: -30...120,
                        doc: "Source-leaving temperature of capacity_mw; the capacity then scales with an ammonia compressor's volumetric heating capacity.",
                        derived: "capacity_mw at every temperature"),
    ], check: { pump, o in
        if pump.partLoadCurve != "none", ChillerCurveSet.named(pump.partLoadCurve) == nil {
            let names = ChillerCurveSet.all.map(\.slug) + ["none"]
            o["part_load_curve"].problem("no curve set '\(pump.partLoadCurve)'\(Suggestion.hint(for: pump.partLoadCurve, in: names)); "
                + "expected one of \(names.joined(separator: ", "))")
        }
    })

    /// The capacity model: scaled from `rated_source_out_c` with the COP model's approach (5 K unless given).
    var ratedCapacity: HeatPumpCapacity? {
        ratedSourceOutC.map { rated in
            switch cop {
            case .jensen(let model): HeatPumpCapacity(ratedSourceOutlet: rated, pinch: model.pinchK)
            case .carnot(let model), .lorenz(let model): HeatPumpCapacity(ratedSourceOutlet: rated, pinch: model.pinchK)
            case .jesper, .table: HeatPumpCapacity(ratedSourceOutlet: rated)
            }
        }
    }

    /// The part-load model: the named curve set's EIR-of-part-load curve, or constant for `none`.
    var partLoad: HeatPumpPartLoad {
        ChillerCurveSet.named(partLoadCurve).map { .curve($0.curves.eirFunctionOfPartLoad) } ?? .constant
    }
}

extension HeatSource: SpecChoice {}

/// Heat-pump COP model (DESIGN §3.5).
public enum COPSpec: SpecVariant {
    /// Lorenz COP corrected for fluid, compressor and approach (Jensen et al. 2018): the default.
    case jensen(JensenCOPSpec)
    /// Regression of market-available large heat pumps (Jesper et al. 2021).
    case jesper
    case carnot(CarnotCOPSpec)
    case lorenz(CarnotCOPSpec)
    /// Manufacturer map: rows per source-leaving temperature, columns per sink-leaving temperature.
    case table(COPTableSpec)

    public static let variants = Variants<COPSpec>([
        .section("jensen", doc: "Lorenz COP corrected for working fluid, compressor and approach (Jensen et al. 2018).",
                 COPSpec.jensen) {
            if case .jensen(let spec) = $0 { spec } else { nil }
        },
        .bare("jesper", doc: "Regression of 33 market-available large heat pumps on the lift (Jesper et al. 2021).", .jesper),
        .section("carnot", doc: "Fraction of the Carnot COP between the leaving temperatures.", COPSpec.carnot) {
            if case .carnot(let spec) = $0 { spec } else { nil }
        },
        .section("lorenz", doc: "Fraction of the Lorenz COP (log-mean temperatures of source and sink).", COPSpec.lorenz) {
            if case .lorenz(let spec) = $0 { spec } else { nil }
        },
        .section("table", doc: "Manufacturer map, bilinear between its points.", COPSpec.table) {
            if case .table(let spec) = $0 { spec } else { nil }
        },
    ])
}

public struct JensenCOPSpec: SpecSection {
    public var fluid = JensenHeatPumpCOP.Fluid.ammonia
    public var pinchK = 5.0
    public var isentropicEfficiency = 0.7
    public var heatLoss = 0.0

    public init() {}

    public static let schema = Schema<JensenCOPSpec>([
        .choice("fluid", \.fluid, doc: "Working fluid (the fluids Jensen et al. give coefficients for)."),
        .number("pinch_k", \.pinchK, unit: "K", range: 0...20, doc: "Approach of evaporator and condenser."),
        .number("isentropic_efficiency", \.isentropicEfficiency, range: 0.3...1, doc: "Isentropic efficiency of the compressor.",
                hint: "screw and piston compressors of large heat pumps reach 0.6–0.8"),
        .number("heat_loss", \.heatLoss, range: 0...0.5, doc: "Share of the compressor work lost as heat outside the sink."),
    ])
}

extension JensenHeatPumpCOP.Fluid: SpecChoice {}

public struct CarnotCOPSpec: SpecSection {
    public var efficiency = 0.5
    public var pinchK = 5.0

    public init() {}

    public static let schema = Schema<CarnotCOPSpec>([
        .number("efficiency", \.efficiency, range: 0.05...0.9, doc: "Fraction of the ideal COP.",
                hint: "large heat pumps reach 0.4–0.6 of Carnot"),
        .number("pinch_k", \.pinchK, unit: "K", range: 0...20, doc: "Pinch of evaporator and condenser."),
    ])
}

public struct COPTableSpec: SpecSection {
    public var sourceOutC: [Double] = []
    public var sinkOutC: [Double] = []
    public var cop: [[Double]] = []
    /// Default: 1 everywhere (filled by the design step).
    public var capacityFactor: [[Double]]?

    public init() {}

    public static let schema = Schema<COPTableSpec>([
        .numbers("source_out_c", \.sourceOutC, count: nil, unit: "°C", range: -30...120, doc: "Source-leaving temperatures, increasing."),
        .numbers("sink_out_c", \.sinkOutC, count: nil, unit: "°C", range: 0...200, doc: "Sink-leaving temperatures, increasing."),
        .rows("cop", \.cop, width: nil, ranges: [1...20], row: "rows of numbers, one row per source_out_c",
              doc: "COP, one row per source_out_c, one column per sink_out_c.", required: true),
        .optionalRows("capacity_factor", \.capacityFactor, width: nil, ranges: [0...2], row: "rows of numbers, one row per source_out_c",
                      doc: "Capacity relative to capacity_mw, shaped as cop.", derived: "1 everywhere"),
    ], check: { table, o in
        for (key, axis) in [("source_out_c", table.sourceOutC), ("sink_out_c", table.sinkOutC)] where o[key].isPresent {
            if axis.count < 2 || zip(axis, axis.dropFirst()).contains(where: { $0 >= $1 }) {
                o[key].problem("expected at least two temperatures in increasing order")
            }
        }
        for (key, grid) in [("cop", table.cop), ("capacity_factor", table.capacityFactor)] where o[key].isPresent {
            guard let grid else { continue }
            if grid.count != table.sourceOutC.count {
                o[key].problem("expected \(table.sourceOutC.count) rows (one per source_out_c) of \(table.sinkOutC.count) numbers (one per sink_out_c)")
            }
            for (index, row) in grid.enumerated() where row.count != table.sinkOutC.count {
                o.at("\(key)[\(index)]").problem("expected \(table.sinkOutC.count) numbers, one per sink_out_c")
            }
        }
    })
}

/// Exchangers between the loops and the DH network (direct supply and pre-heating of its return).
public struct HeatExchangeSpec: SpecSection {
    /// Counterflow plate exchanger approach (3–5 K typical).
    public var approachK = 3.0
    public var direct = true
    public var preheat = true

    public init() {}

    public static let schema = Schema<HeatExchangeSpec>([
        .number("approach_k", \.approachK, unit: "K", range: 0.5...20, doc: "Counterflow plate-exchanger approach."),
        .boolean("direct", \.direct, doc: "Supply the network directly when the loop is warm enough."),
        .boolean("preheat", \.preheat, doc: "Pre-heat the network's return before the heat pump."),
    ])
}

public struct StorageSpec: SpecSection {
    public var volumeM3 = 0.0
    /// Default: the heat pump's capacity.
    public var chargeMw: Double?
    public var dischargeMw: Double?
    public var lossPctPerDay = 1.0
    /// A stopped heat pump restarts below this charge (`HeatStorage.restartBelow`).
    public var restartBelowPct = 50.0
    /// A seasonal pit store instead of a tank.
    public var pit: PitStorageSpec?

    public init() {}

    public static let schema = Schema<StorageSpec>([
        .number("volume_m3", \.volumeM3, unit: "m³", range: 0...10_000_000,
                doc: "Tank volume; its energy spans the step's supply and return temperatures.", required: true),
        .optionalNumber("charge_mw", \.chargeMw, unit: "MW", range: 0...10_000, doc: "Highest charging power.",
                        derived: "the heat pump's capacity"),
        .optionalNumber("discharge_mw", \.dischargeMw, unit: "MW", range: 0...10_000, doc: "Highest discharging power.",
                        derived: "the heat pump's capacity"),
        .number("loss_pct_per_day", \.lossPctPerDay, unit: "%/d", range: 0...100,
                doc: "Share of the stored heat lost per day (a tank; a pit's losses follow from its `pit` section)."),
        .number("restart_below_pct", \.restartBelowPct, unit: "%", range: 0...100,
                doc: "A stopped heat pump restarts when the tank's hot layer is below this share of its volume (or the tank cannot cover the demand)."),
        .optionalSection("pit", \.pit,
                         doc: "A seasonal pit thermal energy store: losses through its lid and to the soil (`district_heating.soil_conductivity_w_per_m_k`)."),
    ])
}

/// A seasonal pit store's shape and lid (`PitStorage`); defaults are Dronninglund's (IEA SHC fact sheet 55.C-D2).
public struct PitStorageSpec: SpecSection {
    public var depthM = 16.0
    public var sideSlope = 2.0
    public var lidUWM2K = 0.2

    public init() {}

    public static let schema = Schema<PitStorageSpec>([
        .number("depth_m", \.depthM, unit: "m", range: 2...40, doc: "Depth of the pit."),
        .number("side_slope", \.sideSlope, range: 0...5, doc: "Horizontal run of the side walls per metre of depth."),
        .number("lid_u_w_m2k", \.lidUWM2K, unit: "W/(m²·K)", range: 0.01...5, doc: "Thermal transmittance of the floating insulated lid."),
    ])
}

public struct DistrictHeatingSpec: SpecSection {
    /// 4th-generation DH (Lund et al. 2014): 70 °C at −15 °C outdoors → 55 °C at ≥ 10 °C.
    public var supplyCurveC: [[Double]] = [[-15, 70], [10, 55]]
    public var returnC = 35.0
    /// Weather-compensated return instead of `return_c`.
    public var returnCurveC: [[Double]]?
    /// Default: the heat pump's capacity.
    public var connectionMw: Double?
    /// Share of the heat fed in that the network loses on its way to consumers (or `pipes`).
    public var networkLossPct = 0.0
    /// Buried pipe pairs whose losses follow the supply, return and ground temperatures (or `network_loss_pct`).
    public var pipes: [PipeSpec] = []
    /// Soil conductivity around the pipes, W/(m·K) (Frederiksen & Werner: 1–2 for moist soil).
    public var soilConductivityWPerMK = 1.5
    public var returnRiseK = 0.0
    public var minimumFlowKgS = 0.0
    public var producers: [ProducerSpec] = []
    public var demand = DemandSpec.degreeHours(DegreeHoursSpec())

    public init() {}

    public static let schema = Schema<DistrictHeatingSpec>([
        .rows("supply_curve_c", \.supplyCurveC, width: 2, unit: "°C", ranges: [-1e9...1e9, 20...150],
              row: "[outdoor °C, supply °C] pairs, e.g. [-15, 70]", doc: "Supply temperature against outdoor temperature (4th-generation DH)."),
        .number("return_c", \.returnC, unit: "°C", range: 10...100, doc: "Constant network return temperature.")
            .encoded(when: { $0.returnCurveC == nil }),
        .optionalRows("return_curve_c", \.returnCurveC, width: 2, unit: "°C", ranges: [-1e9...1e9, 10...100],
                      row: "[outdoor °C, return °C] pairs, e.g. [-15, 45]", doc: "Weather-compensated return instead of return_c."),
        .optionalNumber("connection_mw", \.connectionMw, unit: "MW", range: 0...10_000, doc: "Capacity of the connection to the network.",
                        derived: "the heat pump's capacity"),
        .number("network_loss_pct", \.networkLossPct, unit: "%", range: 0...60,
                doc: "Share of the heat fed in lost on its way to consumers (a network whose pipes are unknown; or pipes).")
            .encoded(when: { $0.pipes.isEmpty }),
        .list("pipes", \.pipes, doc: "Buried supply/return pipe pairs; their losses follow the network and ground temperatures "
              + "(EN 13941, Kusuda–Achenbach ground) instead of network_loss_pct.", maximumCount: 100),
        .number("soil_conductivity_w_per_m_k", \.soilConductivityWPerMK, unit: "W/(m·K)", range: 0.2...5,
                doc: "Soil conductivity around the pipes (also sets the ground's diffusivity).",
                hint: "moist soil 1–2 W/(m·K), dry sand 0.3–0.5"),
        .number("return_rise_k", \.returnRiseK, unit: "K", range: 0...40,
                doc: "Rise of the return temperature from no load to the consumers' peak load."),
        .number("minimum_flow_kg_s", \.minimumFlowKgS, unit: "kg/s", range: 0...100_000,
                doc: "Lowest circulation kept by a summer bypass; below it the return rises toward the supply."),
        .list("producers", \.producers, doc: "The network's other producers in merit order: the data center's heat is taken "
              + "only where must-run output leaves room and it is cheaper than the producer it displaces.", maximumCount: 100),
        .variant("demand", \.demand, doc: "The network's heat demand.", required: "e.g. {degree_hours: {annual_gwh: 80}}"),
    ], check: { network, o in
        if o["network_loss_pct"].isPresent, !network.pipes.isEmpty {
            o["pipes"].problem("give either 'network_loss_pct' (a share of the heat fed in) or 'pipes' (losses from the pipes), not both")
        }
        if o["return_c"].isPresent, o["return_curve_c"].isPresent {
            o["return_curve_c"].problem("give either 'return_c' (constant) or 'return_curve_c' (weather-compensated), not both")
        }
        for (key, curve) in [("supply_curve_c", network.supplyCurveC), ("return_curve_c", network.returnCurveC ?? [])]
        where o[key].isPresent {
            if curve.isEmpty { o[key].problem("needs at least one [outdoor, temperature] point") }
            if Set(curve.map { $0[0] }).count != curve.count { o[key].problem("two points share an outdoor temperature") }
        }
        let highestReturn = network.returnCurveC?.map { $0[1] }.max() ?? network.returnC
        if let minimum = network.supplyCurveC.map({ $0[1] }).min(), minimum <= highestReturn {
            o[network.returnCurveC == nil ? "return_c" : "return_curve_c"].problem(
                "return (up to \(formatNumber(highestReturn)) °C) must be below the lowest supply temperature (\(formatNumber(minimum)) °C)")
        }
    })
}

/// A buried pair of pre-insulated single pipes, supply and return (`PipeSection`).
public struct PipeSpec: SpecSection {
    public var lengthM = 0.0
    public var dn = 0
    public var insulation = InsulationSeries.series2
    public var coverM = 0.6
    public var insulationConductivityWPerMK = 0.027

    public init() {}

    public static let schema = Schema<PipeSpec>([
        .number("length_m", \.lengthM, unit: "m", range: 0...1e7, doc: "Trench length (one supply and one return pipe).",
                required: true),
        .integer("dn", \.dn, range: 20...600, doc: "Nominal diameter: \(NominalDiameter.allCases.map { String($0.rawValue) }.joined(separator: ", ")).",
                 required: true),
        .choice("insulation", \.insulation, doc: "EN 253 insulation series (thicker casing from 1 to 3)."),
        .number("cover_m", \.coverM, unit: "m", range: 0.2...5, doc: "Ground surface to the top of the casing."),
        .number("insulation_conductivity_w_per_m_k", \.insulationConductivityWPerMK, unit: "W/(m·K)", range: 0.01...0.1,
                doc: "PUR foam conductivity (aged; EN 253 requires ≤ 0.029)."),
    ], check: { pipe, o in
        if o["dn"].isPresent, NominalDiameter(rawValue: pipe.dn) == nil {
            o["dn"].problem("DN \(pipe.dn) is not a listed size; expected one of \(NominalDiameter.allCases.map { String($0.rawValue) }.joined(separator: ", "))")
        }
    })
}

extension InsulationSeries: SpecChoice {}

/// Another producer of the network (`HeatProducer`).
public struct ProducerSpec: SpecSection {
    public var name = ""
    public var kind = HeatProducer.Kind.other
    public var capacityMw = 0.0
    public var mustRun = false
    public var marginalCostEurPerMwh = 0.0
    public var co2GPerKwh = 0.0

    public init() {}

    public static let schema = Schema<ProducerSpec>([
        .text("name", \.name, doc: "Name shown in results.", required: "e.g. 'incinerator'"),
        .choice("kind", \.kind, doc: "Kind of plant."),
        .number("capacity_mw", \.capacityMw, unit: "MW", range: 0...100_000, doc: "Heat capacity.", required: true),
        .boolean("must_run", \.mustRun, doc: "Runs whatever the price (waste incineration, heat-led CHP)."),
        .number("marginal_cost_eur_per_mwh", \.marginalCostEurPerMwh, unit: "€/MWh", range: -1000...10_000,
                doc: "Cost of one more MWh of its heat.", required: true),
        .number("co2_g_per_kwh", \.co2GPerKwh, unit: "g/kWh", range: 0...2000, doc: "CO2 of its heat.",
                hint: "gas boiler ~220, gas CHP ~200, waste incineration 0 (burnt anyway)"),
    ])
}

extension HeatProducer.Kind: SpecChoice {}

/// The network's heat demand.
public enum DemandSpec: SpecVariant {
    case degreeHours(DegreeHoursSpec)
    case bdew(BDEWSpec)
    case profile(ProfileDemandSpec)
    case constant(ConstantDemandSpec)

    public static let variants = Variants<DemandSpec>([
        .section("degree_hours", doc: "Space heating by heating degree hours plus a constant hot-water share.", DemandSpec.degreeHours) {
            if case .degreeHours(let spec) = $0 { spec } else { nil }
        },
        .section("bdew", doc: "BDEW standard load profile for residential buildings (demandlib's HeatBuilding).", DemandSpec.bdew) {
            if case .bdew(let spec) = $0 { spec } else { nil }
        },
        .section("profile", doc: "A measured or planned demand series (CSV).", DemandSpec.profile) {
            if case .profile(let spec) = $0 { spec } else { nil }
        },
        .section("constant", doc: "A constant offtaker (an industrial process, a greenhouse).", DemandSpec.constant) {
            if case .constant(let spec) = $0 { spec } else { nil }
        },
    ])
}

/// Sized by `annual_gwh`, or by `design_load_mw` at `design_outdoor_c` (exactly one of the two).
public struct DegreeHoursSpec: SpecSection {
    public var annualGwh: Double?
    public var designLoadMw: Double?
    public var designOutdoorC = -15.0
    public var heatingLimitC = 15.0
    public var hotWaterShare = 0.15

    public init() {}

    public static let schema = Schema<DegreeHoursSpec>([
        .optionalNumber("annual_gwh", \.annualGwh, unit: "GWh", range: 0...100_000, doc: "Annual demand (or design_load_mw)."),
        .optionalNumber("design_load_mw", \.designLoadMw, unit: "MW", range: 0...100_000,
                        doc: "Connected load at design_outdoor_c (or annual_gwh)."),
        .number("design_outdoor_c", \.designOutdoorC, unit: "°C", range: -60...10, doc: "Outdoor temperature of the design load."),
        .number("heating_limit_c", \.heatingLimitC, unit: "°C", range: 0...30, doc: "Outdoor temperature above which there is no space heating."),
        .number("hot_water_share", \.hotWaterShare, range: 0...0.95, doc: "Share of the annual demand that is hot water."),
    ], check: { demand, o in
        if o["annual_gwh"].isPresent == o["design_load_mw"].isPresent {
            o.problem(
                "give exactly one of 'annual_gwh' (annual demand) or 'design_load_mw' (connected load at design_outdoor_c)")
        }
        if demand.designOutdoorC >= demand.heatingLimitC {
            o["design_outdoor_c"].problem("the design outdoor temperature must be below heating_limit_c (\(formatNumber(demand.heatingLimitC)) °C)")
        }
    })
}

/// BDEW standard load profile for residential buildings (demandlib's `HeatBuilding`).
public struct BDEWSpec: SpecSection {
    public var annualGwh = 0.0
    public var profile = BDEWProfile.BuildingType.multiFamily
    /// BDEW building class 1…11 (default: 1 for EFH, 2 for MFH, the classes demandlib's hour factors describe).
    public var buildingClass: Int?
    public var windy = false
    public var hotWater = true

    public init() {}

    public static let schema = Schema<BDEWSpec>([
        .number("annual_gwh", \.annualGwh, unit: "GWh", range: 0...100_000, doc: "Annual demand.", required: true),
        .choice("profile", \.profile, doc: "EFH (single-family) or MFH (multi-family) houses."),
        .optionalInteger("building_class", \.buildingClass, range: 1...11, doc: "BDEW building class.",
                         derived: "1 for EFH, 2 for MFH (the classes demandlib's hour factors describe)"),
        .boolean("windy", \.windy, doc: "A windy location."),
        .boolean("hot_water", \.hotWater, doc: "Include hot water."),
    ])

    /// The building class: as given, else 1 for EFH and 2 for MFH.
    public var designedBuildingClass: Int { buildingClass ?? (profile == .singleFamily ? 1 : 2) }
}

extension BDEWProfile.BuildingType: SpecChoice {}

/// A measured or planned demand: CSV with `time` and a `*_mw` column, relative to the site file.
public struct ProfileDemandSpec: SpecSection {
    public var file = ""
    public var column = "demand_mw"

    public init() {}

    public static let schema = Schema<ProfileDemandSpec>([
        .file("file", \.file, what: "demand profile", doc: "CSV with `time` and a `*_mw` column, relative to the site file.",
              required: "CSV path relative to the site file", column: ("column", \.column), accepting: [.megawatts]),
        .text("column", \.column, doc: "Column read: `mw` or a name ending in `_mw`."),
    ])
}

/// A constant offtaker (e.g. an industrial process or a greenhouse).
public struct ConstantDemandSpec: SpecSection {
    public var mw = 0.0

    public init() {}

    public static let schema = Schema<ConstantDemandSpec>([
        .number("mw", \.mw, unit: "MW", range: 0...10_000, doc: "Constant demand.", required: true),
    ])
}
