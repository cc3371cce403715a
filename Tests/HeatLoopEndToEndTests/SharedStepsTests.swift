import Foundation
import HeatLoopTestSupport
import HeatLoop
import HeatLoopFiles
import Testing

/// A run that reads the steps a baseline run shared (`SharedSteps`) gives the result of the run that makes them
/// itself, to the bit: every recorded series, every month's totals, every job; and it reads them only when they fit.
@Suite struct SharedStepsTests {
    static func hourly(_ site: String) throws -> ScenarioRunner {
        try ScenarioRunner(input: try SiteInput.load(path: PackagePaths.site(site), timestepOverride: 60))
    }

    /// Every recorded series (bit for bit), the monthly totals and the jobs of two results are the same.
    static func expectIdentical(_ a: SimulationResult, _ b: SimulationResult, _ label: String) {
        for series in OutputSeries.allCases where series.descriptor.source == .stepLoop {
            let same = switch (a.values(of: series), b.values(of: series)) {
            case (.float32(let x), .float32(let y)): x.map(\.bitPattern) == y.map(\.bitPattern)
            case (.int8(let x, _, _), .int8(let y, _, _)): x == y
            default: false
            }
            #expect(same, "\(label): \(series) differs")
        }
        // Described, so that NaN (a worst step never set) equals NaN; a Double's description round-trips.
        let sameTotals = "\(a.monthly)" == "\(b.monthly)", sameJobs = "\(a.jobs)" == "\(b.jobs)"
        #expect(sameTotals, "\(label): monthly totals differ")
        #expect(sameJobs, "\(label): jobs differ")
    }

    /// Every example site: a run reading its baseline's shared steps equals its own run. The campus (heat pump
    /// on the facility water, one hall) shares them; a site with the servers' own air model does not.
    @Test(arguments: ["chicago-ai-campus", "dlc-dry-coolers", "paris-colocation-heat-export", "llama-training-sf",
                      "tucson-enterprise-air", "enterprise-hall-tower", "two-hall-crac", "inference-trace-tampa"])
    func readingSharedStepsChangesNoResult(site: String) throws {
        let simulation = try Self.hourly(site).simulation
        let shared = CoolingBaseline(simulation: simulation).sharedSteps
        if site == "chicago-ai-campus" { #expect(shared != nil) }
        if site == "two-hall-crac" { #expect(shared == nil, "air zones do not share their steps") }
        Self.expectIdentical(simulation.run(keeping: nil, reading: shared), simulation.run(), site)
    }

    /// Steps made in another weather, for another site, or with the heat pump on the chilled water are not
    /// read: the run makes its own.
    @Test func stepsThatDoNotFitAreNotRead() throws {
        let chicago = try Self.hourly("chicago-ai-campus").simulation
        let shared = try #require(CoolingBaseline(simulation: chicago).sharedSteps)
        var tampaInput = try SiteInput.load(path: PackagePaths.site("chicago-ai-campus"), timestepOverride: 60)
        tampaInput.weather = try EPWReader.read(path: PackagePaths.weather(PackagePaths.climates["tampa"]!))
        let tampa = try ScenarioRunner(input: tampaInput).simulation
        Self.expectIdentical(tampa.run(keeping: nil, reading: shared), tampa.run(), "other weather")
        let other = try Self.hourly("dlc-dry-coolers").simulation
        Self.expectIdentical(other.run(keeping: nil, reading: shared), other.run(), "other site")
        var onAir = chicago.site
        onAir.heatRecovery?.heatPump.source = .air
        let airSource = try Simulation(site: onAir, weather: chicago.weather, hourlyDryBulb: chicago.hourlyDryBulb)
        Self.expectIdentical(airSource.run(keeping: nil, reading: shared), airSource.run(), "heat pump on air")
        #expect(CoolingBaseline(simulation: airSource).sharedSteps != nil, "its baseline, without heat recovery, shares")
    }

    /// A 1-min year's steps would take ≈ 200 MB: they are not recorded.
    @Test func oneMinuteYearsDoNotRecord() throws {
        let input = try SiteInput.load(path: PackagePaths.site("dlc-dry-coolers"), timestepOverride: 1)
        #expect(CoolingBaseline(simulation: try ScenarioRunner(input: input).simulation).sharedSteps == nil)
    }
}
