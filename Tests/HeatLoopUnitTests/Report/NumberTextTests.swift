import HeatLoopReport
import Testing

@Suite("Numbers as text")
struct NumberTextTests {
    @Test("grouped thousands, a true minus, no negative zero, a dash when missing")
    func grouped() {
        #expect(NumberText.grouped(124_947.168, decimals: 0) == "124,947")
        #expect(NumberText.grouped(1234.5678, decimals: 2) == "1,234.57")
        #expect(NumberText.grouped(-1_500_000, decimals: 0) == "−1,500,000")
        #expect(NumberText.grouped(-0.0004, decimals: 2) == "0.00")
        #expect(NumberText.grouped(999, decimals: 0) == "999")
        #expect(NumberText.grouped(.nan, decimals: 1) == "–")
        #expect(NumberText.grouped(.infinity, decimals: 1) == "–")
    }

    @Test("percentages and significant digits")
    func percentAndSignificant() {
        #expect(NumberText.percent(0.25635) == "25.6 %")
        #expect(NumberText.percent(.nan) == "–")
        #expect(NumberText.significant(12.0848, digits: 3) == "12.1")
        #expect(NumberText.significant(4.02720666666667, digits: 4) == "4.027")
        #expect(NumberText.significant(0.0452) == "0.0452")
        #expect(NumberText.significant(1000, digits: 4) == "1,000")
        #expect(NumberText.significant(8, digits: 4) == "8")
        #expect(NumberText.significant(0) == "0")
    }

    @Test("a step's decimals")
    func decimals() {
        #expect(NumberText.decimals(forStep: 2000) == 0)
        #expect(NumberText.decimals(forStep: 2.5) == 1)
        #expect(NumberText.decimals(forStep: 0.05) == 2)
        #expect(NumberText.decimals(forStep: 0.0025) == 4)
    }
}
