import Foundation
import HeatLoop

/// A site file and its weather, read, validated and designed: everything a run needs.
public struct SiteInput: Sendable {
    /// The designed site: the resolved description and its design loads.
    public var designed: DesignedSite
    public var site: Site
    public var weather: WeatherSeries
    public var weatherPath: String
    public var weatherSHA256: String
    /// The heat-reuse project to appraise, when the site file has `economics`.
    public var project: HeatReuseProject?
    /// The site file's own `uncertainty:` section (`heatloop run --ensemble`; a single run ignores it).
    public var uncertainty: UncertaintySpec?

    /// The resolved description (defaults and derived values filled in).
    public var spec: SiteSpec { designed.spec }

    /// Converts a designed site to its models (`traces`: the series its files hold, keyed as written).
    public init(designed: DesignedSite, traces: [String: RegularTrace], weather: WeatherSeries, weatherPath: String,
                weatherSHA256: String) {
        self.designed = designed
        // UTC traces (`time_utc`) join the simulation on the weather file's local standard time.
        let traces = traces.mapValues { $0.onLocalStandardTime(utcOffsetMinutes: weather.location.utcOffsetMinutes) }
        site = Site(designed: designed, traces: traces, elevation: weather.location.elevation)
        self.weather = weather
        self.weatherPath = weatherPath
        self.weatherSHA256 = weatherSHA256
        project = HeatReuseProject(designed: designed, traces: traces)
    }

    /// Reads `path`, applying command-line overrides (weather file, step length). Throws every problem
    /// of the site file at once; weather problems name the EPW file and line.
    public static func load(path: String, weatherOverride: String? = nil,
                            timestepOverride: Int? = nil) throws(InputError) -> SiteInput {
        let log = SpecProblemLog(file: path)
        let root: SpecNode
        do throws(SpecProblems) {
            guard let parsed = YAMLDocument.parse(text: try YAMLDocument.text(ofFile: path, what: "site file"), log: log) else {
                throw SpecProblems(log.problems)
            }
            root = parsed
        } catch { throw .site(error) }
        var spec = SiteSpec.decode(file: path, root: root, log: log)
        let uncertainty = UncertaintySpec.siteSection(root: root, log: log)
        guard log.problems.isEmpty else { throw .site(SpecProblems(log.problems)) }
        let siteWeatherPath = SiteSpec.resolve(spec.weather, relativeTo: path)
        var weatherPath = siteWeatherPath
        if let weatherOverride {
            weatherPath = weatherOverride
            spec.weather = weatherOverride
        }
        if let timestepOverride { spec.timestepMin = timestepOverride }
        var traces: [String: RegularTrace] = [:]
        for file in spec.seriesFiles {
            do {
                traces[file.path] = try TraceReader.read(path: SiteSpec.resolve(file.path, relativeTo: path),
                                                         column: file.column ?? "", accepting: file.accepting)
            } catch { throw .trace(error) }
        }
        let weather: WeatherSeries, designWeather: WeatherSeries
        do {
            weather = try EPWReader.read(path: weatherPath)
            // The plant is designed for the site's own weather, whichever weather it then runs in.
            designWeather = weatherPath == siteWeatherPath ? weather : try EPWReader.read(path: siteWeatherPath)
        } catch { throw .weather(error) }
        let weatherBytes = FileManager.default.contents(atPath: weatherPath) ?? Data()
        let designed = spec.designed(ambient: DesignAmbient(weather: designWeather))
        let cursor = SpecCursor(root: root, log: log)
        for problem in designed.problems { cursor.at(problem.keyPath).problem(problem.message) }
        guard log.problems.isEmpty else { throw .site(SpecProblems(log.problems)) }
        var input = SiteInput(designed: designed, traces: traces, weather: weather, weatherPath: weatherPath,
                              weatherSHA256: SHA256.hex(weatherBytes))
        input.uncertainty = uncertainty
        return input
    }

    /// Things worth a warning: filled weather values, racks beyond their cooling class.
    public var warnings: [String] {
        weather.filledValues.sorted { $0.key < $1.key }.filter { $0.value > 0 }.map {
            "\(weatherPath): \($0.value) missing or invalid \($0.key) values filled by interpolation"
        } + weather.corrections + site.warnings
    }

    /// The resolved site file (defaults and derived values filled in) as YAML, for the result's
    /// `site_config`; it reads back to the same description.
    public var resolvedYAML: String {
        (try? YAMLDocument.text(of: spec.node)) ?? ""
    }

    /// The same resolved site as JSON (its canonical text, keys sorted), for the result's
    /// `site_config_json`: what programs (the report) read back with `SiteSpec(json:)`.
    public var resolvedJSON: String { spec.canonicalJSON }
}

/// Invalid input: the site file's problems, or the weather file's, or a batch file's.
public enum InputError: Error, CustomStringConvertible {
    case site(SpecProblems)
    /// A batch file's problems, with those of its site, weather and trace files (each names its file).
    case batch(SpecProblems)
    case weather(WeatherFileError)
    case trace(TraceFileError)

    public var description: String {
        switch self {
        case .site(let problems), .batch(let problems): problems.description
        case .weather(let error): error.description
        case .trace(let error): error.description
        }
    }
}
