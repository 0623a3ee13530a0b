#pragma once

// Small typed helpers over the HDF5 C API shared by the results writer and reader. Callers
// hold h5::library_mutex(). Every failure throws IoError naming the file and the object.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "regiosim/results/hdf5_handle.hpp"
#include "regiosim/results/results_schema.hpp"

namespace regiosim::h5 {

[[nodiscard]] hid_t native_type(ColumnType type) noexcept;
[[nodiscard]] std::size_t type_size(ColumnType type) noexcept;

template <class T>
constexpr ColumnType column_type_of();
template <>
constexpr ColumnType column_type_of<std::int8_t>() {
    return ColumnType::int8;
}
template <>
constexpr ColumnType column_type_of<std::int16_t>() {
    return ColumnType::int16;
}
template <>
constexpr ColumnType column_type_of<std::int32_t>() {
    return ColumnType::int32;
}
template <>
constexpr ColumnType column_type_of<std::int64_t>() {
    return ColumnType::int64;
}
template <>
constexpr ColumnType column_type_of<std::uint64_t>() {
    return ColumnType::uint64;
}
template <>
constexpr ColumnType column_type_of<double>() {
    return ColumnType::float64;
}

/// Throws DataError: `file` is not a (complete) regiosim results file because of `problem`.
[[noreturn]] void not_a_results_file(const std::filesystem::path& file, const std::string& problem);

/// Throws IoError("<file>: <what>") — for a failed HDF5 call.
[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what);

Handle create_group(hid_t parent, const std::string& name, const std::filesystem::path& file);

/// An empty, extendible, chunked (`chunk_rows` rows), shuffled and deflated 1-D dataset.
Handle create_column(hid_t group, const std::string& name, ColumnType type,
                     const std::filesystem::path& file,
                     std::uint64_t chunk_rows = results_chunk_rows);

/// Appends `rows` elements at `data` to a 1-D dataset currently `current_rows` long.
void append_column(hid_t dataset, ColumnType type, const void* data, std::uint64_t current_rows,
                   std::uint64_t rows, const std::filesystem::path& file);

void write_string_attribute(hid_t object, const std::string& name, std::string_view value,
                            const std::filesystem::path& file);
void write_strings_attribute(hid_t object, const std::string& name,
                             const std::vector<std::string>& values,
                             const std::filesystem::path& file);
void write_int_attribute(hid_t object, const std::string& name, std::int64_t value,
                         const std::filesystem::path& file);
void write_uint_attribute(hid_t object, const std::string& name, std::uint64_t value,
                          const std::filesystem::path& file);
void write_double_attribute(hid_t object, const std::string& name, double value,
                            const std::filesystem::path& file);

/// Reading: throw DataError (the file is not what it should be) naming file and object.
[[nodiscard]] bool exists(hid_t parent, const std::string& path);
[[nodiscard]] std::string read_string_attribute(hid_t object, const std::string& name,
                                                const std::filesystem::path& file);
[[nodiscard]] std::vector<std::string> read_strings_attribute(hid_t object, const std::string& name,
                                                              const std::filesystem::path& file);
[[nodiscard]] std::int64_t read_int_attribute(hid_t object, const std::string& name,
                                              const std::filesystem::path& file);
[[nodiscard]] std::uint64_t read_uint_attribute(hid_t object, const std::string& name,
                                                const std::filesystem::path& file);
/// The number of rows of a 1-D dataset.
[[nodiscard]] std::uint64_t column_rows(hid_t parent, const std::string& path,
                                        const std::filesystem::path& file);
/// Reads rows [first, first + count) of a 1-D dataset of `type` into `out`.
void read_column(hid_t parent, const std::string& path, ColumnType type, std::uint64_t first,
                 std::uint64_t count, void* out, const std::filesystem::path& file);

}  // namespace regiosim::h5
