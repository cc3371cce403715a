import HeatLoop

/// The object `heatloop run --json` prints: `site`, `output`, `max_rack_kW`, every `/summary` attribute
/// under its own name, and `jobs`. Numbers that are not finite are `null`.
struct RunSummaryJSON: Encodable {
    var site: String
    var output: String
    var maxRackKW: Double
    var summary: [ResultAttribute]
    var jobs: [Job]

    init(result: SimulationResult, summary: RunSummary, output: String) {
        site = result.site.name
        self.output = output
        maxRackKW = result.maximumRackPower / 1e3
        self.summary = summary.attributes
        jobs = result.jobs.map { Job($0, cluster: result.site.clusters[$0.cluster].name) }
    }

    /// A training job's totals (`/summary/jobs`).
    struct Job: Encodable {
        var name: String
        var cluster: String
        var nodes: Int
        var gpuHours: JSONNumber
        var energyMWh: JSONNumber
        var facilityEnergyMWh: JSONNumber
        var co2Tonnes: JSONNumber
        var interruptions: Int
        var lostWorkHours: JSONNumber
        var completed: Bool

        init(_ job: JobSummary, cluster: String) {
            (name, self.cluster, nodes, interruptions, completed) = (job.name, cluster, job.nodes, job.interruptions, job.completed)
            gpuHours = JSONNumber(job.gpuHours)
            energyMWh = JSONNumber(job.energyMWh)
            facilityEnergyMWh = JSONNumber(job.facilityEnergyMWh)
            co2Tonnes = JSONNumber(job.co2Tonnes)
            lostWorkHours = JSONNumber(job.lostWorkHours)
        }

        enum CodingKeys: String, CodingKey {
            case name, cluster, nodes, interruptions, completed
            case gpuHours = "gpu_hours", energyMWh = "energy_MWh", facilityEnergyMWh = "facility_energy_MWh"
            case co2Tonnes = "co2_operational_t", lostWorkHours = "lost_work_hours"
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(site, forKey: Key("site"))
        try container.encode(output, forKey: Key("output"))
        try container.encode(JSONNumber(maxRackKW), forKey: Key("max_rack_kW"))
        for attribute in summary {
            switch attribute.value {
            case .double(let value): try container.encode(JSONNumber(value), forKey: Key(attribute.name))
            case .int(let value): try container.encode(value, forKey: Key(attribute.name))
            case .string(let value): try container.encode(value, forKey: Key(attribute.name))
            }
        }
        try container.encode(jobs, forKey: Key("jobs"))
    }

    /// A key named at run time (the summary attributes').
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { nil }
    }
}

/// A number, or `null` when it is not finite (JSON has no NaN or infinity).
struct JSONNumber: Encodable {
    var value: Double
    init(_ value: Double) { self.value = value }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
    }
}
