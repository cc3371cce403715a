#!/usr/bin/env python3
"""Check a HeatLoop result (run, batch summary or sizing table) against CF-1.8 with the IOOS
compliance-checker, and check what the checker does not look at: the variables of every group.

usage: check_cf.py FILE

- runs compliance-checker's `cf:1.8` suite (the file is linked as `.nc`, which §2.1 asks for) and fails on
  any error (a high-priority check that does not pass); warnings are printed, not failed. An exception
  inside one of the checker's own checks is printed (its §2.7.1 check indexes every group by a `time`
  dimension of its own, which HeatLoop's groups rightly do not redefine);
- in every group, root included: variable names are letters, digits and `_` (CF-1.8 §2.3) and every
  `units` attribute parses with UDUNITS-2 (cf-units, §3.1); money is `units` plus `currency`.

Prints `OK: ...` (exit 0) or `FAIL: ...` and one line per problem (exit 1). `make test` installs
compliance-checker (PyPI `compliance-checker`, which brings cf-units and netCDF4).
"""
import json
import os
import re
import sys
import tempfile

NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def checker_problems(path):
    from compliance_checker.runner import CheckSuite, ComplianceChecker

    CheckSuite.load_all_available_checkers()
    with tempfile.TemporaryDirectory() as folder:
        linked = os.path.join(folder, os.path.splitext(os.path.basename(path))[0] + ".nc")
        os.symlink(os.path.abspath(path), linked)
        report = os.path.join(folder, "report.json")
        ComplianceChecker.run_checker(linked, ["cf:1.8"], 0, "normal", output_filename=report, output_format="json")
        with open(report) as handle:
            result = json.load(handle)["cf:1.8"]
    errors, warnings = [], []
    for level, target in (("high_priorities", errors), ("medium_priorities", warnings)):
        for check in result[level]:
            passed, possible = check["value"]
            if passed < possible:
                target += [f"{check['name']}: {message}" for message in check["msgs"]] or [check["name"]]
    return errors, warnings


def group_problems(path):
    import cf_units
    import netCDF4

    problems = []

    def visit(group):
        where = group.path.rstrip("/")
        for name, variable in group.variables.items():
            if not NAME.match(name):
                problems.append(f"{where}/{name}: name is not letters, digits and '_' (CF-1.8 §2.3)")
            units = getattr(variable, "units", None)
            if units is not None:
                try:
                    cf_units.Unit(units)
                except ValueError:
                    problems.append(f"{where}/{name}: units {units!r} are not UDUNITS (CF-1.8 §3.1)")
        for child in group.groups.values():
            visit(child)

    with netCDF4.Dataset(path) as dataset:
        visit(dataset)
    return problems


def main(argv):
    if len(argv) != 1:
        print(__doc__)
        return 2
    path = argv[0]
    try:
        errors, warnings = checker_problems(path)
        errors += group_problems(path)
    except ImportError as error:
        print(f"FAIL: {path}: cannot import {error.name}; `make test` installs compliance-checker")
        return 1
    for warning in warnings:
        print(f"warning: {warning}")
    if errors:
        print(f"FAIL: {path}: {len(errors)} CF-1.8 error(s)")
        for error in errors:
            print(f"  {error}")
        return 1
    print(f"OK: {path} (CF-1.8, compliance-checker {__import__('compliance_checker').__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
