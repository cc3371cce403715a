/// Design loads of a site, W: what the plant is sized from.
public struct SiteDesignLoads: Sendable, Equatable {
    /// IT power at full load of every node (ITE design power for air-cooled ITE models), or `design_it_mw`.
    public var itPower: Double
    /// Heat captured by the liquid loop at design.
    public var liquidHeat: Double
    /// Heat the air side removes at design: the IT's air share and the electrical losses' heat to air.
    public var airHeat: Double
    /// Heat the liquid loop's rejection plant removes at design: `liquidHeat` and the pump's heat.
    public var liquidRejected = 0.0
    /// Heat the air loop's rejection plant (or the CRAC units) removes at design: `airHeat`, the CRAH or
    /// CRAC fans' heat and the chilled-water pump's heat.
    public var airRejected = 0.0
}

/// A configuration that cannot work at the design condition: the key to change and what to change.
public struct DesignProblem: Sendable, Equatable {
    public var keyPath: String
    public var message: String
}

/// A site description with every derived value filled in (the resolved site written to results), and
/// the design values that are not keys of the site file. Built once per scenario by `SiteSpec.designed()`.
public struct DesignedSite: Sendable, Equatable {
    /// The resolved description: what was simulated.
    public var spec: SiteSpec
    public var loads: SiteDesignLoads
    /// The CRAC room's rating, when the air side is a CRAC room.
    public var cracRating: CRACRating?
    /// Plants that can never hold their setpoint at the design condition (empty when every one can).
    public var problems: [DesignProblem] = []
}

/// A CRAC room's rated total capacity (W) and air flow (m³/s).
public struct CRACRating: Sendable, Equatable {
    public var capacity: Double
    public var airFlow: Double
}

extension SiteSpec {
    /// The design step: fills every value whose default derives from others, each rule in one place, once.
    /// Every plant is sized for the design IT load plus the fan, pump and loss heat its loop carries, at the
    /// design condition (`design_dry_bulb_c` / `design_wet_bulb_c`, else `ambient`: the weather file's
    /// ASHRAE 0.4 % / 1 % values), times `design_sizing_factor`; then misc loads, heat-recovery sizes and
    /// the economics' price. Without either (library callers with no weather) the condition is
    /// `DesignAmbient.withoutWeather`.
    public func designed(ambient: DesignAmbient? = nil) -> DesignedSite {
        var spec = self
        spec.it.clusters = it.allClusters.map { $0.designed() }
        spec.it.loadMw = nil
        let weather = ambient ?? DesignAmbient.withoutWeather
        spec.designDryBulbC = designDryBulbC ?? weather.dryBulb
        spec.designWetBulbC = designWetBulbC ?? weather.wetBulb
        let condition = DesignAmbient(dryBulb: spec.designDryBulbC ?? 0, wetBulb: spec.designWetBulbC ?? 0)
        var loads = spec.designHeat()
        spec.designItMw = loads.itPower / 1e6
        var problems: [DesignProblem] = []
        spec.sizeLiquidLoop(&loads, condition, &problems)
        let cracRating = spec.sizeAirSide(&loads, condition, &problems)
        if spec.cooling.air.humidity.humidifyBelowDewPointC == nil {
            spec.cooling.air.humidity.humidifyBelowDewPointC = spec.cooling.air.ashraeClass.recommended.minimumDewPoint
        }
        spec.heatRecovery = spec.heatRecovery?.designed()
        if var economics = spec.economics, economics.electricityPriceCsv == nil, economics.electricityPriceEurPerMwh == nil {
            economics.electricityPriceEurPerMwh = EconomicsSpec.defaultElectricityPrice
            spec.economics = economics
        }
        return DesignedSite(spec: spec, loads: loads, cracRating: cracRating, problems: problems)
    }

    /// The resolved description (`designed().spec`).
    public func resolved() -> SiteSpec { designed().spec }

    /// IT power and its liquid and air heat at design; fills `misc_kw` (1 % of the design IT power).
    /// `design_it_mw` scales every cluster's full-load power alike.
    private mutating func designHeat() -> SiteDesignLoads {
        var loads = SiteDesignLoads(itPower: 0, liquidHeat: 0, airHeat: 0)
        for cluster in it.clusters {
            let power = (cluster.ite?.designPowerW ?? cluster.node.power.maximum.value) * Double(cluster.nodes)
            loads.itPower += power
            loads.liquidHeat += power * (cluster.liquidCapture ?? 0)
        }
        if let designItMw, loads.itPower > 0 {
            loads.liquidHeat *= designItMw * 1e6 / loads.itPower
            loads.itPower = designItMw * 1e6
        }
        if electrical.miscKw == nil { electrical.miscKw = 0.01 * loads.itPower / 1e3 }
        let ups = loads.itPower * (1 / electrical.upsEfficiency - 1)
        let losses = ups + loads.itPower * electrical.distributionLossPct / 100 + (electrical.miscKw ?? 0) * 1e3
        loads.airHeat = loads.itPower - loads.liquidHeat + losses * electrical.lossHeatToAir
        return loads
    }

