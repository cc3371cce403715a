/// The site file as written (DESIGN §4): field names and units as on disk, every default in one place
/// (the property initial values below). `SiteSpec.decode` fills these from YAML, checking types and
/// ranges; `Site(spec:)` converts to SI once. Encodes back to YAML as the resolved configuration.
public struct SiteSpec: Encodable, Sendable {
    public var name = ""
    /// Path of the weather file, relative to the site file.
    public var weather = ""
    /// Calendar year simulated (365 days; labels dates and weekdays).
    public var year = 2025
    public var timestepMin = 15
    public var it = ITSpec()
    public var electrical = ElectricalSpec()
    public var cooling = CoolingSpec()
    public var heatRecovery: HeatRecoverySpec?
    public var carbon: CarbonSpec?
    public var compliance: ComplianceSpec?
    public var economics: EconomicsSpec?

    enum CodingKeys: String, CodingKey {
        case name, weather, year, it, electrical, cooling, carbon, compliance, economics
        case timestepMin = "timestep_min", heatRecovery = "heat_recovery"
    }
    static let keys = ["name", "weather", "year", "timestep_min", "it", "electrical", "cooling", "heat_recovery",
                       "carbon", "compliance", "economics"]
}

public struct ITSpec: Encodable, Sendable {
    public var clusters: [ClusterSpec] = []
}

public struct ClusterSpec: Encodable, Sendable {
    public var name = ""
    public var nodes = 1
    public var nodesPerRack = 4
    public var node = NodeSpec()
    public var cooling = "dlc"
    /// Default by cooling class: air 0, dlc 0.80, immersion 0.97.
    public var liquidCapture: Double?
    public var workload = WorkloadSpec.constant(ConstantWorkloadSpec())
    public var ite: ITESpec?

    enum CodingKeys: String, CodingKey {
        case name, nodes, node, cooling, workload, ite
        case nodesPerRack = "nodes_per_rack", liquidCapture = "liquid_capture"
    }
    static let keys = ["name", "nodes", "nodes_per_rack", "node", "cooling", "liquid_capture", "workload", "ite"]
}

/// A node: a preset (`h100-sxm`, `h200-sxm`, `b200`, `cpu`) and/or explicit values, which override the
/// preset's. Without either: the DESIGN §3.2 defaults (8× H100 SXM, 9.1 kW at full utilisation).
public struct NodeSpec: Encodable, Sendable {
    public var preset: String?
    public var gpus = 8
    public var gpuIdleW = 75.0
    public var gpuMaxW = 700.0
    public var baseIdleW = 1200.0
    public var baseMaxW = 3500.0
    /// `linear` or `mse` (Fan et al. 2007).
    public var curve = "linear"
    public var mseExponent = 1.4
    /// Power of a node that is down (maintenance): BMC and standby.
    public var downW = 0.0

    enum CodingKeys: String, CodingKey {
        case preset, gpus, curve
        case gpuIdleW = "gpu_idle_w", gpuMaxW = "gpu_max_w", baseIdleW = "base_idle_w", baseMaxW = "base_max_w"
        case mseExponent = "mse_exponent", downW = "down_w"
    }
    static let keys = ["preset", "gpus", "gpu_idle_w", "gpu_max_w", "base_idle_w", "base_max_w", "curve",
                       "mse_exponent", "down_w"]
}

/// EnergyPlus `ElectricEquipment:ITE:AirCooled` inlet-temperature dependence (air-cooled clusters).
/// Defaults: the curves of EnergyPlus's data-center example files.
public struct ITESpec: Encodable, Sendable {
    /// Design power input per node (server fans included); default the node's full-load power.
    public var designPowerW: Double?
    public var fanPowerFraction = 0.4
    /// Biquadratic in CPU loading x and inlet air °C y: a, b, c, d, e, f of a + bx + cx² + dy + ey² + fxy.
    public var cpuPowerCurve: [Double] = [-1.0, 1.0, 0.0, 0.06667, 0.0, 0.0]
    public var airFlowCurve: [Double] = [-1.4, 0.9, 0.0, 0.1, 0.0, 0.0]
    /// Quadratic in air-flow fraction: a, b, c.
    public var fanPowerCurve: [Double] = [0.0, 1.0, 0.0]
    public var loadRange: [Double] = [0, 1.5]
    public var inletRangeC: [Double] = [-10, 99]
    /// Share of room return air in the server inlet air (EnergyPlus "Design Recirculation Fraction").
    public var recirculation = 0.0
    /// Warming of the supply air on its way to the server inlets (EnergyPlus "Supply Temperature Difference").
    public var supplyApproachK = 0.0
    enum CodingKeys: String, CodingKey {
        case recirculation
        case supplyApproachK = "supply_approach_k"
        case designPowerW = "design_power_w", fanPowerFraction = "fan_power_fraction", cpuPowerCurve = "cpu_power_curve"
        case airFlowCurve = "air_flow_curve", fanPowerCurve = "fan_power_curve", loadRange = "load_range"
        case inletRangeC = "inlet_range_c"
    }
    static let keys = ["design_power_w", "fan_power_fraction", "cpu_power_curve", "air_flow_curve", "fan_power_curve",
                       "load_range", "inlet_range_c", "recirculation", "supply_approach_k"]
}

