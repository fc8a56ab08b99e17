#!/usr/bin/env bash
# Builds the web app into dist/ (installing what is missing first).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${REKINDLE_CACHE:-$HOME/.cache/rekindle}
"$ROOT/scripts/deps.sh" --web "$@"
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}  # Debian's emcc needs acorn from here
cd "$ROOT"
if [ ! -f build/web/build.ninja ]; then
  emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DREKINDLE_DEPS_DIR="$CACHE/src" -DREKINDLE_SDL2_PREFIX="$CACHE/sdl2-2.26.5-web" >/dev/null
fi
cmake --build build/web -j2
echo "[build] web app in $ROOT/dist"
