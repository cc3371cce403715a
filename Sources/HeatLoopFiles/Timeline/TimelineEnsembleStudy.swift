import Foundation
import HeatLoop

/// A project timeline under uncertainty (issue 18, `heatloop run SITE --timeline FILE --ensemble N`): each
/// sample is a whole project life.
///
/// - **Weather**: year t of sample s runs in its own weather member (`TimelineWeather`: generated years
///   differ from year to year and from sample to sample; real years are drawn per year).
/// - **Uncertain inputs**: sample s's Latin-hypercube row (`EnsembleStudy.inputValues[s]`) holds for the
///   whole life: the drawn values are what is uncertain about the project (a price level, a utilisation),
///   not a fresh draw each year, which would average out over the life and understate the spread of NPV.
/// - **Timeline on top**: the timeline's ramps, escalations and steps move their keys year by year as in a
///   plain timeline run. A key both drawn and moved takes the drawn value as its year-1 level and the
///   timeline's path relative to year 1 (`ProjectTimeline.leveled`: `escalate {from: drawn, rate}`).
///
/// Each sample's years are appraised as in `TimelineStudy` (the same recipe, `TimelineStudy.appraise`);
/// years of a sample share a run only when their inputs and their weather member are the same.
public struct TimelineEnsembleStudy: Sendable {
    /// The site, the uncertainty spec, the weather members' source and the drawn inputs.
    public let ensemble: EnsembleStudy
    public let spec: TimelineSpec
    public let timeline: ProjectTimeline
    /// Per sample, per year (index t − 1), the weather member it runs in.
    public let weatherMembers: [[Int]]

    public var base: SiteInput { ensemble.base }
    public var count: Int { ensemble.count }

    /// Reads the site and the uncertainty spec's weather (`EnsembleStudy`); `samples` overrides the spec's.
    public init(site: String, timeline spec: TimelineSpec, uncertainty: UncertaintySpec, samples: Int? = nil,
                timestepOverride: Int? = nil) throws(InputError) {
        ensemble = try EnsembleStudy(site: site, spec: uncertainty, samples: samples, timestepOverride: timestepOverride)
        self.spec = spec
        timeline = TimelineStudy.timeline(spec, base: ensemble.base)
        let drawn = Set(ensemble.spec.inputs.map(\.keyPath))
        let unscalable = timeline.inputs.filter { drawn.contains($0.keyPath) && $0.change.value(inYear: 1) == 0 }
        guard unscalable.isEmpty else {
            throw .site(SpecProblems(unscalable.map {
                SpecProblem(file: site, line: nil, column: nil, keyPath: $0.keyPath, message: "drawn by the uncertainty spec and "
                    + "moved by the timeline from 0 in year 1: a drawn value is the year-1 level the timeline's path is scaled to; "
                    + "start the timeline's change at a nonzero value, or leave the key out of one of the two")
            }))
        }
        weatherMembers = TimelineWeather.members(samples: ensemble.count, years: timeline.years, weather: ensemble.weather,
                                                 seed: ensemble.spec.seed)
    }

    /// Sample `sample`'s timeline: drawn inputs the timeline moves set as their year-1 levels.
    public func timeline(sample: Int) -> ProjectTimeline {
        let levels = Dictionary(zip(ensemble.spec.inputs.map(\.keyPath), ensemble.inputValues[sample]), uniquingKeysWith: { a, _ in a })
        return timeline.leveled(levels) ?? timeline  // nil refused in init
    }

    /// Sample `sample`'s drawn inputs the timeline does not move, set for its whole life.
    func fixedSettings(sample: Int) -> [(keyPath: String, value: Double)] {
        let moved = Set(timeline.inputs.map(\.keyPath))
        return zip(ensemble.spec.inputs.map(\.keyPath), ensemble.inputValues[sample]).filter { !moved.contains($0.0) }
            .map { (keyPath: $0.0, value: $0.1) }
    }

    /// The years (0-based) of sample `sample` that are simulated (the others reuse one of them).
    public func distinctYears(sample: Int) -> [Int] {
        timeline(sample: sample).distinctYears(weatherMembers: weatherMembers[sample])
    }

    /// Year `year` (0-based) of sample `sample` appraised in its weather member.
    public func appraise(sample: Int, year: Int) throws(ScenarioFailure) -> (kpis: KPIs, economics: EconomicAssessment?) {
        let weather: WeatherSeries
        do { weather = try ensemble.weather.member(weatherMembers[sample][year]) } catch {
            throw ScenarioFailure(description: "sample \(sample), year \(timeline.startYear + year): climate: \(error)")
        }
        do {
            return try TimelineStudy.appraise(site: ensemble, timeline: timeline(sample: sample), year: year,
                                              fixed: fixedSettings(sample: sample), weather: weather, what: "sample \(sample), ")
        } catch {
            let leveled = Set(ensemble.spec.inputs.map(\.keyPath)).intersection(timeline.inputs.map(\.keyPath))
            guard !leveled.isEmpty else { throw error }
            throw ScenarioFailure(description: error.description + " (" + leveled.sorted().joined(separator: ", ")
                + ": drawn as the year-1 level and moved by the timeline relative to year 1; narrow the distribution or "
                + "leave the key out of the uncertainty or the timeline; Docs/timeline.md)")
        }
    }

