/// The size limits every input file is held to, in one place. They are checked while an input is read
/// and before anything is built from it (a grid is counted from its axes, a YAML tree from its nodes), so
/// a hostile or mistyped file fails in milliseconds with a message instead of exhausting memory.
/// Documented in Docs/models.md ("Input limits"); each is far above what a real site, batch or sizing
/// file needs (the shipped examples stay below a hundredth of each).
public enum InputLimits {
    /// Most nodes (scalars, lists, mappings) one YAML document may expand to, aliases expanded: a site
    /// file has a few hundred; a 200 KB file aliasing a long list 2,000 times would have hundreds of millions.
    public static let maximumDocumentNodes = 200_000

    /// Largest site, batch or sizing file read, in bytes (the examples are a few KB).
    public static let maximumYAMLBytes = 1_000_000

    /// Most clusters in `it.clusters` (a campus has a handful; each is a group of identical nodes).
    public static let maximumClusters = 1_000

    /// Most values on one `vary` axis of a batch or sizing file (a list, or a `{from, to, step}` range).
    public static let maximumAxisValues = 10_000

    /// Most scenarios one batch file (or designs one sizing file) may expand to, counted from the axes
    /// before the grid is built.
    public static let maximumScenarios = 1_000_000

    /// Most problems printed for one input; the rest are counted (`… and N more problems`).
    public static let maximumProblemsShown = 50
    /// Characters of an input value quoted back in a problem message: a message is one line a person reads,
    /// never a copy of the file (a weather file given as a site would otherwise be quoted whole, 1.6 MB).
    public static let maximumQuotedCharacters = 120

    /// `text` as a problem message quotes it: its first line, cut to `maximumQuotedCharacters` with `…`
    /// where anything was left out.
    public static func quoted(_ text: String) -> String {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let shown = firstLine.prefix(maximumQuotedCharacters)
        return "'" + shown + (shown.count < text.count ? "…" : "") + "'"
    }

    /// Longest site name in characters (it names the output file `NAME.h5`; file systems allow 255 bytes).
    public static let maximumSiteNameLength = 100

    /// Largest magnitude a CSV trace value of `quantity` may have: beyond it the value is not physical
    /// (a typo or a unit slip), and a year of such values would sum to infinity in the KPIs.
    /// 10 GW of IT (the largest campuses planned are ~5 GW); 5,000 g CO₂/kWh (lignite is ~1,100);
    /// 100 GW of heat (the largest district-heating networks are ~10 GW); ±100,000 €/MWh (EU day-ahead
    /// prices are capped at 4,000 €/MWh, intraday at 9,999 €/MWh).
    public static func maximumTraceMagnitude(_ quantity: RegularTrace.Quantity) -> Double {
        switch quantity {
        case .utilization: 1
        case .powerKilowatts: 1e7
        case .gramsPerKilowattHour: 5_000
        case .megawatts: 1e5
        case .eurosPerMegawattHour: 1e5
        }
    }

    /// The number of scenarios a grid of `counts` values per axis (times `factor`) expands to, or nil
    /// when it exceeds `maximumScenarios`; counted without building the grid and without overflow.
    public static func scenarioCount(axes counts: [Int], factor: Int = 1) -> Int? {
        var total = factor
        for count in counts {
            let (product, overflow) = total.multipliedReportingOverflow(by: count)
            guard !overflow, product <= maximumScenarios else { return nil }
            total = product
        }
        return total <= maximumScenarios ? total : nil
    }
}
