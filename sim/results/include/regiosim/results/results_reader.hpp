#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "regiosim/experiment/run_table.hpp"
#include "regiosim/results/hdf5_handle.hpp"
#include "regiosim/results/results_schema.hpp"

namespace regiosim {

/// Reads a results file (or a shard) written by ResultsWriter. Opening checks that it is one:
/// a file that is not HDF5, is truncated, or is some other HDF5 file gets a DataError (exit 65)
/// naming the file and what is wrong; a missing file a MissingInputError (66).
class ResultsReader {
  public:
    explicit ResultsReader(const std::filesystem::path& path);
    ~ResultsReader();
    ResultsReader(const ResultsReader&) = delete;
    ResultsReader& operator=(const ResultsReader&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
    [[nodiscard]] bool has(const std::string& object) const;
    /// The declared rows of a 1-D dataset; a DataError when they would need more than 1100
    /// times the bytes the dataset stores (deflate compresses at most 1032:1), so a damaged
    /// extent is refused before anything is allocated for it (column() and read_table() rely
    /// on it).
    [[nodiscard]] std::uint64_t rows(const std::string& dataset) const;
    [[nodiscard]] std::string string_attribute(const std::string& name,
                                               const std::string& object = "/") const;
    [[nodiscard]] std::vector<std::string> strings_attribute(const std::string& name,
                                                             const std::string& object = "/") const;
    [[nodiscard]] std::int64_t int_attribute(const std::string& name,
                                             const std::string& object = "/") const;
    [[nodiscard]] std::uint64_t uint_attribute(const std::string& name,
                                               const std::string& object = "/") const;

    /// Instantiated for int8, int16, int32, int64, uint64 and double.
    /// A whole 1-D dataset, e.g. column<std::int32_t>("runs/months_survived").
    template <class T>
    [[nodiscard]] std::vector<T> column(const std::string& dataset) const;
    /// Rows [first, first + count) of a dataset.
    template <class T>
    void read(const std::string& dataset, std::uint64_t first, std::uint64_t count,
              std::vector<T>& out) const;

    /// Every column, factor columns named by `factor_names`. Checks that the columns of a
    /// group agree in length.
    [[nodiscard]] RunTable read_table(const std::vector<std::string>& factor_names) const;

  private:
    void read_raw(const std::string& dataset, ColumnType type, std::uint64_t first,
                  std::uint64_t count, void* out) const;

    std::filesystem::path path_;
    h5::Handle file_;
};

}  // namespace regiosim
