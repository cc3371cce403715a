#!/usr/bin/env python3
"""Check a HeatLoop result file against the HDF5 contract (DESIGN §6) the way users read it.

usage: check_result.py FILE [--groups weather,it,...] [--require-summary] [--require-contract]

Opens the file with xarray + h5netcdf (open_datatree and open_dataset per group) and checks:
- the root attribute `complete` is 1;
- the whole tree opens with `xarray.open_datatree(FILE, engine="h5netcdf")`;
- each time-series group (those given with --groups, else every group with a `time` variable)
  opens alone with `open_dataset(FILE, engine="h5netcdf", group=G)`, `time` decodes to
  datetime64, `local_time` is a datetime64 coordinate equal to `time + utc_offset_minutes`, and every
  data variable has `units` and `long_name`;
- flag variables have as many `flag_meanings` as `flag_values`;
- `cell_methods`, where present, is `time: <CF method>`; `standard_name` is a CF-style name;
- every axis of every variable has a dimension scale attached, and no dimension anywhere is named
  `phony_dim_*`;
- `/summary/monthly`, when present, has a `month` dimension of length 12;
- with --require-summary: `/summary` has every KPI attribute in SUMMARY_ATTRIBUTES and
  `/summary/monthly` exists;
- with --require-contract: also the root attributes in ROOT_ATTRIBUTES and the minimum series
  in MINIMUM_SERIES (implies --require-summary).

Prints one line `OK: ...` (exit 0) or `FAIL: ...` followed by one line per failure (exit 1).
"""
import argparse
import re
import sys
import warnings

# DESIGN §6: root attributes every result file carries.
ROOT_ATTRIBUTES = [
    "title", "heatloop_version", "site", "created_utc", "site_config", "weather_file",
    "weather_sha256", "timestep_s", "Conventions",
    # Provenance (Docs/result-file.md): program, command, location and time zone, climate, weather simulated.
    "source", "history", "git_revision", "command_line", "site_latitude", "site_longitude", "site_elevation_m",
    "utc_offset_minutes", "time_zone", "climate_scenario", "effective_weather_sha256",
]

# DESIGN §6: the annual KPIs in /summary (economics only when configured, so not required).
SUMMARY_ATTRIBUTES = [
    "it_energy_MWh", "facility_energy_MWh", "cooling_energy_MWh", "heat_pump_energy_MWh", "pue",
    "pue_with_heat_pump", "erf", "ere", "wue_L_per_kWh", "cer", "cue_kg_per_kWh",
    "heat_available_MWh", "heat_recovered_MWh", "heat_delivered_MWh", "heat_dumped_MWh",
    "dh_demand_MWh", "dh_coverage", "heat_pump_scop", "co2_operational_t", "co2_avoided_t",
    "free_cooling_hours", "partial_cooling_hours", "mechanical_cooling_hours",
    "unmet_cooling_hours", "max_energy_balance_residual",
    "enefg_pue_required", "enefg_erf_required", "enefg_pass",
]

# CF-1.8 §7.3 cell methods over time (the only axis HeatLoop's series aggregate over).
CELL_METHODS = r"time: (point|sum|maximum|median|mid_range|minimum|mean|mode|standard_deviation|variance)"

