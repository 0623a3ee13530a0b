#pragma once

// Typed, checked reading of TOML tables. Every accessor reports what is wrong (type, range,
// unknown name) to the sink and returns nullopt, so resolution carries on and finds the next
// problem too. Keys asked for become the table's valid keys: report_unknown_keys() flags the
// rest, suggesting the closest valid one.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic_sink.hpp"
#include "document.hpp"
#include "suggest.hpp"

namespace regiosim::detail {

/// Valid values of a number: min..max, optionally excluding min, with a unit for messages.
struct Range {
    double min = 0.0;
    double max = 0.0;
    std::string_view unit;
    bool min_exclusive = false;

    [[nodiscard]] bool contains(double value) const noexcept {
        return (min_exclusive ? value > min : value >= min) && value <= max;
    }
    /// "valid: 0 to 1 (share)".
    [[nodiscard]] std::string describe() const;
};

/// Checks one value (a table entry or an array item) found at `path`.
std::optional<double> read_number(const Node& node, const std::string& path, const Range& range,
                                  DiagnosticSink& sink);
std::optional<std::int64_t> read_integer(const Node& node, const std::string& path,
                                         std::int64_t min, std::int64_t max, std::string_view unit,
                                         DiagnosticSink& sink);
std::optional<bool> read_boolean(const Node& node, const std::string& path, DiagnosticSink& sink);
std::optional<std::string> read_string(const Node& node, const std::string& path,
                                       DiagnosticSink& sink);
/// A name: a non-empty string of at most 200 bytes without control characters.
std::optional<std::string> read_name(const Node& node, const std::string& path,
                                     DiagnosticSink& sink);
/// One of `names`; the index into it.
std::optional<std::size_t> read_choice(const Node& node, const std::string& path,
                                       std::span<const std::string_view> names,
                                       std::string_view what, DiagnosticSink& sink);

class TableReader {
  public:
    TableReader(const Node& table, std::string path, DiagnosticSink& sink);

    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    [[nodiscard]] const Node& node() const noexcept { return table_; }
    [[nodiscard]] DiagnosticSink& sink() const noexcept { return sink_; }
    [[nodiscard]] std::string path_of(std::string_view key) const { return child_path(path_, key); }

    /// The entry for `key` (nullptr when absent); `key` becomes valid here.
    const Entry* get(std::string_view key);
    /// Makes `key` valid here without reading it.
    void allow(std::string_view key);
    /// When `key` is present, reports it with this problem instead of as unknown.
    void reject(std::string_view key, const std::string& problem, const std::string& valid);
    /// Reports `key` as missing when it is absent; returns whether it is present.
    bool require(std::string_view key, std::string_view what);

    std::optional<double> number(std::string_view key, const Range& range);
    std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                        std::string_view unit = {});
    std::optional<int> small_int(std::string_view key, int min, int max,
                                 std::string_view unit = {});
    std::optional<bool> boolean(std::string_view key);
    std::optional<std::string> string(std::string_view key);
    std::optional<std::string> name(std::string_view key);
    std::optional<std::size_t> choice(std::string_view key, std::span<const std::string_view> names,
                                      std::string_view what);
    /// A sub-table; reports a value of another type.
    const Node* table(std::string_view key);
    /// An array; reports a value of another type and more than `max_items` items.
    const Node* array(std::string_view key, std::size_t max_items);
    /// An array of tables (`[[key]]`); reports other types and more than `max_items` items.
    const Node* array_of_tables(std::string_view key, std::size_t max_items);

    /// Reports each key that no accessor asked for.
    void report_unknown_keys();

  private:
    const Node& table_;
    std::string path_;
    DiagnosticSink& sink_;
    std::vector<std::string_view> known_;
};

}  // namespace regiosim::detail
