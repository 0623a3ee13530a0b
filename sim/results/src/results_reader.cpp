#include "regiosim/results/results_reader.hpp"

#include <fmt/format.h>

#include <system_error>

#include "hdf5_io.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/results/run_table_columns.hpp"

namespace regiosim {

namespace {

[[noreturn]] void not_results(const std::filesystem::path& path, const std::string& problem) {
    h5::not_a_results_file(path, problem);
}

}  // namespace

ResultsReader::ResultsReader(const std::filesystem::path& path) : path_(path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw MissingInputError(path.string() + ": no such results file");
    }
    const std::lock_guard lock(h5::library_mutex());
    h5::silence_library_errors();
    if (H5Fis_hdf5(path.c_str()) <= 0) {
        not_results(path, "not an HDF5 file (or its header is damaged)");
    }
    file_ = h5::Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!file_.valid()) {
        not_results(path, "the HDF5 file cannot be opened: it is truncated or damaged");
    }
    if (H5Aexists(file_.get(), "format") <= 0) {
        not_results(path, "an HDF5 file, but not a regiosim results file (no `format` attribute)");
    }
    const std::string format = h5::read_string_attribute(file_.get(), "format", path_);
    if (format != results_format_name) {
        not_results(path, fmt::format("format is `{}`, not `{}`", format, results_format_name));
    }
    const std::int64_t version = h5::read_int_attribute(file_.get(), "format_version", path_);
    if (version != results_format_version) {
        not_results(path, fmt::format("format version {} is not the version {} this regiosim reads",
                                      version, results_format_version));
    }
    if (!h5::exists(file_.get(), "runs/run_id")) {
        not_results(path, "dataset /runs/run_id is missing");
    }
}

ResultsReader::~ResultsReader() {
    const std::lock_guard lock(h5::library_mutex());
    file_.reset();
}

bool ResultsReader::has(const std::string& object) const {
    const std::lock_guard lock(h5::library_mutex());
    return h5::exists(file_.get(), object);
}

std::uint64_t ResultsReader::rows(const std::string& dataset) const {
    const std::lock_guard lock(h5::library_mutex());
    return h5::column_rows(file_.get(), dataset, path_);
}

namespace {

template <class F>
auto with_object(hid_t file, const std::string& object, const std::filesystem::path& path, F&& f) {
    if (object == "/") {
        return f(file);
    }
    if (!h5::exists(file, object)) {
        not_results(path, "object /" + object + " is missing");
    }
    h5::Handle handle(H5Oopen(file, object.c_str(), H5P_DEFAULT), H5Oclose);
    if (!handle.valid()) {
        not_results(path, "object /" + object + " cannot be opened");
    }
    return f(handle.get());
}

}  // namespace

std::string ResultsReader::string_attribute(const std::string& name,
                                            const std::string& object) const {
    const std::lock_guard lock(h5::library_mutex());
    return with_object(file_.get(), object, path_,
                       [&](hid_t id) { return h5::read_string_attribute(id, name, path_); });
}

std::vector<std::string> ResultsReader::strings_attribute(const std::string& name,
                                                          const std::string& object) const {
    const std::lock_guard lock(h5::library_mutex());
    return with_object(file_.get(), object, path_,
                       [&](hid_t id) { return h5::read_strings_attribute(id, name, path_); });
}

std::int64_t ResultsReader::int_attribute(const std::string& name,
                                          const std::string& object) const {
    const std::lock_guard lock(h5::library_mutex());
    return with_object(file_.get(), object, path_,
                       [&](hid_t id) { return h5::read_int_attribute(id, name, path_); });
}

std::uint64_t ResultsReader::uint_attribute(const std::string& name,
                                            const std::string& object) const {
    const std::lock_guard lock(h5::library_mutex());
    return with_object(file_.get(), object, path_,
                       [&](hid_t id) { return h5::read_uint_attribute(id, name, path_); });
}

void ResultsReader::read_raw(const std::string& dataset, ColumnType type, std::uint64_t first,
                             std::uint64_t count, void* out) const {
    const std::lock_guard lock(h5::library_mutex());
    h5::read_column(file_.get(), dataset, type, first, count, out, path_);
}

template <class T>
void ResultsReader::read(const std::string& dataset, std::uint64_t first, std::uint64_t count,
                         std::vector<T>& out) const {
    out.resize(count);
    read_raw(dataset, h5::column_type_of<T>(), first, count, out.data());
}

template <class T>
std::vector<T> ResultsReader::column(const std::string& dataset) const {
    std::vector<T> out;
    read(dataset, 0, rows(dataset), out);
    return out;
}

RunTable ResultsReader::read_table(const std::vector<std::string>& factor_names) const {
    RunTable table;
    table.runs.factors.resize(factor_names.size());
    std::string current_group;
    std::uint64_t group_rows = 0;
    for_each_column(
        table, factor_names, [&](std::string_view group, const std::string& name, auto& column) {
            const std::string dataset = std::string(group) + "/" + name;
            const std::uint64_t n = rows(dataset);
            const std::string family(group.substr(0, group.find('/')));
            if (family != current_group) {
                current_group = family;
                group_rows = n;
            } else if (n != group_rows) {
                not_results(path_, fmt::format("dataset /{} has {} rows, the rest of /{} {}",
                                               dataset, n, family, group_rows));
            }
            read(dataset, 0, n, column);
        });
    return table;
}

#define REGIOSIM_INSTANTIATE(T)                                                            \
    template void ResultsReader::read<T>(const std::string&, std::uint64_t, std::uint64_t, \
                                         std::vector<T>&) const;                           \
    template std::vector<T> ResultsReader::column<T>(const std::string&) const;
REGIOSIM_INSTANTIATE(std::int8_t)
REGIOSIM_INSTANTIATE(std::int16_t)
REGIOSIM_INSTANTIATE(std::int32_t)
REGIOSIM_INSTANTIATE(std::int64_t)
REGIOSIM_INSTANTIATE(std::uint64_t)
REGIOSIM_INSTANTIATE(double)
#undef REGIOSIM_INSTANTIATE

}  // namespace regiosim
