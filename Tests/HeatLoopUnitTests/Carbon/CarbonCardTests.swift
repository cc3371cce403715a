import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// BLOOM (Luccioni, Viguier & Ligozat 2023, JMLR 24(253), Tables 2–4): 1,082,990 A100 GPU-hours at 400 W
/// TDP, French grid 57 g/kWh, idle and infrastructure 256,646 kWh, embodied 150 kg per GPU and 2,500 kg per
/// 8-GPU server over 6 years at 85 % use: dynamic 24.7 t, idle 14.6 t, embodied 11.2 t, total 50.5 t.
@Suite("Carbon card")
struct CarbonCardTests {
    static let bloom = TrainingJobTerms(name: "BLOOM-176B", hardware: "384 A100 80GB", accelerators: 384,
                                        power: .init(watts: 400, scope: .accelerators, per: .accelerator),
                                        restOfNodeWattsPerAccelerator: 0, duration: .gpuHours(1_082_990))

    static func bloomSetting(_ boundary: AccountingBoundary) -> CarbonCardSetting {
        CarbonCardSetting(boundary: boundary, facility: .pue(Estimate(exactly: 1.2), .given),
                          intensity: Estimate(exactly: 57), location: "France", embodied: .bloom)
    }

    static func tonnes(_ kg: Double) -> Double { (kg / 100).rounded() / 10 }

    @Test("BLOOM dynamic, idle and embodied to the paper's printed 0.1 t")
    func bloomFootprint() throws {
        let dynamic = try CarbonCard(terms: Self.bloom, setting: Self.bloomSetting(.gpuOnly))
        #expect(dynamic.energy.totalKWh.central.rounded() == 433_196)
        #expect(Self.tonnes(dynamic.operational.locationKg.central) == 24.7)
        #expect(Self.tonnes(dynamic.embodied.totalKg.central) == 11.2)
        // Idle and infrastructure as the paper allocates it: a stated energy inside a node boundary.
        let whole = try CarbonCard(terms: Self.bloom, setting: Self.bloomSetting(.node),
                                   idleShareKWh: Estimate(exactly: 256_646))
        let idle = try #require(whole.energy.kWh(.idleShare))
        #expect(Self.tonnes(idle.central * 57 / 1000) == 14.6)
        #expect(Self.tonnes(whole.footprintKg.central) == 50.5)
        #expect(whole.energy.kWh(.facility) == nil, "a node boundary has no facility line")
    }

    @Test("market-based: a PPA share at zero intensity, the residual mix on the rest")
    func marketBased() {
        let energy = Estimate(exactly: 1000)
        let covered = OperationalEmissions(energyKWh: energy, intensity: Estimate(exactly: 400), basis: .annual,
                                           market: .init(coveredShare: 0.75, residualGramsPerKWh: 500))
        #expect(covered.locationKg.central == 400)
        #expect(covered.marketKg.central.isApproximatelyEqual(to: 125))
        let full = OperationalEmissions(energyKWh: energy, intensity: Estimate(exactly: 400), basis: .annual,
                                        market: .init(coveredShare: 1))
        #expect(full.marketKg.central == 0)
    }

    @Test("embodied ranges bracket the central value; short life and low use raise it")
    func embodiedRanges() {
        let embodied = EmbodiedEmissions(gpuHours: 8760 * 8, acceleratorsPerNode: 8)
        let total = embodied.totalKg
        #expect(total.low < total.central && total.central < total.high)
        // Central: 8 GPU-years at 6 years × 85 %: (150 + 2500/8) · 1.05 · 1.015 / (6 · 0.85).
        let expected = 8 / (6 * 0.85) * (150 + 312.5) * 1.05 * 1.015
        #expect(total.central.isApproximatelyEqual(to: expected, relativeTolerance: 1e-12))
        #expect(embodied.lines.count == 9)
    }