    /// Every sample's distinct years, `jobs` at a time; `progress(done, total)` on the calling thread after each run.
    public func run(jobs: Int, progress: (Int, Int) -> Void = { _, _ in }) throws(ScenarioFailure) -> TimelineEnsembleSummary {
        let work = (0..<count).flatMap { sample in distinctYears(sample: sample).map { (sample: sample, year: $0) } }
        var results = [Result<(kpis: KPIs, economics: EconomicAssessment?), ScenarioFailure>?](repeating: nil, count: work.count)
        var done = 0
        progress(0, work.count)
        ParallelRunner.run(count: work.count, jobs: jobs, work: { index in
            Result { () throws(ScenarioFailure) in try self.appraise(sample: work[index].sample, year: work[index].year) }
        }, consume: { index, result in
            results[index] = result
            done += 1
            progress(done, work.count)
        })
        var runs: [[(kpis: KPIs, economics: EconomicAssessment?)]] = Array(repeating: [], count: count)
        for (index, result) in results.enumerated() {
            if let result { runs[work[index].sample].append(try result.get()) }
        }
        let samples = (0..<count).map { sample in
            TimelineStudy.summary(timeline(sample: sample), runs: runs[sample], base: base, weatherMembers: weatherMembers[sample])
        }
        return TimelineEnsembleSummary(inputKeys: ensemble.spec.inputs.map(\.keyPath), inputValues: ensemble.inputValues, samples: samples)
    }
}

extension ScenarioTable {
    /// A timeline ensemble's result table (`heatloop run --timeline --ensemble`): one row per sample along
    /// `sample`, with the drawn inputs, the project figures (NPV, IRR, LCOH, payback, investment), and per
    /// calendar year Y heat delivered, PUE, ERF and the EnEfG verdict (`heat_delivered_MWh_Y`, `pue_Y`,
    /// `erf_Y`, `enefg_pass_Y`); the project figures' P10/P50/P90/mean as root attributes (`npv_eur_p10` …,
    /// exceedance convention). Per-year percentiles and EnEfG shares follow from the columns
    /// (`TimelineEnsembleSummary.percentilesByYear`, `enefgShare`).
    public init(timelineEnsemble summary: TimelineEnsembleSummary, name: String, sampling: String, attributes: [ResultAttribute]) {
        let rows = summary.samples.enumerated().map { index, sample in
            var values = zip(summary.inputKeys, summary.inputValues[index]).map { key, value in
                (name: key, units: "", longName: "uncertain site input \(key) (year-1 level where the timeline moves it)", value: value)
            }
            values += sample.named
            for year in sample.years {
                let named = year.kpis.named
                for column in TimelineEnsembleSummary.yearColumns {
                    guard let kpi = named.first(where: { $0.name == column }) else { continue }
                    values.append(("\(column)_\(year.calendarYear)", kpi.units, "\(kpi.longName) in \(year.calendarYear)", kpi.value))
                }
                values.append(("enefg_pass_\(year.calendarYear)", "1",
                               "EnEfG §11 verdict in \(year.calendarYear): 1 pass, 0 fail, -1 not assessed or no target",
                               Double(year.enefg?.passCode ?? -1)))
            }
            return ScenarioRow(id: "sample-\(index)", labels: [], values: values)
        }
        var all = attributes + [
            ResultAttribute("kind", .string("timeline_ensemble")),
            ResultAttribute("timeline", .string(name)),
            ResultAttribute("samples", .int(summary.count)),
            ResultAttribute("sampling", .string(sampling)),
            ResultAttribute("start_year", .int(summary.calendarYears.first ?? 0)),
            ResultAttribute("years", .int(summary.calendarYears.count)),
            ResultAttribute("simulated_years", .int(summary.simulatedCount)),
            ResultAttribute("discount_rate", .double(summary.samples.first?.discountRate ?? .nan)),
            ResultAttribute("percentile_convention",
                            .string("exceedance: P90 is the value exceeded in 90 % of samples (the 10th percentile); "
                                    + "linear interpolation, Hyndman-Fan definition 7")),
        ]
        for (name, percentiles) in summary.projectPercentiles {
            all += percentiles.named(name).map { ResultAttribute($0.name, .double($0.value)) }
        }
        self.init(dimension: "sample", rows: rows, attributes: all)
    }
}
