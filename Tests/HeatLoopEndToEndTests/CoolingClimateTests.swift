import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// The three cooling-plant example sites across the four shared climates (issue 4): free-cooling hours and
/// PUE must rank as the physics of each plant says, and energy must balance in every step.
@Suite struct CoolingClimateTests {
    static let order = ["san_francisco", "chicago", "tucson", "tampa"]

    func annual(_ site: String) throws -> [String: KPIs] {
        var results: [String: KPIs] = [:]
        for climate in Self.order {
            let (_, result) = try simulate(site: site, weather: PackagePaths.climates[climate])
            let kpis = RunSummary(result).annual
            #expect(kpis.maximumEnergyBalanceResidual < 1e-6, "\(site) \(climate)")
            results[climate] = kpis
        }
        return results
    }

    /// A water-side economiser runs on the wet bulb: free when the tower water (wet bulb + 3.9 K approach
    /// + 1.5 K exchanger) is below the 18 °C chilled water, i.e. wet bulb below ≈ 12.6 °C. San Francisco's
    /// marine air stays below that most of the year; Chicago's winters do; Tucson's dry air does in winter
    /// and spring but its summer monsoon wet bulbs do not; Tampa's humid air rarely does. PUE follows the
    /// hours of chiller work: SF < Chicago ≈ Tucson < Tampa.
    @Test func towerEconomiserFollowsTheWetBulb() throws {
        let k = try annual("enterprise-hall-tower")
        let free = Self.order.map { k[$0]!.freeCoolingHours }
        #expect(free == free.sorted(by: >), "free-cooling hours SF, Chicago, Tucson, Tampa = \(free)")
        #expect(free[3] < 0.3 * free[1], "Tampa \(free[3]) h vs Chicago \(free[1]) h")
        let pue = Self.order.map { k[$0]!.pue }
        #expect(pue[0] < pue[1] && pue[1] <= pue[2] + 0.005 && pue[2] < pue[3], "PUE = \(pue)")
        for kpis in k.values {
            #expect(kpis.unmetCoolingHours == 0)
            // Open towers evaporate about 1.8 L per kWh of heat (Shehabi et al. 2016: WUE 1.8 L/kWh).
            #expect((1.5...3.0).contains(kpis.wue), "WUE \(kpis.wue)")
        }
    }

    /// The DLC loop of `dlc-dry-coolers` (designed for Chicago) has dry coolers alone: they follow the dry
    /// bulb, which adiabatic pads lower towards the wet bulb in hot hours. Its 40 °C water is reached in every
    /// climate, so that loop is always free cooling and never leaves ASHRAE W40. The residual air heat's 24 °C
    /// loop needs its trim chiller more from mild SF to humid Tampa, where no pad helps: free-cooling hours
    /// fall and PUE rises in that order.
    @Test func dryCoolersAloneFollowTheDryBulb() throws {
        var k: [String: KPIs] = [:]
        for climate in Self.order {
            let (_, result) = try simulate(site: "dlc-dry-coolers", weather: PackagePaths.climates[climate])
            #expect(result.columns.flags(.liquidMode).allSatisfy { $0 == CoolingMode.free.rawValue }, "\(climate)")
            k[climate] = RunSummary(result).annual
            #expect(k[climate]!.maximumEnergyBalanceResidual < 1e-6, "\(climate)")
        }
        let free = Self.order.map { k[$0]!.freeCoolingHours }
        #expect(free == free.sorted(by: >), "free-cooling hours SF, Chicago, Tucson, Tampa = \(free)")
        let pue = Self.order.map { k[$0]!.pue }
        #expect(pue == pue.sorted(), "PUE = \(pue)")
        #expect(pue.allSatisfy { (1.03...1.10).contains($0) })
        for kpis in k.values { #expect(kpis.unmetCoolingHours == 0 && kpis.outsideWaterClassHours == 0) }
    }

    /// The DX CRAC's pumped-refrigerant economiser works below −4 °C outdoors: only Chicago has such
    /// hours. The DX coil's efficiency falls with the outdoor dry bulb, so PUE rises Chicago < SF <
    /// Tucson < Tampa, the order EnergyPlus gives for the same room.
    @Test func dxRoomFollowsTheDryBulb() throws {
        let k = try annual("energyplus/crac-pumped-dx")
        #expect(k["chicago"]!.freeCoolingHours > 500)
        for climate in ["san_francisco", "tucson", "tampa"] { #expect(k[climate]!.freeCoolingHours == 0) }
        let pue = ["chicago", "san_francisco", "tucson", "tampa"].map { k[$0]!.pue }
        #expect(pue == pue.sorted(), "PUE Chicago, SF, Tucson, Tampa = \(pue)")
    }
}
