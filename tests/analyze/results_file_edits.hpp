#pragma once

// Edits a results file in place the way damage or a careless hand would: one value of a
// dataset overwritten, or a dataset's extent changed without writing its rows.

#include <cstdint>
#include <filesystem>
#include <string>

namespace regiosim::test {

/// Sets row `row` of the 1-D dataset `dataset` (e.g. "runs/point") to `value`, converted to the
/// dataset's stored type.
void overwrite_value(const std::filesystem::path& file, const std::string& dataset,
                     std::uint64_t row, double value);

/// Sets the extent of the 1-D dataset to `rows` without writing them (metadata only).
void set_rows(const std::filesystem::path& file, const std::string& dataset, std::uint64_t rows);

/// Sets the extent of every dataset under `group` (its subgroups included) to `rows`.
void set_rows_of_group(const std::filesystem::path& file, const std::string& group,
                       std::uint64_t rows);

/// Runs a small sweep of the reference scenario into `folder/<name>.h5` (folder: a fresh
/// scratch folder named `name`): `design`, `replications`, `more` appended to the experiment,
/// `arms` replacing its arms line when not empty.
std::filesystem::path small_results_file(const std::string& name, const std::string& design,
                                         int replications, const std::string& more,
                                         const std::string& arms = "");

/// Copies `file` to `folder/name` and returns the copy.
std::filesystem::path copy_of(const std::filesystem::path& file,
                              const std::filesystem::path& folder, const std::string& name);

}  // namespace regiosim::test
