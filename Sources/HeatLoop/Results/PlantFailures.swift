/// What says the plant did not do its job: cooling load not met, IT inlet air outside the ASHRAE class's
/// allowable envelope (temperature and humidity apart), facility water above its W class, and heat recovery
/// that recovered nothing. Each is a result in its own right: in `/summary` with its worst value and when,
/// in the terminal's warning block, in the report's banner; `heatloop run --strict` fails on any, and no
/// compliance verdict passes while cooling is unmet (`EnEfGAssessment`).
public struct PlantFailures: Sendable, Equatable {
    /// Hours of one kind of failure, its worst value and the start of the step it happened in.
    public struct Excursion: Sendable, Equatable {
        public var hours: Double
        /// The worst value (units as its `/summary` attribute); NaN when there were no hours.
        public var worst: Double
        /// `YYYY-MM-DD hh:mm`, local standard time; empty when there were no hours.
        public var time: String

        public static let none = Excursion(hours: 0, worst: .nan, time: "")
    }

    /// Unmet cooling; worst: the largest unmet load, kW.
    public var unmetCooling: Excursion
    /// Inlet dry bulb outside the allowable range; worst: the inlet farthest outside it, °C (a single-zone hall's
    /// supply air; with air zones, the servers' inlets zone by zone, `/it/cluster_inlet_temp`).
    public var inletTemperature: Excursion
    /// Air zones: the zone with the most hours of inlet dry bulb outside the allowable range; empty for a
    /// single-zone hall or when no zone was outside.
    public var inletTemperatureZone: String
    /// Inlet moisture outside the allowable range; worst: the inlet dew point farthest outside it, °C.
    public var inletHumidity: Excursion
    /// Facility water above its W class; worst: the warmest supply, °C.
    public var waterClass: Excursion
    /// Heat recovery is configured but took no heat all year.
    public var heatRecoveryIdle: Bool
    /// The air class and water class checked, for messages.
    public var airClass: ASHRAEAirClass
    public var waterClassName: String

    public init(_ result: SimulationResult, annual: KPIs, totals: EnergyTotals) {
        let site = result.site, calendar = site.calendar, columns = result.columns
        func excursion(hours: Double, _ series: OutputSeries, scale: Double = 1, excess: (Double) -> Double) -> Excursion {
            guard hours > 0 else { return .none }
            var worst = WorstStep()
            for (step, value) in columns[series].enumerated() {
                worst.note(value: Double(value) * scale, excess: excess(Double(value)), step: step)
            }
            return Excursion(hours: hours, worst: worst.value, time: calendar.startTime(ofStep: max(0, worst.step)))
        }
        unmetCooling = excursion(hours: annual.unmetCoolingHours, .unmetCooling, scale: 1e-3) { $0 }
        let temperature = totals.worstInletTemperature
        inletTemperature = annual.inletTemperatureOutsideAllowableHours > 0 && temperature.step >= 0
            ? Excursion(hours: annual.inletTemperatureOutsideAllowableHours, worst: temperature.value,
                        time: calendar.startTime(ofStep: temperature.step))
            : .none
        inletTemperatureZone = ""
        if case .zones(let zones, _) = site.airSide,
           let zone = totals.zoneInletTemperatureOutsideAllowableHours.indices.max(by: {
               totals.zoneInletTemperatureOutsideAllowableHours[$0] < totals.zoneInletTemperatureOutsideAllowableHours[$1]
           }), totals.zoneInletTemperatureOutsideAllowableHours[zone] > 0 {
            inletTemperatureZone = zones.names[zone]
        }
        waterClass = excursion(hours: site.liquidLoop == nil ? 0 : annual.outsideWaterClassHours, .liquidSupplyTemp) { $0 }
        let humidity = totals.worstInletHumidity
        inletHumidity = annual.inletHumidityOutsideAllowableHours > 0 && humidity.step >= 0
            ? Excursion(hours: annual.inletHumidityOutsideAllowableHours, worst: humidity.value,
                        time: calendar.startTime(ofStep: humidity.step))
            : .none
        heatRecoveryIdle = site.heatRecovery != nil && !(annual.heatRecoveredMWh > 0)
        airClass = site.envelope.air
        waterClassName = site.envelope.liquid?.name ?? ""
    }

    /// True when anything failed.
    public var any: Bool { !messages.isEmpty }

