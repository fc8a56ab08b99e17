#!/usr/bin/env bash
# Builds the native benchmarks (Release) in build/bench and runs them.
#   scripts/bench_native.sh [extra Google Benchmark flags, e.g. --benchmark_filter=Csv]
# Data is generated at startup (seed 42, sizes S/M/L/XL; see tests/bench/bench_data.hpp), so the
# first benchmarks of a size also pay for generating (not timed) and importing it once.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build/bench"
deps=()
if [[ -n "${REKINDLE_DEPS_DIR:-}" ]]; then deps=(-DREKINDLE_DEPS_DIR="$REKINDLE_DEPS_DIR");
elif [[ -d /root/.cache/rekindle/src ]]; then deps=(-DREKINDLE_DEPS_DIR=/root/.cache/rekindle/src); fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${deps[@]}" >/dev/null
cmake --build "$build" -j2 --target rekindle_bench
exec "$build/rekindle_bench" --benchmark_min_time=0.3 --benchmark_counters_tabular=true "$@"
