#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace regiosim {

/// Why a collaboration ended. `censored` means it was still alive at the horizon.
enum class EndCause : std::int8_t {
    censored = 0,
    drift = 1,                 ///< praatcircuit / bedrijfsverzamelgebouw: talk without action
    partner_exodus = 2,        ///< too many partners left
    funding_cliff = 3,         ///< fell apart after its funding stopped
    leader_loss = 4,           ///< fell apart after its coordinator or team leader left
    negotiation_deadlock = 5,  ///< stuck negotiating the split of funds
};

inline constexpr std::array<std::string_view, 6> end_cause_names = {
    "censored", "drift", "partner_exodus", "funding_cliff", "leader_loss", "negotiation_deadlock"};

[[nodiscard]] constexpr std::string_view to_string(EndCause c) noexcept {
    return end_cause_names[static_cast<std::size_t>(c)];
}

/// Phases of seed 003 (not always passed in this order), plus the flywheel state.
enum class Phase : std::int8_t { forming = 0, structuring = 1, deepening = 2, flywheel = 3 };

inline constexpr std::array<std::string_view, 4> phase_names = {"forming", "structuring",
                                                                "deepening", "flywheel"};

[[nodiscard]] constexpr std::string_view to_string(Phase p) noexcept {
    return phase_names[static_cast<std::size_t>(p)];
}

/// What happened, for the story of a run.
enum class EventKind : std::uint8_t {
    partner_joined,
    partner_left,
    offensief_pulled_out,
    utilitair_left_for_returns,
    left_at_renewal,
    key_figure_left,
    team_leader_left,
    team_leader_replaced,
    coordinator_arrived,
    coordinator_left,
    intervention_started,
    intervention_ended,
    intervention_triggered,
    covenant_signed,
    covenant_renewed,
    negotiations_settled,
    funding_started,
    funding_cliff,
    economic_shock_began,
    economic_shock_ended,
    phase_changed,
    became_self_sustaining,
    deadlock_began,
    ended,
};

/// One entry of the event log. Which fields mean something depends on the kind.
struct Event {
    int month = 0;
    EventKind kind = EventKind::ended;
    int partner = -1;       ///< partner index, or -1
    int intervention = -1;  ///< index into the run's intervention list, or -1
    double before = 0.0;    ///< e.g. mean trust in the partner before a key figure left
    double after = 0.0;
};

/// The state of the collaboration at the end of a simulated year.
struct YearRecord {
    int year = 0;  ///< 1-based
    int active_partners = 0;
    double mean_trust = 0.0;
    double mean_commitment = 0.0;
    double cumulative_results = 0.0;
    double intention = 0.0;
    double conflict = 0.0;
    double dependence = 0.0;
    double funding = 0.0;  ///< k€ in the last month of the year
    Phase phase = Phase::forming;
};

/// Everything one run produces. Buffers are reused between runs by the engine.
struct RunResult {
    int months_survived = 0;
    bool ended = false;  ///< event flag: false = censored at the horizon
    EndCause cause = EndCause::censored;
    int month_self_sustaining = -1;
    int months_to_first_success = -1;
    double total_cost = 0.0;  ///< k€ over the run
    double cumulative_results = 0.0;
    std::vector<YearRecord> years;
    /// k€ spent per year and intervention: spent[year * interventions + k].
    std::vector<double> spent;
    std::vector<Event> events;
    int dropped_events = 0;  ///< events not logged because the preallocated log was full
};

}  // namespace regiosim
