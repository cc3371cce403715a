import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// `Sites/energyplus/2zone-economizer.yaml` (EnergyPlus's `2ZoneDataCenterHVAC_wEconomizer.idf`: two air zones, each
/// with its ITE and air handler, on one chilled-water plant) against EnergyPlus 25.2's committed figures
/// (`energyplus_reference.csv`, `energyplus_hourly_inlet.csv`) on the four shared climates. EnergyPlus's hourly
/// inlet is the plain mean of its two ITE objects' inlets, so HeatLoop's is the mean of its two clusters'
/// (`/it/cluster_inlet_temp`), not the power-weighted `/cooling/it_inlet_temp`.
///
/// Measured 2026-12-05 (HeatLoop − EnergyPlus), with the IDF's BLAST chiller, YorkCalc tower and condenser pump: PUE
/// −0.6 … 0.0 %, IT +0.4 … +1.4 % and cooling −5.2 … +1.7 %; hourly inlet MAE 0.50 … 0.56 K. PUE and IT meet issue
/// 16's targets (2 %, 3 %), cooling (5 %) in Chicago (−4.9 %), San Francisco and Tampa but not Tucson (−5.2 %, no
/// chiller there: its DX coil and evaporative coolers, the air side), the inlet MAE (0.5 K) nowhere; IT meets its target
/// partly because two zone errors cancel: West's IT is ≈ 5 % low (its inlet ≈ 0.6 K colder: EnergyPlus's zone floats
/// above its setpoint and its supply plenum warms the air, `EnergyPlusWestZoneTests`), East's ≈ 2 % high (its inlet
/// held at 42 °C, the 40 °C top of class A3's supply plus the 2 K approach, where EnergyPlus's supply reset follows the
/// overheated zone to ≈ 41 °C through a plenum and an envelope HeatLoop does not model). In Tampa the tower fan is
/// 40.6 MWh against EnergyPlus's 43.0 and the condenser pump 36.8 against 40.8 (the chiller runs 1,686 h against
/// EnergyPlus's 1,835 full-load hours: the East coil's load), the chiller 61.6 against 40.0 and the DX coil 104.7 against
/// 117.4; Docs/energyplus.md.
/// The bounds below hold today's gap, so a change that widens it fails.
@Suite struct EnergyPlus2ZoneTests {
    static let model = "2ZoneDataCenterHVAC_wEconomizer"

    @Test func twoZoneSiteAgainstEnergyPlus() throws {
        let references = try EnergyPlusComparisonTests.references(model: Self.model)
        #expect(references.count == 4)
        var pues: [(climate: String, heatLoop: Double, energyPlus: Double)] = []
        for (climate, reference) in references.sorted(by: { $0.key < $1.key }) {
            let name = try #require(EnergyPlusComparisonTests.climates[climate])
            let weather = try #require(PackagePaths.climates[name])
            let (input, result) = try simulate(site: "energyplus/2zone-economizer", weather: weather)
            let kpis = RunSummary(result).annual
            let clusters = result.site.clusters.count, steps = result.columns.count
            let perCluster = result.columns[.clusterInletTemp]
            let zoneMean = (0..<steps).map { step in
                (0..<clusters).reduce(Float(0)) { $0 + perCluster[$1 * steps + step] } / Float(clusters)
            }
            let inlet = EnergyPlusComparisonTests.hourly(zoneMean, stepsPerHour: 60 / input.spec.timestepMin)
            try #require(inlet.count == reference.inlet.count)
            let meanAbsoluteDifference = zip(inlet, reference.inlet).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(inlet.count)
            let pue = kpis.pue / reference.pue - 1, it = kpis.itMWh * 1000 / reference.itKWh - 1
            let cooling = kpis.coolingMWh * 1000 / reference.coolingKWh - 1
            #expect(abs(pue) <= 0.01, "2-zone \(climate): PUE \(kpis.pue) vs EnergyPlus \(reference.pue)")
            #expect(abs(it) <= 0.03, "2-zone \(climate): IT \(kpis.itMWh) MWh vs \(reference.itKWh / 1000)")
            #expect((-0.06 ... 0.03).contains(cooling), "2-zone \(climate): cooling \(kpis.coolingMWh) MWh vs \(reference.coolingKWh / 1000)")
            #expect(meanAbsoluteDifference <= 0.6, "2-zone \(climate): hourly IT inlet MAE \(meanAbsoluteDifference) K")
            pues.append((climate, kpis.pue, reference.pue))
            #expect(kpis.maximumEnergyBalanceResidual < 1e-6)
        }
        // Both rank the climates the same way.
        #expect(pues.sorted { $0.heatLoop < $1.heatLoop }.map(\.climate) == pues.sorted { $0.energyPlus < $1.energyPlus }.map(\.climate))
    }
}
