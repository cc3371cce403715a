import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5
import HeatLoopReport  // TextTable

/// `heatloop run SITE --timeline FILE --ensemble N [--uncertainty FILE]`: the project's life over N samples
/// (each year in its own weather year, the sample's drawn inputs over the whole life, the timeline on top;
/// `TimelineEnsembleStudy`), summary only; writes the per-sample table (`<site>-timeline-ensemble.h5` and
/// `.csv`) and prints P90/P50/P10/mean of NPV, IRR, LCOH and payback and per year of heat delivered, PUE, ERF
/// and the share of samples meeting the EnEfG targets.
enum TimelineEnsembleRun {
    static func run(site: String, timeline path: String, uncertainty: String?, samples: Int?, seed: Int?, timestepMin: Int?,
                    output: String?, jobs: Int, json: Bool, quiet: Bool) throws {
        let started = Date()
        let timelineSpec = try loadInput { () throws(InputError) in try TimelineSpec.load(path: path) }
        var spec = try EnsembleRun.uncertaintySpec(site: site, file: uncertainty)
        if let seed { spec.seed = UInt64(seed) }
        let study = try loadInput { () throws(InputError) in
            try TimelineEnsembleStudy(site: site, timeline: timelineSpec, uncertainty: spec, samples: samples, timestepOverride: timestepMin)
        }
        let summary = try ProgressBar.run(unit: "site-years", quiet: quiet || json, failing: ExitStatus.invalidInput) {
            progress throws(ScenarioFailure) in try study.run(jobs: jobs, progress: progress)
        }
        let name = study.base.site.name
        let table = ScenarioTable(timelineEnsemble: summary, name: timelineSpec.name, sampling: study.ensemble.spec.samplingText,
                                  attributes: RunOrigin.now().attributes + [
            ResultAttribute("title", .string("HeatLoop timeline ensemble of \(name)")), ResultAttribute("site", .string(name)),
            ResultAttribute("weather_ensemble", .string(EnsembleRun.weatherText(study.ensemble) + weatherNote(study))),
            ResultAttribute("seed", .int(Int(study.ensemble.spec.seed))),
        ])
        let file = OutputPath.resolve(output, siteName: "\(name)-timeline-ensemble")
        try OutputPath.writeTable(table, to: file)
        if json {
            print(self.json(summary, study: study, output: file))
        } else if !quiet {
            print(text(summary, study: study, output: file, seconds: Date().timeIntervalSince(started)))
        }
    }

    /// How the years get their weather (`TimelineWeather`), after the ensemble's weather text.
    static func weatherNote(_ study: TimelineEnsembleStudy) -> String {
        switch study.ensemble.weather.source {
        case .generated: "; sample s, year t in generated year s·L + t − 1 (consecutive years on the anomaly chain)"
        case .recorded(let years) where years.count > 1: "; each year of each sample draws one of the years"
        case .recorded: ""
        }
    }

    /// The terminal text: the project figures' percentiles, then per year the percentiles of heat, PUE and
    /// ERF and the share of samples meeting the EnEfG targets.
    static func text(_ summary: TimelineEnsembleSummary, study: TimelineEnsembleStudy, output: String, seconds: Double) -> String {
        let timeline = study.timeline
        var lines = ["Timeline ensemble of \(study.base.site.name): \(summary.count) samples × \(timeline.years) years from "
                     + "\(timeline.startYear), \(summary.simulatedCount) site-years simulated",
                     "  weather: \(EnsembleRun.weatherText(study.ensemble))\(weatherNote(study))"]
        if !study.ensemble.spec.inputs.isEmpty {
            lines.append("  inputs (Latin hypercube, seed \(study.ensemble.spec.seed), one draw per project life): "
                         + study.ensemble.spec.inputs.map(\.keyPath).joined(separator: ", "))
        }
        lines.append("  timeline: " + timeline.inputs.map(\.keyPath).joined(separator: ", "))
        lines.append("  P90 = exceeded in 90 % of samples (10th percentile), P10 = exceeded in 10 %")
        lines.append("")
        if summary.hasEconomics {
            lines += EnsembleRun.percentileLines(names: TimelineEnsembleSummary.projectColumns, percentiles: summary.projectPercentiles.map(\.percentiles))
            lines.append("")
        }
        lines += TextTable(header: yearHeader, rows: yearRows(summary), rightAligned: yearHeader.map { _ in true }).lines()
        lines.append("")
        lines.append("Results: \(output), \((output as NSString).deletingPathExtension).csv" + String(format: " (%.1f s)", seconds))
        return lines.joined(separator: "\n")
    }

    static let yearHeader = ["year", "heat MWh P90", "P50", "P10", "PUE P50", "PUE P10", "ERF % P90", "P50", "EnEfG met"]

    /// Per year: heat P90/P50/P10, PUE P50/P10 (P10 the high end), ERF P90/P50, share of samples meeting EnEfG.
    static func yearRows(_ summary: TimelineEnsembleSummary) -> [[String]] {
        let heat = summary.yearlyPercentiles("heat_delivered_MWh"), pue = summary.yearlyPercentiles("pue")
        let erf = summary.yearlyPercentiles("erf"), share = summary.enefgShare
        return summary.calendarYears.enumerated().map { index, year in
            ["\(year)", decimalText(heat[index].p90, 0), decimalText(heat[index].p50, 0), decimalText(heat[index].p10, 0),
             decimalText(pue[index].p50, 3), decimalText(pue[index].p10, 3),
             decimalText(100 * erf[index].p90, 1), decimalText(100 * erf[index].p50, 1),
             share[index].isFinite ? "\(decimalText(100 * share[index], 0)) %" : "–"]
        }
    }

    /// `--json`: the project figures' percentiles and per year those of heat, PUE, ERF and the EnEfG share.
    static func json(_ summary: TimelineEnsembleSummary, study: TimelineEnsembleStudy, output: String) -> String {
        func number(_ value: Double) -> Any { value.isFinite ? value : NSNull() }
        func object(_ p: Percentiles) -> [String: Any] {
            ["p10": number(p.p10), "p50": number(p.p50), "p90": number(p.p90), "mean": number(p.mean), "samples_without_value": p.excluded]
        }
        let yearly = TimelineEnsembleSummary.yearColumns.map { ($0, summary.yearlyPercentiles($0)) }
        let share = summary.enefgShare
        let years: [[String: Any]] = summary.calendarYears.enumerated().map { index, year in
            var entry: [String: Any] = ["year": year, "enefg_share_meeting": number(share[index])]
            for (name, percentiles) in yearly { entry[name] = object(percentiles[index]) }
            return entry
        }
        var project: [String: Any] = [:]
        for (name, percentiles) in summary.projectPercentiles where summary.hasEconomics { project[name] = object(percentiles) }
        let root: [String: Any] = [
            "site": study.base.site.name, "samples": summary.count, "seed": Int(study.ensemble.spec.seed),
            "start_year": study.timeline.startYear, "simulated_site_years": summary.simulatedCount,
            "weather": EnsembleRun.weatherText(study.ensemble), "inputs": study.ensemble.spec.inputs.map(\.keyPath),
            "percentile_convention": "exceedance: p90 is exceeded in 90 % of samples (the 10th percentile)",
            "percentiles": project, "years": years, "output": output,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
