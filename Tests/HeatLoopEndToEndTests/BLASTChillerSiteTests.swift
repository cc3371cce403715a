import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// `chiller.blast` selects a shipped EnergyPlus `Chiller:Electric` (BLAST) chiller (`BLASTChillerCurves.shipped`):
/// the 2-zone example with the IDF's own chiller runs with it, and wrong uses are reported at the key.
@Suite struct BLASTChillerSiteTests {
    static let blast = "        chiller: {blast: energyplus-2zone-datacenter, capacity_mw: 1.902739}\n"

    @Test func theTwoZoneSiteRunsWithTheIDFsChiller() throws {
        let (input, result) = try simulate(site: "energyplus/2zone-economizer")
        guard case .waterCooledChiller(let plant) = input.designed.spec.cooling.air.rejection else {
            Issue.record("not a water-cooled chiller plant")
            return
        }
        #expect(plant.chiller.blast == "energyplus-2zone-datacenter" && plant.chiller.curveSet == nil)
        #expect(plant.chiller.capacityMw == 1.902739)
        let withBLAST = RunSummary(result).annual
        let withEIR = RunSummary(try simulate(site: "energyplus/2zone-economizer",
                                              edits: [(Self.blast, "        chiller: {curve_set: trane-rthb-screw}\n")]).1).annual
        // Same load, another chiller: the cooling energy differs, the IT energy does not.
        #expect(withBLAST.itMWh.isApproximatelyEqual(to: withEIR.itMWh, relativeTolerance: 1e-9))
        #expect(abs(withBLAST.coolingMWh - withEIR.coolingMWh) > 0.5)
        #expect(withBLAST.maximumEnergyBalanceResidual < 1e-6)
    }

    @Test(arguments: [
        ("        chiller: {blast: energyplus-2zone}\n", "no BLAST chiller 'energyplus-2zone'"),
        ("        chiller: {blast: energyplus-2zone-datacenter, curve_set: trane-rthb-screw}\n", "give one chiller model"),
    ])
    func wrongUsesNameTheKey(replacement: String, message: String) throws {
        expectRefused(site: "energyplus/2zone-economizer", edits: [(Self.blast, replacement)], key: "chiller.blast",
                      message: message)
    }
}
