import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// Grid-carbon and DH-demand series read from CSV files give what their constant equivalents give.
@Suite struct SeriesInputTests {
    func nearlyEqual(_ a: Double, _ b: Double, _ relative: Double) -> Bool { abs(a - b) <= relative * max(abs(a), abs(b)) }

    /// Writes `rows` hourly rows of `column` from 2025-01-01 00:00 to a CSV in a temporary folder.
    func hourlyCSV(column: String, rows: Int, value: (Int) -> Double) throws -> String {
        var text = "time,\(column)\n"
        for hour in 0..<rows {
            let day = hour / 24, month = 1 + day / 31, dayOfMonth = 1 + day % 31
            text += String(format: "2025-%02d-%02dT%02d:00,%g\n", month, dayOfMonth, hour % 24, value(hour))
        }
        let path = try temporaryFolder() + "/\(column).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func hourlyGridIntensityMatchesAConstantOne() throws {
        let constant = RunSummary(try simulate(site: "chicago-ai-campus").1).annual
        // One week of a flat 369 g/kWh (the site's constant), repeated over the year.
        let flat = try hourlyCSV(column: "g_per_kwh", rows: 168) { _ in 369 }
        let hourly = RunSummary(try simulate(site: "chicago-ai-campus", edits: [
            ("carbon: {grid_g_per_kwh: 369,", "carbon: {grid_csv: \(flat),"),
        ]).1).annual
        #expect(nearlyEqual(hourly.co2OperationalTonnes, constant.co2OperationalTonnes, 1e-9))
        #expect(nearlyEqual(hourly.co2AvoidedTonnes, constant.co2AvoidedTonnes, 1e-9))
        // Clean nights (0 g/kWh from 00:00 to 06:00) remove a quarter of the night-weighted emissions.
        let nights = try hourlyCSV(column: "g_per_kwh", rows: 24) { $0 < 6 ? 0 : 369 }
        let cleaner = RunSummary(try simulate(site: "chicago-ai-campus", edits: [
            ("carbon: {grid_g_per_kwh: 369,", "carbon: {grid_csv: \(nights),"),
        ]).1).annual
        let ratio = cleaner.co2OperationalTonnes / constant.co2OperationalTonnes
        #expect((0.70...0.80).contains(ratio), "CO2 ratio with clean nights \(ratio)")
    }

    @Test func demandProfileMatchesAConstantOfferTaker() throws {
        let profile = try hourlyCSV(column: "demand_mw", rows: 24) { _ in 2.5 }
        let demand = "demand: {degree_hours: {design_load_mw: 30, design_outdoor_c: -20, heating_limit_c: 15, hot_water_share: 0.15}}"
        let fromCSV = RunSummary(try simulate(site: "chicago-ai-campus", edits: [
            (demand, "demand: {profile: {file: \(profile), column: demand_mw}}"),
        ]).1).annual
        let constant = RunSummary(try simulate(site: "chicago-ai-campus", edits: [
            (demand, "demand: {constant: {mw: 2.5}}"),
        ]).1).annual
        // 2.5 MW for 8,760 h = 21,900 MWh.
        #expect(nearlyEqual(fromCSV.dhDemandMWh, 21_900, 1e-6))
        #expect(nearlyEqual(fromCSV.heatDeliveredMWh, constant.heatDeliveredMWh, 1e-9))
        #expect(fromCSV.dhCoverage > 0.95)
    }

    /// A heat price CSV sets both the heat sales and the data center's place in the network's merit order
    /// (Paris: a must-run incinerator share, 4 MW of gas CHP at 45 €/MWh, gas boilers at 65 €/MWh).
    @Test func heatPriceCSVSetsTheRevenueAndTheMeritOrder() throws {
        let monthly = "  heat_price_monthly_eur_per_mwh: [40, 40, 38, 34, 30, 28, 28, 28, 30, 34, 38, 40]\n"
        let cheap = try hourlyCSV(column: "eur_per_mwh", rows: 168) { _ in 30 }
        let (input, result) = try simulate(site: "paris-colocation-heat-export", edits: [(monthly, "  heat_price_csv: \(cheap)\n")])
        let project = try #require(input.project)
        let assessed = project.economics.assess(size: project.size, design: result, baseline: nil)
        let annual = RunSummary(result).annual
        #expect(nearlyEqual(assessed.heatRevenue, 30 * annual.heatDeliveredMWh, 1e-5))
        // At 45 €/MWh the data center is as dear as the CHP, which keeps its place: far less is asked of it.
        let dear = try hourlyCSV(column: "eur_per_mwh", rows: 168) { _ in 45 }
        let dearer = RunSummary(try simulate(site: "paris-colocation-heat-export",
                                             edits: [(monthly, "  heat_price_csv: \(dear)\n")]).1).annual
        #expect(dearer.dhDemandMWh < 0.8 * annual.dhDemandMWh, "\(dearer.dhDemandMWh) vs \(annual.dhDemandMWh) MWh")
        #expect(dearer.dhNetworkHeatMWh == annual.dhNetworkHeatMWh)
    }
}
