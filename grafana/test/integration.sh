#!/usr/bin/env bash
# Integration test of peerwatch's Prometheus and Grafana side against a live `peerwatch serve`.
#
#   grafana/test/integration.sh
#
# Needs: bash, python3 (standard library only), JDK 17 + Maven (for ./peerwatch), and Debian's
# `prometheus` package (prometheus and promtool on PATH):
#   apt-get update && apt-get install -y --no-install-recommends prometheus
#
# 1. promtool: check the shipped config and a generated one, check the rules, run the rules' unit
#    tests.
# 2. Start Prometheus (generated config in a temp dir, scraping every second, loopback only, the
#    rules loaded), `peerwatch serve grafana/test/ci-scenario.yaml` at 50 ticks/s, a second `serve`
#    of the same scenario with `--run-label ci-second`, and a cluster sweep (`sweep --cluster
#    --metrics-port`, no threads of its own, and one `peerwatch worker`), each on a free loopback
#    port; their PIDs are recorded and all are stopped by PID at the end, also on failure or Ctrl-C.
# 3. Wait (at most 60 s) for >= 25 s of samples, then send every PromQL expression of every
#    dashboard panel (the sweep dashboard's against the running sweep) and every rule to
#    Prometheus's HTTP API, check that the two serve processes are told apart by their `run` label
#    and that the sweep's progress meters advance (grafana/test/promql_checks.py).
# 4. SIGTERM peerwatch: it must exit 0 within 30 s and leave ledger.jsonl, summary.json,
#    summary.csv and scenario.yaml.
#
# Prints one line per check and last `integration: N passed, M failed`; exit 0 only if none failed.
# Environment: PEERWATCH_CMD overrides the command that runs peerwatch (default: ./peerwatch of
# this checkout, e.g. PEERWATCH_CMD="java -jar /path/peerwatch.jar"); KEEP_TMP=1 keeps the temp
# dir (logs, TSDB, outputs).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
grafana="$root/grafana"
scenario="$grafana/test/ci-scenario.yaml"
checks="$here/promql_checks.py"
if [[ -n "${PEERWATCH_CMD:-}" ]]; then
  read -r -a peerwatch <<<"$PEERWATCH_CMD"
else
  peerwatch=("$root/peerwatch")
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/peerwatch-integration.XXXXXX")"
results="$tmp/results"
: >"$results"
prom_pid=""
pw_pid=""
pw2_pid=""
sweep_pid=""
worker_pid=""

ok() { echo "ok   $*" | tee -a "$results"; }
fail() { echo "FAIL $*" | tee -a "$results"; }

stop_pid() { # stop_pid PID NAME: SIGTERM, then SIGKILL after 10 s; only the process we started
  local pid="$1" name="$2" i
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "integration: $name (PID $pid) did not stop on SIGTERM; killing it" >&2
  kill -KILL "$pid" 2>/dev/null
}

