#pragma once

#include "regiosim/sweep/sweep_runner.hpp"

namespace regiosim {

/// Whether this build can run sweeps over MPI.
[[nodiscard]] bool mpi_built_in() noexcept;

/// Whether the process was started by an MPI launcher (mpirun, srun …) together with other
/// ranks; read from the launcher's environment, before MPI is initialised.
[[nodiscard]] bool launched_with_several_ranks() noexcept;

/// What a distributed sweep reports on each rank.
struct MpiSweepOutcome {
    SweepSummary summary;  ///< meaningful on rank 0
    int rank = 0;
    int ranks = 1;
};

/// Runs the sweep over the ranks of MPI_COMM_WORLD (initialising and finalising MPI). Rank 0
/// checks the output and the manifest exactly as run_sweep does, then hands out shards one at a
/// time to the workers that ask (dynamic scheduling, so fast and slow nodes both stay busy);
/// workers compute each shard with their own threads (options.threads) and publish it through
/// the same crash-safe path as the threaded engine; rank 0 merges when all are done. The
/// datasets equal those of run_sweep with any number of threads.
///
/// A worker that fails reports the shard and the error to rank 0, which aborts the job with
/// exit code 74; a worker that dies makes the launcher end the job, and rank 0 then names the
/// shards that were in flight. Every shard already written stays; `--resume` (with or without
/// MPI) completes the sweep. Errors found by rank 0 before the work starts are thrown there.
MpiSweepOutcome run_sweep_mpi(const LoadedExperiment& experiment, const SweepOptions& options);

}  // namespace regiosim
