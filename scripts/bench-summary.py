#!/usr/bin/env python3
"""Summarises several runs of `cargo bench -p close-reasons-benches` (criterion output
saved one file per run, as scripts/bench-runs.sh does).

For each benchmark group it prints a Markdown table: every function's time per element
(ns; per code, per payload) as the median over the runs and the lowest-highest run, and
the ratio "close-reasons / this function" computed within each run (so that machine drift
between runs cancels), as its median and range. A ratio below 1 means close-reasons took
less time than that function; the goal against a peer is at most 1, against a limit at
most 1.25.
"""

import re
import statistics
import sys
from collections import OrderedDict

UNITS = {"elem/s": 1.0, "Kelem/s": 1e3, "Melem/s": 1e6, "Gelem/s": 1e9}


def parse_run(path):
    """{benchmark id: ns per element} from one criterion run's output."""
    results = OrderedDict()
    name = None
    for line in open(path, encoding="utf-8"):
        match = re.match(r"^([a-z_]+/\S.*?)(?:\s+time:|\s*$)", line)
        if match and not line.startswith("Benchmarking"):
            name = match.group(1).strip()
        throughput = re.search(r"thrpt:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]", line)
        if throughput and name:
            rate = float(throughput.group(1)) * UNITS[throughput.group(2)]
            results[name] = 1e9 / rate
    return results


def spread(values, digits=2):
    values = sorted(values)
    middle = statistics.median(values)
    if len(values) == 1:
        return f"{middle:.{digits}f}"
    return f"{middle:.{digits}f} ({values[0]:.{digits}f}–{values[-1]:.{digits}f})"


def main(paths):
    runs = [parse_run(path) for path in paths]
    names = OrderedDict()
    for run in runs:
        for name in run:
            names.setdefault(name.rsplit("/", 1)[0], OrderedDict())[name] = None
    print(f"{len(runs)} run(s): {', '.join(paths)}\n")
    for group, functions in names.items():
        # The ratios are to close-reasons, or in a group without a peer (`scale`) to
        # the first function.
        ours = next(
            (f for f in functions if f.rsplit("/", 1)[1].startswith("close-reasons")),
            next(iter(functions)),
        )
        print(f"### {group}\n")
        print(f"| function | ns per element | {ours.rsplit('/', 1)[1]} / this |")
        print("|---|---:|---:|")
        for function in functions:
            times = [run[function] for run in runs if function in run]
            ratios = [
                run[ours] / run[function]
                for run in runs
                if ours and function in run and ours in run and function != ours
            ]
            ratio = spread(ratios) if ratios else "–"
            label = function.rsplit("/", 1)[1]
            print(f"| {label} | {spread(times)} | {ratio} |")
        print()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: bench-summary.py RUN_OUTPUT...")
    main(sys.argv[1:])
