import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// `HeatDemand.bdew` against demandlib 0.2.2 itself: `Tests/reference/bdew_demandlib_<site>.csv` hold
/// demandlib's hourly EFH and MFH profiles for every hour of the Chicago and San Francisco TMY3 years
/// (and the annual sums), made by `Tests/python/bdew_demandlib_reference.py`. HeatLoop, given the same
/// hourly weather, must reproduce every hour at 1-, 15- and 60-min steps (the mean of each hour's steps).
@Suite struct BDEWDemandlibTests {
    static let sites = [("chicago", "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"),
                        ("san_francisco", "USA_CA_San.Francisco.Intl.AP.724940_TMY3.epw")]

    @Test(arguments: sites, [1, 15, 60])
    func everyHourMatchesDemandlib(site: (name: String, epw: String), stepMinutes: Int) throws {
        let epw = try String(contentsOfFile: PackagePaths.weather(site.epw), encoding: .utf8)
        // EPW row i (after 8 header lines), field 7: dry bulb; demandlib was given row i as hour i.
        let temperatures = epw.split(separator: "\n").dropFirst(8).map { Double($0.split(separator: ",")[6])! }
        try #require(temperatures.count == 8760)
        let reference = try ReferenceCSV(path: "\(PackagePaths.root)/Tests/reference/bdew_demandlib_\(site.name).csv")
        let rows = try reference.rows.map { row in try row.map { try #require(Double($0), "not a number: \($0)") } }
        try #require(rows.count == 8761)
        let calendar = SimulationCalendar(year: 2025, stepMinutes: stepMinutes)
        let perHour = 60 / stepMinutes
        for (column, type, buildingClass) in [(1, BDEWProfile.BuildingType.singleFamily, 1), (2, .multiFamily, 2)] {
            // 1000 units a year: 1000 Wh over the year gives per-hour values in W.
            let profile = try BDEWProfile(type: type, buildingClass: buildingClass, windy: false, hotWater: true,
                                          annual: Joules(1000 * 3600))
            let steps = HeatDemand.bdew(profile).series(
                hourlyOutdoor: temperatures, dailyMeanOutdoor: [Double](repeating: 0, count: calendar.stepCount),
                calendar: calendar)
            try #require(steps.count == calendar.stepCount)
            var worst = 0.0
            for row in rows {
                let hour = Int(row[0])
                let ours = hour < 0
                    ? steps.reduce(0, +) / Double(perHour)
                    : steps[(hour * perHour)..<((hour + 1) * perHour)].reduce(0, +) / Double(perHour)
                worst = max(worst, abs(ours - row[column]) / row[column])
            }
            // Issue 17 asks for 0.1 % on every hour; measured ≤ 5e-12 (12-digit reference, double rounding).
            #expect(worst < 1e-10, "\(site.name) \(stepMinutes) min \(type): largest relative difference \(worst)")
        }
    }
}
