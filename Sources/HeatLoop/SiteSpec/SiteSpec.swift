/// A site description as written in a site file (DESIGN §4): field names and units as on disk. Every key,
/// its default and its range is declared once, in the `schema` of its section; `SiteSpec.decode` reads a
/// tree through them, `designed()` fills the derived values, `Site(designed:)` converts to SI models.
public struct SiteSpec: SpecSection {
    public var name = ""
    /// Path of the weather file, relative to the site file.
    public var weather = ""
    /// Calendar year simulated (365 days; labels dates and weekdays).
    public var year = 2025
    public var timestepMin = 15
    /// IT power the plant is sized for, MW; default every cluster at full utilisation.
    public var designItMw: Double?
    /// Outdoor design dry bulb, °C; default the weather file's 0.4 % value (`DesignAmbient`).
    public var designDryBulbC: Double?
    /// Outdoor design wet bulb, °C; default the weather file's 1 % value.
    public var designWetBulbC: Double?
    /// Heat-rejection capacities not given are the design heat × this (ASHRAE 90.1-2019 G3.1.2.2: 15 % for cooling).
    public var designSizingFactor = 1.15
    public var it = ITSpec()
    public var electrical = ElectricalSpec()
    public var cooling = CoolingSpec()
    public var heatRecovery: HeatRecoverySpec?
    public var carbon: CarbonSpec?
    public var compliance: ComplianceSpec?
    public var economics: EconomicsSpec?

    public init() {}

    /// The key of a site's own uncertainty section, which the file layer reads (`UncertaintySpec`).
    public static let uncertaintyKey = "uncertainty"

    public static let schema = Schema<SiteSpec>([
        .text("name", \.name, doc: "The site's name; names the output file.", required: "the site's name, used for the output file"),
        .file("weather", \.weather, what: "weather file", doc: "EPW weather file, relative to the site file.",
              required: "path of an EPW weather file, relative to this file"),
        .integer("year", \.year, range: 1900...2200, doc: "Calendar year simulated (365 days; a leap year is rejected)."),
        .integer("timestep_min", \.timestepMin, unit: "min", range: 1...60,
                 doc: "Step length; one of " + SimulationCalendar.allowedStepMinutes.map(String.init).joined(separator: ", ") + "."),
        .optionalNumber("design_it_mw", \.designItMw, unit: "MW", range: 0.000_001...100_000,
                        doc: "IT power every plant is sized for (with the fan, pump and loss heat its loops carry).",
                        derived: "every cluster at full utilisation"),
        .optionalNumber("design_dry_bulb_c", \.designDryBulbC, unit: "°C", range: -30...60,
                        doc: "Outdoor dry bulb the plant is sized for.",
                        derived: "the weather file's 0.4 % annual dry bulb (ASHRAE Fundamentals ch. 14)"),
        .optionalNumber("design_wet_bulb_c", \.designWetBulbC, unit: "°C", range: -30...40,
                        doc: "Outdoor wet bulb the plant is sized for (towers, adiabatic pads).",
                        derived: "the weather file's 1 % annual wet bulb (ASHRAE Fundamentals ch. 14)"),
        .number("design_sizing_factor", \.designSizingFactor, range: 1...3,
                doc: "Heat-rejection capacities not given are the design heat times this (ASHRAE 90.1-2019 G3.1.2.2: 1.15)."),
        .section("it", \.it, doc: "The IT equipment.", required: "a list of clusters, or load_mw"),
        .section("electrical", \.electrical, doc: "UPS and distribution losses, misc loads."),
        // A site whose clusters are all air-cooled has no facility-water loop: its resolved file says nothing of one.
        .section("cooling", \.cooling, doc: "The liquid (facility-water) and air loops.")
            .omitting("liquid", when: { !$0.hasLiquidLoop }),
        .optionalSection("heat_recovery", \.heatRecovery, doc: "Heat pump, exchangers, storage and the district-heating network."),
        .optionalSection("carbon", \.carbon, doc: "Grid carbon intensity and the heat's displaced emissions."),
        .optionalSection("compliance", \.compliance, doc: "German EnEfG targets by commissioning date."),
        .optionalSection("economics", \.economics, doc: "The heat-reuse project's economics (needs heat_recovery)."),
        .readElsewhere(uncertaintyKey, doc: "Samples, seed, weather ensemble and uncertain inputs of `heatloop run SITE --ensemble N`: "
                           + "the keys of an uncertainty file without `name` (Docs/uncertainty.md). `--uncertainty FILE` replaces it; "
                           + "a single run ignores it."),
    ], check: { site, o in
        if !site.name.isEmpty, site.name.contains("/") || site.name.hasPrefix(".")
            || site.name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            o["name"].problem("'\(site.name.debugDescription.dropFirst().dropLast())' cannot name an output file "
                + "(no '/', leading '.' or control characters); use letters, digits, '-' and '_'")
        }
        if site.name.count > InputLimits.maximumSiteNameLength {
            o["name"].problem("the name is \(site.name.count) characters long; at most \(InputLimits.maximumSiteNameLength) "
                + "(it names the output file)")
        }
        if SimulationCalendar.isLeap(site.year) {
            o["year"].problem("\(site.year) is a leap year; HeatLoop simulates 365-day years, use e.g. \(site.year + 1)")
        }
        if !SimulationCalendar.allowedStepMinutes.contains(site.timestepMin) {
            o["timestep_min"].problem("\(site.timestepMin) does not divide an hour; expected one of "
                + SimulationCalendar.allowedStepMinutes.map(String.init).joined(separator: ", "))
        }
        if site.economics != nil, site.heatRecovery == nil {
            o["economics"].problem("economics appraise a heat-reuse project; add 'heat_recovery' or remove 'economics'")
        }
        for (index, cluster) in site.it.clusters.enumerated() {
            cluster.checkDates(year: site.year, o.at("it.clusters[\(index)]"))
        }
        if let dryBulb = site.designDryBulbC, let wetBulb = site.designWetBulbC, wetBulb > dryBulb {
            o["design_wet_bulb_c"].problem("\(formatNumber(wetBulb)) °C is above the design dry bulb (\(formatNumber(dryBulb)) °C); "
                + "a wet bulb is at most the dry bulb")
        }
        site.checkHeatPumpSource(o)
        site.cooling.air.checkClass(o.at("cooling.air"))
        site.checkZones(o)
    })
}

