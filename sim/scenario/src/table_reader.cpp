#include "table_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace regiosim::detail {

std::string Range::describe() const {
    std::string out =
        min_exclusive
            ? fmt::format("valid: more than {}, up to {}", show_number(min), show_number(max))
            : fmt::format("valid: {} to {}", show_number(min), show_number(max));
    if (!unit.empty()) {
        out += fmt::format(" ({})", unit);
    }
    return out;
}

namespace {

void wrong_type(const Node& node, const std::string& path, std::string_view expected,
                std::string valid, DiagnosticSink& sink) {
    sink.add(node.where, path, fmt::format("expected {}, got {}", expected, describe_type(node)),
             std::move(valid));
}

std::string integer_range(std::int64_t min, std::int64_t max, std::string_view unit) {
    std::string out = fmt::format("valid: an integer from {} to {}", min, max);
    if (!unit.empty()) {
        out += fmt::format(" ({})", unit);
    }
    return out;
}

}  // namespace

std::optional<double> read_number(const Node& node, const std::string& path, const Range& range,
                                  DiagnosticSink& sink) {
    double value = 0.0;
    if (node.type == Node::Type::floating) {
        value = node.floating;
    } else if (node.type == Node::Type::integer) {
        value = static_cast<double>(node.integer);
    } else {
        wrong_type(node, path, "a number", range.describe(), sink);
        return std::nullopt;
    }
    if (!std::isfinite(value)) {
        sink.add(node.where, path, fmt::format("{} is not a finite number", show_number(value)),
                 range.describe());
        return std::nullopt;
    }
    if (!range.contains(value)) {
        sink.add(node.where, path, fmt::format("{} is out of range", show_number(value)),
                 range.describe());
        return std::nullopt;
    }
    return value;
}

std::optional<std::int64_t> read_integer(const Node& node, const std::string& path,
                                         std::int64_t min, std::int64_t max, std::string_view unit,
                                         DiagnosticSink& sink) {
    if (node.type != Node::Type::integer) {
        wrong_type(node, path, "an integer", integer_range(min, max, unit), sink);
        return std::nullopt;
    }
    if (node.integer < min || node.integer > max) {
        sink.add(node.where, path, fmt::format("{} is out of range", node.integer),
                 integer_range(min, max, unit));
        return std::nullopt;
    }
    return node.integer;
}

std::optional<bool> read_boolean(const Node& node, const std::string& path, DiagnosticSink& sink) {
    if (node.type != Node::Type::boolean) {
        wrong_type(node, path, "a boolean", "valid: true or false", sink);
        return std::nullopt;
    }
    return node.boolean;
}

std::optional<std::string> read_string(const Node& node, const std::string& path,
                                       DiagnosticSink& sink) {
    if (node.type != Node::Type::string) {
        wrong_type(node, path, "a string", "valid: text in double quotes", sink);
        return std::nullopt;
    }
    return node.text;
}

std::optional<std::string> read_name(const Node& node, const std::string& path,
                                     DiagnosticSink& sink) {
    auto text = read_string(node, path, sink);
    if (!text) {
        return std::nullopt;
    }
    constexpr std::size_t max_bytes = 200;
    const bool has_control = std::any_of(text->begin(), text->end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20U || c == 0x7F;
    });
    if (text->empty() || text->size() > max_bytes || has_control) {
        sink.add(node.where, path,
                 text->empty() ? std::string("the name is empty")
                               : fmt::format("{} is not a usable name", user_text(*text)),
                 "valid: 1 to 200 bytes of text without control characters");
        return std::nullopt;
    }
    return text;
}

std::optional<std::size_t> read_choice(const Node& node, const std::string& path,
                                       std::span<const std::string_view> names,
                                       std::string_view what, DiagnosticSink& sink) {
    const std::string valid = "valid: " + join_names(names);
    if (node.type != Node::Type::string) {
        wrong_type(node, path, "a string", valid, sink);
        return std::nullopt;
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == node.text) {
            return i;
        }
    }
    sink.add(
        node.where, path,
        fmt::format("unknown {} {}{}", what, user_text(node.text), did_you_mean(node.text, names)),
        valid);
    return std::nullopt;
}

TableReader::TableReader(const Node& table, std::string path, DiagnosticSink& sink)
    : table_(table), path_(std::move(path)), sink_(sink) {}

