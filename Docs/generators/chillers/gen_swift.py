"""Writes Sources/HeatLoop/Cooling/ChillerCurveSets.swift from the EnergyPlus 25.2 datasets (run once; the
Swift file is the shipped artefact)."""
import sys
from pick import sets
def g(v):
    s = repr(float(v))
    return s
def rng(lo, hi):
    lo = "-.infinity" if lo is None else g(lo)
    hi = ".infinity" if hi is None else g(hi)
    return f"{lo} ... {hi}"
def bi(c):
    k = ", ".join(g(v) for v in c["k"])
    return (f"BiquadraticCurve([{k}],\n                x: {rng(*c['x'])}, y: {rng(*c['y'])}, output: {rng(*c['out'])})")
def quad(c):
    k = ", ".join(g(v) for v in c["k"])
    return f"QuadraticCurve({k}, x: {rng(*c['x'])}, output: {rng(*c['out'])})"
out = []
out.append('''// Generated from EnergyPlus 25.2 `DataSets/Chillers.idf` and `DataSets/AirCooledChiller.idf` (the
// `Chiller:Electric:EIR` objects named below and their three curves, copied field by field; blank
// "Condenser Fan Power Ratio" fields take the IDD default 0). Chillers.idf: CoolTools project curves from
// manufacturer data 1991–2001; AirCooledChiller.idf: fits to manufacturers' catalogue data. Reference capacity
// and COP are the curves' calibration point, not necessarily an AHRI 550/590 rating.

extension ChillerCurveSet {
    /// Every curve set shipped with HeatLoop, in a stable order.
    public static let all: [ChillerCurveSet] = [''')
for s in sets():
    cond = ".air" if s["condenser"] == "AirCooled" else ".water"
    out.append(f'''        ChillerCurveSet(
            slug: "{s['slug']}", energyPlusName: "{s['name']}",
            source: "EnergyPlus 25.2 DataSets/{s['file']}", compressor: .{s['compressor']}, variableSpeed: {str(s['vsd']).lower()},
            curves: EIRChillerCurves(
                referenceCapacity: Watts({g(s['cap'])}), referenceCOP: {g(s['cop'])},
                referenceChilledWaterLeaving: Celsius({g(s['tchw'])}), referenceCondenserEntering: Celsius({g(s['tcond'])}),
                capacityFunction: {bi(s['capft'])},
                eirFunctionOfTemperature: {bi(s['eirft'])},
                eirFunctionOfPartLoad: {quad(s['eirfplr'])},
                minimumPartLoadRatio: {g(s['minPLR'])}, maximumPartLoadRatio: {g(s['maxPLR'])}, minimumUnloadingRatio: {g(s['minUnload'])},
                condenser: {cond}, condenserFanPowerRatio: {g(s['fanRatio'])})),''')
out.append("    ]\n}\n")
sys.stdout.write("\n".join(out))
