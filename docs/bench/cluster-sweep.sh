#!/usr/bin/env bash
# The cluster sweep benchmark (docs/BENCHMARKS.md, "sweep --cluster: one worker against two"): the
# same CPU-bound sweep with one single-threaded worker, then with two, each worker pinned to its own
# core with taskset; the coordinator does no runs (--threads 0) and is not pinned.
#
# What counts is the steady state the coordinator reports itself: the runs from its first result to
# its last and the seconds between them (its "steady state:" line), so that neither the JVMs'
# start-up, nor cluster formation, nor the report drawn after the last run is in the rate (the same
# line gives each worker's rate over its own span, summed as a check against a late joiner); and its
# own CPU time over that same span, per run. Its total CPU time (start-up, cluster, report
# included) is shown apart. At a few runs per second the coordinator's CPU per run is mostly its
# idle cost (heartbeats, gossip) spread over few runs; so a third session of ten-tick runs, one
# worker, gives the CPU per result when results come as fast as one worker can make them.
#
# Usage: docs/bench/cluster-sweep.sh            # the recorded size: 10 cells x 24 replications of
#                                               # the two-teams scenario for 40,000 ticks, then
#                                               # 2,000 ten-tick runs (~4-5 min on an idle 2-core
#                                               # machine)
#        BENCH_TICKS=2000 BENCH_REPS=2 BENCH_TINY_REPS=20 docs/bench/cluster-sweep.sh  # a check
# Needs 2 cores, taskset (util-linux), /usr/bin/time, python3; builds the jar if needed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ticks="${BENCH_TICKS:-40000}"
reps="${BENCH_REPS:-24}"
tiny_reps="${BENCH_TINY_REPS:-200}"
"$root/peerwatch" --version >/dev/null # builds the jar if the sources changed
jar="$root/simulator/target/peerwatch.jar"
# The launcher's JVM options, without its per-call source check.
java=(java -XX:+UseParallelGC -jar "$jar")
# The coordinator runs nothing (--threads 0): it only routes runs and results, so it is started as
# README "Sweeps on a cluster" advises for such a node, with the JIT's first tier only
# (PEERWATCH_JAVA_OPTS=-XX:TieredStopAtLevel=1). Its C2 compilations otherwise take CPU from the
# pinned workers on a 2-core machine (12.7 -> 8.2 ms of coordinator CPU per run measured).
coordinator=(java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -jar "$jar")
export PEERWATCH_CLUSTER_SECRET="${PEERWATCH_CLUSTER_SECRET:-bench-secret-0123456789}"
unset PEERWATCH_CLUSTER_CONFIG
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# $1: file; $2: ticks per run; $3: replications of each of the 10 cells
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
sweep_file bench.yaml "$ticks" "$reps"
sweep_file tiny.yaml 10 "$tiny_reps"

# $1: sweep file; $2: workers (worker i pinned to core i); $3: name. Prints the coordinator's
# steady-state line.
session() {
  local file=$1 n=$2 tag=$3
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  # Workers start first and wait for the coordinator's port, so that they join at about the same
  # moment; the steady state starts at the first result anyway.
  local workers=()
  for ((i = 0; i < n; i++)); do
    taskset -c "$i" "${java[@]}" worker --join "127.0.0.1:$port" --threads 1 \
      >"$work/$tag.w$i.out" 2>&1 &
    workers+=($!)
    pids+=($!)
  done
  if ! /usr/bin/time -f "%U %S" -o "$work/$tag.time" \
    "${coordinator[@]}" sweep "$work/$file" --cluster --bind "127.0.0.1:$port" --threads 0 \
    --out "$work/$tag" --quiet >"$work/$tag.out" 2>"$work/$tag.err"; then
    echo "$tag: the coordinator failed:" >&2
    cat "$work/$tag.err" >&2
    exit 1
  fi
  for w in "${workers[@]}"; do wait "$w" || true; done
  local steady
  steady="$(grep -h 'steady state:' "$work/$tag.out" | sed 's/^ *//' || true)"
  if [[ -z "$steady" ]]; then
    echo "$tag: the coordinator reported no steady state (fewer than two results?)" >&2
    exit 1
  fi
  echo "$tag: $(grep -h 'by worker:' "$work/$tag.out" | sed 's/^.*by worker: /runs by worker: /')"
  echo "$tag: $steady"
  echo "$tag: coordinator CPU in all (start-up, cluster, report) $(awk '{printf "%.1f", $1 + $2}' "$work/$tag.time") s"
  echo "$steady" | sed -E 's/.*\(([0-9.]+) runs\/s\).*/\1/' >"$work/$tag.rate"
  echo "$steady" | sed -E 's/.*\(sum ([0-9.]+) runs\/s\).*/\1/' >"$work/$tag.sum"
}

echo "sweep: 10 cells x $reps replications = $((10 * reps)) runs of $ticks ticks; $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
session bench.yaml 1 one-worker
session bench.yaml 2 two-workers
cmp "$work/one-worker/runs.csv" "$work/two-workers/runs.csv" &&
  echo "runs.csv: one worker = two workers (byte for byte)"
ratio() { paste "$1" "$2" | awk '{printf "%.2fx (%s -> %s runs/s; target >= 1.7x)", $2 / $1, $1, $2}'; }
echo "speed-up, steady state (first result to last): $(ratio "$work/one-worker.rate" "$work/two-workers.rate")"
# The same, each worker over its own span and the rates summed: a worker that joined a few seconds
# after the other does not count as idle.
echo "speed-up, summed per-worker rates: $(ratio "$work/one-worker.sum" "$work/two-workers.sum")"
session tiny.yaml 1 tiny
echo "coordinator CPU per result, results as fast as one worker makes ten-tick runs:" \
  "$(grep -ho "CPU [0-9.]* ms per run" "$work/tiny.out") at $(cat "$work/tiny.rate") runs/s"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
