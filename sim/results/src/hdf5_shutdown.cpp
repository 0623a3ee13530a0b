#include <hdf5.h>

#include "regiosim/results/hdf5_handle.hpp"

namespace regiosim::h5 {

void skip_library_shutdown_at_exit() noexcept {
    H5dont_atexit();
}

}  // namespace regiosim::h5
