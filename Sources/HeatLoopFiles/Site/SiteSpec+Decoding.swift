import Foundation
import HeatLoop

extension SiteSpec {
    /// Reads a site file's text. Every problem (syntax, unknown keys, types, ranges) is collected and
    /// thrown together, each with its line:column and key path.
    public static func decode(text: String, file: String) throws(SpecProblems) -> SiteSpec {
        let log = ProblemLog(file: file)
        var spec = SiteSpec()
        if let root = YAMLValue.document(text: text, log: log) {
            if let object = root.object(keys: keys) { spec = SiteSpec(object) }
        }
        guard log.problems.isEmpty else { throw SpecProblems(log.problems) }
        return spec
    }

    init(_ o: YAMLObject) {
        name = o.requiredString("name", "the site's name, used for the output file") ?? ""
        if !name.isEmpty, name.contains("/") || name.hasPrefix(".") {
            o["name"].problem("'\(name)' cannot name an output file; use letters, digits, '-' and '_'")
        }
        weather = o.requiredString("weather", "path of an EPW weather file, relative to this file") ?? ""
        o.checkFileExists("weather", weather, "weather file")
        year = o.integer("year", default: year, 1900...2200)
        if SimulationCalendar.isLeap(year) {
            o["year"].problem("\(year) is a leap year; HeatLoop simulates 365-day years, use e.g. \(year + 1)")
        }
        let minutes = o.integer("timestep_min", default: timestepMin, 1...60)
        if SimulationCalendar.allowedStepMinutes.contains(minutes) {
            timestepMin = minutes
        } else {
            o["timestep_min"].problem("\(minutes) does not divide an hour; expected one of "
                + SimulationCalendar.allowedStepMinutes.map(String.init).joined(separator: ", "))
        }
        if let it = o["it"].object(keys: ["clusters"]) {
            self.it = ITSpec(it, year: year)
        } else if !o["it"].isPresent {
            o["it"].problem("missing required key 'it' with a list of clusters")
        }
        if let electrical = o["electrical"].object(keys: ElectricalSpec.keys) { self.electrical = ElectricalSpec(electrical) }
        if let cooling = o["cooling"].object(keys: CoolingSpec.keys) { self.cooling = CoolingSpec(cooling) }
        heatRecovery = o["heat_recovery"].object(keys: HeatRecoverySpec.keys).map(HeatRecoverySpec.init)
        carbon = o["carbon"].object(keys: CarbonSpec.keys).map(CarbonSpec.init)
        compliance = o["compliance"].object(keys: ComplianceSpec.keys).map(ComplianceSpec.init)
        economics = o["economics"].object(keys: EconomicsSpec.keys).map(EconomicsSpec.init)
        if economics != nil, heatRecovery == nil {
            o["economics"].problem("economics appraise a heat-reuse project; add 'heat_recovery' or remove 'economics'")
        }
    }
}

extension ITSpec {
    init(_ o: YAMLObject, year: Int) {
        guard let items = o["clusters"].list else {
            o["clusters"].problem("missing required list of clusters")
            return
        }
        if items.isEmpty { o["clusters"].problem("at least one cluster is needed") }
        clusters = items.compactMap { $0.object(keys: ClusterSpec.keys).map { ClusterSpec($0, year: year) } }
        var seen = Set<String>()
        for (index, cluster) in clusters.enumerated() where !cluster.name.isEmpty {
            if !seen.insert(cluster.name).inserted {
                items[index].problem("duplicate cluster name '\(cluster.name)'")
            }
        }
    }
}

extension ClusterSpec {
    init(_ o: YAMLObject, year: Int) {
        name = o.requiredString("name", "the cluster's name") ?? ""
        nodes = o.requiredInteger("nodes", 1...10_000_000) ?? 1
        nodesPerRack = o.integer("nodes_per_rack", default: nodesPerRack, 1...1000)
        if let node = NodeSpec(o["node"]) { self.node = node }
        cooling = o.choice("cooling", default: cooling, CoolingClass.allCases.map(\.rawValue))
        liquidCapture = o.optionalNumber("liquid_capture", 0...1)
        if let ite = o["ite"].object(keys: ITESpec.keys) {
            self.ite = ITESpec(ite)
            if cooling != CoolingClass.air.rawValue {
                o["ite"].problem("the ITE inlet-temperature model is for air-cooled clusters; this cluster is '\(cooling)'")
            }
        }
        if let variant = o["workload"].variant(WorkloadSpec.kinds) {
            switch variant.name {
            case "constant":
                if let w = variant.value.object(keys: ConstantWorkloadSpec.keys) {
                    workload = .constant(ConstantWorkloadSpec(utilization: w.number("utilization", default: 0.8, 0...1)))
                }
            case "trace":
                if let w = variant.value.object(keys: TraceWorkloadSpec.keys) {
                    var trace = TraceWorkloadSpec()
                    trace.file = w.requiredString("file", "CSV path relative to the site file") ?? ""
                    trace.column = w.optionalString("column") ?? trace.column
                    if ![.utilization, .powerKilowatts].contains(TraceReader.quantity(column: trace.column)) {
                        w["column"].problem("'\(trace.column)' names neither a utilisation nor a power; use 'utilization', '*_utilization', 'power_kw' or '*_power_kw'")
                    }
                    w.checkFileExists("file", trace.file, "trace file")
                    workload = .trace(trace)
                }
            case "training":
                if let w = variant.value.object(keys: TrainingSpec.keys) { workload = .training(TrainingSpec(w, clusterNodes: nodes, year: year)) }
            default:
                if let w = variant.value.object(keys: DiurnalWorkloadSpec.keys) {
                    var diurnal = DiurnalWorkloadSpec()
                    diurnal.peakUtilization = w.number("peak_utilization", default: diurnal.peakUtilization, 0...1)
                    diurnal.hourly = w.numbers("hourly", count: 24, 0...10) ?? diurnal.hourly
                    diurnal.weekday = w.numbers("weekday", count: 7, 0...10) ?? diurnal.weekday
                    diurnal.monthly = w.numbers("monthly", count: 12, 0...10) ?? diurnal.monthly
                    workload = .diurnal(diurnal)
                }
            }
        }
    }
}

