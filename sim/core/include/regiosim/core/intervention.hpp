#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regiosim/core/enum_names.hpp"

namespace regiosim {

/// The interventions of MODEL_BRIEF §5.
enum class InterventionKind : unsigned char {
    covenant,                ///< convenant: intention, exit barrier, renewal moments
    performance_agreements,  ///< prestatie-/leveringsafspraken: less free-riding, monitoring cost
    execution_team,          ///< uitvoeringsteam with a trekker: turns intention into action
    coordinator,             ///< makelaar / regiocoördinator: meetings, onboarding, dependence
    meetings,                ///< platform / informal meetings: trust, no focus
    settlement,              ///< afronden onderhandelingen: ends the interest game once
    stable_funding,          ///< stabiele bekostiging: no funding cliff, settled distribution
    vertical_structure,      ///< stuurgroep / kerngroep / werkgroepen
    monitoring,              ///< earlier detection of decline for triggered responses
};

inline constexpr std::array<std::string_view, 9> intervention_kind_names = {
    "covenant",   "performance_agreements", "execution_team",     "coordinator", "meetings",
    "settlement", "stable_funding",         "vertical_structure", "monitoring"};

[[nodiscard]] constexpr std::string_view to_string(InterventionKind k) noexcept {
    return intervention_kind_names[static_cast<std::size_t>(k)];
}

[[nodiscard]] constexpr std::optional<InterventionKind> parse_intervention_kind(
    std::string_view name) noexcept {
    return parse_enum<InterventionKind>(intervention_kind_names, name);
}

/// State of the collaboration a trigger watches (as noticed, i.e. with the monitoring lag).
enum class TriggerMetric : unsigned char {
    mean_commitment,
    mean_trust,
    active_share,
    conflict,
    output_per_partner,
    intention,
};

inline constexpr std::array<std::string_view, 6> trigger_metric_names = {
    "mean_commitment", "mean_trust", "active_share", "conflict", "output_per_partner", "intention"};

[[nodiscard]] constexpr std::string_view to_string(TriggerMetric m) noexcept {
    return trigger_metric_names[static_cast<std::size_t>(m)];
}

[[nodiscard]] constexpr std::optional<TriggerMetric> parse_trigger_metric(
    std::string_view name) noexcept {
    return parse_enum<TriggerMetric>(trigger_metric_names, name);
}

/// "When mean commitment falls below 0.4, hold a revival meeting" (seed 003, Jansen).
struct Trigger {
    TriggerMetric metric = TriggerMetric::mean_commitment;
    bool below = true;  ///< fire when the metric is below (true) or above (false) the threshold
    double threshold = 0.4;
    int cooldown_months = 12;  ///< months after a firing before it can fire again
    int max_firings = 1;       ///< 0 = unlimited

    friend bool operator==(const Trigger&, const Trigger&) = default;
};

/// One intervention as a scenario or arm states it. Fields that do not apply to its kind keep
/// their defaults and are ignored.
struct InterventionSpec {
    std::string name;  ///< unique within an arm, used in costs and the event log
    InterventionKind kind = InterventionKind::meetings;
    int start_month = 0;
    int duration_months = -1;  ///< -1: until the horizon; a triggered one runs this long per firing
    double yearly_cost = 0.0;  ///< k€ per year while active
    double one_off_cost = 0.0;  ///< k€ when it starts (or fires)
    std::optional<Trigger> trigger;

    int term_months = 24;              ///< covenant: term until renewal
    bool renew = true;                 ///< covenant: re-signed at the end of each term
    double meetings_per_year = 4;      ///< coordinator, meetings
    double intensity = 0.5;            ///< coordinator: how much it pulls (1 = does it all)
    std::string leader;                ///< execution_team: leader partner (empty: most committed)
    std::vector<std::string> members;  ///< execution_team members (empty: the most committed)
    int team_size = 5;                 ///< execution_team size when members are not listed
    std::string funded_by;  ///< coordinator/execution_team: ends when this funding stream ends
    double level = 1.0;     ///< stable_funding: share of the funding at its start that is kept

    friend bool operator==(const InterventionSpec&, const InterventionSpec&) = default;
};

}  // namespace regiosim
