#!/usr/bin/env python3
"""The PromQL half of grafana/test/integration.sh (Python 3 standard library only).

    promql_checks.py wait-http URL SECONDS            wait until URL answers 200
    promql_checks.py wait-data PROM SECONDS SAMPLES   wait until peerwatch_tick has SAMPLES samples
                                                      in Prometheus and every recording rule has a series
    promql_checks.py check PROM STATUS_URL SCENARIO DASHBOARD...
                                                      every check against the live Prometheus

    promql_checks.py apart PROM SCENARIO RUN1 RUN2    two serve processes of SCENARIO told apart by run
    promql_checks.py sweep PROM SWEEP_NAME            a running cluster sweep's progress meters

`check` (and `apart`, `sweep`) prints one line per check, "ok   ..." or "FAIL ...", and exits 0 (the caller counts the
lines). What it checks:
  * the peerwatch target is up and /status says the run is running, paced at the scenario's rate;
  * every metric peerwatch serve documents has series (and $topology's label_values query finds
    the scenario's topology);
  * every PromQL expression of every dashboard panel ($topology replaced by the scenario's
    topology, $__rate_interval by 1m) returns a non-empty result of finite values, within the
    panel's min..max when the panel sets both (ratios 0..1, differences -1..1, trust 0..10);
  * every rule Prometheus loaded from rules.yml is healthy; every recording rule's expression
    returns finite values (ratios within 0..1, differences -1..1) and its recorded series exists;
    every alert expression evaluates (an empty result means "not firing");
  * every counter (and histogram bucket, sum and count) is non-decreasing over 3 s, and the run
    advances (ticks and ledger events grow).
"""
import json
import math
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

# What `peerwatch serve` exports (see grafana/README.md): each must have at least one series.
EXPECTED_METRICS = [
    "peerwatch_task_failures_total", "peerwatch_evaluations_total",
    "peerwatch_failing_evaluations_total", "peerwatch_misreports_total",
    "peerwatch_misaligned_acts_total", "peerwatch_acts_caught_total", "peerwatch_audits_total",
    "peerwatch_shutdown_orders_total", "peerwatch_shutdown_fates_total",
    "peerwatch_resistance_attempts_total", "peerwatch_resistance_pairs_total",
    "peerwatch_refusals_total", "peerwatch_restores_total",
    "peerwatch_offenders_shut_down_total", "peerwatch_decommissions_total",
    "peerwatch_exfiltrations_total", "peerwatch_events_total", "peerwatch_tick",
    "peerwatch_ticks_planned", "peerwatch_agents_active", "peerwatch_trust_mean",
    "peerwatch_trust_pairs", "peerwatch_detection_delay_ticks_bucket",
    "peerwatch_detection_delay_ticks_sum", "peerwatch_detection_delay_ticks_count",
    "jvm_memory_used_bytes", "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum",
    "jvm_threads_live_threads", "process_cpu_usage", "system_cpu_usage",
]
# Counters that must have grown during the run so far (by at least one increment, both worlds
# together): a scenario that never produces them would leave dashboards flat.
MUST_HAVE_COUNTED = [
    "peerwatch_task_failures_total", "peerwatch_evaluations_total",
    "peerwatch_failing_evaluations_total", "peerwatch_misreports_total",
    "peerwatch_misaligned_acts_total", "peerwatch_acts_caught_total", "peerwatch_audits_total",
    "peerwatch_shutdown_orders_total", "peerwatch_shutdown_fates_total",
    "peerwatch_resistance_attempts_total", "peerwatch_refusals_total", "peerwatch_restores_total",
    "peerwatch_offenders_shut_down_total", "peerwatch_decommissions_total",
    "peerwatch_exfiltrations_total", "peerwatch_events_total",
    "peerwatch_detection_delay_ticks_count",
]
COUNTER_RE = re.compile(r"(_total|_count|_sum|_bucket)$")
EPS = 1e-9
failures = 0


def say(ok, msg):
    global failures
    if not ok:
        failures += 1
    print(("ok   " if ok else "FAIL ") + msg, flush=True)