extension TrainingSpec {
    init(_ o: YAMLObject, clusterNodes: Int, year: Int) {
        seed = o.integer("seed", default: seed, 0...Int(Int32.max))
        if let items = o["jobs"].list {
            jobs = items.compactMap { $0.object(keys: TrainingJobSpec.keys).map { TrainingJobSpec($0, clusterNodes: clusterNodes, year: year) } }
            var names = Set<String>()
            for (index, job) in jobs.enumerated() where !names.insert(job.name).inserted {
                items[index].problem("duplicate job name '\(job.name)'")
            }
        }
        let failuresValue = o["failures"]
        if let node = failuresValue.node, case .scalar = node {
            if ["off", "none", "false"].contains(node.string?.lowercased() ?? "") {
                failures = nil
            } else {
                failuresValue.problem("expected 'off' or a mapping {mtbf_hours, restart_min}")
            }
        } else if let f = failuresValue.object(keys: FailureSpec.keys) {
            failures = FailureSpec(mtbfHours: f.number("mtbf_hours", default: 50_000, 1...1e9),
                                   restartMin: f.number("restart_min", default: 20, 0...10_000))
        }
        if let b = o["background"].object(keys: BackgroundSpec.keys) {
            var background = BackgroundSpec()
            background.targetAllocation = b.number("target_allocation", default: background.targetAllocation, 0...1)
            background.minNodes = b.integer("min_nodes", default: background.minNodes, 1...clusterNodes)
            background.maxNodes = b.integer("max_nodes", default: min(background.maxNodes, clusterNodes), 1...clusterNodes)
            background.meanHours = b.number("mean_hours", default: background.meanHours, 0.01...10_000)
            background.sigma = b.number("sigma", default: background.sigma, 0...5)
            background.utilization = b.number("utilization", default: background.utilization, 0...1)
            if background.minNodes > background.maxNodes { b["min_nodes"].problem("min_nodes is above max_nodes") }
            self.background = background
        }
        if let items = o["maintenance"].list {
            maintenance = items.compactMap { item in
                item.object(keys: MaintenanceSpec.keys).map { m in
                    var window = MaintenanceSpec()
                    window.start = m.requiredString("start", "a date or date-time in the simulated year") ?? ""
                    TimeOfYear.check(window.start, year: year, m["start"])
                    window.durationHours = m.number("duration_hours", default: window.durationHours, 0...8760)
                    window.nodes = m.optionalInteger("nodes", 1...clusterNodes)
                    return window
                }
            }
        }
    }
}

extension TrainingJobSpec {
    init(_ o: YAMLObject, clusterNodes: Int, year: Int) {
        name = o.requiredString("name", "the job's name") ?? ""
        nodes = o.requiredInteger("nodes", 1...max(1, clusterNodes)) ?? 1
        start = o.requiredString("start", "a date or date-time in the simulated year, e.g. 2025-01-10") ?? ""
        TimeOfYear.check(start, year: year, o["start"])
        durationDays = o.requiredNumber("duration_days", 0.001...3650) ?? 1
        utilization = o.number("utilization", default: utilization, 0...1)
        checkpointEveryMin = o.optionalNumber("checkpoint_every_min", 1...1e6)
        checkpointMin = o.number("checkpoint_min", default: checkpointMin, 0...1e4)
        checkpointUtilization = o.number("checkpoint_utilization", default: checkpointUtilization, 0...1)
        evaluationEveryHours = o.optionalNumber("evaluation_every_hours", 0.01...1e5)
        evaluationMin = o.number("evaluation_min", default: evaluationMin, 0...1e5)
        evaluationUtilization = o.number("evaluation_utilization", default: evaluationUtilization, 0...1)
        if let every = checkpointEveryMin, checkpointMin >= every {
            o["checkpoint_min"].problem("a checkpoint (\(format(checkpointMin)) min) must be shorter than the interval between them (\(format(every)) min)")
        }
    }
}

/// Dates in site files: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` (also with a space), local standard time.
enum TimeOfYear {
    /// Seconds from 1 January 00:00 of the date's own year, and that year.
    static func parse(_ text: String) -> (year: Int, seconds: Double)? {
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
        guard (1...2).contains(parts.count), let date = CalendarDate(iso: parts[0]) else { return nil }
        var seconds = 0.0
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":").map { Double($0) }
            guard (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }) else { return nil }
            let (h, m, s) = (clock[0] ?? 0, clock[1] ?? 0, clock.count == 3 ? clock[2] ?? 0 : 0)
            guard (0..<24).contains(h), (0..<60).contains(m), (0..<60).contains(s) else { return nil }
            seconds = h * 3600 + m * 60 + s
        }
        let daysBefore = SimulationCalendar.daysPerMonth.prefix(date.month - 1).reduce(0, +)
        let leapShift = SimulationCalendar.isLeap(date.year) && date.month > 2 ? 1 : 0
        return (date.year, Double(daysBefore + leapShift + date.day - 1) * 86_400 + seconds)
    }

    static func seconds(_ text: String) -> Double? { parse(text)?.seconds }

    /// Reports a date that does not parse or lies outside the simulated year.
    static func check(_ text: String, year: Int, _ value: YAMLValue) {
        guard !text.isEmpty else { return }
        guard let parsed = parse(text) else {
            value.problem("'\(text)' is not a date; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
            return
        }
        if parsed.year != year {
            value.problem("\(text) is outside the simulated year \(year)")
        }
    }
}

