#!/usr/bin/env python3
"""A plain-Python floor for `make bench-sitemap`: the same N URLs as herald-bench-sitemap (lastmod on every page, an
image on every fifth, en/de/fr alternates on 30%), written as 50,000-URL urlset files plus an index with only the
standard library (string formatting, xml.sax.saxutils escaping). No sorting, grouping or validation: a lower bound
on what a straightforward generator costs, to put Herald's numbers in proportion."""
import os, sys, tempfile, time
from xml.sax.saxutils import escape, quoteattr

def main():
    urls = int(sys.argv[sys.argv.index("--urls") + 1]) if "--urls" in sys.argv else 1_000_000
    out = tempfile.mkdtemp(prefix="sitemap-floor-")
    base = "https://bench.example/"
    langs = ["en", "de", "fr"]
    start_cpu, start = time.process_time(), time.perf_counter()
    files, chunk = [], []
    def flush():
        name = f"sitemap-{len(files) + 1}.xml"
        ns = ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:xhtml="http://www.w3.org/1999/xhtml"'
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>\n')
            f.write("".join(chunk))
            f.write("</urlset>\n")
        files.append(name)
        chunk.clear()
    for k in range(urls):
        seconds = 1_767_225_600 + 3600 + k
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S+01:00", time.gmtime(seconds))
        if k % 10 < 3:
            group = k // 10
            path = f"{langs[k % 10]}/guide/{group}/"
            alts = "".join(f'<xhtml:link rel="alternate" hreflang={quoteattr(l)} href={quoteattr(base + l + f"/guide/{group}/")}/>' for l in ["de", "en", "fr"])
        else:
            path, alts = f"docs/{k // 1000}/page-{k}.html", ""
        image = f"<image:image><image:loc>{escape(base + f'img/{k}.png')}</image:loc></image:image>" if k % 5 == 0 else ""
        chunk.append(f"<url><loc>{escape(base + path)}</loc><lastmod>{stamp}</lastmod>{image}{alts}</url>\n")
        if len(chunk) == 50_000:
            flush()
    if chunk:
        flush()
    with open(os.path.join(out, "sitemap_index.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')
        f.write("".join(f"<sitemap><loc>{escape(base + n)}</loc></sitemap>\n" for n in files))
        f.write("</sitemapindex>\n")
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    size = sum(os.path.getsize(os.path.join(out, n)) for n in os.listdir(out))
    print(f'{{"peer": "python floor", "urls": {urls}, "files": {len(files) + 1}, "bytes": {size}, "seconds": {wall:.3f}, '
          f'"cpu_seconds": {cpu:.3f}, "urls_per_second": {int(urls / wall)}}}')
    for n in os.listdir(out):
        os.remove(os.path.join(out, n))
    os.rmdir(out)

main()
