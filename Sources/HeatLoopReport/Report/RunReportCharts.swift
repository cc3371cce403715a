import HeatLoop

/// The charts of a run's report, each an HTML figure holding one SVG with a fixed id.
extension RunReport {
    /// Chart ids, in page order (tests check each is present).
    public enum ChartID {
        public static let monthlyEnergy = "chart-monthly-energy"
        public static let coolingModes = "chart-cooling-modes"
        public static let pueVersusDryBulb = "chart-pue-dry-bulb"
        public static let heatDaily = "chart-heat-daily"
        public static let heatDuration = "chart-heat-duration"
        public static let heatHeatmap = "chart-heat-heatmap"
        public static let all = [monthlyEnergy, coolingModes, pueVersusDryBulb, heatDaily, heatDuration, heatHeatmap]
    }

    static let modeNames = ["free cooling", "partial", "mechanical"]
    static let modeColors = [Palette.blue, Palette.orange, Palette.vermillion]

    func monthlyEnergyFigure() -> String {
        let title = "Monthly energy by end use"
        guard let monthly, let it = monthly.column("it_energy_MWh"), let facility = monthly.column("facility_energy_MWh"),
              let cooling = monthly.column("cooling_energy_MWh") else {
            return HTMLPage.missingFigure(title, id: ChartID.monthlyEnergy, reason: "The file has no /summary/monthly table.")
        }
        let heatPump = monthly.column("heat_pump_energy_MWh") ?? Array(repeating: 0, count: it.count)
        let losses = it.indices.map { max(0, facility[$0] - it[$0] - cooling[$0]) }
        let totals = it.indices.map { [it[$0], cooling[$0], losses[$0], heatPump[$0]].filter(\.isFinite).reduce(0, +) }
        let unit = ChartUnits.energy(peakMWh: totals.max() ?? 0)
        func scaled(_ values: [Double]) -> [Double] { values.map { $0 / unit.megawattHours } }
        let chart = StackedBarChart(
            categories: ChartUnits.monthLabels(monthly.coordinateLabels),
            layers: [
                BarSeries(name: "IT", color: Palette.blue, values: scaled(it)),
                BarSeries(name: "cooling", color: Palette.skyBlue, values: scaled(cooling)),
                BarSeries(name: "electrical losses and misc.", color: Palette.orange, values: scaled(losses)),
                BarSeries(name: "heat pump", color: Palette.vermillion, values: scaled(heatPump)),
            ],
            xTitle: "", yTitle: "electricity per month (\(unit.name))", valueUnit: unit.name)
        return HTMLPage.figure(
            title, reading: "Each bar is a month's electricity: IT at the bottom, then cooling, electrical losses with "
                + "lighting and miscellaneous loads, and on top the heat pump (outside the PUE boundary under EnEfG §11).",
            svg: chart.svg(id: ChartID.monthlyEnergy, title: title))
    }

    func coolingModesFigure() -> String {
        let title = "Cooling modes by month"
        let names = ["free_cooling_hours", "partial_cooling_hours", "mechanical_cooling_hours"]
        guard let monthly, case let columns = names.compactMap({ monthly.column($0) }), columns.count == 3 else {
            return HTMLPage.missingFigure(title, id: ChartID.coolingModes, reason: "The file has no monthly cooling-mode hours.")
        }
        let chart = StackedBarChart(
            categories: ChartUnits.monthLabels(monthly.coordinateLabels),
            layers: (0..<3).map { BarSeries(name: Self.modeNames[$0], color: Self.modeColors[$0], values: columns[$0]) },
            xTitle: "", yTitle: "hours per month (h)", valueUnit: "h", height: 280)
        return HTMLPage.figure(
            title, reading: "Hours each month the plant ran in free cooling (no compressor), partial cooling (economiser "
                + "with chiller trim) and mechanical cooling.",
            svg: chart.svg(id: ChartID.coolingModes, title: title))
    }

    func pueVersusDryBulbFigure() -> String {
        let title = "PUE against outdoor temperature"
        let count = min(hourly.pue.count, hourly.dryBulb.count)
        guard count > 0 else {
            return HTMLPage.missingFigure(title, id: ChartID.pueVersusDryBulb, reason: "The file has no PUE or dry-bulb series.")
        }
        var byMode: [[ChartPoint]] = [[], [], []]
        var unknown: [ChartPoint] = []
        for hour in 0..<count {
            let point = ChartPoint(x: hourly.dryBulb[hour], y: hourly.pue[hour])
            guard point.isFinite else { continue }
            let mode = hour < hourly.coolingMode.count ? hourly.coolingMode[hour] : .nan
            if mode.isFinite, let index = Int(exactly: mode), byMode.indices.contains(index) {
                byMode[index].append(point)
            } else {
                unknown.append(point)
            }
        }
        var groups = (0..<3).map {
            ScatterChart.Group(name: Self.modeNames[$0], color: Self.modeColors[$0], points: byMode[$0], radius: 1.6)
        }
        if !unknown.isEmpty {
            groups.append(ScatterChart.Group(name: "mode not recorded", color: Palette.missing, points: unknown, radius: 1.7))
        }
        let chart = ScatterChart(groups: groups, xTitle: "outdoor dry-bulb temperature (°C)",
                                 yTitle: "hourly PUE (facility ÷ IT energy)")
        return HTMLPage.figure(
            title, reading: "One dot per hour: that hour's PUE against the outdoor dry-bulb temperature, coloured by the "
                + "cooling mode used most in the hour.",
            svg: chart.svg(id: ChartID.pueVersusDryBulb, title: title))
    }

