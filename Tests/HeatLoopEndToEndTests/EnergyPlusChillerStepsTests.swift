import Foundation
import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// The 2-zone example's `Chiller:Electric` against EnergyPlus 25.2 step by step: the 356 fifteen-minute steps of Tampa,
/// 1–5 July, with the chiller on (`energyplus_chiller_steps.csv`, `make validate-energyplus-chiller`), each with its
/// condenser inlet, entering and leaving chilled water (7 °C), evaporator heat and power. The steps are all below
/// PLR_min (0.06–0.09), so the chiller cycles at the full-load-power fraction of PLR_min.
///
/// The BLAST equations (`BLASTChillerCurves`; Engineering Reference, "Electric Chiller Model Based on Fluid
/// Temperature Differences") take the *leaving* chilled water in `ΔT = (T_cond,in − T_cond,des)/k − (T_chw,out −
/// T_chw,des)`, and HeatLoop keeps them so. EnergyPlus's power is those equations at the *entering* water (≈ 27 °C
/// from the East coil): its capacity ratio is then ≈ 1.29 instead of ≈ 1.05 and its power ratio ≈ 0.79 instead of
/// ≈ 0.94, so its chiller draws ≈ 17 % less than its own documented equations at the water it reports leaving
/// (`CalcElectricChillerModel` reads the temperature from the evaporator's outlet node before it sets it).
/// Measured 2026-12-05: EnergyPlus / HeatLoop at the entering water 0.995 (median; 0.993–0.995 for 5–95 %), at the
/// leaving water 0.83 (0.81–0.85). Docs/energyplus.md, "The plant's parts".
@Suite struct EnergyPlusChillerStepsTests {
    @Test func energyPlusPowerIsTheEquationsAtTheEnteringWater() throws {
        let site = try SiteInput.load(path: PackagePaths.site("energyplus/2zone-economizer")).site
        guard case .waterCooledChiller(let plant)? = site.airSide.chilledWaterLoop?.rejection else {
            Issue.record("the 2-zone site has no water-cooled chiller plant")
            return
        }
        let chiller = plant.chiller
        let table = try ReferenceCSV(path: "\(EnergyPlusWestZoneTests.folder)/energyplus_chiller_steps.csv")
        let columns = try ["condenser_inlet_c", "evaporator_inlet_c", "evaporator_outlet_c", "evaporator_heat_w",
                           "power_w"].map(table.column)
        var atEntering: [Double] = [], atLeaving: [Double] = []
        for row in table.rows {
            let value = try columns.map { try #require(Double(row[$0])) }
            let (condenser, entering, leaving, heat, power) = (value[0], value[1], value[2], value[3], value[4])
            guard heat >= 1000 else { continue }  // One step's sliver of a start (0.5 W): its power is rounding.
            let ours = { (water: Double) in
                chiller.step(load: heat, chilledWaterLeaving: water, condenserEntering: condenser).power
            }
            atEntering.append(power / ours(entering))
            atLeaving.append(power / ours(leaving))
        }
        #expect(atEntering.count == 355)
        #expect(atEntering.allSatisfy { abs($0 - 1) <= 0.01 }, "EnergyPlus / HeatLoop at the entering water: \(atEntering.min()!) … \(atEntering.max()!)")
        let leaving = atLeaving.sorted()[atLeaving.count / 2]
        #expect(leaving > 0.80 && leaving < 0.86, "EnergyPlus / HeatLoop at the leaving water, median \(leaving)")
    }
}
