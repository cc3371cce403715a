/// Where a run came from, for the root attributes of its result file (Docs/output-series.md, "Provenance"):
/// the program and the command that made it, the resolved site, the weather file and the weather the site
/// actually ran in (the file's, or the file's changed by a climate scenario), and where that weather was
/// measured.
public struct RunProvenance: Sendable {
    public var heatloopVersion: String
    public var createdUTC: String
    /// The fully resolved site file (defaults and derived values filled in), YAML: for people.
    public var siteConfig: String
    /// The same resolved site as JSON (`SiteSpec` through `JSONEncoder`): for programs, which read it back
    /// with `SiteSpec(json:)`.
    public var siteJSON: String
    public var weatherFile: String
    public var weatherSHA256: String
    /// The source tree's git revision (`unknown` outside a checkout); `-dirty` when it had changes.
    public var gitRevision: String
    /// The command line that made the result, as typed (arguments joined by spaces).
    public var commandLine: String
    /// The weather file's `LOCATION`: latitude, longitude, elevation and time zone of the site.
    public var location: WeatherLocation?
    /// The climate scenario the weather was changed by; nil: the weather as recorded.
    public var climate: ClimateScenario?
    /// SHA-256 of the weather the site ran in (`WeatherSeries` values, see `effective_weather_sha256`).
    public var effectiveWeatherSHA256: String
    /// Hours whose RH and dew-point columns disagree by more than 1 K of dew point
    /// (`WeatherSeries.humidityDisagreementHours`; the run reads the dew points).
    public var weatherHumidityDisagreementHours: Int

    public init(heatloopVersion: String, createdUTC: String, siteConfig: String, siteJSON: String,
                weatherFile: String, weatherSHA256: String, gitRevision: String = "unknown", commandLine: String = "",
                location: WeatherLocation? = nil, climate: ClimateScenario? = nil, effectiveWeatherSHA256: String = "",
                weatherHumidityDisagreementHours: Int = 0) {
        self.heatloopVersion = heatloopVersion
        self.createdUTC = createdUTC
        self.siteConfig = siteConfig
        self.siteJSON = siteJSON
        self.weatherFile = weatherFile
        self.weatherSHA256 = weatherSHA256
        self.gitRevision = gitRevision
        self.commandLine = commandLine
        self.location = location
        self.climate = climate
        self.effectiveWeatherSHA256 = effectiveWeatherSHA256
        self.weatherHumidityDisagreementHours = weatherHumidityDisagreementHours
    }

    /// Root attributes besides the site and weather file ones: `source` and `history` (CF-1.8 §2.6.2),
    /// `git_revision`, `command_line`, the site location, the climate scenario and the effective weather's
    /// SHA-256. Every name is listed in `Key`.
    public var attributes: [ResultAttribute] {
        typealias Key = ProvenanceKey
        var attributes = programAttributes
        if let location { attributes += location.attributes }
        attributes += (climate ?? .asRecorded).attributes
        attributes.append(ResultAttribute(Key.effectiveWeatherSHA256, .string(effectiveWeatherSHA256)))
        return attributes
    }

    /// What made the file: CF `source` and `history`, `git_revision` and `command_line` (also the root
    /// attributes of batch and sizing tables).
    public var programAttributes: [ResultAttribute] {
        typealias Key = ProvenanceKey
        return [
            ResultAttribute(Key.source, .string("HeatLoop \(heatloopVersion) (git \(gitRevision))")),
            ResultAttribute(Key.history, .string(history)),
            ResultAttribute(Key.gitRevision, .string(gitRevision)),
            ResultAttribute(Key.commandLine, .string(commandLine)),
        ]
    }

    /// CF `history`: one line per program that touched the file, `<UTC time>: <command line>`.
    public var history: String {
        "\(createdUTC): \(commandLine.isEmpty ? "heatloop" : commandLine) (HeatLoop \(heatloopVersion), git \(gitRevision))"
    }
}

