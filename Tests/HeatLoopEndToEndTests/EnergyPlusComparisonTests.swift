import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// The site files of `Sites/energyplus/` describe EnergyPlus's data-center examples (Docs/energyplus.md); their
/// annual figures and hourly IT inlet air must match EnergyPlus 25.2's over the four shared climates (issue 16):
/// PUE within 2 %, IT energy within 3 %, cooling energy (coil + fans + pumps + heat rejection) within 5 %, and
/// an hourly IT-inlet mean absolute difference ≤ 0.5 K. The EnergyPlus figures are committed in
/// `Tests/energyplus/energyplus_reference.csv` and `energyplus_hourly_inlet.csv`, made by
/// `Tests/energyplus/run_energyplus.py --commit Tests/energyplus`; `make validate-energyplus` reruns EnergyPlus
/// and this comparison.
@Suite struct EnergyPlusComparisonTests {
    static let sites = ["1ZoneDataCenterCRAC_wPumpedDXCoolingCoil": "energyplus/crac-pumped-dx",
                        "1ZoneDataCenterCRAC_wApproachTemp": "energyplus/crac-approach-temp"]
    static let climates = ["Chicago": "chicago", "SanFrancisco": "san_francisco", "Tampa": "tampa", "Tucson": "tucson"]
    static let folder = "\(PackagePaths.root)/Tests/energyplus"

    struct Reference {
        var itKWh: Double, coolingKWh: Double, pue: Double
        /// Hourly IT inlet dry bulb, °C.
        var inlet: [Double]
    }

    /// EnergyPlus's figures for `model`, by climate.
    static func references(model: String) throws -> [String: Reference] {
        let annual = try ReferenceCSV(path: "\(folder)/energyplus_reference.csv")
        let hourly = try ReferenceCSV(path: "\(folder)/energyplus_hourly_inlet.csv")
        var references: [String: Reference] = [:]
        for record in annual.records where record["model"] == model {
            let climate = try #require(record["climate"])
            let number = { (name: String) throws in try #require(Double(record[name] ?? "")) }
            let column = try hourly.column("\(model)__\(climate)")
            references[climate] = Reference(
                itKWh: try number("ite_cpu_kWh") + number("ite_fan_kWh"), coolingKWh: try number("cooling_kWh"),
                pue: try number("pue"), inlet: hourly.rows.map { Double($0[column]) ?? .nan })
        }
        return references
    }

    /// Hourly means of a step series.
    static func hourly(_ values: [Float], stepsPerHour: Int) -> [Double] {
        stride(from: 0, to: values.count, by: stepsPerHour).map { start in
            values[start..<min(start + stepsPerHour, values.count)].reduce(0.0) { $0 + Double($1) } / Double(stepsPerHour)
        }
    }

    @Test(arguments: sites.keys.sorted())
    func annualFiguresAndHourlyInletMatchEnergyPlus(model: String) throws {
        let references = try Self.references(model: model)
        #expect(references.count == 4)
        var pue: [(climate: String, heatLoop: Double, energyPlus: Double)] = []
        for (climate, reference) in references.sorted(by: { $0.key < $1.key }) {
            let name = try #require(Self.climates[climate])
            let weather = try #require(PackagePaths.climates[name])
            let site = try #require(Self.sites[model])
            let (input, result) = try simulate(site: site, weather: weather)
            let kpis = RunSummary(result).annual
            let inlet = Self.hourly(result.columns[.itInletTemp], stepsPerHour: 60 / input.spec.timestepMin)
            try #require(inlet.count == reference.inlet.count)
            let meanAbsoluteDifference = zip(inlet, reference.inlet).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(inlet.count)
            #expect(abs(kpis.pue / reference.pue - 1) <= 0.02, "\(model) \(climate): PUE \(kpis.pue) vs EnergyPlus \(reference.pue)")
            #expect(abs(kpis.itMWh * 1000 / reference.itKWh - 1) <= 0.03,
                    "\(model) \(climate): IT \(kpis.itMWh) MWh vs \(reference.itKWh / 1000)")
            #expect(abs(kpis.coolingMWh * 1000 / reference.coolingKWh - 1) <= 0.05,
                    "\(model) \(climate): cooling \(kpis.coolingMWh) MWh vs \(reference.coolingKWh / 1000)")
            #expect(meanAbsoluteDifference <= 0.5, "\(model) \(climate): hourly IT inlet MAE \(meanAbsoluteDifference) K")
            #expect(kpis.unmetCoolingHours == 0)
            pue.append((climate, kpis.pue, reference.pue))
        }
        // Both rank the climates the same way.
        #expect(pue.sorted { $0.heatLoop < $1.heatLoop }.map(\.climate) == pue.sorted { $0.energyPlus < $1.energyPlus }.map(\.climate))
    }

    /// The committed EnergyPlus figures cover all three examples (the 2-zone one is compared in `EnergyPlus2ZoneTests`),
    /// so that a refresh with fewer models does not drop them:
    /// four climates each, 8760 hourly inlet values in 15…40 °C, PUE in 1…2.
    @Test(arguments: ["1ZoneDataCenterCRAC_wPumpedDXCoolingCoil", "1ZoneDataCenterCRAC_wApproachTemp",
                      "2ZoneDataCenterHVAC_wEconomizer"])
    func committedReferenceCoversEveryExample(model: String) throws {
        let references = try Self.references(model: model)
        #expect(Set(references.keys) == Set(Self.climates.keys))
        for (climate, reference) in references {
            #expect(reference.inlet.count == 8760 && reference.inlet.allSatisfy { (15...40).contains($0) }, "\(model) \(climate)")
            #expect((1...2).contains(reference.pue) && reference.itKWh > 0 && reference.coolingKWh > 0, "\(model) \(climate)")
        }
    }
}