extension NodeSpec {
    /// `node: b200` (a preset), or a mapping with an optional `preset` and values overriding it.
    init?(_ value: YAMLValue) {
        guard let node = value.node else { return nil }
        let presets = NodePreset.allCases.map(\.rawValue)
        if case .scalar = node {
            guard let name = node.string, let preset = NodePreset(rawValue: name) else {
                let hint = node.string.flatMap { Suggestion.closest(to: $0, in: presets) }.map { "; did you mean '\($0)'?" } ?? ""
                value.problem("\(describe(node)) is not a node preset\(hint); expected one of \(presets.joined(separator: ", ")) or a mapping")
                return nil
            }
            self.init(preset: preset)
            return
        }
        guard let o = value.object(keys: NodeSpec.keys) else { return nil }
        self.init()
        if let name = o.optionalString("preset") {
            if let preset = NodePreset(rawValue: name) {
                self.init(preset: preset)
            } else {
                let hint = Suggestion.closest(to: name, in: presets).map { "; did you mean '\($0)'?" } ?? ""
                o["preset"].problem("'\(name)' is not a node preset\(hint); expected one of \(presets.joined(separator: ", "))")
            }
        }
        gpus = o.integer("gpus", default: gpus, 0...64)
        gpuIdleW = o.number("gpu_idle_w", default: gpuIdleW, 0...5000)
        gpuMaxW = o.number("gpu_max_w", default: gpuMaxW, 0...5000)
        baseIdleW = o.number("base_idle_w", default: baseIdleW, 0...50_000)
        baseMaxW = o.number("base_max_w", default: baseMaxW, 0...50_000)
        curve = o.choice("curve", default: curve, ["linear", "mse"])
        mseExponent = o.number("mse_exponent", default: mseExponent, 1...3)
        downW = o.number("down_w", default: downW, 0...10_000)
        if gpuMaxW < gpuIdleW { o["gpu_max_w"].problem("gpu_max_w (\(format(gpuMaxW))) is below gpu_idle_w (\(format(gpuIdleW)))") }
        if baseMaxW < baseIdleW { o["base_max_w"].problem("base_max_w (\(format(baseMaxW))) is below base_idle_w (\(format(baseIdleW)))") }
    }

    init(preset: NodePreset) {
        let node = preset.node
        self.preset = preset.rawValue
        gpus = node.gpus
        gpuIdleW = node.gpuIdle.value
        gpuMaxW = node.gpuMax.value
        baseIdleW = node.baseIdle.value
        baseMaxW = node.baseMax.value
        switch node.curve {
        case .linear: curve = "linear"
        case .mse(let exponent):
            curve = "mse"
            mseExponent = exponent
        }
    }
}

extension ITESpec {
    init(_ o: YAMLObject) {
        designPowerW = o.optionalNumber("design_power_w", 1...100_000)
        fanPowerFraction = o.number("fan_power_fraction", default: fanPowerFraction, 0...1)
        cpuPowerCurve = o.numbers("cpu_power_curve", count: 6, -1e6...1e6) ?? cpuPowerCurve
        airFlowCurve = o.numbers("air_flow_curve", count: 6, -1e6...1e6) ?? airFlowCurve
        fanPowerCurve = o.numbers("fan_power_curve", count: 3, -1e6...1e6) ?? fanPowerCurve
        loadRange = o.numbers("load_range", count: 2, 0...10) ?? loadRange
        inletRangeC = o.numbers("inlet_range_c", count: 2, -50...150) ?? inletRangeC
        recirculation = o.number("recirculation", default: recirculation, 0...0.9)
        supplyApproachK = o.number("supply_approach_k", default: supplyApproachK, -10...20)
        if loadRange[0] > loadRange[1] { o["load_range"].problem("the lower bound is above the upper") }
        if inletRangeC[0] > inletRangeC[1] { o["inlet_range_c"].problem("the lower bound is above the upper") }
    }
}

extension ElectricalSpec {
    init(_ o: YAMLObject) {
        upsEfficiency = o.number("ups_efficiency", default: upsEfficiency, 0.5...1, "a UPS converts at least half its input")
        distributionLossPct = o.number("distribution_loss_pct", default: distributionLossPct, 0...20)
        miscKw = o.optionalNumber("misc_kw", 0...1e6)
        lossHeatToAir = o.number("loss_heat_to_air", default: lossHeatToAir, 0...1)
        upsLowLoadFactor = o.number("ups_low_load_factor", default: upsLowLoadFactor, 0.5...1)
    }
}

extension CoolingSpec {
    init(_ o: YAMLObject) {
        if let liquid = o["liquid"].object(keys: LiquidLoopSpec.keys) { self.liquid = LiquidLoopSpec(liquid) }
        if let air = o["air"].object(keys: AirLoopSpec.keys) { self.air = AirLoopSpec(air) }
    }
}

