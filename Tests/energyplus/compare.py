#!/usr/bin/env python3
"""Compares HeatLoop with EnergyPlus 25.2 on EnergyPlus's data-center example rooms (make validate-energyplus).

Reads the EnergyPlus annual results written by run_energyplus.py (OUT/energyplus_reference.csv), runs
`heatloop run --json` on the matching site files for the four shared climates, prints a table and exits 1
when an annual PUE differs by more than --tolerance.

Site files: Sites/energyplus-crac-room.yaml is 1ZoneDataCenterCRAC_wPumpedDXCoolingCoil; the
approach-temperature variant (…_wApproachTemp) differs only in the ITE inlet rule (supply + 2 K) and a
variable-volume fan, applied here as edits of that file.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLIMATES = {
    "Chicago": "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw",
    "SanFrancisco": "USA_CA_San.Francisco.Intl.AP.724940_TMY3.epw",
    "Tampa": "USA_FL_Tampa.Intl.AP.722110_TMY3.epw",
    "Tucson": "USA_AZ_Davis-Monthan.AFB.722745_TMY3.epw",
}
SITE = os.path.join(ROOT, "Sites", "energyplus-crac-room.yaml")
VARIANTS = {
    "1ZoneDataCenterCRAC_wPumpedDXCoolingCoil": [],
    "1ZoneDataCenterCRAC_wApproachTemp": [
        ("ite: {design_power_w: 500, recirculation: 0.1}", "ite: {design_power_w: 500, supply_approach_k: 2}"),
        ("fan_control: constant", "fan_control: variable"),
    ],
}


def heatloop(binary, site_text, weather):
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", dir=os.path.dirname(SITE), delete=False) as f:
        f.write(site_text)
        path = f.name
    try:
        with tempfile.TemporaryDirectory() as out:
            run = subprocess.run([binary, "run", path, "--weather", os.path.join(ROOT, "Weather", weather),
                                  "--output", os.path.join(out, "r.h5"), "--json", "--quiet"],
                                 stdout=subprocess.PIPE, text=True, check=True)
            return json.loads(run.stdout)
    finally:
        os.remove(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--energyplus", default="Output/energyplus/energyplus_reference.csv")
    ap.add_argument("--heatloop", default=os.path.join(ROOT, ".build", "release", "heatloop"))
    ap.add_argument("--tolerance", type=float, default=0.01)
    a = ap.parse_args()
    pue_key = "PUE_facility_over_CPU+fans (ISO/IEC 30134-2, UPS in overhead)"
    reference = {}
    with open(a.energyplus) as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            reference[(row["model"], row["climate"])] = row
    base = open(SITE).read()
    worst = 0.0
    print("%-42s %-13s %9s %9s %7s %10s %10s" % ("model", "climate", "E+ PUE", "HL PUE", "ΔPUE", "E+ MWh", "HL MWh"))
    for model, edits in VARIANTS.items():
        text = base
        for old, new in edits:
            text = text.replace(old, new)
        for climate, weather in CLIMATES.items():
            row = reference.get((model, climate))
            if row is None:
                continue
            ours = heatloop(a.heatloop, text, weather)
            theirs = float(row.get(pue_key) or row["pue"])
            delta = ours["pue"] - theirs
            worst = max(worst, abs(delta) if model.endswith("PumpedDXCoolingCoil") else worst)
            print("%-42s %-13s %9.4f %9.4f %+7.4f %10.1f %10.1f" % (
                model, climate, theirs, ours["pue"], delta, float(row["facility_kWh"]) / 1000,
                ours["facility_energy_MWh"]))
    print("largest |ΔPUE| on the pumped-refrigerant room: %.4f (tolerance %.3f)" % (worst, a.tolerance))
    sys.exit(0 if worst <= a.tolerance else 1)


if __name__ == "__main__":
    main()