    /// The facility-water loop's rejection, for its heat and its pump's; its ASHRAE W class.
    private mutating func sizeLiquidLoop(_ loads: inout SiteDesignLoads, _ ambient: DesignAmbient,
                                         _ problems: inout [DesignProblem]) {
        guard loads.liquidHeat > 0 else {
            cooling.liquid.rejection = cooling.liquid.rejection.sized(for: RejectionDesign(
                heat: 0, supply: cooling.liquid.supplyC, returnWater: cooling.liquid.supplyC + cooling.liquid.deltaTK, ambient: ambient))
            return
        }
        let loop = cooling.liquid
        loads.liquidRejected = loads.liquidHeat + CoolingLoop.designPumpPower(
            designHeat: loads.liquidHeat, deltaT: loop.deltaTK, pumpHead: loop.pumpHeadKpa, pumpEfficiency: loop.pumpEfficiency).value
        let design = RejectionDesign(heat: loads.liquidRejected * designSizingFactor, supply: loop.supplyC,
                                     returnWater: loop.supplyC + loop.deltaTK, ambient: ambient)
        if let message = loop.rejection.unreachable(design, supplyKey: "supply_c") {
            problems.append(DesignProblem(keyPath: "cooling.liquid.supply_c", message: message))
        }
        cooling.liquid.rejection = loop.rejection.sized(for: design)
        if cooling.liquid.ashraeClass == nil {
            cooling.liquid.ashraeClass = ASHRAELiquidClass.allCases.first { $0.allows(supply: loop.supplyC) }
        }
    }

    /// The chilled-water loop's rejection, for the air heat, the CRAH fans' and the pump's; or the CRAC
    /// room's rating, for the air heat and its fans'.
    private mutating func sizeAirSide(_ loads: inout SiteDesignLoads, _ ambient: DesignAmbient,
                                      _ problems: inout [DesignProblem]) -> CRACRating? {
        let air = cooling.air
        if let crac = air.crac {
            let rating = crac.rating(designHeat: loads.airHeat)
            loads.airRejected = loads.airHeat + crac.fanPower(airFlow: rating.airFlow)
            return rating
        }
        if air.airHandler != nil {
            sizeAirHandler(&loads, ambient, &problems)
            return nil
        }
        if !air.zones.isEmpty {
            sizeAirZones(&loads, ambient, &problems)
            return nil
        }
        let fanHeat = air.crah.fan(designHeat: loads.airHeat).designPower.value
        let pumpHeat = CoolingLoop.designPumpPower(designHeat: loads.airHeat + fanHeat, deltaT: air.deltaTK,
                                                   pumpHead: air.pumpHeadKpa, pumpEfficiency: air.pumpEfficiency).value
        loads.airRejected = loads.airHeat + fanHeat + pumpHeat
        let design = RejectionDesign(heat: loads.airRejected * designSizingFactor, supply: air.chilledWaterC,
                                     returnWater: air.chilledWaterC + air.deltaTK, ambient: ambient)
        if let message = air.rejection.unreachable(design, supplyKey: "chilled_water_c") {
            problems.append(DesignProblem(keyPath: "cooling.air.chilled_water_c", message: message))
        }
        cooling.air.rejection = air.rejection.sized(for: design)
        return nil
    }
}

extension SiteSpec {
    /// An air-handler room: its handler designed for the air-side heat (`designHandler`), and the chilled-water
    /// plant for the coil's design load and the pump's heat.
    private mutating func sizeAirHandler(_ loads: inout SiteDesignLoads, _ ambient: DesignAmbient,
                                         _ problems: inout [DesignProblem]) {
        guard var handler = cooling.air.airHandler else { return }
        let coilLoad = designHandler(&handler, airHeat: loads.airHeat, keyPath: "cooling.air.air_handler", &problems)
        cooling.air.airHandler = handler
        sizeChilledWaterPlant(coilLoad: coilLoad, &loads, ambient, &problems)
    }

