import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// `HeatDemand.bdew` against demandlib 0.2.2 itself: `Tests/reference/bdew_demandlib_chicago.csv` holds
/// demandlib's hourly EFH and MFH profiles for the Chicago TMY3 year (four weeks and the annual sums),
/// made by `Tests/python/bdew_demandlib_reference.py`. HeatLoop, fed the same hourly temperatures, must
/// reproduce them to rounding.
@Suite struct BDEWDemandlibTests {
    @Test func profilesMatchDemandlibHourByHour() throws {
        let epw = try String(contentsOfFile: PackagePaths.weather("USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"),
                             encoding: .utf8)
        // EPW row i (after 8 header lines), field 7: dry bulb; demandlib was given row i as hour i.
        let temperatures = epw.split(separator: "\n").dropFirst(8).map { Double($0.split(separator: ",")[6])! }
        try #require(temperatures.count == 8760)
        let reference = try ReferenceCSV(path: "\(PackagePaths.root)/Tests/reference/bdew_demandlib_chicago.csv")
        let rows = try reference.rows.map { row in try row.map { try #require(Double($0), "not a number: \($0)") } }
        for (column, type, buildingClass) in [(1, BDEWProfile.BuildingType.singleFamily, 1), (2, .multiFamily, 2)] {
            // 1000 units a year: J with one-hour steps gives 1000 Wh over the year, per-hour values in W.
            let profile = try BDEWProfile(type: type, buildingClass: buildingClass, windy: false, hotWater: true,
                                          annual: Joules(1000 * 3600))
            let hourly = profile.series(outdoor: temperatures, stepSeconds: 3600)
            var worst = 0.0
            for row in rows {
                let hour = Int(row[0])
                let ours = hour < 0 ? hourly.reduce(0, +) : hourly[hour]
                worst = max(worst, abs(ours - row[column]) / row[column])
            }
            // Measured: ≤ 2.4e-14 (double rounding).
            #expect(worst < 1e-10, "\(type): largest relative difference from demandlib \(worst)")
        }
    }
}
