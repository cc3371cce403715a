import HeatLoop
import HeatLoopTestSupport
import Testing

private let mwh = 3.6e9 // J

/// A constructed year: IT 1000 MWh, facility 1250 MWh, cooling 200 MWh, heat pump 50 MWh making 200 MWh,
/// 190 MWh delivered of 400 MWh demand, 1100 MWh into the loops, 1.5 million L of water.
private func year() -> EnergyTotals {
    var t = EnergyTotals()
    t.it = 1_000 * mwh
    t.facility = 1_250 * mwh
    t.cooling = 200 * mwh
    t.heatPump = 50 * mwh
    t.heatPumpOutput = 200 * mwh
    t.heatDelivered = 190 * mwh
    t.dhDemand = 400 * mwh
    t.heatIntoLoops = 1_100 * mwh
    t.water = 1.5e6
    // As the step loop sums them at a constant 400 g/kWh: 1.25e6 kWh · 0.4 kg/kWh, 5e4 kWh · 0.4 kg/kWh.
    t.co2Facility = 500_000
    t.co2HeatPump = 20_000
    return t
}

@Suite("KPIs from energy totals")
struct KPIsTests {
    @Test("PUE, ERF, ERE, WUE, CER, coverage, SCOP (hand calculation)")
    func ratios() {
        let k = KPIs(year(), carbon: nil)
        // PUE = 1250/1000; with the heat pump inside the boundary (1250 + 50)/1000.
        #expect(k.pue.isApproximatelyEqual(to: 1.25))
        #expect(k.pueWithHeatPump.isApproximatelyEqual(to: 1.3))
        // Reused = delivered − heat-pump electricity = 190 − 50 = 140 MWh; ERF = 140/1250 = 0.112.
        #expect((year().reused / mwh).isApproximatelyEqual(to: 140))
        #expect(k.erf.isApproximatelyEqual(to: 0.112))
        // ERE = (1250 − 140)/1000 = 1.11 = (1 − ERF)·PUE = 0.888 · 1.25.
        #expect(k.ere.isApproximatelyEqual(to: 1.11))
        #expect(k.ere.isApproximatelyEqual(to: (1 - k.erf) * k.pue))
        // WUE = 1.5e6 L / 1e6 kWh = 1.5 L/kWh; CER = 1100/200 = 5.5.
        #expect(k.wue.isApproximatelyEqual(to: 1.5))
        #expect(k.cer.isApproximatelyEqual(to: 5.5))
        #expect(k.dhCoverage.isApproximatelyEqual(to: 0.475))
        #expect(k.heatPumpSCOP.isApproximatelyEqual(to: 4))
        #expect(k.itMWh.isApproximatelyEqual(to: 1_000))
        #expect(k.waterM3.isApproximatelyEqual(to: 1_500))
        #expect(k.wueSource.isNaN)
    }

    @Test("source WUE = (site water + facility kWh × grid water intensity) / IT kWh (The Green Grid WP 35)")
    func sourceWUE() {
        // 1.9 L/kWh of grid electricity: (1.5e6 L + 1.25e6 kWh · 1.9 L/kWh) / 1e6 kWh = 3.875 L/kWh.
        let k = KPIs(year(), carbon: nil, gridWaterIntensity: 1.9)
        #expect(k.wueSource.isApproximatelyEqual(to: 3.875))
        #expect(k.wue.isApproximatelyEqual(to: 1.5))
        #expect(k.named.first { $0.name == "wue_source_L_per_kWh" }?.value == k.wueSource)
    }

    @Test("reused energy is never negative")
    func reusedFloor() {
        var t = year()
        t.heatDelivered = 30 * mwh // less than the 50 MWh of heat-pump electricity
        #expect(t.reused == 0)
        #expect(KPIs(t, carbon: nil).erf == 0)
        #expect(KPIs(t, carbon: nil).ere.isApproximatelyEqual(to: 1.25))
    }

    @Test("ratios over zero denominators are NaN")
    func zeroDenominators() {
        let k = KPIs(EnergyTotals(), carbon: CarbonIntensity(gridGramsPerKWh: 400, displacedHeatGramsPerKWh: 224))
        for value in [k.pue, k.pueWithHeatPump, k.erf, k.ere, k.wue, k.cer, k.dhCoverage, k.heatPumpSCOP, k.cue] {
            #expect(value.isNaN)
        }
        #expect(k.itMWh == 0 && k.co2OperationalTonnes == 0)
    }

    @Test("CO2 with a carbon intensity; NaN without")
    func carbon() {
        let k = KPIs(year(), carbon: CarbonIntensity(gridGramsPerKWh: 400, displacedHeatGramsPerKWh: 224.4))
        // Operational: (1250 + 50) MWh · 400 g/kWh = 1.3e6 kWh · 0.4 kg/kWh = 520 t.
        #expect(k.co2OperationalTonnes.isApproximatelyEqual(to: 520))
        // Avoided: 190 000 kWh · 224.4 g − 50 000 kWh · 400 g = 42.636 t − 20 t = 22.636 t.
        #expect(k.co2AvoidedTonnes.isApproximatelyEqual(to: 22.636))
        // CUE = facility CO2 / IT energy = 1250 MWh · 0.4 kg/kWh / 1e6 kWh = 0.5 kg/kWh.
        #expect(k.cue.isApproximatelyEqual(to: 0.5))
        let none = KPIs(year(), carbon: nil)
        #expect(none.co2OperationalTonnes.isNaN && none.co2AvoidedTonnes.isNaN && none.cue.isNaN)
    }

    @Test("totals add field by field; the residual is the maximum")
    func totalsAdd() {
        var a = year()
        a.maximumResidual = 1e-12
        a.freeHours = 100
        var b = year()
        b.maximumResidual = 3e-12
        b.freeHours = 50
        let sum = a + b
        #expect(sum.it == 2 * a.it && sum.heatDelivered == 2 * a.heatDelivered && sum.water == 3e6)
        #expect(sum.freeHours == 150)
        #expect(sum.maximumResidual == 3e-12)
        // Ratios of a doubled year are unchanged.
        #expect(KPIs(sum, carbon: nil).pue.isApproximatelyEqual(to: 1.25))
    }

    @Test("named KPIs: unique result-file names carrying the same values")
    func named() {
        let k = KPIs(year(), carbon: nil)
        let names = k.named.map(\.name)
        #expect(Set(names).count == names.count)
        let byName = Dictionary(uniqueKeysWithValues: k.named.map { ($0.name, $0.value) })
        #expect(byName["pue"] == k.pue)
        #expect(byName["erf"] == k.erf)
        #expect(byName["wue_L_per_kWh"] == k.wue)
    }
}