public struct ITSpec: SpecSection {
    public var clusters: [ClusterSpec] = []
    /// A generic IT load, MW: shorthand for one more cluster (`loadCluster`), for a hall known only by its
    /// power. `designed()` replaces it by that cluster, so the resolved site lists clusters only.
    public var loadMw: Double?

    public init() {}

    /// The name of the cluster `load_mw` stands for.
    public static let loadClusterName = "it-load"

    public static let schema = Schema<ITSpec>([
        .list("clusters", \.clusters, doc: "Groups of identical nodes with one cooling class and workload; required unless `load_mw` is given.",
              maximumCount: InputLimits.maximumClusters),
        .optionalNumber("load_mw", \.loadMw, unit: "MW", range: 0.001...10_000,
                        doc: "A generic IT load: a cluster named '\(loadClusterName)' of the default node (every `node` default: "
                            + "\(formatNumber(NodeSpec().power.maximum.value / 1000)) kW at full load), direct liquid cooling and a "
                            + "constant workload, with as many nodes as draw this load at full utilisation (whole nodes, at least one). "
                            + "Beside `clusters` or instead of them.",
                        derived: "none"),
    ], check: { it, o in
        if !o["load_mw"].isPresent, !o["clusters"].isPresent { o.missing("clusters", "a list of clusters, or load_mw") }
        if o["clusters"].node?.sequenceItems?.isEmpty == true { o["clusters"].problem("at least one cluster is needed") }
        if it.loadMw != nil, it.clusters.contains(where: { $0.name == loadClusterName }) {
            o["load_mw"].problem("load_mw adds a cluster named '\(loadClusterName)'; rename the cluster of that name")
        }
        var seen = Set<String>()
        for (index, cluster) in it.clusters.enumerated() where !cluster.name.isEmpty {
            if !seen.insert(cluster.name).inserted { o.at("clusters[\(index)]").problem("duplicate cluster name '\(cluster.name)'") }
        }
    })
}

public struct ElectricalSpec: SpecSection {
    public var upsEfficiency = 0.96
    /// UPS efficiency at no load relative to design (1: flat, as EnergyPlus's data-center examples).
    public var upsLowLoadFactor = 0.9
    public var distributionLossPct = 1.5
    /// Lighting and misc loads; default 1 % of design IT power.
    public var miscKw: Double?
    /// Share of electrical losses whose heat goes to the air loop.
    public var lossHeatToAir = 1.0
    /// Water consumed to generate the grid's electricity, L/kWh (for the source WUE).
    public var gridWaterLPerKwh: Double?

    public init() {}

