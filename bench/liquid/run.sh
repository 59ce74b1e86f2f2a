#!/usr/bin/env bash
# `make bench-liquid`: Herald's Liquid engine against Ruby Liquid and python-liquid on the golden-liquid
# benchmark fixtures in ../shared/bench/liquid, all three in one run with the same method
# (see that folder's README.md). Installs the peers when missing. Outputs go to .scratch/bench-liquid.
# Usage: bench/liquid/run.sh [extra options for all three, e.g. --samples 7 --min-time 0.25]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
shared="$repo/../shared/bench/liquid"
work="$repo/.scratch/bench-liquid"
venv="$repo/.scratch/liqvenv"
if [ ! -d "$shared/fixtures" ]; then
  echo "skipping bench-liquid: $shared/fixtures not found (../shared is not beside the repository)"
  exit 0
fi
mkdir -p "$work"

# Peers: Debian's ruby-liquid (does not pull in ruby itself) and python-liquid in a venv.
if ! ruby -e 'require "liquid"' >/dev/null 2>&1; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ruby ruby-liquid
fi
if ! "$venv/bin/python" -c 'import liquid' >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet python-liquid
fi

(cd "$repo" && swift build -c release --product herald)

# Same defaults as the peers' scripts; extra arguments go to all three. The peers run through our thin
# drivers (same engine set-up and samples as the scripts in ../shared, read on wall-clock and thread CPU
# time); BENCH_LIQUID_PEER_SCRIPTS=1 runs the unchanged scripts from ../shared instead (wall-clock only).
"$repo/.build/release/herald" liquid bench "$shared/fixtures" "$@" | tee "$work/herald.txt"
if [ "${BENCH_LIQUID_PEER_SCRIPTS:-0}" = 1 ]; then
  ruby "$shared/ruby_bench.rb" "$shared/fixtures" "$@" | tee "$work/ruby.txt"
  "$venv/bin/python" "$shared/python_bench.py" "$shared/fixtures" "$@" | tee "$work/python.txt"
else
  ruby "$repo/bench/liquid/ruby_cpu_bench.rb" "$shared/fixtures" "$@" | tee "$work/ruby.txt"
  "$venv/bin/python" "$repo/bench/liquid/python_cpu_bench.py" "$shared/fixtures" "$@" | tee "$work/python.txt"
fi
echo
python3 "$repo/bench/liquid/compare.py" "$work/herald.txt" "$work/ruby.txt" "$work/python.txt" | tee "$work/table.md"
