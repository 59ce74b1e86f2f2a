"""Joins the outputs of `herald liquid bench`, ruby_bench.rb and python_bench.py into one Markdown table
with Herald's speed-up over each peer (peer time / Herald time) per fixture, for parse and render."""
import sys


def read(path):
    """fixture -> (parse_us, render_us, both_us, check) from one script's output."""
    rows = {}
    for line in open(path):
        parts = line.split()
        if len(parts) >= 6 and parts[0] != "fixture" and not line.startswith(("#", "summary")):
            rows[parts[0]] = (float(parts[1]), float(parts[2]), float(parts[3]), parts[5])
    return rows


def main():
    herald, ruby, python = (read(p) for p in sys.argv[1:4])
    print("| fixture | Herald parse µs | Ruby parse µs | Python parse µs | parse × Ruby | parse × Python "
          "| Herald render µs | Ruby render µs | Python render µs | render × Ruby | render × Python | Herald check |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    worst = {"parse × Ruby": None, "parse × Python": None, "render × Ruby": None, "render × Python": None}
    for name in sorted(herald):
        h, r, p = herald[name], ruby.get(name), python.get(name)
        cells = [name]
        for i, kind in ((0, "parse"), (1, "render")):
            rr = r[i] / h[i] if r else None
            pr = p[i] / h[i] if p else None
            cells += [f"{h[i]:.1f}", f"{r[i]:.1f}" if r else "–", f"{p[i]:.1f}" if p else "–",
                      f"{rr:.1f}×" if rr else "–", f"{pr:.1f}×" if pr else "–"]
            for key, ratio in ((f"{kind} × Ruby", rr), (f"{kind} × Python", pr)):
                if ratio is not None and (worst[key] is None or ratio < worst[key]):
                    worst[key] = ratio
        cells.append(h[3])
        print("| " + " | ".join(cells) + " |")
    print()
    print("lowest speed-up: " + ", ".join(f"{k} {v:.1f}×" for k, v in worst.items() if v is not None)
          + "  (targets: ≥10× Ruby, ≥20× Python)")


main()
