#!/usr/bin/env bash
# The cluster sweep benchmark (docs/BENCHMARKS.md, "sweep on a cluster"): the same CPU-bound sweep
# with one single-threaded worker, then with two, each worker pinned to its own core with taskset;
# then the coordinator's CPU time per run. Run from anywhere after the jar is built (./peerwatch
# builds it). Needs 2 cores and taskset (util-linux).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/simulator/target/peerwatch.jar"
export PEERWATCH_CLUSTER_SECRET="${PEERWATCH_CLUSTER_SECRET:-bench-secret-0123456789}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# $1: file name; $2: ticks per run; $3: replications of each of the 10 cells
sweep_file() {
  cat >"$work/$1" <<YAML
name: cluster-bench
description: the shipped two-teams scenario for $2 ticks; 10 audit fractions x $3 replications
base: $root/config/scenarios/two-teams.yaml
seed: 1
replications: $3
factors:
  - path: audits.report_fraction
    range: {from: 0.0, to: 0.18, step: 0.02}
  - path: ticks
    values: [$2]
YAML
}
# Throughput: 80 CPU-bound runs (a few tenths of a second each on one core).
sweep_file bench.yaml 40000 8
# Coordinator overhead: 2,000 runs so short that the coordinator's work per run dominates.
sweep_file tiny.yaml 10 200

# $1: sweep file; $2: workers (each pinned to core i); $3: name; $4: output directory; then
# extra sweep options
session() {
  local file=$1 n=$2 tag=$3 out=$4
  shift 4
  local log="$work/$tag.err"
  # Workers start first and wait for the coordinator's port, so that both join at about the same
  # moment and the rate since the first join is the rate of all of them.
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  local workers=()
  for ((i = 0; i < n; i++)); do
    taskset -c "$i" java -jar "$jar" worker --join "127.0.0.1:$port" --threads 1 >/dev/null 2>&1 &
    workers+=($!)
  done
  /usr/bin/time -f "%U %S" -o "$work/$tag.time" \
    java -jar "$jar" sweep "$work/$file" --cluster --bind "127.0.0.1:$port" --out "$work/$out" \
    --quiet "$@" >"$work/$tag.out" 2>"$log" &
  local coordinator=$!
  wait "$coordinator"
  for w in "${workers[@]}"; do wait "$w" || true; done
  echo "$tag: $(grep -h 'cluster:\|runs (' "$work/$tag.out" | tr -s ' ' | paste -sd' ')"
  echo "$tag: coordinator CPU user+sys $(awk '{print $1 + $2}' "$work/$tag.time") s"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
session bench.yaml 1 one-worker out-1
session bench.yaml 2 two-workers out-2
cmp "$work/out-1/runs.csv" "$work/out-2/runs.csv" && echo "runs.csv: one worker = two workers"
session tiny.yaml 1 tiny out-t
# The coordinator's fixed cost: the same command resuming the finished sweep (no run, same files).
session tiny.yaml 0 baseline out-t --resume
tiny=$(awk '{print $1 + $2}' "$work/tiny.time")
base=$(awk '{print $1 + $2}' "$work/baseline.time")
echo "coordinator CPU per run: $(echo "($tiny - $base) * 1000 / 2000" | bc -l | cut -c1-6) ms"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
