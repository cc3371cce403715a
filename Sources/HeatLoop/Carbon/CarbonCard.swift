/// A carbon model card for one training job: energy by part within a stated boundary, operational CO2e
/// (location- and market-based), embodied CO2e, water, the heat it gave to district heating (beside, never
/// netted) and the SCI, each line with its range.
///
///     footprint = operational (location-based) + embodied
public struct CarbonCard: Sendable, Equatable {
    /// The job as a model card names it.
    public struct Job: Sendable, Equatable {
        public var name: String
        public var hardware: String
        public var accelerators: Int
        public var hours: Double
        public var gpuHours: Double
        /// Hugging Face `training_type`: "pre-training", "fine-tuning", …
        public var trainingType: String
        /// Hugging Face `geographical_location`: where the electricity was drawn.
        public var location: String
        /// Hugging Face `source`: how the figures were obtained.
        public var source: String

        public init(name: String, hardware: String, accelerators: Int, hours: Double, gpuHours: Double,
                    trainingType: String, location: String, source: String) {
            self.name = name
            self.hardware = hardware
            self.accelerators = accelerators
            self.hours = hours
            self.gpuHours = gpuHours
            self.trainingType = trainingType
            self.location = location
            self.source = source
        }
    }

    public var job: Job
    public var energy: JobEnergy
    public var operational: OperationalEmissions
    public var embodied: EmbodiedEmissions
    public var water: WaterFootprint
    public var heatReuse: HeatReuseCredit?
    public var sci: SoftwareCarbonIntensity
    /// A carbon-aware job's shift: hours later than requested, and the location-based CO2e it saved, kg
    /// (already in `operational`; shown so the saving is visible). Nil for a job that was not shifted.
    public var shift: (hours: Double, savedKg: Double)?

    public static func == (a: CarbonCard, b: CarbonCard) -> Bool {
        a.job == b.job && a.energy == b.energy && a.operational == b.operational && a.embodied == b.embodied
            && a.water == b.water && a.heatReuse == b.heatReuse && a.sci == b.sci
            && a.shift?.hours == b.shift?.hours && a.shift?.savedKg == b.shift?.savedKg
    }

    public init(job: Job, energy: JobEnergy, operational: OperationalEmissions, embodied: EmbodiedEmissions,
                water: WaterFootprint, heatReuse: HeatReuseCredit?, unit: SoftwareCarbonIntensity.FunctionalUnit) {
        self.job = job
        self.energy = energy
        self.operational = operational
        self.embodied = embodied
        self.water = water
        self.heatReuse = heatReuse
        sci = SoftwareCarbonIntensity(operationalLocationKg: operational.locationKg, embodiedKg: embodied.totalKg, unit: unit)
    }

    /// Operational (location-based) + embodied, kg CO2e.
    public var footprintKg: Estimate { operational.locationKg + embodied.totalKg }
}

/// Everything about the place and the accounting a card needs besides the job's own terms.
public struct CarbonCardSetting: Sendable, Equatable {
    public var boundary: AccountingBoundary
    public var facility: FacilityOverhead
    /// Location intensity, g/kWh, with its range.
    public var intensity: Estimate
    public var intensityBasis: OperationalEmissions.IntensityBasis
    public var market: OperationalEmissions.Market
    public var location: String
    public var trainingType: String
    public var networkStorageShare: Estimate
    public var embodied: EmbodiedAssumptions
    /// WUE (L/kWh of IT energy) and its basis; EWIF (L/kWh of electricity) and its basis.
    public var wue: (Estimate, WaterFootprint.Basis)
    public var ewif: (Estimate, WaterFootprint.Basis)
    public var unit: SoftwareCarbonIntensity.FunctionalUnit

    public init(boundary: AccountingBoundary, facility: FacilityOverhead, intensity: Estimate,
                intensityBasis: OperationalEmissions.IntensityBasis = .annual, market: OperationalEmissions.Market = .none,
                location: String, trainingType: String = "pre-training", networkStorageShare: Estimate = .zero,
                embodied: EmbodiedAssumptions = .default,
                wue: (Estimate, WaterFootprint.Basis) = (WaterFootprint.defaultOnSiteLitresPerKWh, .default),
                ewif: (Estimate, WaterFootprint.Basis) = (WaterFootprint.defaultOffSiteLitresPerKWh, .default),
                unit: SoftwareCarbonIntensity.FunctionalUnit = .trainingRun) {
        self.boundary = boundary
        self.facility = facility
        self.intensity = intensity
        self.intensityBasis = intensityBasis
        self.market = market
        self.location = location
        self.trainingType = trainingType
        self.networkStorageShare = networkStorageShare
        self.embodied = embodied
        self.wue = wue
        self.ewif = ewif
        self.unit = unit
    }

    public static func == (a: CarbonCardSetting, b: CarbonCardSetting) -> Bool {
        a.boundary == b.boundary && a.facility == b.facility && a.intensity == b.intensity
            && a.intensityBasis == b.intensityBasis && a.market == b.market && a.location == b.location
            && a.trainingType == b.trainingType && a.networkStorageShare == b.networkStorageShare
            && a.embodied == b.embodied && a.wue == b.wue && a.ewif == b.ewif && a.unit == b.unit
    }
}

extension CarbonCard {
    /// The card of a job described on its own (no simulated site): energy from the stated power and hours.
    public init(terms: TrainingJobTerms, setting: CarbonCardSetting, idleShareKWh: Estimate = .zero) throws(CarbonCardProblem) {
        let energy = try JobEnergy(terms: terms, boundary: setting.boundary, facility: setting.facility,
                                   networkStorageShare: setting.networkStorageShare, idleShareKWh: idleShareKWh)
        let job = Job(name: terms.name, hardware: terms.hardware, accelerators: terms.accelerators, hours: terms.hours,
                      gpuHours: terms.gpuHours, trainingType: setting.trainingType, location: setting.location,
                      source: "HeatLoop from stated terms (power × hours × PUE × grid intensity)")
        self.init(job: job, energy: energy, setting: setting, acceleratorsPerNode: terms.acceleratorsPerNode, heatReuse: nil)
    }

    /// Assembles a card from the job's energy and the setting.
    public init(job: Job, energy: JobEnergy, setting: CarbonCardSetting, acceleratorsPerNode: Int,
                heatReuse: HeatReuseCredit?) {
        let total = energy.totalKWh
        let operational = OperationalEmissions(energyKWh: total, intensity: setting.intensity,
                                               basis: setting.intensityBasis, market: setting.market)
        let embodied = EmbodiedEmissions(gpuHours: job.gpuHours, acceleratorsPerNode: acceleratorsPerNode,
                                         assumptions: setting.embodied)
        let water = WaterFootprint(itKWh: energy.itKWh, totalKWh: total, wue: setting.wue.0, wueBasis: setting.wue.1,
                                   ewif: setting.ewif.0, ewifBasis: setting.ewif.1)
        self.init(job: job, energy: energy, operational: operational, embodied: embodied, water: water,
                  heatReuse: heatReuse, unit: setting.unit)
    }
}
