/// What a run's summary says: annual and monthly KPIs, the EnEfG verdict and, when the site has
/// `economics`, the heat-reuse project's appraisal.
public struct RunSummary: Sendable {
    public var annual: KPIs
    public var monthly: [KPIs]
    public var enefg: EnEfGAssessment?
    public var economics: EconomicAssessment?

    public init(_ result: SimulationResult, economics: EconomicAssessment? = nil) {
        self.economics = economics
        let carbon = result.site.carbon
        let gridWater = result.site.gridWaterIntensity
        annual = KPIs(result.annual, carbon: carbon, gridWaterIntensity: gridWater)
        monthly = result.monthly.map { KPIs($0, carbon: carbon, gridWaterIntensity: gridWater) }
        enefg = result.site.compliance.map {
            EnEfGAssessment(commissioning: $0.commissioningDate, pue: annual.pue, erf: annual.erf)
        }
    }

    /// `/summary` attributes: the KPIs and the EnEfG result (`enefg_pass` 1/0, −1 when not assessed).
    public var attributes: [ResultAttribute] {
        var attributes = annual.named.map { ResultAttribute($0.name, .double($0.value)) }
        attributes.append(ResultAttribute("enefg_pue_required", .double(enefg?.pueRequired ?? .nan)))
        attributes.append(ResultAttribute("enefg_erf_required", .double(enefg?.erfRequired ?? .nan)))
        attributes.append(ResultAttribute("enefg_pass", .int(enefg.map { $0.passes ? 1 : 0 } ?? -1)))
        attributes.append(ResultAttribute("enefg_basis", .string(enefg?.basis ?? "not assessed: no compliance.commissioning_date")))
        attributes += (economics?.named ?? []).map { ResultAttribute($0.name, .double($0.value)) }
        return attributes
    }
}
