import Foundation

// Conversions of designed sections to SI models: units converted, nothing derived (optional values the
// design step fills read `?? 0`).

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
                sink = (plant.coolingTower ?? CoolingTowerSpec()).sink
            }
            let tower = plant.coolingTower ?? CoolingTowerSpec()
            return .waterCooledChiller(WaterCooledChillerPlant(
                chiller: plant.chiller.model, condenser: sink,
                economiser: plant.economiser.map { PlateHeatExchanger(approach: TemperatureDelta($0.approachK)) },
                condenserPump: plant.condenserPump.map {
                    CondenserPump(designPower: CondenserPump.designPower(
                                      volumeFlow: tower.designWaterFlow / Fluid.waterDensity, head: $0.headKpa * 1000,
                                      motorEfficiency: $0.motorEfficiency),
                                  heatToWater: $0.motorEfficiency)
                },
                basinHeater: tower.basinHeater?.model))
        }
    }
}

extension CoolingTowerSpec {
    /// Circulating water at design, kg/s: the design heat over `c_p` × range.
    var designWaterFlow: Double { (capacityMw ?? 0) * 1e6 / (Fluid.waterSpecificHeat * rangeK) }

    /// The constant-approach tower, or the YorkCalc one with `yorkcalc`.
    var sink: CondenserHeatSink {
        guard let york = yorkcalc else { return .coolingTower(model) }
        let correlation = YorkCalcCorrelation.named(york.correlation) ?? .energyPlusDefault
        let fanPower = (capacityMw ?? 0) * 1e6 * fanPowerPct / 100
        let curve = york.fanPowerCurve
        return .yorkCalcTower(YorkCalcTower(
            correlation: correlation, designWaterFlow: designWaterFlow,
            designWaterFlowRatio: YorkCalcTower.calibratedWaterFlowRatio(
                correlation, wetBulb: york.designWetBulbC, range: rangeK, approach: approachK) ?? 1,
            designFanPower: Watts(fanPower),
            fanPowerRatio: CubicCurve(curve[0], curve[1], curve[2], curve[3], x: 0.15...1),
            minimumAirFlowRatio: minFanFraction, freeConvectionFraction: york.freeConvectionFraction,
            // EnergyPlus sizes the air flow from the fan power: 0.5 total efficiency against 190 Pa.
            designAirFlow: york.airFlowM3PerS ?? fanPower * 0.5 / 190,
            setpoint: WetBulbReset(offset: TemperatureDelta(york.setpointOffsetK), minimum: Celsius(york.minSetpointC),
                                   maximum: Celsius(york.maxSetpointC)),
            cyclesOfConcentration: cyclesOfConcentration, driftFraction: driftPct / 100))
    }

    var model: CoolingTower {
        let capacity = (capacityMw ?? 0) * 1e6
        return CoolingTower(
            designCapacity: Watts(capacity), approach: TemperatureDelta(approachK), range: TemperatureDelta(rangeK),
            fan: AffinityMachine(designPower: Watts(capacity * fanPowerPct / 100), exponent: fanExponent,
                                 minimumFraction: minFanFraction),
            cyclesOfConcentration: cyclesOfConcentration, driftFraction: driftPct / 100)
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
            adiabatic: adiabatic.map {
                AdiabaticPrecooling(switchTemperature: Celsius($0.switchC), effectiveness: $0.effectiveness,
                                    cyclesOfConcentration: $0.cyclesOfConcentration)
            })
    }
}

extension ChillerSpec {
    var model: Chiller {
        if let name = curveSet, let set = ChillerCurveSet.named(name) {
            return Chiller(curveSet: set, capacity: .megawatts(capacityMw ?? 0))
        }
        if let name = blast, let curves = BLASTChillerCurves.named(name) {
            return Chiller(model: .electricBLAST(curves), capacity: .megawatts(capacityMw ?? 0),
                           evaporatorApproach: TemperatureDelta(0), condenserApproach: TemperatureDelta(0), maximumCOP: .infinity)
        }
        return Chiller(model: .carnot(efficiency: carnot.efficiency), capacity: .megawatts(capacityMw ?? 0),
                       evaporatorApproach: TemperatureDelta(evaporatorApproachK),
                       condenserApproach: TemperatureDelta(condenserApproachK), maximumCOP: maxCop)
    }
}