    /// Each air zone's share of the air-side design heat: its clusters' share of the design IT power.
    var airZoneShares: [Double] {
        let power = { (cluster: ClusterSpec) in (cluster.ite?.designPowerW ?? cluster.node.power.maximum.value) * Double(cluster.nodes) }
        let total = it.clusters.reduce(0) { $0 + power($1) }
        return cooling.air.zones.map { zone in
            it.clusters.filter { $0.zone == zone.name }.reduce(0) { $0 + power($1) } / max(total, 1)
        }
    }

    /// Air zones: each zone's units designed for its share of the air-side heat (`airZoneShares`): an air
    /// handler's flow and coil, a CRAC zone's rating (written to its `capacity_kw` and `air_flow_m3_per_s`, as
    /// `CRACSpec.rating` derives them for a one-zone room), a CRAH zone's fans (`CRAHSpec.fan`, as a one-zone CRAH
    /// hall's); then one chilled-water plant for all the coils' design loads (a CRAH zone's: its heat and its fans'),
    /// when some zone has a coil. The air side rejects the plant's heat and the CRAC zones' heat and fan heat.
    mutating func sizeAirZones(_ loads: inout SiteDesignLoads, _ ambient: DesignAmbient, _ problems: inout [DesignProblem]) {
        var coilLoad = 0.0, cracRejected = 0.0
        for (index, share) in airZoneShares.enumerated() {
            let zone = cooling.air.zones[index]
            coilLoad += zone.crah?.coilDesignLoad(designHeat: loads.airHeat * share) ?? 0
            if var handler = zone.airHandler {
                coilLoad += designHandler(&handler, airHeat: loads.airHeat * share,
                                          keyPath: "cooling.air.zones[\(index)].air_handler", &problems)
                cooling.air.zones[index].airHandler = handler
            }
            if var crac = zone.crac {
                let rating = crac.rating(designHeat: loads.airHeat * share)
                (crac.capacityKw, crac.airFlowM3PerS) = (rating.capacity / 1e3, rating.airFlow)
                cooling.air.zones[index].crac = crac
                cracRejected += loads.airHeat * share + crac.fanPower(airFlow: rating.airFlow)
            }
        }
        if cooling.air.zonesUseChilledWater { sizeChilledWaterPlant(coilLoad: coilLoad, &loads, ambient, &problems) }
        loads.airRejected += cracRejected
    }

    /// Fills in a handler's design air flow (`AirHandlerSpec.designAirFlow`, for `airHeat` W) and its coil's UA at
    /// the coil's design point; returns the coil's design load, W. Problems are reported at `keyPath`.
    private func designHandler(_ handler: inout AirHandlerSpec, airHeat: Double, keyPath: String,
                               _ problems: inout [DesignProblem]) -> Double {
        let air = cooling.air
        let flow = handler.designAirFlow(designHeat: airHeat, sizingFactor: designSizingFactor)
        handler.airFlowM3PerS = flow
        let coilLoad = handler.coilDesignLoad(airFlow: flow)
        guard handler.coil.uaWPerK == nil else { return coilLoad }
        let density = Psychrometrics.standardAirDensity(pressure: Psychrometrics.standardSeaLevelPressure)
        handler.coil.uaWPerK = ChilledWaterCoil.designUA(
            designLoad: coilLoad, airMassFlow: flow * density, airHumidityRatio: AirHandlerSpec.designHumidityRatio,
            airInlet: handler.coil.designAirInletC, waterMassFlow: coilLoad / (Fluid.waterSpecificHeat * air.deltaTK),
            waterInlet: air.chilledWaterC)
        if handler.coil.uaWPerK == nil {
            problems.append(DesignProblem(
                keyPath: "\(keyPath).coil.design_air_outlet_c",
                message: "no coil cools the design air to \(formatNumber(handler.coil.designAirOutletC)) °C with chilled water at "
                    + "\(formatNumber(air.chilledWaterC)) °C warming by \(formatNumber(air.deltaTK)) K; raise it or lower chilled_water_c"))
        }
        return coilLoad
    }

