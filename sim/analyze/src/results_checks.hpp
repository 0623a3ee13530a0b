#pragma once

// Every value `analyze` uses as an index, a code or a time is checked against the table it
// points into before it is used: a damaged or hand-edited results file gets a DataError (exit
// 65) naming the file, the dataset, the row and what would be valid, never an out-of-bounds
// access or an internal error deeper down.

#include <fmt/format.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace regiosim::results_checks {

/// Throws DataError "<file>: /<dataset>[<row>] = <value> <problem>", with `valid`.
[[noreturn]] void bad_row(const std::filesystem::path& file, std::string_view dataset,
                          std::size_t row, const std::string& value, std::string_view problem,
                          std::string valid);

/// Throws DataError "<file>: <problem>", with `valid`.
[[noreturn]] void bad_file(const std::filesystem::path& file, std::string problem,
                           std::string valid);

/// Every value lies in [low, high]; `meaning` names what the values are ("a month").
template <class T>
void require_range(const std::filesystem::path& file, std::string_view dataset,
                   const std::vector<T>& values, std::int64_t low, std::int64_t high,
                   std::string_view meaning) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto v = static_cast<std::int64_t>(values[i]);
        if (v < low || v > high) {
            bad_row(file, dataset, i, std::to_string(v), "is out of range",
                    fmt::format("valid: {} from {} to {}", meaning, low, high));
        }
    }
}

/// Every value is −1 ("never") or lies in [low, high].
template <class T>
void require_range_or_never(const std::filesystem::path& file, std::string_view dataset,
                            const std::vector<T>& values, std::int64_t low, std::int64_t high,
                            std::string_view meaning) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto v = static_cast<std::int64_t>(values[i]);
        if (v != -1 && (v < low || v > high)) {
            bad_row(file, dataset, i, std::to_string(v), "is out of range",
                    fmt::format("valid: -1 (never) or {} from {} to {}", meaning, low, high));
        }
    }
}

/// Every value is finite and at least `low`.
void require_finite(const std::filesystem::path& file, std::string_view dataset,
                    const std::vector<double>& values, double low = -HUGE_VAL);

/// The dataset has `expected` rows; `why` says where that number comes from.
void require_rows(const std::filesystem::path& file, std::string_view dataset, std::uint64_t rows,
                  std::uint64_t expected, std::string_view why);

}  // namespace regiosim::results_checks
