#!/usr/bin/env bash
# Builds the libFuzzer harness over Sources/Liquid and runs it for DURATION seconds (default 600).
# Seeds come from the golden-liquid templates in ../shared at run time; nothing from there is committed.
# Usage: fuzz/liquid/run.sh [DURATION]   (run from anywhere; outputs go to .scratch/fuzz-liquid)
set -euo pipefail
duration="${1:-600}"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$repo/.scratch/fuzz-liquid"
mkdir -p "$work/corpus" "$work/crashes"

# Rebuilt only when a source is newer than the binary. ld.gold warns once per ASan helper symbol; drop those lines.
if [ ! -x "$work/liquid-fuzzer" ] || [ -n "$(find "$repo/Sources/Liquid" "$here" -name '*.swift' -newer "$work/liquid-fuzzer")" ]; then
  echo "building $work/liquid-fuzzer"
  # Compiled from a snapshot so that editing the engine meanwhile does not abort the build.
  rm -rf "$work/src" && mkdir -p "$work/src" && cp "$repo"/Sources/Liquid/*.swift "$here/FuzzEntry.swift" "$work/src/"
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name LiquidFuzz \
    "$work"/src/*.swift -o "$work/liquid-fuzzer" 2>&1 \
    | { grep -v "Cannot export local symbol" || true; }
  [ -x "$work/liquid-fuzzer" ] || { echo "fuzzer build failed"; exit 1; }
fi

suite="$repo/../shared/conformance/liquid/golden_liquid.json"
if [ -r "$suite" ]; then
  # One seed per template; the leading byte is the options byte the harness reads.
  python3 - "$suite" "$work/corpus" <<'PY'
import hashlib, json, os, sys
tests = json.load(open(sys.argv[1]))["tests"]
for i, t in enumerate(tests):
    for source in [t.get("template")] + list((t.get("templates") or {}).values()):
        if not isinstance(source, str):
            continue
        data = bytes([i % 16]) + source.encode()
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(sys.argv[2], name), "wb") as f:
            f.write(data)
PY
else
  echo "note: ../shared/conformance/liquid/golden_liquid.json not found; fuzzing from an empty corpus"
fi

cd "$work"
# The Swift backtracer and ASan fight over a crashing process; libFuzzer prints the stack itself.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
exec "$work/liquid-fuzzer" -max_total_time="$duration" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$work/crashes/" -print_final_stats=1 "$work/corpus"