extension ITESpec {
    var model: AirCooledITE {
        let load = loadRange[0]...loadRange[1], inlet = inletRangeC[0]...inletRangeC[1]
        // EnergyPlus's example curves limit outputs to [0, 99].
        return AirCooledITE(
            designPower: Watts(designPowerW ?? 0), fanPowerFraction: fanPowerFraction,
            cpuPower: BiquadraticCurve(cpuPowerCurve, x: load, y: inlet, output: 0...99),
            airFlow: BiquadraticCurve(airFlowCurve, x: load, y: inlet, output: 0...99),
            fanPower: QuadraticCurve(fanPowerCurve[0], fanPowerCurve[1], fanPowerCurve[2], x: 0...99, output: 0...99),
            recirculation: recirculation, supplyApproach: TemperatureDelta(supplyApproachK),
            airFlowPerPower: airFlowPerW, returnApproach: returnApproachK.map(TemperatureDelta.init))
    }
}

extension WorkloadSpec {
    func model(traces: [String: RegularTrace], clusterNodes: Int, node: NodeSpec, grid: GridIntensity?, year: Int) -> Workload {
        switch self {
        case .constant(let w):
            return .constant(utilization: w.utilization)
        case .diurnal(let w):
            return .diurnal(DiurnalProfile(peakUtilization: w.peakUtilization, hourly: w.hourly, weekday: w.weekday,
                                          monthly: w.monthly))
        case .trace(let w):
            return .trace(traces[w.file] ?? RegularTrace(quantity: .utilization, interval: 3600, start: 0, values: [0]))
        case .training(let t):
            return .training(t.model(clusterNodes: clusterNodes, node: node, grid: grid, year: year))
        }
    }
}

extension TrainingSpec {
    /// `node`: the cluster's node, whose measured points are the jobs' default utilisations and whose GPU
    /// count turns the per-GPU MTBF into the per-node one the generator uses (a node without GPUs counts as one).
    /// `grid`: the site's intensity; with an hourly series, jobs with a `deadline` are shifted
    /// (`CarbonAwareStart`).
    /// Job starts are relative to `year`'s start (negative for one in the year before).
    func model(clusterNodes: Int, node: NodeSpec, grid: GridIntensity?, year: Int) -> TrainingSchedule {
        let jobs = self.jobs.map { j in
            var job = TrainingJob(name: j.name, nodes: j.nodes, start: TimeOfYear.seconds(j.start, year: year) ?? 0,
                        duration: j.durationDays * 86_400, utilization: j.utilization ?? node.trainingUtilization,
                        checkpointEvery: j.checkpointEveryMin.map { $0 * 60 }, checkpointDuration: j.checkpointMin * 60,
                        checkpointUtilization: j.checkpointUtilization ?? node.checkpointUtilization,
                        evaluationEvery: j.evaluationEveryHours.map { $0 * 3600 },
                        evaluationDuration: j.evaluationMin * 60, evaluationUtilization: j.evaluationUtilization)
            if case .hourly(let hourly)? = grid, let deadline = j.deadline.flatMap({ TimeOfYear.seconds($0, year: year) }) {
                let start = CarbonAwareStart.bestStart(requested: job.start, deadline: deadline,
                                                       wallTime: job.plannedWallTime, hourly: hourly)
                job.carbonShift = start - job.start
                job.start = start
            }
            return job
        }
        // Log-normal: median = mean / e^(σ²/2).
        let background = self.background.map { b in
            BackgroundJobs(targetAllocation: b.targetAllocation, minNodes: b.minNodes, maxNodes: b.maxNodes(clusterNodes: clusterNodes),
                           medianHours: b.meanHours / exp(b.sigma * b.sigma / 2), sigma: b.sigma, utilization: b.utilization)
        }
        return TrainingSchedule(
            jobs: jobs,
            failures: failures.map {
                FailureModel(mtbfPerNode: $0.mtbfGpuHours * 3600 / Double(max(node.gpus, 1)), restartDuration: $0.restartMin * 60)
            },
            background: background,
            maintenance: maintenance.map {
                MaintenanceWindow(start: TimeOfYear.seconds($0.start) ?? 0, duration: $0.durationHours * 3600, nodes: $0.nodes)
            },
            seed: UInt64(seed))
    }
}

