/// The footprint of one training job (or of a cluster's background jobs together): the "carbon model
/// card" practitioners ask for (DESIGN §3.7).
///
/// - energy at the meter: the job's nodes' electrical energy (IT level);
/// - facility energy: `Σ_steps E_job,step · PUE_step`, the job's share of the whole facility including
///   cooling and electrical losses in the conditions it actually ran in;
/// - operational CO2: facility energy × grid intensity, when the site gives one.
public struct JobSummary: Sendable, Equatable {
    /// Index of the job's cluster along `/it`'s `cluster` coordinate.
    public var cluster: Int
    public var name: String
    public var nodes: Int
    public var gpuHours: Double
    public var energyMWh: Double
    public var facilityEnergyMWh: Double
    public var interruptions: Int
    public var lostWorkHours: Double
    public var startHours: Double
    public var endHours: Double
    public var completed: Bool
    public var co2Tonnes: Double
    /// The start the site file asked for, h (earlier than `startHours` when a carbon-aware job was shifted).
    public var requestedStartHours: Double
    /// CO2 the shift saved, t: the job's facility power profile at the requested hours' intensities minus
    /// at the hours it ran, `Σ_steps P_step · PUE_step · (I_{step − shift} − I_step) · Δt` (the same power
    /// and PUE assumed at the earlier hours). 0 without a shift, NaN without carbon data.
    public var co2SavedByShiftTonnes: Double

    public var overheadMWh: Double { facilityEnergyMWh - energyMWh }
    public var effectivePUE: Double { energyMWh > 0 ? facilityEnergyMWh / energyMWh : .nan }

    /// `gridIntensity`: g CO2/kWh for each step, or nil when the site has no carbon data; `requestedStart`:
    /// the start the site file gives, s (nil: the job's own start); `carbonShift`: how much later a
    /// carbon-aware job was scheduled, s.
    public init(cluster: Int, job: JobLoad, stepPUE: [Float], stepSeconds: Double, gridIntensity: [Double]?,
                requestedStart: Double? = nil, carbonShift: Double = 0) {
        var facility = 0.0, grams = 0.0, gramsAtRequested = 0.0
        let shiftSteps = Int((carbonShift / stepSeconds).rounded())
        for step in job.stepPower.indices {
            // A step without IT power has a NaN PUE and no job power to scale.
            let power = job.stepPower[step] > 0 ? Double(job.stepPower[step]) * Double(stepPUE[step]) : 0
            facility += power
            grams += power * (gridIntensity?[step] ?? 0)
            if shiftSteps > 0, let grid = gridIntensity, power > 0 {
                gramsAtRequested += power * grid[max(step - shiftSteps, 0)]
            }
        }
        self.cluster = cluster
        name = job.name
        nodes = job.nodes
        gpuHours = job.gpuHours
        energyMWh = job.energy / 3.6e9
        let facilityMWh = facility * stepSeconds / 3.6e9
        facilityEnergyMWh = facilityMWh
        interruptions = job.interruptions
        lostWorkHours = job.lostWorkHours
        startHours = job.start / 3600
        endHours = job.end / 3600
        completed = job.completed
        // W · s / 3.6e6 = kWh; × g/kWh = g; / 1e6 = t.
        co2Tonnes = gridIntensity == nil ? .nan : grams * stepSeconds / 3.6e6 / 1e6
        requestedStartHours = (requestedStart ?? job.start) / 3600
        co2SavedByShiftTonnes = gridIntensity == nil ? .nan
            : shiftSteps > 0 ? (gramsAtRequested - grams) * stepSeconds / 3.6e6 / 1e6 : 0
    }
}

extension ResultTable {
    /// `/summary/jobs`: one row per job along a `job` dimension (1-D columns, DESIGN §6).
    public init(jobs: [JobSummary]) {
        func column(_ name: String, _ units: String, _ longName: String, _ value: (JobSummary) -> Double) -> ResultSeries {
            ResultSeries(name: name, units: units, longName: longName, values: .float64(jobs.map(value)))
        }
        self.init(
            name: "jobs", dimension: "job", coordinate: .strings(jobs.map(\.name)),
            columns: [
                ResultSeries(name: "cluster_index", units: "1", longName: "index of the job's cluster in /it cluster",
                             values: .int32(jobs.map { Int32($0.cluster) })),
                column("nodes", "1", "nodes allocated") { Double($0.nodes) },
                column("gpu_hours", "h", "GPU-hours allocated") { $0.gpuHours },
                column("energy_MWh", "MWh", "energy at the meter (IT)") { $0.energyMWh },
                column("facility_energy_MWh", "MWh", "energy including its share of facility overhead (× step PUE)") { $0.facilityEnergyMWh },
                column("overhead_MWh", "MWh", "share of cooling and electrical losses") { $0.overheadMWh },
                column("co2_operational_t", "t", "operational CO2 of the facility energy") { $0.co2Tonnes },
                column("interruptions", "1", "failures that interrupted the job") { Double($0.interruptions) },
                column("lost_work_hours", "h", "training time redone after failures") { $0.lostWorkHours },
                column("start_hours", "h", "start, hours after the year's start") { $0.startHours },
                column("end_hours", "h", "end, hours after the year's start") { $0.endHours },
                column("completed", "1", "1 when the job finished within the year") { $0.completed ? 1 : 0 },
                column("requested_start_hours", "h", "start the site asked for (carbon-aware jobs may start later)") {
                    $0.requestedStartHours
                },
                column("co2_saved_by_shift_t", "t", "CO2 a carbon-aware shift saved (same power at the requested hours)") {
                    $0.co2SavedByShiftTonnes
                },
            ])
    }
}