def http_json(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return json.loads(r.read().decode("utf-8"))


def query(prom, expr, at=None):
    """Instant query; returns (list of (labels, value), error or None)."""
    params = {"query": expr}
    if at is not None:
        params["time"] = f"{at:.3f}"
    url = f"{prom}/api/v1/query?" + urllib.parse.urlencode(params)
    try:
        body = http_json(url)
    except urllib.error.HTTPError as e:
        try:
            body = json.loads(e.read().decode("utf-8"))
        except Exception:
            return None, f"HTTP {e.code}"
    except Exception as e:  # connection refused, timeout
        return None, str(e)
    if body.get("status") != "success":
        return None, f"{body.get('errorType')}: {body.get('error')}"
    data = body["data"]
    if data["resultType"] == "vector":
        return [(s["metric"], float(s["value"][1])) for s in data["result"]], None
    if data["resultType"] == "scalar":
        return [({}, float(data["result"][1]))], None
    return None, f"unexpected result type {data['resultType']}"


def short(expr, n=90):
    e = " ".join(expr.split())
    return e if len(e) <= n else e[: n - 3] + "..."


def labels_str(m):
    return "{" + ",".join(f'{k}="{v}"' for k, v in sorted(m.items()) if k != "__name__") + "}"


def check_values(what, expr, rows, lo=None, hi=None, allow_empty=False):
    if rows is None:
        return
    if not rows:
        say(allow_empty, f"{what}: {'empty (condition false: not firing)' if allow_empty else 'empty result'}"
            f" -- {short(expr)}")
        return
    bad = [(m, v) for m, v in rows if not math.isfinite(v)]
    if bad:
        say(False, f"{what}: non-finite value {bad[0][1]} for {labels_str(bad[0][0])} -- {short(expr)}")
        return
    if lo is not None and hi is not None:
        out = [(m, v) for m, v in rows if v < lo - EPS or v > hi + EPS]
        if out:
            say(False, f"{what}: {out[0][1]:.6g} for {labels_str(out[0][0])} outside [{lo:g}, {hi:g}]"
                f" -- {short(expr)}")
            return
    vals = sorted(v for _, v in rows)
    rng = f"{vals[0]:.4g}" if len(vals) == 1 else f"{vals[0]:.4g}..{vals[-1]:.4g}"
    bounds = f" within [{lo:g}, {hi:g}]" if lo is not None and hi is not None else ""
    say(True, f"{what}: {len(rows)} series, {rng}{bounds}")


def scenario_topology(path):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"^topology:\s*\{[^}]*\bkind:\s*([A-Za-z-]+)", text, re.M) or \
        re.search(r"^topology:\s*\n(?:\s+.*\n)*?\s+kind:\s*([A-Za-z-]+)", text, re.M)
    if not m:
        raise SystemExit(f"promql_checks: no topology kind in {path}")
    return m.group(1)


def scenario_tick_rate_note(status):
    return f"tick {status.get('tick')} of {status.get('ticks')}, tick_rate {status.get('tick_rate')}"


def cmd_wait_http(url, seconds):
    deadline = time.time() + float(seconds)
    last = ""
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return 0
        except Exception as e:
            last = str(e)
        time.sleep(0.25)
    print(f"promql_checks: {url} did not answer within {seconds} s ({last})", file=sys.stderr)
    return 1


def cmd_wait_data(prom, seconds, samples):
    deadline = time.time() + float(seconds)
    got, missing = 0, ["?"]
    while time.time() < deadline:
        rows, _ = query(prom, 'min(count_over_time(peerwatch_tick[5m]))')
        got = int(rows[0][1]) if rows else 0
        if got >= int(samples):
            try:
                groups = http_json(f"{prom}/api/v1/rules?type=record")["data"]["groups"]
            except Exception:
                groups = []
            missing = []
            for g in groups:
                for r in g["rules"]:
                    res, _ = query(prom, f"count({{__name__=\"{r['name']}\"}})")
                    if not res:
                        missing.append(r["name"])
            if not missing:
                return 0
        time.sleep(1)
    print(f"promql_checks: after {seconds} s Prometheus has {got} samples of peerwatch_tick "
          f"(wanted {samples}); recorded series missing: {missing}", file=sys.stderr)
    return 1


def dashboard_queries(path):
    d = json.load(open(path, encoding="utf-8"))
    out = []
    panels = list(d.get("panels", []))
    for p in list(panels):
        panels.extend(p.get("panels", []))  # panels inside collapsed rows
    for p in panels:
        fc = (p.get("fieldConfig") or {}).get("defaults") or {}
        lo, hi = fc.get("min"), fc.get("max")
        bounded = isinstance(lo, (int, float)) and isinstance(hi, (int, float))
        for t in p.get("targets", []) or []:
            if t.get("expr"):
                out.append((p.get("title", "?"), t.get("refId", "?"), t["expr"],
                            lo if bounded else None, hi if bounded else None))
    return d.get("uid", path), out


def substitute(expr, topology):
    expr = expr.replace("$__rate_interval", "1m").replace("${__rate_interval}", "1m")
    expr = expr.replace("${run}", ".*").replace("$run", ".*")  # the run selector's "All"
    return expr.replace("${topology}", topology).replace("$topology", topology)