# DESIGN §6: groups and the series they must contain (more are allowed).
MINIMUM_SERIES = {
    "weather": ["dry_bulb", "wet_bulb", "dew_point", "relative_humidity", "pressure"],
    "it": ["power", "power_peak", "utilization", "liquid_heat", "air_heat"],
    "electrical": ["ups_loss", "distribution_loss", "misc"],
    "cooling": ["power", "chiller_power", "fan_power", "pump_power", "mode", "water_use",
                "liquid_supply_temp", "liquid_return_temp", "air_supply_temp"],
    "heat_recovery": ["available", "recovered", "delivered", "dumped", "heat_pump_power", "cop",
                      "dh_demand", "dh_supply_temp", "storage_energy"],
    "facility": ["power", "pue"],
}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--groups", help="comma-separated time-series groups to check")
    parser.add_argument("--require-summary", action="store_true")
    parser.add_argument("--require-contract", action="store_true")
    args = parser.parse_args(argv)

    try:
        import h5py
        import numpy as np
        import xarray as xr
        import h5netcdf  # noqa: F401  (the engine must be importable)
    except ImportError as error:
        print(f"FAIL: {args.file}: cannot import {error.name}; `make test` installs h5py, xarray and h5netcdf")
        return 1

    failures = []
    require_summary = args.require_summary or args.require_contract

    def phony(where, dims):
        for dim in dims:
            if str(dim).startswith("phony_dim"):
                failures.append(f"{where}: dimension {dim} has no dimension scale")

    # Structure straight from HDF5: completeness, which groups hold time series, summary attributes.
    try:
        with h5py.File(args.file, "r") as f:
            complete = f.attrs.get("complete")
            if complete is None or int(np.asarray(complete).reshape(-1)[0]) != 1:
                failures.append(f"root attribute complete = {complete!r}, expected 1")
            time_groups = [name for name, obj in f.items()
                           if isinstance(obj, h5py.Group) and "time" in obj]
            summary_attrs = set(f["summary"].attrs.keys()) if "summary" in f else None
            has_monthly = "summary" in f and "monthly" in f["summary"]
            root_attrs = set(f.attrs.keys())

            # Every axis of every variable needs a dimension scale; without one, h5netcdf invents a
            # phony_dim_N or silently borrows another dimension of the same length.
            def visit(name, obj):
                if isinstance(obj, h5py.Dataset) and obj.attrs.get("CLASS") != b"DIMENSION_SCALE":
                    for axis in range(obj.ndim):
                        if len(obj.dims[axis]) == 0:
                            failures.append(f"/{name}: axis {axis} has no dimension scale")
            f.visititems(visit)
    except Exception as error:  # noqa: BLE001  (any reason the file cannot be read is a failure)
        print(f"FAIL: {args.file}: cannot open with h5py: {error}")
        return 1

    groups = [g for g in args.groups.split(",") if g] if args.groups else time_groups
    if args.require_contract:
        groups = sorted(set(groups) | set(MINIMUM_SERIES))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = xr.open_datatree(args.file, engine="h5netcdf")
            for node in tree.subtree:
                phony(f"open_datatree node {node.path}", node.dims)
            tree.close()
        except Exception as error:  # noqa: BLE001
            failures.append(f"open_datatree failed: {type(error).__name__}: {error}")

        for group in groups:
            try:
                ds = xr.open_dataset(args.file, engine="h5netcdf", group=group)
            except Exception as error:  # noqa: BLE001
                failures.append(f"/{group}: open_dataset failed: {type(error).__name__}: {error}")
                continue
            with ds:
                phony(f"/{group}", ds.dims)
                if "time" not in ds.coords:
                    failures.append(f"/{group}: no time coordinate")
                elif not np.issubdtype(ds["time"].dtype, np.datetime64):
                    failures.append(f"/{group}: time is {ds['time'].dtype}, expected datetime64")
                # Local standard time: a datetime coordinate, `time + utc_offset_minutes` (Docs/result-file.md).
                if "local_time" not in ds.coords:
                    failures.append(f"/{group}: no local_time coordinate")
                elif not np.issubdtype(ds["local_time"].dtype, np.datetime64):
                    failures.append(f"/{group}: local_time is {ds['local_time'].dtype}, expected datetime64")
                elif ds.sizes.get("time", 0) > 0:
                    offset = np.timedelta64(int(ds["time"].attrs.get("utc_offset_minutes", 0)), "m")
                    if not (ds["local_time"].values == ds["time"].values + offset).all():
                        failures.append(f"/{group}: local_time is not time + utc_offset_minutes")
                for name, var in ds.data_vars.items():
                    for attr in ("units", "long_name"):
                        if attr not in var.attrs:
                            failures.append(f"/{group}/{name}: no {attr}")
                    methods = var.attrs.get("cell_methods")
                    if methods is not None and not re.fullmatch(CELL_METHODS, str(methods)):
                        failures.append(f"/{group}/{name}: cell_methods {methods!r} is not 'time: <CF method>'")
                    standard = var.attrs.get("standard_name")
                    if standard is not None and not re.fullmatch(r"[a-z][a-z0-9_]*", str(standard)):
                        failures.append(f"/{group}/{name}: standard_name {standard!r} is not a CF standard name")
                    if "flag_values" in var.attrs:
                        values = np.atleast_1d(var.attrs["flag_values"])
                        meanings = str(var.attrs.get("flag_meanings", "")).split()
                        if len(values) != len(meanings):
                            failures.append(f"/{group}/{name}: {len(values)} flag_values, "
                                            f"{len(meanings)} flag_meanings")
                if args.require_contract and group in MINIMUM_SERIES:
                    missing = [s for s in MINIMUM_SERIES[group] if s not in ds.data_vars]
                    if missing:
                        failures.append(f"/{group}: missing series {', '.join(missing)}")

        if has_monthly:
            try:
                with xr.open_dataset(args.file, engine="h5netcdf", group="summary/monthly") as monthly:
                    phony("/summary/monthly", monthly.dims)
                    if monthly.sizes.get("month") != 12:
                        failures.append(f"/summary/monthly: month dimension {monthly.sizes.get('month')}, "
                                        "expected 12")
                    for name, var in monthly.data_vars.items():
                        for attr in ("units", "long_name"):
                            if attr not in var.attrs:
                                failures.append(f"/summary/monthly/{name}: no {attr}")
            except Exception as error:  # noqa: BLE001
                failures.append(f"/summary/monthly: open_dataset failed: {type(error).__name__}: {error}")

    if require_summary:
        if summary_attrs is None:
            failures.append("no /summary group")
        else:
            missing = [a for a in SUMMARY_ATTRIBUTES if a not in summary_attrs]
            if missing:
                failures.append(f"/summary: missing attributes {', '.join(missing)}")
        if not has_monthly:
            failures.append("no /summary/monthly table")
    if args.require_contract:
        missing = [a for a in ROOT_ATTRIBUTES if a not in root_attrs]
        if missing:
            failures.append(f"root: missing attributes {', '.join(missing)}")

    if failures:
        print(f"FAIL: {args.file}: {len(failures)} problem(s)")
        for failure in failures:
            print(f"  - {failure}")
        return 1
    checked = ", ".join(groups) if groups else "no time-series groups"
    print(f"OK: {args.file} ({checked}{'; summary' if require_summary else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
