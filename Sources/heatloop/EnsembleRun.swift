import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopHDF5

/// `heatloop run SITE --ensemble N [--uncertainty FILE]`: the site over N samples of weather (and of the
/// uncertainty file's inputs, or else those of the site's own `uncertainty:` section), summary only; writes the per-sample table with the percentiles
/// (`<site>-ensemble.h5` and `.csv`) and prints P90/P50/P10/mean of the lender's KPIs.
enum EnsembleRun {
    static func run(site: String, uncertainty: String?, samples: Int?, seed: Int?, timestepMin: Int?, output: String?,
                    jobs: Int, json: Bool, quiet: Bool) throws {
        let started = Date()
        var spec = try uncertaintySpec(site: site, file: uncertainty)
        if let seed { spec.seed = UInt64(seed) }
        let study = try loadInput { () throws(InputError) in
            try EnsembleStudy(site: site, spec: spec, samples: samples, timestepOverride: timestepMin)
        }
        if spec.name.isEmpty { spec.name = study.base.site.name }
        let summary = try ProgressBar.run(unit: "samples", quiet: quiet || json, failing: ExitStatus.invalidInput) {
            progress throws(ScenarioFailure) in try study.run(jobs: jobs, progress: progress)
        }
        let path = OutputPath.resolve(output, siteName: "\(study.base.site.name)-ensemble")
        let table = ScenarioTable(ensemble: summary, study: spec.name, sampling: spec.samplingText, attributes: RunOrigin.now().attributes + [
            ResultAttribute("title", .string("HeatLoop ensemble of \(study.base.site.name)")),
            ResultAttribute("site", .string(study.base.site.name)),
            ResultAttribute("weather_ensemble", .string(weatherText(study))),
            ResultAttribute("seed", .int(Int(spec.seed))),
        ])
        try OutputPath.writeTable(table, to: path)
        if json {
            print(self.json(summary, study: study, output: path))
        } else if !quiet {
            print(self.table(summary, study: study, output: path, seconds: Date().timeIntervalSince(started)))
        }
    }

    /// The uncertainty file's spec, else the site's own `uncertainty:` section (which a file replaces), else
    /// the defaults (generated weather, no uncertain inputs).
    static func uncertaintySpec(site: String, file: String?) throws -> UncertaintySpec {
        if let file {
            do { return try UncertaintySpec.read(path: file) } catch {
                printError(errorLines(error.description))
                throw ExitStatus.invalidInput
            }
        }
        return try loadInput({ () throws(InputError) in try UncertaintySpec.load(siteSection: site) }) ?? UncertaintySpec()
    }

    static func weatherText(_ study: EnsembleStudy) -> String {
        let file = (study.base.weatherPath as NSString).lastPathComponent
        var text = switch study.spec.weather {
        case .typical: "the typical year \(file) in every sample"
        case .generated: "years generated from \(file) (seed \(study.spec.seed))"
        case .files(let paths): "\(paths.count) real years (" + paths.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") + ")"
        }
        if let climate = study.spec.climate, !climate.isBaseline { text += ", climate '\(climate.name)' on top" }
        return text
    }

    /// The terminal table: one line per KPI, P90 · P50 · P10 · mean.
    static func table(_ summary: EnsembleSummary, study: EnsembleStudy, output: String, seconds: Double) -> String {
        var lines = ["Ensemble of \(study.base.site.name): \(summary.count) samples",
                     "  weather: \(weatherText(study))"]
        if !study.spec.inputs.isEmpty {
            lines.append("  inputs (Latin hypercube, seed \(study.spec.seed)): " + study.spec.inputs.map(\.keyPath).joined(separator: ", "))
        }
        if !study.spec.correlations.isEmpty {
            lines.append("  rank correlations (Iman and Conover 1982): " + study.spec.correlations.map {
                "\($0.first) ~ \($0.second) \(decimalText($0.rank, 2))"
            }.joined(separator: ", "))
        }
        lines.append("  P90 = exceeded in 90 % of samples (10th percentile), P10 = exceeded in 10 %")
        lines.append("")
        lines += percentileLines(summary)
        lines.append("")
        lines.append("Results: \(output), \((output as NSString).deletingPathExtension).csv" + String(format: " (%.1f s)", seconds))
        return lines.joined(separator: "\n")
    }

    /// One line per KPI of `summary`: P90 · P50 · P10 · mean, under a header line (also each scenario's
    /// block of a batch under uncertainty, `BatchEnsembleRun`).
    static func percentileLines(_ summary: EnsembleSummary, indent: String = "  ") -> [String] {
        percentileLines(names: summary.kpiNames, percentiles: summary.percentiles, indent: indent)
    }

    /// One line per quantity `names[i]` with `percentiles[i]` (also a timeline ensemble's project figures).
    static func percentileLines(names: [String], percentiles: [Percentiles], indent: String = "  ") -> [String] {
        func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        var lines = [indent + "quantity".padding(toLength: 34, withPad: " ", startingAt: 0)
                     + ["P90", "P50", "P10", "mean"].map { pad($0, 14) }.joined()]
        for (index, name) in names.enumerated() {
            let p = percentiles[index]
            let decimals = ["erf", "pue", "irr"].contains(name) ? 3 : name == "payback_years" ? 1 : 0
            let label = "\(name)" + (p.excluded > 0 ? " (\(p.excluded) never)" : "")
            lines.append(indent + label.padding(toLength: 34, withPad: " ", startingAt: 0)
                         + [p.p90, p.p50, p.p10, p.mean].map { pad(decimalText($0, decimals), 14) }.joined())
        }
        return lines
    }

    /// `--json`: the percentiles per KPI, the sample count, the study and the output.
    static func json(_ summary: EnsembleSummary, study: EnsembleStudy, output: String) -> String {
        var kpis: [String: Any] = [:]
        for (index, name) in summary.kpiNames.enumerated() {
            let p = summary.percentiles[index]
            func number(_ value: Double) -> Any { value.isFinite ? value : NSNull() }
            kpis[name] = ["p10": number(p.p10), "p50": number(p.p50), "p90": number(p.p90), "mean": number(p.mean),
                          "units": summary.kpiUnits[index], "samples_without_value": p.excluded]
        }
        let object: [String: Any] = [
            "site": study.base.site.name, "samples": summary.count, "seed": Int(study.spec.seed),
            "weather": weatherText(study), "inputs": study.spec.inputs.map(\.keyPath),
            "percentile_convention": "exceedance: p90 is exceeded in 90 % of samples (the 10th percentile)",
            "percentiles": kpis, "output": output,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
