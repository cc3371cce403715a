import Foundation
import HeatLoop

/// A site run over an ensemble of samples (issue 18): sample i runs in weather member i
/// (`WeatherEnsemble`: generated years, real years or the typical year, with the climate scenario on top)
/// with the uncertain inputs' values of Latin-hypercube row i set in the site file (`UncertainInput`),
/// designed like the file itself (the plant is sized for the site's own weather file, whatever the
/// sample's weather). Each sample is appraised through `ScenarioRunner` (summary only: no result document,
/// no hourly series) and the KPIs go into an `EnsembleSummary`.
///
/// Seeds: the weather generator uses `seed`; the Latin hypercube uses `seed` mixed by SplitMix64, so the two
/// never share a random stream.
public struct EnsembleStudy: Sendable {
    public let sitePath: String
    public let spec: UncertaintySpec
    /// The site as read (for its name, weather path and the design weather).
    public let base: SiteInput
    public let weather: WeatherEnsemble
    /// Per sample, the uncertain inputs' values in `spec.inputs` order.
    public let inputValues: [[Double]]
    /// The site file's tree and what it reads, from which each sample is made.
    private let sample: EnsembleSample

    public var count: Int { inputValues.count }

    /// Reads the site (`SiteInput.load`) and the weather files of `spec`; `samples` overrides the spec's count.
    public init(site: String, spec: UncertaintySpec, samples: Int? = nil,
                timestepOverride: Int? = nil) throws(InputError) {
        var spec = spec
        if let samples { spec.samples = samples }
        base = try SiteInput.load(path: site, timestepOverride: timestepOverride)
        sitePath = site
        self.spec = spec
        let root: SpecNode
        let log = SpecProblemLog(file: site)
        do throws(SpecProblems) {
            guard let parsed = YAMLDocument.parse(text: try YAMLDocument.text(ofFile: site, what: "site file"), log: log) else {
                throw SpecProblems(log.problems)
            }
            root = parsed
        } catch { throw .site(error) }
        var traces: [String: RegularTrace] = [:]
        for file in base.spec.seriesFiles {
            do {
                traces[file.path] = try TraceReader.read(path: SiteSpec.resolve(file.path, relativeTo: site),
                                                         column: file.column ?? "", accepting: file.accepting)
            } catch { throw .trace(error) }
        }
        sample = EnsembleSample(root: root, sitePath: site, traces: traces, designAmbient: DesignAmbient(weather: base.weather),
                                weatherPath: base.weatherPath, weatherSHA256: base.weatherSHA256,
                                timestepOverride: timestepOverride)
        weather = try Self.weather(spec, base: base.weather, file: site)
        inputValues = Self.inputValues(spec)
    }

