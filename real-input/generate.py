#!/usr/bin/env python3
"""Seeded subscriber list and reviews for the real-input project (the posts and corpora themselves are real)."""
import json, os, random, sys
from datetime import datetime, timedelta, timezone

out = sys.argv[1]
# Optional: the scratch copy of the rust-blog posts, whose front matter gets `segments` (see SEGMENTED below).
content = sys.argv[2] if len(sys.argv) > 2 else None
rng = random.Random(20261203)
first = ["Ada", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "José", "Zoë", "민준", "Søren"]
last = ["Lovelace", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Núñez", "O'Neil"]
countries = ["DE", "US", "FR", "JP", "BR", "IN", "GB", "KR", "NL", "PL"]
SUBSCRIBERS = 100_000
# Three segments, defined in real-input/tenants/rust-blog/tenant.yml: `releases` (tag releases, ~10 %),
# `security` (tag security, ~8 %), `contributors` (column role = contributor or maintainer, ~2 %).
with open(f"{out}/subscribers.csv", "w", encoding="utf-8", newline="") as f:
    f.write("id,email,first_name,last_name,tags,status,role,country\n")
    for i in range(1, SUBSCRIBERS + 1):
        fn, ln = rng.choice(first), rng.choice(last)
        tags = [t for t, p in (("releases", 0.10), ("security", 0.08), ("community", 0.25)) if rng.random() < p]
        r = rng.random()
        role = "maintainer" if r < 0.004 else "contributor" if r < 0.02 else "user"
        status = "unsubscribed" if i % 17 == 0 else "subscribed"
        ln_field = '"' + ln.replace('"', '""') + '"' if ("," in ln or '"' in ln) else ln
        f.write(f"sub-{i:06d},reader{i:06d}@example.org,{fn},{ln_field},{'|'.join(tags)},{status},{role},{rng.choice(countries)}\n")

# Which posts go to which segment (file names below newsletter/); every other post goes to the contributors, and
# only the newest post (enabling-next-solver-on-nightly) goes to every subscriber. One issue to all 100,000 plus
# segment-sized sends keeps the build to about 240,000 messages: every message stays in memory until the writer
# runs, so sending all 30 posts to everyone (3 million messages) would not fit.
SEGMENTED = {"releases": ["Rust-1.89.0.md", "Rust-1.94.0.md", "Rust-1.97.1.md", "Rust-1.98.0.md",
                          "inside-rust/1.98.0-prerelease.md"],
             "security": ["cve-2026-5222.md", "2025-09-crates-io-phishing-campaign.md", "supply-chain-attack-on-arrayref.md"]}
EVERYONE = ["enabling-next-solver-on-nightly/index.md"]
if content:
    segment_of = {name: seg for seg, names in SEGMENTED.items() for name in names}
    for root, _, files in sorted(os.walk(content)):
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, content)
            if rel in EVERYONE:
                continue
            segment = segment_of.get(rel, "contributors")
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            if text.startswith("+++\n"):
                text = f'+++\nsegments = ["{segment}"]\n' + text[4:]
            elif text.startswith("---\n"):
                text = f"---\nsegments: [{segment}]\n" + text[4:]
            else:
                sys.exit(f"generate.py: {path} has no front matter")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)

texts = {5: ["Fantastic docs, clear and friendly.", "Great release, thank you!", "Love the new features."],
         4: ["Good overall, a few rough edges.", "Helpful and quick support."],
         3: ["It is okay. Nothing special.", "Mixed feelings about the changes."],
         2: ["Slow replies and confusing steps.", "Not great, the upgrade broke my build."],
         1: ["Terrible experience, nobody answered.", "Awful. The installer failed twice."]}
with open(f"{out}/reviews.ndjson", "w", encoding="utf-8") as f:
    for i in range(1, 241):
        rating = rng.choices([1, 2, 3, 4, 5], weights=[1, 1, 2, 4, 6])[0]
        created = datetime(2026, 10, 1, tzinfo=timezone.utc) + timedelta(minutes=rng.randint(0, 61 * 24 * 60))
        review = {"id": f"rv-{i:04d}", "source": rng.choice(["google", "trustpilot"]), "author": rng.choice(first),
                  "rating": rating, "text": rng.choice(texts[rating]), "created_at": created.isoformat()}
        if rng.random() < 0.6:
            answered = created + timedelta(minutes=rng.randint(20, 72 * 60))
            review["response"] = {"text": "Thanks for the feedback.", "responded_at": answered.isoformat()}
        f.write(json.dumps(review, ensure_ascii=False, sort_keys=True) + "\n")