extension LiquidLoopSpec {
    init(_ o: YAMLObject) {
        supplyC = o.number("supply_c", default: supplyC, 15...60,
                           "facility water outside ASHRAE W17…W45/W+ practice")
        deltaTK = o.number("delta_t_k", default: deltaTK, 2...30)
        volumeM3 = o.number("volume_m3", default: volumeM3, 0.1...100_000)
        pumpHeadKpa = o.number("pump_head_kpa", default: pumpHeadKpa, 0...2000)
        pumpEfficiency = o.number("pump_efficiency", default: pumpEfficiency, 0.1...1)
        minFlowFraction = o.number("min_flow_fraction", default: minFlowFraction, 0...1)
        if let rejection = RejectionSpec(o["rejection"]) { self.rejection = rejection }
        if let name = o.optionalString("ashrae_class") {
            if let waterClass = ASHRAELiquidClass(name: name) {
                ashraeClass = waterClass.name
                if !waterClass.allows(supply: supplyC) {
                    o["supply_c"].problem("\(format(supplyC)) °C is above class \(waterClass.name)'s facility-water limit")
                }
            } else {
                o["ashrae_class"].problem("'\(name)' is not an ASHRAE facility-water class; expected one of \(ASHRAELiquidClass.allNames.joined(separator: ", "))")
            }
        }
    }
}

extension AirLoopSpec {
    init(_ o: YAMLObject) {
        supplyAirC = o.number("supply_air_c", default: supplyAirC, 10...45, "ASHRAE A1–A4 allow 5…45 °C inlets")
        chilledWaterC = o.number("chilled_water_c", default: chilledWaterC, 4...35)
        deltaTK = o.number("delta_t_k", default: deltaTK, 2...20)
        volumeM3 = o.number("volume_m3", default: volumeM3, 0.1...100_000)
        airDeltaTK = o.number("air_delta_t_k", default: airDeltaTK, 3...30)
        fanPressurePa = o.number("fan_pressure_pa", default: fanPressurePa, 0...3000)
        fanEfficiency = o.number("fan_efficiency", default: fanEfficiency, 0.1...1)
        fanExponent = o.number("fan_exponent", default: fanExponent, 1...3)
        minFanFraction = o.number("min_fan_fraction", default: minFanFraction, 0...1)
        pumpHeadKpa = o.number("pump_head_kpa", default: pumpHeadKpa, 0...2000)
        pumpEfficiency = o.number("pump_efficiency", default: pumpEfficiency, 0.1...1)
        minFlowFraction = o.number("min_flow_fraction", default: minFlowFraction, 0...1)
        if let rejection = RejectionSpec(o["rejection"]) { self.rejection = rejection }
        if chilledWaterC >= supplyAirC, !o["crac"].isPresent {
            o["chilled_water_c"].problem("chilled water (\(format(chilledWaterC)) °C) must be colder than the supply air (\(format(supplyAirC)) °C)")
        }
        ashraeClass = o.choice("ashrae_class", default: ashraeClass, ASHRAEAirClass.allNames)
        if let object = o["crac"].object(keys: CRACSpec.keys) {
            let crac = CRACSpec(object)
            self.crac = crac
            for key in AirLoopSpec.chilledWaterKeys where o[key].isPresent {
                o[key].problem("'\(key)' belongs to a chilled-water air loop and does not apply with 'crac'")
            }
            if crac.returnAirC <= supplyAirC {
                object["return_air_c"].problem("return air (\(format(crac.returnAirC)) °C) must be warmer than the supply air (\(format(supplyAirC)) °C)")
            }
        }
    }
}

extension CRACSpec {
    static let curveSets = ["liebert-dse-125", "packaged-ac"]

    init(_ o: YAMLObject) {
        capacityKw = o.optionalNumber("capacity_kw", 0.1...1_000_000)
        sensibleHeatRatio = o.number("sensible_heat_ratio", default: sensibleHeatRatio, 0.5...1)
        cop = o.number("cop", default: cop, 1...10, "rated COP of compressor and condenser fans")
        airFlowM3PerS = o.optionalNumber("air_flow_m3_per_s", 0.01...100_000)
        curves = o.choice("curves", default: curves, Self.curveSets)
        returnAirC = o.number("return_air_c", default: returnAirC, 15...50)
        minSupplyAirC = o.number("min_supply_air_c", default: minSupplyAirC, 5...30)
        coilWetBulbC = o.number("coil_wet_bulb_c", default: coilWetBulbC, 5...30)
        fanPressurePa = o.number("fan_pressure_pa", default: fanPressurePa, 0...3000)
        fanEfficiency = o.number("fan_efficiency", default: fanEfficiency, 0.1...1)
        fanMotorEfficiency = o.number("fan_motor_efficiency", default: fanMotorEfficiency, 0.1...1)
        fanMotorInAir = o.number("fan_motor_in_air", default: fanMotorInAir, 0...1)
        fanControl = o.choice("fan_control", default: fanControl, ["variable", "constant"])
        minFlowFraction = o.number("min_flow_fraction", default: minFlowFraction, 0...1)
        if let variant = o["economiser"].variant(CRACEconomiserSpec.kinds) {
            switch variant.name {
            case "pumped_refrigerant":
                if let e = variant.value.object(keys: ["pump_only_below_c", "compressor_only_above_c"]) {
                    let below = e.number("pump_only_below_c", default: 1.5555, -40...30)
                    let above = e.number("compressor_only_above_c", default: 34.889, -30...50)
                    if above <= below {
                        e["compressor_only_above_c"].problem("must be above pump_only_below_c (\(format(below)) °C)")
                    }
                    economiser = .pumpedRefrigerant(pumpOnlyBelowC: below, compressorOnlyAboveC: above)
                }
            case "air_side":
                if let e = variant.value.object(keys: ["max_dry_bulb_c", "min_dry_bulb_c", "max_dew_point_c", "min_outdoor_air"]) {
                    economiser = .airSide(
                        maxDryBulbC: e.optionalNumber("max_dry_bulb_c", -20...45),
                        minDryBulbC: e.number("min_dry_bulb_c", default: -20, -60...30),
                        maxDewPointC: e.number("max_dew_point_c", default: 13.5, -20...30),
                        minOutdoorAir: e.number("min_outdoor_air", default: 0, 0...1))
                }
            default:
                economiser = .none
            }
        }
    }
}

