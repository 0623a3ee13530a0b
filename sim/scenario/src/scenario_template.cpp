#include "regiosim/scenario/scenario_template.hpp"

#include <cmath>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

#include "regiosim/core/parameters.hpp"
#include "regiosim/scenario/writer.hpp"
#include "resolve.hpp"

namespace regiosim {

namespace {

using detail::Entry;
using detail::Loc;
using detail::Node;

// One step of a key path: a table key, or an index into an array.
struct PathStep {
    std::string key;
    std::optional<std::size_t> index;
};

// Splits `partners[3].alignment` into {partners}, {[3]}, {alignment}. Returns nullopt and
// reports when the path is not of that shape.
std::optional<std::vector<PathStep>> parse_key_path(const ScenarioOverride& o, const Loc& where,
                                                    detail::DiagnosticSink& sink) {
    std::vector<PathStep> steps;
    const std::string_view path = o.key_path;
    const auto bad = [&](const std::string& problem) {
        sink.add(where, o.key_path, problem,
                 "valid: dotted keys with 0-based indices, e.g. `model.trust.build_rate` or "
                 "`partners[3].alignment`");
        return std::nullopt;
    };
    std::size_t i = 0;
    while (i < path.size()) {
        std::size_t end = i;
        while (end < path.size() && path[end] != '.' && path[end] != '[') {
            ++end;
        }
        if (end == i) {
            return bad("empty key in key path");
        }
        steps.push_back({std::string(path.substr(i, end - i)), std::nullopt});
        i = end;
        while (i < path.size() && path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string_view::npos || close == i + 1 || close - i > 7) {
                return bad("malformed index in key path");
            }
            std::size_t index = 0;
            for (std::size_t k = i + 1; k < close; ++k) {
                if (path[k] < '0' || path[k] > '9') {
                    return bad("index must be a non-negative integer");
                }
                index = index * 10 + static_cast<std::size_t>(path[k] - '0');
            }
            steps.push_back({{}, index});
            i = close + 1;
        }
        if (i < path.size()) {
            if (path[i] != '.' || i + 1 == path.size()) {
                return bad("key path must not end with `.` or contain text after `]`");
            }
            ++i;
        }
    }
    if (steps.empty() || steps.back().index) {
        return bad("key path must end with a key");
    }
    return steps;
}

Node value_node(const ScenarioOverride& o, const Node* existing, const Loc& where) {
    Node node;
    node.where = where;
    if (existing != nullptr && existing->type == Node::Type::boolean) {
        node.type = Node::Type::boolean;
        node.boolean = o.value != 0.0;
    } else if (o.integer || (existing != nullptr && existing->type == Node::Type::integer &&
                             o.value == std::floor(o.value))) {
        node.type = Node::Type::integer;
        node.integer = static_cast<std::int64_t>(std::llround(o.value));
    } else {
        node.type = Node::Type::floating;
        node.floating = o.value;
    }
    return node;
}

// Sets one override in the merged tree, creating the tables on its way that the file leaves
// out (a scenario need not write `[model.trust]` for a sweep to vary `model.trust.build_rate`).
void apply_override(Node& root, const ScenarioOverride& o, detail::DiagnosticSink& sink) {
    const Loc where{std::make_shared<const std::string>(o.origin.file), o.origin.line,
                    o.origin.column};
    const auto steps = parse_key_path(o, where, sink);
    if (!steps) {
        return;
    }
    Node* current = &root;
    std::string walked;
    for (std::size_t s = 0; s < steps->size(); ++s) {
        const PathStep& step = (*steps)[s];
        const bool last = s + 1 == steps->size();
        if (step.index) {
            if (!current->is_array()) {
                sink.add(where, o.key_path, "`" + walked + "` is not a list", "");
                return;
            }
            if (*step.index >= current->items.size()) {
                sink.add(where, o.key_path,
                         "`" + walked + "` has " + std::to_string(current->items.size()) +
                             " entries in the resolved file",
                         current->items.empty()
                             ? std::string("valid: none")
                             : "valid indices: 0 to " + std::to_string(current->items.size() - 1));
                return;
            }
            walked = detail::index_path(walked, *step.index);
            current = &current->items[*step.index];
            continue;
        }
        if (!current->is_table()) {
            sink.add(where, o.key_path, "`" + walked + "` is not a table", "");
            return;
        }
        walked = detail::child_path(walked, step.key);
        Entry* entry = current->find(step.key);
        if (last) {
            Node value = value_node(o, entry != nullptr ? &entry->value : nullptr, where);
            if (entry != nullptr) {
                entry->value = std::move(value);
            } else {
                current->entries.push_back(Entry{step.key, where, std::move(value)});
            }
            return;
        }
        if (entry == nullptr) {
            Node table;
            table.type = (*steps)[s + 1].index ? Node::Type::array : Node::Type::table;
            table.where = where;
            current->entries.push_back(Entry{step.key, where, std::move(table)});
            entry = &current->entries.back();
        }
        current = &entry->value;
    }
}

}  // namespace

