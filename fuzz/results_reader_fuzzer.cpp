// libFuzzer target: any results file must either be analysed or end in a regiosim::Error
// (DataError, MissingInputError), exactly what `regiosim analyze` and `report` do with it.
// Anything else (another exception, bad_alloc, a crash, a sanitizer report, a hang, more memory
// than -rss_limit_mb) is a finding.
//
// HDF5 opens files by name, so each input is written to a file of this process first. (The
// core driver could open an in-memory image, H5Pset_fapl_core + H5Pset_file_image, but the
// reader takes a path, as analyze does; a temporary file keeps the fuzzed path the real one.)
//
// Inputs are mutated structurally (LLVMFuzzerCustomMutator): HDF5 itself opens the input and
// overwrites a value, changes a dataset's extent, rewrites or deletes an attribute or deletes a
// dataset, so every input stays a well-formed HDF5 file whose *contents* are wrong, the damage
// regiosim must catch. Byte-level damage to HDF5's own metadata would mostly exercise libhdf5's
// parser, which regiosim cannot fix; the reader's answer to a file HDF5 cannot open is covered
// by tests/analyze.

#include <hdf5.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "regiosim/analyze/results_analysis.hpp"
#include "regiosim/errors/errors.hpp"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

std::filesystem::path scratch_file(const char* role) {
    return std::filesystem::temp_directory_path() /
           ("regiosim-results-fuzz-" + std::to_string(::getpid()) + "-" + role + ".h5");
}