public enum WorkloadSpec: Encodable, Sendable {
    case constant(ConstantWorkloadSpec)
    case diurnal(DiurnalWorkloadSpec)
    case trace(TraceWorkloadSpec)
    case training(TrainingSpec)
    static let kinds = ["constant", "diurnal", "trace", "training"]

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: VariantKey.self)
        switch self {
        case .constant(let spec): try container.encode(spec, forKey: VariantKey("constant"))
        case .diurnal(let spec): try container.encode(spec, forKey: VariantKey("diurnal"))
        case .trace(let spec): try container.encode(spec, forKey: VariantKey("trace"))
        case .training(let spec): try container.encode(spec, forKey: VariantKey("training"))
        }
    }
}

/// A measured utilisation or power trace (CSV; `Sites/traces/README.md`).
public struct TraceWorkloadSpec: Encodable, Sendable {
    /// CSV path, relative to the site file.
    public var file = ""
    /// Value column: `utilization`/`*_utilization` (0…1) or `power_kw`/`*_power_kw` (kW for the whole cluster).
    public var column = "utilization"
    static let keys = ["file", "column"]
}

/// A cluster's training schedule (DESIGN §3.2).
public struct TrainingSpec: Encodable, Sendable {
    public var seed = 42
    public var jobs: [TrainingJobSpec] = []
    /// Failures on by default; `failures: off` disables them.
    public var failures: FailureSpec? = FailureSpec()
    public var background: BackgroundSpec?
    public var maintenance: [MaintenanceSpec] = []
    static let keys = ["seed", "jobs", "failures", "background", "maintenance"]
}

