import Foundation

extension Site {
    /// Converts a designed site to SI models; nothing is derived here. `traces` holds the series read from
    /// the files the description names (keyed by the path as written); `elevation` (m, from the weather
    /// file) sets the standard air density of DX coils and the pressure of economisers.
    public init(designed: DesignedSite, traces: [String: RegularTrace] = [:], elevation: Double = 0) {
        let spec = designed.spec
        let liquidLoop = designed.loads.liquidHeat > 0 ? spec.cooling.liquid.loop(designHeat: designed.loads.liquidHeat) : nil
        let carbon = spec.carbon.map { $0.model(year: spec.year, traces: traces) }
        self.init(
            name: spec.name, calendar: SimulationCalendar(year: spec.year, stepMinutes: spec.timestepMin),
            clusters: spec.it.clusters.map { $0.model(traces: traces, grid: carbon?.grid, year: spec.year) },
            electrical: spec.electrical.model(designITPower: designed.loads.itPower),
            liquidLoop: liquidLoop, airSide: spec.cooling.air.model(designed, elevation: elevation),
            envelope: OperatingEnvelope(air: spec.cooling.air.ashraeClass, liquid: liquidLoop == nil ? nil : spec.cooling.liquid.ashraeClass),
            heatRecovery: spec.heatRecovery.map { $0.model(traces: traces, economics: spec.economics) },
            carbon: carbon,
            compliance: spec.compliance.flatMap { CalendarDate(iso: $0.commissioningDate).map(Compliance.init) },
            hallHumidity: spec.cooling.air.humidity.model(elevation: elevation))
        gridWaterIntensity = spec.electrical.gridWaterLPerKwh
    }

    /// Designs `spec` and converts it (tests and one-off runs; runs design once and keep the result).
    public init(spec: SiteSpec, traces: [String: RegularTrace] = [:], elevation: Double = 0) {
        self.init(designed: spec.designed(), traces: traces, elevation: elevation)
    }
}

extension ClusterSpec {
    func model(traces: [String: RegularTrace], grid: GridIntensity?, year: Int) -> Cluster {
        let node = node.power
        return Cluster(name: name, nodes: nodes, nodesPerRack: nodesPerRack, node: node, cooling: cooling,
                       liquidCapture: liquidCapture ?? 0, workload: workload.model(traces: traces, clusterNodes: nodes, node: self.node, grid: grid, year: year),
                       downPower: Watts(self.node.downW), ite: ite.map(\.model))
    }
}

extension HallHumiditySpec {
    func model(elevation: Double) -> HallHumidity {
        HallHumidity(initialDewPoint: initialDewPointC, humidifyBelowDewPoint: humidifier ? humidifyBelowDewPointC ?? 0 : nil,
                     pressure: Psychrometrics.standardPressure(elevation: elevation))
    }
}

extension ElectricalSpec {
    func model(designITPower: Double) -> ElectricalChain {
        ElectricalChain(
            upsDesignEfficiency: upsEfficiency, upsLowLoadFactor: upsLowLoadFactor,
            distributionLossFraction: distributionLossPct / 100, misc: .kilowatts(miscKw ?? 0), heatToAir: lossHeatToAir,
            designITPower: Watts(designITPower))
    }
}

extension LiquidLoopSpec {
    func loop(designHeat: Double) -> CoolingLoop {
        CoolingLoop.make(supply: supplyC, deltaT: deltaTK, designHeat: designHeat, volume: volumeM3, pumpHead: pumpHeadKpa,
                         pumpEfficiency: pumpEfficiency, minimumFlow: minFlowFraction, rejection: rejection)
    }
}

extension AirLoopSpec {
    func model(_ designed: DesignedSite, elevation: Double) -> AirSide {
        let designHeat = designed.loads.airHeat
        if let crac, let rating = designed.cracRating {
            return .crac(crac.room(supplyAir: supplyAirC, rating: rating, elevation: elevation))
        }
        if let airHandler {
            let loop = CoolingLoop.make(
                supply: chilledWaterC, deltaT: deltaTK, designHeat: airHandler.coilDesignLoad(airFlow: airHandler.airFlowM3PerS ?? 0),
                volume: volumeM3, pumpHead: pumpHeadKpa, pumpEfficiency: pumpEfficiency, minimumFlow: minFlowFraction,
                rejection: rejection)
            return .airHandler(airHandler.room(supplyAir: supplyAirC, chilledWaterC: chilledWaterC, deltaTK: deltaTK,
                                               elevation: elevation), loop)
        }
        if !zones.isEmpty { return zonesModel(designed, elevation: elevation) }
        let airHandling = crah.model(designHeat: designHeat, supplyAir: supplyAirC, chilledWaterC: chilledWaterC)
        // The chilled water also carries the fan heat.
        let airLoop = CoolingLoop.make(
            supply: chilledWaterC, deltaT: deltaTK, designHeat: designHeat + airHandling.fan.designPower.value, volume: volumeM3,
            pumpHead: pumpHeadKpa, pumpEfficiency: pumpEfficiency, minimumFlow: minFlowFraction, rejection: rejection)
        return .chilledWater(airHandling, airLoop)
    }

