/// The German Energy Efficiency Act (Energieeffizienzgesetz, EnEfG, 2023) §11 targets for data centers.
///
/// - New data centers (operation from 2026-07-01): annual PUE ≤ 1.2 and ERF ≥ 10 % (operation from
///   2026-07-01), 15 % (from 2027-07-01), 20 % (from 2028-07-01), both within two years of commissioning.
/// - Existing data centers (before 2026-07-01): PUE ≤ 1.5 from 2027-07-01 and ≤ 1.3 from 2030-07-01; no
///   ERF target. HeatLoop assesses them against the long-term 1.3.
/// PUE here excludes electricity used solely to upgrade waste heat (the heat pump), as §11 prescribes.
public struct EnEfGAssessment: Sendable, Equatable {
    public var pueRequired: Double
    public var erfRequired: Double
    public var pueAchieved: Double
    public var erfAchieved: Double
    /// Which rule applied, for the summary.
    public var basis: String

    public var passesPUE: Bool { pueAchieved <= pueRequired }
    public var passesERF: Bool { erfAchieved.isNaN ? erfRequired == 0 : erfAchieved >= erfRequired }
    public var passes: Bool { passesPUE && passesERF }

    public init(commissioning: CalendarDate, pue: Double, erf: Double) {
        pueAchieved = pue
        erfAchieved = erf
        let newSiteCutoff = CalendarDate(year: 2026, month: 7, day: 1)
        if commissioning < newSiteCutoff {
            pueRequired = 1.3
            erfRequired = 0
            basis = "existing data center (commissioned before 2026-07-01): PUE ≤ 1.3 from 2030-07-01, no ERF target"
        } else {
            pueRequired = 1.2
            if commissioning >= CalendarDate(year: 2028, month: 7, day: 1) {
                erfRequired = 0.20
            } else if commissioning >= CalendarDate(year: 2027, month: 7, day: 1) {
                erfRequired = 0.15
            } else {
                erfRequired = 0.10
            }
            basis = "new data center (commissioned \(commissioning)): PUE ≤ 1.2 and ERF ≥ \(Int((erfRequired * 100).rounded())) % within two years"
        }
    }
}
