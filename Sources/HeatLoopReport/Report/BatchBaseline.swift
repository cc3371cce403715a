import HeatLoop

/// A batch's change against its baseline scenario: the question a climate study asks ("how much worse is
/// PUE in 2050, how much heat is lost?"). The baseline is the row `summary.h5` names in its root
/// `baseline_scenario` (the batch file's `baseline`, by default the first scenario under an unchanged
/// climate); a file without it (older ones) is measured against its first row.
extension BatchReport {
    /// The KPIs whose change against the baseline the report shows (those the table has, and of heat
    /// reuse only when some scenario reuses heat).
    static let changeKPIs = ["pue", "erf", "heat_delivered_MWh", "cooling_energy_MWh", "co2_avoided_t", "npv_eur"]

    /// The row of `table` named by its `baseline_scenario`, else its first; nil when it has none.
    static func baselineRow(of table: ScenarioTable) -> Int? {
        guard !table.ids.isEmpty else { return nil }
        return table.text(ScenarioTable.baselineAttribute).flatMap { table.ids.firstIndex(of: $0) } ?? 0
    }

    /// True when some scenario recovers or delivers heat: only then are ERF and heat delivered described.
    public var reusesHeat: Bool {
        ["erf", "heat_delivered_MWh", "heat_recovered_MWh"].contains { name in
            (column(name) ?? []).contains { $0.isFinite && $0 > 0 }
        }
    }

    /// The currency of the money columns; nil when scenarios use different ones (money is then left out).
    public var currency: Currency? { table.currency }

    /// True for a KPI the report shows: the table has it, heat-reuse figures only when heat is reused,
    /// money only in one currency.
    func isShown(_ kpi: String) -> Bool {
        guard column(kpi) != nil else { return false }
        if ["erf", "heat_delivered_MWh", "co2_avoided_t", "dh_coverage"].contains(kpi) && !reusesHeat { return false }
        return !kpi.contains("_eur") || currency != nil
    }

    /// How a KPI shows: the catalog's display in the batch's currency.
    func display(_ kpi: String) -> KPIDisplay { KPICatalog.display(for: kpi).in(currency ?? .euro) }

    /// How a change of `kpi` shows: "ΔPUE", fractions in percentage points, a sign on every change.
    func changeDisplay(_ kpi: String) -> KPIDisplay {
        var change = display(kpi)
        change.shortLabel = "Δ" + change.shortLabel
        if case .percent = change.style { change.unit = "pp" }
        return change
    }

    /// `value − baseline` of `kpi` in `row`; NaN without a baseline or value.
    public func change(_ kpi: String, row: Int) -> Double {
        guard let baseline = baselineRow else { return .nan }
        return value(kpi, row: row) - value(kpi, row: baseline)
    }

    /// A change as text, with "+" on increases ("+0.004", "−1.2", "0").
    func changeText(_ kpi: String, row: Int) -> String {
        let value = change(kpi, row: row)
        let text = changeDisplay(kpi).text(value)
        return value > 0 && text != NumberText.missing && text.contains(where: { $0.isNumber && $0 != "0" }) ? "+" + text : text
    }

    /// The baseline's labels that vary ("climate baseline, capacity_mw = 4"), for the page's note.
    var baselineDescription: String {
        guard let row = baselineRow else { return "" }
        let settings = varyingSettings(row: row)
        return table.ids[row] + (settings.isEmpty ? "" : " (" + settings.joined(separator: ", ") + ")")
    }

    /// Row `row`'s settings that differ between scenarios ("climate baseline", "capacity_mw 4").
    func varyingSettings(row: Int) -> [String] {
        varying.map { "\(KPICatalog.shortKeyPath($0.name)) \($0.values[row])" }
    }
}
