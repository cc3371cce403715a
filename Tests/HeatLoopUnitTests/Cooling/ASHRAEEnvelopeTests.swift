import HeatLoop
import Testing

/// Envelope corners of ASHRAE TC 9.9 Thermal Guidelines, 5th ed. (2021), Table 2.1.
@Suite struct ASHRAEEnvelopeTests {
    func rh(_ t: Double, _ dewPoint: Double) -> Double { Psychrometrics.relativeHumidity(dryBulb: t, dewPoint: dewPoint) }

    func recommended(_ t: Double, dewPoint: Double, _ c: ASHRAEAirClass = .a1) -> Bool {
        c.isRecommended(dryBulb: t, dewPoint: dewPoint, relativeHumidity: rh(t, dewPoint))
    }

    func allowable(_ t: Double, dewPoint: Double, _ c: ASHRAEAirClass = .a1) -> Bool {
        c.isAllowable(dryBulb: t, dewPoint: dewPoint, relativeHumidity: rh(t, dewPoint))
    }

    @Test func a1RecommendedCorners() {
        #expect(recommended(18, dewPoint: -9))        // cold, dry corner
        #expect(recommended(27, dewPoint: 15))        // hot, humid corner (RH 48 %)
        #expect(recommended(22, dewPoint: 10))
        #expect(!recommended(17.9, dewPoint: 5))
        #expect(!recommended(27.1, dewPoint: 5))
        #expect(!recommended(22, dewPoint: -9.5))
        #expect(!recommended(22, dewPoint: 15.5))
        #expect(!recommended(18, dewPoint: 14))       // dew point fine, RH 88 % > 70 %
    }

    @Test func a1AllowableCorners() {
        #expect(allowable(15, dewPoint: -12))         // RH 14 % ≥ 8 %
        #expect(allowable(32, dewPoint: 17))          // RH 40 %
        #expect(allowable(20, dewPoint: 16.3))        // RH ≈ 79 %
        #expect(!allowable(14.9, dewPoint: 0))
        #expect(!allowable(32.1, dewPoint: 0))
        #expect(!allowable(25, dewPoint: -12))        // dew point at the limit, but RH 7 % < 8 %
        #expect(!allowable(25, dewPoint: 17.5))
        #expect(!allowable(17, dewPoint: 15))         // RH 88 % > 80 %
        #expect(allowable(40, dewPoint: 20, .a3) && !allowable(40, dewPoint: 20, .a2))
        #expect(allowable(45, dewPoint: 24, .a4) && !allowable(45.5, dewPoint: 10, .a4))
        #expect(!recommended(24, dewPoint: 10, .h1) && allowable(24, dewPoint: 10, .h1))
    }

    @Test func namesParse() {
        #expect(ASHRAEAirClass(name: "A1") == .a1)
        #expect(ASHRAEAirClass(name: "a3") == .a3)
        #expect(ASHRAEAirClass(name: "A5") == nil)
        #expect(ASHRAEAirClass.allNames == ["A1", "A2", "A3", "A4", "H1"])
        #expect(ASHRAELiquidClass(name: "W32") == .w32)
        #expect(ASHRAELiquidClass(name: "w+") == .wPlus)
        #expect(ASHRAELiquidClass(name: "W3") == nil)
        #expect(ASHRAELiquidClass.allNames == ["W17", "W27", "W32", "W40", "W45", "W+"])
    }

    @Test func liquidClasses() {
        #expect(ASHRAELiquidClass.w17.allows(supply: 17) && !ASHRAELiquidClass.w17.allows(supply: 17.1))
        #expect(ASHRAELiquidClass.w32.allows(supply: 32) && !ASHRAELiquidClass.w32.allows(supply: 35))
        #expect(ASHRAELiquidClass.w45.allows(supply: 45) && !ASHRAELiquidClass.w45.allows(supply: 50))
        #expect(ASHRAELiquidClass.wPlus.allows(supply: 60) && ASHRAELiquidClass.wPlus.maximumSupply == nil)
        let limits = ASHRAELiquidClass.allCases.compactMap { $0.maximumSupply?.value }
        #expect(limits == [17, 27, 32, 40, 45])
    }
}
