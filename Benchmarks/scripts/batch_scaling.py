#!/usr/bin/env python3
"""HeatLoop batch throughput against the number of cores (issue 22): `heatloop batch --jobs J` for
J = 1, 2, 4, … up to this machine's cores, beside J shard processes (`--shard K/J --jobs 1`) and a
`merge`, printed as a Markdown table with the serial fraction each batch reports.

`--jobs J` should run as fast as J processes: the speed-up of both columns should match, and the
serial fraction s (the share of a scenario's one-thread time spent where only one thread at a time can
be: the HDF5 lock, the main thread) bounds it by Amdahl's law, speed-up ≤ 1 / (s + (1 − s) / J).

    python3 Benchmarks/scripts/batch_scaling.py                     # from the repository root
    python3 Benchmarks/scripts/batch_scaling.py --scenarios 2000 --output-root /dev/shm
    python3 Benchmarks/scripts/batch_scaling.py --summary-only --max-jobs 64

Needs the release binary (`swift build -c release --product heatloop`, or `HEATLOOP_BIN`). The batch is
the default site × 4 weather files × 5 climates × heat-pump sizes, hourly (1,000 scenarios by default),
written to a temporary folder (under `--output-root`, e.g. a RAM disk) that is removed afterwards. Each
figure is the best of `--repeat` runs (the least disturbed by other load).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WEATHER = ["USA_CA_San.Francisco.Intl.AP.724940_TMY3.epw", "USA_FL_Tampa.Intl.AP.722110_TMY3.epw",
           "USA_AZ_Davis-Monthan.AFB.722745_TMY3.epw"]


def batch_file(folder, scenarios, step):
    sizes = max(1, scenarios // 20)
    capacities = ", ".join(str(2.0 + 0.25 * i) for i in range(sizes))
    weather = ", ".join(os.path.join(ROOT, "Weather", name) for name in WEATHER)
    path = os.path.join(folder, "scaling.yaml")
    with open(path, "w") as handle:
        handle.write(f"""name: scaling
sites: [{os.path.join(ROOT, "Sites", "chicago-ai-campus.yaml")}]
weather: [site, {weather}]
climate: [{{name: baseline}}, {{name: plus1k, offset_k: 1}}, {{name: plus2k, offset_k: 2}},
          {{name: plus3k, offset_k: 3}}, {{name: plus4k, offset_k: 4}}]
vary:
  heat_recovery.heat_pump.capacity_mw: [{capacities}]
timestep_min: {step}
""")
    return path, 20 * sizes


def timed(commands):
    """Runs the commands at once; returns the wall time until the last ends and their stderr."""
    start = time.perf_counter()
    processes = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for command in commands]
    errors = []
    for process, command in zip(processes, commands):
        _, stderr = process.communicate()
        if process.returncode != 0:
            sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
        errors.append(stderr)
    return time.perf_counter() - start, errors


def in_process(binary, batch, output, jobs, extra):
    seconds, (stderr,) = timed([[binary, "batch", batch, "--output", output, "--jobs", str(jobs)] + extra])
    found = re.search(r"serial fraction ([0-9.]+) %", stderr)
    return seconds, float(found.group(1)) if found else float("nan")


def sharded(binary, batch, output, jobs, extra):
    shards, _ = timed([[binary, "batch", batch, "--output", output, "--shard", f"{k}/{jobs}", "--jobs", "1",
                        "--quiet"] + extra for k in range(jobs)])
    merge, _ = timed([[binary, "merge", output]])
    return shards + merge


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenarios", type=int, default=1000, help="batch size, a multiple of 20 (default 1000)")
    parser.add_argument("--step", type=int, default=60, help="time step in minutes (default 60)")
    parser.add_argument("--max-jobs", type=int, default=os.cpu_count(), help="largest J (default: all cores)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure; the best is kept (default 1)")
    parser.add_argument("--summary-only", action="store_true", help="no per-scenario result files")
    parser.add_argument("--output-root", default=None, help="where the temporary results go (default: $TMPDIR)")
    arguments = parser.parse_args()
    binary = os.environ.get("HEATLOOP_BIN", os.path.join(ROOT, ".build", "release", "heatloop"))
    if not os.access(binary, os.X_OK):
        sys.exit(f"no heatloop binary at {binary}: swift build -c release --product heatloop, or set HEATLOOP_BIN")
    extra = ["--summary-only"] if arguments.summary_only else []
    counts, jobs = [], 1
    while jobs < arguments.max_jobs:
        counts.append(jobs)
        jobs *= 2
    counts.append(arguments.max_jobs)

    with tempfile.TemporaryDirectory(prefix="heatloop-scaling-", dir=arguments.output_root) as folder:
        batch, scenarios = batch_file(folder, arguments.scenarios, arguments.step)
        print(f"{scenarios} scenarios, {arguments.step}-min steps, "
              f"{'summary only' if extra else 'every result file'}, {os.cpu_count()} cores, {binary}\n")
        print("| jobs | batch --jobs s | scenarios/s | speed-up | serial fraction | "
              "shards + merge s | scenarios/s | speed-up | jobs / shards |")
        print("|---|---|---|---|---|---|---|---|---|")
        first = None
        for index, jobs in enumerate(counts):
            runs, shard_runs = [], []
            for repeat in range(arguments.repeat):
                runs.append(in_process(binary, batch, os.path.join(folder, f"j{index}-{repeat}"), jobs, extra))
                shard_runs.append(sharded(binary, batch, os.path.join(folder, f"s{index}-{repeat}"), jobs, extra))
            seconds, serial = min(runs)
            shards = min(shard_runs)
            first = first or (seconds, shards)
            print(f"| {jobs} | {seconds:.2f} | {scenarios / seconds:.0f} | {first[0] / seconds:.2f}× | {serial:.1f} % "
                  f"| {shards:.2f} | {scenarios / shards:.0f} | {first[1] / shards:.2f}× | {seconds / shards:.2f} |",
                  flush=True)


if __name__ == "__main__":
    main()
