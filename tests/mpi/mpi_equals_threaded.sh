#!/bin/sh
# An MPI sweep gives the datasets of the threaded run of the same experiment.
# Usage: mpi_equals_threaded.sh REGIOSIM EXPERIMENT SCRATCH_DIR CHECK_SCRIPT REFERENCE MPIRUN...
set -eu
cli=$1 experiment=$2 dir=$3 check=$4 reference=$5
shift 5
rm -rf "$dir" && mkdir -p "$dir"
"$@" "$cli" sweep "$experiment" --out "$dir/mpi.h5" --threads 1 --progress never
/usr/bin/python3 "$check" same "$reference" "$dir/mpi.h5"
