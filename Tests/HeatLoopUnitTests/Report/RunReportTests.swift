import Foundation
import HeatLoop
import HeatLoopReport
import Testing

/// A run's report built from a small in-memory result (two days, hourly), with and without heat recovery.
@Suite("Run report")
struct RunReportTests {
    static func document(heatRecovery: Bool, economics: Bool = false) -> ResultDocument {
        let steps = 48
        func series(_ name: String, _ value: (Int) -> Double) -> ResultSeries {
            ResultSeries(name: name, units: "W", longName: name, values: .float32((0..<steps).map { Float(value($0)) }))
        }
        let heat = heatRecovery ? 1.0 : 0.0
        let groups = [
            ResultGroup(name: "weather", series: [series("dry_bulb") { Double($0 % 24) - 5 }]),
            ResultGroup(name: "it", series: [series("power") { $0 == 3 ? 0 : 10e6 }]),
            ResultGroup(name: "facility", series: [series("power") { 11e6 + 1e4 * Double($0 % 24) }]),
            ResultGroup(name: "cooling", series: [ResultSeries(
                name: "mode", units: "1", longName: "mode",
                values: .int8((0..<steps).map { Int8($0 % 3) }, flagValues: [0, 1, 2], flagMeanings: ["free", "partial", "mechanical"]))]),
            ResultGroup(name: "heat_recovery", series: [
                series("available") { _ in heat * 8e6 }, series("recovered") { _ in heat * 6e6 },
                series("delivered") { heat * (5e6 + 1e5 * Double($0 % 24)) }, series("dh_demand") { _ in heat * 9e6 },
            ]),
        ]
        var summary = [
            ResultAttribute("it_energy_MWh", .double(480)), ResultAttribute("facility_energy_MWh", .double(535.2)),
            ResultAttribute("pue", .double(1.115)), ResultAttribute("erf", .double(heatRecovery ? 0.25 : 0)),
            ResultAttribute("heat_delivered_MWh", .double(heat * 250)), ResultAttribute("co2_avoided_t", .double(heat * 40)),
            ResultAttribute("dh_coverage", .double(heatRecovery ? 0.6 : .nan)),
            ResultAttribute("free_cooling_hours", .double(16)), ResultAttribute("partial_cooling_hours", .double(16)),
            ResultAttribute("mechanical_cooling_hours", .double(16)), ResultAttribute("unmet_cooling_hours", .double(0)),
            ResultAttribute("enefg_pue_required", .double(1.2)), ResultAttribute("enefg_erf_required", .double(0.1)),
            ResultAttribute("enefg_pass", .int(heatRecovery ? 1 : 0)),
            ResultAttribute("enefg_basis", .string("new data center (commissioned 2027-01-01)")),
            ResultAttribute("some_new_kpi", .double(4.5)),
        ]
        if economics {
            summary += [ResultAttribute("npv_eur", .double(-2.5e6)), ResultAttribute("payback_years", .double(.infinity)),
                        ResultAttribute("grant_eur", .double(1e6))]
        }
        let monthly = ResultTable(name: "monthly", dimension: "month", coordinate: .integers(Array(1...12)), columns: [
            ResultSeries(name: "it_energy_MWh", units: "MWh", longName: "", values: .float64(Array(repeating: 40, count: 12))),
            ResultSeries(name: "facility_energy_MWh", units: "MWh", longName: "", values: .float64(Array(repeating: 44.6, count: 12))),
            ResultSeries(name: "cooling_energy_MWh", units: "MWh", longName: "", values: .float64(Array(repeating: 3, count: 12))),
            ResultSeries(name: "heat_pump_energy_MWh", units: "MWh", longName: "", values: .float64(Array(repeating: .nan, count: 12))),
        ] + ["free_cooling_hours", "partial_cooling_hours", "mechanical_cooling_hours"].map {
            ResultSeries(name: $0, units: "h", longName: "", values: .float64(Array(repeating: 240, count: 12)))
        })
        let jobs = ResultTable(name: "jobs", dimension: "job", coordinate: .strings(["small", "llama-<70b>"]), columns: [
            ResultSeries(name: "energy_MWh", units: "MWh", longName: "", values: .float64([1, 900])),
            ResultSeries(name: "completed", units: "1", longName: "", values: .float64([1, 0])),
        ])
        var site = SiteSpec()
        (site.name, site.weather) = ("test", "x.epw")
        var cluster = ClusterSpec()
        (cluster.name, cluster.nodes, cluster.cooling) = ("a", 10, heatRecovery ? .dlc : .air)
        site.it.clusters = [cluster]
        if heatRecovery {
            site.heatRecovery = HeatRecoverySpec()
            site.heatRecovery?.heatPump.capacityMw = 8
            var demand = DegreeHoursSpec()
            demand.annualGwh = 20
            site.heatRecovery?.districtHeating.demand = .degreeHours(demand)
        }
        let resolved = site.resolved()
        let json = String(decoding: (try? JSONEncoder().encode(resolved)) ?? Data(), as: UTF8.self)
        return ResultDocument(
            attributes: [ResultAttribute("site", .string("test <site>")), ResultAttribute("site_config_json", .string(json)),
                         ResultAttribute("weather_file", .string("Weather/x.epw")), ResultAttribute("timestep_s", .int(3600))],
            time: TimeAxis(year: 2025, stepMinutes: 60, count: steps), groups: groups, summary: summary,
            summaryTables: [monthly, jobs])
    }

