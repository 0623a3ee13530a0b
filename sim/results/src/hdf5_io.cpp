#include "hdf5_io.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string>

#include "regiosim/errors/errors.hpp"
#include "regiosim/errors/file_error.hpp"

namespace regiosim::h5 {

std::mutex& library_mutex() {
    static std::mutex mutex;
    return mutex;
}

void silence_library_errors() {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

namespace {

[[noreturn]] void bad_data(const std::filesystem::path& file, const std::string& what) {
    not_a_results_file(file, what);
}

Handle vlen_utf8_type() {
    Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(type.get(), H5T_VARIABLE);
    H5Tset_cset(type.get(), H5T_CSET_UTF8);
    return type;
}

Handle open_attribute(hid_t object, const std::string& name, const std::filesystem::path& file) {
    if (H5Aexists(object, name.c_str()) <= 0) {
        bad_data(file, "attribute `" + name + "` is missing");
    }
    Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose);
    if (!attribute.valid()) {
        bad_data(file, "attribute `" + name + "` cannot be read");
    }
    return attribute;
}

void write_attribute(hid_t object, const std::string& name, hid_t file_type, hid_t memory_type,
                     const void* value, const std::filesystem::path& file) {
    Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    if (H5Aexists(object, name.c_str()) > 0) {
        H5Adelete(object, name.c_str());
    }
    Handle attribute(
        H5Acreate2(object, name.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
        H5Aclose);
    if (!attribute.valid() || H5Awrite(attribute.get(), memory_type, value) < 0) {
        fail(file, "cannot write attribute " + name);
    }
}

}  // namespace

hid_t native_type(ColumnType type) noexcept {
    switch (type) {
        case ColumnType::int8:
            return H5T_NATIVE_INT8;
        case ColumnType::int16:
            return H5T_NATIVE_INT16;
        case ColumnType::int32:
            return H5T_NATIVE_INT32;
        case ColumnType::int64:
            return H5T_NATIVE_INT64;
        case ColumnType::uint64:
            return H5T_NATIVE_UINT64;
        case ColumnType::float64:
            return H5T_NATIVE_DOUBLE;
    }
    return H5T_NATIVE_DOUBLE;
}

std::size_t type_size(ColumnType type) noexcept {
    switch (type) {
        case ColumnType::int8:
            return 1;
        case ColumnType::int16:
            return 2;
        case ColumnType::int32:
            return 4;
        case ColumnType::int64:
        case ColumnType::uint64:
        case ColumnType::float64:
            return 8;
    }
    return 8;
}

void not_a_results_file(const std::filesystem::path& file, const std::string& problem) {
    throw data_error_about_file(
        file.string(), problem,
        "valid: a results file written by `regiosim sweep` (docs/results-format.md)");
}

void fail(const std::filesystem::path& file, const std::string& what) {
    throw IoError(file.string() + ": " + what);
}

Handle create_group(hid_t parent, const std::string& name, const std::filesystem::path& file) {
    Handle group(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
    if (!group.valid()) {
        fail(file, "cannot create group " + name);
    }
    return group;
}

Handle create_column(hid_t group, const std::string& name, ColumnType type,
                     const std::filesystem::path& file, std::uint64_t chunk_rows) {
    const hsize_t initial = 0;
    const hsize_t unlimited = H5S_UNLIMITED;
    Handle space(H5Screate_simple(1, &initial, &unlimited), H5Sclose);
    Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
    const hsize_t chunk = std::max<std::uint64_t>(chunk_rows, 1);
    H5Pset_chunk(properties.get(), 1, &chunk);
    H5Pset_shuffle(properties.get());
    // Level 1: after the shuffle the columns compress nearly as well as at level 4 (files 6 %
    // larger) in 40 % of the time, which keeps writing a small share of a sweep now that a run
    // takes tens of microseconds (docs/performance.md).
    H5Pset_deflate(properties.get(), 1);
    // Fixed fill and allocation behaviour: datasets get the same bytes whatever the order and
    // size of the appends that filled them.
    H5Pset_fill_time(properties.get(), H5D_FILL_TIME_NEVER);
    Handle dataset(H5Dcreate2(group, name.c_str(), native_type(type), space.get(), H5P_DEFAULT,
                              properties.get(), H5P_DEFAULT),
                   H5Dclose);
    if (!dataset.valid()) {
        fail(file, "cannot create dataset " + name);
    }
    return dataset;
}

void append_column(hid_t dataset, ColumnType type, const void* data, std::uint64_t current_rows,
                   std::uint64_t rows, const std::filesystem::path& file) {
    if (rows == 0) {
        return;
    }
    const hsize_t total = current_rows + rows;
    if (H5Dset_extent(dataset, &total) < 0) {
        fail(file, "cannot extend a dataset");
    }
    Handle file_space(H5Dget_space(dataset), H5Sclose);
    const hsize_t start = current_rows;
    const hsize_t count = rows;
    H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &start, nullptr, &count, nullptr);
    Handle memory_space(H5Screate_simple(1, &count, nullptr), H5Sclose);
    if (H5Dwrite(dataset, native_type(type), memory_space.get(), file_space.get(), H5P_DEFAULT,
                 data) < 0) {
        fail(file, "cannot write a dataset (disk full?)");
    }
}

void write_string_attribute(hid_t object, const std::string& name, std::string_view value,
                            const std::filesystem::path& file) {
    const Handle type = vlen_utf8_type();
    const std::string text(value);
    const char* pointer = text.c_str();
    write_attribute(object, name, type.get(), type.get(), &pointer, file);
}

void write_strings_attribute(hid_t object, const std::string& name,
                             const std::vector<std::string>& values,
                             const std::filesystem::path& file) {
    const Handle type = vlen_utf8_type();
    const hsize_t count = values.size();
    Handle space(H5Screate_simple(1, &count, nullptr), H5Sclose);
    std::vector<const char*> pointers;
    pointers.reserve(values.size());
    for (const auto& v : values) {
        pointers.push_back(v.c_str());
    }
    if (H5Aexists(object, name.c_str()) > 0) {
        H5Adelete(object, name.c_str());
    }
    Handle attribute(
        H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
        H5Aclose);
    if (!attribute.valid() ||
        (!values.empty() && H5Awrite(attribute.get(), type.get(), pointers.data()) < 0)) {
        fail(file, "cannot write attribute " + name);
    }
}

void write_int_attribute(hid_t object, const std::string& name, std::int64_t value,
                         const std::filesystem::path& file) {
    write_attribute(object, name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value, file);
}

void write_uint_attribute(hid_t object, const std::string& name, std::uint64_t value,
                          const std::filesystem::path& file) {
    write_attribute(object, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &value, file);
}

void write_double_attribute(hid_t object, const std::string& name, double value,
                            const std::filesystem::path& file) {
    write_attribute(object, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value, file);
}

bool exists(hid_t parent, const std::string& path) {
    // H5Lexists needs every intermediate link to exist: check each prefix in turn.
    std::size_t at = 0;
    while (true) {
        const std::size_t slash = path.find('/', at);
        const std::string prefix = path.substr(0, slash);
        if (H5Lexists(parent, prefix.c_str(), H5P_DEFAULT) <= 0) {
            return false;
        }
        if (slash == std::string::npos) {
            return true;
        }
        at = slash + 1;
    }
}

std::string read_string_attribute(hid_t object, const std::string& name,
                                  const std::filesystem::path& file) {
    const auto values = read_strings_attribute(object, name, file);
    if (values.size() != 1) {
        bad_data(file, "attribute `" + name + "` is not a single string");
    }
    return values.front();
}

std::vector<std::string> read_strings_attribute(hid_t object, const std::string& name,
                                                const std::filesystem::path& file) {
    const Handle attribute = open_attribute(object, name, file);
    Handle stored(H5Aget_type(attribute.get()), H5Tclose);
    if (H5Tget_class(stored.get()) != H5T_STRING || H5Tis_variable_str(stored.get()) <= 0) {
        bad_data(file, "attribute `" + name + "` is not a variable-length string");
    }
    Handle space(H5Aget_space(attribute.get()), H5Sclose);
    const hssize_t count = H5Sget_simple_extent_npoints(space.get());
    if (count < 0 || count > 10'000'000) {
        bad_data(file, "attribute `" + name + "` has an impossible size");
    }
    std::vector<char*> pointers(static_cast<std::size_t>(count), nullptr);
    const Handle type = vlen_utf8_type();
    if (count > 0 && H5Aread(attribute.get(), type.get(), pointers.data()) < 0) {
        bad_data(file, "attribute `" + name + "` cannot be read");
    }
    std::vector<std::string> values;
    values.reserve(pointers.size());
    for (char* p : pointers) {
        values.emplace_back(p != nullptr ? p : "");
    }
    if (count > 0) {
        H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, pointers.data());
    }
    return values;
}

std::int64_t read_int_attribute(hid_t object, const std::string& name,
                                const std::filesystem::path& file) {
    const Handle attribute = open_attribute(object, name, file);
    std::int64_t value = 0;
    if (H5Aread(attribute.get(), H5T_NATIVE_INT64, &value) < 0) {
        bad_data(file, "attribute `" + name + "` is not an integer");
    }
    return value;
}

std::uint64_t read_uint_attribute(hid_t object, const std::string& name,
                                  const std::filesystem::path& file) {
    const Handle attribute = open_attribute(object, name, file);
    std::uint64_t value = 0;
    if (H5Aread(attribute.get(), H5T_NATIVE_UINT64, &value) < 0) {
        bad_data(file, "attribute `" + name + "` is not an integer");
    }
    return value;
}

namespace {

// Deflate cannot shrink data by more than 1032:1 (RFC 1951: at most 258 bytes per code of at
// least two bits), and the shuffle filter keeps sizes: a dataset whose rows need more bytes than
// this many times the bytes stored for it declares rows it does not hold (a damaged or forged
// extent). Checked before anyone allocates memory for the rows.
constexpr std::uint64_t max_compression_ratio = 1100;

void check_rows_are_stored(hid_t dataset, const std::string& path, std::uint64_t rows,
                           const std::filesystem::path& file) {
    if (rows == 0) {
        return;
    }
    Handle type(H5Dget_type(dataset), H5Tclose);
    const std::uint64_t row_bytes = std::max<std::uint64_t>(H5Tget_size(type.get()), 1);
    const std::uint64_t stored = H5Dget_storage_size(dataset);
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() / max_compression_ratio;
    if (stored >= limit) {
        return;
    }
    if (rows > stored * max_compression_ratio / row_bytes) {
        bad_data(file, "dataset /" + path + " declares " + std::to_string(rows) +
                           " rows but stores only " + std::to_string(stored) +
                           " bytes: its extent is damaged");
    }
}

}  // namespace

std::uint64_t column_rows(hid_t parent, const std::string& path,
                          const std::filesystem::path& file) {
    if (!exists(parent, path)) {
        bad_data(file, "dataset /" + path + " is missing");
    }
    Handle dataset(H5Dopen2(parent, path.c_str(), H5P_DEFAULT), H5Dclose);
    if (!dataset.valid()) {
        bad_data(file, "dataset /" + path + " cannot be opened");
    }
    Handle space(H5Dget_space(dataset.get()), H5Sclose);
    if (H5Sget_simple_extent_ndims(space.get()) != 1) {
        bad_data(file, "dataset /" + path + " is not one-dimensional");
    }
    hsize_t rows = 0;
    H5Sget_simple_extent_dims(space.get(), &rows, nullptr);
    check_rows_are_stored(dataset.get(), path, rows, file);
    return rows;
}

void read_column(hid_t parent, const std::string& path, ColumnType type, std::uint64_t first,
                 std::uint64_t count, void* out, const std::filesystem::path& file) {
    const std::uint64_t rows = column_rows(parent, path, file);
    if (first + count > rows) {
        bad_data(file, "dataset /" + path + " is shorter than the file says");
    }
    if (count == 0) {
        return;
    }
    Handle dataset(H5Dopen2(parent, path.c_str(), H5P_DEFAULT), H5Dclose);
    Handle file_space(H5Dget_space(dataset.get()), H5Sclose);
    const hsize_t start = first;
    const hsize_t n = count;
    H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &start, nullptr, &n, nullptr);
    Handle memory_space(H5Screate_simple(1, &n, nullptr), H5Sclose);
    if (H5Dread(dataset.get(), native_type(type), memory_space.get(), file_space.get(), H5P_DEFAULT,
                out) < 0) {
        bad_data(file, "dataset /" + path + " cannot be read (truncated file?)");
    }
}

}  // namespace regiosim::h5
