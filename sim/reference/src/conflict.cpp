// docs/ODD.md §7.8: the distribution conflict and the deadlock counter.
#include <algorithm>

#include "regiosim/reference/submodels.hpp"

namespace regiosim::reference {

// §7.8: C ← clamp(C + g (1 − C) − ρ C) with last month's C and T̄ and this month's F.
void update_conflict(ReferenceState& s, const Step& c) {
    const auto& p = c.p;
    double misalignment = 0.0;
    for (const Partner& a : s.partners) {
        misalignment += a.active ? 1.0 - a.alignment : 0.0;
    }
    double divergence = s.n_active > 0 ? misalignment / s.n_active : 0.0;  // δ
    if (s.effects.covenant) {
        divergence *= 1.0 - p.covenant_role_clarity;
    }
    const double stake = std::min(1.0, s.funding / p.conflict_stake_reference);
    double growth = p.conflict_growth * stake * divergence *
                    (1.0 + p.conflict_escalation * s.conflict) *
                    (1.0 + p.conflict_policy_pressure_growth * c.scenario.context.policy_pressure);
    if (s.money_settled) {
        growth *= 1.0 - p.conflict_settled_dampening;
    }
    const double resolution = p.conflict_resolution *
                              std::min(1.0, s.mean_trust / p.conflict_trust_reference) *
                              (s.effects.vertical ? 1.0 + p.vertical_decision_speed : 1.0);
    s.conflict = clamp01(s.conflict + growth * (1.0 - s.conflict) - resolution * s.conflict);
    const bool was_deadlocked = s.deadlock_months > 0;
    s.deadlock_months = s.conflict >= p.conflict_deadlock_level ? s.deadlock_months + 1 : 0;
    if (!was_deadlocked && s.deadlock_months > 0) {
        c.log.add(s.month, EventKind::deadlock_began, -1, -1, s.conflict);
    }
}

}  // namespace regiosim::reference
