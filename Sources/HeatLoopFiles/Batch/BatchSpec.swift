import HeatLoop

/// A batch file as written (DESIGN §5): sites × weather × climate scenarios × a grid of site-file
/// overrides. `BatchSpec.decode` fills it from YAML, checking every entry; `BatchPlan.load` expands it
/// into scenarios with stable ids.
///
/// ```yaml
/// name: climate-2050
/// sites: [../Sites/chicago-ai-campus.yaml]            # relative to the batch file
/// weather: [site, ../Weather/USA_FL_Tampa.Intl.AP.722110_TMY3.epw]
/// climate: [{name: baseline}, {name: plus2k, offset_k: 2.0}]
/// vary: {heat_recovery.heat_pump.capacity_mw: [4, 8, 12]}
/// timestep_min: 60
/// uncertainty: {samples: 100, seed: 2026, inputs: {economics.heat_price_eur_per_mwh: {normal: {mean: 45, sd: 8}}}}
/// ```
public struct BatchSpec: Sendable, Equatable {
    /// The batch's name (labels the output folder and the summary).
    public var name = ""
    /// Site files, as written (relative to the batch file unless absolute).
    public var sites: [String] = []
    /// Weather for every site; default `[site]`, each site's own weather file.
    public var weather: [WeatherChoice] = [.site]
    /// Climate scenarios applied to each weather file; default one unchanged climate, `baseline`.
    public var climate: [ClimateSpec] = [ClimateSpec(name: "baseline")]
    /// Grid of site-file overrides, in file order (the last key varies fastest).
    public var vary: [VaryAxis] = []
    /// Step length for every site, minutes (overrides each site's `timestep_min`); nil keeps the site's.
    public var timestepMin: Int?
    /// The scenario every other is compared with in the report (`baseline`): values of the scenario
    /// labels (`site` name, `weather` label, `climate` name) and of `vary` key paths, as written; keys
    /// not given take their first value, and `climate`, when not given, the first unchanged climate
    /// (`BatchPlan.baseline`). Empty: the first scenario under an unchanged climate.
    public var baseline: [String: String] = [:]
    /// Uncertain inputs and weather (issue 18; the keys of an uncertainty file without `name`): every
    /// scenario runs over the same samples and reports P10/P50/P90/mean (`BatchEnsemble`); nil: one run each.
    public var uncertainty: UncertaintySpec?

    /// Position of the `vary` key in the batch file, for problems that involve several overrides.
    var varyPosition: SourcePosition?
    /// Position of the `baseline` key, for a baseline no scenario matches.
    var baselinePosition: SourcePosition?

    public init() {}

    static let keys = ["name", "sites", "weather", "climate", "vary", "timestep_min", "baseline", "uncertainty"]
    /// The scenario labels a `baseline` may name besides `vary` key paths.
    static let baselineLabels = ["site", "weather", "climate"]
}

/// One entry of a batch's `weather` list.
public enum WeatherChoice: Sendable, Equatable {
    /// `site`: the site file's own `weather`.
    case site
    /// An EPW file, as written (relative to the batch file unless absolute).
    case file(String)
}

/// A climate scenario applied to a weather file: unchanged, a uniform dry-bulb offset, or monthly
/// morphing (Belcher et al. 2005: shift and stretch of dry bulb, shift of relative humidity).
public struct ClimateSpec: Sendable, Equatable {
    /// Slug-safe label (letters, digits, `-`, `_`, `.`), unique within the batch.
    public var name: String
    /// Uniform dry-bulb offset, K (`offset_k`, −20…20).
    public var offsetK: Double?
    /// Monthly morphing deltas (`morph`).
    public var morph: MorphSpec?

    public init(name: String, offsetK: Double? = nil, morph: MorphSpec? = nil) {
        self.name = name
        self.offsetK = offsetK
        self.morph = morph
    }

    /// True when the weather is used as read.
    public var isBaseline: Bool { offsetK == nil && morph == nil }

    static let keys = ["name", "offset_k", "morph"]
}

/// Monthly morphing deltas (January…December), as in a climate-change weather generator (CCWorldWeatherGen):
/// mean, maximum and minimum daily dry-bulb changes and relative-humidity change.
public struct MorphSpec: Sendable, Equatable {
    /// Change of the monthly mean dry bulb, K (`dry_bulb_delta_k`, 12 values).
    public var dryBulbDeltaK: [Double]
    /// Change of the monthly mean daily maximum dry bulb, K (`dry_bulb_max_delta_k`; with the minimum).
    public var dryBulbMaxDeltaK: [Double]?
    /// Change of the monthly mean daily minimum dry bulb, K (`dry_bulb_min_delta_k`; with the maximum).
    public var dryBulbMinDeltaK: [Double]?
    /// Change of the monthly mean relative humidity, percentage points (`rh_delta_pct`).
    public var rhDeltaPct: [Double]?

    public init(dryBulbDeltaK: [Double], dryBulbMaxDeltaK: [Double]? = nil, dryBulbMinDeltaK: [Double]? = nil,
                rhDeltaPct: [Double]? = nil) {
        self.dryBulbDeltaK = dryBulbDeltaK
        self.dryBulbMaxDeltaK = dryBulbMaxDeltaK
        self.dryBulbMinDeltaK = dryBulbMinDeltaK
        self.rhDeltaPct = rhDeltaPct
    }

    static let keys = ["dry_bulb_delta_k", "dry_bulb_max_delta_k", "dry_bulb_min_delta_k", "rh_delta_pct"]
}

/// One key of a batch's `vary` grid: a key path of the site file and the values it takes.
public struct VaryAxis: Sendable, Equatable {
    /// Key path in the site file, as written (`it.clusters[0].nodes`).
    public var keyPath: String
    /// The values as written (YAML scalars), which label the scenarios.
    public var values: [String]
    /// The typed value each sets (numbers stay numbers, quoted text stays text).
    public var settings: [SpecNode]
    /// Positions of the key and of each value in the batch file.
    var keyPosition: SourcePosition?
    var valuePositions: [SourcePosition?]

    /// Values as a site file's plain scalars would read (`12` a number, `true` a boolean, else text).
    public init(keyPath: String, values: [String]) {
        self.keyPath = keyPath
        self.values = values
        settings = values.map { .scalar(SpecScalar(plain: $0), nil) }
        valuePositions = values.map { _ in nil }
    }

    /// True when value `index` is text that would be a number or boolean unquoted (`"0.9"`).
    func isQuoted(_ index: Int) -> Bool {
        guard let scalar = settings[index].scalar, scalar.value == .text else { return false }
        return SpecScalar(plain: scalar.text).value != .text
    }
}
