#include "document.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <fstream>
#include <system_error>

#include "input_guard.hpp"
#include "regiosim/scenario/loader.hpp"

namespace regiosim::detail {

SourceLocation Loc::to_source() const {
    return SourceLocation{file ? *file : std::string(), line, column};
}

bool Node::is_array_of_tables() const noexcept {
    if (type != Type::array) {
        return false;
    }
    for (const auto& item : items) {
        if (!item.is_table()) {
            return false;
        }
    }
    return true;
}

const Entry* Node::find(std::string_view key) const noexcept {
    for (const auto& entry : entries) {
        if (entry.key == key) {
            return &entry;
        }
    }
    return nullptr;
}

Entry* Node::find(std::string_view key) noexcept {
    for (auto& entry : entries) {
        if (entry.key == key) {
            return &entry;
        }
    }
    return nullptr;
}

std::string_view describe_type(const Node& node) {
    switch (node.type) {
        case Node::Type::string:
            return "a string";
        case Node::Type::integer:
            return "an integer";
        case Node::Type::floating:
            return "a float";
        case Node::Type::boolean:
            return "a boolean";
        case Node::Type::date_time:
            return "a date or time";
        case Node::Type::table:
            return "a table";
        case Node::Type::array:
            return "an array";
    }
    return "a value";
}

namespace {

[[noreturn]] void fail(const FileName& file, int line, int column, std::string problem,
                       std::string valid) {
    throw DataError({Diagnostic{SourceLocation{file ? *file : std::string(), line, column},
                                {},
                                std::move(problem),
                                std::move(valid)}});
}

class Converter {
  public:
    explicit Converter(FileName file) : file_(std::move(file)) {}

    Node convert(const toml::node& source) {
        if (++count_ > ScenarioLimits::max_values) {
            fail(file_, static_cast<int>(source.source().begin.line),
                 static_cast<int>(source.source().begin.column),
                 fmt::format("the file holds more than {} values", ScenarioLimits::max_values),
                 "split it up; a scenario with 10000 partners needs far fewer");
        }
        Node node;
        node.where = loc(source.source());
        switch (source.type()) {
            case toml::node_type::table:
                node.type = Node::Type::table;
                for (const auto& [key, value] : *source.as_table()) {
                    node.entries.push_back(
                        Entry{std::string(key.str()), loc(key.source()), convert(value)});
                }
                break;
            case toml::node_type::array:
                node.type = Node::Type::array;
                for (const auto& item : *source.as_array()) {
                    node.items.push_back(convert(item));
                }
                break;
            case toml::node_type::string:
                node.type = Node::Type::string;
                node.text = source.as_string()->get();
                break;
            case toml::node_type::integer:
                node.type = Node::Type::integer;
                node.integer = source.as_integer()->get();
                break;
            case toml::node_type::floating_point:
                node.type = Node::Type::floating;
                node.floating = source.as_floating_point()->get();
                break;
            case toml::node_type::boolean:
                node.type = Node::Type::boolean;
                node.boolean = source.as_boolean()->get();
                break;
            case toml::node_type::date:
                node.type = Node::Type::date_time;
                node.text = "date";
                break;
            case toml::node_type::time:
                node.type = Node::Type::date_time;
                node.text = "time";
                break;
            case toml::node_type::date_time:
            case toml::node_type::none:
                node.type = Node::Type::date_time;
                node.text = "date-time";
                break;
        }
        return node;
    }

  private:
    Loc loc(const toml::source_region& region) const {
        return Loc{file_, static_cast<int>(region.begin.line),
                   static_cast<int>(region.begin.column)};
    }

    FileName file_;
    std::size_t count_ = 0;
};

}  // namespace

Node parse_document(std::string_view text, const FileName& file) {
    if (text.size() > ScenarioLimits::max_file_bytes) {
        fail(
            file, 1, 1,
            fmt::format("the file is larger than {} bytes (4 MiB)", ScenarioLimits::max_file_bytes),
            "a scenario file is at most 4 MiB; describe large regions with [[partner_groups]]");
    }
    GuardResult guard = guard_toml_text(text, ScenarioLimits::max_nesting);
    if (guard.problem) {
        fail(file, guard.problem->line, guard.problem->column, std::move(guard.problem->problem),
             std::move(guard.problem->valid));
    }
    std::string escaped;
    if (!guard.escape_at.empty()) {
        escaped = escape_characters(text, guard.escape_at);
        text = escaped;
    }
    toml::table table;
    try {
        table = toml::parse(text, std::string(file ? *file : std::string()));
    } catch (const toml::parse_error& error) {
        fail(file, static_cast<int>(error.source().begin.line),
             static_cast<int>(error.source().begin.column),
             fmt::format("TOML syntax error: {}", error.description()),
             "see https://toml.io/en/v1.0.0 and docs/scenario-format.md");
    }
    Converter converter(file);
    Node root = converter.convert(table);
    root.where = Loc{file, 1, 1};
    return root;
}

std::string read_input_file(const std::filesystem::path& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        throw MissingInputError(fmt::format("{}: cannot read: no such file", path.string()));
    }
    if (!std::filesystem::is_regular_file(status)) {
        throw MissingInputError(fmt::format("{}: cannot read: not a regular file", path.string()));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw MissingInputError(fmt::format("{}: cannot open for reading", path.string()));
    }
    std::string text(ScenarioLimits::max_file_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) {
        throw MissingInputError(fmt::format("{}: reading failed", path.string()));
    }
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > ScenarioLimits::max_file_bytes) {
        throw DataError({Diagnostic{
            SourceLocation{path.string(), 1, 1},
            {},
            fmt::format("the file is larger than {} bytes (4 MiB)", ScenarioLimits::max_file_bytes),
            "a scenario file is at most 4 MiB; describe large regions "
            "with [[partner_groups]]"}});
    }
    return text;
}

}  // namespace regiosim::detail
