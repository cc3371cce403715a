/// How idle and shared capacity (nodes no job held, maintenance) is allocated to the jobs of a cluster.
public enum IdleAllocation: String, Sendable, CaseIterable {
    /// In proportion to each job's node energy within its cluster.
    case energy
    /// In proportion to each job's GPU-hours within its cluster.
    case gpuHours = "gpu-hours"
    /// Not allocated (the card's IT energy is the job's own nodes only).
    case none
}

/// The choices a card from a run leaves to its reader.
public struct RunCardOptions: Sendable, Equatable {
    public var boundary: AccountingBoundary
    public var idle: IdleAllocation
    public var trainingType: String
    public var unit: SoftwareCarbonIntensity.FunctionalUnit
    public var embodied: EmbodiedAssumptions
    /// Off-site water intensity of electricity, L/kWh.
    public var ewif: Estimate
    /// Grid intensity, g/kWh, for a site without carbon data.
    public var gridGramsPerKWh: Double?

    public init(boundary: AccountingBoundary = .nodeAndFacility, idle: IdleAllocation = .energy,
                trainingType: String = "pre-training", unit: SoftwareCarbonIntensity.FunctionalUnit = .trainingRun,
                embodied: EmbodiedAssumptions = .default, ewif: Estimate = WaterFootprint.defaultOffSiteLitresPerKWh,
                gridGramsPerKWh: Double? = nil) {
        self.boundary = boundary
        self.idle = idle
        self.trainingType = trainingType
        self.unit = unit
        self.embodied = embodied
        self.ewif = ewif
        self.gridGramsPerKWh = gridGramsPerKWh
    }
}

extension CarbonCard {
    /// One card per row of the run's `/summary/jobs`.
    ///
    /// Energy: the job's node energy split into accelerators and the rest of the node by the cluster's
    /// node power model (exact on average for the linear curve: P̄ = P_idle + ū · (P_max − P_idle)); its
    /// share of the cluster's idle energy by `options.idle`; facility share from the simulated steps it ran
    /// (or the site's `carbon.measured_pue`), the idle share's at the annual PUE. Intensity: the job's CO2
    /// over its facility energy, i.e. weighted by its energy in each step when the site gives hourly data.
    public static func cards(run: RunCardInputs, options: RunCardOptions) throws(CarbonCardProblem) -> [CarbonCard] {
        let idle = idleShares(run: run, rule: options.idle)
        return try run.jobs.indices.map { (i) throws(CarbonCardProblem) -> CarbonCard in
            try card(run: run, job: run.jobs[i], idleMWh: idle[i], options: options)
        }
    }

    /// Each job's share of its cluster's energy that no job row holds, MWh.
    static func idleShares(run: RunCardInputs, rule: IdleAllocation) -> [Double] {
        guard rule != .none else { return run.jobs.map { _ in 0 } }
        func weight(_ job: RunCardInputs.JobRow) -> Double { rule == .energy ? job.energyMWh : job.gpuHours }
        return run.jobs.map { job in
            let peers = run.jobs.filter { $0.cluster == job.cluster }
            let held = peers.reduce(0) { $0 + $1.energyMWh }
            let total = peers.reduce(0) { $0 + weight($1) }
            let clusterEnergy = run.clusterEnergyMWh.indices.contains(job.cluster) ? run.clusterEnergyMWh[job.cluster] : held
            let unassigned = max(clusterEnergy - held, 0)
            return total > 0 ? unassigned * weight(job) / total : 0
        }
    }

