/// Every time series of a run's result, declared once (DESIGN §6). Its `descriptor` (group, name, units,
/// long_name, CF standard_name and cell method, how it aggregates, storage, source and when it is present)
/// drives the step columns (`StepColumns[series]`), what the step loop records, the result document and so
/// the HDF5 variables and their attributes, the writer's checks, the report's look-ups and
/// `Docs/output-series.md` (generated, checked by a test).
///
/// The case order is the file order: groups in `OutputGroup` order, series before per-cluster matrices.
/// A new series is a case here, its line in `descriptor`, and one line where it is computed (the step loop's
/// `record`, `StepWeather.values(of:)` or `SimulationResult.derivedValues(of:)`).
public enum OutputSeries: Int, CaseIterable, Sendable, Hashable {
    // /weather
    case dryBulb, wetBulb, dewPoint, relativeHumidity, pressure
    // /it
    case itPower, itPowerPeak, itUtilization, liquidHeat, airHeat
    case clusterPower, clusterPowerPeak, clusterUtilization, clusterInletTemp, rackPower
    // /electrical
    case upsLoss, distributionLoss, misc
    // /cooling
    case coolingPower, chillerPower, fanPower, pumpPower, humidifierPower, basinHeaterPower, mode, airMode
    case liquidSupplyTemp, liquidReturnTemp, liquidMode
    case waterUse, airSupplyTemp, itInletTemp, returnAirTemp, chilledWaterSupplyTemp, unmetCooling
    case inletDewPoint, inletRelativeHumidity
    // /heat_recovery
    case heatAvailable, heatRecovered, heatExchanged, heatDelivered, heatDumped, heatPumpPower, heatPumpOutput, cop
    case dhDemand, dhSupplyTemp, dhReturnTemp, storageEnergy
    // /facility
    case facilityPower, pue, energyBalanceResidual

