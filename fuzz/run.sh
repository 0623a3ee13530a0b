#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, libFuzzer + AddressSanitizer + UBSan) and runs them for
# SECONDS seconds in all (default 60), split evenly:
#   - scenario_loader_fuzzer, seeded with every scenarios/**/*.toml and the loader's test files,
#     with a dictionary of the format's keys;
#   - results_reader_fuzzer, seeded with the results files of the tiny sweeps in
#     fuzz/results_seeds/ (made by REGIOSIM_BIN, default build/release/bin/regiosim).
# Findings land in build/fuzz/findings/.
#
#   fuzz/run.sh 600                  # ten minutes
#   REGIOSIM_FUZZ_BUILD_DIR=/tmp/f fuzz/run.sh 60
#   REGIOSIM_FUZZ_TARGETS=scenario fuzz/run.sh 60   # one of them (scenario, results)
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${REGIOSIM_FUZZ_BUILD_DIR:-$root/build/fuzz}"
read -r -a targets <<<"${REGIOSIM_FUZZ_TARGETS:-scenario results}"
# Each fuzzer's share; at least a second (libFuzzer reads -max_total_time=0 as "no limit").
share=$(( seconds / ${#targets[@]} ))
(( share > 0 )) || share=1

# Until the root CMakeLists has add_subdirectory(fuzz), configure fuzz/ standalone.
if grep -Eq '^[[:space:]]*add_subdirectory\(fuzz\)' "$root/CMakeLists.txt"; then
  source_dir="$root"
  options=(-DREGIOSIM_BUILD_FUZZERS=ON -DREGIOSIM_BUILD_TESTS=OFF)
else
  source_dir="$root/fuzz"
  options=()
fi
CC=clang CXX=clang++ cmake -S "$source_dir" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "${options[@]}" >/dev/null
mkdir -p "$build/findings"

fuzz_scenarios() {
  cmake --build "$build" --target scenario_loader_fuzzer -j"${REGIOSIM_FUZZ_JOBS:-1}"
  local fuzzer
  fuzzer="$(find "$build" -name scenario_loader_fuzzer -type f -perm -u+x | head -n 1)"

  # Seeds: copied under content hashes, so files of the same name in different folders coexist.
  local seeds="$build/seeds" corpus="$build/corpus"
  mkdir -p "$seeds" "$corpus"
  while IFS= read -r -d '' file; do
    cp "$file" "$seeds/$(sha1sum "$file" | cut -c1-16).toml"
  done < <(find "$root/scenarios" "$root/tests/scenario/data" -type f -name '*.toml' -print0 2>/dev/null)

  # Dictionary: the format's keys plus every model parameter group and name.
  local dict="$build/scenario.dict"
  cp "$root/fuzz/scenario_keys.dict" "$dict"
  sed -n 's/^X(\([a-z_]*\), *\([a-z_]*\),.*/"[model.\1]"\n"\2"/p' \
    "$root/sim/core/include/regiosim/core/parameters.def" | sort -u >>"$dict"

  "$fuzzer" "$corpus" "$seeds" \
    -dict="$dict" \
    -max_total_time="$share" \
    -max_len=16384 \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -print_final_stats=1 \
    -artifact_prefix="$build/findings/"
}

fuzz_results() {
  if [[ "$source_dir" != "$root" ]]; then
    echo "fuzz/run.sh: results_reader_fuzzer needs the root project (add_subdirectory(fuzz))" >&2
    return 1
  fi
  local regiosim="${REGIOSIM_BIN:-$root/build/release/bin/regiosim}"
  if [[ ! -x "$regiosim" ]]; then
    echo "fuzz/run.sh: $regiosim not found: build it (cmake --build --preset release) or set REGIOSIM_BIN" >&2
    return 1
  fi
  cmake --build "$build" --target results_reader_fuzzer -j"${REGIOSIM_FUZZ_JOBS:-1}"
  local fuzzer
  fuzzer="$(find "$build" -name results_reader_fuzzer -type f -perm -u+x | head -n 1)"

  # Seeds: the results files of tiny sweeps, one per design, made now so they always have the
  # current format (a few hundred KB each, mostly empty chunk space; not committed).
  local seeds="$build/results-seeds" corpus="$build/results-corpus"
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus"
  local experiment
  for experiment in "$root"/fuzz/results_seeds/*.toml; do
    "$regiosim" sweep "$experiment" --out "$seeds/$(basename "$experiment" .toml).h5" \
      --progress never >/dev/null
  done

  # -cross_over=0: byte-level crossover of two HDF5 files breaks HDF5's own metadata; the
  # custom mutator edits the files' contents through HDF5 instead (results_reader_fuzzer.cpp).
  "$fuzzer" "$corpus" "$seeds" \
    -cross_over=0 \
    -max_total_time="$share" \
    -max_len=1048576 \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -print_final_stats=1 \
    -artifact_prefix="$build/findings/results-"
}

for target in "${targets[@]}"; do
  case "$target" in
    scenario) fuzz_scenarios ;;
    results) fuzz_results ;;
    *) echo "fuzz/run.sh: unknown target '$target' (valid: scenario, results)" >&2; exit 64 ;;
  esac
done