    static func card(run: RunCardInputs, job row: RunCardInputs.JobRow, idleMWh: Double,
                     options: RunCardOptions) throws(CarbonCardProblem) -> CarbonCard {
        let node = run.site.it.clusters.indices.contains(row.cluster) ? run.site.it.clusters[row.cluster].node : NodeSpec()
        var lines = try nodeLines(row: row, node: node, boundary: options.boundary)
        if options.boundary.includesRestOfNode && idleMWh > 0 {
            lines.append(JobEnergy.Line(part: .idleShare, kWh: Estimate(exactly: idleMWh * 1000),
                                        basis: "cluster energy no job held, allocated by \(options.idle.rawValue)"))
        }
        let carbon = run.site.carbon
        let facility: FacilityOverhead
        if let measured = carbon?.measuredPue {
            facility = .pue(Estimate(exactly: measured), .measured)
        } else {
            let overheadKWh = (row.overheadMWh + idleMWh * max(run.sitePUE - 1, 0)) * 1000
            let itKWh = Estimate.sum(lines.map(\.kWh)).central
            facility = .simulated(overheadKWh: overheadKWh, pue: itKWh > 0 ? 1 + overheadKWh / itKWh : .nan)
        }
        let energy = try JobEnergy(boundary: options.boundary, itLines: lines, facility: facility)
        let intensity = try gridIntensity(row: row, carbon: carbon, override: options.gridGramsPerKWh)
        let setting = CarbonCardSetting(
            boundary: options.boundary, facility: facility, intensity: Estimate(exactly: intensity),
            intensityBasis: carbon?.gridCsv != nil && options.gridGramsPerKWh == nil ? .hourly : .annual,
            market: .init(coveredShare: carbon?.ppaShare ?? 0, residualGramsPerKWh: carbon?.residualGPerKwh),
            location: location(run.site), trainingType: options.trainingType, embodied: options.embodied,
            wue: (Estimate(exactly: run.siteWUE.isFinite ? run.siteWUE : 0), .simulated), ewif: (options.ewif, .default),
            unit: options.unit)
        let gpus = max(node.gpus, 1)
        let hours = row.endHours - max(row.startHours, 0)
        let hardware = "\(row.nodes * node.gpus) GPUs on \(row.nodes) \(node.preset?.rawValue ?? "custom") nodes (\(node.gpus) per node)"
        let job = Job(name: row.name, hardware: hardware,
                      accelerators: row.nodes * node.gpus, hours: hours, gpuHours: row.gpuHours,
                      trainingType: options.trainingType, location: setting.location,
                      source: "HeatLoop simulation of site \(run.site.name), "
                          + (run.firstYear == run.year ? "\(run.year)" : "\(run.firstYear)–\(run.year)")
                          + (row.completed ? "" : " (not finished within the simulated years: the card covers them only)"))
        let heat = HeatReuseCredit(jobITMWh: row.energyMWh + idleMWh, siteITMWh: run.siteITMWh,
                                   siteHeatDeliveredMWh: run.heatDeliveredMWh, siteCO2AvoidedTonnes: run.co2AvoidedTonnes,
                                   displacedHeatGramsPerKWh: carbon?.displacedHeatGPerKwh ?? CarbonSpec().displacedHeatGPerKwh)
        var card = CarbonCard(job: job, energy: energy, setting: setting, acceleratorsPerNode: gpus, heatReuse: heat)
        let shiftHours = row.startHours - row.requestedStartHours
        if row.co2SavedByShiftTonnes.isFinite && row.co2SavedByShiftTonnes != 0 && shiftHours > 0 {
            card.shift = (hours: shiftHours, savedKg: row.co2SavedByShiftTonnes * 1000)
        }
        return card
    }

    /// The node energy, split by the node power model when its curve is linear.
    static func nodeLines(row: RunCardInputs.JobRow, node: NodeSpec,
                          boundary: AccountingBoundary) throws(CarbonCardProblem) -> [JobEnergy.Line] {
        let nodeKWh = row.energyMWh * 1000
        let nodeHours = node.gpus > 0 ? row.gpuHours / Double(node.gpus) : 0
        guard node.curve == .linear, node.gpus > 0, nodeHours > 0 else {
            if boundary == .gpuOnly { throw .nodePowerAtGPUBoundary }
            return [JobEnergy.Line(part: .node, kWh: Estimate(exactly: nodeKWh), basis: "simulated node energy")]
        }
        let gpus = Double(node.gpus)
        let idleW = gpus * node.gpuIdleW + node.baseIdleW, maxW = gpus * node.gpuMaxW + node.baseMaxW
        let meanW = nodeKWh * 1000 / nodeHours
        let utilisation = maxW > idleW ? min(max((meanW - idleW) / (maxW - idleW), 0), 1) : 0
        let gpuKWh = min(gpus * (node.gpuIdleW + utilisation * (node.gpuMaxW - node.gpuIdleW)) * nodeHours / 1000, nodeKWh)
        let basis = "simulated node energy split by the node power model (mean utilisation \(Int((utilisation * 100).rounded())) %)"
        var lines = [JobEnergy.Line(part: .accelerators, kWh: Estimate(exactly: gpuKWh), basis: basis)]
        if boundary.includesRestOfNode {
            lines.append(JobEnergy.Line(part: .restOfNode, kWh: Estimate(exactly: nodeKWh - gpuKWh), basis: basis))
        }
        return lines
    }

    /// g/kWh: the job's CO2 over its facility energy, or the stated override.
    static func gridIntensity(row: RunCardInputs.JobRow, carbon: CarbonSpec?, override: Double?) throws(CarbonCardProblem) -> Double {
        if let override { return override }
        let facilityMWh = row.energyMWh + row.overheadMWh
        guard row.co2Tonnes.isFinite, facilityMWh > 0, carbon != nil else { throw .noGridIntensity }
        return row.co2Tonnes / facilityMWh * 1000
    }

    /// The grid's country when the site names one, and the site with its weather file.
    static func location(_ site: SiteSpec) -> String {
        let weather = site.weather.split(separator: "/").last.map { String($0.split(separator: ".epw").first ?? $0) } ?? ""
        let place = "site \(site.name)" + (weather.isEmpty ? "" : ", weather \(weather)")
        guard let code = site.carbon?.country, let entry = GridCarbonTable.entry(code: code) else { return place }
        return "\(entry.name) (\(place))"
    }
}
