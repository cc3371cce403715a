extension ScenarioTable {
    /// A sizing sweep's design table (`sizing.h5`, `sizing.csv`): one row per design along `design`, with
    /// the varied parameters, the KPIs and economics, and the analysis as columns (`feasible`,
    /// `pareto_objective_capex`, `pareto_heat_npv` as 0/1, `rank` NaN when infeasible); the objective,
    /// the recommendation, the currency of the money columns and the marginal values as root attributes (`marginal:<key>:<column>` per step
    /// of the last step, `marginal_next:…` of the next, `marginal_step:<key>`).
    public init(sizing designs: [SizingDesign], analysis: SizingAnalysis, recommendation: [String],
                marginals: [MarginalValue], attributes: [ResultAttribute]) {
        let rows = designs.indices.map { index in
            let design = designs[index]
            var values = zip(analysis.parameterKeys, design.parameters).map { key, value in
                (name: key, units: "", longName: "varied site parameter \(key)", value: value)
            }
            values += design.columns
            values += [
                ("feasible", "1", "meets every constraint (1) or not (0)", analysis.feasible[index] ? 1 : 0),
                ("pareto_objective_capex", "1", "on the Pareto front of the objective against CAPEX (feasible designs)",
                 analysis.paretoObjectiveCapex[index] ? 1 : 0),
                ("pareto_heat_npv", "1", "on the Pareto front of heat delivered against NPV (feasible designs)",
                 analysis.paretoHeatNPV[index] ? 1 : 0),
                ("rank", "1", "rank by the objective among feasible designs (1 = best)", analysis.rank[index].map(Double.init) ?? .nan),
            ]
            return ScenarioRow(id: design.id, labels: [], values: values)
        }
        var attributes = attributes + [
            ResultAttribute("kind", .string("sizing")),
            ResultAttribute("objective", .string(analysis.objective.rawValue)),
            ResultAttribute("objective_column", .string(analysis.objective.column)),
            ResultAttribute("objective_sense", .string(analysis.objective.isMaximised ? "max" : "min")),
            ResultAttribute("constraints", .string(analysis.constraints.map(\.description).joined(separator: ", "))),
            ResultAttribute("parameters", .string(analysis.parameterKeys.joined(separator: ", "))),
            ResultAttribute("recommended_design", .string(analysis.recommended.map { designs[$0].id } ?? "")),
            ResultAttribute("recommendation", .string(recommendation.joined(separator: "\n"))),
            ResultAttribute(Self.currencyAttribute, .string(analysis.currency.code)),
        ]
        for marginal in marginals {
            attributes.append(ResultAttribute("marginal_step:\(marginal.key)", .double(marginal.step)))
            for (index, column) in marginal.columns.enumerated() {
                if let last = marginal.last { attributes.append(ResultAttribute("marginal:\(marginal.key):\(column)", .double(last[index]))) }
                if let next = marginal.next { attributes.append(ResultAttribute("marginal_next:\(marginal.key):\(column)", .double(next[index]))) }
            }
        }
        self.init(dimension: "design", rows: rows, attributes: attributes)
    }

}
