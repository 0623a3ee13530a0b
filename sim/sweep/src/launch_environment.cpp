// Whether an MPI launcher started this process with others: read from the launcher's
// environment so the CLI can decide before initialising MPI. Shared by the MPI build and the
// serial build, which refuses such a launch.

#include <cstdlib>

#include "regiosim/sweep/mpi_sweep.hpp"

namespace regiosim {

bool launched_with_several_ranks() noexcept {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE", "SLURM_NTASKS"}) {
        if (const char* value = std::getenv(name); value != nullptr && std::atoi(value) > 1) {
            return true;
        }
    }
    return false;
}

}  // namespace regiosim
