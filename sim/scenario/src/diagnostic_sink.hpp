#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"
#include "regiosim/errors/errors.hpp"

namespace regiosim::detail {

/// Collects the problems of one load so that all of them are reported together. Stops
/// collecting after ScenarioLimits::max_diagnostics and says how many more there were.
class DiagnosticSink {
  public:
    void add(const Loc& where, std::string key_path, std::string problem, std::string valid = {});

    [[nodiscard]] bool empty() const noexcept { return list_.empty(); }
    [[nodiscard]] std::size_t count() const noexcept { return list_.size() + dropped_; }
    /// True once the sink has stopped collecting: callers may skip expensive checks.
    [[nodiscard]] bool full() const noexcept;

    /// The problems ordered by file (first seen first), line and column, with a closing note
    /// when some were dropped.
    [[nodiscard]] std::vector<Diagnostic> sorted() const;

    /// Throws DataError with sorted() when anything was collected.
    void throw_if_any() const;

  private:
    std::vector<Diagnostic> list_;
    std::size_t dropped_ = 0;
};

/// User text for a message: `text` in backticks, cut to 60 characters (with …) so that a
/// hostile megabyte-long key cannot blow up the report.
[[nodiscard]] std::string user_text(std::string_view text);

/// A number for a TOML file: the shortest text that reads back to the same double, always with
/// a `.` or exponent so TOML reads it as a float.
[[nodiscard]] std::string format_number(double value);

/// A number for a message: shortest round-trip text, no forced `.0` ("0 to 1", "1e+308").
[[nodiscard]] std::string show_number(double value);

/// "a.b" (or "b" at the top), "a[3]".
[[nodiscard]] std::string child_path(std::string_view path, std::string_view key);
[[nodiscard]] std::string index_path(std::string_view path, std::size_t index);

}  // namespace regiosim::detail
