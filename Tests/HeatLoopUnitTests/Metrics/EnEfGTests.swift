import HeatLoop
import Testing

private func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day) }

/// EnEfG §11 (2023), DESIGN §3.6: new data centers (operation from 2026-07-01) PUE ≤ 1.2 and ERF ≥ 10 / 15 / 20 %
/// by start of operation (2026-07-01 / 2027-07-01 / 2028-07-01); existing sites PUE ≤ 1.3 (from 2030-07-01), no ERF.
@Suite("EnEfG assessment")
struct EnEfGTests {
    @Test("targets by commissioning date", arguments: [
        (date(2015, 3, 1), 1.3, 0.0),
        (date(2026, 6, 30), 1.3, 0.0),
        (date(2026, 7, 1), 1.2, 0.10),
        (date(2026, 8, 1), 1.2, 0.10),
        (date(2027, 6, 30), 1.2, 0.10),
        (date(2027, 7, 1), 1.2, 0.15),
        (date(2028, 6, 30), 1.2, 0.15),
        (date(2028, 7, 1), 1.2, 0.20),
        (date(2031, 1, 1), 1.2, 0.20),
    ])
    func targets(commissioning: CalendarDate, pue: Double, erf: Double) {
        let assessment = EnEfGAssessment(commissioning: commissioning, pue: 1.1, erf: 0.3)
        #expect(assessment.pueRequired == pue)
        #expect(assessment.erfRequired == erf)
    }

    @Test("pass and fail, limits inclusive")
    func passFail() {
        let newSite = date(2027, 7, 1) // PUE ≤ 1.2, ERF ≥ 0.15
        #expect(EnEfGAssessment(commissioning: newSite, pue: 1.19, erf: 0.16).passes)
        #expect(EnEfGAssessment(commissioning: newSite, pue: 1.2, erf: 0.15).passes)
        let highPUE = EnEfGAssessment(commissioning: newSite, pue: 1.21, erf: 0.16)
        #expect(!highPUE.passesPUE && highPUE.passesERF && !highPUE.passes)
        let lowERF = EnEfGAssessment(commissioning: newSite, pue: 1.15, erf: 0.14)
        #expect(lowERF.passesPUE && !lowERF.passesERF && !lowERF.passes)
        // Existing site: 1.3 with no ERF target.
        #expect(EnEfGAssessment(commissioning: date(2020, 1, 1), pue: 1.29, erf: 0).passes)
        #expect(!EnEfGAssessment(commissioning: date(2020, 1, 1), pue: 1.31, erf: 0.5).passes)
    }

    @Test("undefined KPIs (NaN) never pass a target")
    func notANumber() {
        // No facility energy → ERF NaN: fine without an ERF target, a fail with one.
        #expect(EnEfGAssessment(commissioning: date(2020, 1, 1), pue: 1.2, erf: .nan).passesERF)
        #expect(!EnEfGAssessment(commissioning: date(2026, 8, 1), pue: 1.1, erf: .nan).passesERF)
        #expect(!EnEfGAssessment(commissioning: date(2026, 8, 1), pue: .nan, erf: 0.2).passesPUE)
    }

    @Test("basis names the rule")
    func basis() {
        #expect(EnEfGAssessment(commissioning: date(2026, 8, 1), pue: 1.1, erf: 0.2).basis.contains("ERF ≥ 10 %"))
        #expect(EnEfGAssessment(commissioning: date(2026, 8, 1), pue: 1.1, erf: 0.2).basis.contains("2026-08-01"))
        #expect(EnEfGAssessment(commissioning: date(2020, 1, 1), pue: 1.1, erf: 0).basis.hasPrefix("existing"))
    }

    @Test("calendar dates order by year, month, day")
    func dates() {
        #expect(date(2026, 6, 30) < date(2026, 7, 1))
        #expect(date(2025, 12, 31) < date(2026, 1, 1))
        #expect(!(date(2026, 7, 1) < date(2026, 7, 1)))
        #expect(date(2026, 8, 1).description == "2026-08-01")
    }

    @Test("a failing site is told how much energy stands between it and the targets")
    func shortfalls() {
        // New site (ERF ≥ 15 %): IT 10 000 MWh, facility 12 500 MWh (PUE 1.25), reused 1 000 MWh (ERF 8 %).
        let assessment = EnEfGAssessment(commissioning: date(2027, 7, 1), pue: 1.25, erf: 0.08)
        let reasons = assessment.shortfalls(itMWh: 10_000, facilityMWh: 12_500, reusedMWh: 1_000)
        #expect(reasons.count == 2)
        // 12 500 − 1.2 · 10 000 = 500 MWh of overhead too many; 0.15 · 12 500 − 1 000 = 875 MWh more reuse.
        #expect(reasons[0].contains("500 MWh"))
        #expect(reasons[1].contains("875 MWh"))
        let passing = EnEfGAssessment(commissioning: date(2027, 7, 1), pue: 1.1, erf: 0.2)
        #expect(passing.shortfalls(itMWh: 10_000, facilityMWh: 11_000, reusedMWh: 2_200).isEmpty)
    }
}

