#!/usr/bin/env python3
"""What the live page costs `serve --unpaced`: ticks per second of one and the same run while no
client is attached, while one headless Chromium shows the page (it polls /status and /series every
second and redraws its charts), and while a poller makes exactly the page's requests and draws
nothing (the endpoints' own cost, without the browser's CPU on the same machine).

    python3 docs/bench/live-page.py [--rounds 2] [--blocks 3] [--window 8] [--scenario FILE]
    (from the project root; builds nothing: run ./peerwatch --help once first)

Each round starts one `java -XX:+UseParallelGC -jar simulator/target/peerwatch.jar serve SCENARIO
--unpaced --ticks 100000000 --port 0 --ledger none --quiet` (with the world without peers, serve's
default) and lets it warm up (WARMUP_S: the JIT). Then, in that same process, it measures BLOCKS
blocks of windows, one window per arm, the arms' order rotated block by block (none, browser,
poller; then browser, poller, none; ...). Before a window its arm is set up and settles (Chromium
started and the page drawn; the poller's first requests) and after it the arm is torn down, so
start-up is never measured. A window's throughput is the ticks between two reads of /status,
WINDOW seconds apart. Alternating within one process removes the process-to-process differences
(JIT, memory layout) that dominate on a shared machine, and a slow drift of the run's own speed (its
memory grows with the ticks) falls on every arm alike: each client window is compared with the mean
of the nearest no-client windows before and after it in the same process.

Prints every window, then per arm the median ticks/s and the median of its ratios to the no-client
windows: the page's overhead. With the defaults (2 rounds x 3 blocks x 8 s) it takes about 4
minutes. The target (issue 15): one browser attached costs at most 2%.
"""
import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request

WARMUP_S = 10.0
SETTLE_S = {"none": 1.0, "poller": 2.0, "browser": 5.0}
ARMS = ["none", "browser", "poller"]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
jar = os.path.join(root, "simulator", "target", "peerwatch.jar")
chromium = shutil.which("chromium") or "/usr/bin/chromium"


def status_tick(url):
    with urllib.request.urlopen(url + "status", timeout=10) as r:
        return json.loads(r.read())["tick"]


def poller(url, stop):
    """What live.js does: every second /status and /series?since=LAST, the answers parsed."""
    last = -1
    while not stop.is_set():
        with urllib.request.urlopen(url + "status", timeout=10) as r:
            json.loads(r.read())
        with urllib.request.urlopen(f"{url}series?since={last}", timeout=10) as r:
            ticks = json.loads(r.read())["ticks"]
        if ticks:
            last = ticks[-1]
        stop.wait(1.0)


class Arm:
    """One client arm, set up before its window and torn down after it."""

    def __init__(self, mode, url, tmp):
        self.mode, self.url, self.tmp = mode, url, tmp
        self.stop = threading.Event()
        self.browser = None

    def __enter__(self):
        if self.mode == "poller":
            threading.Thread(target=poller, args=(self.url, self.stop), daemon=True).start()
        elif self.mode == "browser":
            profile = tempfile.mkdtemp(prefix="chromium.", dir=self.tmp)
            self.browser = subprocess.Popen(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                 "--window-size=1366,768", "--remote-debugging-port=0",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", self.url],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(SETTLE_S[self.mode])
        return self

    def __exit__(self, *exc):
        self.stop.set()
        if self.browser is not None:
            self.browser.terminate()  # only the Chromium this script started
            try:
                self.browser.wait(30)
            except subprocess.TimeoutExpired:
                self.browser.kill()
                self.browser.wait(30)
        time.sleep(0.5)


def round_(index, args, tmp):
    """One serve process: warm-up, then the blocks of windows. Returns [(block, arm, ticks/s)]."""
    out = os.path.join(tmp, f"out{index}")
    cmd = ["java", "-XX:+UseParallelGC", "-jar", jar, "serve", args.scenario, "--unpaced",
           "--ticks", "100000000", "--port", "0", "--ledger", "none", "--quiet", "--out", out]
    p = subprocess.Popen(cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True, errors="replace")
    url = None
    for line in p.stderr:
        m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if m:
            url = m.group(1)
            break
    drain = threading.Thread(target=lambda: [None for _ in p.stderr], daemon=True)
    drain.start()
    windows = []
    try:
        if url is None:
            raise SystemExit("serve printed no URL: " + " ".join(cmd))
        time.sleep(WARMUP_S)
        for b in range(args.blocks):
            k = (b + index) % len(ARMS)
            for mode in ARMS[k:] + ARMS[:k]:
                with Arm(mode, url, tmp):
                    t0, k0 = time.monotonic(), status_tick(url)
                    time.sleep(args.window)
                    t1, k1 = time.monotonic(), status_tick(url)
                rate = (k1 - k0) / (t1 - t0)
                windows.append((b, mode, rate))
                print(f"round {index + 1} block {b + 1}: {mode:8s} {rate:10.0f} ticks/s", flush=True)
    finally:
        p.send_signal(signal.SIGTERM)  # only the serve this script started
        try:
            p.wait(120)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(30)
    return windows


def ratios(windows, mode):
    """Each `mode` window over the mean of the nearest no-client windows before and after it."""
    out = []
    for i, (_, m, rate) in enumerate(windows):
        if m != mode:
            continue
        before = next((w[2] for w in reversed(windows[:i]) if w[1] == "none"), None)
        after = next((w[2] for w in windows[i + 1:] if w[1] == "none"), None)
        near = [x for x in (before, after) if x is not None]
        if near:
            out.append(rate / statistics.mean(near))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=2, help="serve processes (default 2)")
    ap.add_argument("--blocks", type=int, default=3, help="windows per arm and process (default 3)")
    ap.add_argument("--window", type=float, default=8.0, help="seconds per window (default 8)")
    ap.add_argument("--scenario", default="config/scenarios/hub-trust-grows.yaml")
    args = ap.parse_args()
    if not os.path.isfile(jar):
        raise SystemExit(f"{jar} is missing: run ./peerwatch --help once to build it")
    print(f"load average before: {open('/proc/loadavg').read().split()[:3]}; "
          f"{os.cpu_count()} cores", flush=True)
    tmp = tempfile.mkdtemp(prefix="live-page-bench.")
    got = {m: [] for m in ARMS}
    rel = {m: [] for m in ARMS[1:]}
    try:
        for r in range(args.rounds):
            w = round_(r, args, tmp)
            for _, m, rate in w:
                got[m].append(rate)
            for m in ARMS[1:]:
                rel[m].extend(ratios(w, m))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    med = {m: statistics.median(got[m]) for m in ARMS}
    print(f"median ticks/s: no client {med['none']:.0f}, one browser {med['browser']:.0f},"
          f" poller {med['poller']:.0f}")
    for m, what in (("browser", "one browser attached"), ("poller", "the page's requests alone")):
        x = sorted(rel[m])
        print(f"{what}: median {100 * (statistics.median(x) - 1):+.1f}% vs no client "
              f"({len(x)} windows; range {100 * (x[0] - 1):+.1f}% to {100 * (x[-1] - 1):+.1f}%)")
    print(f"load average after: {open('/proc/loadavg').read().split()[:3]}")


if __name__ == "__main__":
    main()
