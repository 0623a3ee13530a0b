#!/bin/sh
# Kills a sweep with SIGKILL while it writes shards, resumes it, and checks the result equals an
# uninterrupted run (with another shard size and thread count) dataset by dataset.
# Usage: kill_resume.sh REGIOSIM EXPERIMENT SCRATCH_DIR CHECK_SCRIPT
set -eu
cli=$1 experiment=$2 dir=$3 check=$4
rm -rf "$dir" && mkdir -p "$dir"

"$cli" sweep "$experiment" --out "$dir/whole.h5" --threads 2 --progress never >/dev/null

"$cli" sweep "$experiment" --out "$dir/killed.h5" --threads 2 --shard-runs 20 \
    --progress never >/dev/null &
pid=$!
i=0
while [ "$(ls "$dir/killed.h5.parts" 2>/dev/null | grep -c '^shard-.*\.h5$')" -lt 3 ]; do
    i=$((i + 1))
    [ $i -lt 1200 ] || { echo "FAIL: no shards after 60 s"; kill -9 $pid; exit 1; }
    sleep 0.05
done
kill -9 $pid
wait $pid 2>/dev/null || true
[ -d "$dir/killed.h5.parts" ] || { echo "FAIL: the sweep finished before the kill"; exit 1; }
[ ! -e "$dir/killed.h5" ] || { echo "FAIL: a results file exists after the kill"; exit 1; }
done_before=$(ls "$dir/killed.h5.parts" | grep -c '^shard-.*\.h5$')
echo "killed with $done_before shards on disk"

# Without --resume the leftovers are refused (exit 73), never overwritten.
if "$cli" sweep "$experiment" --out "$dir/killed.h5" --progress never >/dev/null 2>&1; then
    echo "FAIL: a second sweep ran over the interrupted one"; exit 1
fi

"$cli" sweep "$experiment" --out "$dir/killed.h5" --threads 1 --resume --progress never
[ ! -e "$dir/killed.h5.parts" ] || { echo "FAIL: parts left after the merge"; exit 1; }
/usr/bin/python3 "$check" same "$dir/whole.h5" "$dir/killed.h5"