    /// Air zones: each zone's air handler, CRAHs or CRAC units (designed by the design step, `sizeAirZones`, a CRAH
    /// zone for its share of the air-side heat), the clusters' zones, and one chilled-water loop for all the air
    /// handlers' and CRAHs' coils (none when every zone has CRACs).
    func zonesModel(_ designed: DesignedSite, elevation: Double) -> AirSide {
        let zoneHeat = designed.spec.airZoneShares.map { designed.loads.airHeat * $0 }
        let coilLoad = zip(zones, zoneHeat).reduce(0) { load, pair in
            let (zone, heat) = pair
            return load + (zone.airHandler.map { $0.coilDesignLoad(airFlow: $0.airFlowM3PerS ?? 0) }
                ?? zone.crah?.coilDesignLoad(designHeat: heat) ?? 0)
        }
        let loop = !zonesUseChilledWater ? nil : CoolingLoop.make(
            supply: chilledWaterC, deltaT: deltaTK, designHeat: coilLoad, volume: volumeM3, pumpHead: pumpHeadKpa,
            pumpEfficiency: pumpEfficiency, minimumFlow: minFlowFraction, rejection: rejection)
        let names = zones.map(\.name)
        let units = zip(zones, zoneHeat).map { zone, heat -> AirZoneUnit in
            let supplyAir = supplyAir(of: zone)
            if let crah = zone.crah {
                return .crah(crah.model(designHeat: heat, supplyAir: supplyAir, chilledWaterC: chilledWaterC))
            }
            if let crac = zone.crac {
                let rating = CRACRating(capacity: (crac.capacityKw ?? 0) * 1e3, airFlow: crac.airFlowM3PerS ?? 0)
                return .crac(crac.room(supplyAir: supplyAir, rating: rating, elevation: elevation))
            }
            return .airHandler((zone.airHandler ?? AirHandlerSpec()).room(
                supplyAir: supplyAir, chilledWaterC: chilledWaterC, deltaTK: deltaTK, elevation: elevation))
        }
        let clusterZone = designed.spec.it.clusters.map { cluster in names.firstIndex { $0 == cluster.zone } ?? 0 }
        let pressure = Psychrometrics.standardPressure(elevation: elevation)
        let zoneAir = zones.map { zone in zone.airHandler.flatMap { handler in
            zone.zoneAir?.model(roomAirC: handler.roomAirC, pressure: pressure) } }
        return .zones(AirHandlerZones(names: names, units: units, clusterZone: clusterZone,
                                      zoneAir: zoneAir.contains { $0 != nil } ? zoneAir : []), loop)
    }
}

extension CoolingLoop {
    static func make(supply: Double, deltaT: Double, designHeat: Double, volume: Double, pumpHead: Double,
                     pumpEfficiency: Double, minimumFlow: Double, rejection: RejectionSpec) -> CoolingLoop {
        let pump = AffinityMachine(
            designPower: designPumpPower(designHeat: designHeat, deltaT: deltaT, pumpHead: pumpHead, pumpEfficiency: pumpEfficiency),
            exponent: 3, minimumFraction: minimumFlow)
        return CoolingLoop(
            supplySetpoint: Celsius(supply), designDeltaT: TemperatureDelta(deltaT), designHeat: Watts(designHeat),
            thermalCapacity: Fluid.waterDensity * Fluid.waterSpecificHeat * volume, pump: pump,
            rejection: rejection.model(supply: supply, deltaT: deltaT))
    }
}

extension CoolingLoop {
    /// Pump power at design flow, W: the flow that carries `designHeat` W at `deltaT` K against `pumpHead` kPa.
    static func designPumpPower(designHeat: Double, deltaT: Double, pumpHead: Double, pumpEfficiency: Double) -> Watts {
        let flow = designHeat / (Fluid.waterSpecificHeat * deltaT)
        return AffinityMachine.designPower(volumeFlow: flow / Fluid.waterDensity, pressureRise: pumpHead * 1e3,
                                           efficiency: pumpEfficiency)
    }
}

extension CarbonSpec {
    func model(year: Int, traces: [String: RegularTrace]) -> CarbonIntensity {
        let grid: GridIntensity =
            if let file = gridCsv, let trace = traces[file] {
                .hourly(trace.stepMeans(calendar: SimulationCalendar(year: year, stepMinutes: 60)))
            } else if let code = country, let intensity = GridCarbonTable.intensity(code: code) {
                .constant(intensity)
            } else {
                .constant(gridGPerKwh ?? 0)
            }
        return CarbonIntensity(grid: grid, displacedHeatGramsPerKWh: displacedHeatGPerKwh)
    }
}
