#pragma once

// Small pieces of TOML text for the writer.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace regiosim::detail {

/// A TOML basic string: "…" with `"`, `\` and control characters escaped.
[[nodiscard]] std::string toml_string(std::string_view text);

/// `key = value` lines with the value already formatted.
[[nodiscard]] std::string toml_line(std::string_view key, std::string_view value);

[[nodiscard]] std::string toml_bool(bool value);
[[nodiscard]] std::string toml_float(double value);
[[nodiscard]] std::string toml_int(std::int64_t value);
[[nodiscard]] std::string toml_string_array(const std::vector<std::string>& items);
[[nodiscard]] std::string toml_int_array(const std::vector<int>& items);

/// A `# ----` banner comment that separates the sections of a written scenario.
[[nodiscard]] std::string toml_banner(std::string_view title);

}  // namespace regiosim::detail
