/// A data center's figures against the German Energy Efficiency Act (Energieeffizienzgesetz, EnEfG, 2023)
/// §11 targets (`EnEfGRequirement`, the law's dates and figures). A typical-year run is assessed against the
/// long-term targets (existing sites PUE ≤ 1.3, new sites PUE ≤ 1.2 and their ERF); a timeline year against
/// those in force in that year.
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

    /// False when no §11 target is in force yet (an existing site before 1 July 2027, a new one within two
    /// years of commissioning).
    public var hasTarget: Bool { pueRequired.isFinite || erfRequired > 0 }

    /// `PASS`, `FAIL`, `not assessed (N h unmet cooling)`, or `no target yet`.
    public var verdict: String {
        guard hasTarget else { return "no target yet" }
        guard isAssessed else { return "not assessed (\(Self.hours(unmetCoolingHours)) h unmet cooling)" }
        return passes ? "PASS" : "FAIL"
    }

    /// The targets in force as text: `PUE ≤ 1.2, ERF ≥ 10 %`, `PUE ≤ 1.5`, or `none`.
    public var targetText: String { Self.targetText(pueRequired: pueRequired, erfRequired: erfRequired) }

    /// `targetText` of a PUE target (not finite: none) and an ERF target (0: none), e.g. as a timeline's
    /// result table stores them (`enefg_pue_required`, `enefg_erf_required`).
    public static func targetText(pueRequired: Double, erfRequired: Double) -> String {
        let parts = (pueRequired.isFinite ? ["PUE ≤ \(formatFixed(pueRequired, 1))"] : [])
            + (erfRequired > 0 ? ["ERF ≥ \(formatFixed(100 * erfRequired, 0)) %"] : [])
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// `/summary` `enefg_pass`: 1 pass, 0 fail, −1 not assessed (or no target yet).
    public var passCode: Int { hasTarget && isAssessed ? (passes ? 1 : 0) : -1 }

    public init(commissioning: CalendarDate, pue: Double, erf: Double, unmetCoolingHours: Double = 0) {
        self.init(requirement: EnEfGRequirement.longTerm(commissioning: commissioning), pue: pue, erf: erf,
                  unmetCoolingHours: unmetCoolingHours)
    }

    /// The assessment of one year of operation against the requirement in force on `lastDay`, the last
    /// day of the assessed year (`EnEfGRequirement(commissioning:lastDay:)`): the timeline's per-year verdict.
    public init(commissioning: CalendarDate, lastDay: CalendarDate, pue: Double, erf: Double, unmetCoolingHours: Double = 0) {
        self.init(requirement: EnEfGRequirement(commissioning: commissioning, lastDay: lastDay), pue: pue, erf: erf,
                  unmetCoolingHours: unmetCoolingHours)
    }

    /// `requirement`'s targets against achieved figures; a target not yet in force is +∞ (PUE) or 0 (ERF).
    public init(requirement: EnEfGRequirement, pue: Double, erf: Double, unmetCoolingHours: Double = 0) {
        self.init(pueRequired: requirement.pue ?? .infinity, erfRequired: requirement.erf ?? 0, pueAchieved: pue,
                  erfAchieved: erf, basis: requirement.basis, unmetCoolingHours: unmetCoolingHours)
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

/// The EnEfG §11 targets in force for a data center, the one home of the law's dates and figures.
///
/// EnEfG of 13 November 2023 (BGBl. 2023 I Nr. 309), § 11 "Klimaneutrale Rechenzentren":
/// - Abs. 1: a data center that began operation before 1 July 2026 reaches, as an annual average, a PUE
///   ≤ 1.5 from 1 July 2027 (Nr. 1) and ≤ 1.3 from 1 July 2030 (Nr. 2); no ERF target.
/// - Abs. 2: one that begins operation from 1 July 2026 reaches PUE ≤ 1.2 (Satz 1 Nr. 1) and an energy reuse
///   factor (DIN EN 50600-4-6) of at least 10 %, 15 % when it begins from 1 July 2027, 20 % from 1 July 2028
///   (Nr. 2); Satz 2: both at the latest two years after commissioning, as an annual average; Satz 3: the
///   electricity of plant used solely to upgrade the waste heat is left out of the PUE.
///
/// A target applies to a year of operation when it is in force on the year's last day (a target taking
/// effect on 1 July binds that whole year's average: the conservative reading for a lender).
public struct EnEfGRequirement: Sendable, Equatable {
    /// PUE target (≤), nil when none is in force.
    public var pue: Double?
    /// ERF target (≥, a fraction), nil when none is in force.
    public var erf: Double?
    public var basis: String

    /// Commissioning from this date makes a new site (Abs. 2); before it, an existing one (Abs. 1).
    public static let newSiteFrom = CalendarDate(year: 2026, month: 7, day: 1)
    /// Abs. 1: existing sites' PUE targets and the dates they take effect, loosest first.
    public static let existingSitePUE: [(from: CalendarDate, pue: Double)] = [
        (CalendarDate(year: 2027, month: 7, day: 1), 1.5), (CalendarDate(year: 2030, month: 7, day: 1), 1.3),
    ]
    /// Abs. 2 Satz 1 Nr. 1: new sites' PUE target.
    public static let newSitePUE = 1.2
    /// Abs. 2 Satz 1 Nr. 2: new sites' ERF target by commissioning date, loosest first.
    public static let newSiteERF: [(from: CalendarDate, erf: Double)] = [
        (CalendarDate(year: 2026, month: 7, day: 1), 0.10), (CalendarDate(year: 2027, month: 7, day: 1), 0.15),
        (CalendarDate(year: 2028, month: 7, day: 1), 0.20),
    ]
    /// Abs. 2 Satz 2: a new site meets its targets at the latest this many years after commissioning.
    public static let newSiteGraceYears = 2

    public static func isNewSite(_ commissioning: CalendarDate) -> Bool { commissioning >= newSiteFrom }

    /// A new site's ERF target, by its commissioning date.
    static func newSiteERF(_ commissioning: CalendarDate) -> Double {
        newSiteERF.last { commissioning >= $0.from }?.erf ?? newSiteERF[0].erf
    }

    /// The long-term targets (what a typical-year run is assessed against): existing sites the last PUE
    /// step (1.3) and no ERF; new sites PUE 1.2 and their ERF.
    public static func longTerm(commissioning: CalendarDate) -> EnEfGRequirement {
        guard isNewSite(commissioning) else {
            let last = existingSitePUE[existingSitePUE.count - 1]
            return EnEfGRequirement(pue: last.pue, erf: 0, basis: "existing data center (commissioned before \(newSiteFrom)): "
                + "PUE ≤ \(formatFixed(last.pue, 1)) from \(last.from), no ERF target")
        }
        let erf = newSiteERF(commissioning)
        return EnEfGRequirement(pue: newSitePUE, erf: erf, basis: "new data center (commissioned \(commissioning)): "
            + "PUE ≤ \(formatFixed(newSitePUE, 1)) and ERF ≥ \(percent(erf)) % within two years")
    }

    public init(pue: Double?, erf: Double?, basis: String) {
        self.pue = pue
        self.erf = erf
        self.basis = basis
    }

    /// The targets in force on `lastDay` (the last day of an assessed year).
    public init(commissioning: CalendarDate, lastDay: CalendarDate) {
        if Self.isNewSite(commissioning) {
            let due = CalendarDate(year: commissioning.year + Self.newSiteGraceYears, month: commissioning.month, day: commissioning.day)
            let target = Self.newSiteERF(commissioning)
            let text = "PUE ≤ \(formatFixed(Self.newSitePUE, 1)) and ERF ≥ \(Self.percent(target)) %"
            if lastDay >= due {
                (pue, erf) = (Self.newSitePUE, target)
                basis = "new data center (commissioned \(commissioning)): \(text), due from \(due)"
            } else {
                (pue, erf) = (nil, nil)
                basis = "new data center (commissioned \(commissioning)): \(text) due from \(due), not yet"
            }
        } else if let step = Self.existingSitePUE.last(where: { lastDay >= $0.from }) {
            (pue, erf) = (step.pue, nil)
            basis = "existing data center: PUE ≤ \(formatFixed(step.pue, 1)) from \(step.from) (§ 11 Abs. 1), no ERF target"
        } else {
            (pue, erf) = (nil, nil)
            basis = "existing data center: no PUE target before \(Self.existingSitePUE[0].from)"
        }
    }

    static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))" }
}
