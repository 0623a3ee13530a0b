// `[scenario] extends = "base.toml"`: a scenario as a small change of another. The derived file
// is overlaid on its base at the TOML level, before anything is resolved: tables merge key by
// key (derived wins); the named lists merge entry by entry on `name`, where `remove = true`
// deletes the base entry and a new name appends. Every node keeps the file and line it came
// from, so diagnostics still point where a key was written.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <system_error>
#include <unordered_map>

#include "resolve.hpp"

namespace regiosim::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 5> named_lists = {"partners", "partner_groups", "funding",
                                                         "interventions", "arms"};

bool is_named_list(std::string_view key) {
    return std::find(named_lists.begin(), named_lists.end(), key) != named_lists.end();
}

// The name an entry merges on: `name`, or for interventions written without one, its kind.
std::optional<std::string> merge_name(const Node& entry, std::string_view list) {
    if (const Entry* name = entry.find("name"); name != nullptr) {
        if (name->value.type == Node::Type::string) {
            return name->value.text;
        }
        return std::nullopt;
    }
    if (list == "interventions") {
        if (const Entry* kind = entry.find("kind");
            kind != nullptr && kind->value.type == Node::Type::string) {
            return kind->value.text;
        }
    }
    return std::nullopt;
}

void overlay_table(Node& base, Node&& derived, const std::string& path, DiagnosticSink& sink);

// Indexed by name so that merging two long lists stays linear. Removed base entries are
// only marked while merging (indices stay valid) and dropped at the end.
void merge_named_list(Node& base, Node&& derived, std::string_view key, const std::string& path,
                      DiagnosticSink& sink) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < base.items.size(); ++i) {
        if (auto name = merge_name(base.items[i], key)) {
            index.emplace(std::move(*name), i);
        }
    }
    std::vector<bool> removed(base.items.size(), false);
    for (std::size_t i = 0; i < derived.items.size(); ++i) {
        Node& entry = derived.items[i];
        const std::string entry_path = index_path(path, i);
        bool remove = false;
        if (auto it = std::find_if(entry.entries.begin(), entry.entries.end(),
                                   [](const Entry& e) { return e.key == "remove"; });
            it != entry.entries.end()) {
            if (it->value.type == Node::Type::boolean) {
                remove = it->value.boolean;
            } else {
                sink.add(it->value.where, entry_path + ".remove",
                         fmt::format("expected a boolean, got {}", describe_type(it->value)),
                         "valid: remove = true");
            }
            entry.entries.erase(it);
        }
        const auto name = merge_name(entry, key);
        std::optional<std::size_t> match;
        if (name) {
            if (auto it = index.find(*name); it != index.end() && !removed[it->second]) {
                match = it->second;
            }
        }
        if (remove) {
            if (!match) {
                sink.add(entry.where, entry_path,
                         name ? fmt::format("cannot remove {}: the base has no {} entry of that "
                                            "name",
                                            user_text(*name), key)
                              : std::string("an entry to remove needs a `name`"),
                         fmt::format("valid: the name of a [[{}]] entry in the base file", key));
            } else {
                removed[*match] = true;
            }
        } else if (match) {
            overlay_table(base.items[*match], std::move(entry), entry_path, sink);
        } else {
            base.items.push_back(std::move(entry));
        }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < base.items.size(); ++i) {
        if (i >= removed.size() || !removed[i]) {
            if (kept != i) {
                base.items[kept] = std::move(base.items[i]);
            }
            ++kept;
        }
    }
    base.items.resize(kept);
}

// horizon_years and horizon_months say the same thing: a derived file that gives one replaces
// whichever of them its base gave.
void drop_replaced_horizon(Node& base, const Node& derived) {
    for (const auto& [given, other] : {std::pair{"horizon_years", "horizon_months"},
                                       std::pair{"horizon_months", "horizon_years"}}) {
        if (derived.find(given) != nullptr && derived.find(other) == nullptr) {
            std::erase_if(base.entries, [other = other](const Entry& e) { return e.key == other; });
        }
    }
}

