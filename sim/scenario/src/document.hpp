#pragma once

// The loader's own copy of a parsed TOML file. Every value and key keeps the file, line and
// column it was written at, so that after `extends` has overlaid several files each diagnostic
// still points where the offending key was written.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "regiosim/errors/errors.hpp"

namespace regiosim::detail {

using FileName = std::shared_ptr<const std::string>;

/// Position of a key or value: shared file name, 1-based line and column (0: unknown).
struct Loc {
    FileName file;
    int line = 0;
    int column = 0;

    [[nodiscard]] SourceLocation to_source() const;
};

struct Entry;

/// A TOML value. Tables keep their keys in file order.
struct Node {
    enum class Type : unsigned char { string, integer, floating, boolean, date_time, table, array };

    Type type = Type::table;
    Loc where;
    std::string text;  ///< string value; for date_time the kind ("date", "time", "date-time")
    std::int64_t integer = 0;
    double floating = 0.0;
    bool boolean = false;
    std::vector<Entry> entries;  ///< table
    std::vector<Node> items;     ///< array

    [[nodiscard]] bool is_table() const noexcept { return type == Type::table; }
    [[nodiscard]] bool is_array() const noexcept { return type == Type::array; }
    /// An array whose every item is a table (an empty array counts).
    [[nodiscard]] bool is_array_of_tables() const noexcept;

    [[nodiscard]] const Entry* find(std::string_view key) const noexcept;
    [[nodiscard]] Entry* find(std::string_view key) noexcept;
};

struct Entry {
    std::string key;
    Loc key_where;
    Node value;
};

/// "a string", "an integer", … as used in "expected a number, got a string".
[[nodiscard]] std::string_view describe_type(const Node& node);

/// Parses TOML text into a Node tree. Checks size and nesting before parsing (toml++ would
/// recurse without bound on `a.a.a.…` keys) and the number of values after. Throws DataError
/// with one diagnostic on any of these or on a syntax error.
[[nodiscard]] Node parse_document(std::string_view text, const FileName& file);

/// Reads at most ScenarioLimits::max_file_bytes (+1 to notice a larger file) of a regular file.
/// Throws MissingInputError when it cannot be read, DataError when it is too large.
[[nodiscard]] std::string read_input_file(const std::filesystem::path& path);

}  // namespace regiosim::detail
