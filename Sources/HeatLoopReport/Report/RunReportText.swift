import Foundation

/// A run's terminal summary: the verdict, the KPI table with units, cooling-mode hours and the
/// largest jobs, in plain text that reads over SSH.
extension RunReport {
    public func terminalText() -> String {
        var lines = ["\(siteName) — HeatLoop result (\(subtitle))", ""]
        if let enefg {
            lines.append("EnEfG §11: \(enefg.verdict) — PUE \(NumberText.grouped(enefg.pueAchieved, decimals: 3)) "
                + "(≤ \(NumberText.grouped(enefg.pueRequired, decimals: 2)) \(enefg.passesPUE ? "ok" : "too high")), "
                + "ERF \(NumberText.percent(enefg.erfAchieved)) (≥ \(NumberText.percent(enefg.erfRequired, decimals: 0)) "
                + "\(enefg.passesERF ? "ok" : "too low"))")
            lines.append("  \(enefg.basis)")
            if enefg.isAssessed {
                lines += enefg.shortfalls(itMWh: kpi("it_energy_MWh"), facilityMWh: kpi("facility_energy_MWh"),
                                          reusedMWh: kpi("waste_heat_reused_MWh")).map { "  \($0)" }
            }
        } else {
            lines.append("EnEfG §11: not assessed (no compliance.commissioning_date in the site file)")
        }
        let failures = failures.messages
        if !failures.isEmpty { lines += ["WARNING: the plant did not do its job:"] + failures.map { "  ! \($0)" } }
        lines.append("Cooling modes: free \(hours("free_cooling_hours")) · partial \(hours("partial_cooling_hours")) · "
            + "mechanical \(hours("mechanical_cooling_hours")) · unmet \(hours("unmet_cooling_hours", decimals: 1))")
        lines.append("")

        var rows: [[String]] = []
        for group in kpiGroups {
            rows.append([group.title, "", ""])
            for row in group.rows where row.display.style != .verdict {
                rows.append(["  " + row.display.label, row.display.text(row.value), row.display.unit])
            }
        }
        lines += TextTable(header: ["Indicator", "Value", "Unit"], rows: rows, rightAligned: [false, true, false]).lines()

        if let jobs, !jobs.coordinateLabels.isEmpty {
            lines.append("")
            lines.append("Largest jobs (\(min(10, jobs.coordinateLabels.count)) of \(jobs.coordinateLabels.count), energy at the meter):")
            let table = TextTable(header: ["Job"] + Self.jobColumns.map(\.header),
                                  rows: Self.largestJobs(jobs).map { job in [job.name] + job.cells.map { $0.text } },
                                  rightAligned: [false] + Self.jobColumns.map { _ in true })
            lines += table.lines()
        }
        return lines.joined(separator: "\n")
    }

    private func hours(_ name: String, decimals: Int = 0) -> String {
        NumberText.grouped(kpi(name), decimals: decimals) + " h"
    }
}
