#!/usr/bin/env python3
"""Generates the pages benchmark: one markdown site, laid out as a Herald project and as a Hugo site.

    generate.py WORK [--pages 10000] [--seed 42] [--base-url https://bench.example/]

Deterministic for a given seed. Every page has YAML front matter (title, date, description) and a body with
headings, paragraphs (emphasis, inline code, external and internal links), lists, a table, a fenced code block
and a blockquote; bodies run 3 to 7 KB. Pages sit in 100 sections so neither tool sees one huge folder.
The same files are written to WORK/herald/content/bench/pages/ and WORK/hugo/content/.
"""
import argparse
import os
import random
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def vocabulary(rng, size=600):
    syllables = ["ka", "lo", "mi", "ra", "te", "nu", "so", "vi", "da", "pe", "ul", "an", "or", "es", "ti", "ba",
                 "ne", "ko", "ri", "fa", "mo", "sel", "tor", "lin", "mar", "ven", "cal", "dor", "pri", "stel"]
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    return sorted(words)


class Writer:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)

    def words_(self, n):
        return [self.rng.choice(self.words) for _ in range(n)]

    def sentence(self, slugs):
        words = self.words_(self.rng.randint(6, 16))
        r = self.rng.random()
        i = self.rng.randrange(len(words))
        if r < 0.15:
            words[i] = "**" + words[i] + "**"
        elif r < 0.30:
            words[i] = "*" + words[i] + "*"
        elif r < 0.40:
            words[i] = "`" + words[i] + "()`"
        elif r < 0.50:
            words[i] = "[%s](https://%s.example/%s)" % (words[i], self.rng.choice(self.words), self.rng.choice(self.words))
        elif r < 0.58:
            words[i] = "[%s](/%s/)" % (words[i], self.rng.choice(slugs))
        text = " ".join(words)
        return text[0].upper() + text[1:] + self.rng.choice([".", ".", ".", "?", "!"])

    def paragraph(self, slugs):
        return " ".join(self.sentence(slugs) for _ in range(self.rng.randint(2, 5)))

    def title(self):
        text = " ".join(self.words_(self.rng.randint(3, 7)))
        return text[0].upper() + text[1:]

    def table(self):
        cols = self.rng.randint(3, 5)
        head = [w.capitalize() for w in self.words_(cols)]
        rows = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] * (cols - 1) + ["--:"]) + "|"]
        for _ in range(self.rng.randint(3, 6)):
            cells = self.words_(cols - 1) + [str(self.rng.randint(1, 99999))]
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def code(self):
        name = self.rng.choice(self.words)
        lines = ["```python", "def %s(items):" % name, "    total = 0"]
        for _ in range(self.rng.randint(2, 6)):
            lines.append("    total += len(%r) * %d  # %s" % (self.rng.choice(self.words), self.rng.randint(1, 9),
                                                         " ".join(self.words_(3))))
        lines += ["    return total < 100 and items or []", "```"]
        return "\n".join(lines)

    def listing(self, ordered):
        return "\n".join(("%d. " % (i + 1) if ordered else "- ") + " ".join(self.words_(self.rng.randint(2, 8)))
                         for i in range(self.rng.randint(3, 6)))

    def page(self, index, slugs):
        title = self.title()
        day = 1 + index % 28
        month = 1 + (index // 28) % 12
        description = self.sentence([s for s in slugs[:1]]).replace("*", "").replace("`", "")
        description = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", description)
        front = ["---", "title: \"%s\"" % title, "date: 2026-%02d-%02dT%02d:%02d:00+01:00" % (month, day, index % 24, index % 60),
                 "description: \"%s\"" % description.replace('"', ""), "---", ""]
        blocks = [self.paragraph(slugs)]
        sections = self.rng.randint(3, 5)
        table_at, code_at = self.rng.randrange(sections), self.rng.randrange(sections)
        for s in range(sections):
            blocks.append("## " + self.title())
            for _ in range(self.rng.randint(1, 3)):
                blocks.append(self.paragraph(slugs))
            r = self.rng.random()
            if r < 0.35:
                blocks.append(self.listing(False))
            elif r < 0.55:
                blocks.append(self.listing(True))
            elif r < 0.70:
                blocks.append("> " + self.paragraph(slugs))
            if s == table_at:
                blocks.append(self.table())
            if s == code_at:
                blocks.append(self.code())
            if self.rng.random() < 0.3:
                blocks.append("### " + self.title())
                blocks.append(self.paragraph(slugs))
        return "\n".join(front) + "\n\n".join(blocks) + "\n"


HERALD_YML = """# Pages benchmark project (generated by bench/pages/generate.py).
output_dir: out
editions:
  bench:
    plugins: [pages]
"""

TENANT_YML = """name: Bench Site
base_url: {base}
edition: bench
locale: en
time_zone: Europe/Berlin
reporting_currency: EUR
"""


def base_css():
    """The default theme's inline CSS, so the Hugo layout carries the same bytes."""
    with open(os.path.join(REPO, "templates", "layouts", "base.html"), encoding="utf-8") as f:
        text = f.read()
    css = text[text.index("<style>") + 7:text.index("</style>")]
    css = re.sub(r"\{\{ tenant\.brand\.primary_color[^}]*\}\}", "#1f4e79", css)
    return re.sub(r"\{\{ tenant\.brand\.accent_color[^}]*\}\}", "#f5a623", css)


HUGO_TOML = """baseURL = "{base}"
languageCode = "en"
title = "Bench Site"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
enableRobotsTXT = false
disableHugoGeneratorInject = true
buildFuture = true
buildExpired = true
[markup.goldmark.renderer]
  unsafe = true
[markup.goldmark.parser]
  autoHeadingID = false
[markup.goldmark.extensions]
  typographer = false
  linkify = true
  table = true
  strikethrough = true
  footnote = true
  taskList = true
[markup.highlight]
  codeFences = false
"""

# The same page structure as templates/layouts/base.html + templates/pages/page.html.
HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}{{ if ne .Title site.Title }} · {{ site.Title }}{{ end }}</title>
{{- with .Description }}
<meta name="description" content="{{ . }}">
{{- end }}
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:type" content="{{ if .Date.IsZero }}website{{ else }}article{{ end }}">
<meta property="og:title" content="{{ .Title }}">
{{- with .Description }}
<meta property="og:description" content="{{ . }}">
{{- end }}
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:site_name" content="{{ site.Title }}">
<style>__CSS__</style>
</head>
<body>
<header class="site-header">
<div class="wrap">
<a class="brand" href="{{ "index.html" | relURL }}">{{ site.Title }}</a>
</div>
</header>
<main class="wrap">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<div class="wrap">© {{ site.Title }}</div>
</footer>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}<article class="page">
<h1>{{ .Title }}</h1>
{{- if not .Date.IsZero }}
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2006-01-02" }}</time></p>
{{- end }}
{{ .Content }}
</article>{{ end }}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("work")
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--base-url", default="https://bench.example/")
    args = parser.parse_args()

    herald = os.path.join(args.work, "herald")
    hugo = os.path.join(args.work, "hugo")
    for d in (herald, hugo):
        shutil.rmtree(d, ignore_errors=True)
    pages_dir = os.path.join(herald, "content", "bench", "pages")
    os.makedirs(os.path.join(herald, "snapshots", "bench", "2026-11-30"))
    with open(os.path.join(herald, "herald.yml"), "w") as f:
        f.write(HERALD_YML)
    with open(os.path.join(herald, "snapshots", "bench", "tenant.yml"), "w") as f:
        f.write(TENANT_YML.format(base=args.base_url))
    os.makedirs(os.path.join(hugo, "layouts", "_default"))
    with open(os.path.join(hugo, "hugo.toml"), "w") as f:
        f.write(HUGO_TOML.format(base=args.base_url))
    with open(os.path.join(hugo, "layouts", "_default", "baseof.html"), "w") as f:
        f.write(HUGO_BASEOF.replace("__CSS__", base_css()))
    with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w") as f:
        f.write(HUGO_SINGLE)

    writer = Writer(args.seed)
    slugs = ["s%02d/page-%05d" % (i % 100, i) for i in range(args.pages)]
    total = 0
    for i, slug in enumerate(slugs):
        text = writer.page(i, slugs)
        total += len(text.encode())
        for root in (pages_dir, os.path.join(hugo, "content")):
            path = os.path.join(root, slug + ".md")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    print("generated %d pages, %.1f MB of markdown, in %s" % (args.pages, total / 1e6, args.work))


if __name__ == "__main__":
    main()
