import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// The design step (issue 15): every plant sized for the design IT load plus the fan, pump and loss heat its
/// loop carries, at the design condition, times the sizing factor; configurations that cannot work rejected.
@Suite struct SiteDesignTests {
    static let site = """
        name: design
        weather: Weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw
        it:
          clusters:
            - name: gpus
              nodes: 100
        """
    static let ambient = DesignAmbient(dryBulb: 30, wetBulb: 22)

    func spec(_ text: String = site) throws -> SiteSpec { try SiteSpec.decode(text: text, file: SiteSpecTests.file) }

    func problems(_ text: String) -> [SpecProblem] {
        do {
            _ = try SiteSpec.decode(text: text, file: SiteSpecTests.file)
            return []
        } catch { return error.problems }
    }

    @Test func loopsCarryFanAndPumpHeat() throws {
        let designed = try spec().designed(ambient: Self.ambient)
        let loads = designed.loads
        // 100 × 9.1 kW, 80 % to liquid.
        #expect(abs(loads.itPower - 910_000) < 1e-6 && abs(loads.liquidHeat - 728_000) < 1e-6)
        // Pump heat: ṁ = Q / (c_p ΔT), P = ṁ/ρ · Δp / η.
        let pump = 728_000 / (Fluid.waterSpecificHeat * 10) / Fluid.waterDensity * 250e3 / 0.7
        #expect(abs(loads.liquidRejected - (728_000 + pump)) < 1e-6)
        #expect(loads.airRejected > loads.airHeat * 1.01)
    }

    @Test func dryCoolerIsRatedForTheDesignAmbient() throws {
        let designed = try spec().designed(ambient: Self.ambient)
        guard case .dryCooler(let cooler) = designed.spec.cooling.liquid.rejection,
              case .dryCooler(let airCooler) = designed.spec.cooling.air.rejection else {
            Issue.record("default rejection is a dry cooler")
            return
        }
        // Rated at 35 °C with 45 °C water (ITD 10 K). At 30 / 22 °C the default pads (on above 28 °C, ε 0.7) give
        // 24.4 °C air, but dry air just below their switch reaches the coil at 28 °C: ITD 17 K, Q · 1.15 · 10 / 17.
        let needed = designed.loads.liquidRejected * 1.15 * 10 / 17
        #expect(abs((cooler.capacityMw ?? 0) * 1e6 - needed) < 1e-3)
        // The air loop's 24 °C return cannot be cooled at 30 °C: its Carnot trim chiller carries it all.
        #expect(abs((airCooler.trimChiller?.capacityMw ?? 0) * 1e6 - designed.loads.airRejected * 1.15) < 1e-3)
        // The resolved site records the design condition and IT load, and designs to itself.
        #expect(designed.spec.designDryBulbC == 30 && designed.spec.designWetBulbC == 22)
        #expect(abs((designed.spec.designItMw ?? 0) - 0.91) < 1e-12)
        #expect(designed.spec.designed(ambient: DesignAmbient(dryBulb: 0, wetBulb: 0)).spec == designed.spec)
    }

    @Test func eirChillerIsSizedForItsCapacityAtTheDesignCondition() throws {
        let set = try #require(ChillerCurveSet.all.first { $0.curves.condenser == .air })
        let text = Self.site + "\ncooling:\n  air:\n    rejection:\n      chiller: {curve_set: \(set.slug)}\n"
        let designed = try spec(text).designed(ambient: Self.ambient)
        guard case .chiller(let chiller) = designed.spec.cooling.air.rejection, let capacity = chiller.capacityMw else {
            Issue.record("air rejection is a sized chiller")
            return
        }
        // At 18 °C chilled water and 30 °C outdoor air it delivers the design heat × 1.15, whatever CAPFT is there.
        let available = Chiller(curveSet: set, capacity: .megawatts(capacity))
            .availableCapacity(chilledWaterLeaving: 18, condenserEntering: 30)
        #expect(abs(available - designed.loads.airRejected * 1.15) < 1e-3)
    }

    @Test func designITLoadScalesEveryCluster() throws {
        let designed = try spec(Self.site + "\ndesign_it_mw: 2\n").designed(ambient: Self.ambient)
        #expect(designed.loads.itPower == 2e6 && abs(designed.loads.liquidHeat - 1.6e6) < 1e-6)
    }

    @Test func unreachableSupplyIsADesignProblem() throws {
        let text = Self.site + "\ncooling:\n  air:\n    rejection: {dry_cooler: {approach_k: 4}}\n"
        let problems = try spec(text).designed(ambient: Self.ambient).problems
        #expect(problems.count == 1)
        #expect(problems.first?.keyPath == "cooling.air.chilled_water_c")
        #expect(problems.first?.message.contains("raise 'chilled_water_c' to 34 or more") == true)
        // A warm loop the dry coolers reach is no problem.
        let warm = Self.site + "\ncooling:\n  liquid: {supply_c: 40, rejection: {dry_cooler: {approach_k: 5}}}\n"
        #expect(try spec(warm).designed(ambient: Self.ambient).problems.isEmpty)
    }

    @Test func heatPumpNeedsItsSourceLoop() {
        let text = """
            name: air-only
            weather: Weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw
            it:
              clusters:
                - {name: cpus, nodes: 100, node: {preset: cpu}, cooling: air}
            heat_recovery:
              heat_pump: {capacity_mw: 1, source: liquid}
              district_heating: {supply_curve_c: [[-10, 70], [15, 55]], demand: {constant: {mw: 1}}}
            """
        let found = problems(text)
        #expect(found.map(\.keyPath) == ["heat_recovery.heat_pump.source"])
        #expect(found.first?.line != nil)
        #expect(found.first?.message.contains("use 'source: air'") == true)
        #expect(problems(text.replacingOccurrences(of: "source: liquid", with: "source: air")).isEmpty)
    }

    @Test func supplyAirMustFitTheAirClass() {
        let text = Self.site + "\ncooling:\n  air: {supply_air_c: 30, ashrae_class: H1}\n"
        let found = problems(text)
        #expect(found.map(\.keyPath) == ["cooling.air.supply_air_c"])
        #expect(found.first?.message.contains("outside class H1's allowable inlet range 5…25 °C") == true)
        #expect(found.first?.message.contains("'ashrae_class' to one of A1, A2, A3, A4") == true)
    }
}
