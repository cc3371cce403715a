/// The step loop (DESIGN §2): weather → IT → heat split → electrical chain → loops → heat recovery →
/// heat rejection → facility power and metrics. Pure: the same site and weather give the same result.
public struct Simulation: Sendable {
    public var site: Site
    public var weather: StepWeather

    public init(site: Site, weather: StepWeather) {
        self.site = site
        self.weather = weather
    }

    public func run() -> SimulationResult {
        let calendar = site.calendar
        let count = calendar.stepCount
        let stepSeconds = calendar.stepDuration.value
        let stepHours = stepSeconds / 3600
        var columns = StepColumns(count: count, clusters: site.clusters.count)
        var monthly = [EnergyTotals](repeating: EnergyTotals(), count: 12)
        var state = SimulationState(site: site)

        let loads = site.clusters.map { $0.workload.load(cluster: $0, calendar: calendar) }
        let totalNodes = Double(site.clusters.reduce(0) { $0 + $1.nodes })
        // What the step needs of each cluster, hoisted: copying a `Cluster` or `ClusterLoad` every step
        // would retain and release their arrays.
        let utilization = loads.map(\.utilization), meanPower = loads.map(\.meanPower), peakPower = loads.map(\.peakPower)
        let ites = site.clusters.map(\.ite), capture = site.clusters.map(\.liquidCapture)
        let nodes = site.clusters.map { Double($0.nodes) }
        let recovery = site.heatRecovery
        let demand = recovery?.network.demand.series(
            outdoor: weather.dryBulb, dailyMeanOutdoor: weather.dryBulbDailyMean, calendar: calendar) ?? []
        let liquidLoop = site.liquidLoop
        let airSide = site.airSide
        let chilledWaterSetpoint = airSide.chilledWaterLoop?.supplySetpoint.value ?? 0
        let gridIntensity = site.carbon?.grid.perStep(calendar)
        let humidityRatio = zip(weather.dewPoint, weather.pressure).map { dewPoint, pressure in
            Psychrometrics.humidityRatio(vaporPressure: Psychrometrics.saturationVaporPressure(temperature: dewPoint),
                                         pressure: pressure)
        }

        for step in 0..<count {
            let dryBulb = weather.dryBulb[step]
            let wetBulb = weather.wetBulb[step]
            let liquidSupplyBefore = state.liquidSupply

            // 2–3. Workload → IT power → heat split. Air-cooled servers with the ITE model respond to
            // the supply air they get (the air side's state at the start of the step).
            let supplyAir = airSide.supplyAir(state), returnAir = airSide.returnAir(state)
            var itPower = 0.0, itPeak = 0.0, liquidHeat = 0.0, nodeUtilization = 0.0
            for index in ites.indices {
                let u = utilization[index][step]
                var power = meanPower[index][step], peak = peakPower[index][step]
                if let ite = ites[index] {
                    let inlet = ite.inlet(supply: supplyAir, returnAir: returnAir)
                    let itePower = ite.power(utilization: u, inlet: inlet) * nodes[index]
                    peak = power > 0 ? peak * itePower / power : itePower
                    power = itePower
                }
                columns.clusterPower[index * count + step] = Float(power)
                columns.clusterPowerPeak[index * count + step] = Float(peak)
                columns.clusterUtilization[index * count + step] = Float(u)
                itPower += power
                itPeak += peak
                liquidHeat += power * capture[index]
                nodeUtilization += u * nodes[index]
            }
            let itAirHeat = itPower - liquidHeat

            // 4. Electrical chain; a share of its losses heats the room air.
            let electrical = site.electrical.step(itPower: Watts(itPower))
            let losses = electrical.total.value
            let lossesToAir = losses * site.electrical.heatToAir

            // 5. Loops collect heat (CRAH fan heat enters the air stream).
            let airCollection = airSide.collect(heat: itAirHeat + lossesToAir, state: state, stepSeconds: stepSeconds)
            let liquidCollection = liquidLoop?.collect(heat: liquidHeat, supply: state.liquidSupply,
                                                       stepSeconds: stepSeconds)

            // 6. Heat recovery.
            var primaryTaken = 0.0, secondaryTaken = 0.0
            var available = 0.0
            var dispatch: DispatchStep? = nil
            var dhSupply = 0.0, dhReturn = 0.0, stepDemand = 0.0
            // Σ heat × source temperature, for the EU EED average waste-heat temperature.
            var recoveredAtTemperature = 0.0
            if let recovery {
                let network = recovery.network
                dhSupply = network.supplyCurve.temperature(outdoor: dryBulb)
                dhReturn = network.returnCurve.temperature(outdoor: dryBulb)
                stepDemand = network.connectionDemand(consumers: demand[step])
                let liquidOffer = liquidLoop.map { loop in
                    HeatSourceOffer(heat: liquidCollection?.heatToShed ?? 0,
                                    inlet: liquidCollection?.returnTemperature ?? 0, outlet: loop.supplySetpoint.value)
                } ?? .none
                let airOffer = airCollection.offer(setpoint: chilledWaterSetpoint)
                let (primary, secondary): (HeatSourceOffer, HeatSourceOffer) =
                    switch recovery.heatPump.source {
                    case .liquid: (liquidOffer, .none)
                    case .air: (airOffer, .none)
                    case .both: (liquidOffer, airOffer)
                    }
                available = primary.heat + secondary.heat
                let result = recovery.dispatch(
                    demand: stepDemand, primary: primary, secondary: secondary, dhSupply: dhSupply,
                    dhReturn: dhReturn, storageEnergy: state.storageEnergy,
                    stepSeconds: stepSeconds)
                switch recovery.heatPump.source {
                case .liquid: primaryTaken = result.primaryTaken
                case .air: secondaryTaken = result.primaryTaken
                case .both:
                    primaryTaken = result.primaryTaken
                    secondaryTaken = result.secondaryTaken
                }
                recoveredAtTemperature = result.primaryTaken * primary.inlet + result.secondaryTaken * secondary.inlet
                state.storageEnergy = result.nextStorageEnergy
                dispatch = result
            }
            let recovered = primaryTaken + secondaryTaken

            // 7. Heat rejection of what remains.
            let outdoor = AirSideWeather(dryBulb: dryBulb, wetBulb: wetBulb, humidityRatio: humidityRatio[step])
            let airStep = airSide.finish(airCollection, recovered: secondaryTaken, state: &state, weather: outdoor,
                                         stepSeconds: stepSeconds)
            var liquidStep: LoopStep? = nil
            if let liquidLoop, let liquidCollection {
                let result = liquidLoop.reject(liquidCollection, recovered: primaryTaken, supply: state.liquidSupply,
                                               stepSeconds: stepSeconds, dryBulb: dryBulb, wetBulb: wetBulb)
                columns.liquidSupplyTemp[step] = Float(result.nextSupply)
                columns.liquidReturnTemp[step] = Float(liquidCollection.returnTemperature)
                state.liquidSupply = result.nextSupply
                liquidStep = result
            }

            // 8. Facility power, metrics, energy balance.
            let chillerPower = airStep.compressorPower + (liquidStep?.rejection.chillerPower ?? 0)
            let fanPower = airStep.fanPower + (liquidStep?.rejection.fanPower ?? 0)
            let pumpPower = airStep.pumpPower + (liquidCollection?.pumpPower ?? 0)
            let coolingPower = chillerPower + fanPower + pumpPower
            let facilityPower = itPower + losses + coolingPower
            let waterKg = (airStep.waterUse + (liquidStep?.rejection.waterUse ?? 0)) * stepSeconds

            // Everything entering the loops leaves by rejection, recovery or stays as stored heat; the
            // stored heat is measured from the loops' temperature change, independently of the plants.
            let heatIn = airStep.heatIn + (liquidCollection?.heatIn ?? 0)
            let storedLiquid = (liquidLoop?.thermalCapacity ?? 0) * (state.liquidSupply - liquidSupplyBefore) / stepSeconds
            let heatOut = airStep.heatOut + (liquidStep?.rejection.removed ?? 0) + primaryTaken + storedLiquid
            // The loops' heat must be the IT, loss, fan and pump heat put into them.
            let sourcesIn = itPower + lossesToAir + airStep.machineHeat + (liquidCollection?.pumpPower ?? 0)
            var residual = max(abs(heatIn - heatOut), abs(heatIn - sourcesIn)) / max(heatIn, 1)
            if let dispatch {
                let heatPumpBalance = dispatch.output - recovered - dispatch.compressorPower
                let deliveryBalance = dispatch.delivered - (dispatch.output - dispatch.charge + dispatch.discharge)
                residual = max(residual, abs(heatPumpBalance) / max(dispatch.output, 1),
                               abs(deliveryBalance) / max(dispatch.delivered, 1))
            }

            let plantMode = liquidStep.map { max($0.rejection.mode, airStep.mode) } ?? airStep.mode
            let unmet = airStep.unmet + (liquidStep?.unmet ?? 0)

            // ASHRAE envelopes: IT inlet air (its dew point is the outdoor one, capped by the coldest coil
            // surface the room air meets), and facility water against its W class.
            let inletDewPoint = min(weather.dewPoint[step], airStep.coilSurface)
            let inletRH = Psychrometrics.relativeHumidity(dryBulb: airStep.supplyAir, dewPoint: inletDewPoint)
            let envelope = site.envelope
            let outsideRecommended = !envelope.air.isRecommended(dryBulb: airStep.supplyAir, dewPoint: inletDewPoint,
                                                                 relativeHumidity: inletRH)
            let outsideAllowable = !envelope.air.isAllowable(dryBulb: airStep.supplyAir, dewPoint: inletDewPoint,
                                                             relativeHumidity: inletRH)
            let outsideWaterClass = liquidStep != nil && envelope.liquid.map { !$0.allows(supply: state.liquidSupply) } ?? false
            let curvesClamped = airStep.curvesClamped || (liquidStep?.rejection.curveInputsClamped ?? false)

            columns.itPower[step] = Float(itPower)
            columns.itPowerPeak[step] = Float(itPeak)
            columns.itUtilization[step] = Float(totalNodes > 0 ? nodeUtilization / totalNodes : 0)
            columns.liquidHeat[step] = Float(liquidHeat)
            columns.airHeat[step] = Float(itAirHeat)
            columns.upsLoss[step] = Float(electrical.upsLoss.value)
            columns.distributionLoss[step] = Float(electrical.distributionLoss.value)
            columns.misc[step] = Float(electrical.misc.value)
            columns.coolingPower[step] = Float(coolingPower)
            columns.chillerPower[step] = Float(chillerPower)
            columns.fanPower[step] = Float(fanPower)
            columns.pumpPower[step] = Float(pumpPower)
            columns.mode[step] = plantMode.rawValue
            columns.airMode[step] = airStep.mode.rawValue
            columns.liquidMode[step] = liquidStep?.rejection.mode.rawValue ?? 0
            columns.waterUse[step] = Float(waterKg)
            columns.chilledWaterSupplyTemp[step] = Float(airStep.chilledWaterSupply)
            columns.airSupplyTemp[step] = Float(airStep.supplyAir)
            columns.unmetCooling[step] = Float(unmet)
            columns.heatAvailable[step] = Float(available)
            columns.heatRecovered[step] = Float(recovered)
            columns.heatDelivered[step] = Float(dispatch?.delivered ?? 0)
            columns.heatDumped[step] = Float(available - recovered)
            columns.heatPumpPower[step] = Float(dispatch?.compressorPower ?? 0)
            columns.heatPumpOutput[step] = Float(dispatch?.heatPumpOutput ?? 0)
            columns.cop[step] = Float(dispatch?.cop ?? 0)
            columns.dhDemand[step] = Float(stepDemand)
            columns.dhSupplyTemp[step] = Float(dhSupply)
            columns.dhReturnTemp[step] = Float(dhReturn)
            columns.heatExchanged[step] = Float((dispatch?.direct ?? 0) + (dispatch?.preheat ?? 0))
            columns.storageEnergy[step] = Float(state.storageEnergy)
            columns.facilityPower[step] = Float(facilityPower)
            columns.pue[step] = Float(itPower > 0 ? facilityPower / itPower : 0)
            columns.energyBalanceResidual[step] = Float(residual)

            let month = calendar.month(ofStep: step)
            monthly[month].it += itPower * stepSeconds
            monthly[month].facility += facilityPower * stepSeconds
            monthly[month].cooling += coolingPower * stepSeconds
            monthly[month].electricalLosses += losses * stepSeconds
            monthly[month].heatPump += (dispatch?.compressorPower ?? 0) * stepSeconds
            monthly[month].heatPumpOutput += (dispatch?.heatPumpOutput ?? 0) * stepSeconds
            monthly[month].heatIntoLoops += heatIn * stepSeconds
            monthly[month].heatAvailable += available * stepSeconds
            monthly[month].heatRecovered += recovered * stepSeconds
            monthly[month].heatDelivered += (dispatch?.delivered ?? 0) * stepSeconds
            monthly[month].heatDumped += (available - recovered) * stepSeconds
            monthly[month].heatExchanged += ((dispatch?.direct ?? 0) + (dispatch?.preheat ?? 0)) * stepSeconds
            monthly[month].recoveredHeatTemperature += recoveredAtTemperature * stepSeconds
            monthly[month].dhDemand += stepDemand * stepSeconds
            monthly[month].water += waterKg
            if let gridIntensity {
                // W · s / 3.6e6 = kWh; × g/kWh / 1000 = kg.
                let kgPerJoule = gridIntensity[step] / 3.6e9
                monthly[month].co2Facility += facilityPower * stepSeconds * kgPerJoule
                monthly[month].co2HeatPump += (dispatch?.compressorPower ?? 0) * stepSeconds * kgPerJoule
            }
            switch plantMode {
            case .free: monthly[month].freeHours += stepHours
            case .partial: monthly[month].partialHours += stepHours
            case .mechanical: monthly[month].mechanicalHours += stepHours
            }
            if unmet > 0 { monthly[month].unmetHours += stepHours }
            if outsideRecommended { monthly[month].outsideRecommendedHours += stepHours }
            if outsideAllowable { monthly[month].outsideAllowableHours += stepHours }
            if outsideWaterClass { monthly[month].outsideWaterClassHours += stepHours }
            if curvesClamped { monthly[month].curveClampedHours += stepHours }
            if dispatch?.outsideMap == true { monthly[month].heatPumpOutsideMapHours += stepHours }
            monthly[month].maximumResidual = max(monthly[month].maximumResidual, residual)
        }
        var jobs: [JobSummary] = []
        for (index, load) in loads.enumerated() {
            jobs += load.jobs.map {
                JobSummary(cluster: index, job: $0, stepPUE: columns.pue, stepSeconds: stepSeconds, gridIntensity: gridIntensity)
            }
        }
        return SimulationResult(site: site, weather: weather, columns: columns, monthly: monthly, jobs: jobs)
    }
}

/// The outcome of a run: the series, and energy totals per month.
public struct SimulationResult: Sendable {
    public var site: Site
    public var weather: StepWeather
    public var columns: StepColumns
    public var monthly: [EnergyTotals]
    /// Training jobs (and each cluster's background jobs together), in cluster order.
    public var jobs: [JobSummary]

    public var annual: EnergyTotals { monthly.reduce(EnergyTotals(), +) }

    /// Highest full-rack power of any cluster in any step (at the step's peak), W.
    public var maximumRackPower: Double {
        var maximum = 0.0
        for (index, cluster) in site.clusters.enumerated() {
            let peaks = columns.clusterPowerPeak[index * columns.count..<(index + 1) * columns.count]
            maximum = max(maximum, Double(peaks.max() ?? 0) * Double(cluster.nodesPerRack) / Double(max(1, cluster.nodes)))
        }
        return maximum
    }
}
