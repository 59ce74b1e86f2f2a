"""python-liquid timed like ../shared/bench/liquid/python_bench.py, on wall-clock AND thread CPU time.

Loads python-liquid the same way as that script (Environment + CachingDictLoader for render, a plain
DictLoader for both), imports its helpers (folder reading, output check) from ../shared, and takes the
same samples: N calls per sample (N calibrated on wall-clock so a sample lasts about --min-time), one
discarded warm-up sample, gc.collect() before each sample, median of K samples. Each sample is read on
two clocks at once: time.perf_counter() (wall) and time.thread_time() (CPU time of this thread, which
does not count time the scheduler gave to other processes on the shared machine).

    python python_cpu_bench.py FIXTURES_DIR [--samples K] [--min-time S] [--only NAME[,NAME]]

Prints the peer script's columns, then parse_cpu_us render_cpu_us both_cpu_us.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import gc
import json
import platform
import re
import statistics
import sys
import time
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "liquid"))
import python_bench as peer  # noqa: E402  (check, read_folder, report_mismatch, calibrate)
from liquid import CachingDictLoader, DictLoader, Environment  # noqa: E402


def measure(fn, samples: int, min_time: float):
    """(median wall µs, median CPU µs, N) per call."""
    n = peer.calibrate(fn, min_time)
    gc.collect()
    peer.time_n(fn, n)  # warm-up sample, discarded
    wall, cpu = [], []
    for _ in range(samples):
        gc.collect()
        w0, c0 = time.perf_counter(), time.thread_time()
        for _ in range(n):
            fn()
        c1, w1 = time.thread_time(), time.perf_counter()
        wall.append((w1 - w0) / n * 1e6)
        cpu.append((c1 - c0) / n * 1e6)
    return statistics.median(wall), statistics.median(cpu), n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("fixtures_dir", type=Path)
    ap.add_argument("--samples", type=int, default=7)
    ap.add_argument("--min-time", type=float, default=0.25)
    ap.add_argument("--only", default=None)
    args = ap.parse_args()
    fixtures = sorted(p.name for p in args.fixtures_dir.iterdir() if (p / "templates" / "index.liquid").is_file())
    if args.only:
        fixtures = [f for f in fixtures if f in set(args.only.split(","))]
    version = metadata.version("python-liquid")
    print(f"# engine=python-liquid {version} python={platform.python_version()} samples={args.samples} "
          f"min_time={args.min_time}s clocks=wall,thread_cpu")
    print(f"{'fixture':<8s} {'parse_us':>12s} {'render_us':>12s} {'both_us':>12s} {'iters':>9s} check "
          f"parse_cpu_us render_cpu_us both_cpu_us")
    for name in fixtures:
        root = args.fixtures_dir / name
        sources = peer.read_folder(root / "templates")
        data = json.loads((root / "data.json").read_text(encoding="utf-8"))
        expected = (root / "expected_result.txt").read_text(encoding="utf-8")
        expected = re.sub(r"&copy; \d{4}", f"&copy; {datetime.datetime.now().year}", expected)
        source = sources["index.liquid"]
        env = Environment(loader=CachingDictLoader(sources))
        cold_env = Environment(loader=DictLoader(sources))
        first = cold_env.from_string(source).render(**copy.deepcopy(data))
        status = peer.check(first, expected)
        template = env.from_string(source)
        parse = measure(lambda: env.from_string(source), args.samples, args.min_time)
        render = measure(lambda: template.render(**data), args.samples, args.min_time)
        both = measure(lambda: cold_env.from_string(source).render(**data), args.samples, args.min_time)
        if peer.check(template.render(**data), expected) != status:
            status += "(drift)"
        if status.startswith("MISMATCH"):
            peer.report_mismatch(name, first, expected)
        iters = f"{parse[2]}/{render[2]}/{both[2]}"
        print(f"{name:<8s} {parse[0]:12.1f} {render[0]:12.1f} {both[0]:12.1f} {iters:>9s} {status} "
              f"{parse[1]:.1f} {render[1]:.1f} {both[1]:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