/// The verdict is only given when the plant met its load (issue 15): a plant too small to cool its IT uses
/// less energy than one that does, so its PUE says nothing.
@Suite("EnEfG verdict needs a plant that met its load")
struct EnEfGVerdictTests {
    let newSite = CalendarDate(year: 2027, month: 7, day: 1) // PUE ≤ 1.2, ERF ≥ 0.15

    @Test("PASS only when no cooling went unmet")
    func passOnlyWhenMet() {
        let met = EnEfGAssessment(commissioning: newSite, pue: 1.1, erf: 0.2, unmetCoolingHours: 0)
        #expect(met.isAssessed && met.passes && met.verdict == "PASS" && met.passCode == 1)
        let unmet = EnEfGAssessment(commissioning: newSite, pue: 1.1, erf: 0.2, unmetCoolingHours: 1866)
        #expect(!unmet.isAssessed && !unmet.passes)
        #expect(unmet.verdict == "not assessed (1866 h unmet cooling)")
        #expect(unmet.passCode == -1)
        let quarter = EnEfGAssessment(commissioning: newSite, pue: 1.1, erf: 0.2, unmetCoolingHours: 0.25)
        #expect(quarter.verdict == "not assessed (0.3 h unmet cooling)")
    }

    @Test("a failing site that also left cooling unmet is not assessed, not FAIL")
    func failingAndUnmet() {
        let fails = EnEfGAssessment(commissioning: newSite, pue: 1.3, erf: 0, unmetCoolingHours: 0)
        #expect(fails.verdict == "FAIL" && fails.passCode == 0)
        let unmet = EnEfGAssessment(commissioning: newSite, pue: 1.3, erf: 0, unmetCoolingHours: 12.5)
        #expect(unmet.verdict == "not assessed (12.5 h unmet cooling)" && unmet.passCode == -1)
    }

    @Test("an assessment read back from /summary keeps the unmet hours")
    func readBack() {
        let recorded = EnEfGAssessment(pueRequired: 1.2, erfRequired: 0.1, pueAchieved: 1.1, erfAchieved: 0.2,
                                       basis: "", unmetCoolingHours: 3)
        #expect(!recorded.passes && recorded.verdict.hasPrefix("not assessed"))
    }

    /// Per-year targets (EnEfG § 11, BGBl. 2023 I Nr. 309): a target binds a year when in force on its last day.
    /// Existing site (2015): none before 1 July 2027, 1.5 from then, 1.3 from 1 July 2030. New site (1 Oct 2027):
    /// 1.2 and 15 % due two years after commissioning, 1 Oct 2029.
    @Test("targets in force on a year's last day", arguments: [
        (date(2015, 1, 1), date(2027, 6, 30), nil, nil),
        (date(2015, 1, 1), date(2027, 7, 1), 1.5, nil),
        (date(2015, 1, 1), date(2027, 12, 31), 1.5, nil),
        (date(2015, 1, 1), date(2030, 6, 30), 1.5, nil),
        (date(2015, 1, 1), date(2030, 7, 1), 1.3, nil),
        (date(2026, 6, 30), date(2035, 12, 31), 1.3, nil),
        (date(2027, 10, 1), date(2028, 12, 31), nil, nil),
        (date(2027, 10, 1), date(2029, 9, 30), nil, nil),
        (date(2027, 10, 1), date(2029, 10, 1), 1.2, 0.15),
        (date(2026, 7, 1), date(2028, 7, 1), 1.2, 0.10),
        (date(2028, 7, 1), date(2030, 12, 31), 1.2, 0.20),
    ] as [(CalendarDate, CalendarDate, Double?, Double?)])
    func targetsInYear(commissioning: CalendarDate, lastDay: CalendarDate, pue: Double?, erf: Double?) {
        let requirement = EnEfGRequirement(commissioning: commissioning, lastDay: lastDay)
        #expect(requirement.pue == pue && requirement.erf == erf, "\(requirement.basis)")
    }

    @Test("a year without a target in force reads 'no target yet'; the same figures fail once 1.3 binds")
    func yearVerdicts() {
        let early = EnEfGAssessment(commissioning: date(2015, 1, 1), lastDay: date(2026, 12, 31), pue: 1.45, erf: 0)
        #expect(!early.hasTarget && early.verdict == "no target yet" && early.passCode == -1)
        let middle = EnEfGAssessment(commissioning: date(2015, 1, 1), lastDay: date(2028, 12, 31), pue: 1.45, erf: 0)
        #expect(middle.verdict == "PASS")
        let late = EnEfGAssessment(commissioning: date(2015, 1, 1), lastDay: date(2030, 12, 31), pue: 1.45, erf: 0)
        #expect(late.verdict == "FAIL" && late.pueRequired == 1.3)
        // The long-term targets are the last year's: a typical-year run reads as before.
        #expect(EnEfGRequirement.longTerm(commissioning: date(2015, 1, 1)).pue == 1.3)
        #expect(EnEfGAssessment(commissioning: date(2015, 1, 1), pue: 1.2, erf: 0).basis
                == "existing data center (commissioned before 2026-07-01): PUE ≤ 1.3 from 2030-07-01, no ERF target")
    }
}
