#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace regiosim {

/// Identifies a regiosim results file (root attribute `format`) and its layout version.
inline constexpr std::string_view results_format_name = "regiosim-results";
inline constexpr std::int32_t results_format_version = 1;

/// Element type of a column.
enum class ColumnType : std::int8_t { int8, int16, int32, int64, uint64, float64 };

/// One documented 1-D dataset: `/<group>/<name>`. docs/results-format.md lists the same columns
/// (a test compares them), and the h5py test reads each.
struct ColumnInfo {
    std::string_view group;
    std::string_view name;
    ColumnType type;
    std::string_view unit;
    std::string_view meaning;
    std::string_view labels;  ///< for a categorical column: which label list its codes index
};

/// Every fixed column; factor values add /runs/factors/<name> (float64) per factor and
/// /design/unit/<name>, /design/value/<name>.
[[nodiscard]] std::span<const ColumnInfo> results_columns() noexcept;

/// Rows per chunk of every dataset: 65536 elements of at most 8 bytes, 512 KiB.
inline constexpr std::uint64_t results_chunk_rows = 65'536;

}  // namespace regiosim
