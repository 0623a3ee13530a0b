#pragma once

#include <array>
#include <cstddef>

#include "regiosim/core/run_result.hpp"

namespace regiosim {

/// The interventions' combined effect this month, recomputed from the active set (docs/ODD.md
/// §2.4, §7.3 step 4).
struct ActiveEffects {
    bool covenant = false;
    bool agreements = false;
    bool team = false;         ///< a team exists (its leader may be vacant)
    bool coordinator = false;  ///< the role exists (the person may be vacant)
    bool vertical = false;
    bool monitoring = false;
    bool stable_funding = false;
    double meetings_per_year = 0.0;  ///< platform and informal meetings
    double coordinator_intensity = 0.0;
    double stable_level = 1.0;
};

/// The collaboration as a whole, the variables of docs/ODD.md §2.3, in double precision: the
/// same in both engines (the fast one's ModelState and the reference one's ReferenceState add
/// their partners, trust and interventions to it), so that they record the same outputs.
struct CollaborationState {
    int month = 0;
    int n_active = 0;
    int n_joined = 0;
    double mean_trust = 0.0;
    double mean_commitment = 0.0;
    double intention = 0.0;
    double conflict = 0.0;
    double dependence = 0.0;
    double action = 0.0;
    double output = 0.0;
    double output_per_partner = 0.0;
    double cumulative_output = 0.0;
    int successes = 0;
    bool success_this_month = false;
    Phase phase = Phase::forming;

    bool money_settled = false;
    bool economy_shock = false;
    double funding = 0.0;
    double funding_prev = 0.0;
    double funding_at_stable_start = 0.0;
    int last_funding_drop = -100000;
    int last_leader_loss = -100000;

    bool coordinator_present = false;
    int coordinator_vacant_until = -1;
    int team_leader = -1;
    int team_vacant_until = -1;
    int covenant_next_renewal = -1;
    bool covenant_renewal_this_month = false;

    int drift_months = 0;
    int deadlock_months = 0;
    int flywheel_months = 0;

    /// Hazard clocks of the collaboration (docs/ODD.md §4.9): what is left of each threshold.
    double coordinator_clock = 0.0;     ///< the coordinator (the person) leaves
    double success_clock = 0.0;         ///< a small success
    double business_cycle_clock = 0.0;  ///< a shock begins, or the shock ends

    ActiveEffects effects;

    /// Noticed state for triggers (§7.3): a ring buffer of the last months' values of the six
    /// metrics m̄, T̄, N/N_J, C, y, I (§7.11).
    static constexpr int history_length = 16;
    static constexpr std::size_t history_metrics = 6;
    std::array<std::array<double, history_length>, history_metrics> history{};
};

/// Room for every event a run can plausibly log (docs/ODD.md §8.3): 256 + 8 × partners + 4 ×
/// months; more are counted in RunResult::dropped_events, not stored.
[[nodiscard]] constexpr std::size_t event_log_capacity(std::size_t partners, int months) noexcept {
    return 256 + 8 * partners + 4 * static_cast<std::size_t>(months);
}

/// The yearly record of §8.3: the collaboration at the end of the year's last simulated month.
[[nodiscard]] inline YearRecord year_record(const CollaborationState& s) noexcept {
    YearRecord y;
    y.year = s.month / 12 + 1;
    y.active_partners = s.n_active;
    y.mean_trust = s.mean_trust;
    y.mean_commitment = s.mean_commitment;
    y.cumulative_results = s.cumulative_output;
    y.intention = s.intention;
    y.conflict = s.conflict;
    y.dependence = s.dependence;
    y.funding = s.funding;
    y.phase = s.phase;
    return y;
}

/// What a run's end writes into its result (§8.3): months survived (the month of the ending + 1,
/// or the horizon), whether it ended and why, the cumulative results.
inline void finish_result(RunResult& result, const CollaborationState& s, EndCause cause) noexcept {
    result.months_survived = s.month + 1;
    result.ended = cause != EndCause::censored;
    result.cause = cause;
    result.cumulative_results = s.cumulative_output;
}

}  // namespace regiosim
