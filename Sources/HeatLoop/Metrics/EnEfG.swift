/// The German Energy Efficiency Act (Energieeffizienzgesetz, EnEfG, 2023) §11 targets for data centers.
///
/// - New data centers (operation from 2026-07-01): annual PUE ≤ 1.2 and ERF ≥ 10 % (operation from
///   2026-07-01), 15 % (from 2027-07-01), 20 % (from 2028-07-01), both within two years of commissioning.
/// - Existing data centers (before 2026-07-01): PUE ≤ 1.5 from 2027-07-01 and ≤ 1.3 from 2030-07-01; no
///   ERF target. HeatLoop assesses them against the long-term 1.3.
/// PUE here excludes electricity used solely to upgrade waste heat (the heat pump), as §11 prescribes.
///
/// A PUE is only a figure of the plant when the plant met its load: a plant too small to cool the IT uses
/// less energy than one that does. So the verdict is only given when no cooling went unmet; otherwise it
/// reads `not assessed (N h unmet cooling)`, and `passes` is false.
public struct EnEfGAssessment: Sendable, Equatable {
    public var pueRequired: Double
    public var erfRequired: Double
    public var pueAchieved: Double
    public var erfAchieved: Double
    /// Which rule applied, for the summary.
    public var basis: String
    /// Hours with cooling load not met in the assessed year.
    public var unmetCoolingHours: Double

    public var passesPUE: Bool { pueAchieved <= pueRequired }
    public var passesERF: Bool { erfAchieved.isNaN ? erfRequired == 0 : erfAchieved >= erfRequired }
    /// True when the plant met its load all year, so that its figures can be assessed.
    public var isAssessed: Bool { !(unmetCoolingHours > 0) }
    /// PASS only when assessed and both targets are met.
    public var passes: Bool { isAssessed && passesPUE && passesERF }

    /// `PASS`, `FAIL`, or `not assessed (N h unmet cooling)`.
    public var verdict: String {
        guard isAssessed else { return "not assessed (\(Self.hours(unmetCoolingHours)) h unmet cooling)" }
        return passes ? "PASS" : "FAIL"
    }

    /// `/summary` `enefg_pass`: 1 pass, 0 fail, −1 not assessed.
    public var passCode: Int { isAssessed ? (passes ? 1 : 0) : -1 }

    public init(commissioning: CalendarDate, pue: Double, erf: Double, unmetCoolingHours: Double = 0) {
        pueAchieved = pue
        erfAchieved = erf
        self.unmetCoolingHours = unmetCoolingHours
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

    /// An assessment as a result file records it (`/summary` `enefg_*`, `pue`, `erf`), for reports.
    public init(pueRequired: Double, erfRequired: Double, pueAchieved: Double, erfAchieved: Double, basis: String,
                unmetCoolingHours: Double = 0) {
        self.unmetCoolingHours = unmetCoolingHours
        self.pueRequired = pueRequired
        self.erfRequired = erfRequired
        self.pueAchieved = pueAchieved
        self.erfAchieved = erfAchieved
        self.basis = basis
    }

    /// Why the site fails, in energy terms: how much facility overhead must go for the PUE target, and
    /// how much more of the data center's heat must be reused for the ERF target. Empty when it passes.
    public func shortfalls(itMWh: Double, facilityMWh: Double, reusedMWh: Double) -> [String] {
        var reasons: [String] = []
        if !passesPUE {
            let excess = facilityMWh - pueRequired * itMWh
            reasons.append("PUE \(formatFixed(pueAchieved, 3)) > \(formatFixed(pueRequired, 2)): cooling, losses and "
                + "misc. must fall by \(formatFixed(excess, 0)) MWh a year (to \(formatFixed(facilityMWh - itMWh - excess, 0)) MWh)")
        }
        if !passesERF {
            let needed = erfRequired * facilityMWh
            reasons.append("ERF \(formatFixed(100 * (erfAchieved.isNaN ? 0 : erfAchieved), 1)) % < \(formatFixed(100 * erfRequired, 0)) %: "
                + "\(formatFixed(needed - reusedMWh, 0)) MWh more of the data center's heat must be reused "
                + "(\(formatFixed(reusedMWh, 0)) of the \(formatFixed(needed, 0)) MWh needed)")
        }
        return reasons
    }

    /// Hours as `1866` or `12.5`.
    private static func hours(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? formatFixed(tenths, 0) : formatFixed(tenths, 1)
    }
}
