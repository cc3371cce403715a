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
        for cluster in spec.it.clusters {
            guard case .trace(let trace) = cluster.workload else { continue }
            do {
                traces[trace.file] = try TraceReader.read(path: SiteSpec.resolve(trace.file, relativeTo: path),
                                                          column: trace.column)
            } catch { throw .trace(error) }
        }
        if let file = spec.carbon?.gridCsv {
            do {
                traces[file] = try TraceReader.read(path: SiteSpec.resolve(file, relativeTo: path),
                                                    column: spec.carbon?.column ?? "g_per_kwh",
                                                    accepting: [.gramsPerKilowattHour])
            } catch { throw .trace(error) }
        }
        if case .profile(let profile)? = spec.heatRecovery?.districtHeating.demand {
            do {
                traces[profile.file] = try TraceReader.read(path: SiteSpec.resolve(profile.file, relativeTo: path),
                                                            column: profile.column, accepting: [.megawatts])
            } catch { throw .trace(error) }
        }
        let weather: WeatherSeries
        do { weather = try EPWReader.read(path: weatherPath) } catch { throw .weather(error) }
        let weatherBytes = FileManager.default.contents(atPath: weatherPath) ?? Data()
        return SiteInput(spec: spec.resolved(), site: Site(spec: spec, traces: traces, elevation: weather.location.elevation),
                         weather: weather, weatherPath: weatherPath, weatherSHA256: SHA256.hex(weatherBytes))
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

/// Invalid input: the site file's problems, or the weather file's.
public enum InputError: Error, CustomStringConvertible {
    case site(SpecProblems)
    case weather(WeatherFileError)
    case trace(TraceFileError)

    public var description: String {
        switch self {
        case .site(let problems): problems.description
        case .weather(let error): error.description
        case .trace(let error): error.description
        }
    }
}