struct ScenarioTemplate::Impl {
    Node merged;
    bool base_missing = false;
    LoadedScenario base;
};

ScenarioTemplate::ScenarioTemplate(const std::filesystem::path& file)
    : impl_(std::make_unique<Impl>()) {
    namespace fs = std::filesystem;
    const std::string text = detail::read_input_file(file);
    Node document =
        detail::parse_document(text, std::make_shared<const std::string>(file.string()));
    detail::DiagnosticSink sink;
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(file, ec);
    std::vector<fs::path> chain{ec ? file.lexically_normal() : canonical};
    impl_->merged = detail::apply_extends(std::move(document), file.parent_path(), chain, sink,
                                          impl_->base_missing);
    impl_->base = detail::resolve_document(impl_->merged, sink, impl_->base_missing);
    impl_->base.resolved_text = to_toml(impl_->base);
}

ScenarioTemplate::~ScenarioTemplate() = default;
ScenarioTemplate::ScenarioTemplate(ScenarioTemplate&&) noexcept = default;
ScenarioTemplate& ScenarioTemplate::operator=(ScenarioTemplate&&) noexcept = default;

const LoadedScenario& ScenarioTemplate::base() const noexcept {
    return impl_->base;
}

std::optional<double> ScenarioTemplate::value_at(std::string_view key_path) const {
    detail::DiagnosticSink ignored;
    const ScenarioOverride probe{std::string(key_path), 0.0, false, {}};
    const auto steps = parse_key_path(probe, Loc{}, ignored);
    if (steps) {
        const Node* current = &impl_->merged;
        for (const auto& step : *steps) {
            if (step.index) {
                current = current->is_array() && *step.index < current->items.size()
                              ? &current->items[*step.index]
                              : nullptr;
            } else {
                const Entry* entry = current->is_table() ? current->find(step.key) : nullptr;
                current = entry != nullptr ? &entry->value : nullptr;
            }
            if (current == nullptr) {
                break;
            }
        }
        if (current != nullptr && current->type == Node::Type::floating) {
            return current->floating;
        }
        if (current != nullptr && current->type == Node::Type::integer) {
            return static_cast<double>(current->integer);
        }
        if (current != nullptr && current->type == Node::Type::boolean) {
            return current->boolean ? 1.0 : 0.0;
        }
    }
    constexpr std::string_view model_prefix = "model.";
    if (key_path.starts_with(model_prefix)) {
        if (const ParameterInfo* p = find_parameter(key_path.substr(model_prefix.size()))) {
            return impl_->base.scenario.model.*(p->field);
        }
    }
    return std::nullopt;
}

Scenario ScenarioTemplate::resolve(std::span<const ScenarioOverride> overrides) const {
    if (overrides.empty()) {
        return impl_->base.scenario;
    }
    Node document = impl_->merged;
    detail::DiagnosticSink sink;
    for (const auto& o : overrides) {
        apply_override(document, o, sink);
    }
    sink.throw_if_any();
    return detail::resolve_document(document, sink, impl_->base_missing).scenario;
}

}  // namespace regiosim
