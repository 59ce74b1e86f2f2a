#!/usr/bin/env python3
"""The SEO benchmark: Herald audits two Debian documentation corpora, and xmllint parses the same files, in the same run.

    run.py WORK [--herald PATH] [--runs 5] [--json FILE] [--compare PATH] [--corpus NAME]...

Corpora (each `herald snapshot import-site` into a project of its own whose one tenant runs `seo` and `sitemap`):
  pydocs    Debian's python3.11-doc, /usr/share/doc/python3.11/html (530 pages)
  handbook  Debian's debian-handbook, /usr/share/doc/debian-handbook/html (3,302 pages in 26 languages)

Two settings, alternating so that both tools see the same machine load:
  one core  `taskset -c 0 xmllint --html --noout FILES` (libxml2's parser alone: the parse-only floor) against
            `taskset -c 0 herald build --jobs 1` (one tenant, per-page work on one thread);
  two cores the files split between two xmllint processes run at once, against `herald build --jobs 2`.
Reported per corpus and setting: medians of the xmllint wall time, of the seo and sitemap plugin times (from the
build's plugin_finished events), pages/s, CPU seconds (user + sys) of xmllint and of the whole herald build, and the
ratio audit (seo + sitemap) / parse-only. Target: <= 1.5x on one core. Wall times swing with the machine's load, so
the audit's CPU time is reported too: the build's CPU seconds minus those of a build of the same snapshot with no
plugins (loading the crawl and writing), against xmllint's CPU seconds. `--compare PATH` times a second herald binary
(an older build) in the same runs.
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
NOW = "2026-12-01T06:00:00Z"
DATE = "2026-12-01"
CORPORA = {
    "pydocs": ("/usr/share/doc/python3.11/html", "https://docs.python.org/3.11/", "python3.11-doc"),
    "handbook": ("/usr/share/doc/debian-handbook/html", "https://debian-handbook.info/browse/", "debian-handbook"),
}
SETTINGS = {"1core": (["taskset", "-c", "0"], 1), "2cores": ([], 2)}


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit("failed (%d): %s\n%s%s" % (result.returncode, " ".join(command[:6]), result.stdout[-2000:], result.stderr[-2000:]))
    return result


def project(work, herald, name):
    folder, base, _ = CORPORA[name]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "snapshots", name))
    with open(os.path.join(work, "herald.yml"), "w") as f:
        f.write("output_dir: out\neditions:\n  audit:\n    plugins: [seo, sitemap]\n")
    with open(os.path.join(work, "snapshots", name, "tenant.yml"), "w") as f:
        f.write("name: %s\nbase_url: %s\nedition: audit\n" % (name, base))
    run([herald, "snapshot", "import-site", folder, "--base-url", base, "--tenant", name, "--project", work, "--date", DATE])
    # The same project without plugins: what loading the crawl and writing cost, to subtract from the build's CPU.
    os.makedirs(os.path.join(work, "load-only"))
    with open(os.path.join(work, "load-only", "herald.yml"), "w") as f:
        f.write("output_dir: out\neditions:\n  audit:\n    plugins: []\n")
    os.symlink(os.path.join(work, "snapshots"), os.path.join(work, "load-only", "snapshots"))
    files = []
    for root, _, names in os.walk(folder):
        files += [os.path.join(root, n) for n in names if n.endswith(".html")]
    return sorted(files)


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def settle():
    """Flushes the previous command's writes before timing the next: the kernel writes them back meanwhile, on the
    core the timed command is pinned to (a build after a sync read seo 1.45-1.48 s, without 1.46-1.74 s)."""
    os.sync()


def xmllint(files, setting):
    """Wall and CPU seconds of xmllint over all files: one pinned process, or two processes over the halves."""
    settle()
    cpu = child_cpu()
    start = time.perf_counter()
    # Exit status 1 only reports HTML the parser had to repair; the files are still parsed.
    if setting == "1core":
        subprocess.run(SETTINGS[setting][0] + ["xmllint", "--html", "--noout"] + files,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        halves = [files[0::2], files[1::2]]
        processes = [subprocess.Popen(["xmllint", "--html", "--noout"] + h, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                     for h in halves]
        for p in processes:
            p.wait()
    return time.perf_counter() - start, child_cpu() - cpu


def herald_build(herald, work, out, name, setting):
    prefix, jobs = SETTINGS[setting]
    shutil.rmtree(out, ignore_errors=True)
    settle()
    cpu = child_cpu()
    start = time.perf_counter()
    result = run(prefix + [herald, "build", "--project", work, "--out", out, "--now", NOW, "--log-format", "json",
                           "--jobs", str(jobs)])
    wall = time.perf_counter() - start
    cpu = child_cpu() - cpu
    plugins = {}
    for line in result.stdout.splitlines():
        event = json.loads(line)
        if event.get("event") == "plugin_finished":
            plugins[event["plugin"]] = event["seconds"]
        if event.get("event") == "tenant_finished" and event.get("status") != "built":
            sys.exit("the %s tenant failed: %s" % (name, event.get("message")))
    if "load-only" not in work and not os.path.exists(os.path.join(out, name, "reports", "seo", "findings.json")):
        sys.exit("the seo report is missing from the output")
    return plugins.get("seo", 0.0), plugins.get("sitemap", 0.0), wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("work")
    parser.add_argument("--herald", default=os.path.join(REPO, ".build", "release", "herald"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json")
    parser.add_argument("--compare", help="another herald binary to time in the same runs (e.g. the previous commit)")
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA), help="default: both")
    parser.add_argument("--setting", action="append", choices=sorted(SETTINGS), help="default: both")
    args = parser.parse_args()
    if shutil.which("taskset") is None:
        sys.exit("bench-seo: taskset is missing (util-linux)")
    if shutil.which("xmllint") is None:  # without it every ratio would be against 0 s
        sys.exit("bench-seo: xmllint is missing (apt-get install libxml2-utils, or run make bench-seo)")
    corpora = args.corpus or ["pydocs", "handbook"]
    settings = args.setting or ["1core", "2cores"]
    results = {}
    for name in corpora:
        folder, _, package = CORPORA[name]
        if not os.path.isdir(folder):
            sys.exit("bench-seo: %s is missing (apt-get install %s)" % (folder, package))
        work = os.path.join(os.path.abspath(args.work), name)
        files = project(work, args.herald, name)
        herald_build(args.herald, work, os.path.join(work, "out-warmup"), name, "2cores")  # warm the page cache
        for setting in settings:
            keys = ["xmllint", "xmllint_cpu", "seo", "sitemap", "audit", "build", "build_cpu", "load_cpu", "audit_cpu"]
            if args.compare:
                keys += ["compare_audit", "compare_build_cpu", "compare_audit_cpu"]
            samples = {k: [] for k in keys}
            for n in range(args.runs):
                wall, cpu = xmllint(files, setting)
                samples["xmllint"].append(wall)
                samples["xmllint_cpu"].append(cpu)
                seo, sitemap, wall, cpu = herald_build(args.herald, work, os.path.join(work, "out"), name, setting)
                samples["seo"].append(seo)
                samples["sitemap"].append(sitemap)
                samples["audit"].append(seo + sitemap)
                samples["build"].append(wall)
                samples["build_cpu"].append(cpu)
                load_cpu = herald_build(args.herald, os.path.join(work, "load-only"), os.path.join(work, "out-load"), name, setting)[3]
                samples["load_cpu"].append(load_cpu)
                samples["audit_cpu"].append(cpu - load_cpu)
                if args.compare:
                    seo, sitemap, _, cpu = herald_build(args.compare, work, os.path.join(work, "out-compare"), name, setting)
                    samples["compare_audit"].append(seo + sitemap)
                    samples["compare_build_cpu"].append(cpu)
                    samples["compare_audit_cpu"].append(cpu - load_cpu)
            median = {k: statistics.median(v) for k, v in samples.items()}
            ratio = median["audit"] / median["xmllint"]
            results["%s/%s" % (name, setting)] = {"pages": len(files), "median_seconds": median, "samples": samples, "ratio": ratio}
            pages = len(files)
            print("%s, %s: %d HTML pages, median of %d runs (load average %.1f)" % (name, setting, pages, args.runs, os.getloadavg()[0]))
            print("  %-36s %7.2f s %6.0f pages/s  CPU %.2f s" % ("xmllint --html --noout (parse only)", median["xmllint"],
                                                                 pages / median["xmllint"], median["xmllint_cpu"]))
            print("  %-36s %7.2f s %6.0f pages/s" % ("herald audit (seo %.2f + sitemap %.2f)" % (median["seo"], median["sitemap"]),
                                                     median["audit"], pages / median["audit"]))
            print("  %-36s %7.2f s %6.0f pages/s  CPU %.2f s (%.2fx xmllint's)" % (
                "herald build (load + plugins + write)", median["build"], pages / median["build"], median["build_cpu"],
                median["build_cpu"] / median["xmllint_cpu"]))
            cpu_ratio = median["audit_cpu"] / median["xmllint_cpu"]
            results["%s/%s" % (name, setting)]["cpu_ratio"] = cpu_ratio
            target = " (target <= 1.5x): %s" % ("met" if ratio <= 1.5 else "NOT met") if setting == "1core" else ""
            print("  audit / parse-only: %.2fx wall%s" % (ratio, target))
            print("  audit CPU (build %.2f - load-only build %.2f) = %.2f s: %.2fx xmllint's CPU" % (
                median["build_cpu"], median["load_cpu"], median["audit_cpu"], cpu_ratio))
            if args.compare:
                print("  %s: audit %.2f s = %.2fx parse-only, build CPU %.2f s, audit CPU %.2f s = %.2fx" % (
                    args.compare, median["compare_audit"], median["compare_audit"] / median["xmllint"], median["compare_build_cpu"],
                    median["compare_audit_cpu"], median["compare_audit_cpu"] / median["xmllint_cpu"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