    /// One sentence per failure, worst value and time included, for the terminal and the report.
    public var messages: [String] {
        var lines: [String] = []
        func line(_ what: String, _ excursion: Excursion, worst: String) {
            guard excursion.hours > 0 else { return }
            lines.append("\(what): \(formatFixed(excursion.hours, 1)) h; \(worst) \(formatFixed(excursion.worst, 1)) at \(excursion.time)")
        }
        let range = airClass.allowable.dryBulb
        line("Unmet cooling", unmetCooling, worst: "largest unmet load (kW)")
        line("IT inlet temperature outside ASHRAE \(airClass.name) allowable \(formatFixed(range.lowerBound, 0))–"
             + "\(formatFixed(range.upperBound, 0)) °C" + (inletTemperatureZone.isEmpty ? "" : " (most in zone \(inletTemperatureZone))"),
             inletTemperature, worst: "worst inlet (°C)")
        line("IT inlet humidity outside ASHRAE \(airClass.name) allowable", inletHumidity, worst: "worst inlet dew point (°C)")
        line("Facility water above " + (waterClassName.isEmpty ? "its W class" : "class \(waterClassName)"), waterClass,
             worst: "warmest supply (°C)")
        if heatRecoveryIdle {
            lines.append("Heat recovery recovered nothing all year: its source loop offered no heat the heat pump could take "
                + "(check heat_recovery.heat_pump.source and the district-heating temperatures)")
        }
        return lines
    }

    /// Each excursion's `/summary` names: its hours (a KPI), its worst value and its time.
    static var names: [(excursion: WritableKeyPath<PlantFailures, Excursion>, hours: String, worst: String, time: String)] {
        [
            (\.unmetCooling, "unmet_cooling_hours", "unmet_cooling_worst_kW", "unmet_cooling_worst_time"),
            (\.inletTemperature, "inlet_temperature_outside_allowable_hours", "inlet_temperature_worst_c", "inlet_temperature_worst_time"),
            (\.inletHumidity, "inlet_humidity_outside_allowable_hours", "inlet_dew_point_worst_c", "inlet_humidity_worst_time"),
            (\.waterClass, "water_outside_class_hours", "water_supply_worst_c", "water_outside_class_worst_time"),
        ]
    }
    static let idleName = "heat_recovery_idle", countName = "plant_failures", zoneName = "inlet_temperature_worst_zone"

    /// `/summary` attributes: each failure's worst value and time (NaN and "" when it did not happen; the
    /// hours are KPIs), whether configured heat recovery was idle (1) or not (0), how many kinds of failure
    /// occurred and, with air zones whose inlet left the allowable range, the zone with the most such hours.
    public var attributes: [ResultAttribute] {
        Self.names.flatMap { name in
            [ResultAttribute(name.worst, .double(self[keyPath: name.excursion].worst)),
             ResultAttribute(name.time, .string(self[keyPath: name.excursion].time))]
        } + [
            ResultAttribute(Self.idleName, .int(heatRecoveryIdle ? 1 : 0)),
            ResultAttribute(Self.countName, .int(messages.count)),
        ] + (inletTemperatureZone.isEmpty ? [] : [ResultAttribute(Self.zoneName, .string(inletTemperatureZone))])
    }

    /// The failures as a result file's `/summary` records them (for reports), with the classes checked.
    public init(summary: [ResultAttribute], airClass: ASHRAEAirClass, waterClassName: String) {
        func value(_ name: String) -> AttributeValue? { summary.first { $0.name == name }?.value }
        (unmetCooling, inletTemperature, inletHumidity, waterClass) = (.none, .none, .none, .none)
        if case .int(let idle)? = value(Self.idleName) { heatRecoveryIdle = idle == 1 } else { heatRecoveryIdle = false }
        if case .string(let zone)? = value(Self.zoneName) { inletTemperatureZone = zone } else { inletTemperatureZone = "" }
        self.airClass = airClass
        self.waterClassName = waterClassName
        for name in Self.names {
            guard case .double(let hours)? = value(name.hours), hours > 0 else { continue }
            var worst = Double.nan, time = ""
            if case .double(let recorded)? = value(name.worst) { worst = recorded }
            if case .string(let recorded)? = value(name.time) { time = recorded }
            self[keyPath: name.excursion] = Excursion(hours: hours, worst: worst, time: time)
        }
    }
}