extension RejectionSpec {
    init?(_ value: YAMLValue) {
        guard let variant = value.variant(RejectionSpec.kinds) else { return nil }
        switch variant.name {
        case "dry_cooler":
            guard let o = variant.value.object(keys: DryCoolerSpec.keys) else { return nil }
            self = .dryCooler(DryCoolerSpec(o))
        case "water_cooled_chiller":
            guard let o = variant.value.object(keys: WaterCooledChillerSpec.keys) else { return nil }
            self = .waterCooledChiller(WaterCooledChillerSpec(o))
        default:
            guard let o = variant.value.object(keys: ChillerSpec.keys) else { return nil }
            self = .chiller(ChillerSpec(o, condenser: .air))
        }
    }
}

extension DryCoolerSpec {
    init(_ o: YAMLObject) {
        approachK = o.number("approach_k", default: approachK, 0.5...30)
        designAmbientC = o.number("design_ambient_c", default: designAmbientC, -10...55)
        capacityMw = o.optionalNumber("capacity_mw", 0.001...10_000)
        fanPowerPct = o.number("fan_power_pct", default: fanPowerPct, 0...20)
        fanExponent = o.number("fan_exponent", default: fanExponent, 1...3)
        minFanFraction = o.number("min_fan_fraction", default: minFanFraction, 0...1)
        airDeltaTK = o.number("air_delta_t_k", default: airDeltaTK, 1...40)
        adiabatic = o["adiabatic"].object(keys: AdiabaticSpec.keys).map { a in
            AdiabaticSpec(switchC: a.number("switch_c", default: 28, -10...60),
                          effectiveness: a.number("effectiveness", default: 0.7, 0...1))
        }
        trimChiller = o["trim_chiller"].object(keys: ChillerSpec.keys).map { ChillerSpec($0, condenser: .air) }
    }
}

extension WaterCooledChillerSpec {
    init(_ o: YAMLObject) {
        if let chiller = o["chiller"].object(keys: ChillerSpec.keys) {
            self.chiller = ChillerSpec(chiller, condenser: .water)
        }
        if o["cooling_tower"].isPresent, o["dry_cooler"].isPresent {
            o["dry_cooler"].problem("give one condenser heat sink: 'cooling_tower' or 'dry_cooler', not both")
        }
        if let cooler = o["dry_cooler"].object(keys: DryCoolerSpec.keys) {
            dryCooler = DryCoolerSpec(cooler)
            coolingTower = nil
            if dryCooler?.trimChiller != nil {
                o["dry_cooler"].problem("a condenser dry cooler has no trim chiller of its own")
            }
        }
        if let tower = o["cooling_tower"].object(keys: CoolingTowerSpec.keys) {
            coolingTower = CoolingTowerSpec(tower)
        }
        if o["economiser"].isPresent {
            if o["economiser"].node?.string == "none" {
                economiser = nil
            } else if let exchanger = o["economiser"].object(keys: PlateExchangerSpec.keys) {
                economiser = PlateExchangerSpec(approachK: exchanger.number("approach_k", default: 1.5, 0.2...10))
            }
        }
    }
}

extension CoolingTowerSpec {
    init(_ o: YAMLObject) {
        approachK = o.number("approach_k", default: approachK, 0.5...20)
        rangeK = o.number("range_k", default: rangeK, 1...30)
        capacityMw = o.optionalNumber("capacity_mw", 0.001...10_000)
        fanPowerPct = o.number("fan_power_pct", default: fanPowerPct, 0...10)
        fanExponent = o.number("fan_exponent", default: fanExponent, 1...3)
        minFanFraction = o.number("min_fan_fraction", default: minFanFraction, 0...1)
        cyclesOfConcentration = o.number("cycles_of_concentration", default: cyclesOfConcentration, 1.1...20,
                                         "blowdown is evaporation / (COC − 1), so COC must exceed 1")
        driftPct = o.number("drift_pct", default: driftPct, 0...1)
    }
}

