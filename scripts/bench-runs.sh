#!/usr/bin/env bash
# Runs the run-time benchmarks RUNS times (default 3) and summarises them: the figures
# of BENCHMARKS.md, with the spread between runs. Run by hand, not in CI (about 4
# minutes per run):
#
#   bash scripts/bench-runs.sh               # every benchmark
#   RUNS=5 bash scripts/bench-runs.sh wire   # only those whose id matches `wire`
#
# Each run's criterion output is kept in target/bench-runs/run-N.txt.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
out="${CARGO_TARGET_DIR:-$root/target}/bench-runs"
mkdir -p "$out"
rm -f "$out"/run-*.txt

cd "$root"
files=()
for run in $(seq "$runs"); do
  echo "run $run of $runs" >&2
  cargo bench -q -p close-reasons-benches -- "$@" > "$out/run-$run.txt"
  files+=("$out/run-$run.txt")
done
python3 "$root/scripts/bench-summary.py" "${files[@]}"
