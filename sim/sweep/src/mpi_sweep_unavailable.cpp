// The serial build: no MPI. A launch by mpirun with several ranks is refused, since every rank
// would otherwise run the whole sweep into the same files.

#include <cstdlib>

#include "regiosim/errors/errors.hpp"
#include "regiosim/sweep/mpi_sweep.hpp"

namespace regiosim {

bool mpi_built_in() noexcept {
    return false;
}

MpiSweepOutcome run_sweep_mpi(const LoadedExperiment&, const SweepOptions&) {
    throw UsageError(
        "this regiosim was built without MPI, so it cannot share a sweep between ranks; "
        "install libopenmpi-dev and rebuild (REGIOSIM_WITH_MPI), or use --shard I/N with a job "
        "array (docs/cluster.md)");
}

}  // namespace regiosim
