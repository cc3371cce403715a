import Foundation
import HeatLoop

/// A sizing file expanded into its designs: the site with every point of the `vary` grid applied, each
/// checked like a site file, and each with the economics the appraisal needs.
public struct SizingPlan: Sendable {
    /// The sizing file, as given.
    public var path: String
    public var spec: SizingSpec
    /// The site file the designs vary.
    public var sitePath: String
    public var designs: [SizingDesignInput]

    /// The site's `economics.currency` (a sizing file cannot vary it): the unit of every amount printed.
    public var currency: Currency { designs.first?.scenario.designed.spec.economics?.currencyUnit ?? .euro }

    /// The varied key paths, in file order.
    public var parameterKeys: [String] { spec.vary.map(\.keyPath) }

    /// Reads the sizing file at `path` and its site (`site` overrides the file's `site` key; relative to
    /// the working directory). Throws `.batch` with every problem of the sizing file, its site, weather and
    /// trace files, and of the overrides, each naming its file and line.
    public static func load(path: String, site: String? = nil) throws(InputError) -> SizingPlan {
        let spec: SizingSpec
        do { spec = try SizingSpec.read(path: path) } catch { throw .batch(error) }
        var sitePath: String
        if let site {
            sitePath = site
        } else if let file = spec.site {
            sitePath = SiteSpec.resolve(file, relativeTo: path)
        } else {
            throw .batch(SpecProblems([SpecProblem(file: path, line: nil, column: nil, keyPath: "site",
                message: "no site: give 'site' (a site file relative to this file) or run `heatloop size SITE --spec \(path)`")]))
        }
        // Absolute, as the batch machinery resolves site paths against the sizing file.
        if !sitePath.hasPrefix("/") {
            sitePath = ((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(sitePath) as NSString).standardizingPath
        }
        let plan: BatchPlan
        do { plan = try BatchPlan.expand(batchSpec(spec, sitePath: sitePath, settings: spec.vary.map(\.settings)), path: path) } catch {
            throw located(error, sitePath: sitePath, spec: spec, path: path, fromFile: site == nil)
        }
        let keys = spec.vary.map(\.keyPath)
        let designs = plan.scenarios.map { SizingDesignInput(scenario: $0, keys: keys) }
        var problems: [SpecProblem] = []
        if let design = designs.first(where: { $0.scenario.siteInput().project == nil }) {
            let at = site == nil ? spec.sitePosition : nil
            problems.append(SpecProblem(file: at == nil ? sitePath : path, line: at?.line, column: at?.column,
                keyPath: at == nil ? "economics" : "site",
                message: "design \(design.id) of \(sitePath) has no 'economics' (and 'heat_recovery'); sizing appraises CAPEX, NPV and LCOH from them"))
        }
        guard problems.isEmpty else { throw .batch(SpecProblems(problems)) }
        return SizingPlan(path: path, spec: spec, sitePath: sitePath, designs: designs)
    }

    /// Problems of the site file that name no line of it (it cannot be read) are moved to the sizing
    /// file's `site:` line when the site comes from there.
    private static func located(_ error: InputError, sitePath: String, spec: SizingSpec, path: String,
                                fromFile: Bool) -> InputError {
        guard fromFile, case .batch(let problems) = error, let at = spec.sitePosition else { return error }
        return .batch(SpecProblems(problems.problems.map { problem in
            guard problem.file == sitePath, problem.line == nil else { return problem }
            return SpecProblem(file: path, at: at, keyPath: "site", message: "\(sitePath): \(problem.message)")
        }))
    }

    /// The design with the varied parameters set to `settings` (one typed value per key, in
    /// `parameterKeys` order): for the marginal designs around the optimum. Throws when the site rejects them.
    public func design(settings: [SpecNode]) throws(InputError) -> SizingDesignInput {
        let plan = try BatchPlan.expand(Self.batchSpec(spec, sitePath: sitePath, settings: settings.map { [$0] }), path: path)
        guard let scenario = plan.scenarios.first else {
            throw .batch(SpecProblems([SpecProblem(file: path, line: nil, column: nil, keyPath: "vary",
                                                   message: "no design for \(settings.map(\.flowText))")]))
        }
        return SizingDesignInput(scenario: scenario, keys: parameterKeys)
    }

    /// The design with the numeric parameters set to `parameters` (NaN keeps a text parameter's `values`).
    public func design(parameters: [Double], values: [String]) throws(InputError) -> SizingDesignInput {
        try design(settings: zip(parameters, values).map { number, text in
            .scalar(number.isNaN ? SpecScalar(plain: text) : .numeric(number), nil)
        })
    }

    /// A batch of one site, its own weather and climate, over the sizing grid (`settings` per key).
    private static func batchSpec(_ spec: SizingSpec, sitePath: String, settings: [[SpecNode]]) -> BatchSpec {
        var batch = BatchSpec()
        batch.name = spec.name
        batch.sites = [sitePath]
        batch.timestepMin = spec.timestepMin
        batch.vary = zip(spec.vary, settings).map { axis, settings in
            var copy = axis
            copy.settings = settings
            copy.values = settings.map { $0.flowText }
            copy.valuePositions = settings.map { _ in axis.valuePositions.first ?? nil }
            return copy
        }
        batch.varyPosition = spec.varyPosition
        return batch
    }
}

/// One design of a sweep: its id, its parameter values and the run it stands for.
public struct SizingDesignInput: Sendable {
    public var id: String
    /// The varied values as written, in the sweep's key order.
    public var values: [String]
    public var scenario: BatchScenario
    /// Equal for designs whose site without heat recovery is the same (same IT, cooling, weather and
    /// step): they share one baseline run for the cooling savings.
    public var baselineKey: String

    init(scenario: BatchScenario, keys: [String]) {
        self.scenario = scenario
        values = scenario.varied.map(\.value)
        id = Slug.make(zip(Self.shortNames(keys), values).map { "\($0)-\($1)" })
        baselineKey = scenario.baselineKey
    }

    /// The parameters as numbers (NaN for text values).
    public var parameters: [Double] { values.map { Double($0) ?? .nan } }

    /// The last key of each path (`capacity_mw`), or the whole path where two would read the same.
    static func shortNames(_ keys: [String]) -> [String] {
        let last = keys.map { key -> String in
            guard case .key(let name)? = SiteKeyPath(key)?.components.last(where: { if case .key = $0 { true } else { false } }) else { return key }
            return name
        }
        return zip(keys, last).map { key, name in last.filter { $0 == name }.count > 1 ? key : name }
    }
}