    static func weather(_ spec: UncertaintySpec, base: WeatherSeries, file: String) throws(InputError) -> WeatherEnsemble {
        let climate: ClimateMorph?
        do { climate = try spec.climate?.model } catch {
            throw .site(SpecProblems([SpecProblem(file: file, line: nil, column: nil, keyPath: "climate", message: error.description)]))
        }
        do {
            switch spec.weather {
            case .typical: return try WeatherEnsemble(.recorded([base]), climate: climate)
            case .generated(let variability):
                return try WeatherEnsemble(.generated(WeatherGenerator(base: base, variability: variability, seed: spec.seed)),
                                           climate: climate)
            case .files(let paths):
                var years: [WeatherSeries] = []
                for path in paths {
                    do { years.append(try EPWReader.read(path: path)) } catch { throw InputError.weather(error) }
                }
                return try WeatherEnsemble(.recorded(years), climate: climate)
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw .site(SpecProblems([SpecProblem(file: file, line: nil, column: nil, keyPath: "weather", message: "\(error)")]))
        }
    }

    /// Sample `index`'s input: the site with its drawn values, in its weather member.
    public func input(_ index: Int) throws(ScenarioFailure) -> SiteInput {
        try sample.input(index, inputs: spec.inputs, values: inputValues[index], weather: weather)
    }

    /// The site with `settings` (key path, value) set, in `weather` (nil: its own weather file; a timeline's
    /// year); problems name `what`.
    public func input(_ what: String, settings: [(keyPath: String, value: Double)],
                      weather: WeatherSeries? = nil) throws(ScenarioFailure) -> SiteInput {
        try sample.input(what, settings: settings, weather: weather ?? base.weather)
    }

    /// The named KPIs and economics of sample `index`'s appraised year, and its monthly heat delivered.
    public func appraise(_ index: Int) throws(ScenarioFailure) -> [(name: String, units: String, longName: String, value: Double)] {
        let run = try ScenarioRunner(input: input(index)).appraise(summaryOnly: true)
        return run.summary.annual.named + (run.summary.economics?.named ?? []) + EnsembleSummary.monthlyHeat(run.summary)
    }

    /// The Latin-hypercube values of `spec`'s inputs, seeded with its seed mixed by SplitMix64.
    static func inputValues(_ spec: UncertaintySpec) -> [[Double]] {
        var mix = spec.seed ^ 0x4C48_535F_5345_4544  // "LHS_SEED"
        return UncertainInput.sample(spec.inputs, count: spec.samples, seed: RandomGenerator.splitMix64(&mix),
                                     correlations: spec.correlations)
    }

    /// Every sample, `jobs` at a time; `progress(done, total)` on the calling thread after each.
    public func run(jobs: Int, progress: (Int, Int) -> Void = { _, _ in }) throws(ScenarioFailure) -> EnsembleSummary {
        var results = [Result<[(name: String, units: String, longName: String, value: Double)], ScenarioFailure>?](
            repeating: nil, count: count)
        var done = 0
        progress(0, count)
        ParallelRunner.run(count: count, jobs: jobs, work: { index in
            Result { () throws(ScenarioFailure) in try self.appraise(index) }
        }, consume: { index, result in
            results[index] = result
            done += 1
            progress(done, count)
        })
        var samples: [[(name: String, units: String, longName: String, value: Double)]] = []
        for result in results { if let result { samples.append(try result.get()) } }
        return EnsembleSummary(inputKeys: spec.inputs.map(\.keyPath), inputValues: inputValues, samples: samples)
    }
}

/// A site file's tree and what it reads, from which an ensemble's samples are made: the drawn values set at
/// their key paths, decoded and designed like the file itself (for the site's own weather file), run in the
/// sample's weather member. Shared by `EnsembleStudy` and the sizing sweep under uncertainty, whose designs
/// each give one (the design's resolved site).
struct EnsembleSample: Sendable {
    var root: SpecNode
    var sitePath: String
    var traces: [String: RegularTrace]
    /// The design condition of the weather the plant is designed for (the site's own file, whatever the
    /// sample's weather): worked out once by the caller (8760 wet-bulb solves, more than an hourly run's
    /// simulation), not per sample.
    var designAmbient: DesignAmbient
    var weatherPath: String
    var weatherSHA256: String
    var timestepOverride: Int?
    /// `root` decoded, when it has no problems: a sample then reads again only the top-level sections its
    /// settings change (`SiteSpec.decode(_:rereading:of:log:)`, the same to the bit), not the whole site.
    var decoded: SiteSpec? = nil

    /// `root` decoded once, for samples that set values on it (nil when it has problems).
    func decodingOnce() -> EnsembleSample {
        var sample = self
        let log = SpecProblemLog(file: sitePath)
        let spec = SiteSpec.decode(root, log: log)
        sample.decoded = log.problems.isEmpty ? spec : nil
        return sample
    }

    func input(_ index: Int, inputs: [UncertainInput], values: [Double],
               weather: WeatherEnsemble) throws(ScenarioFailure) -> SiteInput {
        let member: WeatherSeries
        do { member = try weather.member(index) } catch {
            throw ScenarioFailure(description: "sample \(index): climate: \(error)")
        }
        return try input("sample \(index)", settings: Array(zip(inputs.map(\.keyPath), values)), weather: member)
    }

