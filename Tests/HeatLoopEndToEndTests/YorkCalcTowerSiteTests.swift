import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// `cooling_tower.yorkcalc` and `water_cooled_chiller.condenser_pump` on the 2-zone EnergyPlus example: the site builds
/// the YorkCalc tower and the pump from its keys, the pump's energy is counted, and wrong uses are reported at the key.
@Suite struct YorkCalcTowerSiteTests {
    static let pump = "        condenser_pump: {head_kpa: 140, motor_efficiency: 0.9}\n"
    static let correlation = "yorkcalc: {design_wet_bulb_c: 25.6,"

    @Test func theTwoZoneSiteHasTheIDFsTowerAndPump() throws {
        let (input, result) = try simulate(site: "energyplus/2zone-economizer")
        guard case .waterCooledChiller(let spec) = input.designed.spec.cooling.air.rejection,
              case .zones(_, let loop?) = input.site.airSide,
              case .waterCooledChiller(let plant) = loop.rejection,
              case .yorkCalcTower(let tower) = plant.condenser else {
            Issue.record("not a water-cooled chiller plant with a YorkCalc tower on air zones")
            return
        }
        #expect(spec.coolingTower?.yorkcalc?.correlation == "energyplus-yorkcalc")
        // 2.552745 MW over c_p × 5.6 K; the fan 0.943322 % of it (EnergyPlus's 24.08 kW); calibrated FR_water 1.00904.
        #expect(tower.designWaterFlow.isApproximatelyEqual(to: 2.552745e6 / (4180 * 5.6), relativeTolerance: 1e-12))
        #expect(tower.designFanPower.value.isApproximatelyEqual(to: 24_080.6, relativeTolerance: 1e-5))
        #expect(tower.designWaterFlowRatio.isApproximatelyEqual(to: 1.00904392, relativeTolerance: 1e-6))
        #expect(tower.setpoint.temperature(wetBulb: 5) == 10 && tower.setpoint.temperature(wetBulb: 20) == 20)
        // V̇ Δp / (0.78 η_motor) with V̇ = ṁ / ρ: EnergyPlus sized 21.88 kW for 0.10972 m³/s.
        let pumpPower = try #require(plant.condenserPump?.designPower.value)
        #expect(pumpPower.isApproximatelyEqual(to: 21_880, relativeTolerance: 0.005))
        let withPump = RunSummary(result).annual
        let withoutPump = RunSummary(try simulate(site: "energyplus/2zone-economizer", edits: [(Self.pump, "")]).1).annual
        // The pump runs whenever the chiller does; its shaft power warms the condenser water a little.
        #expect(withPump.coolingMWh - withoutPump.coolingMWh > 1)
        #expect(withPump.itMWh.isApproximatelyEqual(to: withoutPump.itMWh, relativeTolerance: 1e-9))
        #expect(withPump.maximumEnergyBalanceResidual < 1e-6)
    }

    @Test(arguments: [
        (correlation, "yorkcalc: {correlation: energyplus-yorkcal, design_wet_bulb_c: 25.6,",
         "cooling_tower.yorkcalc.correlation", "no YorkCalc correlation 'energyplus-yorkcal'"),
        ("approach_k: 3.9", "approach_k: 0.6", "cooling_tower.approach_k", "gives no approach of 0.6 K"),
        (pump, pump + "        dry_cooler: {}\n", "condenser_pump", "moves a cooling tower's design water flow"),
    ])
    func wrongUsesNameTheKey(anchor: String, replacement: String, key: String, message: String) throws {
        expectRefused(site: "energyplus/2zone-economizer", edits: [(anchor, replacement)], key: key, message: message)
    }
}
