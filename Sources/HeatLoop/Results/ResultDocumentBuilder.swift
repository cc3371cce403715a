/// Where a run came from, for the root attributes of its result file.
public struct RunProvenance: Sendable {
    public var heatloopVersion: String
    public var createdUTC: String
    /// The fully resolved site file (defaults filled in), YAML.
    public var siteConfig: String
    public var weatherFile: String
    public var weatherSHA256: String
    public init(heatloopVersion: String, createdUTC: String, siteConfig: String, weatherFile: String,
                weatherSHA256: String) {
        self.heatloopVersion = heatloopVersion
        self.createdUTC = createdUTC
        self.siteConfig = siteConfig
        self.weatherFile = weatherFile
        self.weatherSHA256 = weatherSHA256
    }
}

extension ResultDocument {
    /// The result file's content (DESIGN §6) for a finished run.
    public init(result: SimulationResult, summary: RunSummary, provenance: RunProvenance) {
        let site = result.site
        let c = result.columns
        let w = result.weather
        func f32(_ name: String, _ units: String, _ longName: String, _ values: [Float]) -> ResultSeries {
            ResultSeries(name: name, units: units, longName: longName, values: .float32(values))
        }
        func f32(_ name: String, _ units: String, _ longName: String, _ values: [Double]) -> ResultSeries {
            f32(name, units, longName, values.map { Float($0) })
        }
        let modeValues = CoolingMode.allCases.map(\.rawValue)
        let modeMeanings = CoolingMode.allCases.map(\.name)
        func mode(_ name: String, _ longName: String, _ values: [Int8]) -> ResultSeries {
            ResultSeries(name: name, units: "1", longName: longName,
                         values: .int8(values, flagValues: modeValues, flagMeanings: modeMeanings))
        }
        var cooling = [
            f32("power", "W", "cooling electric power (chillers, fans, pumps)", c.coolingPower),
            f32("chiller_power", "W", "chiller electric power", c.chillerPower),
            f32("fan_power", "W", "fan power (dry coolers and air handlers)", c.fanPower),
            f32("pump_power", "W", "loop pump power", c.pumpPower),
            mode("mode", "cooling mode of the plant (most mechanical loop)", c.mode),
            mode("air_mode", "cooling mode of the air loop's plant", c.airMode),
            f32("water_use", "L", "water evaporated during the step", c.waterUse),
            f32("air_supply_temp", "degC", "supply air temperature to IT inlets", c.airSupplyTemp),
            f32("chilled_water_supply_temp", "degC", "air-loop chilled-water supply temperature", c.chilledWaterSupplyTemp),
            f32("unmet", "W", "cooling load the plants could not remove", c.unmetCooling),
        ]
        if site.liquidLoop != nil {
            cooling.insert(contentsOf: [
                f32("liquid_supply_temp", "degC", "facility-water supply temperature", c.liquidSupplyTemp),
                f32("liquid_return_temp", "degC", "facility-water return temperature", c.liquidReturnTemp),
                mode("liquid_mode", "cooling mode of the liquid loop's plant", c.liquidMode),
            ], at: 6)
        }
        groups = [
            ResultGroup(name: "weather", series: [
                f32("dry_bulb", "degC", "outdoor dry-bulb temperature", w.dryBulb),
                f32("wet_bulb", "degC", "outdoor wet-bulb temperature", w.wetBulb),
                f32("dew_point", "degC", "outdoor dew-point temperature", w.dewPoint),
                f32("relative_humidity", "%", "outdoor relative humidity", w.relativeHumidity),
                f32("pressure", "Pa", "station pressure", w.pressure),
            ]),
            ResultGroup(name: "it", series: [
                f32("power", "W", "IT power, step mean", c.itPower),
                f32("power_peak", "W", "IT power, step maximum", c.itPowerPeak),
                f32("utilization", "1", "node-weighted mean utilisation", c.itUtilization),
                f32("liquid_heat", "W", "IT heat captured by liquid cooling", c.liquidHeat),
                f32("air_heat", "W", "IT heat released to room air", c.airHeat),
            ], matrices: clusterMatrices(site: site, columns: c)),
            ResultGroup(name: "electrical", series: [
                f32("ups_loss", "W", "UPS losses", c.upsLoss),
                f32("distribution_loss", "W", "transformer and PDU losses", c.distributionLoss),
                f32("misc", "W", "lighting and miscellaneous loads", c.misc),
            ]),
            ResultGroup(name: "cooling", series: cooling),
            ResultGroup(name: "heat_recovery", series: [
                f32("available", "W", "heat the heat pump's source loops offer", c.heatAvailable),
                f32("recovered", "W", "heat taken from the loops by the evaporator and the exchangers", c.heatRecovered),
                f32("exchanged", "W", "heat delivered by exchangers without a compressor (direct and pre-heating)",
                    c.heatExchanged),
                f32("delivered", "W", "heat delivered to district heating", c.heatDelivered),
                f32("dumped", "W", "available heat not recovered", c.heatDumped),
                f32("heat_pump_power", "W", "heat-pump electric power", c.heatPumpPower),
                f32("heat_pump_output", "W", "heat-pump heating output", c.heatPumpOutput),
                f32("cop", "1", "heat-pump heating COP (0 when off)", c.cop),
                f32("dh_demand", "W", "district-heating demand", c.dhDemand),
                f32("dh_supply_temp", "degC", "district-heating supply temperature", c.dhSupplyTemp),
                f32("dh_return_temp", "degC", "district-heating return temperature", c.dhReturnTemp),
                f32("storage_energy", "J", "energy in the heat-storage tank at the end of the step", c.storageEnergy),
            ]),
            ResultGroup(name: "facility", series: [
                f32("power", "W", "facility power (IT + cooling + electrical losses + misc)", c.facilityPower),
                f32("pue", "1", "step PUE", c.pue),
                f32("energy_balance_residual", "1", "relative energy-balance residual", c.energyBalanceResidual),
            ]),
        ]
        time = TimeAxis(year: site.calendar.year, stepMinutes: site.calendar.stepMinutes, count: c.count)
        attributes = [
            ResultAttribute("title", .string("HeatLoop simulation of \(site.name)")),
            ResultAttribute("heatloop_version", .string(provenance.heatloopVersion)),
            ResultAttribute("site", .string(site.name)),
            ResultAttribute("created_utc", .string(provenance.createdUTC)),
            ResultAttribute("site_config", .string(provenance.siteConfig)),
            ResultAttribute("weather_file", .string(provenance.weatherFile)),
            ResultAttribute("weather_sha256", .string(provenance.weatherSHA256)),
            ResultAttribute("timestep_s", .int(site.calendar.stepMinutes * 60)),
            ResultAttribute("Conventions", .string("CF-1.8")),
        ]
        self.summary = summary.attributes + [
            ResultAttribute("max_rack_kW", .double(result.maximumRackPower / 1e3)),
        ]
        let monthlyNames = summary.annual.named
        summaryTables = [
            ResultTable(
                name: "monthly", dimension: "month", coordinate: .integers((1...12).map { Int32($0) }),
                columns: monthlyNames.indices.map { index in
                    let descriptor = monthlyNames[index]
                    return ResultSeries(name: descriptor.name, units: descriptor.units, longName: descriptor.longName,
                                        values: .float64(summary.monthly.map { $0.named[index].value }))
                }),
        ]
        if !result.jobs.isEmpty { summaryTables.append(ResultTable(jobs: result.jobs)) }
        if site.heatRecovery != nil {
            summaryTables.append(HeatDurationCurve(columns: c, stepMinutes: site.calendar.stepMinutes).table)
        }
    }
}