void write_bytes(const std::filesystem::path& path, const std::uint8_t* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every dataset of an open file, by path.
std::vector<std::string> datasets(hid_t file) {
    std::vector<std::string> out;
    H5Ovisit(
        file, H5_INDEX_NAME, H5_ITER_NATIVE,
        [](hid_t, const char* name, const H5O_info_t* info, void* found) -> herr_t {
            if (info->type == H5O_TYPE_DATASET) {
                static_cast<std::vector<std::string>*>(found)->emplace_back(name);
            }
            return 0;
        },
        &out);
    return out;
}

// Values that sit on the edges the reader must check: around zero, −1 ("never"), around the
// dataset's own length, type limits, non-finite numbers.
double interesting_value(std::mt19937_64& rng, double rows) {
    const std::array<double, 16> edges = {-1.0,
                                          0.0,
                                          1.0,
                                          2.0,
                                          rows - 1,
                                          rows,
                                          rows + 1,
                                          -rows,
                                          127.0,
                                          32767.0,
                                          2147483647.0,
                                          -2147483648.0,
                                          9.3e18,
                                          -1e300,
                                          std::numeric_limits<double>::quiet_NaN(),
                                          std::numeric_limits<double>::infinity()};
    if (rng() % 4 == 0) {
        return static_cast<double>(static_cast<std::int64_t>(rng() % 2001) - 1000);
    }
    return edges[rng() % edges.size()];
}

// The value as an int64 attribute holds it: clamped to the type's range, NaN as 0.
std::int64_t as_integer(double v) {
    constexpr double limit = 9.2e18;  // just inside ±2^63
    return std::isnan(v) ? 0 : static_cast<std::int64_t>(std::clamp(v, -limit, limit));
}

std::uint64_t dataset_rows(hid_t dataset) {
    const hid_t space = H5Dget_space(dataset);
    hsize_t rows = 0;
    if (H5Sget_simple_extent_ndims(space) == 1) {
        H5Sget_simple_extent_dims(space, &rows, nullptr);
    }
    H5Sclose(space);
    return rows;
}

void overwrite_value(hid_t dataset, std::mt19937_64& rng) {
    const std::uint64_t rows = dataset_rows(dataset);
    if (rows == 0) {
        return;
    }
    const hsize_t row = rng() % rows;
    const hsize_t one = 1;
    const double value = interesting_value(rng, static_cast<double>(rows));
    const hid_t space = H5Dget_space(dataset);
    H5Sselect_hyperslab(space, H5S_SELECT_SET, &row, nullptr, &one, nullptr);
    const hid_t memory = H5Screate_simple(1, &one, nullptr);
    H5Dwrite(dataset, H5T_NATIVE_DOUBLE, memory, space, H5P_DEFAULT, &value);
    H5Sclose(memory);
    H5Sclose(space);
}

void change_extent(hid_t dataset, std::mt19937_64& rng) {
    const std::uint64_t rows = dataset_rows(dataset);
    const std::array<std::uint64_t, 6> extents = {
        0,        rows > 0 ? rows - 1 : 0,          rows + 1,
        2 * rows, std::uint64_t{1} << (rng() % 41), rng() % 4096};
    const hsize_t extent = extents[rng() % extents.size()];
    H5Dset_extent(dataset, &extent);
}

void write_int_attribute(hid_t object, const char* name, std::int64_t value) {
    if (H5Aexists(object, name) > 0) {
        H5Adelete(object, name);
    }
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attribute =
        H5Acreate2(object, name, H5T_STD_I64LE, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(attribute, H5T_NATIVE_INT64, &value);
    H5Aclose(attribute);
    H5Sclose(space);
}

void write_string_attribute(hid_t object, const char* name, const char* value) {
    if (H5Aexists(object, name) > 0) {
        H5Adelete(object, name);
    }
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attribute = H5Acreate2(object, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(attribute, type, &value);
    H5Aclose(attribute);
    H5Sclose(space);
    H5Tclose(type);
}

// Attributes the reader and the analysis read from /design or the root.
void change_attribute(hid_t file, std::mt19937_64& rng) {
    const std::array<const char*, 6> kinds = {"replications",  "sobol",          "morris",
                                              "one_at_a_time", "full_factorial", "nonsense"};
    const std::array<const char*, 5> integers = {"replications", "base_samples", "trajectories",
                                                 "morris_levels", "format_version"};
    const hid_t design = H5Lexists(file, "design", H5P_DEFAULT) > 0
                             ? H5Gopen2(file, "design", H5P_DEFAULT)
                             : H5I_INVALID_HID;
    const hid_t object = design >= 0 && rng() % 4 != 0 ? design : file;
    switch (rng() % 4) {
        case 0:
            write_string_attribute(object, "kind", kinds[rng() % kinds.size()]);
            break;
        case 1:
            write_int_attribute(object, integers[rng() % integers.size()],
                                as_integer(interesting_value(rng, 8)));
            break;
        case 2: {
            const std::array<const char*, 4> names = {"arms", "factor_names", "labels", "kind"};
            H5Adelete(object, names[rng() % names.size()]);
            break;
        }
        default:
            write_string_attribute(file, "scenario", "name = \"fuzz\"\nhorizon_years = 1\n");
            break;
    }
    if (design >= 0) {
        H5Gclose(design);
    }
}

// One to three edits of an HDF5 file; false when HDF5 cannot open it for writing.
bool edit(const std::filesystem::path& path, std::mt19937_64& rng) {
    const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    if (file < 0) {
        return false;
    }
    const auto names = datasets(file);
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !names.empty(); ++e) {
        const std::string& name = names[rng() % names.size()];
        const unsigned what = rng() % 10;
        if (what == 0) {
            change_attribute(file, rng);
        } else if (what == 1) {
            H5Ldelete(file, name.c_str(), H5P_DEFAULT);
        } else {
            const hid_t dataset = H5Dopen2(file, name.c_str(), H5P_DEFAULT);
            if (dataset >= 0) {
                what < 4 ? change_extent(dataset, rng) : overwrite_value(dataset, rng);
                H5Dclose(dataset);
            }
        }
    }
    H5Fclose(file);
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    // libFuzzer ends with exit(): the two scratch files of this process go with it.
    std::atexit([] {
        std::error_code ec;
        std::filesystem::remove(scratch_file("input"), ec);
        std::filesystem::remove(scratch_file("mutate"), ec);
    });
    return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t max_size, unsigned int seed) {
    const auto path = scratch_file("mutate");
    write_bytes(path, data, size);
    std::mt19937_64 rng(seed);
    if (!edit(path, rng)) {
        // Not an HDF5 file (a hand-made input): byte-level mutation is all there is.
        return LLVMFuzzerMutate(data, size, max_size);
    }
    const auto edited = read_bytes(path);
    if (edited.size() > max_size) {
        return size;
    }
    std::memcpy(data, edited.data(), edited.size());
    return edited.size();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = scratch_file("input");
    write_bytes(path, data, size);
    try {
        (void)regiosim::analyse_results(path);
    } catch (const regiosim::Error&) {
        // DataError: the expected outcome for a damaged file.
    }
    return 0;
}
