extension ResultDocument {
    /// The result file's content (DESIGN §6) for a finished run: the series of `OutputSeries` the site
    /// has, the root attributes, `/summary` and its tables.
    public init(result: SimulationResult, summary: RunSummary, provenance: RunProvenance) {
        let site = result.site
        groups = OutputGroup.allCases.map { Self.seriesGroup($0, of: result) }
        time = TimeAxis(year: site.calendar.year, stepMinutes: site.calendar.stepMinutes, count: result.columns.count,
                        utcOffsetMinutes: provenance.location?.utcOffsetMinutes ?? 0)
        attributes = Self.rootAttributes(site: site, provenance: provenance)
        self.summary = Self.summaryAttributes(result: result, summary: summary)
        summaryTables = Self.summaryTables(result: result, summary: summary)
    }

    /// The `/summary` attributes of a finished run: its KPIs and the highest rack power. Also what a
    /// batch run without result files records for its summary table.
    public static func summaryAttributes(result: SimulationResult, summary: RunSummary) -> [ResultAttribute] {
        summary.attributes + [ResultAttribute(maximumRackPower.name, .double(result.maximumRackPower / 1e3))]
    }

    /// The `/summary` KPI the document adds to the run summary's: the peak power of a full rack, kW.
    public static let maximumRackPower = (name: "max_rack_kW", units: "kW",
                                          longName: "power of the most loaded full rack at the year's peak")

    /// One group's series and per-cluster matrices, in table order, with their declared attributes.
    static func seriesGroup(_ group: OutputGroup, of result: SimulationResult) -> ResultGroup {
        let present = group.series.filter { $0.descriptor.presence.isPresent(in: result.site) }
        let labels = result.site.clusters.map(\.name)
        return ResultGroup(
            name: group.rawValue,
            series: present.filter { $0.descriptor.dimension == .time }.map {
                ResultSeries($0, values: result.values(of: $0))
            },
            matrices: present.filter { $0.descriptor.dimension == .cluster }.map { series in
                let descriptor = series.descriptor
                guard case .float32(let values) = result.values(of: series) else {
                    preconditionFailure("per-cluster series are Float32 (\(series))")
                }
                return ResultMatrix(name: descriptor.name, units: descriptor.units, longName: descriptor.longName,
                                    cellMethods: descriptor.cellMethod?.rawValue,
                                    dimension: descriptor.dimension.rawValue, labels: labels, values: values)
            })
    }

    static func rootAttributes(site: Site, provenance: RunProvenance) -> [ResultAttribute] {
        [
            ResultAttribute("title", .string("HeatLoop simulation of \(site.name)")),
            ResultAttribute("heatloop_version", .string(provenance.heatloopVersion)),
            ResultAttribute("site", .string(site.name)),
            ResultAttribute("created_utc", .string(provenance.createdUTC)),
            ResultAttribute("site_config", .string(provenance.siteConfig)),
            ResultAttribute("site_config_json", .string(provenance.siteJSON)),
            ResultAttribute("weather_file", .string(provenance.weatherFile)),
            ResultAttribute("weather_sha256", .string(provenance.weatherSHA256)),
            ResultAttribute("weather_humidity_disagreement_hours", .int(provenance.weatherHumidityDisagreementHours)),
            ResultAttribute("timestep_s", .int(site.calendar.stepMinutes * 60)),
            ResultAttribute("Conventions", .string("CF-1.8")),
        ] + provenance.attributes
    }

    /// `/summary/monthly`, `/summary/jobs` (with training jobs) and `/summary/heat_duration` (with heat
    /// recovery).
    static func summaryTables(result: SimulationResult, summary: RunSummary) -> [ResultTable] {
        let monthlyNames = summary.annual.named
        var tables = [
            ResultTable(
                name: "monthly", dimension: "month", coordinate: .integers((1...12).map { Int32($0) }),
                columns: monthlyNames.indices.map { index in
                    let descriptor = monthlyNames[index]
                    return ResultSeries(name: descriptor.name, units: descriptor.units, longName: descriptor.longName,
                                        values: .float64(summary.monthly.map { $0.named[index].value }))
                }),
        ]
        if !result.jobs.isEmpty { tables.append(ResultTable(jobs: result.jobs)) }
        if result.site.heatRecovery != nil {
            tables.append(HeatDurationCurve(columns: result.columns, stepMinutes: result.site.calendar.stepMinutes).table)
        }
        return tables
    }
}
