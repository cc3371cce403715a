#!/usr/bin/env python3
"""HeatLoop scaling table (issue 8): `heatloop run` wall time and peak memory against step length and
against cluster size and count, written as Markdown.

Cost should grow linearly with the number of steps and not with the number of GPUs: the workload
generator's unit of work is a job (and its checkpoints, failures, background jobs), not a GPU, and the
step loop does the same work per cluster whatever its size.

    python3 Benchmarks/scripts/scaling.py                      # from the repository root
    python3 Benchmarks/scripts/scaling.py --repeat 5 --output Output/scaling.md

Needs the release binary (`swift build -c release --product heatloop`, or `HEATLOOP_BIN`) and GNU time
(`/usr/bin/time -v`, Debian package `time`) for the peak resident memory. Each figure is the median of
`--repeat` runs; site files and results go to a temporary folder that is removed afterwards.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_SITE = os.path.join(ROOT, "Sites", "chicago-ai-campus.yaml")
WEATHER = os.path.join(ROOT, "Weather", "USA_CA_San.Francisco.Intl.AP.724940_TMY3.epw")

# A training cluster in the shape of Sites/llama-training-sf.yaml, scaled to `nodes` 8-GPU nodes: a
# pre-training job on 2/3 of the nodes with 30-min checkpoints, a fine-tune, node failures, background
# jobs filling the cluster to 85 % and a maintenance window. Background jobs grow with the cluster
# (1/1,536 … 1/24 of it: 1 … 64 nodes at 1,536), so every size runs about the same number of jobs and the
# table shows what the GPU count itself costs; failures (400,000 GPU-hours per GPU: the former 50,000 h
# per 8-GPU node, so timings stay comparable) still grow with the nodes.
# `clusters` copies of it make a campus.
CLUSTER = """\
    - name: train{index}
      nodes: {nodes}
      nodes_per_rack: 4
      node: h100-sxm
      cooling: dlc
      workload:
        training:
          seed: {seed}
          jobs:
            - {{name: pretrain, nodes: {pretrain}, start: 2025-01-10, duration_days: 54, utilization: 0.9,
               checkpoint_every_min: 30, checkpoint_min: 2, checkpoint_utilization: 0.15}}
            - {{name: finetune, nodes: {finetune}, start: 2025-04-01, duration_days: 10, checkpoint_every_min: 60, checkpoint_min: 3}}
          failures: {{mtbf_gpu_hours: 400000, restart_min: 20}}
          background: {{target_allocation: 0.85, min_nodes: {smallest}, max_nodes: {background}, mean_hours: 12, sigma: 1.0, utilization: 0.7}}
          maintenance:
            - {{start: 2025-06-03T02:00, duration_hours: 8, nodes: {maintenance}}}
"""

SITE = """\
name: scaling-{name}
weather: {weather}
timestep_min: 15
it:
  clusters:
{clusters}
cooling:
  liquid:
    supply_c: 32
    rejection: {{dry_cooler: {{approach_k: 5, adiabatic: {{switch_c: 24}}}}}}
  air:
    rejection: {{dry_cooler: {{approach_k: 4, trim_chiller: {{carnot: {{efficiency: 0.55}}}}}}}}
carbon: {{grid_g_per_kwh: 369}}
"""


def training_site(folder, name, nodes, clusters=1):
    text = "".join(
        CLUSTER.format(index=index, nodes=nodes, seed=7 + index, pretrain=max(1, 2 * nodes // 3),
                       finetune=max(1, nodes // 6), smallest=max(1, nodes // 1536), background=max(1, nodes // 24),
                       maintenance=max(1, nodes // 6))
        for index in range(clusters))
    path = os.path.join(folder, f"{name}.yaml")
    with open(path, "w") as handle:
        handle.write(SITE.format(name=name, weather=WEATHER, clusters=text))
    return path


def run(binary, site, step, folder, repeat):
    """Median wall time (s) and peak resident memory (MB) of `heatloop run`."""
    times, memory = [], []
    for _ in range(repeat):
        result = subprocess.run(
            ["/usr/bin/time", "-v", binary, "run", site, "--timestep-min", str(step),
             "--output", os.path.join(folder, "result.h5"), "--quiet"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit(f"heatloop run {site} failed:\n{result.stderr}")
        elapsed = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
        hours, minutes, seconds = elapsed.groups()
        times.append(int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds))
        memory.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024)
    return statistics.median(times), statistics.median(memory)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--output", help="also write the Markdown here")
    parser.add_argument("--binary", default=os.environ.get("HEATLOOP_BIN", os.path.join(ROOT, ".build", "release", "heatloop")))
    arguments = parser.parse_args()
    if not os.access(arguments.binary, os.X_OK):
        sys.exit(f"no heatloop binary at {arguments.binary}: `swift build -c release --product heatloop` or set HEATLOOP_BIN")
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("needs GNU time at /usr/bin/time (apt-get install time)")

    lines = []
    with tempfile.TemporaryDirectory(prefix="heatloop-scaling-") as folder:
        training = training_site(folder, "train-1536", 1536)
        lines += ["### Step length (one year; default site and a 12,288-GPU training cluster)", "",
                  "| step min | steps | default site s | MB | training cluster s | MB | training µs/step |",
                  "|---|---|---|---|---|---|---|"]
        for step in [1, 2, 5, 10, 15, 30, 60]:
            steps = 525_600 // step
            default_time, default_memory = run(arguments.binary, DEFAULT_SITE, step, folder, arguments.repeat)
            train_time, train_memory = run(arguments.binary, training, step, folder, arguments.repeat)
            lines.append(f"| {step} | {steps:,} | {default_time:.2f} | {default_memory:.0f} | {train_time:.2f} | "
                         f"{train_memory:.0f} | {train_time / steps * 1e6:.2f} |")
            print(lines[-1], file=sys.stderr)

        lines += ["", "### Cluster size (one training cluster, 15-min and 1-min steps)", "",
                  "| GPUs | nodes | 15-min s | MB | 1-min s | MB |", "|---|---|---|---|---|---|"]
        for nodes in [1, 16, 128, 1250, 12_500]:
            site = training_site(folder, f"train-{nodes}", nodes)
            quarter = run(arguments.binary, site, 15, folder, arguments.repeat)
            minute = run(arguments.binary, site, 1, folder, arguments.repeat)
            lines.append(f"| {nodes * 8:,} | {nodes:,} | {quarter[0]:.2f} | {quarter[1]:.0f} | {minute[0]:.2f} | {minute[1]:.0f} |")
            print(lines[-1], file=sys.stderr)

        lines += ["", "### Cluster count (clusters of 1,250 nodes = 10,000 GPUs each, 15-min and 1-min steps)", "",
                  "| clusters | GPUs | 15-min s | MB | 1-min s | MB |", "|---|---|---|---|---|---|"]
        for clusters in [1, 2, 5, 10]:
            site = training_site(folder, f"campus-{clusters}", 1250, clusters)
            quarter = run(arguments.binary, site, 15, folder, arguments.repeat)
            minute = run(arguments.binary, site, 1, folder, arguments.repeat)
            lines.append(f"| {clusters} | {clusters * 10_000:,} | {quarter[0]:.2f} | {quarter[1]:.0f} | {minute[0]:.2f} | {minute[1]:.0f} |")
            print(lines[-1], file=sys.stderr)

    text = "\n".join(lines) + "\n"
    print(text)
    if arguments.output:
        with open(arguments.output, "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
