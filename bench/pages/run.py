#!/usr/bin/env python3
"""Builds the generated pages benchmark with Herald and with Hugo, in the same run, and compares them.

    run.py WORK [--herald PATH] [--runs 3] [--pages 10000] [--json FILE]

Each tool builds into a fresh output folder under `/usr/bin/time -v`, alternating Herald and Hugo so that both see
the same machine load; the median of each measure over the runs is reported. Both outputs are checked to hold one
index.html per page before any number is printed.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
NOW = "2026-12-01T00:00:00Z"


def timed(command, log):
    """Runs `command` under GNU time; returns wall, user+sys seconds and peak RSS in MiB."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with open(log, "w") as f:
        f.write(result.stderr)
    if result.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (result.returncode, " ".join(command), result.stderr[-3000:]))

    def field(name):
        match = re.search(r"^\s*" + re.escape(name) + r": (.+)$", result.stderr, re.M)
        if not match:
            sys.exit("no '%s' in the output of /usr/bin/time" % name)
        return match.group(1).strip()

    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        wall = wall * 60 + float(part)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return {"wall": wall, "cpu": cpu, "rss": int(field("Maximum resident set size (kbytes)")) / 1024}


def count_pages(folder):
    return sum(1 for _, _, files in os.walk(folder) for name in files if name == "index.html")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("work")
    parser.add_argument("--herald", default=os.path.join(REPO, ".build", "release", "herald"))
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--json", help="also write the measurements here")
    args = parser.parse_args()

    work = os.path.abspath(args.work)
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), work, "--pages", str(args.pages)], check=True)
    herald_out, hugo_out = os.path.join(work, "herald-out"), os.path.join(work, "hugo-out")
    commands = {
        "herald": [args.herald, "build", "--project", os.path.join(work, "herald"), "--out", herald_out, "--now", NOW],
        "hugo": [args.hugo, "--source", os.path.join(work, "hugo"), "--destination", hugo_out, "--quiet"],
    }
    outputs = {"herald": herald_out, "hugo": hugo_out}
    runs = {"herald": [], "hugo": []}
    for run in range(args.runs):
        for tool in ("herald", "hugo"):
            shutil.rmtree(outputs[tool], ignore_errors=True)
            measure = timed(commands[tool], os.path.join(work, "%s-%d.time" % (tool, run)))
            built = count_pages(outputs[tool])
            expected = args.pages + (1 if tool == "herald" else 0)  # Herald adds the tenant index at <out>/index.html
            if built < args.pages:
                sys.exit("%s built %d pages, expected %d" % (tool, built, expected))
            runs[tool].append(measure)
            print("run %d %-6s wall %6.2f s  cpu %6.2f s  peak %7.1f MiB" % (run + 1, tool, measure["wall"], measure["cpu"], measure["rss"]),
                  flush=True)

    median = {tool: {k: statistics.median(m[k] for m in runs[tool]) for k in ("wall", "cpu", "rss")} for tool in runs}
    version = subprocess.run([args.hugo, "version"], capture_output=True, text=True).stdout.split()[:2]
    herald_version = subprocess.run([args.herald, "version"], capture_output=True, text=True).stdout.strip()
    print()
    print("pages benchmark: %d pages, median of %d runs, %d cores (%s; %s)" % (args.pages, args.runs, os.cpu_count(),
                                                                             herald_version or "herald", " ".join(version)))
    print("%-8s %12s %10s %12s %14s" % ("", "pages/s", "wall s", "cpu s", "peak MiB"))
    for tool in ("herald", "hugo"):
        m = median[tool]
        print("%-8s %12.0f %10.2f %12.2f %14.1f" % (tool, args.pages / m["wall"], m["wall"], m["cpu"], m["rss"]))
    h, g = median["herald"], median["hugo"]
    print("%-8s %11.2fx %9.2fx %11.2fx %13.2fx" % ("hugo/herald", h["wall"] and g["wall"] / h["wall"], g["wall"] / h["wall"],
                                                  g["cpu"] / h["cpu"], g["rss"] / h["rss"]))
    verdict = g["wall"] / h["wall"] >= 2 and h["rss"] < g["rss"]
    print("target (Herald at least 2x faster than Hugo, with less memory): %s" % ("met" if verdict else "NOT met"))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"pages": args.pages, "runs": runs, "median": median}, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
