#!/usr/bin/env python3
"""Writes Tests/reference/bdew_demandlib_chicago.csv: demandlib 0.2.2's BDEW heat profiles
(EFH class 1, MFH class 2, wind class 0, hot water included, 1000 units a year) for the Chicago TMY3 dry
bulbs of Weather/ on the 2025 calendar, for the first week of each quarter, plus the annual sums.

    python3 -m venv /tmp/dl && /tmp/dl/bin/pip install demandlib==0.2.2
    /tmp/dl/bin/python Tests/python/bdew_demandlib_reference.py
"""
import numpy as np
import pandas as pd
import demandlib.bdew as bdew

EPW = "Weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"
OUT = "Tests/reference/bdew_demandlib_chicago.csv"
rows = [line.split(",") for line in open(EPW).read().splitlines()[8:]]
temperature = np.array([float(r[6]) for r in rows])
index = pd.date_range("2025-01-01 00:00", periods=8760, freq="h")
profiles = {}
for shlp, building_class in [("EFH", 1), ("MFH", 2)]:
    building = bdew.HeatBuilding(index, holidays={}, temperature=pd.Series(temperature, index=index),
                                 shlp_type=shlp, building_class=building_class, wind_class=0,
                                 annual_heat_demand=1000.0, name=shlp, ww_incl=True)
    profiles[shlp] = building.get_bdew_profile().values
hours = [h for start in (0, 2160, 4368, 6552) for h in range(start, start + 168)]
with open(OUT, "w") as f:
    f.write("# demandlib 0.2.2 bdew.HeatBuilding, Chicago TMY3 dry bulb (EPW field 7, hour i = row i), year 2025,\n")
    f.write("# annual_heat_demand 1000; EFH class 1 and MFH class 2, wind class 0, ww_incl True.\n")
    f.write("# Rows: hour of year, EFH, MFH (per hour); hour -1 holds the annual sums. Made by Tests/python/bdew_demandlib_reference.py\n")
    f.write("hour,efh,mfh\n")
    f.write("-1,%.15g,%.15g\n" % (profiles["EFH"].sum(), profiles["MFH"].sum()))
    for h in hours:
        f.write("%d,%.15g,%.15g\n" % (h, profiles["EFH"][h], profiles["MFH"][h]))
print("wrote", OUT)
