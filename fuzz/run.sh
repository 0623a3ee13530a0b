#!/usr/bin/env bash
# Builds the scenario loader fuzzer (clang, libFuzzer + AddressSanitizer + UBSan) and runs it
# for SECONDS seconds (default 60), seeded with every scenarios/**/*.toml and the loader's test
# files, with a dictionary of the format's keys. Findings land in build/fuzz/findings/.
#
#   fuzz/run.sh 600                  # ten minutes
#   REGIOSIM_FUZZ_BUILD_DIR=/tmp/f fuzz/run.sh 60
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${REGIOSIM_FUZZ_BUILD_DIR:-$root/build/fuzz}"

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
cmake --build "$build" --target scenario_loader_fuzzer -j"${REGIOSIM_FUZZ_JOBS:-1}"
fuzzer="$(find "$build" -name scenario_loader_fuzzer -type f -perm -u+x | head -n 1)"

# Seeds: copied under content hashes, so files of the same name in different folders coexist.
seeds="$build/seeds"
corpus="$build/corpus"
mkdir -p "$seeds" "$corpus" "$build/findings"
while IFS= read -r -d '' file; do
  cp "$file" "$seeds/$(sha1sum "$file" | cut -c1-16).toml"
done < <(find "$root/scenarios" "$root/tests/scenario/data" -type f -name '*.toml' -print0 2>/dev/null)

# Dictionary: the format's keys plus every model parameter group and name.
dict="$build/scenario.dict"
cp "$root/fuzz/scenario_keys.dict" "$dict"
sed -n 's/^X(\([a-z_]*\), *\([a-z_]*\),.*/"[model.\1]"\n"\2"/p' \
  "$root/sim/core/include/regiosim/core/parameters.def" | sort -u >>"$dict"

exec "$fuzzer" "$corpus" "$seeds" \
  -dict="$dict" \
  -max_total_time="$seconds" \
  -max_len=16384 \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -print_final_stats=1 \
  -artifact_prefix="$build/findings/"
