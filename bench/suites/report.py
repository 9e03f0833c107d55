#!/usr/bin/env python3
"""Prints the bench/suites.sh summary from the files each run left in OUT/rows-N/. usage: report.py OUT CONCURRENCY N..."""
import glob
import json
import os
import sys


def load(path):
    return json.load(open(path)) if os.path.exists(path) else None


def suite_runs(d, kind=""):
    """Every suites run of a size as (rate, timings, wall), sorted by rate; kind "nb-" for the --no-build runs."""
    runs = []
    for tf in sorted(glob.glob(os.path.join(d, f"timings-{kind}r*.json"))) or ([] if kind else [os.path.join(d, "timings.json")]):
        wf = tf.replace("timings-", "wall-")
        t, w = load(tf), load(wf)
        if t and w:
            runs.append(((t["cases"] * 1000) / (t["lastCaseEndUnixMs"] - t["firstProbeUnixMs"]), t, w))
    return sorted(runs, key=lambda r: r[0])


def newman_rate(nm, n):
    timings = nm["run"]["timings"]
    seconds = (timings["completed"] - timings["started"]) / 1000
    return n / seconds, seconds


out, c, sizes = sys.argv[1], int(sys.argv[2]), [int(n) for n in sys.argv[3:]]
rates, newman_rates, windows, walls, nb_rates, dr_rates = {}, {}, {}, {}, {}, {}
for n in sizes:
    d = os.path.join(out, f"rows-{n}")
    raw, nm, nmw, pipe, plat, platw = (load(os.path.join(d, f)) for f in (
        "raw.json", "newman.json", "newman-wall.json", "pipeline.json", "platform.json", "platform-wall.json"))
    print(f"\n== {n} rows, concurrency {c} ==")
    runs = suite_runs(d)
    if not runs:
        print(f"  suites: no timings; see {d}/test*.log")
        continue
    _, t, wall = runs[len(runs) // 2]
    exec_s = (t["lastCaseEndUnixMs"] - t["firstProbeUnixMs"]) / 1000
    total_s = (wall["endUnixMs"] - wall["startUnixMs"]) / 1000
    cold_s = (t["firstProbeUnixMs"] - wall["startUnixMs"]) / 1000
    rate = t["cases"] / exec_s
    rates[n] = rate
    windows[n], walls[n] = exec_s, total_s
    http_ms = 1000 * t["httpSeconds"] / max(1, t["probed"])
    if len(runs) > 1:
        print(f"  suites, {len(runs)} runs: " + ", ".join(f"{r[0]:.1f}" for r in runs) + " cases/s; the median run below")
    print(f"  suites:   {rate:8.1f} cases/s (first probe -> last case, {exec_s:.3f} s); end to end {t['cases'] / total_s:.1f} cases/s ({total_s:.3f} s wall, exit {wall['exit']}); verdicts {t['verdicts']}")
    print(f"            cold start (dotnet test start -> first probe) {cold_s:.3f} s")
    print(f"            wall per case {1000 * exec_s / t['cases']:.3f} ms; HTTP per probe {http_ms:.3f} ms (mean, {c} in flight);"
          f" overhead per case {1000 * (exec_s * c - t['httpSeconds']) / t['cases'] / c:.3f} ms wall"
          f" (= (wall x {c} - HTTP) / cases / {c}); inside the runner {1000 * (t['caseSeconds'] - t['httpSeconds']) / t['cases']:.3f} ms/case not in HTTP")
    if "cpuSeconds" in t and "cpuSeconds" in wall:
        print(f"            CPU: {1000 * wall['cpuSeconds'] / t['cases']:.3f} ms/case machine-wide during `dotnet test`, its build check included ({wall['cpuSeconds']:.2f} s, /proc/stat),"
              f" of which the testhost {1000 * t['cpuSeconds'] / t['cases']:.3f} ms/case ({t['cpuSeconds']:.2f} s)")
    if t.get("threadCpuSeconds"):
        top = sorted(t["threadCpuSeconds"].items(), key=lambda kv: -kv[1])[:7]
        print("            testhost CPU by thread (s): " + ", ".join(f"{k} {v:.2f}" for k, v in top))
    print(f"            peak memory: {wall['maxRssKb'] / 1024:.1f} MiB resident at most (/usr/bin/time -v: the largest process of the tree, the suites' test app,"
          f" whose end of run comes after the teardown); {t['peakWorkingSetBytes'] / 2**20:.1f} MiB by the teardown (VmHWM)")
    if raw:
        print(f"  raw loop: {raw['rate']:8.1f} req/s ({raw['seconds']:.3f} s, {raw['mismatches']} status mismatches)   suites / raw = {rate / raw['rate']:.3f}")
    if pipe:
        ratio = f"   pipeline / raw = {pipe['rate'] / raw['rate']:.3f}" if raw else ""
        print(f"  pipeline: {pipe['rate']:8.1f} cases/s ({pipe['seconds']:.3f} s; the framework without the test platform: same runner, checks,"
              f" Allure writer; {pipe['cpuMsPerCase']:.3f} ms CPU/case incl. the reference API; {pipe['notPassed']} not passed){ratio}")
    if plat and platw:
        p_exec = (plat["lastCaseEndUnixMs"] - plat["firstCaseUnixMs"]) / 1000
        p_total = (platw["endUnixMs"] - platw["startUnixMs"]) / 1000
        print(f"  platform: {n / max(p_exec, 0.001):8.1f} cases/s (first case -> last case, {p_exec:.3f} s); end to end {n / p_total:.1f} cases/s"
              f" ({p_total:.3f} s wall); CPU {1000 * platw['cpuSeconds'] / n:.3f} ms/case machine-wide, testhost {1000 * plat['cpuSeconds'] / n:.3f} ms/case"
              f"  (the test platform alone: {n} empty NUnit cases shaped like the suites')")
    for kind, label, what, store in (("nb-", "--no-build", "the same run after a build: no build check", nb_rates),
                                      ("dr-", "run directly", "the test app started by itself: no `dotnet test` process", dr_rates)):
        more = suite_runs(d, kind)
        if not more:
            continue
        m_rate, nt, nw = more[len(more) // 2]
        store[n] = m_rate
        ratio = f"   suites / raw = {m_rate / raw['rate']:.3f}" if raw else ""
        print(f"  {label}, {len(more)} runs: " + ", ".join(f"{r[0]:.1f}" for r in more) + f" cases/s; median {m_rate:.1f} cases/s,"
              f" cold start {(nt['firstProbeUnixMs'] - nw['startUnixMs']) / 1000:.3f} s, end to end {nt['cases'] * 1000 / (nw['endUnixMs'] - nw['startUnixMs']):.1f} cases/s,"
              f" CPU {1000 * nw['cpuSeconds'] / nt['cases']:.3f} ms/case machine-wide ({what}){ratio}")
    if nm:
        n_rate, n_s = newman_rate(nm, n)
        newman_rates[n] = n_rate
        stats = nm["run"]["stats"]
        print(f"  newman:   {n_rate:8.1f} req/s ({n_s:.3f} s run, {(nmw['endUnixMs'] - nmw['startUnixMs']) / 1000:.3f} s wall incl. node start;"
              f" assertions {stats['assertions']['total']} total, {stats['assertions']['failed']} failed)   suites / newman = {rate / n_rate:.1f}x"
              f" (end to end {t['cases'] / total_s / n_rate:.1f}x)" + (f"; --no-build {nb_rates[n] / n_rate:.1f}x" if n in nb_rates else "")
              + (f"; run directly {dr_rates[n] / n_rate:.1f}x" if n in dr_rates else ""))
if len(rates) > 1:
    a, b = min(rates), max(rates)
    print(f"\nrate: {rates[a]:.1f} cases/s at {a} rows vs {rates[b]:.1f} cases/s at {b} rows (ratio {rates[b] / rates[a]:.3f})")
    # Linear time means a fixed start-up cost plus the same cost for every further row: the marginal ms per row between
    # consecutive sizes stays the same (it would grow if anything were quadratic).
    ns = sorted(windows)
    marg = [(x, y, 1000 * (windows[y] - windows[x]) / (y - x), 1000 * (walls[y] - walls[x]) / (y - x)) for x, y in zip(ns, ns[1:])]
    print("linearity (marginal time per extra row): " + "; ".join(
        f"{x} -> {y} rows: {w:.3f} ms/row first probe -> last case, {e:.3f} ms/row end to end" for x, y, w, e in marg))
