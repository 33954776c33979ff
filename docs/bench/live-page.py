#!/usr/bin/env python3
"""What the live page costs `serve --unpaced`: ticks per second of the same run without a client,
with one headless Chromium showing the page (which polls /status and /series every second and
redraws its charts), and with a poller that makes exactly the page's requests and draws nothing
(the endpoints' own cost, without the browser's CPU on the same machine).

    python3 docs/bench/live-page.py [PAIRS] [WINDOW_S] [SCENARIO]   (from the project root)

Each arm starts `java -jar simulator/target/peerwatch.jar serve SCENARIO --unpaced --ticks
10000000 --port 0 --ledger none --quiet` (with the world without peers, serve's default); the
browser arm then starts Chromium on the page's URL. After a settling time (SETTLE_S: the JIT
warms up, Chromium has started and drawn the page) it reads the tick from /status, again WINDOW_S
later, and the arm's throughput is the ticks in between ÷ the time between — steady state, the
browser's own start-up excluded (on this 2-core machine it would otherwise dominate). Then serve
gets SIGTERM (and Chromium, started here, is terminated). The two arms alternate pair by pair
(none, browser, poller; then rotated) so that a drift in the machine's load falls on all. Prints
each round, each arm's median and the median of the per-round ratios to the no-client arm.
"""
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 6
window = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
scenario = sys.argv[3] if len(sys.argv) > 3 else "config/scenarios/hub-trust-grows.yaml"
SETTLE_S = 6.0
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
jar = os.path.join(root, "simulator", "target", "peerwatch.jar")
chromium = shutil.which("chromium") or "/usr/bin/chromium"


def tick(url):
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


def one(mode):
    tmp = tempfile.mkdtemp(prefix="live-page-bench.")
    cmd = ["java", "-jar", jar, "serve", scenario, "--unpaced", "--ticks", "10000000", "--port",
           "0", "--ledger", "none", "--quiet", "--out", os.path.join(tmp, "out")]
    p = subprocess.Popen(cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = None
    for line in p.stderr:
        m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if m:
            url = m.group(1)
            break
    b = None
    try:
        if url is None:
            raise SystemExit("serve printed no URL")
        stop = threading.Event()
        if mode == "poller":
            threading.Thread(target=poller, args=(url, stop), daemon=True).start()
        if mode == "browser":
            b = subprocess.Popen(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--user-data-dir=" + os.path.join(tmp, "profile"), "--remote-debugging-port=0",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", url],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(SETTLE_S)
        t0, k0 = time.monotonic(), tick(url)
        time.sleep(window)
        t1, k1 = time.monotonic(), tick(url)
        stop.set()
        return (k1 - k0) / (t1 - t0)
    finally:
        if b is not None:
            b.terminate()  # only the Chromium this script started
            b.wait(30)
        p.send_signal(signal.SIGTERM)  # only the serve this script started
        for _ in p.stderr:
            pass
        p.wait(120)
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    print(f"load average before: {open('/proc/loadavg').read().split()[:3]}", flush=True)
    arms = ["none", "browser", "poller"]
    got = {m: [] for m in arms}
    ratios = {m: [] for m in arms[1:]}
    for i in range(pairs):
        order = arms[i % 3:] + arms[: i % 3]
        r = {m: one(m) for m in order}
        for m in arms:
            got[m].append(r[m])
        for m in arms[1:]:
            ratios[m].append(r[m] / r["none"])
        print(f"round {i + 1}: no client {r['none']:.0f} ticks/s, one browser {r['browser']:.0f}"
              f" ({100 * (ratios['browser'][-1] - 1):+.1f}%), poller {r['poller']:.0f}"
              f" ({100 * (ratios['poller'][-1] - 1):+.1f}%)", flush=True)
    med = {m: statistics.median(got[m]) for m in arms}
    print(f"median ticks/s: no client {med['none']:.0f}, one browser {med['browser']:.0f},"
          f" poller {med['poller']:.0f}; median of the rounds' ratios: one browser"
          f" {100 * (statistics.median(ratios['browser']) - 1):+.1f}%, poller"
          f" {100 * (statistics.median(ratios['poller']) - 1):+.1f}%")
    print(f"load average after: {open('/proc/loadavg').read().split()[:3]}")


main()
