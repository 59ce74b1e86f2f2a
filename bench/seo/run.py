#!/usr/bin/env python3
"""The SEO benchmark: Herald audits the Python 3.11 docs crawl, and xmllint parses the same files, in the same run.

    run.py WORK [--herald PATH] [--runs 5] [--json FILE] [--compare PATH]

The crawl is `herald snapshot import-site` of Debian's python3.11-doc (/usr/share/doc/python3.11/html) into a
project whose one tenant runs the `seo` and `sitemap` plugins. Each run times `xmllint --html --noout` over the
same HTML files (libxml2's parser alone: the parse-only floor) and `herald build --log-format json`, alternating the
two so both see the same machine load. Reported: the medians of the xmllint wall time, of the seo and sitemap plugin
times (from the build's plugin_finished events) and of the whole build; pages/s; and the ratio of the audit
(seo + sitemap) to parse-only. Target: audit <= 1.5x parse-only. `--compare PATH` times a second herald binary
(an older build) in the same runs, for before/after numbers.
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DOCS = "/usr/share/doc/python3.11/html"
NOW = "2026-12-01T06:00:00Z"
DATE = "2026-12-01"


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit("failed (%d): %s\n%s%s" % (result.returncode, " ".join(command[:6]), result.stdout[-2000:], result.stderr[-2000:]))
    return result


def project(work, herald):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "snapshots", "pydocs"))
    with open(os.path.join(work, "herald.yml"), "w") as f:
        f.write("output_dir: out\neditions:\n  audit:\n    plugins: [seo, sitemap]\n")
    with open(os.path.join(work, "snapshots", "pydocs", "tenant.yml"), "w") as f:
        f.write("name: Python 3.11 documentation\nbase_url: https://docs.python.org/3.11/\nedition: audit\n")
    run([herald, "snapshot", "import-site", DOCS, "--base-url", "https://docs.python.org/3.11/", "--tenant", "pydocs",
         "--project", work, "--date", DATE])
    files = []
    for root, _, names in os.walk(DOCS):
        files += [os.path.join(root, n) for n in names if n.endswith(".html")]
    return sorted(files)


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def xmllint(files):
    """Wall and CPU (user + sys) seconds of one xmllint over all files."""
    cpu = child_cpu()
    start = time.perf_counter()
    # Exit status 1 only reports HTML the parser had to repair; the files are still parsed.
    subprocess.run(["xmllint", "--html", "--noout"] + files, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, child_cpu() - cpu


def herald_build(herald, work, out):
    shutil.rmtree(out, ignore_errors=True)
    cpu = child_cpu()
    start = time.perf_counter()
    result = run([herald, "build", "--project", work, "--out", out, "--now", NOW, "--log-format", "json"])
    wall = time.perf_counter() - start
    cpu = child_cpu() - cpu
    plugins = {}
    for line in result.stdout.splitlines():
        event = json.loads(line)
        if event.get("event") == "plugin_finished":
            plugins[event["plugin"]] = event["seconds"]
        if event.get("event") == "tenant_finished" and event.get("status") != "built":
            sys.exit("the pydocs tenant failed: %s" % event.get("message"))
    # Every page has a file:/// canonical, so none is indexable and no sitemap.xml is written; robots.txt always is.
    if not os.path.exists(os.path.join(out, "pydocs", "reports", "seo", "findings.json")) or \
            not os.path.exists(os.path.join(out, "pydocs", "site", "robots.txt")):
        sys.exit("the seo report or robots.txt is missing from the output")
    return plugins.get("seo", 0.0), plugins.get("sitemap", 0.0), wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("work")
    parser.add_argument("--herald", default=os.path.join(REPO, ".build", "release", "herald"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json")
    parser.add_argument("--compare", help="another herald binary to time in the same runs (e.g. the previous commit)")
    args = parser.parse_args()
    if not os.path.isdir(DOCS):
        sys.exit("bench-seo: %s is missing (apt-get install python3.11-doc)" % DOCS)
    work = os.path.abspath(args.work)
    files = project(work, args.herald)
    pages = len(files)
    samples = {"xmllint": [], "xmllint_cpu": [], "seo": [], "sitemap": [], "audit": [], "build": [], "build_cpu": []}
    if args.compare:
        samples.update({"compare_seo": [], "compare_sitemap": [], "compare_audit": []})
    herald_build(args.herald, work, os.path.join(work, "out-warmup"))  # warm the page cache
    for n in range(args.runs):
        wall, cpu = xmllint(files)
        samples["xmllint"].append(wall)
        samples["xmllint_cpu"].append(cpu)
        seo, sitemap, wall, cpu = herald_build(args.herald, work, os.path.join(work, "out-%d" % n))
        samples["build_cpu"].append(cpu)
        samples["seo"].append(seo)
        samples["sitemap"].append(sitemap)
        samples["audit"].append(seo + sitemap)
        samples["build"].append(wall)
        if args.compare:
            seo, sitemap, _, _ = herald_build(args.compare, work, os.path.join(work, "out-compare-%d" % n))
            samples["compare_seo"].append(seo)
            samples["compare_sitemap"].append(sitemap)
            samples["compare_audit"].append(seo + sitemap)
    median = {k: statistics.median(v) for k, v in samples.items()}
    ratio = median["audit"] / median["xmllint"]
    print("SEO benchmark: %d HTML pages of the Python 3.11 docs, median of %d runs" % (pages, args.runs))
    print("%-34s %8s %10s" % ("", "wall s", "pages/s"))
    print("%-34s %8.2f %10.0f" % ("xmllint --html --noout (parse only)", median["xmllint"], pages / median["xmllint"]))
    print("%-34s %8.2f %10.0f" % ("herald seo plugin", median["seo"], pages / median["seo"] if median["seo"] else 0))
    print("%-34s %8.2f %10.0f" % ("herald sitemap plugin", median["sitemap"], pages / median["sitemap"] if median["sitemap"] else 0))
    print("%-34s %8.2f %10.0f" % ("herald audit (seo + sitemap)", median["audit"], pages / median["audit"]))
    print("%-34s %8.2f %10.0f" % ("herald build (load + plugins + write)", median["build"], pages / median["build"]))
    print("audit / parse-only: %.2fx (target <= 1.5x): %s" % (ratio, "met" if ratio <= 1.5 else "NOT met"))
    print("CPU seconds (user + sys): xmllint %.2f, whole herald build %.2f (%.2fx; the build also loads, reports and writes)" % (
        median["xmllint_cpu"], median["build_cpu"], median["build_cpu"] / median["xmllint_cpu"]))
    if args.compare:
        print("%s: seo %.2f s, sitemap %.2f s, audit %.2f s = %.2fx parse-only" % (
            args.compare, median["compare_seo"], median["compare_sitemap"], median["compare_audit"],
            median["compare_audit"] / median["xmllint"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"pages": pages, "runs": args.runs, "median_seconds": median, "samples": samples, "ratio": ratio}, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