/// Names of the provenance root attributes, declared once (the writer, the report and the tests read them).
public enum ProvenanceKey {
    public static let source = "source", history = "history", gitRevision = "git_revision"
    public static let commandLine = "command_line"
    public static let latitude = "site_latitude", longitude = "site_longitude", elevation = "site_elevation_m"
    public static let weatherLocation = "weather_location"
    /// Minutes local standard time is ahead of UTC (Chicago: −360).
    public static let utcOffsetMinutes = "utc_offset_minutes"
    public static let timeZone = "time_zone"
    public static let climate = "climate_scenario", climateDescription = "climate_description"
    public static let climateOffset = "climate_offset_k"
    /// `climate_morph_<factor>`, twelve space-separated monthly values, January first.
    public static let climateMorphPrefix = "climate_morph_"
    public static let effectiveWeatherSHA256 = "effective_weather_sha256"
}

/// A named climate scenario: a change of the recorded weather (`ClimateMorph`), or none.
public struct ClimateScenario: Sendable, Equatable {
    /// The batch's `climate` name; `as recorded` for the weather file unchanged.
    public var name: String
    public var morph: ClimateMorph?

    public init(name: String, morph: ClimateMorph?) {
        self.name = name
        self.morph = morph
    }

    /// The weather file as recorded.
    public static let asRecorded = ClimateScenario(name: "as recorded", morph: nil)

    /// One line for people: "dry bulb +2 K every hour, RH kept, dew point recomputed".
    public var description: String {
        switch morph {
        case nil: "weather as recorded"
        case .offset(let delta): "dry bulb \(delta.value >= 0 ? "+" : "")\(formatNumber(delta.value)) K every hour, "
            + "RH kept, dew point recomputed"
        case .monthly(let factors):
            "Belcher et al. (2005) monthly morphing, mean dry-bulb change "
                + "\(formatNumber((factors.dryBulbDelta.reduce(0, +) / 12 * 100).rounded() / 100)) K"
        }
    }

    var attributes: [ResultAttribute] {
        typealias Key = ProvenanceKey
        var attributes = [ResultAttribute(Key.climate, .string(name)), ResultAttribute(Key.climateDescription, .string(description))]
        switch morph {
        case nil: break
        case .offset(let delta): attributes.append(ResultAttribute(Key.climateOffset, .double(delta.value)))
        case .monthly(let factors):
            let lists: [(String, [Double]?)] = [
                ("dry_bulb_delta_k", factors.dryBulbDelta), ("dry_bulb_max_delta_k", factors.dryBulbMaxDelta),
                ("dry_bulb_min_delta_k", factors.dryBulbMinDelta), ("rh_delta_pct", factors.relativeHumidityDelta),
            ]
            for case let (name, values?) in lists {
                attributes.append(ResultAttribute(Key.climateMorphPrefix + name,
                                                  .string(values.map { formatNumber($0) }.joined(separator: " "))))
            }
        }
        return attributes
    }
}

extension WeatherLocation {
    /// Minutes local standard time is ahead of UTC (EPW time zone × 60; India +330).
    public var utcOffsetMinutes: Int { Int((timeZone * 60).rounded()) }

    /// `UTC-06:00`.
    public var utcOffsetText: String { TimeAxis.utcOffsetText(utcOffsetMinutes) }

    var attributes: [ResultAttribute] {
        typealias Key = ProvenanceKey
        return [
            ResultAttribute(Key.weatherLocation, .string([city, country].filter { !$0.isEmpty }.joined(separator: ", "))),
            ResultAttribute(Key.latitude, .double(latitude)), ResultAttribute(Key.longitude, .double(longitude)),
            ResultAttribute(Key.elevation, .double(elevation)),
            ResultAttribute(Key.utcOffsetMinutes, .int(utcOffsetMinutes)), ResultAttribute(Key.timeZone, .string(utcOffsetText)),
        ]
    }
}
