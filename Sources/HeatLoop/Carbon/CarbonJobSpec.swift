extension AccountingBoundary: SpecChoice {
    public static var noun: String { "an accounting boundary" }
}

extension TrainingJobTerms.PowerDraw.Scope: SpecChoice {
    public static var noun: String { "a power scope" }
}

extension TrainingJobTerms.PowerDraw.Per: SpecChoice {
    public static var noun: String { "a power basis" }
}

/// PUE bases a job description may state (the simulated one comes only from a run).
public enum StatedPUEBasis: String, SpecChoice {
    case given, measured
    public static var noun: String { "a PUE basis" }
}

/// A training job described on its own for `heatloop card JOB.yaml`: the job's terms and the accounting
/// choices, one key each (the one home of these keys and their defaults).
public struct CarbonJobSpec: SpecSection {
    public var name = ""
    public var hardware = ""
    public var accelerators = 1
    public var acceleratorsPerNode = 8
    public var powerW = 0.0
    public var powerScope = TrainingJobTerms.PowerDraw.Scope.accelerators
    public var powerPer = TrainingJobTerms.PowerDraw.Per.accelerator
    public var restOfNodeWPerAccelerator: Double?
    public var hours: Double?
    public var gpuHours: Double?
    public var boundary = AccountingBoundary.nodeAndFacility
    public var pue: Double?
    public var pueBasis = StatedPUEBasis.given
    public var gridGPerKwh: Double?
    public var country: String?
    public var ppaShare = 0.0
    public var residualGPerKwh: Double?
    public var location: String?
    public var trainingType = "pre-training"
    public var networkStorageShare = 0.0
    public var idleKwh = 0.0
    public var wueLPerKwh: Double?
    public var ewifLPerKwh: Double?
    public var functionalUnit = "training run"
    public var functionalUnits = 1.0
    /// `[low, high]` around `pue`; empty: exact.
    public var pueRange: [Double] = []
    /// `[low, high]` around the grid intensity, g/kWh; empty: exact.
    public var gridRangeGPerKwh: [Double] = []
    public var gpuManufacturingKg: Double?
    public var serverManufacturingKg: Double?
    public var lifetimeYears: Double?
    public var hardwareUtilisation: Double?

    public init() {}

    typealias F = Field<CarbonJobSpec>

    /// The job's own terms.
    static let jobFields: [F] = [
        .text("name", \.name, doc: "The job's (model's) name.", required: "the job's name"),
        .text("hardware", \.hardware, doc: "Hardware as a model card names it, e.g. '512 H100 SXM'."),
        .integer("accelerators", \.accelerators, range: 1...10_000_000, doc: "Accelerators (GPUs) the job held.", required: true),
        .integer("accelerators_per_node", \.acceleratorsPerNode, range: 1...64, doc: "Accelerators per server (its share of embodied carbon)."),
        .number("power_w", \.powerW, unit: "W", range: 0...1e9, doc: "Mean power on the basis below.", required: true),
        .choice("power_scope", \.powerScope, doc: "What the power covers: accelerators (board power) or node (whole servers)."),
        .choice("power_per", \.powerPer, doc: "Whether the power is per accelerator or for the whole job."),
        .optionalNumber("rest_of_node_w_per_accelerator", \.restOfNodeWPerAccelerator, unit: "W", range: 0...10_000,
                        doc: "Host power per accelerator when the power covers accelerators only (needed for a node boundary)."),
        .optionalNumber("hours", \.hours, unit: "h", range: 0...1e7, doc: "Wall-clock hours of the job (or give gpu_hours)."),
        .optionalNumber("gpu_hours", \.gpuHours, unit: "h", range: 0...1e11, doc: "Accelerator-hours of the job (or give hours)."),
    ]

