import HeatLoopReport
import Testing

@Suite("Linear scale and nice ticks")
struct LinearScaleTests {
    @Test("steps are 1, 2, 2.5 or 5 × 10ⁿ near span / count")
    func niceSteps() {
        #expect(LinearScale.niceStep(span: 9.3, targetCount: 5) == 2)
        #expect(LinearScale.niceStep(span: 1, targetCount: 5) == 0.2)
        #expect(LinearScale.niceStep(span: 12, targetCount: 5) == 2.5)
        #expect(LinearScale.niceStep(span: 8760, targetCount: 5) == 2000)
        #expect(LinearScale.niceStep(span: 0.03, targetCount: 5) == 0.01)
        #expect(LinearScale.niceStep(span: .nan, targetCount: 5) == 1)
        #expect(LinearScale.niceStep(span: 0, targetCount: 5) == 1)
    }

    @Test("the domain widens to whole ticks around the data and 0 when asked")
    func covering() {
        let scale = LinearScale(covering: [0.4, 9.3], including: [0], start: 300, end: 0)
        #expect(scale.lower == 0 && scale.upper == 10)
        #expect(scale.ticks == [0, 2, 4, 6, 8, 10])
        #expect(scale.position(0) == 300)
        #expect(scale.position(10) == 0)
        #expect(scale.position(5) == 150)
        let negative = LinearScale(covering: [-3.2, 7.7], start: 0, end: 1)
        #expect(negative.lower == -5 && negative.upper == 10 && negative.tickStep == 2.5)
    }

    @Test("ticks are exact decimals: no 0.30000000000000004")
    func exactTicks() {
        let scale = LinearScale(covering: [1.05, 1.31], start: 0, end: 1)
        #expect(scale.ticks == [1, 1.1, 1.2, 1.3, 1.4])
        #expect(scale.labelledTicks.map(\.label) == ["1.0", "1.1", "1.2", "1.3", "1.4"])
        let small = LinearScale(covering: [0, 0.3], start: 0, end: 1)
        #expect(small.ticks == [0, 0.1, 0.2, 0.3])
    }

    @Test("NaN and infinity are ignored; no data gives 0…1; a constant gets room around it")
    func degenerate() {
        let empty = LinearScale(covering: [], start: 0, end: 100)
        #expect(empty.lower == 0 && empty.upper == 1)
        let nan = LinearScale(covering: [.nan, .infinity, -.infinity], start: 0, end: 100)
        #expect(nan.lower == 0 && nan.upper == 1)
        let constant = LinearScale(covering: [1.25, 1.25, .nan], start: 0, end: 100)
        #expect(constant.lower < 1.25 && constant.upper > 1.25)
        #expect(constant.position(1.25).isFinite)
        let zeros = LinearScale(covering: [0, 0], including: [0], start: 0, end: 100)
        #expect(zeros.lower < zeros.upper)
        let exact = LinearScale(lower: 5, upper: 5, start: 0, end: 100)
        #expect(exact.position(5).isFinite)
    }

    @Test("tick labels group thousands and show the step's decimals")
    func labels() {
        let scale = LinearScale(covering: [0, 12_300], start: 0, end: 1)
        #expect(scale.labelledTicks.map(\.label) == ["0", "2,500", "5,000", "7,500", "10,000", "12,500"])
        #expect(NumberText.tick(0.25, step: 0.05) == "0.25")
        #expect(NumberText.tick(-2, step: 1) == "−2")
    }

    @Test("bands split the range evenly and leave padding around each bar")
    func bands() {
        let bands = BandScale(count: 4, start: 0, end: 400, padding: 0.5)
        #expect(bands.band == 100)
        #expect(bands.barWidth == 50)
        #expect(bands.barStart(1) == 125)
        #expect(bands.center(3) == 350)
    }
}
