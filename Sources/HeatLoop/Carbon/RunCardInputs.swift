/// What a run's result holds about its training jobs and its site, read once for the carbon cards:
/// `/summary/jobs`, the site KPIs, the per-cluster IT energy and the resolved site.
public struct RunCardInputs: Sendable {
    /// One row of `/summary/jobs`.
    public struct JobRow: Sendable, Equatable {
        public var name: String
        public var cluster: Int
        public var nodes: Int
        public var gpuHours: Double
        /// Energy at the nodes' plugs, MWh.
        public var energyMWh: Double
        /// Cooling and electrical losses in the steps the job ran (Σ E_step · (PUE_step − 1)), MWh.
        public var overheadMWh: Double
        /// CO2 of the facility energy at each step's grid intensity, t (NaN without carbon data).
        public var co2Tonnes: Double
        public var startHours: Double
        public var endHours: Double
        /// The start the site asked for, h (results before carbon-aware jobs: the start).
        public var requestedStartHours: Double
        /// CO2 a carbon-aware shift saved, t (0 without a shift).
        public var co2SavedByShiftTonnes: Double
        /// False when the job's work did not finish within the simulated year (the card covers the year).
        public var completed: Bool
    }

    public var jobs: [JobRow]
    public var site: SiteSpec
    /// The simulated year (the last one after `consecutive`).
    public var year: Int
    /// The first simulated year (`year` unless runs of several years were joined).
    public var firstYear: Int
    /// IT energy of each cluster over the run (Σ cluster_power · step), MWh, in `/it` cluster order.
    public var clusterEnergyMWh: [Double]
    public var siteITMWh: Double
    public var sitePUE: Double
    public var siteWUE: Double
    public var heatDeliveredMWh: Double
    public var co2AvoidedTonnes: Double

    public init(jobs: [JobRow], site: SiteSpec, year: Int, clusterEnergyMWh: [Double], siteITMWh: Double, sitePUE: Double,
                siteWUE: Double, heatDeliveredMWh: Double, co2AvoidedTonnes: Double) {
        self.jobs = jobs
        self.site = site
        self.year = year
        firstYear = year
        self.clusterEnergyMWh = clusterEnergyMWh
        self.siteITMWh = siteITMWh
        self.sitePUE = sitePUE
        self.siteWUE = siteWUE
        self.heatDeliveredMWh = heatDeliveredMWh
        self.co2AvoidedTonnes = co2AvoidedTonnes
    }

    /// Why a result cannot give carbon cards.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case noJobs
        case noSite
        case missing(String)
        case notConsecutive([Int])

        public var description: String {
            switch self {
            case .noJobs: "the result has no /summary/jobs: the site has no training workload"
            case .noSite: "the result does not store its site (site_config_json); re-run it with this version"
            case .missing(let what): "the result lacks \(what)"
            case .notConsecutive(let years):
                "results of years \(years.map(String.init).joined(separator: ", ")) are not consecutive years of one site"
            }
        }
    }

    /// From a run's result document (summary and tables) and its `/it/cluster_power` rows (W per step).
    public init(document: ResultDocument, clusterPower: [[Double]], site: SiteSpec?) throws(Problem) {
        guard let site else { throw .noSite }
        guard let table = document.summaryTables.first(where: { $0.name == "jobs" }),
              case .strings(let names) = table.coordinate, !names.isEmpty else { throw .noJobs }
        func column(_ name: String) throws(Problem) -> [Double] {
            guard let values = table.columns.first(where: { $0.name == name })?.values.doubles,
                  values.count == names.count else { throw .missing("/summary/jobs/\(name)") }
            return values
        }
        func kpi(_ name: String) throws(Problem) -> Double {
            guard let value = document.summaryValue(name)?.double else { throw .missing("/summary \(name)") }
            return value
        }
        let cluster = try column("cluster_index"), nodes = try column("nodes"), gpuHours = try column("gpu_hours")
        let energy = try column("energy_MWh"), overhead = try column("overhead_MWh"), co2 = try column("co2_operational_t")
        let start = try column("start_hours"), end = try column("end_hours")
        let requested = (try? column("requested_start_hours")) ?? start
        let saved = (try? column("co2_saved_by_shift_t")) ?? names.map { _ in 0 }
        let completed = try column("completed")
        jobs = names.indices.map { i in
            JobRow(name: names[i], cluster: Int(cluster[i]), nodes: Int(nodes[i]), gpuHours: gpuHours[i],
                   energyMWh: energy[i], overheadMWh: overhead[i], co2Tonnes: co2[i], startHours: start[i], endHours: end[i],
                   requestedStartHours: requested[i], co2SavedByShiftTonnes: saved[i], completed: completed[i] != 0)
        }
        let stepHours = Double(document.time.stepMinutes) / 60
        guard !clusterPower.isEmpty else { throw .missing("/it/cluster_power") }
        clusterEnergyMWh = clusterPower.map { $0.reduce(0, +) * stepHours / 1e6 }
        self.site = site
        year = document.time.year
        firstYear = year
        siteITMWh = try kpi("it_energy_MWh")
        sitePUE = try kpi("pue")
        siteWUE = try kpi("wue_L_per_kWh")
        heatDeliveredMWh = try kpi("heat_delivered_MWh")
        co2AvoidedTonnes = try kpi("co2_avoided_t")
    }
}