    /// The place and the accounting choices.
    static let accountingFields: [F] = [
        .choice("boundary", \.boundary, doc: "Accounting boundary: gpu-only, node or node+facility."),
        .optionalNumber("pue", \.pue, range: 1...5, doc: "PUE of the facility (needed for boundary node+facility)."),
        .choice("pue_basis", \.pueBasis, doc: "Whether the PUE is given (stated, e.g. by a paper) or measured at the site."),
        .optionalNumber("grid_g_per_kwh", \.gridGPerKwh, unit: "g/kWh", range: 0...2000, doc: "Grid intensity (or give country)."),
        .optionalText("country", \.country, doc: "ISO 3166 code: the country's annual average intensity.", normalise: { $0.uppercased() }),
        .number("ppa_share", \.ppaShare, range: 0...1, doc: "Share of the electricity covered by PPAs or guarantees of origin."),
        .optionalNumber("residual_g_per_kwh", \.residualGPerKwh, unit: "g/kWh", range: 0...2000,
                        doc: "Residual-mix intensity of the uncovered electricity.", derived: "the location-based intensity"),
        .optionalText("location", \.location,
                      doc: "Where the electricity was drawn (model card geographical_location); default the country's name."),
        .text("training_type", \.trainingType, doc: "pre-training, fine-tuning, …"),
        .number("network_storage_share", \.networkStorageShare, range: 0...1, doc: "Network and storage energy as a share of node energy."),
        .number("idle_kwh", \.idleKwh, unit: "kWh", range: 0...1e12, doc: "Idle or shared energy allocated to the job (node boundaries)."),
        .optionalNumber("wue_l_per_kwh", \.wueLPerKwh, unit: "L/kWh", range: 0...20, doc: "On-site water per kWh of IT energy.",
                        derived: "0.55 (Li et al. 2023)"),
        .optionalNumber("ewif_l_per_kwh", \.ewifLPerKwh, unit: "L/kWh", range: 0...100, doc: "Off-site water per kWh of electricity.",
                        derived: "3.14 (Li et al. 2023)"),
        .text("functional_unit", \.functionalUnit, doc: "What the SCI is per (e.g. '1e9 training tokens')."),
        .number("functional_units", \.functionalUnits, range: 1e-12...1e18, doc: "How many functional units the job produced."),
    ]

    /// Ranges and the embodied values a job may state instead of the defaults (EmbodiedAssumptions.default).
    static let uncertaintyFields: [F] = [
        .numbers("pue_range", \.pueRange, count: 2, range: 1...5, doc: "[low, high] PUE around `pue` (default: exact)."),
        .numbers("grid_range_g_per_kwh", \.gridRangeGPerKwh, count: 2, unit: "g/kWh", range: 0...2000,
                 doc: "[low, high] grid intensity around the central value (default: exact)."),
        .optionalNumber("gpu_manufacturing_kg", \.gpuManufacturingKg, unit: "kg", range: 0...100_000,
                        doc: "Embodied CO2e of one accelerator (e.g. from a product carbon footprint).",
                        derived: "150, range 60–318 (Docs/carbon.md)"),
        .optionalNumber("server_manufacturing_kg", \.serverManufacturingKg, unit: "kg", range: 0...1_000_000,
                        doc: "Embodied CO2e of one server without its accelerators.", derived: "2,500 ± 30 %"),
        .optionalNumber("lifetime_years", \.lifetimeYears, unit: "a", range: 0.5...30, doc: "Service life of the hardware.",
                        derived: "6, range 4–6"),
        .optionalNumber("hardware_utilisation", \.hardwareUtilisation, range: 0.01...1,
                        doc: "Share of its life the hardware is allocated to jobs.", derived: "0.85, range 0.6–1"),
    ]

