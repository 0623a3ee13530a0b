// The rule of docs/ODD.md §7.8, as the reference engine states it plainly in
// sim/reference/src/conflict.cpp:
//
// clang-format off
//   δ     = mean_{i active} (1 − a_i) · (1 − covenant.role_clarity  if covenant)
//   stake = min(1, F / conflict.stake_reference)
//   g     = conflict.growth · stake · δ · (1 + conflict.escalation · C)
//           · (1 + conflict.policy_pressure_growth · policy_pressure)
//           · (1 − conflict.settled_dampening  if money settled)
//   ρ     = conflict.resolution · min(1, T̄ / conflict.trust_reference)
//           · (1 + vertical.decision_speed  if vertical structure)
//   C ← clamp(C + g (1 − C) − ρ C)
//   deadlock_months ← deadlock_months + 1  if C ≥ conflict.deadlock_level, else 0
//                                                 (log deadlock_began when it turns positive)
//
// clang-format on
// Below, the fast engine computes it: in the partners' single-precision lanes, with kernels
// over whole vector blocks (machinery/), which give the same result up to rounding.

#include <algorithm>

#include "../machinery/partner_sums.hpp"
#include "regiosim/core/submodels.hpp"

namespace regiosim::model {

void update_conflict(SimulationState& s, const StepContext& c) {
    const auto& p = c.p;
    const auto& a = s.partners;
    // Σ (1 − a_i) over the active partners, in the model's order of a sum over partners; summed
    // again only when who is active changed.
    if (s.divergence_at != s.active_changes) {
        s.divergence_sum =
            sums_over_active<1>(a.active.data(), a.stride(), {a.misalignment.data()})[0];
        s.divergence_at = s.active_changes;
    }
    double divergence = s.n_active > 0 ? s.divergence_sum / s.n_active : 0.0;
    if (s.effects.covenant) {
        divergence *= 1.0 - p.covenant_role_clarity;
    }
    // Money on the table that is not divided by agreement is what partners fight over.
    const double stake = std::min(1.0, s.funding / p.conflict_stake_reference);
    // Conflicts escalate: every month of quarrel makes the next quarrel easier.
    double growth = p.conflict_growth * stake * divergence *
                    (1.0 + p.conflict_escalation * s.conflict) *
                    (1.0 + p.conflict_policy_pressure_growth * c.scenario.context.policy_pressure);
    if (s.money_settled) {
        growth *= 1.0 - p.conflict_settled_dampening;
    }
    // Negotiation needs openness (seed 001): partners who trust each other settle faster.
    const double resolution = p.conflict_resolution *
                              std::min(1.0, s.mean_trust / p.conflict_trust_reference) *
                              (s.effects.vertical ? 1.0 + p.vertical_decision_speed : 1.0);
    s.conflict += growth * (1.0 - s.conflict) - resolution * s.conflict;
    s.conflict = std::clamp(s.conflict, 0.0, 1.0);

    const bool was = s.deadlock_months > 0;
    s.deadlock_months = s.conflict >= p.conflict_deadlock_level ? s.deadlock_months + 1 : 0;
    if (!was && s.deadlock_months > 0) {
        c.log.add(s.month, EventKind::deadlock_began, -1, -1, s.conflict);
    }
}

}  // namespace regiosim::model
