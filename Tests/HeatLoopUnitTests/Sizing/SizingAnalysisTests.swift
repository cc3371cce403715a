import HeatLoop
import HeatLoopTestSupport
import Testing

/// Pareto fronts, constraints and the recommendation of a sizing sweep (DESIGN §3.8) on constructed cases.
@Suite struct SizingAnalysisTests {
    @Test func paretoFrontOfAConstructedCase() {
        // (CAPEX, NPV): B and its twin D dominate C; E dominates G; F has no CAPEX and is left out.
        //          A    B    C    D    E    F     G
        let capex = [1.0, 2.0, 3.0, 2.0, 4.0, .nan, 4.0]
        let npv = [1.0, 3.0, 2.0, 3.0, 5.0, 9.0, 4.0]
        let front = ParetoFront.membership(x: capex, y: npv, xMaximised: false, yMaximised: true)
        #expect(front == [true, true, false, true, true, false, false])
        // Both maximised: only E (largest x and y) and F-less points beyond it.
        #expect(ParetoFront.membership(x: capex, y: npv, xMaximised: true, yMaximised: true)
                == [false, false, false, false, true, false, false])
        // Brute force on random points: on the front ⇔ no other point dominates it.
        var random = TestLCG(seed: 7)
        let xs = (0..<300).map { _ in (random.next() * 20).rounded() }, ys = (0..<300).map { _ in (random.next() * 20).rounded() }
        let fast = ParetoFront.membership(x: xs, y: ys, xMaximised: false, yMaximised: true)
        for i in xs.indices {
            let dominated = xs.indices.contains { j in
                xs[j] <= xs[i] && ys[j] >= ys[i] && (xs[j] < xs[i] || ys[j] > ys[i])
            }
            #expect(fast[i] == !dominated, "point \(i) (\(xs[i]), \(ys[i]))")
        }
        #expect(ParetoFront.membership(x: [], y: [], xMaximised: true, yMaximised: true) == [])
    }

    @Test func constraintsBoundAndNaNFails() {
        let erf = DesignConstraint(column: "erf", minimum: 0.2)
        #expect(erf.isSatisfied(by: 0.2) && erf.isSatisfied(by: 0.5) && !erf.isSatisfied(by: 0.19) && !erf.isSatisfied(by: .nan))
        let payback = DesignConstraint(column: "payback_years", maximum: 8)
        #expect(payback.isSatisfied(by: 8) && !payback.isSatisfied(by: .infinity))
        #expect(erf.description == "erf ≥ 0.2" && payback.description == "payback_years ≤ 8")
        #expect(DesignConstraint(column: "erf", minimum: 0.1, maximum: 0.3).description == "0.1 ≤ erf ≤ 0.3")
    }

    /// A 3 × 2 grid (heat pump 4/8/12 MW × tank 0/500 m³).
    static func designs(npv: [Double], erf: [Double]) -> [SizingDesign] {
        var designs: [SizingDesign] = []
        for (index, (capacity, volume)) in [(4.0, 0.0), (4, 500), (8, 0), (8, 500), (12, 0), (12, 500)].enumerated() {
            designs.append(SizingDesign(id: "d\(index)", parameters: [capacity, volume], columns: [
                ("npv_eur", "EUR", "", npv[index]), ("erf", "1", "", erf[index]),
                ("capex_eur", "EUR", "", 1e6 * capacity + 300 * volume), ("heat_delivered_MWh", "MWh", "", 1000 * capacity),
            ]))
        }
        return designs
    }

    /// A design whose plant left cooling unmet is never recommended, however good its objective (issue 15).
    @Test func aDesignWithUnmetCoolingIsNotFeasible() {
        var designs = Self.designs(npv: [1, 2, 3, 5, 4, 6], erf: [0.1, 0.1, 0.2, 0.25, 0.3, 0.15])
        for index in designs.indices {
            designs[index].columns.append(("unmet_cooling_hours", "h", "", index == 5 ? 12 : 0))
        }
        let constraints = SizingAnalysis.constraints([])
        #expect(constraints == [SizingAnalysis.loadMet])
        #expect(SizingAnalysis.constraints([DesignConstraint(column: "unmet_cooling_hours", maximum: 5)]).count == 1)
        let analysis = SizingAnalysis(designs: designs, parameterKeys: ["heat_pump.capacity_mw", "storage.volume_m3"],
                                      objective: .npv, constraints: constraints)
        #expect(analysis.feasible == [true, true, true, true, true, false])
        #expect(analysis.recommended == 3)
        #expect(analysis.recommendation(designs: designs).contains { $0.contains("unmet_cooling_hours ≤ 0: 1") })
    }

    @Test func theRecommendationIsTheBestFeasibleDesign() {
        // d5 has the best NPV but an ERF below 0.2; d3 is the best that meets it.
        let designs = Self.designs(npv: [1, 2, 3, 5, 4, 6], erf: [0.1, 0.1, 0.2, 0.25, 0.3, 0.15])
        let analysis = SizingAnalysis(designs: designs, parameterKeys: ["heat_pump.capacity_mw", "storage.volume_m3"],
                                      objective: .npv, constraints: [DesignConstraint(column: "erf", minimum: 0.2)])
        #expect(analysis.feasible == [false, false, true, true, true, false])
        #expect(analysis.recommended == 3)
        #expect(analysis.rank == [nil, nil, 3, 1, 2, nil])
        // Among feasible designs: d2 (cheapest), d3 (best NPV) are on the NPV–CAPEX front; d4 costs more for less.
        #expect(analysis.paretoObjectiveCapex == [false, false, true, true, false, false])
        let text = analysis.recommendation(designs: designs).joined(separator: "\n")
        #expect(text.contains("Recommended: d3"))
        #expect(text.contains("1 design with a better npv_eur fails a constraint (erf ≥ 0.2: 1)"))
        // d3 has the middle capacity but the largest tank: at an edge of the swept range.
        #expect(text.contains("storage.volume_m3 = 500 is at the upper end"))
        #expect(!text.contains("heat_pump.capacity_mw = 8 is at"))
    }

    @Test func minimisedObjectivesAndNoFeasibleDesign() {
        var designs = Self.designs(npv: [1, 2, 3, 4, 5, 6], erf: [0.1, 0.1, 0.1, 0.15, 0.1, 0.1])
        for index in designs.indices { designs[index].columns.append(("lcoh_eur_per_MWh", "EUR MWh-1", "", [40, 35, 30, 33, 38, 31][index])) }
        let lcoh = SizingAnalysis(designs: designs, parameterKeys: ["a", "b"], objective: .lcoh, constraints: [])
        #expect(lcoh.recommended == 2 && lcoh.rank[5] == 2)
        let none = SizingAnalysis(designs: designs, parameterKeys: ["a", "b"], objective: .npv,
                                  constraints: [DesignConstraint(column: "erf", minimum: 0.2)])
        #expect(none.recommended == nil && none.rank.allSatisfy { $0 == nil })
        let text = none.recommendation(designs: designs).joined(separator: "\n")
        #expect(text.contains("No design meets the constraints (erf ≥ 0.2)"))
        #expect(text.contains("Closest: d5 fails erf ≥ 0.2 (0.1)"))
    }

    @Test func marginalSteps() {
        #expect(MarginalValue.step(for: "heat_recovery.heat_pump.capacity_mw", swept: [2, 4], at: 4) == 1)
        #expect(MarginalValue.step(for: "heat_recovery.storage.volume_m3", swept: [0, 500], at: 0) == 100)
        #expect(MarginalValue.step(for: "heat_recovery.district_heating.return_c", swept: [30, 35, 45], at: 35) == 5)
        #expect(MarginalValue.step(for: "x", swept: [1], at: 1) == nil)
        let value = MarginalValue(key: "heat_pump.capacity_mw", step: 1, columns: ["npv_eur"], last: [284_000], next: [-458_000])
        #expect(value.sentence == "The last 1 MW of heat_pump.capacity_mw added npv_eur +284 k€; the next 1 MW would add npv_eur −458 k€.")
        #expect(value.sentence(in: Currency(code: "CHF"))
            == "The last 1 MW of heat_pump.capacity_mw added npv_eur +284 k CHF; the next 1 MW would add npv_eur −458 k CHF.")
    }
}
