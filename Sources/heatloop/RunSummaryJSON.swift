import HeatLoop
import HeatLoopFiles

/// The object `heatloop run --json` prints: `site`, `output`, every `/summary` attribute of the result
/// file under its own name (`max_rack_kW` among them), and `jobs`. Numbers that are not finite are `null`.
struct RunSummaryJSON: Encodable {
    var site: String
    var output: String
    var summary: [ResultAttribute]
    var jobs: [Job]

    init(_ recorded: RecordedRun, output: String) {
        let result = recorded.run.result
        site = result.site.name
        self.output = output
        summary = recorded.document.summary
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
        var container = encoder.container(keyedBy: NodeKey.self)
        try container.encode(site, forKey: NodeKey("site"))
        try container.encode(output, forKey: NodeKey("output"))
        for attribute in summary {
            switch attribute.value {
            case .double(let value): try container.encode(JSONNumber(value), forKey: NodeKey(attribute.name))
            case .int(let value): try container.encode(value, forKey: NodeKey(attribute.name))
            case .string(let value): try container.encode(value, forKey: NodeKey(attribute.name))
            }
        }
        try container.encode(jobs, forKey: NodeKey("jobs"))
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
