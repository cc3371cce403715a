import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5
import HeatLoopReport  // TextTable, NumberText

/// `heatloop run SITE --timeline FILE`: the site over its project's years (each distinct year simulated
/// once), the per-year table with cash flows and the EnEfG verdict of that year, NPV/IRR/LCOH/payback from
/// the year-by-year flows; writes `<site>-timeline.h5` and `.csv`.
enum TimelineRun {
    static func run(site: String, timeline path: String, timestepMin: Int?, output: String?, jobs: Int, json: Bool,
                    quiet: Bool) throws {
        let started = Date()
        let spec = try loadInput { () throws(InputError) in try TimelineSpec.load(path: path) }
        let study = try loadInput { () throws(InputError) in
            try TimelineStudy(site: site, spec: spec, timestepOverride: timestepMin)
        }
        let summary = try ProgressBar.run(unit: "years", quiet: quiet || json, failing: ExitStatus.invalidInput) {
            progress throws(ScenarioFailure) in try study.run(jobs: jobs, progress: progress)
        }
        let name = study.base.site.name
        let table = ScenarioTable(timeline: summary, name: spec.name, attributes: RunOrigin.now().attributes + [
            ResultAttribute("title", .string("HeatLoop timeline of \(name)")), ResultAttribute("site", .string(name)),
        ])
        let file = OutputPath.resolve(output, siteName: "\(name)-timeline")
        try OutputPath.writeTable(table, to: file)
        if json {
            print(self.json(summary, site: name, output: file))
        } else if !quiet {
            print(text(summary, site: name, output: file, seconds: Date().timeIntervalSince(started)))
        }
    }

    /// The terminal table: one line per year.
    static func text(_ summary: TimelineSummary, site: String, output: String, seconds: Double) -> String {
        let timeline = summary.timeline
        var lines = ["Timeline of \(site): \(timeline.years) years from \(timeline.startYear), "
                     + "\(summary.simulatedCount) distinct year(s) simulated (years with the same inputs share a run)", ""]
        let inputs = timeline.inputs.map { String($0.keyPath.split(separator: ".").last ?? "") }
        let header = ["year"] + inputs + ["heat MWh", "PUE", "ERF %", "cash flow k€", "EnEfG target", "EnEfG"]
        let rows = summary.years.enumerated().map { index, year -> [String] in
            let flow = summary.cashFlows.map { decimalText($0.years[index].netCashFlow / 1000, 0) } ?? "–"
            let target = year.enefg?.targetText ?? "–"
            return ["\(year.calendarYear)"] + year.inputValues.map { NumberText.significant($0, digits: 4) }
                + [decimalText(year.kpis.heatDeliveredMWh, 0), decimalText(year.kpis.pue, 3), decimalText(100 * year.kpis.erf, 1),
                   flow, target, year.enefg?.verdict ?? "–"]
        }
        lines += TextTable(header: header, rows: rows, rightAligned: header.indices.map { $0 < header.count - 2 }).lines()
        lines.append("")
        if summary.cashFlows != nil {
            lines.append("NPV \(decimalText(summary.npv / 1e6, 2)) M€ at \(decimalText(100 * summary.discountRate, 1)) %, IRR "
                + (summary.irr.isFinite ? "\(decimalText(100 * summary.irr, 1)) %" : "none") + ", LCOH \(decimalText(summary.lcoh, 1)) €/MWh, "
                + "payback " + (summary.paybackYears.isFinite ? "\(decimalText(summary.paybackYears, 1)) years" : "not within the timeline")
                + ", investment \(decimalText((summary.cashFlows?.investment ?? 0) / 1e6, 2)) M€")
        }
        lines.append("Results: \(output), \((output as NSString).deletingPathExtension).csv" + String(format: " (%.1f s)", seconds))
        return lines.joined(separator: "\n")
    }

    /// `--json`: the project figures and one object per year.
    static func json(_ summary: TimelineSummary, site: String, output: String) -> String {
        func number(_ value: Double) -> Any { value.isFinite ? value : NSNull() }
        let years: [[String: Any]] = summary.years.enumerated().map { index, year in
            var object: [String: Any] = [
                "year": year.calendarYear, "simulated_as": summary.timeline.startYear + year.simulatedAs,
                "inputs": Dictionary(uniqueKeysWithValues: zip(summary.timeline.inputs.map(\.keyPath), year.inputValues.map(number))),
                "heat_delivered_MWh": number(year.kpis.heatDeliveredMWh), "pue": number(year.kpis.pue), "erf": number(year.kpis.erf),
                "unmet_cooling_hours": number(year.kpis.unmetCoolingHours),
            ]
            if let flows = summary.cashFlows { object["net_cash_flow_eur"] = number(flows.years[index].netCashFlow) }
            if let enefg = year.enefg {
                object["enefg"] = ["verdict": enefg.verdict, "basis": enefg.basis, "pue_required": number(enefg.pueRequired),
                                   "erf_required": number(enefg.erfRequired), "pass": enefg.passCode]
            }
            return object
        }
        var object: [String: Any] = ["site": site, "start_year": summary.timeline.startYear, "years": years,
                                     "simulated_years": summary.simulatedCount, "discount_rate": summary.discountRate, "output": output]
        for figure in summary.named { object[figure.name] = number(figure.value) }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