    /// The declaration of the series, one line each so that the table reads as one. Cell methods follow
    /// CF-1.8 §7.3: `mean` over the step for powers and temperatures of the step, `point` for state at the
    /// step's end (for weather, at its midpoint), `sum` for amounts in the step, `maximum` for peaks; ratios,
    /// flags and the balance residual have none.
    public var descriptor: SeriesDescriptor {
        typealias D = SeriesDescriptor
        return switch self {
        case .dryBulb: D(.weather, "dry_bulb", "degC", "outdoor dry-bulb temperature", standardName: "air_temperature", .point, .mean, source: .weather)
        case .wetBulb: D(.weather, "wet_bulb", "degC", "outdoor wet-bulb temperature", standardName: "wet_bulb_temperature", .point, .mean, source: .weather)
        case .dewPoint: D(.weather, "dew_point", "degC", "outdoor dew-point temperature", standardName: "dew_point_temperature", .point, .mean, source: .weather)
        case .relativeHumidity: D(.weather, "relative_humidity", "%", "outdoor relative humidity", standardName: "relative_humidity", .point, .mean, source: .weather)
        case .pressure: D(.weather, "pressure", "Pa", "station pressure", standardName: "surface_air_pressure", .point, .mean, source: .weather)

        case .itPower: D(.it, "power", "W", "IT power, step mean", .mean, .mean)
        case .itPowerPeak: D(.it, "power_peak", "W", "IT power, step maximum", .maximum, .maximum)
        case .itUtilization: D(.it, "utilization", "1", "node-weighted mean utilisation", .mean, .mean)
        case .liquidHeat: D(.it, "liquid_heat", "W", "IT heat captured by liquid cooling", .mean, .mean)
        case .airHeat: D(.it, "air_heat", "W", "IT heat released to room air", .mean, .mean)
        case .clusterPower: D(.it, "cluster_power", "W", "IT power per cluster, step mean", .mean, .mean, dimension: .cluster)
        case .clusterPowerPeak: D(.it, "cluster_power_peak", "W", "IT power per cluster, step maximum", .maximum, .maximum, dimension: .cluster)
        case .clusterUtilization: D(.it, "cluster_utilization", "1", "node-weighted utilisation per cluster", .mean, .mean, dimension: .cluster)
        case .clusterInletTemp: D(.it, "cluster_inlet_temp", "degC", "IT inlet air temperature per cluster (its zone's supply air with the servers' supply approach or recirculation)", .mean, .mean, dimension: .cluster, presence: .withServerAirModel)
        case .rackPower: D(.it, "rack_power", "W", "power of a full rack at the step's peak", .maximum, .maximum, dimension: .cluster, source: .derived)

        case .upsLoss: D(.electrical, "ups_loss", "W", "UPS losses", .mean, .mean)
        case .distributionLoss: D(.electrical, "distribution_loss", "W", "transformer and PDU losses", .mean, .mean)
        case .misc: D(.electrical, "misc", "W", "lighting and miscellaneous loads", .mean, .mean)

        case .coolingPower: D(.cooling, "power", "W", "cooling electric power (chillers, fans, pumps, humidifiers, tower basin heaters)", .mean, .mean)
        case .chillerPower: D(.cooling, "chiller_power", "W", "chiller electric power", .mean, .mean)
        case .fanPower: D(.cooling, "fan_power", "W", "fan power (dry coolers and air handlers)", .mean, .mean)
        case .pumpPower: D(.cooling, "pump_power", "W", "loop pump power", .mean, .mean)
        case .humidifierPower: D(.cooling, "humidifier_power", "W", "steam humidifier electric power", .mean, .mean)
        case .basinHeaterPower: D(.cooling, "basin_heater_power", "W", "cooling-tower basin heater electric power (idle towers below the heater's setpoint)", .mean, .mean)
        case .mode: D(.cooling, "mode", "1", "cooling mode of the plant (most mechanical loop)", nil, .mostFrequent, storage: .coolingModeFlags)
        case .airMode: D(.cooling, "air_mode", "1", "cooling mode of the air loop's plant", nil, .mostFrequent, storage: .coolingModeFlags)
        case .liquidSupplyTemp: D(.cooling, "liquid_supply_temp", "degC", "facility-water supply temperature", .point, .mean, presence: .withLiquidLoop)
        case .liquidReturnTemp: D(.cooling, "liquid_return_temp", "degC", "facility-water return temperature", .mean, .mean, presence: .withLiquidLoop)
        case .liquidMode: D(.cooling, "liquid_mode", "1", "cooling mode of the liquid loop's plant", nil, .mostFrequent, storage: .coolingModeFlags, presence: .withLiquidLoop)
        case .waterUse: D(.cooling, "water_use", "L", "site water used during the step (tower make-up, pad evaporation and bleed)", .sum, .sum)
        case .airSupplyTemp: D(.cooling, "air_supply_temp", "degC", "supply air temperature to IT inlets", .point, .mean)
        case .chilledWaterSupplyTemp: D(.cooling, "chilled_water_supply_temp", "degC", "air-loop chilled-water supply temperature", .point, .mean)
        case .unmetCooling: D(.cooling, "unmet", "W", "cooling load the plants could not remove", .mean, .mean)
        case .itInletTemp: D(.cooling, "it_inlet_temp", "degC", "IT inlet air temperature (supply air with the servers' supply approach or recirculation; power-weighted)", .mean, .mean, presence: .withServerAirModel)
        case .returnAirTemp: D(.cooling, "return_air_temp", "degC", "return air temperature at the room's cooling units", .mean, .mean, presence: .withServerAirModel)
        case .inletDewPoint: D(.cooling, "inlet_dew_point", "degC", "IT inlet air dew point (the hall's supply air, or with the ITE model its warmest server inlet; air zones: the zone inlet farthest outside the allowable dew points)", standardName: "dew_point_temperature", .point, .mean)
        case .inletRelativeHumidity: D(.cooling, "inlet_relative_humidity", "%", "IT inlet air relative humidity (the hall's supply air, or with the ITE model at its warmest server inlet; air zones: at the zone inlet farthest outside the allowable dew points)", standardName: "relative_humidity", .point, .mean)

        case .heatAvailable: D(.heatRecovery, "available", "W", "heat the heat pump's source loops offer", .mean, .mean)
        case .heatRecovered: D(.heatRecovery, "recovered", "W", "heat taken from the loops by the evaporator and the exchangers", .mean, .mean)
        case .heatExchanged: D(.heatRecovery, "exchanged", "W", "heat delivered by exchangers without a compressor (direct and pre-heating)", .mean, .mean)
        case .heatDelivered: D(.heatRecovery, "delivered", "W", "heat delivered to district heating", .mean, .mean)
        case .heatDumped: D(.heatRecovery, "dumped", "W", "available heat not recovered", .mean, .mean)
        case .heatPumpPower: D(.heatRecovery, "heat_pump_power", "W", "heat-pump electric power", .mean, .mean)
        case .heatPumpOutput: D(.heatRecovery, "heat_pump_output", "W", "heat-pump heating output", .mean, .mean)
        case .cop: D(.heatRecovery, "cop", "1", "heat-pump heating COP (0 when off)", nil, .ratio(.heatPumpOutput, .heatPumpPower))
        case .dhDemand: D(.heatRecovery, "dh_demand", "W", "district-heating demand", .mean, .mean)
        case .dhSupplyTemp: D(.heatRecovery, "dh_supply_temp", "degC", "district-heating supply temperature", .mean, .mean)
        case .dhReturnTemp: D(.heatRecovery, "dh_return_temp", "degC", "district-heating return temperature", .mean, .mean)
        case .storageEnergy: D(.heatRecovery, "storage_energy", "J", "energy in the heat-storage tank at the end of the step", .point, .last)

        case .facilityPower: D(.facility, "power", "W", "facility power (IT + cooling incl. humidifiers + electrical losses + misc)", .mean, .mean)
        case .pue: D(.facility, "pue", "1", "step PUE (NaN in a step without IT power)", nil, .ratio(.facilityPower, .itPower))
        case .energyBalanceResidual: D(.facility, "energy_balance_residual", "1", "relative energy-balance residual", nil, .maximum)
        }
    }

