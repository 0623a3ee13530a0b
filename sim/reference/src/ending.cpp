// docs/ODD.md §8.1 (end causes and their attribution) and §8.2 (the flywheel rule).
#include <algorithm>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

// §8.2: until first reached, consecutive months with m̄, T̄, y high enough and D low enough;
// at flywheel.months the collaboration is self-sustaining and the phase becomes flywheel.
void update_flywheel(ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    if (c.result.month_self_sustaining >= 0) {
        return;
    }
    const bool holds =
        s.mean_commitment >= p.flywheel_commitment && s.mean_trust >= p.flywheel_trust &&
        s.output_per_partner >= p.flywheel_output && s.dependence <= p.flywheel_max_dependence;
    s.flywheel_months = holds ? s.flywheel_months + 1 : 0;
    if (s.flywheel_months >= p.flywheel_months) {
        c.result.month_self_sustaining = s.month;
        s.phase = Phase::flywheel;
        c.log.add(s.month, EventKind::became_self_sustaining);
    }
}

// §8.1: the checks in order; endings of kinds 2–4 are attributed to a recent leader loss, else to
// a recent funding cliff. The drift counter is updated only in months that pass checks 1–3.
EndCause check_ending(ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    const int t = s.month;
    const auto attribute = [&](EndCause own) {
        if (t - s.last_leader_loss <= p.ending_attribution_window) {
            return EndCause::leader_loss;
        }
        if (t - s.last_funding_drop <= p.ending_attribution_window) {
            return EndCause::funding_cliff;
        }
        return own;
    };
    if (s.deadlock_months >= p.conflict_deadlock_months) {
        return EndCause::negotiation_deadlock;
    }
    if (s.n_joined > 0 && s.n_active < std::max(2.0, p.ending_min_active_share * s.n_joined)) {
        return attribute(EndCause::partner_exodus);
    }
    if (s.n_active > 0 && s.mean_commitment < p.ending_commitment_floor) {
        return attribute(EndCause::drift);
    }
    if (t >= p.ending_grace_months) {
        s.drift_months = s.output_per_partner < p.ending_drift_output ? s.drift_months + 1 : 0;
        if (s.drift_months >= p.ending_drift_months) {
            return attribute(EndCause::drift);
        }
    }
    return EndCause::censored;
}

}  // namespace regiosim::reference
