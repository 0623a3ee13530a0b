// [[interventions]] (present in every arm) and [[arms]] with their own [[arms.interventions]];
// the references of interventions to partners and funding streams.

#include <fmt/format.h>

#include <unordered_map>
#include <unordered_set>

#include "intervention_keys.hpp"
#include "resolve.hpp"

namespace regiosim::detail {

namespace {

constexpr int max_month = 1'000'000;
constexpr double max_cost = 1e9;

std::optional<NameRef> read_ref(TableReader& r, std::string_view key) {
    const Entry* entry = r.get(key);
    if (entry == nullptr) {
        return std::nullopt;
    }
    const std::string path = r.path_of(key);
    if (auto name = read_name(entry->value, path, r.sink())) {
        return NameRef{*name, entry->value.where, path};
    }
    return std::nullopt;
}

std::optional<Trigger> read_trigger(const Node& table, const std::string& path,
                                    DiagnosticSink& sink) {
    TableReader r(table, path, sink);
    Trigger t;
    bool ok = true;
    std::optional<std::size_t> metric;
    if (r.require("metric", "valid: " + join_names(trigger_metric_names))) {
        metric = r.choice("metric", trigger_metric_names, "trigger metric");
    }
    ok = metric.has_value();
    t.metric = static_cast<TriggerMetric>(metric.value_or(0));
    const Range range = !metric ? Range{0, 1e6, ""}
                        : t.metric == TriggerMetric::output_per_partner
                            ? Range{0, 1e6, "output/partner/month"}
                            : Range{0, 1, "share"};
    const Entry* below = r.get("below");
    const Entry* above = r.get("above");
    if (below != nullptr && above != nullptr) {
        sink.add(above->key_where, r.path_of("above"), "both `below` and `above` are given",
                 "valid: exactly one of them");
        ok = false;
    } else if (below == nullptr && above == nullptr) {
        sink.add(table.where, r.path_of("below"), "missing the threshold",
                 "valid: below = 0.4 (fires when the metric falls below it) or above = …");
        ok = false;
    } else {
        t.below = below != nullptr;
        auto threshold = r.number(t.below ? "below" : "above", range);
        ok = ok && threshold.has_value();
        t.threshold = threshold.value_or(t.threshold);
    }
    t.cooldown_months =
        r.small_int("cooldown_months", 0, 360, "months").value_or(t.cooldown_months);
    t.max_firings = r.small_int("max_firings", 0, 1000, "0 = unlimited").value_or(t.max_firings);
    r.report_unknown_keys();
    return ok ? std::optional<Trigger>(t) : std::nullopt;
}

void read_kind_specific(TableReader& r, InterventionKind kind, InterventionDraft& d) {
    InterventionSpec& s = d.spec;
    for (const auto& key : kind_specific_keys) {
        if (!applies_to(key, kind)) {
            r.reject(
                key.key, fmt::format("`{}` applies to {} only", key.key, kinds_text(key.kinds)),
                fmt::format("valid keys for kind `{}`: {}", to_string(kind), keys_of_kind(kind)));
        }
    }
    if (kind == InterventionKind::covenant) {
        s.term_months = r.small_int("term_months", 1, 360, "months").value_or(s.term_months);
        s.renew = r.boolean("renew").value_or(s.renew);
    }
    if (kind == InterventionKind::coordinator || kind == InterventionKind::meetings) {
        s.meetings_per_year = r.number("meetings_per_year", {0, 52, "meetings per year"})
                                  .value_or(s.meetings_per_year);
    }
    if (kind == InterventionKind::coordinator) {
        s.intensity = r.number("intensity", {0, 1, "1 = does it all"}).value_or(s.intensity);
    }
    if (kind == InterventionKind::execution_team) {
        d.leader = read_ref(r, "leader");
        s.leader = d.leader ? d.leader->name : "";
        if (const Node* members =
                r.array("members", static_cast<std::size_t>(ScenarioLimits::max_partners))) {
            std::unordered_set<std::string> seen;
            for (std::size_t i = 0; i < members->items.size(); ++i) {
                const std::string path = index_path(r.path_of("members"), i);
                const Node& item = members->items[i];
                if (auto name = read_name(item, path, r.sink())) {
                    if (!seen.insert(*name).second) {
                        r.sink().add(item.where, path,
                                     fmt::format("{} is listed twice", user_text(*name)),
                                     "valid: each member once");
                        continue;
                    }
                    d.members.push_back(NameRef{*name, item.where, path});
                    s.members.push_back(*name);
                }
            }
        }
        s.team_size = r.small_int("team_size", 1, 100, "partners").value_or(s.team_size);
    }
    if (kind == InterventionKind::coordinator || kind == InterventionKind::execution_team) {
        d.funded_by = read_ref(r, "funded_by");
        s.funded_by = d.funded_by ? d.funded_by->name : "";
    }
    if (kind == InterventionKind::stable_funding) {
        s.level = r.number("level", {0, 2, "share of the funding at its start"}).value_or(s.level);
    }
}

InterventionDraft read_intervention(const Node& item, std::string path, const Draft& draft,
                                    DiagnosticSink& sink) {
    InterventionDraft d;
    d.path = std::move(path);
    d.where = item.where;
    TableReader r(item, d.path, sink);
    InterventionSpec& s = d.spec;
    std::optional<std::size_t> kind;
    if (r.require("kind", "valid: " + join_names(intervention_kind_names))) {
        kind = r.choice("kind", intervention_kind_names, "intervention kind");
    }
    s.kind = static_cast<InterventionKind>(kind.value_or(0));
    d.name = read_ref(r, "name");
    s.name = d.name ? d.name->name : std::string(kind ? to_string(s.kind) : "");

    if (auto start = r.small_int("start_month", 0, max_month, "month")) {
        s.start_month = *start;
        if (draft.horizon_known && *start >= draft.scenario.horizon_months) {
            sink.add(r.get("start_month")->value.where, r.path_of("start_month"),
                     fmt::format("starts at month {}, at or after the horizon ({} months)", *start,
                                 draft.scenario.horizon_months),
                     fmt::format("valid: 0 to {}", draft.scenario.horizon_months - 1));
        }
    }
    s.duration_months =
        r.small_int("duration_months", 1, max_month, "months; leave out to run until the horizon")
            .value_or(s.duration_months);
    s.yearly_cost = r.number("yearly_cost", {0, max_cost, "k€ per year"}).value_or(s.yearly_cost);
    s.one_off_cost = r.number("one_off_cost", {0, max_cost, "k€"}).value_or(s.one_off_cost);
    if (const Node* trigger = r.table("trigger")) {
        s.trigger = read_trigger(*trigger, r.path_of("trigger"), sink);
    }
    if (kind) {
        read_kind_specific(r, s.kind, d);
    } else {
        for (const auto& key : kind_specific_keys) {
            r.allow(key.key);  // without a kind there is nothing to check them against
        }
    }
    r.reject("remove", remove_outside_extends, remove_valid);
    r.report_unknown_keys();
    return d;
}

using NameTable = std::unordered_map<std::string, std::string>;

void check_unique(const InterventionDraft& d, NameTable& names, const NameTable* common,
                  DiagnosticSink& sink) {
    if (d.spec.name.empty()) {
        return;
    }
    const Loc& where = d.name ? d.name->where : d.where;
    const std::string implicit =
        d.name ? "" : " (an intervention without `name` is named after its kind)";
    if (common != nullptr) {
        if (auto it = common->find(d.spec.name); it != common->end()) {
            sink.add(where, d.path + ".name",
                     fmt::format("{} is already the name of {}, which is in every arm{}",
                                 user_text(d.spec.name), it->second, implicit),
                     "valid: a name of its own, e.g. name = \"" + d.spec.name + " (arm)\"");
            return;
        }
    }
    const auto [it, fresh] = names.emplace(d.spec.name, d.path);
    if (!fresh) {
        sink.add(where, d.path + ".name",
                 fmt::format("{} is already the name of {}{}", user_text(d.spec.name), it->second,
                             implicit),
                 "valid: a name no other intervention in this list has");
    }
}

void check_reference(const NameRef& ref, const std::vector<std::string_view>& names,
                     const std::unordered_set<std::string_view>& known, std::string_view what,
                     DiagnosticSink& sink) {
    if (known.contains(ref.name) || sink.full()) {
        return;
    }
    // Suggestions compare against every partner name: worth it for the first few only.
    constexpr std::size_t suggest_below = 50;
    sink.add(ref.where, ref.path,
             fmt::format("no {} is named {}{}", what, user_text(ref.name),
                         sink.count() < suggest_below ? did_you_mean(ref.name, names) : ""),
             fmt::format("valid: the name of a {} in this scenario", what));
}

void check_references(const Draft& draft, DiagnosticSink& sink) {
    std::vector<std::string_view> partners;
    for (const auto& p : draft.partners) {
        partners.push_back(p.spec.name);
    }
    std::vector<std::string_view> streams;
    for (const auto& f : draft.funding) {
        streams.push_back(f.stream.name);
    }
    const std::unordered_set<std::string_view> partner_set(partners.begin(), partners.end());
    const std::unordered_set<std::string_view> stream_set(streams.begin(), streams.end());
    auto check = [&](const InterventionDraft& d) {
        if (draft.partners_complete) {
            if (d.leader) {
                check_reference(*d.leader, partners, partner_set, "partner", sink);
            }
            for (const auto& member : d.members) {
                check_reference(member, partners, partner_set, "partner", sink);
            }
        }
        if (draft.funding_complete && d.funded_by) {
            check_reference(*d.funded_by, streams, stream_set, "funding stream", sink);
        }
    };
    for (const auto& d : draft.interventions) {
        check(d);
    }
    for (const auto& arm : draft.arms) {
        for (const auto& d : arm.interventions) {
            check(d);
        }
    }
}

bool is_arm_name(std::string_view name) {
    return !name.empty() && name.size() <= 100 &&
           name.find_first_not_of(
               "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") ==
               std::string_view::npos;
}

void read_arms(TableReader& top, Draft& draft, const NameTable& common) {
    DiagnosticSink& sink = top.sink();
    const Node* arms = top.array_of_tables("arms", 1000);
    if (arms == nullptr) {
        return;
    }
    NameTable arm_names;
    for (std::size_t i = 0; i < arms->items.size(); ++i) {
        ArmDraft arm;
        arm.path = index_path("arms", i);
        TableReader r(arms->items[i], arm.path, sink);
        if (r.require("name", "valid: name = \"coordinator\"")) {
            arm.name = read_ref(r, "name");
            if (arm.name && !is_arm_name(arm.name->name)) {
                sink.add(arm.name->where, arm.name->path,
                         fmt::format("{} is not a valid arm name", user_text(arm.name->name)),
                         "valid: 1 to 100 letters, digits, `_` and `-` (it names result files)");
                arm.name.reset();
            }
        }
        if (arm.name) {
            const auto [it, fresh] = arm_names.emplace(arm.name->name, arm.path);
            if (!fresh) {
                sink.add(arm.name->where, arm.name->path,
                         fmt::format("{} is already the name of {}", user_text(arm.name->name),
                                     it->second),
                         "valid: a name no other arm has");
            }
        }
        arm.description = r.string("description").value_or("");
        const auto max = static_cast<std::size_t>(ScenarioLimits::max_list_entries);
        if (const Node* list = r.array_of_tables("interventions", max)) {
            NameTable names;
            for (std::size_t j = 0; j < list->items.size(); ++j) {
                auto d = read_intervention(list->items[j],
                                           index_path(r.path_of("interventions"), j), draft, sink);
                check_unique(d, names, &common, sink);
                arm.interventions.push_back(std::move(d));
            }
        }
        r.reject("remove", remove_outside_extends, remove_valid);
        r.report_unknown_keys();
        draft.arms.push_back(std::move(arm));
    }
}

}  // namespace

void resolve_interventions(TableReader& top, Draft& draft) {
    DiagnosticSink& sink = top.sink();
    NameTable common;
    const auto max = static_cast<std::size_t>(ScenarioLimits::max_list_entries);
    if (const Node* list = top.array_of_tables("interventions", max)) {
        for (std::size_t i = 0; i < list->items.size(); ++i) {
            auto d = read_intervention(list->items[i], index_path("interventions", i), draft, sink);
            check_unique(d, common, nullptr, sink);
            draft.interventions.push_back(std::move(d));
        }
    }
    read_arms(top, draft, common);
    check_references(draft, sink);
}

}  // namespace regiosim::detail
