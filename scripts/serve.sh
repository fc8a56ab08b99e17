#!/usr/bin/env bash
# Builds Rekindle (installing what is missing) and serves it on http://127.0.0.1:${PORT:-8080}/
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/scripts/build_web.sh"
exec node "$ROOT/tests/e2e/server.mjs" "$ROOT/dist" "${PORT:-8080}"
