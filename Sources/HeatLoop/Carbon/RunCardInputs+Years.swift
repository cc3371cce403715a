extension RunCardInputs {
    /// Several runs of one site over consecutive years as one: a training job longer than a year (started
    /// in the year before a run, `TimeOfYear.seconds(_:year:)`) gets one card for all its years.
    ///
    /// Jobs are matched by cluster and name; energies, GPU-hours, CO2 and savings add; start and end are in
    /// hours from the first year's start (8,760 h per simulated year); cluster IT energy, heat and avoided
    /// CO2 add; PUE and WUE are IT-weighted. Each year's run simulates the job from its start (the part in
    /// earlier years is re-simulated and not recorded), so random failures near the year's end may differ
    /// between the two runs: the joined card is exact for each year's recorded hours.
    public static func consecutive(_ runs: [RunCardInputs]) throws(Problem) -> RunCardInputs {
        let sorted = runs.sorted { $0.year < $1.year }
        guard var merged = sorted.first else { throw .noJobs }
        for (index, run) in sorted.enumerated().dropFirst() {
            guard run.year == sorted[index - 1].year + 1, run.clusterEnergyMWh.count == merged.clusterEnergyMWh.count else {
                throw .notConsecutive(sorted.map(\.year))
            }
            merged.add(run, offsetHours: Double(run.year - sorted[0].year) * 8760)
        }
        return merged
    }

    private mutating func add(_ run: RunCardInputs, offsetHours: Double) {
        let it = siteITMWh + run.siteITMWh
        if it > 0 {
            sitePUE = (sitePUE * siteITMWh + run.sitePUE * run.siteITMWh) / it
            siteWUE = (siteWUE * siteITMWh + run.siteWUE * run.siteITMWh) / it
        }
        siteITMWh = it
        heatDeliveredMWh += run.heatDeliveredMWh
        co2AvoidedTonnes += run.co2AvoidedTonnes
        clusterEnergyMWh = zip(clusterEnergyMWh, run.clusterEnergyMWh).map { $0 + $1 }
        for var row in run.jobs {
            row.startHours += offsetHours
            row.endHours += offsetHours
            row.requestedStartHours += offsetHours
            if let index = jobs.firstIndex(where: { $0.cluster == row.cluster && $0.name == row.name }) {
                jobs[index].merge(row)
            } else {
                jobs.append(row)
            }
        }
        year = run.year
    }
}

extension RunCardInputs.JobRow {
    /// Adds a later year's row of the same job.
    mutating func merge(_ later: Self) {
        let ranEarlier = gpuHours > 0, ranLater = later.gpuHours > 0
        if !ranEarlier && ranLater { (startHours, requestedStartHours) = (later.startHours, later.requestedStartHours) }
        if ranLater { endHours = later.endHours }
        nodes = max(nodes, later.nodes)
        gpuHours += later.gpuHours
        energyMWh += later.energyMWh
        overheadMWh += later.overheadMWh
        co2Tonnes += later.co2Tonnes
        co2SavedByShiftTonnes += later.co2SavedByShiftTonnes
        completed = completed || later.completed
    }
}
