#!/usr/bin/env bash
# Assembles and builds the real-input project in .scratch/real-input from real data:
#   pydocs        the Python 3.11 documentation (Debian python3.11-doc) imported as a crawl → seo, sitemap
#   debian-handbook  the Debian Administrator's Handbook (Debian debian-handbook: 3,302 pages in 26 languages)
#                 imported as a crawl under https://debian-handbook.info/browse/ → seo, sitemap
#   channel-paths ../shared/corpus/attribution/channelattribution_paths.csv → attribution
#   running-shop  ../shared/corpus/attribution/touchpoints_sample → attribution with stitching and lookback
#   rust-blog     ../shared/corpus/newsletter/rust-blog posts → newsletter to 100,000 generated subscribers in three
#                 segments; generated reviews → reputation
# and prints the sentiment correlation on ../shared/corpus/sentiment. Shared files are read in place or copied into
# the scratch folder only (never into the repository).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${HERALD_SHARED:-$repo/../shared}
work=$repo/.scratch/real-input
herald=${HERALD:-$repo/.build/release/herald}
date=2026-12-01
docs=/usr/share/doc/python3.11/html
handbook=/usr/share/doc/debian-handbook/html
[ -d "$shared/corpus" ] || { echo "real-input: $shared/corpus is missing"; exit 1; }
[ -d "$docs" ] || { echo "real-input: $docs is missing (apt-get install python3.11-doc)"; exit 1; }
[ -d "$handbook" ] || { echo "real-input: $handbook is missing (apt-get install debian-handbook)"; exit 1; }

rm -rf "$work"
mkdir -p "$work/snapshots"
cp "$repo/real-input/herald.yml" "$work/"
for tenant in pydocs debian-handbook channel-paths running-shop rust-blog; do
  mkdir -p "$work/snapshots/$tenant/$date"
  cp "$repo/real-input/tenants/$tenant/tenant.yml" "$work/snapshots/$tenant/"
done

"$herald" snapshot import-site "$docs" --base-url https://docs.python.org/3.11/ --tenant pydocs --project "$work" --date "$date"
"$herald" snapshot import-site "$handbook" --base-url https://debian-handbook.info/browse/ --tenant debian-handbook --project "$work" --date "$date"
cp "$shared/corpus/attribution/channelattribution_paths.csv" "$work/snapshots/channel-paths/$date/paths.csv"
for f in touchpoints conversions identities; do
  cp "$shared/corpus/attribution/touchpoints_sample/$f.csv" "$work/snapshots/running-shop/$date/"
done
cp "$repo/real-input/rates.csv" "$work/snapshots/running-shop/$date/"
mkdir -p "$work/content/rust-blog/newsletter"
(cd "$shared/corpus/newsletter/rust-blog" && find . -name '*.md' ! -name README.md | while read -r f; do
  mkdir -p "$work/content/rust-blog/newsletter/$(dirname "$f")"; cp "$f" "$work/content/rust-blog/newsletter/$f"; done)
python3 "$repo/real-input/generate.py" "$work/snapshots/rust-blog/$date" "$work/content/rust-blog/newsletter"

"$herald" build --project "$work" --now "${date}T06:00:00Z" || status=$?
echo
"$herald" reputation evaluate "$shared"
echo
echo "Real-input output: $work/out/index.html"
exit "${status:-0}"
