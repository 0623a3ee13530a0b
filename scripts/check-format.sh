#!/usr/bin/env bash
# Fails if clang-format would change any C++ file of the project.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.h' '*.cc')
if [[ ${#files[@]} -eq 0 ]]; then
  echo "check-format: no C++ files" >&2
  exit 1
fi
clang-format --dry-run --Werror "${files[@]}"
echo "check-format: ${#files[@]} files formatted"
