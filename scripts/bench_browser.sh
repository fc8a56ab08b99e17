#!/usr/bin/env bash
# Browser benchmark (see BENCHMARKS.md): builds the app and the generator, then measures the
# built page in headless Chromium.   scripts/bench_browser.sh L 3   (size, runs)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${REKINDLE_CACHE:-$HOME/.cache/rekindle}
"$ROOT/scripts/deps.sh" --test
cd "$ROOT"
cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release -DREKINDLE_DEPS_DIR="$CACHE/src" >/dev/null
cmake --build build/native -j2 --target gen_export
"$ROOT/scripts/build_web.sh"
mkdir -p bench-out
REKINDLE_GEN="$ROOT/build/native/gen_export" node tests/e2e/bench.mjs --size "${1:-L}" --runs "${2:-3}" \
  --out "bench-out/browser-${1:-L}.json"
