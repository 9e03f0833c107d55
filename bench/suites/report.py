#!/usr/bin/env python3
"""Prints the bench/suites.sh summary from the files each run left in OUT/rows-N/. usage: report.py OUT CONCURRENCY N..."""
import json
import os
import sys


def load(path):
    return json.load(open(path)) if os.path.exists(path) else None


out, c, sizes = sys.argv[1], int(sys.argv[2]), [int(n) for n in sys.argv[3:]]
rates = {}
for n in sizes:
    d = os.path.join(out, f"rows-{n}")
    raw, t, wall, nm, nmw = (load(os.path.join(d, f)) for f in ("raw.json", "timings.json", "wall.json", "newman.json", "newman-wall.json"))
    print(f"\n== {n} rows, concurrency {c} ==")
    if t is None:
        print(f"  suites: no timings (exit {wall and wall['exit']}); see {d}/test.log")
        continue
    exec_s = (t["lastCaseEndUnixMs"] - t["firstProbeUnixMs"]) / 1000
    total_s = (wall["endUnixMs"] - wall["startUnixMs"]) / 1000
    cold_s = (t["firstProbeUnixMs"] - wall["startUnixMs"]) / 1000
    rate = t["cases"] / exec_s
    rates[n] = rate
    http_ms = 1000 * t["httpSeconds"] / max(1, t["probed"])
    print(f"  suites:   {rate:8.1f} cases/s (first probe -> last case, {exec_s:.3f} s); end to end {t['cases'] / total_s:.1f} cases/s ({total_s:.3f} s wall, exit {wall['exit']}); verdicts {t['verdicts']}")
    print(f"            cold start (dotnet test start -> first probe) {cold_s:.3f} s")
    print(f"            wall per case {1000 * exec_s / t['cases']:.3f} ms; HTTP per probe {http_ms:.3f} ms (mean, {c} in flight);"
          f" overhead per case {1000 * (exec_s * c - t['httpSeconds']) / t['cases'] / c:.3f} ms wall"
          f" (= (wall x {c} - HTTP) / cases / {c}); inside the runner {1000 * (t['caseSeconds'] - t['httpSeconds']) / t['cases']:.3f} ms/case not in HTTP")
    print(f"            peak memory: testhost peak working set {t['peakWorkingSetBytes'] / 2**20:.1f} MiB; /usr/bin/time max RSS (largest process of the tree) {wall['maxRssKb'] / 1024:.1f} MiB")
    if raw:
        print(f"  raw loop: {raw['rate']:8.1f} req/s ({raw['seconds']:.3f} s, {raw['mismatches']} status mismatches)   suites / raw = {rate / raw['rate']:.3f}")
    if nm:
        timings = nm["run"]["timings"]
        n_s = (timings["completed"] - timings["started"]) / 1000
        stats = nm["run"]["stats"]
        n_rate = n / n_s
        print(f"  newman:   {n_rate:8.1f} req/s ({n_s:.3f} s run, {(nmw['endUnixMs'] - nmw['startUnixMs']) / 1000:.3f} s wall incl. node start;"
              f" assertions {stats['assertions']['total']} total, {stats['assertions']['failed']} failed)   suites / newman = {rate / n_rate:.1f}x")
if len(rates) > 1:
    a, b = min(rates), max(rates)
    print(f"\nlinearity: {rates[a]:.1f} cases/s at {a} rows vs {rates[b]:.1f} cases/s at {b} rows (ratio {rates[b] / rates[a]:.3f}; 1.0 = linear)")
