"""Joins the outputs of `herald liquid bench` and the peer drivers (ruby_cpu_bench.rb, python_cpu_bench.py, or
the plain scripts in ../shared/bench/liquid) into Markdown tables with Herald's speed-up over each peer (peer time
/ Herald time) per fixture, for parse and render: one table on wall-clock time and, when every output has the
extra `*_cpu_us` columns, one on thread CPU time."""
import sys


def read(path):
    """fixture -> {"wall": (parse, render, both), "cpu": (parse, render, both) or None, "check": str}."""
    rows = {}
    for line in open(path):
        parts = line.split()
        if len(parts) >= 6 and parts[0] != "fixture" and not line.startswith(("#", "summary")):
            cpu = tuple(float(p) for p in parts[6:9]) if len(parts) >= 9 else None
            rows[parts[0]] = {"wall": tuple(float(p) for p in parts[1:4]), "cpu": cpu, "check": parts[5]}
    return rows


def table(clock, herald, ruby, python):
    print(f"{clock}:")
    print()
    print("| fixture | Herald parse µs | Ruby parse µs | Python parse µs | parse × Ruby | parse × Python "
          "| Herald render µs | Ruby render µs | Python render µs | render × Ruby | render × Python | Herald check |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    worst = {"parse × Ruby": None, "parse × Python": None, "render × Ruby": None, "render × Python": None}
    for name in sorted(herald):
        h = herald[name][clock]
        r = ruby[name][clock] if name in ruby else None
        p = python[name][clock] if name in python else None
        cells = [name]
        for i, kind in ((0, "parse"), (1, "render")):
            rr = r[i] / h[i] if r else None
            pr = p[i] / h[i] if p else None
            cells += [f"{h[i]:.1f}", f"{r[i]:.1f}" if r else "–", f"{p[i]:.1f}" if p else "–",
                      f"{rr:.1f}×" if rr else "–", f"{pr:.1f}×" if pr else "–"]
            for key, ratio in ((f"{kind} × Ruby", rr), (f"{kind} × Python", pr)):
                if ratio is not None and (worst[key] is None or ratio < worst[key]):
                    worst[key] = ratio
        cells.append(herald[name]["check"])
        print("| " + " | ".join(cells) + " |")
    print()
    print("lowest speed-up: " + ", ".join(f"{k} {v:.1f}×" for k, v in worst.items() if v is not None)
          + "  (targets: ≥10× Ruby, ≥20× Python)")


def main():
    outputs = [read(p) for p in sys.argv[1:4]]
    table("wall", *outputs)
    if all(row["cpu"] for rows in outputs for row in rows.values()):
        print()
        table("cpu", *outputs)


main()
