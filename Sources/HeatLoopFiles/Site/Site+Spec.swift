import Foundation
import HeatLoop

extension SiteSpec {
    /// Fills the values whose defaults depend on other values (sizes from the design IT load), so the
    /// spec written to the result file shows what was simulated.
    public func resolved() -> SiteSpec {
        var spec = self
        let model = SiteDesign(spec)
        for index in spec.it.clusters.indices where spec.it.clusters[index].liquidCapture == nil {
            spec.it.clusters[index].liquidCapture =
                (CoolingClass(rawValue: spec.it.clusters[index].cooling) ?? .air).defaultLiquidCapture
        }
        if spec.electrical.miscKw == nil { spec.electrical.miscKw = 0.01 * model.itDesign / 1e3 }
        spec.cooling.liquid.rejection = spec.cooling.liquid.rejection.sized(to: model.liquidDesignHeat)
        spec.cooling.air.rejection = spec.cooling.air.rejection.sized(to: model.airDesignHeat)
        if var recovery = spec.heatRecovery {
            if recovery.districtHeating.connectionMw == nil {
                recovery.districtHeating.connectionMw = recovery.heatPump.capacityMw
            }
            if var storage = recovery.storage {
                storage.chargeMw = storage.chargeMw ?? recovery.heatPump.capacityMw
                storage.dischargeMw = storage.dischargeMw ?? recovery.heatPump.capacityMw
                recovery.storage = storage
            }
            spec.heatRecovery = recovery
        }
        if var economics = spec.economics, economics.electricityPriceCsv == nil, economics.electricityPriceEurPerMwh == nil {
            economics.electricityPriceEurPerMwh = EconomicsSpec.defaultElectricityPrice
            spec.economics = economics
        }
        return spec
    }
}

/// Design loads derived from a spec (W).
struct SiteDesign {
    var itDesign: Double
    var liquidDesignHeat: Double
    var airDesignHeat: Double

    init(_ spec: SiteSpec) {
        var it = 0.0, liquid = 0.0
        for cluster in spec.it.clusters {
            let power = (cluster.ite?.designPowerW ?? cluster.nodePower.maximum.value) * Double(cluster.nodes)
            let capture = cluster.liquidCapture ?? (CoolingClass(rawValue: cluster.cooling) ?? .air).defaultLiquidCapture
            it += power
            liquid += power * capture
        }
        itDesign = it
        liquidDesignHeat = liquid
        let ups = it * (1 / spec.electrical.upsEfficiency - 1)
        let losses = ups + it * spec.electrical.distributionLossPct / 100 + (spec.electrical.miscKw ?? 0.01 * it / 1e3) * 1e3
        airDesignHeat = it - liquid + losses * spec.electrical.lossHeatToAir
    }
}