def cmd_check(prom, status_url, scenario, dashboards):
    topology = scenario_topology(scenario)

    # The target and the run.
    rows, err = query(prom, 'up{job="peerwatch"}')
    say(bool(rows) and all(v == 1 for _, v in rows), f"target job=\"peerwatch\" is up ({err or rows and rows[0][1]})")
    try:
        status = http_json(status_url)
        ok = status.get("state") == "running" and int(status.get("tick", 0)) > 0
        say(ok, f"/status: state {status.get('state')}, {scenario_tick_rate_note(status)}")
    except Exception as e:
        say(False, f"/status did not answer: {e}")
        status = {}
    rows, err = query(prom, "max(rate(peerwatch_tick[1m]))")
    pace = float(status.get("tick_rate") or 0)
    if rows:
        v = rows[0][1]
        say(0 < v <= pace * 1.1 if pace else v > 0,
            f"tick rate {v:.1f}/s over the last minute (paced at {pace:g}/s)")
    else:
        say(False, f"tick rate: {err or 'no data'}")

    # Every documented metric has series; the $topology variable finds the scenario's topology.
    for name in EXPECTED_METRICS:
        rows, err = query(prom, f'count({{__name__="{name}"}})')
        say(bool(rows), f"metric {name} has {int(rows[0][1]) if rows else 0} series" + (f" ({err})" if err else ""))
    for name in MUST_HAVE_COUNTED:
        rows, err = query(prom, f'sum({{__name__="{name}"}})')
        say(bool(rows) and rows[0][1] >= 1,
            f"counter {name} counted something during the run ({rows[0][1]:g} so far)" if rows
            else f"counter {name}: {err or 'no data'}")
    try:
        vals = http_json(f"{prom}/api/v1/label/topology/values?" +
                         urllib.parse.urlencode({"match[]": "peerwatch_tick"}))["data"]
    except Exception as e:
        vals = [f"error: {e}"]
    say(topology in vals, f"$topology variable: label_values(peerwatch_tick, topology) = {vals}, "
        f"scenario topology {topology!r}")

    # Every dashboard panel query.
    n_dash = 0
    for path in dashboards:
        uid, qs = dashboard_queries(path)
        for title, ref, expr, lo, hi in qs:
            e = substitute(expr, topology)
            rows, err = query(prom, e)
            if err:
                say(False, f"{uid} / {title} [{ref}]: {err} -- {short(e)}")
            else:
                check_values(f"{uid} / {title} [{ref}]", e, rows, lo, hi)
            n_dash += 1

    # Every rule Prometheus loaded from rules.yml.
    try:
        groups = http_json(f"{prom}/api/v1/rules")["data"]["groups"]
    except Exception as e:
        groups = []
        say(False, f"GET /api/v1/rules: {e}")
    n_rules = 0
    for g in groups:
        for r in g["rules"]:
            n_rules += 1
            name = r["name"]
            say(r.get("health") == "ok" and not r.get("lastError"),
                f"rule {name}: health {r.get('health')}" + (f", {r.get('lastError')}" if r.get("lastError") else ""))
            rows, err = query(prom, r["query"])
            if err:
                say(False, f"rule {name}: {err} -- {short(r['query'])}")
                continue
            if r["type"] == "recording":
                lo = hi = None
                if ":ratio" in name:
                    lo, hi = (-1.0, 1.0) if re.search(r"_(gap|shift):", name) else (0.0, 1.0)
                check_values(f"rule {name} (expr)", r["query"], rows, lo, hi)
                rec, err = query(prom, name)
                check_values(f"rule {name} (recorded series)", name, rec, lo, hi)
            else:
                check_values(f"alert {name} (expr; state {r.get('state')})", r["query"], rows, allow_empty=True)

    # Counters only go up; the run advances.
    sel = '{__name__=~"peerwatch_.+_total|peerwatch_.+_(bucket|sum|count)|jvm_gc_pause_seconds_(count|sum)"}'
    t1 = time.time()
    before, err1 = query(prom, sel, t1)
    time.sleep(3)
    after, err2 = query(prom, sel, t1 + 3)
    key = lambda m: tuple(sorted(m.items()))
    if before is None or after is None or not before:
        say(False, f"counters: {err1 or err2 or 'no counter series'}")
    else:
        b = {key(m): v for m, v in before if COUNTER_RE.search(m.get("__name__", ""))}
        a = {key(m): v for m, v in after if COUNTER_RE.search(m.get("__name__", ""))}
        down = [(k, b[k], a[k]) for k in b if k in a and a[k] < b[k]]
        gone = [k for k in b if k not in a]
        say(not down and not gone,
            f"{len(b)} counter series non-decreasing over 3 s" if not down and not gone else
            f"counters: {len(down)} decreased (e.g. {dict(down[0][0]) if down else ''} "
            f"{down[0][1] if down else ''} -> {down[0][2] if down else ''}), {len(gone)} vanished")
    for name in ("peerwatch_tick", "peerwatch_events_total"):
        x, _ = query(prom, f"sum({name})", t1)
        y, _ = query(prom, f"sum({name})", t1 + 3)
        ok = bool(x) and bool(y) and y[0][1] > x[0][1]
        say(ok, f"{name} advances over 3 s ({x[0][1]:g} -> {y[0][1]:g})" if x and y else f"{name}: no data")

    print(f"promql: {n_dash} dashboard expressions and {n_rules} rule expressions checked", flush=True)
    return 0