extension HeatRecoverySpec {
    /// `economics`: the data center's heat price in the network's merit order (0 €/MWh without economics).
    func model(traces: [String: RegularTrace], economics: EconomicsSpec?) -> HeatRecovery {
        let dh = districtHeating
        let network = DistrictHeatingNetwork(
            supplyCurve: OutdoorResetCurve(pairs: dh.supplyCurveC),
            returnCurve: dh.returnCurveC.map(OutdoorResetCurve.init(pairs:)) ?? .constant(Celsius(dh.returnC)),
            connection: .megawatts(dh.connectionMw ?? 0), demand: dh.demand.model(traces: traces),
            losses: dh.lossModel, returnRise: TemperatureDelta(dh.returnRiseK), minimumFlow: KilogramsPerSecond(dh.minimumFlowKgS),
            producers: dh.producers.map(\.model),
            dataCenterPrice: economics?.heatPriceModel(traces: traces) ?? .constant(eurosPerMegawattHour: 0))
        let storage = self.storage.map { s in
            HeatStorage(volume: s.volumeM3, maximumCharge: .megawatts(s.chargeMw ?? 0),
                        maximumDischarge: .megawatts(s.dischargeMw ?? 0), lossPerDay: s.lossPctPerDay / 100,
                        restartBelow: s.restartBelowPct / 100,
                        pit: s.pit.map {
                            PitStorage(volume: s.volumeM3, depth: $0.depthM, sideSlope: $0.sideSlope,
                                       lidTransmittance: $0.lidUWM2K, soilConductivity: dh.soilConductivityWPerMK,
                                       groundTemperature: 10) // the weather's annual mean, set by StepPlan
                        })
        } ?? .none
        let pump = HeatPump(
            capacity: .megawatts(heatPump.capacityMw), units: heatPump.units, cop: heatPump.cop.model,
            maximumCOP: heatPump.maxCop, minimumPartLoad: heatPump.minPartLoad, source: heatPump.source,
            partLoad: heatPump.partLoad,
            operation: HeatPumpOperation(minimumRunTime: heatPump.minRunMin * 60, minimumOffTime: heatPump.minOffMin * 60),
            ratedCapacity: heatPump.ratedCapacity)
        let exchange = heatExchange.map {
            HeatExchange(approach: TemperatureDelta($0.approachK), direct: $0.direct, preheat: $0.preheat)
        } ?? .none
        return HeatRecovery(heatPump: pump, exchange: exchange, storage: storage, network: network)
    }
}

extension DistrictHeatingSpec {
    /// Pipes when the description lists them, else the share of the heat fed in.
    var lossModel: NetworkLosses {
        guard !pipes.isEmpty else { return .shareOfFeedIn(networkLossPct / 100) }
        return .pipes(pipes.map {
            PipeSection(length: $0.lengthM, diameter: NominalDiameter(rawValue: $0.dn) ?? .dn100, insulation: $0.insulation,
                        cover: $0.coverM, insulationConductivity: $0.insulationConductivityWPerMK,
                        soilConductivity: soilConductivityWPerMK)
        }, diffusivity: NetworkLosses.soilDiffusivity(conductivity: soilConductivityWPerMK))
    }
}

extension ProducerSpec {
    var model: HeatProducer {
        HeatProducer(name: name, kind: kind, capacity: .megawatts(capacityMw), mustRun: mustRun,
                     marginalCost: marginalCostEurPerMwh, co2Intensity: co2GPerKwh)
    }
}

extension OutdoorResetCurve {
    /// From validated `[outdoor, temperature]` pairs.
    init(pairs: [[Double]]) {
        self.init(points: pairs.map { (outdoor: $0[0], temperature: $0[1]) })
    }
}

