#!/bin/sh
# Kills one worker rank of an MPI sweep with SIGKILL, checks the job fails and reports the shards
# in flight, resumes it (over MPI again) and compares the result with an uninterrupted run.
# Usage: mpi_kill_resume.sh REGIOSIM EXPERIMENT SCRATCH_DIR CHECK_SCRIPT MPIRUN...
set -eu
cli=$1 experiment=$2 dir=$3 check=$4
shift 4
rm -rf "$dir" && mkdir -p "$dir"

"$cli" sweep "$experiment" --out "$dir/whole.h5" --threads 2 --progress never >/dev/null

"$@" "$cli" sweep "$experiment" --out "$dir/killed.h5" --threads 1 --shard-runs 20 \
    --progress never >"$dir/job.out" 2>"$dir/job.err" &
launcher=$!
i=0
while [ "$(ls "$dir/killed.h5.parts" 2>/dev/null | grep -c '^shard-.*\.h5$')" -lt 3 ]; do
    i=$((i + 1))
    [ $i -lt 1200 ] || { echo "FAIL: no shards after 60 s"; kill -9 $launcher; exit 1; }
    sleep 0.05
done
# The ranks are the launcher's children; Open MPI puts each one's rank in its environment.
victim='' victim_rank=''
ranks=$(pgrep -P $launcher)
for pid in $ranks; do
    rank=$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | sed -n 's/^OMPI_COMM_WORLD_RANK=//p')
    if [ -n "$rank" ] && [ "$rank" != 0 ]; then victim=$pid victim_rank=$rank; fi
done
[ -n "$victim" ] || { echo "FAIL: no worker rank process found"; exit 1; }
# On a loaded machine one worker may finish the first shards before the other has asked for work;
# killing a rank with no shard yet would leave nothing to report.
report="$dir/killed.h5.parts/ended-job.txt"
i=0
until grep -q "on rank $victim_rank\($\|,\)" "$report" 2>/dev/null; do
    i=$((i + 1))
    [ $i -lt 1200 ] || { echo "FAIL: rank $victim_rank got no shard in 60 s"; kill -9 $launcher; exit 1; }
    sleep 0.05
done
kill -9 "$victim"
if wait $launcher; then
    echo "FAIL: the MPI job succeeded although a rank was killed"; exit 1
fi
# The launcher may return while rank 0 is still on its way out, holding the output's lock; the
# resume would rightly refuse. Wait until every rank of the ended job is gone.
i=0
for pid in $ranks; do
    while kill -0 "$pid" 2>/dev/null; do
        i=$((i + 1))
        [ $i -lt 1200 ] || { echo "FAIL: rank process $pid still there 60 s after the job"; exit 1; }
        sleep 0.05
    done
done
cat "$dir/job.err"
# The launcher may stop forwarding rank 0's stderr while it ends the job, so the report that must
# be there is the file; the resume repeats it.
grep -q "shard [0-9]* on rank $victim_rank\($\|,\)" "$report" ||
    { echo "FAIL: no report naming the shard of rank $victim_rank in $report, which holds:";
      od -c "$report" 2>&1 | head -20; exit 1; }
[ ! -e "$dir/killed.h5" ] || { echo "FAIL: a results file exists after the failure"; exit 1; }

"$@" "$cli" sweep "$experiment" --out "$dir/killed.h5" --threads 1 --resume --progress never \
    2>"$dir/resume.err"
cat "$dir/resume.err"
grep -q "resuming a job its launcher ended (shards in flight then: .*shard [0-9]* on rank $victim_rank[,)]" \
    "$dir/resume.err" || { echo "FAIL: the resume does not repeat the report"; exit 1; }
/usr/bin/python3 "$check" same "$dir/whole.h5" "$dir/killed.h5"
