/// Design loads of a site, W: what the plant is sized from.
public struct SiteDesignLoads: Sendable, Equatable {
    /// IT power at full load of every node (ITE design power for air-cooled ITE models).
    public var itPower: Double
    /// Heat captured by the liquid loop at design.
    public var liquidHeat: Double
    /// Heat the air side removes at design: the IT's air share and the electrical losses' heat to air.
    public var airHeat: Double
}

/// A site description with every derived value filled in (the resolved site written to results), and
/// the design values that are not keys of the site file. Built once per scenario by `SiteSpec.designed()`.
public struct DesignedSite: Sendable, Equatable {
    /// The resolved description: what was simulated.
    public var spec: SiteSpec
    public var loads: SiteDesignLoads
    /// The CRAC room's rating, when the air side is a CRAC room.
    public var cracRating: CRACRating?
}

/// A CRAC room's rated total capacity (W) and air flow (m³/s).
public struct CRACRating: Sendable, Equatable {
    public var capacity: Double
    public var airFlow: Double
}

extension SiteSpec {
    /// The design step: fills every value whose default derives from others (plant sized from the design
    /// IT load, misc loads, heat-recovery sizes, the economics' price), each rule in one place, once.
    public func designed() -> DesignedSite {
        var spec = self
        spec.it.clusters = it.clusters.map { $0.designed() }
        var loads = SiteDesignLoads(itPower: 0, liquidHeat: 0, airHeat: 0)
        for cluster in spec.it.clusters {
            let power = (cluster.ite?.designPowerW ?? cluster.node.power.maximum.value) * Double(cluster.nodes)
            loads.itPower += power
            loads.liquidHeat += power * (cluster.liquidCapture ?? 0)
        }
        // Lighting and misc loads: 1 % of the design IT power.
        if spec.electrical.miscKw == nil { spec.electrical.miscKw = 0.01 * loads.itPower / 1e3 }
        let electrical = spec.electrical
        let ups = loads.itPower * (1 / electrical.upsEfficiency - 1)
        let losses = ups + loads.itPower * electrical.distributionLossPct / 100 + (electrical.miscKw ?? 0) * 1e3
        loads.airHeat = loads.itPower - loads.liquidHeat + losses * electrical.lossHeatToAir

        spec.cooling.liquid.rejection = spec.cooling.liquid.rejection.sized(to: loads.liquidHeat)
        if loads.liquidHeat > 0, spec.cooling.liquid.ashraeClass == nil {
            let supply = spec.cooling.liquid.supplyC
            spec.cooling.liquid.ashraeClass = ASHRAELiquidClass.allCases.first { $0.allows(supply: supply) }
        }
        // A CRAC room has no chilled-water plant to size.
        if spec.cooling.air.crac == nil { spec.cooling.air.rejection = spec.cooling.air.rejection.sized(to: loads.airHeat) }
        if spec.cooling.air.humidity.humidifyBelowDewPointC == nil {
            spec.cooling.air.humidity.humidifyBelowDewPointC = spec.cooling.air.ashraeClass.recommended.minimumDewPoint
        }
        spec.heatRecovery = spec.heatRecovery?.designed()
        if var economics = spec.economics, economics.electricityPriceCsv == nil, economics.electricityPriceEurPerMwh == nil {
            economics.electricityPriceEurPerMwh = EconomicsSpec.defaultElectricityPrice
            spec.economics = economics
        }
        return DesignedSite(spec: spec, loads: loads, cracRating: spec.cooling.air.crac.map { $0.rating(designHeat: loads.airHeat) })
    }

    /// The resolved description (`designed().spec`).
    public func resolved() -> SiteSpec { designed().spec }
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

extension RejectionSpec {
    /// Capacities not given, from the loop's design heat (W): chillers and dry coolers at the design heat,
    /// a water-cooled chiller's condenser sink at 1.25 × it (evaporator and compressor heat, ≈ 1/COP ≈ 20 % more).
    func sized(to designHeat: Double) -> RejectionSpec {
        let megawatts = max(designHeat / 1e6, 0.001)
        switch self {
        case .dryCooler(var cooler):
            cooler.capacityMw = cooler.capacityMw ?? megawatts
            if var trim = cooler.trimChiller {
                trim.capacityMw = trim.capacityMw ?? megawatts
                cooler.trimChiller = trim
            }
            return .dryCooler(cooler)
        case .chiller(var chiller):
            chiller.capacityMw = chiller.capacityMw ?? megawatts
            return .chiller(chiller)
        case .waterCooledChiller(var plant):
            plant.chiller.capacityMw = plant.chiller.capacityMw ?? megawatts
            if plant.dryCooler == nil, plant.coolingTower == nil { plant.coolingTower = CoolingTowerSpec() }
            if var tower = plant.coolingTower {
                tower.capacityMw = tower.capacityMw ?? 1.25 * megawatts
                plant.coolingTower = tower
            }
            if var cooler = plant.dryCooler {
                cooler.capacityMw = cooler.capacityMw ?? 1.25 * megawatts
                plant.dryCooler = cooler
            }
            return .waterCooledChiller(plant)
        }
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
    /// Rated capacity (W) and air flow (m³/s): as given, else 1.3 × the air-side design heat and
    /// 5.73e-5 m³/s per W (the EnergyPlus example's 8.5 m³/s for 148.3 kW).
    func rating(designHeat: Double) -> CRACRating {
        let capacity = capacityKw.map { $0 * 1e3 } ?? 1.3 * designHeat
        return CRACRating(capacity: capacity, airFlow: airFlowM3PerS ?? 5.73e-5 * capacity)
    }
}