    /// The site with `settings` (key path, value) set, decoded and designed, run in `weather`; problems are
    /// reported as `what` (e.g. `sample 3`, `year 2031`) with the values set.
    func input(_ what: String, settings: [(keyPath: String, value: Double)], weather member: WeatherSeries) throws(ScenarioFailure) -> SiteInput {
        var node = root
        // Key paths that do not parse set nothing.
        let paths = settings.compactMap { setting in SiteKeyPath(setting.keyPath).map { (setting, $0) } }
        for ((keyPath, value), path) in paths {
            do { node = try node.setting(path, to: .number(value)) } catch {
                throw ScenarioFailure(description: "\(what): \(keyPath): \(error.message)")
            }
        }
        let log = SpecProblemLog(file: sitePath)
        // The schema's checks only: the settings are numbers, so the files the tree names are the ones checked
        // when the site was read (`SiteSpec.checkFiles` asks the file system for each, every sample).
        // Only the top-level sections the settings change are read again.
        let leading = paths.compactMap(\.1.components.first)
        let keys = leading.compactMap { if case .key(let key) = $0 { key } else { nil } }
        var decoded = if let base = self.decoded, keys.count == leading.count {
            SiteSpec.decode(node, rereading: Set(keys), of: base, log: log)
        } else {
            SiteSpec.decode(node, log: log)
        }
        if let timestepOverride { decoded.timestepMin = timestepOverride }
        let designed = decoded.designed(ambient: designAmbient)
        let problems = log.problems.map(\.description) + designed.problems.map { "\($0.keyPath): \($0.message)" }
        guard problems.isEmpty else {
            let drawn = settings.map { "\($0.keyPath) = \(formatNumber($0.value))" }
            throw ScenarioFailure(description: "\(what) (\(drawn.joined(separator: ", "))): "
                                  + problems.joined(separator: "; "))
        }
        return SiteInput(designed: designed, traces: traces, weather: member, weatherPath: weatherPath,
                         weatherSHA256: weatherSHA256)
    }
}

extension ScenarioTable {
    /// An ensemble's result table (`heatloop run --ensemble`): one row per sample along `sample`, with the
    /// uncertain inputs' values and the KPIs, how they were sampled (`UncertaintySpec.samplingText`), and P10/P50/P90/mean of each KPI as root attributes
    /// (`<kpi>_p10` …; exceedance convention, `Percentiles`).
    public init(ensemble: EnsembleSummary, study: String, sampling: String, attributes: [ResultAttribute]) {
        let rows = (0..<ensemble.count).map { index in
            var values = zip(ensemble.inputKeys, ensemble.inputValues[index]).map { key, value in
                (name: key, units: "", longName: "uncertain site input \(key)", value: value)
            }
            for column in ensemble.kpiNames.indices {
                values.append((ensemble.kpiNames[column], ensemble.kpiUnits[column], ensemble.kpiLongNames[column],
                               ensemble.kpiValues[index][column]))
            }
            if !ensemble.monthlyHeatDelivered.isEmpty {
                values += EnsembleSummary.monthlyHeatNamed(ensemble.monthlyHeatDelivered[index])
            }
            return ScenarioRow(id: "sample-\(index)", labels: [], values: values)
        }
        var all = attributes + [
            ResultAttribute("kind", .string("ensemble")),
            ResultAttribute("study", .string(study)),
            ResultAttribute("samples", .int(ensemble.count)),
            ResultAttribute("sampling", .string(sampling)),
            ResultAttribute("percentile_convention",
                            .string("exceedance: P90 is the value exceeded in 90 % of samples (the 10th percentile); "
                                    + "linear interpolation, Hyndman-Fan definition 7")),
        ]
        for (name, percentiles) in zip(ensemble.kpiNames, ensemble.percentiles) {
            all += percentiles.named(name).map { ResultAttribute($0.name, .double($0.value)) }
        }
        self.init(dimension: "sample", rows: rows, attributes: all)
    }
}