    /// `data-kpi="name" data-value="v"` pairs of the KPI table.
    static func tableValues(_ html: String) -> [String: String] {
        var values: [String: String] = [:]
        let pattern = #"data-kpi="([^"]+)" data-value="([^"]*)""#
        var rest = html[...]
        while let match = rest.range(of: pattern, options: .regularExpression) {
            let cell = String(rest[match])
            let parts = cell.components(separatedBy: "\"")
            values[parts[1]] = parts[3]
            rest = rest[match.upperBound...]
        }
        return values
    }

    @Test("key inputs come from the stored typed site: only the components the site has")
    func keyInputsFromTheTypedSite() throws {
        let withRecovery = RunReport(document: Self.document(heatRecovery: true, economics: false))
        let rows = Dictionary(withRecovery.keyInputs.map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(withRecovery.site?.heatRecovery?.heatPump.capacityMw == 8)
        #expect(rows["Cluster ‘a’"]?.contains("10 nodes") == true)
        #expect(rows["Cluster ‘a’"]?.contains("dlc cooling") == true)
        #expect(rows["Heat pump"]?.hasPrefix("8 MW") == true, "\(rows)")
        // The connection defaults to the heat pump's capacity in the design step.
        #expect(rows["District heating"]?.contains("connection 8 MW") == true, "\(rows)")
        #expect(rows["Liquid loop"] != nil)
        // The design basis the resolved site records (no weather here: the design step's fallback condition).
        #expect(rows["Plant sized for"] == "0.091 MW IT, 35 °C dry bulb, 24 °C wet bulb, sizing factor 1.15", "\(rows)")

        let airOnly = RunReport(document: Self.document(heatRecovery: false, economics: false))
        let labels = airOnly.keyInputs.map(\.label)
        #expect(!labels.contains("Heat pump") && !labels.contains("District heating") && !labels.contains("Liquid loop"),
                "\(labels)")
        #expect(!airOnly.hasHeatRecovery || airOnly.kpi("heat_available_MWh") > 0)
    }