    public var group: OutputGroup { descriptor.group }
    public var name: String { descriptor.name }
    /// `/group/name` in the result file.
    public var path: String { "/\(descriptor.group.rawValue)/\(descriptor.name)" }

    /// The series its aggregation reads: a ratio's numerator and denominator, else the series itself.
    public var aggregationInputs: [OutputSeries] {
        if case .ratio(let numerator, let denominator) = descriptor.aggregation { return [numerator, denominator] }
        return [self]
    }

    /// The series at `group` / `name`, if declared.
    public init?(group: String, name: String) {
        guard let found = Self.allCases.first(where: { $0.group.rawValue == group && $0.name == name }) else { return nil }
        self = found
    }

    /// The series the step loop records, in case order: 1-D along time, then per-cluster (Float32 and flags).
    static let recordedSeries = allCases.filter { $0.descriptor.source == .stepLoop && $0.descriptor.dimension == .time }
    static let recordedMatrices = allCases.filter { $0.descriptor.source == .stepLoop && $0.descriptor.dimension == .cluster }
}

/// A group of the result file, in file order.
public enum OutputGroup: String, CaseIterable, Sendable {
    case weather, it, electrical, cooling
    case heatRecovery = "heat_recovery"
    case facility

    /// The group's series (and matrices), in file order.
    public var series: [OutputSeries] { OutputSeries.allCases.filter { $0.group == self } }
}

