#!/bin/sh
# A sweep that runs out of room ends with its message and exit code 74, not a crash in HDF5's
# shutdown (HDF5 1.10 crashes at exit on a file whose close failed). The full disk is a file-size
# limit (no root, no tmpfs needed): writes past it fail with EFBIG, as on a full disk with ENOSPC.
# Usage: disk_full.sh REGIOSIM SOURCE_DIR SCRATCH_DIR
set -u
cli=$1 src=$2 dir=$3
rm -rf "$dir" && mkdir -p "$dir"
sed "s|^scenario = .*|scenario = \"$src/scenarios/reference.toml\"|" \
    "$src/tests/sweep/data/kill-resume.toml" >"$dir/long.toml"

# 400 blocks of 512 bytes: the manifest fits, the first shard does not. SIGXFSZ ignored, so the
# write fails instead of killing the process.
sh -c 'trap "" XFSZ; ulimit -f 400; exec "$0" sweep "$1" --out "$2" --progress never' \
    "$cli" "$dir/long.toml" "$dir/full.h5" >"$dir/stdout" 2>"$dir/stderr"
code=$?
cat "$dir/stderr"
[ $code -lt 128 ] || { echo "FAIL: killed by signal $((code - 128))"; exit 1; }
[ $code -eq 74 ] || { echo "FAIL: exit $code, expected 74"; exit 1; }
grep -q "cannot flush the results file (disk full?)" "$dir/stderr" ||
    { echo "FAIL: the message does not say the disk is full"; exit 1; }
[ ! -e "$dir/full.h5" ] || { echo "FAIL: a results file was published"; exit 1; }
[ ! -e "$dir/full.h5.lock" ] || { echo "FAIL: the lock outlived the failed sweep"; exit 1; }
echo "ok: exit 74 with the disk-full message"
