// [scenario], [context] and [model]: the scalars of a scenario and its parameter overrides.

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "regiosim/core/parameters.hpp"
#include "resolve.hpp"

namespace regiosim::detail {

// A seed is an integer 0 … 2^63−1, or — for seeds TOML integers cannot hold — a string of
// decimal digits up to 2^64−1.
std::optional<std::uint64_t> read_seed(const Node& node, const std::string& path,
                                       DiagnosticSink& sink) {
    const char* valid =
        "valid: an integer from 0 to 9223372036854775807, or a string of digits "
        "up to \"18446744073709551615\"";
    if (node.type == Node::Type::integer) {
        if (node.integer < 0) {
            sink.add(node.where, path, fmt::format("{} is negative", node.integer), valid);
            return std::nullopt;
        }
        return static_cast<std::uint64_t>(node.integer);
    }
    if (node.type == Node::Type::string) {
        const std::string& text = node.text;
        std::uint64_t value = 0;
        bool ok = !text.empty() && text.size() <= 20;
        for (const char c : text) {
            if (!ok || c < '0' || c > '9') {
                ok = false;
                break;
            }
            const auto digit = static_cast<std::uint64_t>(c - '0');
            if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
                ok = false;
                break;
            }
            value = value * 10 + digit;
        }
        if (!ok) {
            sink.add(node.where, path, fmt::format("{} is not a seed", user_text(text)), valid);
            return std::nullopt;
        }
        return value;
    }
    sink.add(node.where, path, fmt::format("expected an integer, got {}", describe_type(node)),
             valid);
    return std::nullopt;
}

namespace {

constexpr int months_per_year = 12;
constexpr int max_horizon_years = 30;

bool is_scenario_name(std::string_view name) {
    return !name.empty() && name.size() <= 100 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

void read_scenario_table(TableReader& top, Draft& draft) {
    const Node* table = top.table("scenario");
    if (table == nullptr) {
        if (top.node().find("scenario") == nullptr) {
            top.sink().add(draft.root, "scenario", "missing the [scenario] section",
                           "valid: [scenario] with at least name = \"…\"");
        }
        return;
    }
    TableReader r(*table, "scenario", top.sink());
    Scenario& s = draft.scenario;
    if (r.require("name", "valid: letters, digits, `_` and `-`, e.g. name = \"leiden\"")) {
        if (auto name = r.string("name")) {
            if (is_scenario_name(*name)) {
                s.name = *name;
            } else {
                top.sink().add(r.get("name")->value.where, "scenario.name",
                               fmt::format("{} is not a valid scenario name", user_text(*name)),
                               "valid: 1 to 100 letters, digits, `_` and `-`");
            }
        }
    }
    if (auto description = r.string("description")) {
        s.description = *description;
    }
    r.allow("extends");  // followed by apply_extends before resolution

    const Entry* years = r.get("horizon_years");
    const Entry* months = r.get("horizon_months");
    if (years != nullptr && months != nullptr) {
        top.sink().add(months->key_where, "scenario.horizon_months",
                       "both horizon_years and horizon_months are given",
                       "valid: give one of them");
        draft.horizon_known = false;
    } else if (years != nullptr) {
        auto value = r.small_int("horizon_years", 1, max_horizon_years, "years");
        draft.horizon_known = value.has_value();
        s.horizon_months = value ? *value * months_per_year : s.horizon_months;
    } else if (months != nullptr) {
        auto value = r.small_int("horizon_months", months_per_year,
                                 max_horizon_years * months_per_year, "months");
        draft.horizon_known = value.has_value();
        s.horizon_months = value.value_or(s.horizon_months);
    }
    if (const Entry* seed = r.get("seed")) {
        if (auto value = read_seed(seed->value, "scenario.seed", top.sink())) {
            s.seed = *value;
        }
    }
    s.replications = r.small_int("replications", 1, 1'000'000, "runs").value_or(s.replications);
    r.report_unknown_keys();
}

void read_context(TableReader& top, Draft& draft) {
    const Node* table = top.table("context");
    if (table == nullptr) {
        return;
    }
    TableReader r(*table, "context", top.sink());
    Context& c = draft.scenario.context;
    if (auto v = r.boolean("existing_structure")) {
        c.existing_structure = *v;
        draft.existing_structure_set = true;
    }
    c.policy_pressure = r.number("policy_pressure", {0, 1, "share"}).value_or(c.policy_pressure);
    c.urgency = r.number("urgency", {0, 1, "share"}).value_or(c.urgency);
    c.per_pupil_competition = r.boolean("per_pupil_competition").value_or(c.per_pupil_competition);
    if (auto v = r.boolean("money_settled")) {
        c.money_settled = *v;
        draft.money_settled_set = true;
    }
    r.report_unknown_keys();
}

std::vector<std::string_view> model_groups() {
    std::vector<std::string_view> groups;
    for (const auto& info : parameter_table()) {
        if (std::find(groups.begin(), groups.end(), info.group) == groups.end()) {
            groups.push_back(info.group);
        }
    }
    return groups;
}

void read_model_group(const Entry& group, Draft& draft, DiagnosticSink& sink) {
    const auto table = parameter_table();
    std::vector<std::string_view> names;
    for (const auto& info : table) {
        if (info.group == group.key) {
            names.push_back(info.name);
        }
    }
    const std::string group_path = "model." + group.key;
    for (const auto& entry : group.value.entries) {
        const std::string key = group.key + "." + entry.key;
        const std::string path = "model." + key;
        const ParameterInfo* info = find_parameter(key);
        if (info == nullptr) {
            std::string hint = did_you_mean(entry.key, names);
            if (hint.empty()) {
                for (const auto& other : table) {
                    if (other.name == entry.key) {
                        hint = fmt::format(" (it is in group `{}`: [model.{}])", other.group,
                                           other.group);
                        break;
                    }
                }
            }
            sink.add(entry.key_where, path,
                     fmt::format("unknown model parameter {}{}", user_text(entry.key), hint),
                     "valid in [" + group_path + "]: " + join_names(names));
            continue;
        }
        const Range range{info->min, info->max, info->unit};
        if (auto value = read_number(entry.value, path, range, sink)) {
            draft.scenario.model.*(info->field) = *value;
            draft.model_set[static_cast<std::size_t>(info - table.data())] = true;
        }
    }
}

void read_model(TableReader& top, Draft& draft) {
    const Node* model = top.table("model");
    if (model == nullptr) {
        return;
    }
    const auto groups = model_groups();
    for (const auto& group : model->entries) {
        const std::string path = "model." + group.key;
        if (std::find(groups.begin(), groups.end(), group.key) == groups.end()) {
            std::string hint = did_you_mean(group.key, groups);
            if (const ParameterInfo* info = find_parameter(group.key)) {
                hint = fmt::format(" (write it as [model.{}] {} = …)", info->group, info->name);
            }
            top.sink().add(group.key_where, path,
                           fmt::format("unknown model group {}{}", user_text(group.key), hint),
                           "valid groups: " + join_names(groups));
            continue;
        }
        if (!group.value.is_table()) {
            top.sink().add(
                group.value.where, path,
                fmt::format("expected a table, got {}", describe_type(group.value)),
                fmt::format("valid: [model.{}] followed by name = number lines", group.key));
            continue;
        }
        read_model_group(group, draft, top.sink());
    }
}

}  // namespace

void resolve_scenario_section(TableReader& top, Draft& draft) {
    draft.model_set.assign(parameter_table().size(), false);
    read_scenario_table(top, draft);
    read_context(top, draft);
    read_model(top, draft);
}

}  // namespace regiosim::detail