    /// The heat series' common unit (MW for a campus, kW for a small room).
    var heatUnit: (name: String, watts: Double) {
        ChartUnits.power(peak: (hourly.heatAvailable + hourly.heatDemand + hourly.heatDelivered)
            .filter(\.isFinite).max() ?? 0)
    }

    /// How each heat series is drawn, the same in every heat chart.
    enum HeatSeries {
        case available, recovered, delivered, demand

        var name: String {
            switch self {
            case .available: "heat available"
            case .recovered: "recovered"
            case .delivered: "delivered to DH"
            case .demand: "DH demand"
            }
        }

        var color: String {
            switch self {
            case .available: Palette.orange
            case .recovered: Palette.bluishGreen
            case .delivered: Palette.vermillion
            case .demand: Palette.black
            }
        }
    }

    /// `values` (W) as a line in `unit`, value `k` at x = `firstX + k`.
    func heatLine(_ series: HeatSeries, _ values: [Double], unit: (name: String, watts: Double),
                  firstX: Double) -> LineChart.Series {
        LineChart.Series(name: series.name, color: series.color, points: values.indices.map {
            ChartPoint(x: firstX + Double($0), y: values[$0] / unit.watts)
        }, dashed: series == .demand)
    }

    func heatDailyFigure() -> String {
        let title = "Heat over the year (daily means)"
        guard hasHeatRecovery, !hourly.heatDelivered.isEmpty else {
            return HTMLPage.missingFigure(title, id: ChartID.heatDaily, reason: noHeatReason)
        }
        let unit = heatUnit
        let lines: [(HeatSeries, [Double])] = [(.available, hourly.heatAvailable), (.recovered, hourly.heatRecovered),
                                                (.delivered, hourly.heatDelivered), (.demand, hourly.heatDemand)]
        let days = Double((hourly.heatDelivered.count + 23) / 24)
        let chart = LineChart(
            series: lines.map { heatLine($0.0, SeriesAggregation.dailyMeans($0.1), unit: unit, firstX: 0.5) },
            xTitle: "", yTitle: "heat, daily mean (\(unit.name))",
            xAxis: FixedAxis(lower: 0, upper: days, ticks: ChartUnits.monthTicksAlongDays.filter { $0.value < days }))
        return HTMLPage.figure(
            title, reading: "Heat the data center offers to heat recovery, heat recovered from its loops, heat delivered "
                + "to the district-heating network, and the network's demand. Demand above delivered is bought "
                + "elsewhere; available above recovered is rejected outdoors.",
            svg: chart.svg(id: ChartID.heatDaily, title: title))
    }

    func heatDurationFigure() -> String {
        let title = "Heat duration curves"
        guard hasHeatRecovery, !duration.delivered.isEmpty else {
            return HTMLPage.missingFigure(title, id: ChartID.heatDuration, reason: noHeatReason)
        }
        let unit = heatUnit
        let hours = Double(max(duration.available.count, duration.demand.count, duration.delivered.count))
        let lines: [(HeatSeries, [Double])] = [(.available, duration.available), (.delivered, duration.delivered),
                                                (.demand, duration.demand)]
        let chart = LineChart(
            series: lines.map { heatLine($0.0, $0.1, unit: unit, firstX: 1) },
            xTitle: "hours of the year at or above the level (h)", yTitle: "heat, hourly mean (\(unit.name))",
            xAxis: FixedAxis(lower: 0, upper: hours, ticks: LinearScale(lower: 0, upper: hours, start: 0, end: 1)
                .labelledTicks))
        return HTMLPage.figure(
            title, reading: "Each curve is one series' hourly values sorted from the largest: read across from a level "
                + "to see for how many hours a year it is reached.",
            svg: chart.svg(id: ChartID.heatDuration, title: title))
    }

    func heatHeatmapFigure() -> String {
        let title = "Heat delivered, day by hour"
        guard hasHeatRecovery, !hourly.heatDelivered.isEmpty else {
            return HTMLPage.missingFigure(title, id: ChartID.heatHeatmap, reason: noHeatReason)
        }
        let unit = heatUnit
        let grid = SeriesAggregation.dayHourGrid(hourly.heatDelivered.map { $0 / unit.watts })
        let days = Double(grid.first?.count ?? 0)
        let chart = HeatmapChart(
            values: grid, colors: .sequential(covering: grid.flatMap { $0 }, targetClasses: 7),
            columnTitle: "day of the year", columnTicks: ChartUnits.monthTicksAlongDays.filter { $0.value < days },
            rowTitle: "hour of the day",
            rowTicks: stride(from: 0, to: 24, by: 3).map { AxisTick(value: Double($0) + 0.5, label: "\($0):00") },
            colorBarTitle: "heat delivered (\(unit.name))", height: 330)
        return HTMLPage.figure(
            title, reading: "Hourly mean heat delivered to the network: one column per day, one row per hour of the day "
                + "(local standard time of the weather file). Colours are classes, read them on the bar at the right.",
            svg: chart.svg(id: ChartID.heatHeatmap, title: title))
    }

    private var noHeatReason: String {
        "This site has no heat recovery or district-heating demand, so there is no heat to chart."
    }
}