    @Test("every chart is there, each well-formed, without NaN, and the KPI cells hold the exact values")
    func withHeatRecovery() {
        let report = RunReport(document: Self.document(heatRecovery: true, economics: true))
        let html = report.html()
        let svgs = SVGChecks.svgElements(in: html)
        #expect(svgs.count == RunReport.ChartID.all.count)
        for id in RunReport.ChartID.all {
            let svg = svgs.first { $0.contains("id=\"\(id)\"") } ?? ""
            #expect(SVGChecks.problems(svg, id: id).isEmpty, "\(SVGChecks.problems(svg, id: id))")
        }
        let values = Self.tableValues(html)
        #expect(values["pue"] == "1.115")
        #expect(values["facility_energy_MWh"] == "535.2")
        #expect(values["enefg_pass"].flatMap(Double.init) == 1)
        #expect(values["dh_coverage"] == "0.6")
        #expect(values["payback_years"] == "", "infinite payback has no number")
        #expect(values["grant_eur"] == "1000000.0", "an unknown economics KPI is listed")
        #expect(values["some_new_kpi"] == "4.5", "an unknown KPI is listed under Other")
        #expect(html.contains("test &lt;site&gt;"))
        #expect(html.contains("llama-&lt;70b&gt;"))
        #expect(html.contains("EnEfG §11: PASS"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count - 1 == svgs.count,
                "the only URLs are the SVG namespace")
    }

    @Test("without heat recovery the heat charts are marked empty, with their ids, and nothing is NaN")
    func withoutHeatRecovery() {
        let report = RunReport(document: Self.document(heatRecovery: false))
        #expect(!report.hasHeatRecovery)
        let html = report.html()
        for id in [RunReport.ChartID.heatDaily, RunReport.ChartID.heatDuration, RunReport.ChartID.heatHeatmap] {
            #expect(html.contains("<div class=\"no-data\" id=\"\(id)\">"))
        }
        for svg in SVGChecks.svgElements(in: html) { #expect(!SVGChecks.hasNonFiniteNumber(svg)) }
        #expect(html.contains("EnEfG §11: FAIL"))
    }

    @Test("the terminal summary has the verdict, mode hours, the KPI table with units and the largest job first")
    func terminal() {
        let text = RunReport(document: Self.document(heatRecovery: true)).terminalText()
        #expect(text.contains("EnEfG §11: PASS"))
        #expect(text.contains("Cooling modes: free 16 h · partial 16 h · mechanical 16 h"))
        #expect(text.contains("PUE (ISO/IEC 30134-2)"))
        #expect(text.contains("535"))
        let jobs = text.components(separatedBy: "Largest jobs").last ?? ""
        #expect(jobs.range(of: "llama-<70b>")!.lowerBound < jobs.range(of: "small")!.lowerBound)
    }

    @Test("hourly PUE is facility over IT energy and an hour without IT has none")
    func hourlyPUE() {
        let report = RunReport(document: Self.document(heatRecovery: true))
        #expect(report.hourly.pue.count == 48)
        #expect(report.hourly.pue[3].isNaN)
        #expect(report.hourly.pue[0] == 1.1)
        #expect(report.duration.delivered.first == 5e6 + 23e5)
    }
}

/// The plant's failures head the report and its terminal text; a verdict on a plant that left cooling
/// unmet reads `not assessed` (issue 15).
@Suite("Run report: failures")
struct RunReportFailureTests {
    static func failing() -> ResultDocument {
        var document = RunReportTests.document(heatRecovery: false)
        document.summary = document.summary.map { attribute in
            switch attribute.name {
            case "unmet_cooling_hours": ResultAttribute(attribute.name, .double(31))
            case "enefg_pass": ResultAttribute(attribute.name, .int(-1))
            default: attribute
            }
        } + [
            ResultAttribute("unmet_cooling_worst_kW", .double(472.9)),
            ResultAttribute("unmet_cooling_worst_time", .string("2025-07-21 15:30")),
            ResultAttribute("water_outside_class_hours", .double(2)),
            ResultAttribute("water_supply_worst_c", .double(41.25)),
            ResultAttribute("water_outside_class_worst_time", .string("2025-07-21 16:00")),
            ResultAttribute("heat_recovery_idle", .int(0)),
        ]
        return document
    }

    @Test("a banner lists each failure with its worst value and time")
    func banner() {
        let report = RunReport(document: Self.failing())
        let html = report.html()
        let banner = html.range(of: "class=\"banner failure\"")
        let verdict = html.range(of: "EnEfG §11:")
        #expect(banner != nil && verdict != nil && banner!.lowerBound < verdict!.lowerBound, "the banner comes first")
        #expect(html.contains("Unmet cooling: 31.0 h; largest unmet load (kW) 472.9 at 2025-07-21 15:30"))
        #expect(html.contains("41.3 at 2025-07-21 16:00") || html.contains("41.2 at 2025-07-21 16:00"))
        #expect(html.contains("EnEfG §11: not assessed (31 h unmet cooling)"))
        #expect(!html.contains("verdict pass") && !html.contains("verdict fail"))
        let text = report.terminalText()
        #expect(text.contains("WARNING: the plant did not do its job"))
        #expect(text.contains("EnEfG §11: not assessed (31 h unmet cooling)"))
    }

    @Test("no banner when the plant did its job")
    func noBanner() {
        let html = RunReport(document: RunReportTests.document(heatRecovery: true)).html()
        #expect(!html.contains("banner failure"))
    }
}