/// The declaration of one output series.
public struct SeriesDescriptor: Sendable, Equatable {
    public var group: OutputGroup
    /// Variable name in the group (HDF5 link name).
    public var name: String
    /// UDUNITS units string (`W`, `degC`, `1`, `%`, `Pa`, `L`, `J`).
    public var units: String
    public var longName: String
    /// CF standard name, where the CF table has one.
    public var standardName: String?
    /// CF `cell_methods` over time, where one applies.
    public var cellMethod: CellMethod?
    /// How step values combine into an hour or a month.
    public var aggregation: Aggregation
    public var storage: SeriesStorage
    public var dimension: SeriesDimension
    public var source: SeriesSource
    public var presence: SeriesPresence

    init(_ group: OutputGroup, _ name: String, _ units: String, _ longName: String, standardName: String? = nil,
         _ cellMethod: CellMethod?, _ aggregation: Aggregation, storage: SeriesStorage = .float32,
         dimension: SeriesDimension = .time, source: SeriesSource = .stepLoop, presence: SeriesPresence = .always) {
        self.group = group
        self.name = name
        self.units = units
        self.longName = longName
        self.standardName = standardName
        self.cellMethod = cellMethod
        self.aggregation = aggregation
        self.storage = storage
        self.dimension = dimension
        self.source = source
        self.presence = presence
    }
}

/// CF `cell_methods` of a series over `time` (CF-1.8 §7.3).
public enum CellMethod: String, Sendable, CaseIterable {
    /// The mean over the step.
    case mean = "time: mean"
    /// An amount accumulated over the step.
    case sum = "time: sum"
    /// The value at one instant of the step (its end for state, its midpoint for weather).
    case point = "time: point"
    /// The highest value within the step.
    case maximum = "time: maximum"
}

/// How a series' step values combine into longer periods (hours, months).
public enum Aggregation: Sendable, Equatable, CustomStringConvertible {
    case mean, sum, maximum
    /// The period's last value (state, e.g. stored energy).
    case last
    /// The value taken most often (flags), ties to the larger.
    case mostFrequent
    /// Σ numerator / Σ denominator over the period (PUE, COP), not the mean of the step ratios.
    case ratio(OutputSeries, OutputSeries)

    public var description: String {
        switch self {
        case .mean: "mean"
        case .sum: "sum"
        case .maximum: "maximum"
        case .last: "last"
        case .mostFrequent: "most frequent"
        case .ratio(let numerator, let denominator): "Σ `\(numerator.path)` / Σ `\(denominator.path)`"
        }
    }
}

/// How a series is stored: Float32 (7 significant digits; totals are accumulated in Double elsewhere), or
/// int8 CF flags.
public enum SeriesStorage: Sendable, Equatable {
    case float32
    /// `CoolingMode` as int8 with `flag_values` / `flag_meanings`.
    case coolingModeFlags

    public var flagValues: [Int8] {
        switch self {
        case .float32: []
        case .coolingModeFlags: CoolingMode.allCases.map(\.rawValue)
        }
    }

    public var flagMeanings: [String] {
        switch self {
        case .float32: []
        case .coolingModeFlags: CoolingMode.allCases.map(\.name)
        }
    }
}

/// The axes of a series.
public enum SeriesDimension: String, Sendable {
    /// 1-D along `time`.
    case time
    /// 2-D `[cluster, time]` with the cluster names as a coordinate.
    case cluster
}

/// Where a series' values come from.
public enum SeriesSource: Sendable {
    /// The step weather the run was given.
    case weather
    /// Recorded by the step loop into `StepColumns`.
    case stepLoop
    /// Computed from recorded series when the document is built.
    case derived
}

/// When a series is written.
public enum SeriesPresence: Sendable {
    case always
    /// Only for sites with a liquid (facility-water) loop.
    case withLiquidLoop
    /// Only for sites whose servers follow their inlet air (a cluster with the `AirCooledITE` model).
    case withServerAirModel

    public func isPresent(in site: Site) -> Bool {
        switch self {
        case .always: true
        case .withLiquidLoop: site.liquidLoop != nil
        case .withServerAirModel: site.clusters.contains { $0.ite != nil }
        }
    }
}
