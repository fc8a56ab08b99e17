#!/usr/bin/env bash
# Runs every test: native unit tests (plain and with ASan+UBSan), bounded fuzzing of the file
# readers, the web build, and the browser tests in headless Chromium. Exits non-zero on any failure.
#   scripts/test.sh            everything
#   FUZZ_SECONDS=60 scripts/test.sh   longer fuzzing
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${REKINDLE_CACHE:-$HOME/.cache/rekindle}
cd "$ROOT"
"$ROOT/scripts/deps.sh" --test
DEPS=(-DREKINDLE_DEPS_DIR="$CACHE/src")
run_ctest() {
  local log; log=$(mktemp)
  if ! ctest --test-dir "$1" --output-on-failure -j2 >"$log" 2>&1; then
    grep -vE "^ *[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed" "$log" | tail -n 200; rm -f "$log"; return 1
  fi
  tail -n 4 "$log"; rm -f "$log"
}
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native unit tests"
cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release "${DEPS[@]}" >/dev/null
cmake --build build/native -j2
run_ctest build/native

step "follow-up judgement on a realistic export at L (30,000 / 300,000): issue #14's checks"
build/native/judge --gen L --top 0 --check

step "native unit tests with AddressSanitizer + UBSan"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DREKINDLE_SANITIZE=ON "${DEPS[@]}" >/dev/null
cmake --build build/asan -j2 --target rekindle_tests
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run_ctest build/asan

step "bounded fuzzing of the CSV, zip, import and backup readers (libFuzzer)"
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREKINDLE_FUZZ=ON -DREKINDLE_SANITIZE=ON \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "${DEPS[@]}" >/dev/null
cmake --build build/fuzz -j2
for f in tests/fuzz/fuzz_*.cpp; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .cpp)
  corpus="tests/fuzz/corpus_${name#fuzz_}"
  work=$(mktemp -d)
  [ -d "$corpus" ] && cp -r "$corpus"/. "$work"/
  echo "fuzzing $name for ${FUZZ_SECONDS:-15} s"
  "build/fuzz/$name" -max_total_time="${FUZZ_SECONDS:-15}" -rss_limit_mb=2048 -print_final_stats=0 "$work" 2>"$work.log" \
    || { tail -n 40 "$work.log"; echo "fuzzer $name found a problem"; exit 1; }
  grep -E "^#[0-9]+ *DONE" "$work.log" | tail -n 1 || true
  rm -rf "$work" "$work.log"
done

step "web build"
"$ROOT/scripts/build_web.sh"

step "browser benchmark at size S (smoke check: it must complete; no timing assertions)"
REKINDLE_GEN="$ROOT/build/native/gen_export" node tests/e2e/bench.mjs --size S | tail -n 1

step "browser tests (headless Chromium)"
REKINDLE_GEN="$ROOT/build/native/gen_export" node tests/e2e/run.mjs
