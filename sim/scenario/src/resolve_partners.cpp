// [[partners]] and [[partner_groups]]: the organisations of the region, groups expanded into
// named partners, every name unique. Starting values the file leaves out are filled later by
// finish_draft, after the instruments have had their say.

#include <fmt/format.h>

#include <cmath>
#include <unordered_map>

#include "regiosim/scenario/partner_groups.hpp"
#include "resolve.hpp"

namespace regiosim::detail {

namespace {

constexpr double share_tolerance = 1e-9;

/// Optional attributes of a partner, or of every partner a group generates.
struct PartnerAttributes {
    std::optional<double> alignment;
    std::optional<double> capacity;
    std::optional<double> commitment;
    std::optional<double> expertise;
    std::optional<int> parallel_collaborations;
    std::optional<int> join_month;
};

PartnerAttributes read_attributes(TableReader& r, const Draft& draft) {
    PartnerAttributes a;
    a.alignment = r.number("alignment", {0, 1, "alignment with the joint goal"});
    a.capacity = r.number("capacity", {0, 100, "effort per month; a school is 1", true});
    a.commitment = r.number("commitment", {0, 1, "commitment"});
    a.expertise = r.number("expertise", {0, 1, "expertise"});
    a.parallel_collaborations = r.small_int("parallel_collaborations", 1, 50, "collaborations");
    const int horizon = draft.horizon_known ? draft.scenario.horizon_months : 360;
    const std::string unit = fmt::format("month; the horizon is {} months", horizon);
    a.join_month = r.small_int("join_month", 0, horizon - 1, unit);
    return a;
}

void apply_attributes(const PartnerAttributes& a, PartnerDraft& d) {
    d.has_alignment = a.alignment.has_value();
    d.has_capacity = a.capacity.has_value();
    d.has_commitment = a.commitment.has_value();
    d.has_expertise = a.expertise.has_value();
    d.spec.alignment = a.alignment.value_or(d.spec.alignment);
    d.spec.capacity = a.capacity.value_or(d.spec.capacity);
    d.spec.commitment = a.commitment.value_or(d.spec.commitment);
    d.spec.expertise = a.expertise.value_or(d.spec.expertise);
    d.spec.parallel_collaborations =
        a.parallel_collaborations.value_or(d.spec.parallel_collaborations);
    d.spec.join_month = a.join_month.value_or(d.spec.join_month);
}

std::string type_valid() {
    return "valid: " + join_names(partner_type_names);
}
std::string style_valid() {
    return "valid: " + join_names(style_names);
}

/// Partner names seen so far and the entry that introduced each.
using NameTable = std::unordered_map<std::string, std::string>;

void read_partner(const Node& item, std::size_t index, Draft& draft, NameTable& names,
                  DiagnosticSink& sink) {
    PartnerDraft d;
    d.path = index_path("partners", index);
    d.where = item.where;
    TableReader r(item, d.path, sink);
    std::optional<std::string> name;
    if (r.require("name", "valid: name = \"Da Vinci College\"")) {
        name = r.name("name");
    }
    if (r.require("type", type_valid())) {
        if (auto type = r.choice("type", partner_type_names, "partner type")) {
            d.spec.type = static_cast<PartnerType>(*type);
        }
    }
    if (r.require("style", style_valid())) {
        if (auto style = r.choice("style", style_names, "style")) {
            d.spec.style = static_cast<Style>(*style);
        }
    }
    apply_attributes(read_attributes(r, draft), d);
    if (auto kartrekker = r.boolean("kartrekker")) {
        d.spec.kartrekker = *kartrekker;
        d.has_kartrekker = true;
    }
    d.spec.group = r.string("group").value_or("");
    r.reject("remove", remove_outside_extends, remove_valid);
    r.report_unknown_keys();

    if (!name) {
        draft.partners_complete = false;
        return;
    }
    d.spec.name = *name;
    const auto [it, fresh] = names.emplace(*name, d.path);
    if (!fresh) {
        sink.add(r.get("name")->value.where, d.path + ".name",
                 fmt::format("{} is already the name of {}", user_text(*name), it->second),
                 "valid: a name no other partner has");
    }
    draft.partners.push_back(std::move(d));
}

struct GroupDraft {
    std::string path;
    Loc name_where;
    std::string name;
    PartnerType type = PartnerType::company;
    int count = 0;
    StyleShares shares{};
    PartnerAttributes attributes;
    std::optional<int> kartrekkers;
    bool ok = true;
};

void read_styles(TableReader& r, GroupDraft& g) {
    const Node* styles = r.table("styles");
    if (styles == nullptr) {
        g.ok = false;
        return;
    }
    const std::string path = r.path_of("styles");
    double sum = 0.0;
    for (const auto& entry : styles->entries) {
        Node key;
        key.type = Node::Type::string;
        key.where = entry.key_where;
        key.text = entry.key;
        auto index = read_choice(key, child_path(path, entry.key), style_names, "style", r.sink());
        auto share =
            read_number(entry.value, child_path(path, entry.key), {0, 1, "share"}, r.sink());
        if (!index || !share) {
            g.ok = false;
            continue;
        }
        g.shares[*index] = *share;
        sum += *share;
    }
    if (g.ok && std::abs(sum - 1.0) > share_tolerance) {
        r.sink().add(styles->where, path,
                     fmt::format("the shares sum to {}, not 1", show_number(sum)),
                     "valid: shares of the styles that add up to 1, e.g. { defensief = 0.7, "
                     "utilitair = 0.3 }");
        g.ok = false;
    }
}

GroupDraft read_group(const Node& item, std::size_t index, const Draft& draft,
                      DiagnosticSink& sink) {
    GroupDraft g;
    g.path = index_path("partner_groups", index);
    TableReader r(item, g.path, sink);
    std::optional<std::string> name;
    if (r.require("name", "valid: name = \"bedrijf\" (partners become `bedrijf 1`, …)")) {
        name = r.name("name");
        g.name_where = r.get("name")->value.where;
    }
    g.ok = name.has_value();
    g.name = name.value_or("");
    std::optional<std::size_t> type;
    if (r.require("type", type_valid())) {
        type = r.choice("type", partner_type_names, "partner type");
    }
    g.ok = g.ok && type.has_value();
    g.type = static_cast<PartnerType>(type.value_or(0));
    std::optional<int> count;
    if (r.require("count", "valid: an integer from 1 to 10000")) {
        count = r.small_int("count", 1, ScenarioLimits::max_partners, "partners");
    }
    g.ok = g.ok && count.has_value();
    g.count = count.value_or(0);
    if (r.require("styles", "valid: styles = { defensief = 0.7, utilitair = 0.3 }")) {
        read_styles(r, g);
    } else {
        g.ok = false;
    }
    g.attributes = read_attributes(r, draft);
    if (const Entry* k = r.get("kartrekkers")) {
        g.kartrekkers = r.small_int("kartrekkers", 0, ScenarioLimits::max_partners, "partners");
        if (g.kartrekkers && count && *g.kartrekkers > *count) {
            sink.add(k->value.where, r.path_of("kartrekkers"),
                     fmt::format("{} kartrekkers in a group of {}", *g.kartrekkers, *count),
                     fmt::format("valid: an integer from 0 to {} (the group's count)", *count));
            g.kartrekkers.reset();
        }
        g.ok = g.ok && g.kartrekkers.has_value();
    }
    r.reject("remove", remove_outside_extends, remove_valid);
    r.report_unknown_keys();
    return g;
}

void expand_group(const GroupDraft& g, Draft& draft, NameTable& names, DiagnosticSink& sink) {
    const auto counts = apportion_styles(g.count, g.shares);
    bool reported_clash = false;
    int number = 0;
    for (std::size_t style = 0; style < counts.size(); ++style) {
        for (int k = 0; k < counts[style]; ++k) {
            ++number;
            PartnerDraft d;
            d.path = g.path;
            d.where = g.name_where;
            d.spec.name = fmt::format("{} {}", g.name, number);
            d.spec.type = g.type;
            d.spec.style = static_cast<Style>(style);
            d.spec.group = g.name;
            apply_attributes(g.attributes, d);
            if (g.kartrekkers) {
                d.spec.kartrekker = number <= *g.kartrekkers;
                d.has_kartrekker = true;
            }
            const auto [it, fresh] = names.emplace(d.spec.name, g.path);
            if (!fresh && !reported_clash) {
                sink.add(g.name_where, g.path + ".name",
                         fmt::format("the group generates {}, which is already the name of {}",
                                     user_text(d.spec.name), it->second),
                         "valid: rename the group or that partner");
                reported_clash = true;
            }
            draft.partners.push_back(std::move(d));
        }
    }
}

}  // namespace

void resolve_partners(TableReader& top, Draft& draft) {
    DiagnosticSink& sink = top.sink();
    NameTable names;
    const auto max = static_cast<std::size_t>(ScenarioLimits::max_partners);
    const Node* partners = top.array_of_tables("partners", max);
    const Node* groups = top.array_of_tables("partner_groups", max);
    if ((partners == nullptr && top.node().find("partners") != nullptr) ||
        (groups == nullptr && top.node().find("partner_groups") != nullptr)) {
        draft.partners_complete = false;
    }
    if (partners != nullptr) {
        for (std::size_t i = 0; i < partners->items.size(); ++i) {
            read_partner(partners->items[i], i, draft, names, sink);
        }
    }
    if (groups != nullptr) {
        std::vector<GroupDraft> drafts;
        std::unordered_map<std::string, std::string> group_names;
        long long total = static_cast<long long>(draft.partners.size());
        for (std::size_t i = 0; i < groups->items.size(); ++i) {
            GroupDraft g = read_group(groups->items[i], i, draft, sink);
            if (!g.name.empty()) {
                const auto [it, fresh] = group_names.emplace(g.name, g.path);
                if (!fresh) {
                    sink.add(
                        g.name_where, g.path + ".name",
                        fmt::format("{} is already the name of {}", user_text(g.name), it->second),
                        "valid: a name no other group has");
                    g.ok = false;
                }
            }
            total += g.count;
            draft.partners_complete = draft.partners_complete && g.ok;
            drafts.push_back(std::move(g));
        }
        if (total > ScenarioLimits::max_partners) {
            sink.add(groups->where, "partner_groups",
                     fmt::format("the groups bring the region to {} partners", total),
                     "valid: at most 10000 partners in total");
            draft.partners_complete = false;
            return;
        }
        for (const auto& g : drafts) {
            if (g.ok) {
                expand_group(g, draft, names, sink);
            }
        }
    }
    if (draft.partners.empty() && draft.partners_complete) {
        sink.add(draft.root, "partners", "the region has no partners",
                 "valid: at least one [[partners]] or [[partner_groups]] entry");
    }
}

}  // namespace regiosim::detail