extension RejectionSpec {
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
            // The sink takes the evaporator heat and the compressor's (≈ 1/COP ≈ 20 % more).
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

extension ClusterSpec {
    var nodePower: NodePower {
        NodePower(gpus: node.gpus, gpuIdle: Watts(node.gpuIdleW), gpuMax: Watts(node.gpuMaxW),
                  baseIdle: Watts(node.baseIdleW), baseMax: Watts(node.baseMaxW),
                  curve: node.curve == "mse" ? .mse(exponent: node.mseExponent) : .linear)
    }
}

extension Site {
    /// Converts a decoded, resolved spec to SI model values. The spec has been range-checked; `traces`
    /// holds the series read from the files the spec names (keyed by `file` as written); `elevation` (m,
    /// from the weather file) sets the standard air density of DX coils and the pressure of economisers.
    public init(spec unresolved: SiteSpec, traces: [String: RegularTrace] = [:], elevation: Double = 0) {
        let spec = unresolved.resolved()
        let design = SiteDesign(spec)
        let clusters = spec.it.clusters.map { c in
            Cluster(name: c.name, nodes: c.nodes, nodesPerRack: c.nodesPerRack, node: c.nodePower,
                    cooling: CoolingClass(rawValue: c.cooling) ?? .air, liquidCapture: c.liquidCapture ?? 0,
                    workload: c.workload.model(traces: traces),
                    downPower: Watts(c.node.downW), ite: c.ite.map { $0.model(node: c.nodePower) })
        }
        let electrical = ElectricalChain(
            upsDesignEfficiency: spec.electrical.upsEfficiency, upsLowLoadFactor: spec.electrical.upsLowLoadFactor,
            distributionLossFraction: spec.electrical.distributionLossPct / 100,
            misc: .kilowatts(spec.electrical.miscKw ?? 0), heatToAir: spec.electrical.lossHeatToAir,
            designITPower: Watts(design.itDesign))

        let liquid = spec.cooling.liquid
        var liquidLoop: CoolingLoop? = nil
        if design.liquidDesignHeat > 0 {
            liquidLoop = CoolingLoop.make(
                supply: liquid.supplyC, deltaT: liquid.deltaTK, designHeat: design.liquidDesignHeat,
                volume: liquid.volumeM3, pumpHead: liquid.pumpHeadKpa, pumpEfficiency: liquid.pumpEfficiency,
                minimumFlow: liquid.minFlowFraction, rejection: liquid.rejection)
        }

        let air = spec.cooling.air
        let airSide: AirSide
        if let crac = air.crac {
            airSide = .crac(crac.room(supplyAir: air.supplyAirC, designHeat: design.airDesignHeat, elevation: elevation))
        } else {
            // Design air flow from the air-side heat and the air temperature rise across the IT equipment.
            let airVolumeFlow = design.airDesignHeat / (Fluid.airDensity * Fluid.airSpecificHeat * air.airDeltaTK)
            let crahFan = AffinityMachine(
                designPower: AffinityMachine.designPower(volumeFlow: airVolumeFlow, pressureRise: air.fanPressurePa,
                                                         efficiency: air.fanEfficiency),
                exponent: air.fanExponent, minimumFraction: air.minFanFraction)
            let airHandling = AirHandling(
                supplyAirSetpoint: Celsius(air.supplyAirC), coilApproach: TemperatureDelta(air.supplyAirC - air.chilledWaterC),
                fan: crahFan, designHeat: Watts(max(design.airDesignHeat, 1)),
                airTemperatureRise: TemperatureDelta(air.airDeltaTK))
            // The chilled water also carries the fan heat.
            let airLoop = CoolingLoop.make(
                supply: air.chilledWaterC, deltaT: air.deltaTK, designHeat: design.airDesignHeat + crahFan.designPower.value,
                volume: air.volumeM3, pumpHead: air.pumpHeadKpa, pumpEfficiency: air.pumpEfficiency,
                minimumFlow: air.minFlowFraction, rejection: air.rejection)
            airSide = .chilledWater(airHandling, airLoop)
        }
        let waterClass = liquidLoop == nil ? nil
            : liquid.ashraeClass.flatMap(ASHRAELiquidClass.init(name:))
                ?? ASHRAELiquidClass.allCases.first { $0.allows(supply: liquid.supplyC) }
        let envelope = OperatingEnvelope(air: ASHRAEAirClass(name: air.ashraeClass) ?? .a1, liquid: waterClass)

        let recovery = spec.heatRecovery.map { r in
            let network = DistrictHeatingNetwork(
                supplyCurve: OutdoorResetCurve(pairs: r.districtHeating.supplyCurveC),
                returnCurve: r.districtHeating.returnCurveC.map(OutdoorResetCurve.init(pairs:))
                    ?? .constant(Celsius(r.districtHeating.returnC)),
                connection: .megawatts(r.districtHeating.connectionMw ?? r.heatPump.capacityMw),
                demand: r.districtHeating.demand.model(traces: traces),
                lossFraction: r.districtHeating.networkLossPct / 100)
            let storage = r.storage.map { s in
                let maximumSupply = r.districtHeating.supplyCurveC.map { $0[1] }.max() ?? r.districtHeating.returnC
                let lowestReturn = r.districtHeating.returnCurveC?.map { $0[1] }.min() ?? r.districtHeating.returnC
                return HeatStorage(
                    capacity: HeatStorage.capacity(volume: s.volumeM3, supply: Celsius(maximumSupply),
                                                   return: Celsius(lowestReturn)),
                    maximumCharge: .megawatts(s.chargeMw ?? 0), maximumDischarge: .megawatts(s.dischargeMw ?? 0),
                    lossPerDay: s.lossPctPerDay / 100)
            } ?? .none
            let pump = HeatPump(
                capacity: .megawatts(r.heatPump.capacityMw), units: r.heatPump.units,
                cop: r.heatPump.cop.model,
                maximumCOP: r.heatPump.maxCop, minimumPartLoad: r.heatPump.minPartLoad,
                source: HeatSource(rawValue: r.heatPump.source) ?? .liquid)
            let exchange = r.heatExchange.map {
                HeatExchange(approach: TemperatureDelta($0.approachK), direct: $0.direct, preheat: $0.preheat)
            } ?? .none
            return HeatRecovery(heatPump: pump, exchange: exchange, storage: storage, network: network)
        }
        self.init(
            name: spec.name, calendar: SimulationCalendar(year: spec.year, stepMinutes: spec.timestepMin),
            clusters: clusters, electrical: electrical, liquidLoop: liquidLoop, airSide: airSide,
            envelope: envelope, heatRecovery: recovery,
            carbon: spec.carbon.map { c in
                let grid: GridIntensity =
                    if let file = c.gridCsv, let trace = traces[file] {
                        .hourly(trace.stepMeans(calendar: SimulationCalendar(year: spec.year, stepMinutes: 60)))
                    } else if let code = c.country, let intensity = GridCarbonTable.intensity(code: code) {
                        .constant(intensity)
                    } else {
                        .constant(c.gridGPerKwh ?? 0)
                    }
                return CarbonIntensity(grid: grid, displacedHeatGramsPerKWh: c.displacedHeatGPerKwh)
            },
            compliance: spec.compliance.flatMap { c in CalendarDate(iso: c.commissioningDate).map(Compliance.init) })
    }
}

extension CoolingLoop {
    static func make(supply: Double, deltaT: Double, designHeat: Double, volume: Double, pumpHead: Double,
                     pumpEfficiency: Double, minimumFlow: Double, rejection: RejectionSpec) -> CoolingLoop {
        let flow = designHeat / (Fluid.waterSpecificHeat * deltaT)
        let pump = AffinityMachine(
            designPower: AffinityMachine.designPower(volumeFlow: flow / Fluid.waterDensity, pressureRise: pumpHead * 1e3,
                                                     efficiency: pumpEfficiency),
            exponent: 3, minimumFraction: minimumFlow)
        return CoolingLoop(
            supplySetpoint: Celsius(supply), designDeltaT: TemperatureDelta(deltaT), designHeat: Watts(designHeat),
            thermalCapacity: Fluid.waterDensity * Fluid.waterSpecificHeat * volume, pump: pump,
            rejection: rejection.model(supply: supply, deltaT: deltaT))
    }
}

extension RejectionSpec {
    func model(supply: Double, deltaT: Double) -> HeatRejection {
        switch self {
        case .dryCooler(let d):
            // Rated with the loop's design return water against the design ambient.
            return .dryCooler(d.model(waterIn: supply + deltaT), trimChiller: d.trimChiller.map { $0.model })
        case .chiller(let c):
            return .chiller(c.model)
        case .waterCooledChiller(let plant):
            let sink: CondenserHeatSink
            if let cooler = plant.dryCooler {
                // Condenser water returns about one design range (5.6 K) above the leaving water of ~35 °C.
                sink = .dryCooler(cooler.model(waterIn: cooler.designAmbientC + cooler.approachK + 5.6))
            } else {
                let tower = plant.coolingTower ?? CoolingTowerSpec()
                let capacity = (tower.capacityMw ?? 0) * 1e6
                sink = .coolingTower(CoolingTower(
                    designCapacity: Watts(capacity), approach: TemperatureDelta(tower.approachK),
                    range: TemperatureDelta(tower.rangeK),
                    fan: AffinityMachine(designPower: Watts(capacity * tower.fanPowerPct / 100),
                                         exponent: tower.fanExponent, minimumFraction: tower.minFanFraction),
                    cyclesOfConcentration: tower.cyclesOfConcentration, driftFraction: tower.driftPct / 100))
            }
            return .waterCooledChiller(WaterCooledChillerPlant(
                chiller: plant.chiller.model, condenser: sink,
                economiser: plant.economiser.map { PlateHeatExchanger(approach: TemperatureDelta($0.approachK)) }))
        }
    }
}

extension DryCoolerSpec {
    /// Rated for water entering at `waterIn` °C against the design ambient.
    func model(waterIn: Double) -> DryCooler {
        let capacity = (capacityMw ?? 0) * 1e6
        return DryCooler(
            designCapacity: Watts(capacity), designInletDifference: TemperatureDelta(max(1, waterIn - designAmbientC)),
            approach: TemperatureDelta(approachK),
            fan: AffinityMachine(designPower: Watts(capacity * fanPowerPct / 100), exponent: fanExponent,
                                 minimumFraction: minFanFraction),
            designAirFlow: KilogramsPerSecond(capacity / (Fluid.airSpecificHeat * airDeltaTK)),
            adiabatic: adiabatic.map { AdiabaticPrecooling(switchTemperature: Celsius($0.switchC),
                                                           effectiveness: $0.effectiveness) })
    }
}

extension ChillerSpec {
    var model: Chiller {
        if let name = curveSet, let set = ChillerCurveSet.named(name) {
            return Chiller(curveSet: set, capacity: .megawatts(capacityMw ?? 0))
        }
        return Chiller(model: .carnot(efficiency: carnotEfficiency), capacity: .megawatts(capacityMw ?? 0),
                       evaporatorApproach: TemperatureDelta(evaporatorApproachK),
                       condenserApproach: TemperatureDelta(condenserApproachK), maximumCOP: maxCop)
    }
}

extension ITESpec {
    func model(node: NodePower) -> AirCooledITE {
        let load = loadRange[0]...loadRange[1], inlet = inletRangeC[0]...inletRangeC[1]
        // EnergyPlus's example curves limit outputs to [0, 99].
        return AirCooledITE(
            designPower: Watts(designPowerW ?? node.maximum.value), fanPowerFraction: fanPowerFraction,
            cpuPower: BiquadraticCurve(cpuPowerCurve, x: load, y: inlet, output: 0...99),
            airFlow: BiquadraticCurve(airFlowCurve, x: load, y: inlet, output: 0...99),
            fanPower: QuadraticCurve(fanPowerCurve[0], fanPowerCurve[1], fanPowerCurve[2], x: 0...99, output: 0...99),
            recirculation: recirculation, supplyApproach: TemperatureDelta(supplyApproachK))
    }
}

extension WorkloadSpec {
    func model(traces: [String: RegularTrace]) -> Workload {
        switch self {
        case .constant(let w):
            return .constant(utilization: w.utilization)
        case .diurnal(let w):
            return .diurnal(DiurnalProfile(peakUtilization: w.peakUtilization, hourly: w.hourly, weekday: w.weekday,
                                          monthly: w.monthly))
        case .trace(let w):
            return .trace(traces[w.file] ?? RegularTrace(quantity: .utilization, interval: 3600, start: 0, values: [0]))
        case .training(let t):
            let jobs = t.jobs.map { j in
                TrainingJob(name: j.name, nodes: j.nodes, start: TimeOfYear.seconds(j.start) ?? 0,
                            duration: j.durationDays * 86_400, utilization: j.utilization,
                            checkpointEvery: j.checkpointEveryMin.map { $0 * 60 }, checkpointDuration: j.checkpointMin * 60,
                            checkpointUtilization: j.checkpointUtilization,
                            evaluationEvery: j.evaluationEveryHours.map { $0 * 3600 },
                            evaluationDuration: j.evaluationMin * 60, evaluationUtilization: j.evaluationUtilization)
            }
            var background: BackgroundJobs? = nil
            if let b = t.background {
                // Log-normal: median = mean / e^(σ²/2).
                background = BackgroundJobs(targetAllocation: b.targetAllocation, minNodes: b.minNodes, maxNodes: b.maxNodes,
                                            medianHours: b.meanHours / exp(b.sigma * b.sigma / 2), sigma: b.sigma,
                                            utilization: b.utilization)
            }
            return .training(TrainingSchedule(
                jobs: jobs,
                failures: t.failures.map { FailureModel(mtbfPerNode: $0.mtbfHours * 3600, restartDuration: $0.restartMin * 60) },
                background: background,
                maintenance: t.maintenance.map {
                    MaintenanceWindow(start: TimeOfYear.seconds($0.start) ?? 0, duration: $0.durationHours * 3600, nodes: $0.nodes)
                },
                seed: UInt64(t.seed)))
        }
    }
}

extension OutdoorResetCurve {
    /// From validated `[outdoor, temperature]` pairs.
    init(pairs: [[Double]]) {
        self.init(points: pairs.map { (outdoor: $0[0], temperature: $0[1]) })
    }
}

extension DemandSpec {
    /// The demand model; the spec has been validated (classes, files) while decoding.
    func model(traces: [String: RegularTrace]) -> HeatDemand {
        switch self {
        case .degreeHours(let d):
            return .degreeHours(
                d.designLoadMw.map { .designLoad(.megawatts($0), designOutdoor: Celsius(d.designOutdoorC)) }
                    ?? .annual(.megawattHours((d.annualGwh ?? 0) * 1000)),
                heatingLimit: Celsius(d.heatingLimitC), hotWaterShare: d.hotWaterShare)
        case .bdew(let b):
            let type = BDEWProfile.BuildingType(rawValue: b.profile) ?? .multiFamily
            let profile = try? BDEWProfile(
                type: type, buildingClass: b.buildingClass ?? (type == .singleFamily ? 1 : 2), windy: b.windy,
                hotWater: b.hotWater, annual: .megawattHours(b.annualGwh * 1000))
            return profile.map(HeatDemand.bdew) ?? .constant(.zero)
        case .profile(let p):
            return .profile(traces[p.file] ?? RegularTrace(quantity: .megawatts, interval: 3600, start: 0, values: [0]))
        case .constant(let c):
            return .constant(.megawatts(c.mw))
        }
    }
}

extension COPSpec {
    /// The COP model; table axes and values have been validated while decoding.
    var model: HeatPumpCOP {
        switch self {
        case .carnot(let efficiency, let pinch): return .carnot(efficiency: efficiency, pinch: TemperatureDelta(pinch))
        case .lorenz(let efficiency, let pinch): return .lorenz(efficiency: efficiency, pinch: TemperatureDelta(pinch))
        case .table(let sources, let sinks, let cop, let capacity):
            let map = try? HeatPumpMap(sourceOut: sources, sinkOut: sinks, cop: cop.flatMap { $0 },
                                       capacityFactor: capacity.flatMap { $0 })
            return map.map(HeatPumpCOP.table) ?? .carnot(efficiency: 0.5, pinch: TemperatureDelta(5))
        }
    }
}

extension CRACSpec {
    /// The room's CRAC units as one, sized from the air-side design heat when no capacity is given.
    func room(supplyAir: Double, designHeat: Double, elevation: Double) -> CRACRoom {
        let capacity = capacityKw.map { $0 * 1e3 } ?? 1.3 * designHeat
        let flow = airFlowM3PerS ?? 5.73e-5 * capacity
        // Standard atmosphere at the site (ASHRAE Fundamentals 2017 ch. 1 eq. 3) and dry air at 20 °C,
        // as EnergyPlus's standard air density.
        let pressure = Psychrometrics.standardPressure(elevation: elevation)
        let density = pressure / (287.042 * 293.15)
        let coil = DXCoolingCoil(
            ratedTotalCapacity: Watts(capacity), ratedSensibleHeatRatio: sensibleHeatRatio, ratedCOP: cop,
            ratedAirFlow: flow, curves: curves == "packaged-ac" ? .energyPlusPackagedAC : .liebertDSE125,
            standardAirDensity: density)
        // EnergyPlus `Fan:VariableVolume` part-load coefficients of the data-center examples (an EC plug fan).
        let control: FanControl = fanControl == "constant" ? .constantVolume
            : .variableVolume(coefficients: (0.06990146, 1.39500612, -3.35487336, 2.89232315, 0),
                              minimumFlowFraction: minFlowFraction)
        let fan = SupplyFan(designFlow: flow, pressureRise: fanPressurePa, totalEfficiency: fanEfficiency,
                            motorEfficiency: fanMotorEfficiency, motorInAirstreamFraction: fanMotorInAir, control: control)
        let economiser: CRACEconomiser =
            switch self.economiser {
            case .none: .none
            case .pumpedRefrigerant(let below, let above):
                .pumpedRefrigerant(PumpedRefrigerantEconomiser(
                    pumpOnlyBelow: Celsius(below), compressorOnlyAbove: Celsius(above),
                    eirFunctionOfTemperature: .table(.liebertEconophaseEIR)))
            case .airSide(let maximum, let minimum, let dewPoint, let outdoorAir):
                .airSide(AirEconomiser(
                    control: maximum.map { .fixedDryBulb(maximum: Celsius($0)) } ?? .differentialDryBulb,
                    minimumDryBulb: Celsius(minimum), maximumDewPoint: Celsius(dewPoint),
                    minimumOutdoorAirFraction: outdoorAir, pressure: pressure))
            }
        let unit = CRACUnit(coil: coil, fan: fan, economiser: economiser,
                            moisture: .dry(returnWetBulb: Celsius(coilWetBulbC)))
        // The room's design state (return air at the coil's wet bulb) bounds its moisture: its dew point
        // caps the inlet dew point when the outdoor air is more humid.
        let designHumidity = Psychrometrics.humidityRatio(dryBulb: returnAirC, wetBulb: coilWetBulbC, pressure: pressure)
        let designDewPoint = Psychrometrics.dewPoint(dryBulb: returnAirC, humidityRatio: designHumidity, pressure: pressure)
        return CRACRoom(unit: unit, supplyAirSetpoint: Celsius(supplyAir), minimumSupplyAir: Celsius(min(minSupplyAirC, supplyAir)),
                        returnAir: Celsius(returnAirC),
                        coilSurface: Celsius(designDewPoint))
    }
}
