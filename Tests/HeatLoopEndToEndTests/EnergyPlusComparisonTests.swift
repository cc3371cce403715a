import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// `Sites/energyplus-crac-room.yaml` describes EnergyPlus's `1ZoneDataCenterCRAC_wPumpedDXCoolingCoil` room;
/// its annual figures must match EnergyPlus 25.2's over the four shared climates. The EnergyPlus figures
/// are in `Tests/energyplus/energyplus_reference.csv`, made by `make validate-energyplus`, which reruns
/// EnergyPlus and this comparison.
@Suite struct EnergyPlusComparisonTests {
    static let model = "1ZoneDataCenterCRAC_wPumpedDXCoolingCoil"
    static let climates = ["Chicago": "chicago", "SanFrancisco": "san_francisco", "Tampa": "tampa", "Tucson": "tucson"]

    struct Reference {
        var itKWh: Double
        var facilityKWh: Double
        var pue: Double
    }

    static func references() throws -> [String: Reference] {
        let text = try String(contentsOfFile: "\(PackagePaths.root)/Tests/energyplus/energyplus_reference.csv", encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        let header = lines[0].split(separator: ",").map(String.init)
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        var references: [String: Reference] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            guard fields[column("model")] == model else { continue }
            let number = { (name: String) in Double(fields[column(name)])! }
            references[fields[column("climate")]] = Reference(
                itKWh: number("ite_cpu_kWh") + number("ite_fan_kWh"), facilityKWh: number("facility_kWh"),
                pue: number("pue"))
        }
        return references
    }

    @Test func annualPUEMatchesEnergyPlusInEveryClimate() throws {
        let references = try Self.references()
        #expect(references.count == 4)
        var pue: [(climate: String, heatLoop: Double, energyPlus: Double)] = []
        for (climate, reference) in references.sorted(by: { $0.key < $1.key }) {
            let name = try #require(Self.climates[climate])
            let weather = try #require(PackagePaths.climates[name])
            let (_, result) = try simulate(site: "energyplus-crac-room", weather: weather)
            let kpis = RunSummary(result).annual
            // Agreement measured when this was written: PUE within 0.003, energies within 1 %.
            #expect(abs(kpis.pue - reference.pue) < 0.01, "\(climate): PUE \(kpis.pue) vs EnergyPlus \(reference.pue)")
            #expect(abs(kpis.itMWh * 1000 / reference.itKWh - 1) < 0.02, "\(climate): IT \(kpis.itMWh) MWh")
            #expect(abs(kpis.facilityMWh * 1000 / reference.facilityKWh - 1) < 0.02,
                    "\(climate): facility \(kpis.facilityMWh) MWh vs \(reference.facilityKWh / 1000)")
            #expect(kpis.unmetCoolingHours == 0)
            pue.append((climate, kpis.pue, reference.pue))
        }
        // Both rank the climates the same way.
        #expect(pue.sorted { $0.heatLoop < $1.heatLoop }.map(\.climate) == pue.sorted { $0.energyPlus < $1.energyPlus }.map(\.climate))
    }
}
