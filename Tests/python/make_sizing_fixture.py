#!/usr/bin/env python3
"""Write a synthetic sizing result (`sizing.h5`) for `make report-png`.

usage: make_sizing_fixture.py OUTPUT.h5

Same layout as `heatloop size` writes through HDF5ScenarioTableWriter (DESIGN §6 scenario tables):
a `design` coordinate of variable-length string ids (a dimension scale), one float64 column per varied
parameter and KPI with `units` and `long_name`, the flags `feasible`, `pareto_objective_capex`,
`pareto_heat_npv` and `rank`, and root attributes (`kind = sizing`, objective, parameters,
recommended_design, recommendation, `marginal:<key path>:<kpi>`). The numbers come from a toy model of
heat-pump capacity × storage volume, not from a simulation: they only give the report something
plausible to draw. Needs h5py and numpy (`make python-deps`).
"""
import math
import sys

import h5py
import numpy as np

CAPACITIES = [2, 4, 6, 8, 10, 12]          # MW
VOLUMES = [0, 500, 1000, 2000, 4000]       # m3
PRICE, OPEX, RATE, YEARS = 32.0, 9.0, 0.06, 20   # EUR/MWh heat sold, EUR/MWh running cost, discount, years


def design(capacity, volume):
    annuity = (1 - (1 + RATE) ** -YEARS) / RATE
    heat = 52000 * (1 - math.exp(-capacity / 5.5)) * (1 + 0.06 * math.log1p(volume / 400))   # MWh a year
    capex = 0.85e6 * capacity + 450 * volume + 1.2e6
    margin = heat * (PRICE - OPEX)
    npv = margin * annuity - capex
    return {
        "heat_recovery.heat_pump.capacity_mw": capacity, "heat_recovery.storage.volume_m3": volume,
        "capex_eur": capex, "npv_eur": npv, "lcoh_eur_per_MWh": capex / annuity / heat + OPEX,
        "payback_years": capex / margin if margin > 0 else math.inf, "heat_delivered_MWh": heat,
        "co2_avoided_lifetime_t": heat * 0.15 * YEARS, "erf": heat * 0.8 / 125000, "pue": 1.098,
        "feasible": 0.0 if capacity > 10 else 1.0,   # above the 12 MW network connection with its margin
    }


def front(rows, x, y, x_smaller, y_larger):
    """1.0 for rows no other feasible row beats on both x and y."""
    def beats(a, b):
        better_x = a[x] <= b[x] if x_smaller else a[x] >= b[x]
        better_y = a[y] >= b[y] if y_larger else a[y] <= b[y]
        strictly = a[x] != b[x] or a[y] != b[y]
        return better_x and better_y and strictly
    return [1.0 if row["feasible"] and not any(o["feasible"] and beats(o, row) for o in rows) else 0.0 for row in rows]


def main():
    rows = [design(c, v) for c in CAPACITIES for v in VOLUMES]
    ids = [f"hp{int(r['heat_recovery.heat_pump.capacity_mw'])}-st{int(r['heat_recovery.storage.volume_m3'])}" for r in rows]
    for row, flag in zip(rows, front(rows, "capex_eur", "npv_eur", True, True)):
        row["pareto_objective_capex"] = flag
    for row, flag in zip(rows, front(rows, "heat_delivered_MWh", "npv_eur", False, True)):
        row["pareto_heat_npv"] = flag
    feasible = sorted((i for i, r in enumerate(rows) if r["feasible"]), key=lambda i: -rows[i]["npv_eur"])
    for row in rows:
        row["rank"] = math.nan
    for position, index in enumerate(feasible):
        rows[index]["rank"] = position + 1.0
    best = feasible[0]
    units = {"heat_recovery.heat_pump.capacity_mw": ("MW", "varied: heat-pump capacity"),
             "heat_recovery.storage.volume_m3": ("m3", "varied: storage volume"), "capex_eur": ("EUR", "capital cost"),
             "npv_eur": ("EUR", "net present value"), "lcoh_eur_per_MWh": ("EUR MWh-1", "levelised cost of heat"),
             "payback_years": ("year", "simple payback"), "heat_delivered_MWh": ("MWh", "heat delivered a year"),
             "co2_avoided_lifetime_t": ("t", "CO2 avoided over the lifetime"), "erf": ("1", "energy reuse factor"),
             "pue": ("1", "power usage effectiveness"), "feasible": ("1", "1 when every constraint holds"),
             "pareto_objective_capex": ("1", "on the objective-CAPEX Pareto front"),
             "pareto_heat_npv": ("1", "on the heat-NPV Pareto front"), "rank": ("1", "rank by objective, 1 = best")}
    with h5py.File(sys.argv[1], "w") as f:
        text = h5py.string_dtype("utf-8")
        f.attrs.update({
            "title": "HeatLoop sizing sweep (synthetic fixture)", "kind": "sizing", "sizing": "heat-pump-and-storage",
            "site": "chicago-ai-campus", "objective": "npv", "objective_column": "npv_eur", "objective_sense": "max",
            "parameters": "heat_recovery.heat_pump.capacity_mw, heat_recovery.storage.volume_m3",
            "recommended_design": ids[best], "heatloop_version": "fixture", "Conventions": "CF-1.8",
            "recommendation": (f"{ids[best]} has the highest NPV of the feasible designs.\n"
                               "Designs above 10 MW exceed the district-heating connection and are infeasible.\n"
                               "Synthetic numbers from Tests/python/make_sizing_fixture.py, not a simulation."),
            "marginal:heat_recovery.heat_pump.capacity_mw:npv_eur":
                design(10, 1000)["npv_eur"] - design(8, 1000)["npv_eur"],
            "marginal:heat_recovery.storage.volume_m3:npv_eur": design(8, 4000)["npv_eur"] - design(8, 2000)["npv_eur"],
            "marginal:heat_recovery.storage.volume_m3:heat_delivered_MWh":
                design(8, 4000)["heat_delivered_MWh"] - design(8, 2000)["heat_delivered_MWh"],
        })
        scale = f.create_dataset("design", data=np.array(ids, dtype=object), dtype=text)
        scale.make_scale("design")
        scale.attrs["long_name"] = "design id"
        for name, (unit, long_name) in units.items():
            column = f.create_dataset(name, data=np.array([r[name] for r in rows], dtype="f8"))
            column.attrs["units"], column.attrs["long_name"] = unit, long_name
            column.dims[0].attach_scale(scale)
        f.attrs["complete"] = np.int32(1)


if __name__ == "__main__":
    main()