    public static let schema = Schema<ElectricalSpec>([
        .number("ups_efficiency", \.upsEfficiency, range: 0.5...1, doc: "UPS efficiency at design load.",
                hint: "a UPS converts at least half its input"),
        .number("ups_low_load_factor", \.upsLowLoadFactor, range: 0.5...1,
                doc: "UPS efficiency at no load relative to design (1: flat)."),
        .number("distribution_loss_pct", \.distributionLossPct, unit: "%", range: 0...20, doc: "Distribution losses, share of IT power."),
        .optionalNumber("misc_kw", \.miscKw, unit: "kW", range: 0...1e6, doc: "Lighting and miscellaneous loads.",
                        derived: "1 % of the design IT power"),
        .number("loss_heat_to_air", \.lossHeatToAir, range: 0...1, doc: "Share of electrical losses whose heat goes to the air loop."),
        .optionalNumber("grid_water_l_per_kwh", \.gridWaterLPerKwh, unit: "L/kWh", range: 0...100,
                        doc: "Water consumed per kWh of grid electricity (energy water intensity factor): gives the source WUE.",
                        derived: "none: the source WUE is not assessed"),
    ])
}

/// Grid intensity from exactly one of: a constant, a country's annual average, an hourly CSV.
public struct CarbonSpec: SpecSection {
    public var gridGPerKwh: Double?
    /// ISO 3166 alpha-3 code (or alpha-2), looked up in the shipped table.
    public var country: String?
    /// CSV with `time` and a `*g_per_kwh` column (hourly or any regular interval), relative to the site file.
    public var gridCsv: String?
    public var column = "g_per_kwh"
    /// Natural-gas boiler: 202 g/kWh fuel / 0.9 efficiency.
    public var displacedHeatGPerKwh = 224.0
    /// A PUE measured at the site (ISO/IEC 30134-2) that carbon cards use instead of the simulated one.
    public var measuredPue: Double?
    /// Share of the site's electricity covered by PPAs or guarantees of origin (market-based CO2e).
    public var ppaShare = 0.0
    /// Residual-mix intensity for the electricity instruments do not cover, g/kWh.
    public var residualGPerKwh: Double?

    public init() {}

    public static let schema = Schema<CarbonSpec>([
        .optionalNumber("grid_g_per_kwh", \.gridGPerKwh, unit: "g/kWh", range: 0...2000, doc: "A constant grid intensity."),
        .optionalText("country", \.country, doc: "ISO 3166 alpha-3 (or alpha-2) code: the country's annual average.",
                      normalise: { $0.uppercased() }),
        .optionalFile("grid_csv", \.gridCsv, what: "carbon CSV",
                      doc: "CSV with `time` (local standard time) or `time_utc` (UTC) and a `*g_per_kwh` column (any regular interval), relative to the site file.",
                      column: ("column", \.column), accepting: [.gramsPerKilowattHour]),
        .text("column", \.column, doc: "Column of `grid_csv` read."),
        .number("displaced_heat_g_per_kwh", \.displacedHeatGPerKwh, unit: "g/kWh", range: 0...2000,
                doc: "Emissions of the heat the recovered heat displaces (gas boiler: 202 g/kWh fuel / 0.9)."),
        .optionalNumber("measured_pue", \.measuredPue, range: 1...5,
                        doc: "PUE measured at the site (ISO/IEC 30134-2); carbon cards use it instead of the simulated one.",
                        derived: "the simulated PUE of the hours each job ran"),
        .number("ppa_share", \.ppaShare, range: 0...1,
                doc: "Share of the electricity covered by PPAs or guarantees of origin (market-based CO2e in carbon cards)."),
        .optionalNumber("residual_g_per_kwh", \.residualGPerKwh, unit: "g/kWh", range: 0...2000,
                        doc: "Residual-mix intensity of the electricity not covered by instruments (market-based CO2e).",
                        derived: "the location-based intensity"),
    ], check: { carbon, o in
        if [o["grid_g_per_kwh"], o["country"], o["grid_csv"]].filter(\.isPresent).count != 1 {
            o["grid_g_per_kwh"].problem("give exactly one of 'grid_g_per_kwh' (a constant), 'country' (e.g. DEU) "
                + "or 'grid_csv' (an hourly CSV with a g_per_kwh column)")
        }
        if let code = carbon.country, GridCarbonTable.intensity(code: code) == nil {
            let suggestions = GridCarbonTable.suggestions(for: code).prefix(3)
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
            o["country"].problem("'\(code)' is not in the carbon table\(hint); expected an ISO 3166 alpha-3 code such as DEU, USA, FRA")
        }
    })
}

public struct ComplianceSpec: SpecSection {
    /// `YYYY-MM-DD`.
    public var commissioningDate = ""

    public init() {}

    public static let schema = Schema<ComplianceSpec>([
        .date("commissioning_date", \.commissioningDate, time: false, doc: "Date the data center went into operation.",
              required: "a date YYYY-MM-DD"),
    ])
}
