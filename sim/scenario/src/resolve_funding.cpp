// [[funding]]: money with a start and an end.

#include <fmt/format.h>

#include <unordered_map>

#include "resolve.hpp"

namespace regiosim::detail {

namespace {

constexpr int max_month = 1'000'000;
constexpr double max_amount = 1e9;

}  // namespace

void resolve_funding(TableReader& top, Draft& draft) {
    DiagnosticSink& sink = top.sink();
    const Node* list =
        top.array_of_tables("funding", static_cast<std::size_t>(ScenarioLimits::max_list_entries));
    if (list == nullptr) {
        draft.funding_complete = draft.funding_complete && top.node().find("funding") == nullptr;
        return;
    }
    std::unordered_map<std::string, std::string> names;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
        FundingDraft d;
        d.path = index_path("funding", i);
        TableReader r(list->items[i], d.path, sink);
        std::optional<std::string> name;
        if (r.require("name", "valid: name = \"pilot subsidy\"")) {
            name = r.name("name");
        }
        FundingStream& f = d.stream;
        if (r.require("monthly_amount", "valid: monthly_amount = 15.0 (k€ per month)")) {
            f.monthly_amount =
                r.number("monthly_amount", {0, max_amount, "k€ per month"}).value_or(0.0);
        }
        const Entry* start = r.get("start_month");
        if (auto month = r.small_int("start_month", 0, max_month, "month")) {
            f.start_month = *month;
            if (draft.horizon_known && *month >= draft.scenario.horizon_months) {
                sink.add(start->value.where, r.path_of("start_month"),
                         fmt::format("starts at month {}, at or after the horizon ({} months)",
                                     *month, draft.scenario.horizon_months),
                         fmt::format("valid: 0 to {}", draft.scenario.horizon_months - 1));
            }
        }
        const Entry* end = r.get("end_month");
        if (auto month = r.small_int("end_month", 1, max_month, "month; first month without it")) {
            f.end_month = *month;
            if (*month <= f.start_month) {
                sink.add(end->value.where, r.path_of("end_month"),
                         fmt::format("ends at month {}, not after its start ({})", *month,
                                     f.start_month),
                         "valid: a month after start_month, or leave it out for funding that "
                         "never ends");
            }
        }
        f.cofinancing_share =
            r.number("cofinancing_share", {0, 1, "share"}).value_or(f.cofinancing_share);
        r.reject("remove", remove_outside_extends, remove_valid);
        r.report_unknown_keys();
        if (!name) {
            draft.funding_complete = false;
            continue;
        }
        f.name = *name;
        const auto [it, fresh] = names.emplace(*name, d.path);
        if (!fresh) {
            sink.add(r.get("name")->value.where, d.path + ".name",
                     fmt::format("{} is already the name of {}", user_text(*name), it->second),
                     "valid: a name no other funding stream has");
        }
        draft.funding.push_back(std::move(d));
    }
}

}  // namespace regiosim::detail
