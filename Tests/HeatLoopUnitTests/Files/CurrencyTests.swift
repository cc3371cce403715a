import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// `economics.currency`: the label of every amount (no conversion).
@Suite struct CurrencyTests {
    @Test func amountsPrintWithTheSymbolOrTheCode() {
        #expect(Currency.euro.amount(2_940_000) == "2.94 M€")
        #expect(Currency(code: "USD").amount(-450_000) == "−450 k$")
        #expect(Currency(code: "CHF").amount(1_230_000) == "1.23 M CHF")
        #expect(Currency(code: "CHF").amount(12) == "12 CHF")
        #expect(Currency(code: "GBP").per("MWh") == "£/MWh")
    }

    @Test func theSiteSettingIsAnISOCodeDefaultingToEuros() throws {
        let head = """
            name: s
            weather: Weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw
            it: {load_mw: 1}
            heat_recovery:
              heat_pump: {capacity_mw: 1}
              district_heating: {demand: {degree_hours: {design_load_mw: 3}}}

            """
        let file = "\(PackagePaths.root)/site.yaml"
        #expect(try SiteSpec.decode(text: head + "economics: {}\n", file: file).economics?.currencyUnit == .euro)
        #expect(try SiteSpec.decode(text: head + "economics: {currency: USD}\n", file: file).economics?.currency == "USD")
        do {
            _ = try SiteSpec.decode(text: head + "economics: {currency: dollars}\n", file: file)
            Issue.record("'dollars' accepted")
        } catch {
            #expect(error.problems.map(\.keyPath) == ["economics.currency"], "\(error)")
        }
    }
}