public struct TrainingJobSpec: Encodable, Sendable {
    public var name = ""
    public var nodes = 1
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` in the simulated year.
    public var start = ""
    /// Useful training time (restarts and lost work extend the wall time).
    public var durationDays = 1.0
    public var utilization = 0.90
    public var checkpointEveryMin: Double?
    public var checkpointMin = 2.0
    public var checkpointUtilization = 0.15
    public var evaluationEveryHours: Double?
    public var evaluationMin = 10.0
    public var evaluationUtilization = 0.5
    enum CodingKeys: String, CodingKey {
        case name, nodes, start, utilization
        case durationDays = "duration_days", checkpointEveryMin = "checkpoint_every_min", checkpointMin = "checkpoint_min"
        case checkpointUtilization = "checkpoint_utilization", evaluationEveryHours = "evaluation_every_hours"
        case evaluationMin = "evaluation_min", evaluationUtilization = "evaluation_utilization"
    }
    static let keys = ["name", "nodes", "start", "duration_days", "utilization", "checkpoint_every_min", "checkpoint_min",
                       "checkpoint_utilization", "evaluation_every_hours", "evaluation_min", "evaluation_utilization"]
}

/// Node failures: a job on n nodes fails at rate n / MTBF; it restarts after `restart_min` at idle and
/// redoes the work since its last checkpoint. *Default* MTBF 50 000 h per node (DESIGN §3.2).
public struct FailureSpec: Encodable, Sendable {
    public var mtbfHours = 50_000.0
    public var restartMin = 20.0
    enum CodingKeys: String, CodingKey {
        case mtbfHours = "mtbf_hours", restartMin = "restart_min"
    }
    static let keys = ["mtbf_hours", "restart_min"]
}

/// Background jobs: Poisson arrivals, log-uniform sizes in [min_nodes, max_nodes], log-normal
/// durations with mean `mean_hours` and log-space spread `sigma`, admitted up to `target_allocation`.
public struct BackgroundSpec: Encodable, Sendable {
    public var targetAllocation = 0.85
    public var minNodes = 1
    public var maxNodes = 64
    public var meanHours = 12.0
    public var sigma = 1.0
    public var utilization = 0.7
    enum CodingKeys: String, CodingKey {
        case utilization, sigma
        case targetAllocation = "target_allocation", minNodes = "min_nodes", maxNodes = "max_nodes", meanHours = "mean_hours"
    }
    static let keys = ["target_allocation", "min_nodes", "max_nodes", "mean_hours", "sigma", "utilization"]
}

public struct MaintenanceSpec: Encodable, Sendable {
    public var start = ""
    public var durationHours = 8.0
    /// Nodes taken down; default the whole cluster.
    public var nodes: Int?
    enum CodingKeys: String, CodingKey {
        case start, nodes
        case durationHours = "duration_hours"
    }
    static let keys = ["start", "duration_hours", "nodes"]
}

public struct ConstantWorkloadSpec: Encodable, Sendable {
    public var utilization = 0.8
    static let keys = ["utilization"]
}

/// Default profile: a business-hours inference service (low at night, peak 10:00–20:00), weekends 80 %.
public struct DiurnalWorkloadSpec: Encodable, Sendable {
    public var peakUtilization = 0.9
    public var hourly: [Double] = [0.35, 0.3, 0.28, 0.27, 0.28, 0.32, 0.42, 0.55, 0.7, 0.85, 0.95, 1.0,
                                   1.0, 1.0, 0.98, 0.97, 0.97, 0.98, 1.0, 0.97, 0.88, 0.72, 0.55, 0.42]
    public var weekday: [Double] = [1, 1, 1, 1, 1, 0.8, 0.8]
    public var monthly: [Double] = [Double](repeating: 1, count: 12)
    enum CodingKeys: String, CodingKey {
        case hourly, weekday, monthly
        case peakUtilization = "peak_utilization"
    }
    static let keys = ["peak_utilization", "hourly", "weekday", "monthly"]
}

public struct ElectricalSpec: Encodable, Sendable {
    public var upsEfficiency = 0.96
    /// UPS efficiency at no load relative to design (1: flat, as EnergyPlus's data-center examples).
    public var upsLowLoadFactor = 0.9
    public var distributionLossPct = 1.5
    /// Lighting and misc loads; default 1 % of design IT power.
    public var miscKw: Double?
    /// Share of electrical losses whose heat goes to the air loop.
    public var lossHeatToAir = 1.0
    enum CodingKeys: String, CodingKey {
        case upsEfficiency = "ups_efficiency", distributionLossPct = "distribution_loss_pct", miscKw = "misc_kw"
        case lossHeatToAir = "loss_heat_to_air", upsLowLoadFactor = "ups_low_load_factor"
    }
    static let keys = ["ups_efficiency", "ups_low_load_factor", "distribution_loss_pct", "misc_kw", "loss_heat_to_air"]
}

public struct CoolingSpec: Encodable, Sendable {
    public var liquid = LiquidLoopSpec()
    public var air = AirLoopSpec()
    static let keys = ["liquid", "air"]
}

/// Facility-water loop (ASHRAE W32–W45 class for warm-water DLC).
public struct LiquidLoopSpec: Encodable, Sendable {
    public var supplyC = 35.0
    public var deltaTK = 10.0
    public var volumeM3 = 40.0
    public var pumpHeadKpa = 250.0
    public var pumpEfficiency = 0.7
    public var minFlowFraction = 0.3
    public var rejection = RejectionSpec.dryCooler(DryCoolerSpec())
    /// ASHRAE TC 9.9 facility-water class (W17…W45, W+); default: the smallest class the supply fits.
    public var ashraeClass: String?
    enum CodingKeys: String, CodingKey {
        case rejection
        case ashraeClass = "ashrae_class"
        case supplyC = "supply_c", deltaTK = "delta_t_k", volumeM3 = "volume_m3", pumpHeadKpa = "pump_head_kpa"
        case pumpEfficiency = "pump_efficiency", minFlowFraction = "min_flow_fraction"
    }
    static let keys = ["supply_c", "delta_t_k", "volume_m3", "pump_head_kpa", "pump_efficiency", "ashrae_class",
                       "min_flow_fraction", "rejection"]
}

/// Chilled-water loop serving CRAHs / fan walls.
public struct AirLoopSpec: Encodable, Sendable {
    /// Supply air to IT inlets (ASHRAE A1 recommended 18–27 °C).
    public var supplyAirC = 24.0
    public var chilledWaterC = 18.0
    public var deltaTK = 6.0
    public var volumeM3 = 30.0
    /// Air temperature rise across the IT equipment at design.
    public var airDeltaTK = 12.0
    public var fanPressurePa = 400.0
    public var fanEfficiency = 0.65
    public var fanExponent = 2.6
    public var minFanFraction = 0.3
    public var pumpHeadKpa = 200.0
    public var pumpEfficiency = 0.7
    public var minFlowFraction = 0.3
    public var rejection = RejectionSpec.dryCooler(DryCoolerSpec(trimChiller: ChillerSpec()))
    /// DX CRAC units instead of CRAHs on chilled water (the chilled-water keys then do not apply).
    public var crac: CRACSpec?
    /// ASHRAE TC 9.9 air class of the IT (A1…A4, H1) whose envelope the inlet air is checked against.
    public var ashraeClass = "A1"
    enum CodingKeys: String, CodingKey {
        case rejection, crac
        case supplyAirC = "supply_air_c", chilledWaterC = "chilled_water_c", deltaTK = "delta_t_k"
        case volumeM3 = "volume_m3", airDeltaTK = "air_delta_t_k", fanPressurePa = "fan_pressure_pa"
        case fanEfficiency = "fan_efficiency", fanExponent = "fan_exponent", minFanFraction = "min_fan_fraction"
        case pumpHeadKpa = "pump_head_kpa", pumpEfficiency = "pump_efficiency", minFlowFraction = "min_flow_fraction"
        case ashraeClass = "ashrae_class"
    }
    static let keys = ["supply_air_c", "chilled_water_c", "delta_t_k", "volume_m3", "air_delta_t_k",
                       "fan_pressure_pa", "fan_efficiency", "fan_exponent", "min_fan_fraction", "pump_head_kpa",
                       "pump_efficiency", "min_flow_fraction", "rejection", "crac", "ashrae_class"]
    static let chilledWaterKeys = ["chilled_water_c", "delta_t_k", "volume_m3", "pump_head_kpa", "pump_efficiency",
                                   "min_flow_fraction", "rejection", "fan_pressure_pa", "fan_efficiency",
                                   "fan_exponent", "min_fan_fraction"]
}

/// DX computer-room air conditioners (EnergyPlus `Coil:Cooling:DX:SingleSpeed` with a supply fan), all
/// units together. Defaults are those of the EnergyPlus data-center examples' CRAC (a Liebert DSE 125).
public struct CRACSpec: Encodable, Sendable {
    /// Rated total cooling capacity of all units; default 1.3 × the air-side design heat.
    public var capacityKw: Double?
    public var sensibleHeatRatio = 0.83
    public var cop = 4.5669
    /// Rated air flow; default 5.73e-5 m³/s per W of capacity (8.5 m³/s for 148.3 kW).
    public var airFlowM3PerS: Double?
    /// `liebert-dse-125` or `packaged-ac`.
    public var curves = "liebert-dse-125"
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
    /// `variable` (EnergyPlus `Fan:VariableVolume` with its default part-load curve) or `constant`.
    public var fanControl = "variable"
    public var minFlowFraction = 0.05
    public var economiser = CRACEconomiserSpec.none
    enum CodingKeys: String, CodingKey {
        case cop, curves, economiser
        case capacityKw = "capacity_kw", sensibleHeatRatio = "sensible_heat_ratio", airFlowM3PerS = "air_flow_m3_per_s"
        case returnAirC = "return_air_c", minSupplyAirC = "min_supply_air_c", coilWetBulbC = "coil_wet_bulb_c", fanPressurePa = "fan_pressure_pa"
        case fanEfficiency = "fan_efficiency", fanMotorEfficiency = "fan_motor_efficiency"
        case fanMotorInAir = "fan_motor_in_air", fanControl = "fan_control", minFlowFraction = "min_flow_fraction"
    }
    static let keys = ["capacity_kw", "sensible_heat_ratio", "cop", "air_flow_m3_per_s", "curves", "return_air_c",
                       "min_supply_air_c",
                       "coil_wet_bulb_c", "fan_pressure_pa", "fan_efficiency", "fan_motor_efficiency",
                       "fan_motor_in_air", "fan_control", "min_flow_fraction", "economiser"]
}

public enum CRACEconomiserSpec: Encodable, Sendable {
    case none
    /// Refrigerant pump instead of the compressor at low outdoor temperatures (Liebert DSE EconoPhase).
    case pumpedRefrigerant(pumpOnlyBelowC: Double, compressorOnlyAboveC: Double)
    /// Outdoor air, EnergyPlus `Controller:OutdoorAir` with fixed or differential dry-bulb limits.
    case airSide(maxDryBulbC: Double?, minDryBulbC: Double, maxDewPointC: Double, minOutdoorAir: Double)
    static let kinds = ["none", "pumped_refrigerant", "air_side"]

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: VariantKey.self)
        switch self {
        case .none:
            var single = encoder.singleValueContainer()
            try single.encode("none")
        case .pumpedRefrigerant(let below, let above):
            var o = container.nestedContainer(keyedBy: VariantKey.self, forKey: VariantKey("pumped_refrigerant"))
            try o.encode(below, forKey: VariantKey("pump_only_below_c"))
            try o.encode(above, forKey: VariantKey("compressor_only_above_c"))
        case .airSide(let maximum, let minimum, let dewPoint, let outdoorAir):
            var o = container.nestedContainer(keyedBy: VariantKey.self, forKey: VariantKey("air_side"))
            try o.encodeIfPresent(maximum, forKey: VariantKey("max_dry_bulb_c"))
            try o.encode(minimum, forKey: VariantKey("min_dry_bulb_c"))
            try o.encode(dewPoint, forKey: VariantKey("max_dew_point_c"))
            try o.encode(outdoorAir, forKey: VariantKey("min_outdoor_air"))
        }
    }
}

public enum RejectionSpec: Encodable, Sendable {
    case dryCooler(DryCoolerSpec)
    case chiller(ChillerSpec)
    case waterCooledChiller(WaterCooledChillerSpec)
    static let kinds = ["dry_cooler", "chiller", "water_cooled_chiller"]

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: VariantKey.self)
        switch self {
        case .dryCooler(let spec): try container.encode(spec, forKey: VariantKey("dry_cooler"))
        case .chiller(let spec): try container.encode(spec, forKey: VariantKey("chiller"))
        case .waterCooledChiller(let spec): try container.encode(spec, forKey: VariantKey("water_cooled_chiller"))
        }
    }
}

public struct DryCoolerSpec: Encodable, Sendable {
    public var approachK = 5.0
    /// Ambient temperature at which `capacity_mw` is rated (with the loop's design return water).
    public var designAmbientC = 35.0
    /// Rated capacity; default the loop's design heat.
    public var capacityMw: Double?
    /// Fan power at full speed, % of rated capacity (large V-type dry coolers: 1–2.5 %).
    public var fanPowerPct = 1.5
    public var fanExponent = 3.0
    public var minFanFraction = 0.2
    /// Air temperature rise across the coil at rating (sets the air flow for water use).
    public var airDeltaTK = 10.0
    public var adiabatic: AdiabaticSpec?
    public var trimChiller: ChillerSpec?
    enum CodingKeys: String, CodingKey {
        case adiabatic
        case approachK = "approach_k", designAmbientC = "design_ambient_c", capacityMw = "capacity_mw"
        case fanPowerPct = "fan_power_pct", fanExponent = "fan_exponent", minFanFraction = "min_fan_fraction"
        case airDeltaTK = "air_delta_t_k", trimChiller = "trim_chiller"
    }
    static let keys = ["approach_k", "design_ambient_c", "capacity_mw", "fan_power_pct", "fan_exponent",
                       "min_fan_fraction", "air_delta_t_k", "adiabatic", "trim_chiller"]
}

public struct AdiabaticSpec: Encodable, Sendable {
    public var switchC = 28.0
    public var effectiveness = 0.7
    enum CodingKeys: String, CodingKey {
        case effectiveness
        case switchC = "switch_c"
    }
    static let keys = ["switch_c", "effectiveness"]
}

public struct ChillerSpec: Encodable, Sendable {
    /// An EnergyPlus `Chiller:Electric:EIR` curve set shipped with HeatLoop (`ChillerCurveSet.all`); when
    /// absent, the Carnot-fraction model.
    public var curveSet: String?
    /// Carnot efficiency η of `COP = η T_evap/(T_cond − T_evap)`.
    public var carnotEfficiency = 0.55
    /// Default: the loop's design heat.
    public var capacityMw: Double?
    public var evaporatorApproachK = 3.0
    /// Condensing above outdoor dry bulb (air-cooled condenser).
    public var condenserApproachK = 12.0
    public var maxCop = 12.0

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: VariantKey.self)
        if let curveSet {
            try container.encode(curveSet, forKey: VariantKey("curve_set"))
            try container.encodeIfPresent(capacityMw, forKey: VariantKey("capacity_mw"))
            return
        }
        var model = container.nestedContainer(keyedBy: VariantKey.self, forKey: VariantKey("carnot"))
        try model.encode(carnotEfficiency, forKey: VariantKey("efficiency"))
        try container.encodeIfPresent(capacityMw, forKey: VariantKey("capacity_mw"))
        try container.encode(evaporatorApproachK, forKey: VariantKey("evaporator_approach_k"))
        try container.encode(condenserApproachK, forKey: VariantKey("condenser_approach_k"))
        try container.encode(maxCop, forKey: VariantKey("max_cop"))
    }
    static let keys = ["curve_set", "carnot", "capacity_mw", "evaporator_approach_k", "condenser_approach_k", "max_cop"]
}

/// A water-cooled chiller, its condenser heat sink (cooling tower or dry cooler) and an optional
/// water-side economiser (plate heat exchanger on the loop return).
public struct WaterCooledChillerSpec: Encodable, Sendable {
    public var chiller = ChillerSpec(curveSet: "carrier-19xr-vsd")
    public var coolingTower: CoolingTowerSpec? = CoolingTowerSpec()
    public var dryCooler: DryCoolerSpec?
    public var economiser: PlateExchangerSpec? = PlateExchangerSpec()
    enum CodingKeys: String, CodingKey {
        case chiller, economiser
        case coolingTower = "cooling_tower", dryCooler = "dry_cooler"
    }
    static let keys = ["chiller", "cooling_tower", "dry_cooler", "economiser"]
}

/// An open cooling tower on the condenser water (defaults: CTI rating point, Modelica `YorkCalc` nominal).
public struct CoolingTowerSpec: Encodable, Sendable {
    public var approachK = 3.9
    public var rangeK = 5.6
    /// Heat rejected at design; default the loop's design heat × 1.25 (evaporator + compressor heat).
    public var capacityMw: Double?
    /// Fan power at full speed, % of design heat (induced-draft towers: 0.5–1.5 %).
    public var fanPowerPct = 1.0
    public var fanExponent = 3.0
    public var minFanFraction = 0.2
    public var cyclesOfConcentration = 4.0
    /// Drift, % of circulating water (EnergyPlus default 0.008 %).
    public var driftPct = 0.008
    enum CodingKeys: String, CodingKey {
        case approachK = "approach_k", rangeK = "range_k", capacityMw = "capacity_mw", fanPowerPct = "fan_power_pct"
        case fanExponent = "fan_exponent", minFanFraction = "min_fan_fraction"
        case cyclesOfConcentration = "cycles_of_concentration", driftPct = "drift_pct"
    }
    static let keys = ["approach_k", "range_k", "capacity_mw", "fan_power_pct", "fan_exponent", "min_fan_fraction",
                       "cycles_of_concentration", "drift_pct"]
}

/// The water-side economiser's plate heat exchanger.
public struct PlateExchangerSpec: Encodable, Sendable {
    public var approachK = 1.5
    enum CodingKeys: String, CodingKey { case approachK = "approach_k" }
    static let keys = ["approach_k"]
}

public struct HeatRecoverySpec: Encodable, Sendable {
    public var heatPump = HeatPumpSpec()
    /// Absent: no exchangers, every watt goes through the heat pump.
    public var heatExchange: HeatExchangeSpec?
    public var storage: StorageSpec?
    public var districtHeating = DistrictHeatingSpec()
    enum CodingKeys: String, CodingKey {
        case storage
        case heatPump = "heat_pump", heatExchange = "heat_exchange", districtHeating = "district_heating"
    }
    static let keys = ["heat_pump", "heat_exchange", "storage", "district_heating"]
}

/// Exchangers between the loops and the DH network (direct supply and pre-heating of its return).
public struct HeatExchangeSpec: Encodable, Sendable {
    /// Counterflow plate exchanger approach (3–5 K typical).
    public var approachK = 3.0
    public var direct = true
    public var preheat = true
    enum CodingKeys: String, CodingKey {
        case direct, preheat
        case approachK = "approach_k"
    }
    static let keys = ["approach_k", "direct", "preheat"]
}

public struct HeatPumpSpec: Encodable, Sendable {
    public var capacityMw = 0.0
    public var cop = COPSpec.carnot(efficiency: 0.5, pinchK: 5)
    public var maxCop = 10.0
    public var minPartLoad = 0.2
    /// Identical units in parallel sharing `capacity_mw`.
    public var units = 1
    /// `liquid`, `air` or `both`.
    public var source = "liquid"
    enum CodingKeys: String, CodingKey {
        case cop, units, source
        case capacityMw = "capacity_mw", maxCop = "max_cop", minPartLoad = "min_part_load"
    }
    static let keys = ["capacity_mw", "cop", "max_cop", "min_part_load", "units", "source"]
}

/// Heat-pump COP model (DESIGN §3.5).
public enum COPSpec: Encodable, Sendable {
    case carnot(efficiency: Double, pinchK: Double)
    case lorenz(efficiency: Double, pinchK: Double)
    /// Manufacturer map: rows per source-leaving temperature, columns per sink-leaving temperature.
    case table(sourceOutC: [Double], sinkOutC: [Double], cop: [[Double]], capacityFactor: [[Double]])
    static let kinds = ["carnot", "lorenz", "table"]

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: VariantKey.self)
        switch self {
        case .carnot(let efficiency, let pinch), .lorenz(let efficiency, let pinch):
            var model = container.nestedContainer(keyedBy: VariantKey.self, forKey: VariantKey(kind))
            try model.encode(efficiency, forKey: VariantKey("efficiency"))
            try model.encode(pinch, forKey: VariantKey("pinch_k"))
        case .table(let sources, let sinks, let cop, let capacity):
            var model = container.nestedContainer(keyedBy: VariantKey.self, forKey: VariantKey("table"))
            try model.encode(sources, forKey: VariantKey("source_out_c"))
            try model.encode(sinks, forKey: VariantKey("sink_out_c"))
            try model.encode(cop, forKey: VariantKey("cop"))
            try model.encode(capacity, forKey: VariantKey("capacity_factor"))
        }
    }

    var kind: String {
        switch self {
        case .carnot: "carnot"
        case .lorenz: "lorenz"
        case .table: "table"
        }
    }
}

public struct StorageSpec: Encodable, Sendable {
    public var volumeM3 = 0.0
    /// Default: the heat pump's capacity.
    public var chargeMw: Double?
    public var dischargeMw: Double?
    public var lossPctPerDay = 1.0
    enum CodingKeys: String, CodingKey {
        case volumeM3 = "volume_m3", chargeMw = "charge_mw", dischargeMw = "discharge_mw"
        case lossPctPerDay = "loss_pct_per_day"
    }
    static let keys = ["volume_m3", "charge_mw", "discharge_mw", "loss_pct_per_day"]
}

public struct DistrictHeatingSpec: Encodable, Sendable {
    /// 4th-generation DH (Lund et al. 2014): 70 °C at −15 °C outdoors → 55 °C at ≥ 10 °C.
    public var supplyCurveC: [[Double]] = [[-15, 70], [10, 55]]
    public var returnC = 35.0
    /// Weather-compensated return instead of `return_c`.
    public var returnCurveC: [[Double]]?
    /// Default: the heat pump's capacity.
    public var connectionMw: Double?
    /// Share of the heat fed in that the network loses on its way to consumers.
    public var networkLossPct = 0.0
    public var demand = DemandSpec.degreeHours(DegreeHoursSpec())
    enum CodingKeys: String, CodingKey {
        case demand
        case supplyCurveC = "supply_curve_c", returnC = "return_c", returnCurveC = "return_curve_c"
        case connectionMw = "connection_mw", networkLossPct = "network_loss_pct"
    }
    static let keys = ["supply_curve_c", "return_c", "return_curve_c", "connection_mw", "network_loss_pct", "demand"]
}

public enum DemandSpec: Encodable, Sendable {
    case degreeHours(DegreeHoursSpec)
    case bdew(BDEWSpec)
    case profile(ProfileDemandSpec)
    case constant(ConstantDemandSpec)
    static let kinds = ["degree_hours", "bdew", "profile", "constant"]
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: VariantKey.self)
        switch self {
        case .degreeHours(let spec): try container.encode(spec, forKey: VariantKey("degree_hours"))
        case .bdew(let spec): try container.encode(spec, forKey: VariantKey("bdew"))
        case .profile(let spec): try container.encode(spec, forKey: VariantKey("profile"))
        case .constant(let spec): try container.encode(spec, forKey: VariantKey("constant"))
        }
    }
}

/// BDEW standard load profile for residential buildings (demandlib's `HeatBuilding`).
public struct BDEWSpec: Encodable, Sendable {
    public var annualGwh = 0.0
    /// `EFH` (single-family) or `MFH` (multi-family).
    public var profile = "MFH"
    /// BDEW building class 1…11 (default: 1 for EFH, 2 for MFH, the classes demandlib's hour factors describe).
    public var buildingClass: Int?
    public var windy = false
    public var hotWater = true
    enum CodingKeys: String, CodingKey {
        case profile, windy
        case annualGwh = "annual_gwh", buildingClass = "building_class", hotWater = "hot_water"
    }
    static let keys = ["annual_gwh", "profile", "building_class", "windy", "hot_water"]
}

/// A measured or planned demand: CSV with `time` and a `*_mw` column, relative to the site file.
public struct ProfileDemandSpec: Encodable, Sendable {
    public var file = ""
    public var column = "demand_mw"
    static let keys = ["file", "column"]
}

/// A constant offtaker (e.g. an industrial process or a greenhouse).
public struct ConstantDemandSpec: Encodable, Sendable {
    public var mw = 0.0
    static let keys = ["mw"]
}

/// Sized by `annual_gwh`, or by `design_load_mw` at `design_outdoor_c` (exactly one of the two).
public struct DegreeHoursSpec: Encodable, Sendable {
    public var annualGwh: Double?
    public var designLoadMw: Double?
    public var designOutdoorC = -15.0
    public var heatingLimitC = 15.0
    public var hotWaterShare = 0.15
    enum CodingKeys: String, CodingKey {
        case annualGwh = "annual_gwh", designLoadMw = "design_load_mw", designOutdoorC = "design_outdoor_c"
        case heatingLimitC = "heating_limit_c", hotWaterShare = "hot_water_share"
    }
    static let keys = ["annual_gwh", "design_load_mw", "design_outdoor_c", "heating_limit_c", "hot_water_share"]
}

/// Grid intensity from exactly one of: a constant, a country's annual average, an hourly CSV.
public struct CarbonSpec: Encodable, Sendable {
    public var gridGPerKwh: Double?
    /// ISO 3166 alpha-3 code (or alpha-2), looked up in the shipped table.
    public var country: String?
    /// CSV with `time` and a `*g_per_kwh` column (hourly or any regular interval), relative to the site file.
    public var gridCsv: String?
    public var column = "g_per_kwh"
    /// Natural-gas boiler: 202 g/kWh fuel / 0.9 efficiency.
    public var displacedHeatGPerKwh = 224.0
    enum CodingKeys: String, CodingKey {
        case country, column
        case gridGPerKwh = "grid_g_per_kwh", gridCsv = "grid_csv", displacedHeatGPerKwh = "displaced_heat_g_per_kwh"
    }
    static let keys = ["grid_g_per_kwh", "country", "grid_csv", "column", "displaced_heat_g_per_kwh"]
}

public struct ComplianceSpec: Encodable, Sendable {
    /// `YYYY-MM-DD`.
    public var commissioningDate = ""
    enum CodingKeys: String, CodingKey { case commissioningDate = "commissioning_date" }
    static let keys = ["commissioning_date"]
}

/// The heat-reuse project's economics (DESIGN §3.8); defaults and sources in `ProjectEconomics` and
/// `CapitalCost`.
public struct EconomicsSpec: Encodable, Sendable {
    public var heatPriceEurPerMwh = 35.0
    /// Constant price; `electricity_price_csv` instead gives a series.
    public var electricityPriceEurPerMwh: Double?
    /// CSV with `time` and an `eur_per_mwh` column (hourly or any regular interval), relative to the site file.
    public var electricityPriceCsv: String?
    public var electricityPriceColumn = "eur_per_mwh"
    public var discountRate = 0.06
    public var lifetimeYears = 20
    public var maintenancePctPerYear = 2.0
    public var heatPumpEurPerKw = 700.0
    public var heatPumpReferenceMw = 5.0
    public var heatPumpScaleExponent = 0.7
    public var storageEurPerM3 = 300.0
    public var connectionFixedEur = 300_000.0
    public var connectionEurPerMw = 50_000.0
    public var connectionEurPerM = 1_000.0
    public var connectionLengthM = 1_000.0
    public var creditCoolingSavings = true

    /// Price when neither `electricity_price_eur_per_mwh` nor `electricity_price_csv` is given.
    static let defaultElectricityPrice = 90.0

    enum CodingKeys: String, CodingKey {
        case heatPriceEurPerMwh = "heat_price_eur_per_mwh", electricityPriceEurPerMwh = "electricity_price_eur_per_mwh"
        case electricityPriceCsv = "electricity_price_csv", electricityPriceColumn = "electricity_price_column"
        case discountRate = "discount_rate", lifetimeYears = "lifetime_years"
        case maintenancePctPerYear = "maintenance_pct_per_year", heatPumpEurPerKw = "heat_pump_eur_per_kw"
        case heatPumpReferenceMw = "heat_pump_reference_mw", heatPumpScaleExponent = "heat_pump_scale_exponent"
        case storageEurPerM3 = "storage_eur_per_m3", connectionFixedEur = "connection_fixed_eur"
        case connectionEurPerMw = "connection_eur_per_mw", connectionEurPerM = "connection_eur_per_m"
        case connectionLengthM = "connection_length_m"
        case creditCoolingSavings = "credit_cooling_savings"
    }
    static let keys = ["heat_price_eur_per_mwh", "electricity_price_eur_per_mwh", "electricity_price_csv",
                       "electricity_price_column", "discount_rate", "lifetime_years", "maintenance_pct_per_year",
                       "heat_pump_eur_per_kw", "heat_pump_reference_mw", "heat_pump_scale_exponent", "storage_eur_per_m3",
                       "connection_fixed_eur", "connection_eur_per_mw", "connection_eur_per_m",
                       "connection_length_m", "credit_cooling_savings"]
}

/// A coding key made from a string, for variant mappings (`{dry_cooler: …}`).
struct VariantKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
