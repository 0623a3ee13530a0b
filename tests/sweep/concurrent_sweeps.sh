#!/bin/sh
# Two sweeps on one --out: the second stops at the first one's lock (exit 73, naming the lock and
# its owner) without touching its shards, and the first finishes a file whose every dataset reads.
# A lock left by a process that is gone is cleared; one held from another host is respected.
# Usage: concurrent_sweeps.sh REGIOSIM SOURCE_DIR SCRATCH_DIR CHECK_SCRIPT
set -u
cli=$1 src=$2 dir=$3 check=$4
rm -rf "$dir" && mkdir -p "$dir"
fail() { echo "FAIL: $*"; exit 1; }

# 12 000 runs in 600 fsynced shards: the first sweep is still running when the second starts.
sed -e "s|^scenario = .*|scenario = \"$src/scenarios/reference.toml\"|" \
    "$src/tests/sweep/data/kill-resume.toml" >"$dir/long.toml"
sed "s|^scenario = .*|scenario = \"$src/scenarios/reference.toml\"|" \
    "$src/tests/sweep/data/small-lhs.toml" >"$dir/small.toml"

"$cli" sweep "$dir/long.toml" --out "$dir/c.h5" --threads 1 --shard-runs 20 --progress never \
    >"$dir/a.out" 2>"$dir/a.err" &
first=$!
i=0
while [ "$(ls "$dir/c.h5.parts" 2>/dev/null | grep -c '^shard-.*\.h5$')" -lt 1 ]; do
    i=$((i + 1))
    [ $i -lt 1200 ] || { kill -9 $first; fail "no shard after 60 s"; }
    sleep 0.05
done
[ -e "$dir/c.h5.lock" ] || fail "no lock beside the output while the sweep runs"

"$cli" sweep "$dir/long.toml" --out "$dir/c.h5" --resume --progress never \
    >"$dir/b.out" 2>"$dir/b.err"
second=$?
[ -d "$dir/c.h5.parts" ] || fail "the first sweep ended before the second started"
[ $second -eq 73 ] || fail "the second sweep exited $second, expected 73: $(cat "$dir/b.err")"
grep -q "another sweep is writing" "$dir/b.err" &&
    grep -q "process $first on host $(uname -n) holds the lock $dir/c.h5.lock" "$dir/b.err" ||
    fail "the refusal does not name the lock and its owner: $(cat "$dir/b.err")"

wait $first
code=$?
[ $code -eq 0 ] || fail "the first sweep exited $code: $(cat "$dir/a.err")"
[ ! -e "$dir/c.h5.lock" ] || fail "the lock outlived its sweep"
/usr/bin/python3 "$check" columns "$dir/c.h5" "$src/docs/results-format.md" >"$dir/check.out" ||
    fail "the first sweep's file does not read back: $(cat "$dir/check.out")"
grep -q ", 12000 runs," "$dir/check.out" || fail "not 12000 runs: $(cat "$dir/check.out")"

# A stale lock: its owner ran on this host and is gone.
sh -c 'exit 0' &
dead=$!
wait $dead
printf '%s %s\n' "$dead" "$(uname -n)" >"$dir/d.h5.lock"
"$cli" sweep "$dir/small.toml" --out "$dir/d.h5" --progress never >"$dir/d.out" 2>&1 ||
    fail "a stale lock was not cleared: $(cat "$dir/d.out")"
[ -e "$dir/d.h5" ] && [ ! -e "$dir/d.h5.lock" ] || fail "no results after clearing a stale lock"

# A lock from another host cannot be checked: it stands, and the message says whose it is.
printf '1 another-host.example\n' >"$dir/e.h5.lock"
"$cli" sweep "$dir/small.toml" --out "$dir/e.h5" --progress never >"$dir/e.out" 2>&1
code=$?
[ $code -eq 73 ] || fail "a foreign host's lock: exit $code, expected 73"
grep -q "process 1 on host another-host.example" "$dir/e.out" || fail "$(cat "$dir/e.out")"
[ ! -e "$dir/e.h5" ] && [ ! -e "$dir/e.h5.parts" ] || fail "the locked output was touched"
echo "ok: the second sweep was refused, the first one's file is whole, stale locks are cleared"