    /// The air loop's chilled-water plant for the coils' design load `coilLoad` W and the pump's heat.
    private mutating func sizeChilledWaterPlant(coilLoad: Double, _ loads: inout SiteDesignLoads, _ ambient: DesignAmbient,
                                                _ problems: inout [DesignProblem]) {
        let air = cooling.air
        let pumpHeat = CoolingLoop.designPumpPower(designHeat: coilLoad, deltaT: air.deltaTK, pumpHead: air.pumpHeadKpa,
                                                   pumpEfficiency: air.pumpEfficiency).value
        loads.airRejected = coilLoad + pumpHeat
        let design = RejectionDesign(heat: loads.airRejected * designSizingFactor, supply: air.chilledWaterC,
                                     returnWater: air.chilledWaterC + air.deltaTK, ambient: ambient)
        if let message = air.rejection.unreachable(design, supplyKey: "chilled_water_c") {
            problems.append(DesignProblem(keyPath: "cooling.air.chilled_water_c", message: message))
        }
        cooling.air.rejection = air.rejection.sized(for: design)
    }
}

extension ClusterSpec {
    func designed() -> ClusterSpec {
        var cluster = self
        if cluster.liquidCapture == nil { cluster.liquidCapture = cooling.defaultLiquidCapture }
        if var ite = cluster.ite, ite.designPowerW == nil {
            ite.designPowerW = node.power.maximum.value
            cluster.ite = ite
        }
        if case .training(var training) = workload, var background = training.background {
            background.maxNodes = background.maxNodes(clusterNodes: nodes)
            training.background = background
            cluster.workload = .training(training)
        }
        return cluster
    }
}

extension HeatRecoverySpec {
    /// Connection, storage charging and discharging default to the heat pump's capacity; a BDEW demand's
    /// building class to its profile's; a COP table's capacity factor to 1.
    func designed() -> HeatRecoverySpec {
        var recovery = self
        let capacity = heatPump.capacityMw
        if recovery.districtHeating.connectionMw == nil { recovery.districtHeating.connectionMw = capacity }
        if var storage = recovery.storage {
            storage.chargeMw = storage.chargeMw ?? capacity
            storage.dischargeMw = storage.dischargeMw ?? capacity
            recovery.storage = storage
        }
        if case .bdew(var bdew) = districtHeating.demand, bdew.buildingClass == nil {
            bdew.buildingClass = bdew.designedBuildingClass
            recovery.districtHeating.demand = .bdew(bdew)
        }
        if case .table(var table) = heatPump.cop, table.capacityFactor == nil {
            table.capacityFactor = [[Double]](repeating: [Double](repeating: 1, count: table.sinkOutC.count),
                                              count: table.sourceOutC.count)
            recovery.heatPump.cop = .table(table)
        }
        return recovery
    }
}

extension CRACSpec {
    /// Rated air flow per W of rated capacity when not given, m³/s/W (the EnergyPlus example's 8.5 m³/s for
    /// 148.3 kW).
    static let airFlowPerWatt = 5.73e-5

    /// Rated capacity (W) and air flow (m³/s): as given, else 1.3 × the air-side design heat with the supply
    /// fans' heat (the EnergyPlus example's rating over its design load) and `airFlowPerWatt`. With the flow
    /// derived from the capacity, `C = 1.3 (Q + k C)` with fan power `k C`, so `C = 1.3 Q / (1 − 1.3 k)`.
    func rating(designHeat: Double) -> CRACRating {
        let margin = 1.3
        let capacity: Double
        if let capacityKw {
            capacity = capacityKw * 1e3
        } else if let airFlowM3PerS {
            capacity = margin * (designHeat + fanPower(airFlow: airFlowM3PerS))
        } else {
            capacity = margin * designHeat / max(0.5, 1 - margin * fanPower(airFlow: Self.airFlowPerWatt))
        }
        return CRACRating(capacity: capacity, airFlow: airFlowM3PerS ?? Self.airFlowPerWatt * capacity)
    }

    /// Supply-fan power at `airFlow` m³/s and the design pressure rise, W (all of it heats the room air).
    func fanPower(airFlow: Double) -> Double {
        AffinityMachine.designPower(volumeFlow: airFlow, pressureRise: fanPressurePa, efficiency: fanEfficiency).value
    }
}

extension ITSpec {
    /// The cluster `load_mw` stands for: the default cluster (`ClusterSpec()`: the default node, direct
    /// liquid cooling, a constant workload) with load / the node's full-load power nodes, rounded to whole
    /// nodes (at least one); nil without `load_mw`.
    /// The clusters with the one `load_mw` stands for: what checks before the design step look at.
    var allClusters: [ClusterSpec] { clusters + [loadCluster].compactMap { $0 } }

    var loadCluster: ClusterSpec? {
        guard let loadMw else { return nil }
        var cluster = ClusterSpec()
        cluster.name = Self.loadClusterName
        cluster.nodes = max(1, Int((loadMw * 1e6 / cluster.node.power.maximum.value).rounded()))
        return cluster
    }
}
