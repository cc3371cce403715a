/// What a run's summary says: annual and monthly KPIs, the EnEfG verdict and, when the site has
/// `economics`, the heat-reuse project's appraisal.
public struct RunSummary: Sendable {
    public var annual: KPIs
    public var monthly: [KPIs]
    public var enefg: EnEfGAssessment?
    public var economics: EconomicAssessment?
    /// Unmet cooling, envelope and water-class excursions, idle heat recovery.
    public var failures: PlantFailures

    /// The step columns a summary reads, economics included: `PlantFailures` (worst excursions) and
    /// `ProjectEconomics.assess` (price series, availability, cooling savings). A summary-only run keeps
    /// only these (`Simulation.run(keeping:)`); `RunSummaryTests` checks its summary is the full run's.
    public static let seriesRead: Set<OutputSeries> = [
        .unmetCooling, .airSupplyTemp, .liquidSupplyTemp,
        .heatDelivered, .heatPumpPower, .dhDemand, .coolingPower,
    ]

    public init(_ result: SimulationResult, economics: EconomicAssessment? = nil) {
        self.economics = economics
        let carbon = result.site.carbon
        let totals = result.annual
        let gridWater = result.site.gridWaterIntensity
        let units = result.site.heatRecovery?.heatPump.units ?? 1
        annual = KPIs(totals, carbon: carbon, gridWaterIntensity: gridWater, heatPumpUnits: units)
        monthly = result.monthly.map { KPIs($0, carbon: carbon, gridWaterIntensity: gridWater, heatPumpUnits: units) }
        let annual = annual
        enefg = result.site.compliance.map {
            EnEfGAssessment(commissioning: $0.commissioningDate, pue: annual.pue, erf: annual.erf,
                            unmetCoolingHours: annual.unmetCoolingHours)
        }
        failures = PlantFailures(result, annual: annual, totals: totals)
    }

    /// `/summary` attributes: the KPIs, the EnEfG result (`enefg_pass` 1/0, −1 when not assessed, and the
    /// verdict as text) and the plant's failures.
    public var attributes: [ResultAttribute] {
        var attributes = annual.named.map { ResultAttribute($0.name, .double($0.value)) }
        attributes.append(ResultAttribute("enefg_pue_required", .double(enefg?.pueRequired ?? .nan)))
        attributes.append(ResultAttribute("enefg_erf_required", .double(enefg?.erfRequired ?? .nan)))
        attributes.append(ResultAttribute("enefg_pass", .int(enefg?.passCode ?? -1)))
        attributes.append(ResultAttribute("enefg_verdict", .string(enefg?.verdict ?? "not assessed (no compliance.commissioning_date)")))
        attributes.append(ResultAttribute("enefg_basis", .string(enefg?.basis ?? "not assessed: no compliance.commissioning_date")))
        attributes += failures.attributes
        attributes += (economics?.named ?? []).map { ResultAttribute($0.name, .double($0.value)) }
        return attributes
    }
}