/// Per-cluster series `[cluster, time]`: power (mean, peak), utilisation and full-rack power.
private func clusterMatrices(site: Site, columns c: StepColumns) -> [ResultMatrix] {
    let labels = site.clusters.map(\.name)
    var rackPower = c.clusterPower
    for (index, cluster) in site.clusters.enumerated() {
        let perRack = Float(cluster.nodesPerRack) / Float(max(1, cluster.nodes))
        for step in index * c.count..<(index + 1) * c.count { rackPower[step] = c.clusterPowerPeak[step] * perRack }
    }
    return [
        ResultMatrix(name: "cluster_power", units: "W", longName: "IT power per cluster, step mean",
                     dimension: "cluster", labels: labels, values: c.clusterPower),
        ResultMatrix(name: "cluster_power_peak", units: "W", longName: "IT power per cluster, step maximum",
                     dimension: "cluster", labels: labels, values: c.clusterPowerPeak),
        ResultMatrix(name: "cluster_utilization", units: "1", longName: "node-weighted utilisation per cluster",
                     dimension: "cluster", labels: labels, values: c.clusterUtilization),
        ResultMatrix(name: "rack_power", units: "W", longName: "power of a full rack at the step's peak",
                     dimension: "cluster", labels: labels, values: rackPower),
    ]
}