extension ChillerSpec {
    /// `condenser`: where the chiller sits (air-cooled positions need an air-cooled curve set).
    init(_ o: YAMLObject, condenser: ChillerCondenserType) {
        if let name = o.optionalString("curve_set") {
            if let set = ChillerCurveSet.named(name) {
                curveSet = set.slug
                if set.curves.condenser != condenser {
                    let wanted = ChillerCurveSet.all.filter { $0.curves.condenser == condenser }.map(\.slug)
                    o["curve_set"].problem("'\(set.slug)' is \(set.curves.condenser == .air ? "air" : "water")-cooled; "
                        + "this chiller is \(condenser == .air ? "air-cooled" : "water-cooled"): use one of \(wanted.joined(separator: ", "))")
                }
            } else {
                let slugs = ChillerCurveSet.all.map(\.slug)
                let hint = Suggestion.closest(to: name, in: slugs).map { "; did you mean '\($0)'?" } ?? ""
                o["curve_set"].problem("no chiller curve set '\(name)'\(hint); shipped sets: \(slugs.joined(separator: ", "))")
            }
            if o["carnot"].isPresent {
                o["carnot"].problem("give either 'curve_set' (EnergyPlus EIR curves) or 'carnot', not both")
            }
        }
        if let model = o["carnot"].object(keys: ["efficiency"]) {
            carnotEfficiency = model.number("efficiency", default: carnotEfficiency, 0.05...0.9,
                                            "real chillers reach 0.3–0.65 of Carnot")
        }
        capacityMw = o.optionalNumber("capacity_mw", 0.001...10_000)
        evaporatorApproachK = o.number("evaporator_approach_k", default: evaporatorApproachK, 0...20)
        condenserApproachK = o.number("condenser_approach_k", default: condenserApproachK, 0...30)
        maxCop = o.number("max_cop", default: maxCop, 1...50)
    }
}

extension HeatRecoverySpec {
    init(_ o: YAMLObject) {
        if let pump = o["heat_pump"].object(keys: HeatPumpSpec.keys) {
            heatPump = HeatPumpSpec(pump)
        } else if !o["heat_pump"].isPresent {
            o["heat_pump"].problem("missing required key 'heat_pump' (with capacity_mw)")
        }
        heatExchange = o["heat_exchange"].object(keys: HeatExchangeSpec.keys).map(HeatExchangeSpec.init)
        storage = o["storage"].object(keys: StorageSpec.keys).map(StorageSpec.init)
        if let network = o["district_heating"].object(keys: DistrictHeatingSpec.keys) {
            districtHeating = DistrictHeatingSpec(network)
        } else if !o["district_heating"].isPresent {
            o["district_heating"].problem("missing required key 'district_heating' (with a demand)")
        }
    }
}

extension HeatPumpSpec {
    init(_ o: YAMLObject) {
        capacityMw = o.requiredNumber("capacity_mw", 0...10_000) ?? 0
        if let variant = o["cop"].variant(COPSpec.kinds) {
            cop = COPSpec(variant.name, variant.value) ?? cop
        }
        maxCop = o.number("max_cop", default: maxCop, 1...50)
        minPartLoad = o.number("min_part_load", default: minPartLoad, 0...1)
        units = o.integer("units", default: units, 1...100)
        source = o.choice("source", default: source, HeatSource.allCases.map(\.rawValue))
    }
}

extension COPSpec {
    init?(_ kind: String, _ value: YAMLValue) {
        switch kind {
        case "carnot", "lorenz":
            guard let model = value.object(keys: ["efficiency", "pinch_k"]) else { return nil }
            let efficiency = model.number("efficiency", default: 0.5, 0.05...0.9, "large heat pumps reach 0.4–0.6 of Carnot")
            let pinch = model.number("pinch_k", default: 5, 0...20)
            self = kind == "carnot" ? .carnot(efficiency: efficiency, pinchK: pinch) : .lorenz(efficiency: efficiency, pinchK: pinch)
        default:
            guard let table = value.object(keys: ["source_out_c", "sink_out_c", "cop", "capacity_factor"]) else { return nil }
            let sources = table.numbers("source_out_c", count: nil, -30...120) ?? []
            let sinks = table.numbers("sink_out_c", count: nil, 0...200) ?? []
            for (key, axis) in [("source_out_c", sources), ("sink_out_c", sinks)] where table[key].isPresent {
                if axis.count < 2 || zip(axis, axis.dropFirst()).contains(where: { $0 >= $1 }) {
                    table[key].problem("expected at least two temperatures in increasing order")
                }
            }
            func grid(_ key: String, _ range: ClosedRange<Double>) -> [[Double]] {
                guard let rows = table[key].list, rows.count == sources.count else {
                    table[key].problem("expected \(sources.count) rows (one per source_out_c) of \(sinks.count) numbers (one per sink_out_c)")
                    return []
                }
                var values: [[Double]] = []
                for row in rows {
                    guard let items = row.list, items.count == sinks.count else {
                        row.problem("expected \(sinks.count) numbers, one per sink_out_c")
                        return []
                    }
                    var numbers: [Double] = []
                    for item in items {
                        guard let number = item.number, range.contains(number) else {
                            item.problem("expected a number in \(format(range))")
                            return []
                        }
                        numbers.append(number)
                    }
                    values.append(numbers)
                }
                return values
            }
            let cop = grid("cop", 1...20)
            let capacity = table["capacity_factor"].isPresent
                ? grid("capacity_factor", 0...2)
                : [[Double]](repeating: [Double](repeating: 1, count: sinks.count), count: sources.count)
            self = .table(sourceOutC: sources, sinkOutC: sinks, cop: cop, capacityFactor: capacity)
        }
    }
}

extension HeatExchangeSpec {
    init(_ o: YAMLObject) {
        approachK = o.number("approach_k", default: approachK, 0.5...20)
        direct = o.boolean("direct", default: direct)
        preheat = o.boolean("preheat", default: preheat)
    }
}

