#!/usr/bin/env python3
"""Seeded subscriber list and reviews for the real-input project (the posts and corpora themselves are real)."""
import json, random, sys
from datetime import datetime, timedelta, timezone

out = sys.argv[1]
rng = random.Random(20261203)
first = ["Ada", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "José", "Zoë", "민준", "Søren"]
last = ["Lovelace", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Núñez", "O'Neil"]
with open(f"{out}/subscribers.csv", "w", encoding="utf-8", newline="") as f:
    f.write("id,email,first_name,last_name,tags,status\n")
    for i in range(1, 201):
        fn, ln = rng.choice(first), rng.choice(last)
        tags = "|".join(sorted(rng.sample(["rust", "security", "releases", "community"], rng.randint(0, 2))))
        status = "unsubscribed" if i % 17 == 0 else "subscribed"
        ln_field = '"' + ln.replace('"', '""') + '"' if ("," in ln or '"' in ln) else ln
        f.write(f"sub-{i:04d},reader{i:04d}@example.org,{fn},{ln_field},{tags},{status}\n")

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