void overlay_table(Node& base, Node&& derived, const std::string& path, DiagnosticSink& sink) {
    if (path == "scenario") {
        drop_replaced_horizon(base, derived);
    }
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < base.entries.size(); ++i) {
        index.emplace(base.entries[i].key, i);
    }
    for (auto& entry : derived.entries) {
        const auto found = index.find(entry.key);
        Entry* existing = found == index.end() ? nullptr : &base.entries[found->second];
        const std::string key_path = child_path(path, entry.key);
        const bool named = is_named_list(entry.key) && entry.value.is_array_of_tables();
        if (existing == nullptr) {
            if (named) {
                // Still runs the merge, so that `remove` of a missing entry is reported.
                Node empty;
                empty.type = Node::Type::array;
                empty.where = entry.value.where;
                merge_named_list(empty, std::move(entry.value), entry.key, key_path, sink);
                entry.value = std::move(empty);
            }
            index.emplace(entry.key, base.entries.size());
            base.entries.push_back(std::move(entry));
        } else if (existing->value.is_table() && entry.value.is_table()) {
            overlay_table(existing->value, std::move(entry.value), key_path, sink);
        } else if (named && existing->value.is_array_of_tables()) {
            merge_named_list(existing->value, std::move(entry.value), entry.key, key_path, sink);
        } else {
            *existing = std::move(entry);
        }
    }
}

std::string chain_text(const std::vector<fs::path>& chain, const fs::path& next) {
    std::string out;
    for (const auto& p : chain) {
        out += p.filename().string() + " → ";
    }
    return out + next.filename().string();
}

}  // namespace

Node apply_extends(Node document, const fs::path& base_dir, std::vector<fs::path>& chain,
                   DiagnosticSink& sink, bool& base_missing,
                   const std::vector<std::string>* allowed) {
    const Entry* scenario = document.find("scenario");
    if (scenario == nullptr || !scenario->value.is_table()) {
        return document;
    }
    const Entry* extends = scenario->value.find("extends");
    if (extends == nullptr) {
        return document;
    }
    const Node& value = extends->value;
    const std::string path = "scenario.extends";
    if (value.type != Node::Type::string) {
        sink.add(value.where, path, fmt::format("expected a string, got {}", describe_type(value)),
                 "valid: extends = \"base.toml\" (relative to this file)");
        base_missing = true;
        return document;
    }
    // Decided on the parsed value, so no spelling of the key or comment can get around it; the
    // answer names neither the value nor a path and never depends on what exists on disk.
    if (allowed != nullptr &&
        std::find(allowed->begin(), allowed->end(), value.text) == allowed->end()) {
        sink.add(value.where, path, "names a file this scenario may not extend",
                 allowed->empty()
                     ? std::string("valid: no `extends` (no base file may be extended here)")
                     : fmt::format("valid: extends = one of {}", fmt::join(*allowed, ", ")));
        base_missing = true;
        return document;
    }
    const fs::path relative(value.text);
    // A NUL would cut the name short when the file is opened ("/dev/stdin\u0000.toml").
    const bool has_control = std::any_of(value.text.begin(), value.text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20U;
    });
    if (value.text.empty() || value.text.size() > 1024 || has_control ||
        relative.extension() != ".toml") {
        sink.add(value.where, path,
                 fmt::format("{} is not a .toml file name", user_text(value.text)),
                 "valid: extends = \"base.toml\" (relative to this file)");
        base_missing = true;
        return document;
    }
    const fs::path file =
        (relative.is_absolute() ? relative : base_dir / relative).lexically_normal();
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(file, ec);
    if (ec) {
        canonical = file;
    }
    if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
        sink.add(value.where, path, "`extends` forms a cycle: " + chain_text(chain, canonical),
                 "valid: a base that does not lead back to this file");
        base_missing = true;
        return document;
    }
    if (static_cast<int>(chain.size()) > ScenarioLimits::max_extends_depth) {
        sink.add(value.where, path,
                 fmt::format("more than {} files extend each other: {}",
                             ScenarioLimits::max_extends_depth, chain_text(chain, canonical)),
                 "valid: a chain of at most 8 base files");
        base_missing = true;
        return document;
    }
    std::string text;
    try {
        text = read_input_file(file);
    } catch (const MissingInputError& error) {
        const SourceLocation at = value.where.to_source();
        throw MissingInputError(
            fmt::format("{}:{}:{}: {}: {}", at.file, at.line, at.column, path, error.what()));
    }
    Node base = parse_document(text, std::make_shared<const std::string>(file.string()));
    chain.push_back(canonical);
    base = apply_extends(std::move(base), file.parent_path(), chain, sink, base_missing);
    chain.pop_back();
    overlay_table(base, std::move(document), "", sink);
    return base;
}

}  // namespace regiosim::detail