extension StorageSpec {
    init(_ o: YAMLObject) {
        volumeM3 = o.requiredNumber("volume_m3", 0...10_000_000) ?? 0
        chargeMw = o.optionalNumber("charge_mw", 0...10_000)
        dischargeMw = o.optionalNumber("discharge_mw", 0...10_000)
        lossPctPerDay = o.number("loss_pct_per_day", default: lossPctPerDay, 0...100)
    }
}

extension DistrictHeatingSpec {
    init(_ o: YAMLObject) {
        if let curve = Self.curve(o["supply_curve_c"], what: "supply", range: 20...150) { supplyCurveC = curve }
        returnC = o.number("return_c", default: returnC, 10...100)
        returnCurveC = Self.curve(o["return_curve_c"], what: "return", range: 10...100)
        if o["return_c"].isPresent, o["return_curve_c"].isPresent {
            o["return_curve_c"].problem("give either 'return_c' (constant) or 'return_curve_c' (weather-compensated), not both")
        }
        connectionMw = o.optionalNumber("connection_mw", 0...10_000)
        networkLossPct = o.number("network_loss_pct", default: networkLossPct, 0...60)
        if let variant = o["demand"].variant(DemandSpec.kinds) {
            demand = DemandSpec(variant.name, variant.value) ?? demand
        } else if !o["demand"].isPresent {
            o["demand"].problem("missing required key 'demand', e.g. {degree_hours: {annual_gwh: 80}}")
        }
        let highestReturn = returnCurveC?.map { $0[1] }.max() ?? returnC
        if let minimum = supplyCurveC.map({ $0[1] }).min(), minimum <= highestReturn {
            o[returnCurveC == nil ? "return_c" : "return_curve_c"].problem(
                "return (up to \(format(highestReturn)) °C) must be below the lowest supply temperature (\(format(minimum)) °C)")
        }
    }

    /// A weather-compensation curve: a list of `[outdoor °C, network °C]` pairs.
    static func curve(_ value: YAMLValue, what: String, range: ClosedRange<Double>) -> [[Double]]? {
        guard let points = value.list else {
            if value.isPresent { value.problem("expected a list of [outdoor °C, \(what) °C] pairs") }
            return nil
        }
        var curve: [[Double]] = []
        for point in points {
            guard let pair = point.list, pair.count == 2, let outdoor = pair[0].number, let temperature = pair[1].number else {
                point.problem("expected a pair [outdoor °C, \(what) °C], e.g. [-15, 70]")
                continue
            }
            if !range.contains(temperature) {
                pair[1].problem("\(format(temperature)) °C is out of range; expected \(format(range))")
            }
            curve.append([outdoor, temperature])
        }
        if curve.isEmpty { value.problem("needs at least one [outdoor, \(what)] point") }
        if Set(curve.map { $0[0] }).count != curve.count { value.problem("two points share an outdoor temperature") }
        return curve
    }
}

extension DemandSpec {
    init?(_ kind: String, _ value: YAMLValue) {
        switch kind {
        case "degree_hours":
            guard let d = value.object(keys: DegreeHoursSpec.keys) else { return nil }
            var demand = DegreeHoursSpec()
            demand.annualGwh = d.optionalNumber("annual_gwh", 0...100_000)
            demand.designLoadMw = d.optionalNumber("design_load_mw", 0...100_000)
            demand.designOutdoorC = d.number("design_outdoor_c", default: demand.designOutdoorC, -60...10)
            if d["annual_gwh"].isPresent == d["design_load_mw"].isPresent {
                value.problem("give exactly one of 'annual_gwh' (annual demand) or 'design_load_mw' (connected load at design_outdoor_c)")
            }
            demand.heatingLimitC = d.number("heating_limit_c", default: demand.heatingLimitC, 0...30)
            if demand.designOutdoorC >= demand.heatingLimitC {
                d["design_outdoor_c"].problem("the design outdoor temperature must be below heating_limit_c (\(format(demand.heatingLimitC)) °C)")
            }
            demand.hotWaterShare = d.number("hot_water_share", default: demand.hotWaterShare, 0...0.95)
            self = .degreeHours(demand)
        case "bdew":
            guard let d = value.object(keys: BDEWSpec.keys) else { return nil }
            var bdew = BDEWSpec()
            bdew.annualGwh = d.requiredNumber("annual_gwh", 0...100_000) ?? 0
            bdew.profile = d.choice("profile", default: bdew.profile, BDEWProfile.BuildingType.allCases.map(\.rawValue))
            bdew.buildingClass = d.optionalInteger("building_class", 1...11)
            bdew.windy = d.boolean("windy", default: bdew.windy)
            bdew.hotWater = d.boolean("hot_water", default: bdew.hotWater)
            self = .bdew(bdew)
        case "profile":
            guard let d = value.object(keys: ProfileDemandSpec.keys) else { return nil }
            var profile = ProfileDemandSpec()
            profile.file = d.requiredString("file", "CSV path relative to the site file") ?? ""
            profile.column = d.optionalString("column") ?? profile.column
            if TraceReader.quantity(column: profile.column) != .megawatts {
                d["column"].problem("'\(profile.column)' is not a heat-power column; use 'mw' or a name ending in '_mw'")
            }
            d.checkFileExists("file", profile.file, "demand profile")
            self = .profile(profile)
        default:
            guard let d = value.object(keys: ConstantDemandSpec.keys) else { return nil }
            self = .constant(ConstantDemandSpec(mw: d.requiredNumber("mw", 0...10_000) ?? 0))
        }
    }
}

