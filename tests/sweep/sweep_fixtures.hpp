#pragma once

#include <filesystem>
#include <string>

#include "regiosim/experiment/run_table.hpp"
#include "regiosim/scenario/experiment_spec.hpp"

namespace regiosim::test {

/// A fresh, empty folder under the build tree for one test.
[[nodiscard]] std::filesystem::path scratch_folder(const std::string& name);

/// Writes `text` to `folder/name` and returns the path.
std::filesystem::path write_file(const std::filesystem::path& folder, const std::string& name,
                                 const std::string& text);

/// A small experiment over the reference scenario (absolute path), `design_lines` appended
/// after the [experiment] table (factors, [design], [output] …).
[[nodiscard]] std::string small_experiment(const std::string& name, const std::string& design,
                                           int replications, const std::string& more);

/// Every dataset of two results files compared element by element; returns the first
/// difference as text, or "" when equal.
[[nodiscard]] std::string first_difference(const std::filesystem::path& a,
                                           const std::filesystem::path& b);

}  // namespace regiosim::test
