#!/usr/bin/env python3
"""Writes Tests/reference/bdew_demandlib_<site>.csv: demandlib 0.2.2's BDEW heat profiles (EFH class 1,
MFH class 2, wind class 0, hot water included, 1000 units a year) for every hour of the 2025 calendar,
from the dry bulbs of two weather files in Weather/ (Chicago TMY3 and San Francisco TMY3). Row 0 holds the
annual sums (hour -1).

    python3 -m venv /tmp/dl && /tmp/dl/bin/pip install demandlib==0.2.2
    /tmp/dl/bin/python Tests/python/bdew_demandlib_reference.py
"""
import numpy as np
import pandas as pd
import demandlib.bdew as bdew

FILES = {
    "chicago": "Weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw",
    "san_francisco": "Weather/USA_CA_San.Francisco.Intl.AP.724940_TMY3.epw",
}
index = pd.date_range("2025-01-01 00:00", periods=8760, freq="h")
for site, epw in FILES.items():
    rows = [line.split(",") for line in open(epw).read().splitlines()[8:]]
    temperature = np.array([float(r[6]) for r in rows])
    profiles = {}
    for shlp, building_class in [("EFH", 1), ("MFH", 2)]:
        building = bdew.HeatBuilding(index, holidays={}, temperature=pd.Series(temperature, index=index),
                                     shlp_type=shlp, building_class=building_class, wind_class=0,
                                     annual_heat_demand=1000.0, name=shlp, ww_incl=True)
        profiles[shlp] = building.get_bdew_profile().values
    out = "Tests/reference/bdew_demandlib_%s.csv" % site
    with open(out, "w") as f:
        f.write("# demandlib 0.2.2 bdew.HeatBuilding, %s dry bulb (EPW field 7, hour i = row i), year 2025,\n" % epw)
        f.write("# annual_heat_demand 1000; EFH class 1 and MFH class 2, wind class 0, ww_incl True.\n")
        f.write("# Rows: hour of year 0..8759, EFH, MFH (per hour); hour -1 holds the annual sums. "
                "Made by Tests/python/bdew_demandlib_reference.py\n")
        f.write("hour,efh,mfh\n")
        f.write("-1,%.15g,%.15g\n" % (profiles["EFH"].sum(), profiles["MFH"].sum()))
        for h in range(8760):
            f.write("%d,%.12g,%.12g\n" % (h, profiles["EFH"][h], profiles["MFH"][h]))
    print("wrote", out)
