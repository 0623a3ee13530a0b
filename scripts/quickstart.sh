#!/usr/bin/env bash
# README command 1: install what is missing, build (Release) and compare the interventions of
# the shipped reference scenario. The what-if table is printed; result files land in results/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target regiosim
build/release/bin/regiosim compare scenarios/reference.toml "$@"