const Entry* TableReader::get(std::string_view key) {
    allow(key);
    return table_.find(key);
}

void TableReader::allow(std::string_view key) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
        known_.push_back(key);
    }
}

void TableReader::reject(std::string_view key, const std::string& problem,
                         const std::string& valid) {
    if (const Entry* entry = table_.find(key)) {
        sink_.add(entry->key_where, path_of(key), problem, valid);
    }
    // Handled either way: it must not be reported again as unknown.
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
        known_.push_back(key);
    }
}

bool TableReader::require(std::string_view key, std::string_view what) {
    allow(key);
    if (table_.find(key) != nullptr) {
        return true;
    }
    sink_.add(table_.where, path_of(key), fmt::format("missing required key `{}`", key),
              std::string(what));
    return false;
}

std::optional<double> TableReader::number(std::string_view key, const Range& range) {
    const Entry* entry = get(key);
    return entry ? read_number(entry->value, path_of(key), range, sink_) : std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t min,
                                                 std::int64_t max, std::string_view unit) {
    const Entry* entry = get(key);
    return entry ? read_integer(entry->value, path_of(key), min, max, unit, sink_) : std::nullopt;
}

std::optional<int> TableReader::small_int(std::string_view key, int min, int max,
                                          std::string_view unit) {
    auto value = integer(key, min, max, unit);
    return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key) {
    const Entry* entry = get(key);
    return entry ? read_boolean(entry->value, path_of(key), sink_) : std::nullopt;
}

std::optional<std::string> TableReader::string(std::string_view key) {
    const Entry* entry = get(key);
    return entry ? read_string(entry->value, path_of(key), sink_) : std::nullopt;
}

std::optional<std::string> TableReader::name(std::string_view key) {
    const Entry* entry = get(key);
    return entry ? read_name(entry->value, path_of(key), sink_) : std::nullopt;
}

std::optional<std::size_t> TableReader::choice(std::string_view key,
                                               std::span<const std::string_view> names,
                                               std::string_view what) {
    const Entry* entry = get(key);
    return entry ? read_choice(entry->value, path_of(key), names, what, sink_) : std::nullopt;
}

const Node* TableReader::table(std::string_view key) {
    const Entry* entry = get(key);
    if (entry == nullptr) {
        return nullptr;
    }
    if (!entry->value.is_table()) {
        wrong_type(entry->value, path_of(key), "a table",
                   fmt::format("valid: a [{}] section or an inline table {{ … }}", path_of(key)),
                   sink_);
        return nullptr;
    }
    return &entry->value;
}

const Node* TableReader::array(std::string_view key, std::size_t max_items) {
    const Entry* entry = get(key);
    if (entry == nullptr) {
        return nullptr;
    }
    if (!entry->value.is_array()) {
        wrong_type(entry->value, path_of(key), "an array", "valid: [ … ]", sink_);
        return nullptr;
    }
    if (entry->value.items.size() > max_items) {
        sink_.add(entry->value.where, path_of(key),
                  fmt::format("{} entries is too many", entry->value.items.size()),
                  fmt::format("valid: at most {}", max_items));
        return nullptr;
    }
    return &entry->value;
}

const Node* TableReader::array_of_tables(std::string_view key, std::size_t max_items) {
    const Entry* entry = get(key);
    if (entry == nullptr) {
        return nullptr;
    }
    if (!entry->value.is_array_of_tables()) {
        wrong_type(entry->value, path_of(key), "an array of tables",
                   fmt::format("valid: [[{}]] sections", path_of(key)), sink_);
        return nullptr;
    }
    if (entry->value.items.size() > max_items) {
        sink_.add(entry->value.where, path_of(key),
                  fmt::format("{} entries is too many", entry->value.items.size()),
                  fmt::format("valid: at most {}", max_items));
        return nullptr;
    }
    return &entry->value;
}

void TableReader::report_unknown_keys() {
    for (const auto& entry : table_.entries) {
        if (std::find(known_.begin(), known_.end(), entry.key) != known_.end()) {
            continue;
        }
        if (sink_.full()) {
            sink_.add(entry.key_where, path_of(entry.key), "unknown key");
            continue;
        }
        sink_.add(
            entry.key_where, path_of(entry.key),
            fmt::format("unknown key {}{}", user_text(entry.key), did_you_mean(entry.key, known_)),
            "valid keys here: " + join_names(known_));
    }
}

}  // namespace regiosim::detail
