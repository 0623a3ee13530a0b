#!/usr/bin/env bash
# README command 2: install what is missing, build everything and run the whole test suite
# through ctest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
ctest --preset release "$@"
