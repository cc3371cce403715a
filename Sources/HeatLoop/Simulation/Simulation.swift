import Foundation

/// The step loop (DESIGN §2): weather → IT → heat split → electrical chain → loops → heat recovery →
/// heat rejection → facility power and metrics. Pure: the same site and weather give the same result.
public struct Simulation: Sendable {
    public var site: Site
    public var weather: StepWeather

    public init(site: Site, weather: StepWeather) {
        self.site = site
        self.weather = weather
    }

    // Performance (DESIGN §9: a 1-min year ≤ 100 ms): the step loop allocates nothing and copies no model
    // per step. Everything that does not change within the year is hoisted out of it: per-cluster inputs,
    // the envelope bounds, the weather-derived series (DH temperatures and demand, ln p_ws of the dew
    // point); values are recorded into a small block of rows (`StepRow`) that is transposed into the
    // columns every `rowBlock` steps, so no column array is touched (and uniqueness-checked) per value.
    // The arithmetic of every quantity is unchanged, so results are bit-identical to the plain loop.
    // Profiles and figures: Docs/performance.md.

    public func run() -> SimulationResult {
        let calendar = site.calendar
        let count = calendar.stepCount
        let stepSeconds = calendar.stepDuration.value
        let stepHours = stepSeconds / 3600
        var columns = StepColumns(unsetCount: count, clusters: site.clusters.count)
        var monthly = [EnergyTotals](repeating: EnergyTotals(), count: 12)
        var state = SimulationState(site: site)

        let loads = site.clusters.map { $0.workload.load(cluster: $0, calendar: calendar) }
        let totalNodes = Double(site.clusters.reduce(0) { $0 + $1.nodes })
        // What the step needs of each cluster, hoisted: copying a `Cluster` or `ClusterLoad` every step
        // would retain and release their arrays.
        let utilization = loads.map(\.utilization), meanPower = loads.map(\.meanPower), peakPower = loads.map(\.peakPower)
        let ites = site.clusters.map(\.ite), capture = site.clusters.map(\.liquidCapture)
        let anyITE = ites.contains { $0 != nil }
        let nodes = site.clusters.map { Double($0.nodes) }
        let clusterCount = site.clusters.count
        let recovery = site.heatRecovery
        // District heating: the consumers' demand depends only on the weather.
        let demand: [Double] = recovery.map {
            $0.network.demand.series(outdoor: weather.dryBulb, dailyMeanOutdoor: weather.dryBulbDailyMean, calendar: calendar)
        } ?? []
        let supplyCurve = recovery?.network.supplyCurve, returnCurve = recovery?.network.returnCurve
        let networkLoss = recovery?.network.lossFraction ?? 0
        let heatPumpSource = recovery?.heatPump.source ?? .liquid
        let liquidLoop = site.liquidLoop
        let liquidThermalCapacity = liquidLoop?.thermalCapacity ?? 0
        let liquidSetpoint = liquidLoop?.supplySetpoint.value ?? 0
        let airSide = site.airSide
        let chilledWaterSetpoint = airSide.chilledWaterLoop?.supplySetpoint.value ?? 0
        let electrical = site.electrical
        let recommended = site.envelope.air.recommended, allowable = site.envelope.air.allowable
        let waterClass = site.envelope.liquid
        let gridIntensity = site.carbon?.grid.perStep(calendar)
        let isCRAC = if case .crac = airSide { true } else { false }
        // Inputs that repeat from step to step (IT power is constant for hours; the supply air sits at its
        // setpoint) skip their `pow` / `log`.
        var crahFan = LastValue(), supplyAirSaturation = LastValue()

        let rows = UnsafeMutableBufferPointer<StepRow>.allocate(capacity: Self.rowBlock)
        let clusterRows = UnsafeMutableBufferPointer<Float>.allocate(capacity: Self.rowBlock * clusterCount * 3)
        defer {
            rows.deallocate()
            clusterRows.deallocate()
        }
        var blockStart = 0, filled = 0

        var step = 0
        for month in 0..<12 {
            let monthEnd = step + SimulationCalendar.daysPerMonth[month] * calendar.stepsPerDay
            var totals = EnergyTotals()
            while step < monthEnd {
                defer { step += 1 }
                let dryBulb = weather.dryBulb[step]
                let wetBulb = weather.wetBulb[step]
                let liquidSupplyBefore = state.liquidSupply
                var row = StepRow()

                // 2–3. Workload → IT power → heat split. Air-cooled servers with the ITE model respond to
                // the supply air they get (the air side's state at the start of the step).
                var itPower = 0.0, itPeak = 0.0, liquidHeat = 0.0, nodeUtilization = 0.0
                for index in 0..<clusterCount {
                    let u = utilization[index][step]
                    var power = meanPower[index][step], peak = peakPower[index][step]
                    if anyITE, let ite = ites[index] {
                        let inlet = ite.inlet(supply: airSide.supplyAir(state), returnAir: airSide.returnAir(state))
                        let itePower = ite.power(utilization: u, inlet: inlet) * nodes[index]
                        peak = power > 0 ? peak * itePower / power : itePower
                        power = itePower
                    }
                    let clusterRow = clusterRows.baseAddress! + (index * 3 * Self.rowBlock + filled)
                    clusterRow[0] = Float(power)
                    clusterRow[Self.rowBlock] = Float(peak)
                    clusterRow[2 * Self.rowBlock] = Float(u)
                    itPower += power
                    itPeak += peak
                    liquidHeat += power * capture[index]
                    nodeUtilization += u * nodes[index]
                }
                let itAirHeat = itPower - liquidHeat

                // 4. Electrical chain; a share of its losses heats the room air.
                let electricalStep = electrical.step(itPower: Watts(itPower))
                let losses = electricalStep.total.value
                let lossesToAir = losses * electrical.heatToAir

                // 5. Loops collect heat (CRAH fan heat enters the air stream).
                let roomHeat = itAirHeat + lossesToAir
                let fanPower = crahFan(roomHeat) { airSide.fanPower(heat: $0) }
                let airCollection = airSide.collect(heat: roomHeat, fanPower: fanPower, state: state,
                                                    stepSeconds: stepSeconds)
                let liquidCollection = liquidLoop?.collect(heat: liquidHeat, supply: state.liquidSupply,
                                                           stepSeconds: stepSeconds)

                // 6. Heat recovery.
                var primaryTaken = 0.0, secondaryTaken = 0.0
                var available = 0.0
                var dispatch: DispatchStep? = nil
                var dhSupply = 0.0, dhReturn = 0.0, stepDemand = 0.0
                // Σ heat × source temperature, for the EU EED average waste-heat temperature.
                var recoveredAtTemperature = 0.0
                if let supplyCurve, let returnCurve {
                    dhSupply = supplyCurve.temperature(outdoor: dryBulb)
                    dhReturn = returnCurve.temperature(outdoor: dryBulb)
                    stepDemand = demand[step] / (1 - networkLoss)  // `DistrictHeatingNetwork.connectionDemand`
                    let liquidOffer = liquidCollection.map { collection in
                        HeatSourceOffer(heat: collection.heatToShed, inlet: collection.returnTemperature,
                                        outlet: liquidSetpoint)
                    } ?? .none
                    let airOffer = airCollection.offer(setpoint: chilledWaterSetpoint)
                    let (primary, secondary): (HeatSourceOffer, HeatSourceOffer) =
                        switch heatPumpSource {
                        case .liquid: (liquidOffer, .none)
                        case .air: (airOffer, .none)
                        case .both: (liquidOffer, airOffer)
                        }
                    available = primary.heat + secondary.heat
                    if let result = recovery?.dispatch(
                        demand: stepDemand, primary: primary, secondary: secondary, dhSupply: dhSupply,
                        dhReturn: dhReturn, storageEnergy: state.storageEnergy,
                        stepSeconds: stepSeconds) {
                    switch heatPumpSource {
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
                }
                let recovered = primaryTaken + secondaryTaken

                // 7. Heat rejection of what remains.
                // ln p_ws of the outdoor dew point: the humidity ratio of DX rooms and the IT inlet's relative
                // humidity both start from it (CRAHs on chilled water do not use the outdoor humidity).
                let outdoorDewPoint = weather.dewPoint[step]
                let logDewPointSaturation = Psychrometrics.logSaturationVaporPressure(outdoorDewPoint)
                let humidityRatio = isCRAC
                    ? Psychrometrics.humidityRatio(vaporPressure: exp(logDewPointSaturation), pressure: weather.pressure[step])
                    : 0
                let outdoor = AirSideWeather(dryBulb: dryBulb, wetBulb: wetBulb, humidityRatio: humidityRatio)
                let airStep = airSide.finish(airCollection, recovered: secondaryTaken, state: &state, weather: outdoor,
                                             stepSeconds: stepSeconds)
                var liquidStep: LoopStep? = nil
                if let liquidCollection, let result = liquidLoop?.reject(
                    liquidCollection, recovered: primaryTaken, supply: state.liquidSupply, stepSeconds: stepSeconds,
                    dryBulb: dryBulb, wetBulb: wetBulb) {
                    row.liquidSupplyTemp = Float(result.nextSupply)
                    row.liquidReturnTemp = Float(liquidCollection.returnTemperature)
                    state.liquidSupply = result.nextSupply
                    liquidStep = result
                }

                // 8. Facility power, metrics, energy balance.
                let chillerPower = airStep.compressorPower + (liquidStep?.rejection.chillerPower ?? 0)
                let fanPowerTotal = airStep.fanPower + (liquidStep?.rejection.fanPower ?? 0)
                let pumpPower = airStep.pumpPower + (liquidCollection?.pumpPower ?? 0)
                let coolingPower = chillerPower + fanPowerTotal + pumpPower
                let facilityPower = itPower + losses + coolingPower
                let waterKg = (airStep.waterUse + (liquidStep?.rejection.waterUse ?? 0)) * stepSeconds

                // Everything entering the loops leaves by rejection, recovery or stays as stored heat; the
                // stored heat is measured from the loops' temperature change, independently of the plants.
                let heatIn = airStep.heatIn + (liquidCollection?.heatIn ?? 0)
                let storedLiquid = liquidThermalCapacity * (state.liquidSupply - liquidSupplyBefore) / stepSeconds
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
                // φ = p_ws(t_dp) / p_ws(t), as `Psychrometrics.relativeHumidity(dryBulb:dewPoint:)`.
                let inletDewPoint = min(outdoorDewPoint, airStep.coilSurface)
                let logInletVapor = inletDewPoint == outdoorDewPoint
                    ? logDewPointSaturation : Psychrometrics.logSaturationVaporPressure(inletDewPoint)
                let inletRH = exp(logInletVapor - supplyAirSaturation(airStep.supplyAir, Psychrometrics.logSaturationVaporPressure))
                let outsideRecommended = !recommended.contains(dryBulb: airStep.supplyAir, dewPoint: inletDewPoint,
                                                               relativeHumidity: inletRH)
                let outsideAllowable = !allowable.contains(dryBulb: airStep.supplyAir, dewPoint: inletDewPoint,
                                                           relativeHumidity: inletRH)
                let outsideWaterClass = liquidStep != nil && waterClass.map { !$0.allows(supply: state.liquidSupply) } ?? false
                let curvesClamped = airStep.curvesClamped || (liquidStep?.rejection.curveInputsClamped ?? false)

                row.itPower = Float(itPower)
                row.itPowerPeak = Float(itPeak)
                row.itUtilization = Float(totalNodes > 0 ? nodeUtilization / totalNodes : 0)
                row.liquidHeat = Float(liquidHeat)
                row.airHeat = Float(itAirHeat)
                row.upsLoss = Float(electricalStep.upsLoss.value)
                row.distributionLoss = Float(electricalStep.distributionLoss.value)
                row.misc = Float(electricalStep.misc.value)
                row.coolingPower = Float(coolingPower)
                row.chillerPower = Float(chillerPower)
                row.fanPower = Float(fanPowerTotal)
                row.pumpPower = Float(pumpPower)
                row.mode = plantMode.rawValue
                row.airMode = airStep.mode.rawValue
                row.liquidMode = liquidStep?.rejection.mode.rawValue ?? 0
                row.waterUse = Float(waterKg)
                row.chilledWaterSupplyTemp = Float(airStep.chilledWaterSupply)
                row.airSupplyTemp = Float(airStep.supplyAir)
                row.unmetCooling = Float(unmet)
                row.heatAvailable = Float(available)
                row.heatRecovered = Float(recovered)
                row.heatDelivered = Float(dispatch?.delivered ?? 0)
                row.heatDumped = Float(available - recovered)
                row.heatPumpPower = Float(dispatch?.compressorPower ?? 0)
                row.heatPumpOutput = Float(dispatch?.heatPumpOutput ?? 0)
                row.cop = Float(dispatch?.cop ?? 0)
                row.dhDemand = Float(stepDemand)
                row.dhSupplyTemp = Float(dhSupply)
                row.dhReturnTemp = Float(dhReturn)
                row.heatExchanged = Float((dispatch?.direct ?? 0) + (dispatch?.preheat ?? 0))
                row.storageEnergy = Float(state.storageEnergy)
                row.facilityPower = Float(facilityPower)
                row.pue = Float(itPower > 0 ? facilityPower / itPower : 0)
                row.energyBalanceResidual = Float(residual)
                rows[filled] = row
                filled += 1
                if filled == Self.rowBlock {
                    columns.store(UnsafeBufferPointer(rows), clusterRows: UnsafeBufferPointer(clusterRows),
                                  rowCapacity: Self.rowBlock, at: blockStart)
                    blockStart += filled
                    filled = 0
                }

                totals.it += itPower * stepSeconds
                totals.facility += facilityPower * stepSeconds
                totals.cooling += coolingPower * stepSeconds
                totals.electricalLosses += losses * stepSeconds
                totals.heatPump += (dispatch?.compressorPower ?? 0) * stepSeconds
                totals.heatPumpOutput += (dispatch?.heatPumpOutput ?? 0) * stepSeconds
                totals.heatIntoLoops += heatIn * stepSeconds
                totals.heatAvailable += available * stepSeconds
                totals.heatRecovered += recovered * stepSeconds
                totals.heatDelivered += (dispatch?.delivered ?? 0) * stepSeconds
                totals.heatDumped += (available - recovered) * stepSeconds
                totals.heatExchanged += ((dispatch?.direct ?? 0) + (dispatch?.preheat ?? 0)) * stepSeconds
                totals.recoveredHeatTemperature += recoveredAtTemperature * stepSeconds
                totals.dhDemand += stepDemand * stepSeconds
                totals.water += waterKg
                if let gridIntensity {
                    // W · s / 3.6e6 = kWh; × g/kWh / 1000 = kg.
                    let kgPerJoule = gridIntensity[step] / 3.6e9
                    totals.co2Facility += facilityPower * stepSeconds * kgPerJoule
                    totals.co2HeatPump += (dispatch?.compressorPower ?? 0) * stepSeconds * kgPerJoule
                }
                switch plantMode {
                case .free: totals.freeHours += stepHours
                case .partial: totals.partialHours += stepHours
                case .mechanical: totals.mechanicalHours += stepHours
                }
                if unmet > 0 { totals.unmetHours += stepHours }
                if outsideRecommended { totals.outsideRecommendedHours += stepHours }
                if outsideAllowable { totals.outsideAllowableHours += stepHours }
                if outsideWaterClass { totals.outsideWaterClassHours += stepHours }
                if curvesClamped { totals.curveClampedHours += stepHours }
                if dispatch?.outsideMap == true { totals.heatPumpOutsideMapHours += stepHours }
                totals.maximumResidual = max(totals.maximumResidual, residual)
            }
            monthly[month] = totals
        }
        if filled > 0 {
            columns.store(UnsafeBufferPointer(rebasing: rows[..<filled]), clusterRows: UnsafeBufferPointer(clusterRows),
                          rowCapacity: Self.rowBlock, at: blockStart)
        }
        var jobs: [JobSummary] = []
        for (index, load) in loads.enumerated() {
            jobs += load.jobs.map {
                JobSummary(cluster: index, job: $0, stepPUE: columns.pue, stepSeconds: stepSeconds, gridIntensity: gridIntensity)
            }
        }
        return SimulationResult(site: site, weather: weather, columns: columns, monthly: monthly, jobs: jobs)
    }

    /// Steps recorded between two transfers into the columns: 512 rows of `StepRow` (~70 kB) stay in cache.
    static let rowBlock = 512
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
