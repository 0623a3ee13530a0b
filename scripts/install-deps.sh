#!/usr/bin/env bash
# Installs what regiosim needs from Debian 12's packages, and only what is missing.
# Idempotent; runs `apt-get update` once, and only when something must be installed.
# Usage: scripts/install-deps.sh [--dev]   (--dev adds clang-format and clang for CI checks)
set -euo pipefail

packages=(
  build-essential cmake git pkg-config python3
  libboost-dev libeigen3-dev libhdf5-dev catch2 libtomlplusplus-dev libcli11-dev
  libfmt-dev libtbb-dev librandom123-dev nlohmann-json3-dev
  libbenchmark-dev
  python3-h5py python3-numpy python3-pandas r-base-core r-cran-hdf5r r-cran-bit64
  libopenmpi-dev openmpi-bin
)
if [[ "${1:-}" == "--dev" ]]; then
  packages+=(clang-format clang libclang-rt-14-dev)
fi
# `regiosim serve`: the web front end is built with npm; its browser test drives Debian's chromium.
# Debian's npm conflicts with a NodeSource Node.js (which brings its own npm): add it only if absent.
packages+=(chromium)
if ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: everything is installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then
    sudo_cmd=(sudo)
  else
    echo "install-deps: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2
    exit 77
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
