#!/usr/bin/env python3
"""`make bench-email`: Herald's CSS inliner against css-inline and premailer, in the same run, and a 100,000-message
render of one newsletter issue.

    run.py --bench BENCH_EXE --python VENV_PYTHON --inputs benchmarks.json [--min-seconds 1] [--subscribers 100000] [--json FILE]

Each inliner inlines every input of css-inline's benchmarks.json (shared/bench/css-inline, see its README). A time is
the median of 5 rounds of the mean **thread CPU time** per call (Herald: CLOCK_THREAD_CPUTIME_ID; Python:
time.thread_time), each round one batch of calls between two clock reads (the batch doubles until it lasts a fifth of
--min-seconds), after one warm-up call: on a shared 2-core machine this is steadier than wall time, and it is the
same measure on both sides. premailer runs `big_page` once (about ten seconds a call). The render runs under
/usr/bin/time -v and reports wall time, messages per second and peak RSS.
"""
import argparse
import json
import os
import re
import subprocess
import sys

TARGET_CSS_INLINE = 2.0   # Herald at most 2x css-inline's time on every input
TARGET_PREMAILER = 20.0   # Herald at least 20x faster than premailer
TARGET_RENDER_SECONDS = 10.0

PYTHON_SIDE = r'''
import json, sys, time, warnings, logging
warnings.filterwarnings("ignore")
logging.disable(logging.CRITICAL)
import css_inline, premailer
tool, path, minimum = sys.argv[1], sys.argv[2], float(sys.argv[3])
inputs = json.load(open(path))
def measure(f, minimum, once=False):
    if once:
        t = time.thread_time(); f(); return time.thread_time() - t
    f()
    batch = 1
    while True:
        t = time.thread_time()
        for _ in range(batch): f()
        if time.thread_time() - t >= minimum / 5 or batch >= 1 << 24: break
        batch *= 2
    rounds = []
    for _ in range(5):
        t = time.thread_time()
        for _ in range(batch): f()
        rounds.append((time.thread_time() - t) / batch)
    rounds.sort(); return rounds[len(rounds) // 2]
for item in inputs:
    html = item["html"]
    if tool == "css-inline":
        f = lambda: css_inline.inline(html)
    else:
        f = lambda: premailer.Premailer(html, allow_network=False).transform()
    once = tool == "premailer" and len(html) > 100000
    print(json.dumps({"name": item["name"], "us": measure(f, minimum, once) * 1e6, "calls": "1" if once else "median"}), flush=True)
'''


def lines(command):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (result.returncode, " ".join(command), result.stderr[-3000:]))
    return [json.loads(l) for l in result.stdout.splitlines() if l.startswith("{")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--inputs", required=True)
    parser.add_argument("--templates", default=os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "templates"))
    parser.add_argument("--min-seconds", type=float, default=1.0)
    parser.add_argument("--subscribers", type=int, default=100000)
    parser.add_argument("--json")
    args = parser.parse_args()
    if not os.path.exists(args.inputs):
        print("bench-email: %s is absent (../shared); skipped" % args.inputs)
        return 0

    herald = {r["name"]: r for r in lines([args.bench, "inline", args.inputs, "--min-seconds", str(args.min_seconds)])}
    css = {r["name"]: r for r in lines([args.python, "-c", PYTHON_SIDE, "css-inline", args.inputs, str(args.min_seconds)])}
    prem = {r["name"]: r for r in lines([args.python, "-c", PYTHON_SIDE, "premailer", args.inputs, str(args.min_seconds)])}

    print("CSS inlining, CPU time per call (median of rounds; premailer big_page: one call)\n")
    header = "%-14s %10s %12s %12s %14s %12s %12s" % ("input", "bytes", "Herald µs", "css-inline µs", "premailer µs", "H/css-inline", "premailer/H")
    print(header)
    print("-" * len(header))
    rows, worst_css, worst_prem = [], 0.0, float("inf")
    for name, h in herald.items():
        c, p = css[name]["us"], prem[name]["us"]
        ratio, speedup = h["us"] / c, p / h["us"]
        worst_css, worst_prem = max(worst_css, ratio), min(worst_prem, speedup)
        rows.append({"name": name, "bytes": h["bytes"], "herald_us": h["us"], "css_inline_us": c, "premailer_us": p,
                     "herald_over_css_inline": ratio, "premailer_over_herald": speedup})
        print("%-14s %10d %12.1f %12.1f %14.1f %11.2fx %11.1fx" % (name, h["bytes"], h["us"], c, p, ratio, speedup))
    print()
    print("worst Herald/css-inline: %.2fx (target <= %.1fx: %s)" % (worst_css, TARGET_CSS_INLINE, "met" if worst_css <= TARGET_CSS_INLINE else "NOT met"))
    print("worst premailer/Herald:  %.1fx (target >= %.0fx: %s)" % (worst_prem, TARGET_PREMAILER, "met" if worst_prem >= TARGET_PREMAILER else "NOT met"))

    result = subprocess.run(["/usr/bin/time", "-v", args.bench, "render", "--subscribers", str(args.subscribers), "--templates", args.templates],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit("render failed:\n" + result.stderr[-3000:])
    render = json.loads(result.stdout.strip().splitlines()[-1])
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", result.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", result.stderr)
    render["process_peak_rss_mib"] = int(rss.group(1)) / 1024 if rss else None
    render["process_cpu_seconds"] = float(user.group(1)) + float(system.group(1)) if user and system else None
    print()
    print("Render: %d personalised .eml for one issue in %.2f s wall (%.0f messages/s), %.2f s CPU, peak RSS %.0f MiB, %.0f MB of messages"
          % (render["messages"], render["seconds"], render["messages_per_second"], render["process_cpu_seconds"] or 0,
             render["process_peak_rss_mib"] or 0, render["eml_bytes"] / 1e6))
    print("target < %.0f s: %s" % (TARGET_RENDER_SECONDS, "met" if render["seconds"] < TARGET_RENDER_SECONDS else "NOT met"))
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump({"inline": rows, "render": render, "load_average": os.getloadavg()}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
