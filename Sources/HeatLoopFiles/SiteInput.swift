import Foundation
import HeatLoop
import Yams

/// A site file and its weather, read and validated: everything a run needs.
public struct SiteInput: Sendable {
    public var spec: SiteSpec
    public var site: Site
    public var weather: WeatherSeries
    public var weatherPath: String
    public var weatherSHA256: String
    /// The heat-reuse project to appraise, when the site file has `economics`.
    public var project: HeatReuseProject?

    /// Reads `path`, applying command-line overrides (weather file, step length). Throws every problem
    /// of the site file at once; weather problems name the EPW file and line.
    public static func load(path: String, weatherOverride: String? = nil,
                            timestepOverride: Int? = nil) throws(InputError) -> SiteInput {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .site(SpecProblems([SpecProblem(file: path, line: nil, column: nil, keyPath: "",
                                                  message: "cannot read the site file (missing or not readable)")]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .site(SpecProblems([SpecProblem(file: path, line: nil, column: nil, keyPath: "",
                                                  message: "not UTF-8 text")]))
        }
        var spec: SiteSpec
        do { spec = try SiteSpec.decode(text: text, file: path) } catch { throw .site(error) }
        var weatherPath = SiteSpec.resolve(spec.weather, relativeTo: path)
        if let weatherOverride {
            weatherPath = weatherOverride
            spec.weather = weatherOverride
        }
        if let timestepOverride { spec.timestepMin = timestepOverride }
        var traces: [String: RegularTrace] = [:]
        for trace in traceFiles(of: spec) {
            do {
                traces[trace.file] = try TraceReader.read(path: SiteSpec.resolve(trace.file, relativeTo: path),
                                                          column: trace.column, accepting: trace.accepting)
            } catch { throw .trace(error) }
        }
        let weather: WeatherSeries
        do { weather = try EPWReader.read(path: weatherPath) } catch { throw .weather(error) }
        let weatherBytes = FileManager.default.contents(atPath: weatherPath) ?? Data()
        return SiteInput(spec: spec.resolved(), site: Site(spec: spec, traces: traces, elevation: weather.location.elevation),
                         weather: weather, weatherPath: weatherPath, weatherSHA256: SHA256.hex(weatherBytes),
                         project: HeatReuseProject(spec: spec, traces: traces))
    }

    /// A CSV file a site spec refers to: its path as written (the key of `Site(spec:traces:)`), the column
    /// read and the quantities accepted.
    struct TraceFile {
        var file: String
        var column: String
        var accepting: [RegularTrace.Quantity]
    }

    /// Every CSV file `spec` refers to: cluster traces, the carbon-intensity series, the heat-demand profile,
    /// the electricity price.
    static func traceFiles(of spec: SiteSpec) -> [TraceFile] {
        var files: [TraceFile] = []
        for cluster in spec.it.clusters {
            guard case .trace(let trace) = cluster.workload else { continue }
            files.append(TraceFile(file: trace.file, column: trace.column, accepting: [.utilization, .powerKilowatts]))
        }
        if let file = spec.carbon?.gridCsv {
            files.append(TraceFile(file: file, column: spec.carbon?.column ?? "g_per_kwh", accepting: [.gramsPerKilowattHour]))
        }
        if case .profile(let profile)? = spec.heatRecovery?.districtHeating.demand {
            files.append(TraceFile(file: profile.file, column: profile.column, accepting: [.megawatts]))
        }
        if let economics = spec.economics, let file = economics.electricityPriceCsv {
            files.append(TraceFile(file: file, column: economics.electricityPriceColumn, accepting: [.eurosPerMegawattHour]))
        }
        return files
    }

    /// Things worth a warning: filled weather values, racks beyond their cooling class.
    public var warnings: [String] {
        weather.filledValues.sorted { $0.key < $1.key }.filter { $0.value > 0 }.map {
            "\(weatherPath): \($0.value) missing or invalid \($0.key) values filled by interpolation"
        } + site.warnings
    }

    /// The resolved site file (defaults filled in) as YAML, for the result's `site_config`.
    public var resolvedYAML: String {
        (try? YAMLEncoder().encode(spec)) ?? ""
    }
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
