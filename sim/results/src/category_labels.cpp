#include "regiosim/results/category_labels.hpp"

#include <array>

#include "regiosim/core/intervention.hpp"
#include "regiosim/core/run_result.hpp"

namespace regiosim {

namespace {

constexpr std::array<std::string_view, 24> event_kind_names = {
    "partner_joined",         "partner_left",
    "offensief_pulled_out",   "utilitair_left_for_returns",
    "left_at_renewal",        "key_figure_left",
    "team_leader_left",       "team_leader_replaced",
    "coordinator_arrived",    "coordinator_left",
    "intervention_started",   "intervention_ended",
    "intervention_triggered", "covenant_signed",
    "covenant_renewed",       "negotiations_settled",
    "funding_started",        "funding_cliff",
    "economic_shock_began",   "economic_shock_ended",
    "phase_changed",          "became_self_sustaining",
    "deadlock_began",         "ended",
};
static_assert(static_cast<std::size_t>(EventKind::ended) + 1 == event_kind_names.size(),
              "every EventKind needs a label: add it to event_kind_names in the same order");

template <std::size_t N>
std::vector<std::string> to_strings(const std::array<std::string_view, N>& names) {
    return {names.begin(), names.end()};
}

}  // namespace

std::vector<std::string> category_labels(std::string_view list) {
    if (list == "cause") {
        return to_strings(end_cause_names);
    }
    if (list == "phase") {
        return to_strings(phase_names);
    }
    if (list == "intervention") {
        return to_strings(intervention_kind_names);
    }
    if (list == "event") {
        return to_strings(event_kind_names);
    }
    return {};
}

std::string_view event_kind_label(int code) noexcept {
    return code >= 0 && static_cast<std::size_t>(code) < event_kind_names.size()
               ? event_kind_names[static_cast<std::size_t>(code)]
               : std::string_view("unknown");
}

}  // namespace regiosim
