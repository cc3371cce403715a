extension OutputSeries {
    /// `Docs/output-series.md`: the series of a result file as the table declares them, one section per
    /// group. A test fails when the committed file differs from this text.
    public static var referenceMarkdown: String {
        var lines = [
            "# Output series",
            "",
            "<!-- Generated from `OutputSeries` (Sources/HeatLoop/Results/OutputSeries.swift); do not edit.",
            "     Regenerate: REGENERATE_DOCS=1 swift test --skip-build --filter OutputSeriesTests -->",
            "",
            "The time series of a run's HDF5 result file (DESIGN §6), as declared in one table in the core. Every",
            "series is a variable of its group along `time` (step starts, UTC, `minutes since YYYY-01-01 00:00:00`,",
            "with `time_bnds` and `utc_offset_minutes`: [result-file.md](result-file.md)), per-cluster series are",
            "`[cluster, time]` with the cluster names as the `cluster` coordinate. Each variable carries `units`",
            "(UDUNITS; `MWh` and the like are stored as `MW h`, money with a `currency`) and `long_name`, and",
            "`standard_name` (CF standard-name table) and `cell_methods` (CF-1.8 §7.3) where given; flag series",
            "carry `flag_values` and `flag_meanings`.",
            "",
            "*per hour / month* is how step values combine into longer periods (the report's hourly charts):",
            "a ratio is Σ numerator / Σ denominator over the period, not the mean of the step ratios.",
            "",
            "A new series is a case of `OutputSeries` with its line in `descriptor`, and one line where its value",
            "is computed: `StepPlan.record` (step loop), `StepWeather.values(of:)` or",
            "`SimulationResult.derivedValues(of:)`. Columns, the file, its checks, the report and this page follow.",
        ]
        for group in OutputGroup.allCases {
            lines += [
                "", "## `/\(group.rawValue)`", "",
                "| variable | units | long_name | standard_name | cell_methods | per hour / month | storage | written |",
                "|---|---|---|---|---|---|---|---|",
            ]
            lines += group.series.map(\.referenceRow)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var referenceRow: String {
        let d = descriptor
        let storage = switch d.storage {
        case .float32: "float32"
        case .coolingModeFlags:
            "int8 flags " + zip(d.storage.flagValues, d.storage.flagMeanings).map { "\($0) \($1)" }.joined(separator: ", ")
        }
        let shape = d.dimension == .cluster ? " `[cluster, time]`" : ""
        let written = switch (d.presence, d.source) {
        case (.withLiquidLoop, _): "with a liquid loop"
        case (.withServerAirModel, _): "with the servers' air model (`ite`)"
        case (.always, .derived): "always (derived)"
        case (.always, _): "always"
        }
        let cells = ["`\(d.name)`\(shape)", "`\(d.units)`", d.longName, d.standardName.map { "`\($0)`" } ?? "—",
                     d.cellMethod.map { "`\($0.rawValue)`" } ?? "—", d.aggregation.description, storage, written]
        return "| " + cells.joined(separator: " | ") + " |"
    }
}