    public static let schema = Schema<CarbonJobSpec>(jobFields + accountingFields + uncertaintyFields, check: { job, o in
        if (job.hours == nil) == (job.gpuHours == nil) {
            o["hours"].problem("give exactly one of 'hours' (wall-clock) or 'gpu_hours'")
        }
        if (job.gridGPerKwh == nil) == (job.country == nil) {
            o["grid_g_per_kwh"].problem("give exactly one of 'grid_g_per_kwh' or 'country' (e.g. FRA)")
        }
        if let code = job.country, GridCarbonTable.intensity(code: code) == nil {
            o["country"].problem("'\(code)' is not in the carbon table; expected an ISO 3166 alpha-3 code such as DEU, USA, FRA")
        }
        if job.pueRange.count == 2, let pue = job.pue, !(job.pueRange[0]...max(job.pueRange[0], job.pueRange[1])).contains(pue) {
            o["pue_range"].problem("pue \(formatNumber(pue)) lies outside pue_range; expected [low, high] around it")
        }
        if job.boundary == .nodeAndFacility && job.pue == nil {
            o["pue"].problem("boundary node+facility needs a 'pue' (or choose boundary node)")
        }
    })

    public var terms: TrainingJobTerms {
        TrainingJobTerms(name: name, hardware: hardware.isEmpty ? "\(accelerators) accelerators" : hardware,
                         accelerators: accelerators, acceleratorsPerNode: acceleratorsPerNode,
                         power: .init(watts: powerW, scope: powerScope, per: powerPer),
                         restOfNodeWattsPerAccelerator: restOfNodeWPerAccelerator,
                         duration: gpuHours.map { .gpuHours($0) } ?? .hours(hours ?? 0))
    }

    public var setting: CarbonCardSetting {
        let countryEntry = country.flatMap { GridCarbonTable.entry(code: $0) }
        let intensity: Double = gridGPerKwh ?? countryEntry?.gramsPerKilowattHour ?? 0
        let basis: FacilityOverhead.Basis = pueBasis == .given ? .given : .measured
        func ranged(_ central: Double, _ range: [Double]) -> Estimate {
            range.count == 2 ? Estimate(low: range[0], central: central, high: range[1]) : Estimate(exactly: central)
        }
        let facility: FacilityOverhead = pue.map { .pue(ranged($0, pueRange), basis) } ?? .pue(.zero, .none)
        let wue: (Estimate, WaterFootprint.Basis) = wueLPerKwh.map { (Estimate(exactly: $0), .stated) }
            ?? (WaterFootprint.defaultOnSiteLitresPerKWh, .default)
        let ewif: (Estimate, WaterFootprint.Basis) = ewifLPerKwh.map { (Estimate(exactly: $0), .stated) }
            ?? (WaterFootprint.defaultOffSiteLitresPerKWh, .default)
        let place: String = location ?? countryEntry?.name ?? "not stated"
        return CarbonCardSetting(
            boundary: boundary, facility: facility, intensity: ranged(intensity, gridRangeGPerKwh), intensityBasis: .annual,
            market: .init(coveredShare: ppaShare, residualGramsPerKWh: residualGPerKwh),
            location: place, trainingType: trainingType, networkStorageShare: Estimate(exactly: networkStorageShare),
            embodied: embodied, wue: wue, ewif: ewif, unit: .init(name: functionalUnit, count: functionalUnits))
    }

    /// The default assumptions with the values this job states replacing theirs (exact, source "stated").
    public var embodied: EmbodiedAssumptions {
        var a = EmbodiedAssumptions.default
        func stated(_ value: Double?, _ path: WritableKeyPath<EmbodiedAssumptions, EmbodiedAssumptions.Sourced>) {
            if let value { a[keyPath: path] = .init(Estimate(exactly: value), source: "stated in the job description") }
        }
        stated(gpuManufacturingKg, \.gpuManufacturingKg)
        stated(serverManufacturingKg, \.serverManufacturingKg)
        stated(lifetimeYears, \.lifetimeYears)
        stated(hardwareUtilisation, \.utilisation)
        return a
    }

    /// The card of the described job.
    public func card() throws(CarbonCardProblem) -> CarbonCard {
        try CarbonCard(terms: terms, setting: setting, idleShareKWh: Estimate(exactly: idleKwh))
    }
}
