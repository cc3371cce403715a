import Foundation
import HeatLoop
import HeatLoopTestSupport
import HeatLoopFiles
import Testing

/// The site file's `economics` (DESIGN §3.8): defaults, problems, and an hourly electricity price.
@Suite struct EconomicsSpecTests {
    static let site = SiteSpecTests.valid + """

        heat_recovery:
          heat_pump: {capacity_mw: 0.5}
          district_heating: {demand: {constant: {mw: 0.3}}}
        """

    func problems(_ text: String) -> [SpecProblem] {
        do {
            _ = try SiteSpec.decode(text: text, file: SiteSpecTests.file)
            return []
        } catch { return error.problems }
    }

    @Test func defaultsAreTheDocumentedOnes() throws {
        let spec = try SiteSpec.decode(text: Self.site + "\neconomics: {}", file: SiteSpecTests.file).resolved()
        let economics = try #require(spec.economics)
        #expect(economics.heatPriceEurPerMwh == 35 && economics.electricityPriceEurPerMwh == 90)
        #expect(economics.discountRate == 0.06 && economics.lifetimeYears == 20 && economics.maintenancePctPerYear == 2)
        #expect(economics.heatPumpEurPerKw == 700 && economics.heatPumpScaleExponent == 0.7 && economics.storageEurPerM3 == 300)
    }

    @Test func problemsNameTheKey() {
        let both = problems(Self.site + "\neconomics: {electricity_price_eur_per_mwh: 80, electricity_price_csv: p.csv}")
        #expect(both.contains { $0.keyPath == "economics.electricity_price_csv" && $0.message.contains("not both") })
        #expect(both.contains { $0.message.contains("electricity price CSV 'p.csv' not found") })
        let column = problems(Self.site + "\neconomics: {electricity_price_column: price}")
        #expect(column.contains { $0.keyPath == "economics.electricity_price_column" && $0.message.contains("eur_per_mwh") })
        let rate = problems(Self.site + "\neconomics: {discount_rate: 6}")
        #expect(rate.contains { $0.keyPath == "economics.discount_rate" && $0.message.contains("0.06 is 6 %") })
        let orphan = problems(SiteSpecTests.valid + "\neconomics: {}")
        #expect(orphan.contains { $0.keyPath == "economics" && $0.message.contains("heat_recovery") })
        let typo = problems(Self.site + "\neconomics: {heat_price_eur_per_kwh: 40}")
        #expect(typo.contains { $0.message.contains("did you mean 'heat_price_eur_per_mwh'") })
    }

    /// An hourly price that is the constant price every hour gives the same appraisal; one that is
    /// higher while the heat pump runs costs more.
    @Test func hourlyPriceCsvIsUsedStepByStep() throws {
        let folder = SiteSpecTests.root
        let csv = "\(folder)/test-price-\(UUID().uuidString).csv"
        let siteFile = "\(folder)/test-economics-\(UUID().uuidString).yaml"
        defer { for file in [csv, siteFile] { try? FileManager.default.removeItem(atPath: file) } }
        var rows = ["time,eur_per_mwh"]
        for hour in 0..<24 { rows.append(String(format: "2025-01-01T%02d:00,90", hour)) }
        try (rows.joined(separator: "\n") + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        func appraise(_ economics: String) throws -> EconomicAssessment {
            try (Self.site.replacingOccurrences(of: "nodes: 100", with: "nodes: 100\n      workload: {constant: {utilization: 0.8}}")
                 + "\ntimestep_min: 60\neconomics: \(economics)\n").write(toFile: siteFile, atomically: true, encoding: .utf8)
            let input = try SiteInput.load(path: siteFile)
            let run = try AppraisedRun(site: input.site, weather: input.weather.atStepMidpoints(stepMinutes: 60),
                                         hourlyDryBulb: input.weather.dryBulb, project: input.project)
            return try #require(run.summary.economics)
        }
        let constant = try appraise("{electricity_price_eur_per_mwh: 90}")
        let hourly = try appraise("{electricity_price_csv: \((csv as NSString).lastPathComponent)}")
        #expect(constant.heatPumpElectricityCost > 0)
        #expect(hourly.heatPumpElectricityCost.isApproximatelyEqual(to: constant.heatPumpElectricityCost, relativeTolerance: 1e-6))
        #expect(hourly.npv.isApproximatelyEqual(to: constant.npv, relativeTolerance: 1e-6))
    }
}
