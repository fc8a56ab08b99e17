#!/usr/bin/env bash
# Installs everything Rekindle needs on Debian/Ubuntu (as root, or with sudo).
# Idempotent and fast on a second run: packages are checked with dpkg, sources and the
# web build of SDL2 are cached outside the work tree in $REKINDLE_CACHE, keyed by version.
#   usage: scripts/deps.sh [--web] [--test]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${REKINDLE_CACHE:-$HOME/.cache/rekindle}
IMGUI_VER=1.90.1
SDL_VER=2.26.5
ZLIB_VER=1.2.13
UTF8PROC_VER=2.8.0
mkdir -p "$CACHE"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi

want_web=0; want_test=0
for a in "$@"; do
  case "$a" in
    --web) want_web=1 ;;
    --test) want_test=1; want_web=1 ;;
  esac
done

log() { printf '\033[1m[deps]\033[0m %s\n' "$*"; }

# ---- Debian packages ---------------------------------------------------------------------
pkgs=(cmake ninja-build g++ git ca-certificates xz-utils
      catch2 nlohmann-json3-dev libhowardhinnant-date-dev zlib1g-dev)
[ $want_web = 1 ] && pkgs+=(emscripten fonts-noto-core fonts-noto-cjk python3 nodejs)
[ $want_test = 1 ] && pkgs+=(chromium clang libclang-rt-14-dev libbenchmark-dev unzip)
missing=()
for p in "${pkgs[@]}"; do
  # nodejs may come from elsewhere (a newer node on PATH is fine)
  if [ "$p" = nodejs ] && command -v node >/dev/null && command -v npm >/dev/null; then continue; fi
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
apt_updated=0
apt_update() { if [ $apt_updated = 0 ]; then $SUDO apt-get update -qq; apt_updated=1; fi; }
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  apt_update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ $want_web = 1 ] && ! command -v npm >/dev/null; then
  apt_update; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm >/dev/null
fi

# ---- Sources from Debian's source archive (for the wasm build) ----------------------------
SRC="$CACHE/src"
mkdir -p "$SRC"
need_src=()
[ -f "$SRC/imgui-$IMGUI_VER/imgui.cpp" ] || need_src+=("imgui/trixie")
[ -f "$SRC/zlib-$ZLIB_VER/inflate.c" ] || need_src+=("zlib/bookworm")
[ -f "$SRC/utf8proc-$UTF8PROC_VER/utf8proc.c" ] || need_src+=("utf8proc/bookworm")
if [ $want_web = 1 ] && [ ! -f "$CACHE/sdl2-$SDL_VER-web/lib/libSDL2.a" ] && [ ! -f "$SRC/SDL2-$SDL_VER/CMakeLists.txt" ]; then
  need_src+=("libsdl2/bookworm")
fi
if [ ${#need_src[@]} -gt 0 ]; then
  if ! ls /etc/apt/sources.list.d/ 2>/dev/null | grep -q rekindle-src; then
    uri=""
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
    fi
    [ -n "$uri" ] || uri=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    [ -n "$uri" ] || uri="http://deb.debian.org/debian"
    printf 'Types: deb-src\nURIs: %s\nSuites: bookworm trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
      | $SUDO tee /etc/apt/sources.list.d/rekindle-src.sources >/dev/null
    apt_updated=0
  fi
  apt_update
  dl=$(mktemp -d)
  log "downloading sources: ${need_src[*]}"
  (cd "$dl" && apt-get source --download-only -qq "${need_src[@]}" >/dev/null)
  for t in "$dl"/*.orig.tar.*; do tar -xf "$t" -C "$SRC"; done
  rm -rf "$dl"
  # Debian's repacked tarballs unpack to name-version.dfsg: normalise to name-version
  for d in "$SRC"/*.dfsg; do
    [ -d "$d" ] || continue
    rm -rf "${d%.dfsg}"; mv "$d" "${d%.dfsg}"
  done
fi
for want in "imgui-$IMGUI_VER/imgui.cpp" "zlib-$ZLIB_VER/inflate.c" "utf8proc-$UTF8PROC_VER/utf8proc.c"; do
  [ -f "$SRC/$want" ] || { echo "deps: expected $SRC/$want after download"; ls "$SRC"; exit 1; }
done

# ---- SDL2 for the web: built once, cached by version --------------------------------------
if [ $want_web = 1 ]; then
  export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
  SDL_PREFIX="$CACHE/sdl2-$SDL_VER-web"
  if [ ! -f "$SDL_PREFIX/lib/libSDL2.a" ]; then
    log "building SDL2 $SDL_VER for the web (once; ~3 minutes)"
    b=$(mktemp -d)
    emcmake cmake -S "$SRC/SDL2-$SDL_VER" -B "$b" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$SDL_PREFIX" >"$b.log" 2>&1 \
      || { tail -50 "$b.log"; exit 1; }
    cmake --build "$b" -j2 >>"$b.log" 2>&1 && cmake --install "$b" >>"$b.log" 2>&1 || { tail -50 "$b.log"; exit 1; }
    rm -rf "$b" "$b.log"
  fi
fi

# ---- npm packages for the browser tests --------------------------------------------------
if [ $want_test = 1 ]; then
  stamp="$ROOT/tests/e2e/node_modules/.rekindle-stamp"
  want=$(cat "$ROOT/tests/e2e/package.json" | sha256sum | cut -c1-16)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing the browser-test packages (npm: playwright-core, pngjs)"
    (cd "$ROOT/tests/e2e" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" > "$stamp"
  fi
fi
log "ok"
