import HeatLoop

/// The KPI table of a run: `/summary`'s numeric attributes grouped in `KPICatalog.runSections`, then
/// economics and other attributes no section names, so every KPI in the file appears exactly as stored.
extension RunReport {
    public struct KPIGroup: Sendable {
        public var title: String
        public var note: String
        public var rows: [(display: KPIDisplay, value: Double)]
    }

    /// The site's `economics.currency`: the unit of the money KPIs.
    public var currency: Currency { site?.economics?.currencyUnit ?? .euro }

    public var kpiGroups: [KPIGroup] {
        let currency = currency
        func display(_ name: String) -> KPIDisplay { KPICatalog.display(for: name).in(currency) }
        var numbers: [String: Double] = [:]
        var order: [String] = []
        for attribute in summary {
            guard let value = attribute.value.double else { continue }
            numbers[attribute.name] = value
            order.append(attribute.name)
        }
        var listed = Set<String>()
        var groups: [KPIGroup] = KPICatalog.runSections.map { section in
            let rows = section.names.compactMap { name -> (display: KPIDisplay, value: Double)? in
                guard let value = numbers[name] else { return nil }
                listed.insert(name)
                return (display(name), value)
            }
            return KPIGroup(title: section.title, note: section.note, rows: rows)
        }
        let rest = order.filter { !listed.contains($0) }
        let economic = rest.filter { $0.contains("_eur") }
        if let index = groups.firstIndex(where: { $0.title == "Economics" }) {
            groups[index].rows += economic.map { (display($0), numbers[$0] ?? .nan) }
        }
        let other = rest.filter { !$0.contains("_eur") }
        groups.append(KPIGroup(title: "Other", note: "further /summary attributes",
                               rows: other.map { (display($0), numbers[$0] ?? .nan) }))
        return groups.filter { !$0.rows.isEmpty }
    }

    /// The KPI table as HTML: each value cell carries `data-kpi` (the attribute name) and `data-value`
    /// (its exact stored value), the text shows it rounded.
    func kpiTableHTML() -> String {
        var rows: [[HTMLPage.Cell]] = []
        for group in kpiGroups {
            rows.append([HTMLPage.Cell("\(group.title) — \(group.note)")])
            for row in group.rows {
                let verdictClass: String? = row.display.style == .verdict ? (row.value == 1 ? "pass" : row.value == 0 ? "fail" : nil) : nil
                rows.append([
                    HTMLPage.Cell(row.display.label),
                    HTMLPage.Cell(row.display.text(row.value), numeric: true, value: row.value, kpi: row.display.name,
                                  className: verdictClass),
                    HTMLPage.Cell(row.display.style == .verdict ? "" : row.display.unit),
                ])
            }
        }
        return HTMLPage.table(header: ["Indicator", "Value", "Unit"], rows: rows, id: "kpi-table")
    }

    /// The plant's failures in a banner above everything else; empty when there were none.
    func failuresBannerHTML() -> String {
        let messages = failures.messages
        guard !messages.isEmpty else { return "" }
        return "<div class=\"banner failure\" id=\"failures\"><strong>The plant did not do its job</strong><ul>"
            + messages.map { "<li>\(Markup.escaped($0))</li>" }.joined() + "</ul></div>"
    }

    /// The EnEfG §11 verdict in a box: pass or fail (not assessed while cooling went unmet), the targets
    /// against the achieved figures, the rule applied and, when failing, what must change.
    func enefgVerdictHTML() -> String {
        guard let enefg else {
            return "<div class=\"verdict\"><strong>EnEfG §11: not assessed</strong> — the site file has no "
                + "<code>compliance.commissioning_date</code>.</div>"
        }
        let verdict = enefg.isAssessed ? (enefg.passes ? " pass" : " fail") : ""
        var html = "<div class=\"verdict\(verdict)\"><strong>EnEfG §11: \(Markup.escaped(enefg.verdict))</strong> — "
            + Markup.escaped("PUE \(NumberText.grouped(enefg.pueAchieved, decimals: 3)) (required ≤ "
                + "\(NumberText.grouped(enefg.pueRequired, decimals: 2))) \(enefg.passesPUE ? "✓" : "✗"); "
                + "ERF \(NumberText.percent(enefg.erfAchieved)) (required ≥ \(NumberText.percent(enefg.erfRequired, decimals: 0))) "
                + "\(enefg.passesERF ? "✓" : "✗")")
            + "<br><span class=\"note\">\(Markup.escaped(enefg.basis))</span>"
        let shortfalls = enefg.shortfalls(itMWh: kpi("it_energy_MWh"), facilityMWh: kpi("facility_energy_MWh"),
                                          reusedMWh: kpi("waste_heat_reused_MWh"))
        for shortfall in enefg.isAssessed ? shortfalls : [] {
            html += "<br>\(Markup.escaped(shortfall))"
        }
        return html + "</div>"
    }
}