cleanup() {
  stop_pid "$worker_pid" "peerwatch worker"
  stop_pid "$sweep_pid" "peerwatch sweep"
  stop_pid "$pw2_pid" "peerwatch serve (second)"
  stop_pid "$pw_pid" "peerwatch serve"
  stop_pid "$prom_pid" "prometheus"
  wait 2>/dev/null
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then
    echo "integration: kept $tmp" >&2
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

finish() {
  local passed failed
  passed="$(grep -c '^ok ' "$results")"
  failed="$(grep -c '^FAIL' "$results")"
  echo "integration: $passed passed, $failed failed"
  ((failed == 0)) && exit 0
  exit 1
}

show_log() { # show_log FILE: its last lines, indented
  [[ -s "$1" ]] && tail -n 20 "$1" | sed 's/^/       | /'
  return 0
}

# ---- tools ---------------------------------------------------------------------------------
for tool in prometheus promtool python3; do
  if ! command -v "$tool" >/dev/null; then
    fail "$tool not on PATH (Debian: apt-get install -y --no-install-recommends prometheus)"
    finish
  fi
done
echo "== $(prometheus --version 2>&1 | head -n 1)"

# ---- promtool --------------------------------------------------------------------------------
free_ports() {
  python3 - <<'EOF'
import socket
socks = []
for _ in range(5):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
EOF
}
read -r pw_port prom_port pw2_port sweep_port cluster_port <<<"$(free_ports)"

config="$tmp/prometheus.yml"
cat >"$config" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
rule_files:
  - $grafana/prometheus/rules.yml
scrape_configs:
  - job_name: peerwatch
    static_configs:
      - targets: ["127.0.0.1:$pw_port", "127.0.0.1:$pw2_port"]
  - job_name: peerwatch-sweep
    static_configs:
      - targets: ["127.0.0.1:$sweep_port"]
EOF
# A sweep that outlasts the test: many runs of a few seconds each, so that runs finish all along.
cat >"$tmp/ci-sweep.yaml" <<EOF
name: ci-sweep
description: the two-teams scenario, long enough runs that the sweep outlasts the test
base: $root/config/scenarios/two-teams.yaml
seed: 1
replications: 5000
factors:
  - path: ticks
    values: [4000]
EOF

run_check() { # run_check DESCRIPTION COMMAND...: ok/FAIL on its exit code, its output on failure
  local desc="$1" out
  shift
  if out="$("$@" 2>&1)"; then
    ok "$desc"
  else
    fail "$desc"
    echo "$out" | tail -n 30 | sed 's/^/       | /'
  fi
}
run_check "promtool check config grafana/prometheus/prometheus.yml (the compose stack's)" \
  promtool check config "$grafana/prometheus/prometheus.yml"
run_check "promtool check config (generated: scrape 127.0.0.1:$pw_port, :$pw2_port, :$sweep_port every 1 s)" \
  promtool check config "$config"
run_check "promtool check rules grafana/prometheus/rules.yml" \
  promtool check rules "$grafana/prometheus/rules.yml"
run_check "promtool test rules grafana/prometheus/rules.test.yml" \
  promtool test rules "$grafana/prometheus/rules.test.yml"

# ---- build peerwatch first, so that a first-use build does not eat the wait below -------------
if ! out="$("${peerwatch[@]}" serve --help 2>&1)"; then
  fail "peerwatch serve --help ($(printf '%s ' "${peerwatch[@]}"))"
  echo "$out" | tail -n 30 | sed 's/^/       | /'
  finish
fi
ok "peerwatch serve --help"

# ---- start Prometheus, then peerwatch ----------------------------------------------------------
prometheus --config.file="$config" --storage.tsdb.path="$tmp/data" \
  --web.listen-address="127.0.0.1:$prom_port" --log.level=warn >"$tmp/prometheus.log" 2>&1 &
prom_pid=$!
prom="http://127.0.0.1:$prom_port"
if python3 "$checks" wait-http "$prom/-/ready" 30; then
  ok "prometheus (PID $prom_pid) ready on 127.0.0.1:$prom_port"
else
  fail "prometheus (PID $prom_pid) not ready on 127.0.0.1:$prom_port within 30 s"
  show_log "$tmp/prometheus.log"
  finish
fi

"${peerwatch[@]}" serve "$scenario" --port "$pw_port" --tick-rate 50 --ticks 100000 \
  --out "$tmp/serve" --quiet >"$tmp/peerwatch.log" 2>&1 &
pw_pid=$!
status_url="http://127.0.0.1:$pw_port/status"
if python3 "$checks" wait-http "$status_url" 60; then
  ok "peerwatch serve (PID $pw_pid) answers on 127.0.0.1:$pw_port"
else
  fail "peerwatch serve (PID $pw_pid) did not answer on 127.0.0.1:$pw_port within 60 s"
  show_log "$tmp/peerwatch.log"
  finish
fi

"${peerwatch[@]}" serve "$scenario" --port "$pw2_port" --tick-rate 50 --ticks 100000 \
  --run-label ci-second --out "$tmp/serve2" --quiet >"$tmp/peerwatch2.log" 2>&1 &
pw2_pid=$!
export PEERWATCH_CLUSTER_SECRET="ci-integration-secret-0123"
"${peerwatch[@]}" sweep "$tmp/ci-sweep.yaml" --cluster --bind "127.0.0.1:$cluster_port" --threads 0 \
  --metrics-port "$sweep_port" --out "$tmp/sweep" --quiet >"$tmp/sweep.log" 2>&1 &
sweep_pid=$!
"${peerwatch[@]}" worker --join "127.0.0.1:$cluster_port" --threads 1 >"$tmp/worker.log" 2>&1 &
worker_pid=$!
if python3 "$checks" wait-http "http://127.0.0.1:$pw2_port/status" 60; then
  ok "peerwatch serve --run-label ci-second (PID $pw2_pid) answers on 127.0.0.1:$pw2_port"
else
  fail "peerwatch serve --run-label ci-second (PID $pw2_pid) did not answer within 60 s"
  show_log "$tmp/peerwatch2.log"
  finish
fi
if python3 "$checks" wait-http "http://127.0.0.1:$sweep_port/status" 60; then
  ok "peerwatch sweep --cluster (PID $sweep_pid, worker PID $worker_pid) answers on 127.0.0.1:$sweep_port"
else
  fail "peerwatch sweep --cluster (PID $sweep_pid) did not answer within 60 s"
  show_log "$tmp/sweep.log"
  show_log "$tmp/worker.log"
  finish
fi

# ---- wait for data, then check every expression -----------------------------------------------
if python3 "$checks" wait-data "$prom" 60 25; then
  ok "Prometheus holds >= 25 s of peerwatch samples and every recorded series"
else
  fail "Prometheus did not collect 25 s of peerwatch samples within 60 s"
  show_log "$tmp/prometheus.log"
  show_log "$tmp/peerwatch.log"
  finish
fi

python3 "$checks" check "$prom" "$status_url" "$scenario" "$grafana"/dashboards/*.json |
  tee -a "$results"
python3 "$checks" apart "$prom" "$scenario" ci-grafana-s7 ci-second | tee -a "$results"
python3 "$checks" sweep "$prom" ci-sweep | tee -a "$results"
if grep -q '^FAIL sweep' "$results"; then
  show_log "$tmp/sweep.log"
  show_log "$tmp/worker.log"
fi

# ---- stop peerwatch: exit 0 and its four files -------------------------------------------------
kill -TERM "$pw_pid"
stopped=0
for ((i = 0; i < 300; i++)); do
  if ! kill -0 "$pw_pid" 2>/dev/null; then
    stopped=1
    break
  fi
  sleep 0.1
done
if ((stopped)); then
  wait "$pw_pid"
  rc=$?
  pw_pid=""
  if ((rc == 0)); then
    ok "peerwatch serve stopped on SIGTERM with exit code 0"
  else
    fail "peerwatch serve stopped on SIGTERM with exit code $rc"
    show_log "$tmp/peerwatch.log"
  fi
else
  fail "peerwatch serve (PID $pw_pid) still running 30 s after SIGTERM"
fi
for f in ledger.jsonl summary.json summary.csv scenario.yaml; do
  if [[ -s "$tmp/serve/$f" ]]; then
    ok "peerwatch serve wrote $f"
  else
    fail "peerwatch serve did not write $f"
  fi
done

finish