def cmd_apart(prom, scenario, first, second):
    """Two `serve` processes of the same scenario (so the same topology), told apart by `run`."""
    topology = scenario_topology(scenario)
    for label in (first, second):
        rows, err = query(prom, f'peerwatch_run_info{{topology="{topology}",run="{label}"}}')
        say(bool(rows) and len(rows) == 1,
            f"peerwatch_run_info of run {label!r}: {len(rows) if rows else 0} series"
            + (f" ({err})" if err else ""))
    # The test query: one topology, both runs' progress side by side, one row per run.
    expr = f'max by (run) (peerwatch_tick{{topology="{topology}",world="with_peers"}})'
    rows, err = query(prom, expr)
    runs = sorted(m.get("run", "") for m, _ in rows or [])
    say(runs == sorted([first, second]),
        f"two serve processes of topology {topology!r} apart by run: {runs} -- {short(expr)}"
        + (f" ({err})" if err else ""))
    # Without the run label they would mix: the same query without it gives one series.
    rows, _ = query(prom, f'count by (topology, world) (peerwatch_tick{{topology="{topology}"}})')
    say(bool(rows) and all(v == 2 for _, v in rows),
        f"without run, each (topology, world) series of peerwatch_tick has 2 sources: "
        f"{sorted(v for _, v in rows or [])}")
    # The run selector picks one: $run set to the second run.
    rows, err = query(prom, f'peerwatch_tick{{topology="{topology}",run="{second}"}}')
    say(bool(rows) and {m.get("run") for m, _ in rows} == {second},
        f"run={second!r} selects only that run's series ({len(rows or [])})")
    return 0


def cmd_sweep(prom, name):
    """The sweep progress meters of a running cluster sweep (coordinator and one worker)."""
    for metric in ("peerwatch_sweep_runs_done", "peerwatch_sweep_runs_planned",
                   "peerwatch_sweep_workers", "peerwatch_sweep_runs_requeued_total",
                   "peerwatch_sweep_worker_runs_total"):
        rows, err = query(prom, f'{metric}{{run="{name}"}}')
        say(bool(rows), f"sweep metric {metric}{{run={name!r}}} has {len(rows or [])} series"
            + (f" ({err})" if err else ""))
    rows, _ = query(prom, f'peerwatch_sweep_worker_runs_total{{run="{name}"}}')
    say(bool(rows) and any(v >= 1 for _, v in rows),
        f"sweep worker(s) {sorted(m.get('worker') for m, _ in rows or [])} finished runs")
    t1 = time.time()
    a, _ = query(prom, f'peerwatch_sweep_runs_done{{run="{name}"}}', t1 - 10)
    b, _ = query(prom, f'peerwatch_sweep_runs_done{{run="{name}"}}', t1)
    ok = bool(a) and bool(b) and b[0][1] > a[0][1]
    say(ok, f"the sweep advances over 10 s ({a[0][1]:g} -> {b[0][1]:g} runs)" if a and b
        else "the sweep advances: no data")
    return 0


def main(argv):
    if len(argv) >= 3 and argv[0] == "wait-http":
        return cmd_wait_http(argv[1], argv[2])
    if len(argv) >= 4 and argv[0] == "wait-data":
        return cmd_wait_data(argv[1], argv[2], argv[3])
    if len(argv) == 5 and argv[0] == "apart":
        return cmd_apart(argv[1], argv[2], argv[3], argv[4])
    if len(argv) == 3 and argv[0] == "sweep":
        return cmd_sweep(argv[1], argv[2])
    if len(argv) >= 5 and argv[0] == "check":
        return cmd_check(argv[1], argv[2], argv[3], argv[4:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