    @Test("accelerator power needs the host power for a node boundary; the facility needs a PUE")
    func problems() {
        var terms = Self.bloom
        terms.restOfNodeWattsPerAccelerator = nil
        #expect(throws: CarbonCardProblem.restOfNodeUnknown) {
            try CarbonCard(terms: terms, setting: Self.bloomSetting(.node))
        }
        let setting = CarbonCardSetting(boundary: .nodeAndFacility, facility: .pue(.zero, .none),
                                        intensity: Estimate(exactly: 57), location: "")
        #expect(throws: CarbonCardProblem.facilityNeedsPUE) { try CarbonCard(terms: Self.bloom, setting: setting) }
    }

    @Test("SCI per functional unit; heat reuse beside, never netted")
    func sciAndHeat() throws {
        var setting = Self.bloomSetting(.nodeAndFacility)
        setting.unit = .init(name: "1e9 training tokens", count: 366)
        let card = try CarbonCard(terms: Self.bloom, setting: setting)
        #expect(card.sci.kgPerUnit.central.isApproximatelyEqual(to: card.footprintKg.central / 366))
        let heat = HeatReuseCredit(jobITMWh: 10, siteITMWh: 40, siteHeatDeliveredMWh: 8, siteCO2AvoidedTonnes: 2,
                                   displacedHeatGramsPerKWh: 224)
        #expect(heat.share == 0.25 && heat.heatDeliveredMWh == 2 && heat.displacedKg == 500)
        // Facility line at PUE 1.2: 20 % of IT energy.
        let facility = try #require(card.energy.kWh(.facility))
        #expect(facility.central.isApproximatelyEqual(to: 0.2 * card.energy.itKWh.central, relativeTolerance: 1e-12))
    }

    @Test("units in the papers' own terms")
    func units() throws {
        let pounds = try #require(GridIntensityValue(0.954, unitText: "lbsCO2e/kWh"))
        #expect(pounds.gramsPerKWh.isApproximatelyEqual(to: 0.954 * 453.59237))
        #expect(GridIntensityValue(0.429, unitText: "kgCO2e/kWh (net; gross=0.429)")?.gramsPerKWh == 429)
        #expect(GridIntensityValue(1, unitText: "kg") == nil)
        #expect(EmissionMassUnit(symbol: "tCO2e (net)") == .tonnes)
    }
}

/// A job description (`heatloop card JOB.yaml`) with stated ranges and embodied values.
@Suite("Carbon job description")
struct CarbonJobSpecTests {
    static let text = """
        name: ranged
        accelerators: 512
        power_w: 700
        power_scope: accelerators
        rest_of_node_w_per_accelerator: 300
        hours: 100
        pue: 1.2
        pue_range: [1.1, 1.4]
        grid_g_per_kwh: 300
        grid_range_g_per_kwh: [250, 400]
        gpu_manufacturing_kg: 250
        lifetime_years: 5
        """

    @Test("ranges propagate to the total; stated embodied values replace the defaults")
    func ranges() throws {
        let card = try CarbonJobSpec.decode(text: Self.text, file: "job.yaml").card()
        let it = 512 * (700 + 300) * 100 / 1000.0
        #expect(card.energy.totalKWh.central.isApproximatelyEqual(to: it * 1.2, relativeTolerance: 1e-12))
        #expect(card.energy.totalKWh.low.isApproximatelyEqual(to: it * 1.1, relativeTolerance: 1e-12))
        #expect(card.energy.totalKWh.high.isApproximatelyEqual(to: it * 1.4, relativeTolerance: 1e-12))
        #expect(card.operational.locationKg.low.isApproximatelyEqual(to: it * 1.1 * 0.25, relativeTolerance: 1e-12))
        #expect(card.operational.locationKg.high.isApproximatelyEqual(to: it * 1.4 * 0.4, relativeTolerance: 1e-12))
        let assumptions = card.embodied.assumptions
        #expect(assumptions.gpuManufacturingKg.estimate == Estimate(exactly: 250))
        #expect(assumptions.lifetimeYears.estimate == Estimate(exactly: 5))
        #expect(assumptions.serverManufacturingKg == EmbodiedAssumptions.default.serverManufacturingKg)
    }

    @Test("every problem at once: no duration, no grid, a PUE outside its range")
    func problems() {
        let broken = "name: x\naccelerators: 8\npower_w: 700\npue: 1.5\npue_range: [1.1, 1.4]\n"
        #expect(throws: SpecProblems.self) { try CarbonJobSpec.decode(text: broken, file: "job.yaml") }
        do {
            _ = try CarbonJobSpec.decode(text: broken, file: "job.yaml")
        } catch {
            let text = error.description
            #expect(text.contains("'hours'") && text.contains("'grid_g_per_kwh'") && text.contains("outside pue_range"), "\(text)")
        }
    }
}