extension DemandSpec {
    /// The demand model; the description has been validated (classes, files) while decoding.
    func model(traces: [String: RegularTrace]) -> HeatDemand {
        switch self {
        case .degreeHours(let d):
            return .degreeHours(
                d.designLoadMw.map { .designLoad(.megawatts($0), designOutdoor: Celsius(d.designOutdoorC)) }
                    ?? .annual(.megawattHours((d.annualGwh ?? 0) * 1000)),
                heatingLimit: Celsius(d.heatingLimitC), hotWaterShare: d.hotWaterShare)
        case .bdew(let b):
            let profile = try? BDEWProfile(type: b.profile, buildingClass: b.designedBuildingClass, windy: b.windy,
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
        case .jensen(let j):
            return .jensen(JensenHeatPumpCOP(fluid: j.fluid, pinch: TemperatureDelta(j.pinchK),
                                             isentropicEfficiency: j.isentropicEfficiency, heatLoss: j.heatLoss))
        case .jesper: return .jesper
        case .carnot(let c): return .carnot(efficiency: c.efficiency, pinch: TemperatureDelta(c.pinchK))
        case .lorenz(let c): return .lorenz(efficiency: c.efficiency, pinch: TemperatureDelta(c.pinchK))
        case .table(let t):
            let capacity = t.capacityFactor ?? []
            let map = try? HeatPumpMap(sourceOut: t.sourceOutC, sinkOut: t.sinkOutC, cop: t.cop.flatMap { $0 },
                                       capacityFactor: capacity.flatMap { $0 })
            return map.map(HeatPumpCOP.table) ?? .carnot(efficiency: 0.5, pinch: TemperatureDelta(5))
        }
    }
}

extension CRACSpec {
    /// The room's CRAC units as one, at the designed `rating` (W, m³/s).
    func room(supplyAir: Double, rating: CRACRating, elevation: Double) -> CRACRoom {
        let (capacity, flow) = (rating.capacity, rating.airFlow)
        // Standard atmosphere at the site (ASHRAE Fundamentals 2017 ch. 1 eq. 3) and dry air at 20 °C,
        // as EnergyPlus's standard air density.
        let pressure = Psychrometrics.standardPressure(elevation: elevation)
        let density = Psychrometrics.standardAirDensity(pressure: pressure)
        let coil = DXCoolingCoil(
            ratedTotalCapacity: Watts(capacity), ratedSensibleHeatRatio: sensibleHeatRatio, ratedCOP: cop,
            ratedAirFlow: flow, curves: curves.model,
            standardAirDensity: density)
        // EnergyPlus `Fan:VariableVolume` part-load coefficients of the data-center examples (an EC plug fan).
        let control: FanControl = fanControl == .constant ? .constantVolume
            : .variableVolume(coefficients: (0.06990146, 1.39500612, -3.35487336, 2.89232315, 0),
                              minimumFlowFraction: minFlowFraction)
        let fan = SupplyFan(designFlow: flow, pressureRise: fanPressurePa, totalEfficiency: fanEfficiency,
                            motorEfficiency: fanMotorEfficiency, motorInAirstreamFraction: fanMotorInAir, control: control)
        let unit = CRACUnit(coil: coil, fan: fan, economiser: economiser.model(pressure: pressure),
                            moisture: .dry(returnWetBulb: Celsius(coilWetBulbC)))
        // The room's design state (return air at the coil's wet bulb) bounds its moisture: its dew point
        // caps the inlet dew point when the outdoor air is more humid.
        let designHumidity = Psychrometrics.humidityRatio(dryBulb: returnAirC, wetBulb: coilWetBulbC, pressure: pressure)
        let designDewPoint = Psychrometrics.dewPoint(dryBulb: returnAirC, humidityRatio: designHumidity, pressure: pressure)
        return CRACRoom(unit: unit, supplyAirSetpoint: Celsius(supplyAir), minimumSupplyAir: Celsius(min(minSupplyAirC, supplyAir)),
                        returnAir: Celsius(returnAirC), coilSurface: Celsius(designDewPoint))
    }
}

extension CRACEconomiserSpec {
    func model(pressure: Double) -> CRACEconomiser {
        switch self {
        case .none: .none
        case .pumpedRefrigerant(let e):
            .pumpedRefrigerant(PumpedRefrigerantEconomiser(
                pumpOnlyBelow: Celsius(e.pumpOnlyBelowC), compressorOnlyAbove: Celsius(e.compressorOnlyAboveC),
                eirFunctionOfTemperature: .table(.liebertEconophaseEIR)))
        case .airSide(let e): .airSide(e.model(pressure: pressure))
        }
    }
}
