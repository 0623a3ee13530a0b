# Every dependency comes from Debian 12 packages; scripts/install-deps.sh installs them.

# The model and its scenario loading (sim/core, sim/reference, sim/scenario).
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(fmt 9 REQUIRED)
find_package(tomlplusplus 3 REQUIRED)

# Random123 is header-only and ships no CMake config on Debian.
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
add_library(regiosim_random123 INTERFACE)
add_library(Random123::Random123 ALIAS regiosim_random123)
target_include_directories(regiosim_random123 SYSTEM INTERFACE ${RANDOM123_INCLUDE_DIR})

# The applications around it (REGIOSIM_BUILD_APPS, on in the root project; the standalone fuzz
# project builds only the model and its loader).
if(NOT REGIOSIM_BUILD_APPS)
  return()
endif()
find_package(Boost 1.74 REQUIRED)
find_package(CLI11 2 REQUIRED)
find_package(TBB 2021 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(HDF5 1.10 REQUIRED COMPONENTS C)

add_library(regiosim_hdf5 INTERFACE)
add_library(regiosim::hdf5 ALIAS regiosim_hdf5)
target_include_directories(regiosim_hdf5 SYSTEM INTERFACE ${HDF5_C_INCLUDE_DIRS} ${HDF5_INCLUDE_DIRS})
target_link_libraries(regiosim_hdf5 INTERFACE ${HDF5_C_LIBRARIES})
target_compile_definitions(regiosim_hdf5 INTERFACE ${HDF5_C_DEFINITIONS} H5_USE_110_API)

# MPI (OpenMPI from Debian) for distributed sweeps: on when found, the serial build works without.
find_package(MPI COMPONENTS C QUIET)
option(REGIOSIM_WITH_MPI "Distributed sweeps over MPI (mpirun -n K regiosim sweep …)" ${MPI_C_FOUND})
if(REGIOSIM_WITH_MPI AND NOT MPI_C_FOUND)
  message(FATAL_ERROR "REGIOSIM_WITH_MPI is ON but no MPI was found: run scripts/install-deps.sh "
                      "(libopenmpi-dev) or configure with -DREGIOSIM_WITH_MPI=OFF")
endif()
