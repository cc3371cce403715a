import HeatLoop
import HeatLoopTestSupport
import Testing

@Suite("Grid carbon table")
struct GridCarbonTableTests {
    @Test("known countries: carbontracker's newer figure, looked up by alpha-3 or alpha-2")
    func knownValues() throws {
        // shared/reference/carbon/SOURCES.md examples (carbontracker 2.4.7, 2024).
        let germany = try #require(GridCarbonTable.entry(code: "DEU"))
        #expect(germany.gramsPerKilowattHour == 344.13992 && germany.year == 2024 && germany.source == .carbontracker)
        #expect(GridCarbonTable.entry(code: "de") == germany)
        #expect(GridCarbonTable.intensity(code: "FRA") == 44.179085)
        #expect(GridCarbonTable.intensity(code: "SE") == 35.823833)
        #expect(GridCarbonTable.intensity(code: "usa") == 383.5492)
        // Namibia has no carbontracker figure: codecarbon 2022; its alpha-2 "NA" survives the merge.
        let namibia = try #require(GridCarbonTable.entry(code: "NA"))
        #expect(namibia.alpha3 == "NAM" && namibia.gramsPerKilowattHour == 59.259 && namibia.year == 2022
            && namibia.source == .codecarbon)
        #expect(GridCarbonTable.entry(code: "XYZ") == nil)
        #expect(GridCarbonTable.entry(code: "DEUT") == nil)
    }

    @Test("every row of the merged reference table is in the shipped table")
    func matchesReference() throws {
        let table = try ReferenceCSV("carbon/country_intensity_merged.csv")
        #expect(table.rows.count == 213)
        #expect(GridCarbonTable.codes.count == 213)
        for row in table.records {
            let code = try #require(row["iso3"])
            let entry = try #require(GridCarbonTable.entry(code: code), "\(code) missing")
            let tracker = row["carbontracker_gCO2eq_per_kWh"].flatMap(Double.init)
            let expected = try tracker ?? #require(row["codecarbon_gCO2eq_per_kWh"].flatMap(Double.init))
            #expect(entry.gramsPerKilowattHour == expected, "\(code)")
            #expect(entry.name == row["name"])
            if let iso2 = row["iso2"], !iso2.isEmpty { #expect(entry.alpha2 == iso2) }
        }
    }

    @Test("suggestions for a mistyped code")
    func suggestions() {
        #expect(GridCarbonTable.suggestions(for: "DEX").contains("DEU"))
        #expect(GridCarbonTable.suggestions(for: "germ") == ["DEU"])
        #expect(GridCarbonTable.codes == GridCarbonTable.codes.sorted())
    }
}
