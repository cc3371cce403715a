import Foundation
import HeatLoop

/// A run's HTML report: verdict and headline figures, the KPI table, the energy and heat charts, the
/// largest training jobs and the site's inputs, on one self-contained page.
extension RunReport {
    public func html() -> String {
        var body = [failuresBannerHTML(), enefgVerdictHTML(), HTMLPage.cards(headlineFigures)].filter { !$0.isEmpty }
        body.append(HTMLPage.section("Key figures", id: "kpis", [kpiTableHTML()]))
        if monthlyKPITable != nil {
            body.append(HTMLPage.section("Month by month", id: "monthly", [
                HTMLPage.paragraph("Energy, PUE, heat and unmet cooling per month of the simulated year (local standard "
                    + "time), and for the year; ERF and PUE of a month are its energy ratios.", className: "note"),
                monthlyTableHTML(),
            ]))
        }
        body.append(HTMLPage.section("Energy and cooling", id: "energy", [
            monthlyEnergyFigure(), coolingModesFigure(), pueVersusDryBulbFigure(),
        ]))
        body.append(HTMLPage.section("Heat for district heating", id: "heat", [
            heatDailyFigure(), heatDurationFigure(), heatHeatmapFigure(),
        ]))
        if let jobs, !jobs.coordinateLabels.isEmpty {
            body.append(HTMLPage.section("Training jobs", id: "jobs", [
                HTMLPage.paragraph("The \(min(10, jobs.coordinateLabels.count)) largest of \(jobs.coordinateLabels.count) "
                    + "jobs by energy at the meter; facility energy adds each job's share of cooling and losses "
                    + "(× the PUE of the steps it ran in).", className: "note"),
                jobTableHTML(jobs),
            ]))
        }
        var inputs = [HTMLPage.table(header: ["Input", "Value"],
                                     rows: keyInputs.map { [HTMLPage.Cell($0.label), HTMLPage.Cell($0.value)] },
                                     id: "site-inputs")]
        if let yaml = text("site_config") {
            inputs.append("<details><summary>The resolved site file (every setting, defaults filled in)</summary>"
                + "<pre>\(Markup.escaped(yaml))</pre></details>")
        }
        inputs.append(HTMLPage.paragraph(provenance, className: "note"))
        body.append(HTMLPage.section("Site inputs", id: "inputs", inputs))
        return HTMLPage.document(title: "\(siteName) — HeatLoop report", subtitle: subtitle, body: body)
    }

    /// "2025 · 15-minute steps · weather USA_IL_Chicago….epw · climate ‘warm-2050’: dry bulb +2 K every
    /// hour, …": a report shared on its own says which weather it was made in.
    var subtitle: String {
        var parts = ["\(year)", "\(stepMinutes)-minute steps"]
        if let weather = text("weather_file") { parts.append("weather " + (weather as NSString).lastPathComponent) }
        if let climate = text(ProvenanceKey.climate) {
            let description = text(ProvenanceKey.climateDescription) ?? ""
            parts.append(climate == ClimateScenario.asRecorded.name ? description
                         : "climate ‘\(climate)’" + (description.isEmpty ? "" : ": \(description)"))
        }
        return parts.joined(separator: " · ")
    }

    var provenance: String {
        var parts: [String] = []
        if let version = text("heatloop_version") {
            parts.append("HeatLoop \(version)" + (text(ProvenanceKey.gitRevision).map { " (git \($0))" } ?? ""))
        }
        if let created = text("created_utc") { parts.append("run \(created)") }
        if let command = text(ProvenanceKey.commandLine), !command.isEmpty { parts.append("command: \(command)") }
        if let place = text(ProvenanceKey.weatherLocation), let zone = text(ProvenanceKey.timeZone),
           let latitude = rootNumber(ProvenanceKey.latitude), let longitude = rootNumber(ProvenanceKey.longitude) {
            parts.append("\(place) (\(NumberText.grouped(latitude, decimals: 2))° N, \(NumberText.grouped(longitude, decimals: 2))° E, \(zone))")
        }
        if let hash = text("weather_sha256") { parts.append("weather file SHA-256 \(hash.prefix(16))…") }
        if let hash = text(ProvenanceKey.effectiveWeatherSHA256), !hash.isEmpty {
            parts.append("weather simulated SHA-256 \(hash.prefix(16))…")
        }
        return parts.joined(separator: " · ")
    }

    /// Four headline cards: PUE, ERF, heat delivered, CO2 avoided (or, without heat recovery, PUE, WUE,
    /// IT energy and operational CO2).
    var headlineFigures: [(label: String, value: String, className: String?)] {
        func card(_ name: String, _ label: String) -> (label: String, value: String, className: String?) {
            (label, KPICatalog.display(for: name).textWithUnit(kpi(name)), nil)
        }
        if hasHeatRecovery {
            return [card("pue", "PUE"), card("erf", "ERF"), card("heat_delivered_MWh", "Heat delivered"),
                    card("co2_avoided_t", "CO₂ avoided")]
        }
        return [card("pue", "PUE"), card("wue_L_per_kWh", "WUE"), card("it_energy_MWh", "IT energy"),
                card("co2_operational_t", "Operational CO₂")]
    }

    /// The ten largest jobs by energy at the meter.
    func jobTableHTML(_ jobs: ResultTable) -> String {
        let rows = Self.largestJobs(jobs).map { job in
            [HTMLPage.Cell(job.name)] + job.cells.map { HTMLPage.Cell($0.text, numeric: true, value: $0.value) }
        }
        return HTMLPage.table(header: ["Job"] + Self.jobColumns.map(\.header), rows: rows, id: "jobs-table")
    }

    static let jobColumns: [(name: String, header: String, decimals: Int)] = [
        ("nodes", "Nodes", 0), ("gpu_hours", "GPU-hours", 0), ("energy_MWh", "Energy (MWh)", 0),
        ("facility_energy_MWh", "Facility energy (MWh)", 0), ("co2_operational_t", "CO₂ (t)", 0),
        ("interruptions", "Interruptions", 0), ("completed", "Completed", 0),
    ]

    /// Up to ten jobs, largest energy first, with their cells as text and value.
    static func largestJobs(_ jobs: ResultTable) -> [(name: String, cells: [(text: String, value: Double)])] {
        let names = jobs.coordinateLabels
        let energy = jobs.column("energy_MWh") ?? Array(repeating: 0, count: names.count)
        let order = names.indices.sorted { (energy[$0].isFinite ? energy[$0] : 0) > (energy[$1].isFinite ? energy[$1] : 0) }
        return order.prefix(10).map { row in
            (names[row], jobColumns.map { column in
                let value = jobs.column(column.name).flatMap { row < $0.count ? $0[row] : nil } ?? .nan
                let text = column.name == "completed" ? (value == 1 ? "yes" : value == 0 ? "no" : NumberText.missing)
                    : NumberText.grouped(value, decimals: column.decimals)
                return (text, value)
            })
        }
    }
}