extension CarbonSpec {
    init(_ o: YAMLObject) {
        gridGPerKwh = o.optionalNumber("grid_g_per_kwh", 0...2000)
        country = o.optionalString("country")?.uppercased()
        gridCsv = o.optionalString("grid_csv")
        column = o.optionalString("column") ?? column
        let given = [o["grid_g_per_kwh"].isPresent, o["country"].isPresent, o["grid_csv"].isPresent].filter { $0 }.count
        if given != 1 {
            o["grid_g_per_kwh"].problem("give exactly one of 'grid_g_per_kwh' (a constant), 'country' (e.g. DEU) "
                + "or 'grid_csv' (an hourly CSV with a g_per_kwh column)")
        }
        if let code = country, GridCarbonTable.intensity(code: code) == nil {
            let suggestions = GridCarbonTable.suggestions(for: code).prefix(3)
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
            o["country"].problem("'\(code)' is not in the carbon table\(hint); expected an ISO 3166 alpha-3 code such as DEU, USA, FRA")
        }
        if TraceReader.quantity(column: column) != .gramsPerKilowattHour {
            o["column"].problem("'\(column)' is not a carbon-intensity column; use 'g_per_kwh' or a name ending in '_g_per_kwh'")
        }
        o.checkFileExists("grid_csv", gridCsv ?? "", "carbon CSV")
        displacedHeatGPerKwh = o.number("displaced_heat_g_per_kwh", default: displacedHeatGPerKwh, 0...2000)
    }
}

extension EconomicsSpec {
    init(_ o: YAMLObject) {
        heatPriceEurPerMwh = o.number("heat_price_eur_per_mwh", default: heatPriceEurPerMwh, -1000...10_000)
        electricityPriceEurPerMwh = o.optionalNumber("electricity_price_eur_per_mwh", -1000...10_000)
        electricityPriceCsv = o.optionalString("electricity_price_csv")
        electricityPriceColumn = o.optionalString("electricity_price_column") ?? electricityPriceColumn
        if o["electricity_price_eur_per_mwh"].isPresent, o["electricity_price_csv"].isPresent {
            o["electricity_price_csv"].problem("give either 'electricity_price_eur_per_mwh' (a constant) or 'electricity_price_csv' (a series), not both")
        }
        if TraceReader.quantity(column: electricityPriceColumn) != .eurosPerMegawattHour {
            o["electricity_price_column"].problem("'\(electricityPriceColumn)' is not a price column; use 'eur_per_mwh' or a name ending in '_eur_per_mwh'")
        }
        o.checkFileExists("electricity_price_csv", electricityPriceCsv ?? "", "electricity price CSV")
        discountRate = o.number("discount_rate", default: discountRate, 0...0.5, "a fraction per year: 0.06 is 6 %")
        lifetimeYears = o.integer("lifetime_years", default: lifetimeYears, 1...100)
        maintenancePctPerYear = o.number("maintenance_pct_per_year", default: maintenancePctPerYear, 0...100)
        heatPumpEurPerKw = o.number("heat_pump_eur_per_kw", default: heatPumpEurPerKw, 0...100_000)
        heatPumpReferenceMw = o.number("heat_pump_reference_mw", default: heatPumpReferenceMw, 0.001...10_000)
        heatPumpScaleExponent = o.number("heat_pump_scale_exponent", default: heatPumpScaleExponent, 0.1...1.5)
        storageEurPerM3 = o.number("storage_eur_per_m3", default: storageEurPerM3, 0...100_000)
        connectionFixedEur = o.number("connection_fixed_eur", default: connectionFixedEur, 0...1e12)
        connectionEurPerMw = o.number("connection_eur_per_mw", default: connectionEurPerMw, 0...1e9)
        connectionEurPerM = o.number("connection_eur_per_m", default: connectionEurPerM, 0...1e9)
        connectionLengthM = o.number("connection_length_m", default: connectionLengthM, 0...1e6)
        creditCoolingSavings = o.boolean("credit_cooling_savings", default: creditCoolingSavings)
    }
}

extension ComplianceSpec {
    init(_ o: YAMLObject) {
        commissioningDate = o.requiredString("commissioning_date", "a date YYYY-MM-DD") ?? ""
        if !commissioningDate.isEmpty, CalendarDate(iso: commissioningDate) == nil {
            o["commissioning_date"].problem("'\(commissioningDate)' is not a date; expected YYYY-MM-DD")
        }
    }
}

extension CalendarDate {
    /// Parses `YYYY-MM-DD`.
    init?(iso text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), (1...12).contains(month) else { return nil }
        var days = SimulationCalendar.daysPerMonth[month - 1]
        if month == 2, SimulationCalendar.isLeap(year) { days = 29 }
        guard (1...days).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }
}

extension SiteSpec {
    /// A path from a site file, resolved against the site file's folder unless absolute.
    public static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = (file as NSString).deletingLastPathComponent
        return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(path)
    }
}

extension YAMLObject {
    /// Reports `key` when its (non-empty) `path`, relative to the file being read, names no readable file.
    func checkFileExists(_ key: String, _ path: String, _ what: String) {
        guard !path.isEmpty else { return }
        let resolved = SiteSpec.resolve(path, relativeTo: log.file)
        if !FileManager.default.isReadableFile(atPath: resolved) {
            self[key].problem("\(what) '\(path)' not found (looked for \(resolved)); give a path relative to \((log.file as NSString).lastPathComponent)")
        }
    }
}
